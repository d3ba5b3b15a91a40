/*
 * Compiles a preset's output formulas once into closures over the calc module,
 * then evaluates them over whole columns of trials at a time. No spreadsheet is
 * recalculated per trial: each formula is parsed once, with Excel's operator
 * precedence, into a tree of closures; a run walks that tree once per output,
 * each node producing either a constant (when nothing under it varies) or a
 * Float64Array of one value per trial.
 *
 * Semantics follow Excel's (and HyperFormula's), which the tests hold it to:
 *  - precedence: unary minus, then ^ (left to right), then * and /, then + and -;
 *  - x / 0 is #DIV/0!; a non-finite result (overflow, 0^-1, (-8)^(1/3)) is #NUM!;
 *  - text in arithmetic is #VALUE! unless it reads as a number ("3" + 1 is 4);
 *  - an error in an operand or argument passes on, the leftmost first;
 *  - AICOST calls go through the calc module's `evaluateScalar`, which applies the
 *    functions' own validation, defaults and error messages.
 * A model with a timeline also gets its summary measures (NPV, IRR, payback,
 * ROI, present values) as outputs, compiled by timeline.ts.
 */
import { findCalcFunction, type CalcFunction } from "../calc";
import { tokenizeFormula, type FormulaToken } from "../presets/formula";
import type { Preset } from "../presets/types";
import { compileTimeline, rowLengthInputs } from "./timeline";
import {
  callColumns,
  combine,
  constant,
  notFinite,
  valueAt,
  varying,
  type Column,
  type ConstantValue,
  type Operator,
  type RunState,
  type TrialError,
} from "./columns";

export { isTrialError, valueAt, type Column, type ConstantValue, type TrialError } from "./columns";

/** What a run is given: the number of trials and, per input key, a column of draws or nothing (stays at base). */
export interface RunInputs {
  readonly trials: number;
  readonly draws: ReadonlyMap<string, Float64Array>;
}

type Node = (run: RunState) => Column;

export interface CompiledOutput {
  readonly key: string;
  readonly label: string;
  readonly format: Preset["outputs"][number]["format"];
  readonly evaluate: Node;
}

export interface CompiledModel {
  readonly preset: Preset;
  /** The one-year outputs, then the timeline's summary measures (see defaults.ts's modelOutputs). */
  readonly outputs: readonly CompiledOutput[];
  /** Evaluates every output over the run's trials; inputs not drawn stay at their base value. */
  run(inputs: RunInputs): Map<string, Column>;
}

function binary(operator: Operator, leftNode: Node, rightNode: Node): Node {
  return (run) => combine(operator, leftNode(run), rightNode(run), run.trials);
}

function negate(operandNode: Node): Node {
  return binary("*", () => constant(-1), operandNode);
}

function call(fn: CalcFunction, argumentNodes: readonly Node[]): Node {
  return (run) =>
    callColumns(
      fn,
      argumentNodes.map((node) => node(run)),
      run.trials,
    );
}

class FormulaCompileError extends Error {}

/** Parses one validated formula into a closure tree, with Excel's precedence. */
function compileFormula(formula: string, isInput: (key: string) => boolean): Node {
  const tokenized = tokenizeFormula(formula);
  if (!tokenized.ok) throw new FormulaCompileError(tokenized.fault.message);
  const tokens: FormulaToken[] = tokenized.tokens.filter((t) => t.kind !== "space");
  let at = 0;
  const peek = (): FormulaToken | undefined => tokens[at];
  const take = (): FormulaToken => {
    const token = tokens[at++];
    if (token === undefined) throw new FormulaCompileError("the formula ends too early");
    return token;
  };
  const isOperator = (token: FormulaToken | undefined, ...texts: string[]): token is FormulaToken =>
    token?.kind === "operator" && texts.includes(token.text);

  const sum = (): Node => {
    let left = product();
    while (isOperator(peek(), "+", "-")) left = binary(take().text as Operator, left, product());
    return left;
  };
  const product = (): Node => {
    let left = power();
    while (isOperator(peek(), "*", "/")) left = binary(take().text as Operator, left, power());
    return left;
  };
  const power = (): Node => {
    let left = unary();
    while (isOperator(peek(), "^")) {
      take();
      left = binary("^", left, unary());
    }
    return left;
  };
  const unary = (): Node => {
    let negative = false;
    while (isOperator(peek(), "+", "-")) negative = take().text === "-" ? !negative : negative;
    const operand = primary();
    return negative ? negate(operand) : operand;
  };
  const primary = (): Node => {
    const token = take();
    switch (token.kind) {
      case "number": {
        const value = Number(token.text);
        return () => constant(Number.isFinite(value) ? value : notFinite("a number literal"));
      }
      case "string": {
        const text = token.text.slice(1, -1).replace(/""/g, '"');
        return () => constant(text);
      }
      case "key": {
        const key = token.text;
        if (isInput(key)) return (run) => run.inputs.get(key) as Column;
        return (run) => {
          const column = run.outputs.get(key);
          if (column === undefined) throw new FormulaCompileError(`"${key}" is used before it is computed`);
          return column;
        };
      }
      case "open": {
        const inner = sum();
        if (take().kind !== "close") throw new FormulaCompileError('expected ")"');
        return inner;
      }
      case "function": {
        const fn = findCalcFunction(token.text);
        if (fn === undefined || !token.text.toUpperCase().startsWith("AICOST.")) {
          throw new FormulaCompileError(`unknown function ${token.text}`);
        }
        if (take().kind !== "open") throw new FormulaCompileError(`expected "(" after ${token.text}`);
        const args: Node[] = [];
        if (peek()?.kind !== "close") {
          for (;;) {
            // An empty argument (f(1,,3)) is an omitted one, as in Excel.
            if (peek()?.kind === "comma" || peek()?.kind === "close") args.push(() => constant(""));
            else args.push(sum());
            if (peek()?.kind !== "comma") break;
            take();
          }
        }
        if (take().kind !== "close") throw new FormulaCompileError(`expected ")" to close ${token.text}(`);
        return call(fn, args);
      }
      default:
        throw new FormulaCompileError(`unexpected ${JSON.stringify(token.text)}`);
    }
  };

  const node = sum();
  if (at < tokens.length) throw new FormulaCompileError(`unexpected ${JSON.stringify(peek()?.text)}`);
  return node;
}

/**
 * Compiles a validated preset. Throws only on a preset the validator would
 * refuse (the validator runs on every preset a host or the command line reads).
 */
export function compileModel(preset: Preset): CompiledModel {
  const inputKeys = new Set(preset.inputs.map((input) => input.key));
  const oneYear: CompiledOutput[] = preset.outputs.map((output) => {
    try {
      return {
        key: output.key,
        label: output.label,
        format: output.format,
        evaluate: compileFormula(output.formula, (key) => inputKeys.has(key)),
      };
    } catch (error) {
      throw new Error(`${preset.id}: output ${output.key}: ${(error as Error).message}`, { cause: error });
    }
  });
  const timeline = compileTimeline(preset);
  const summaries: CompiledOutput[] = (timeline?.outputs ?? []).map(({ key, label, format, evaluate }) => ({
    key,
    label,
    format,
    evaluate,
  }));
  const outputs = [...oneYear, ...summaries];
  const baseColumns = new Map<string, Column>(preset.inputs.map((input) => [input.key, constant(input.base)]));
  const rowLengthKeys = [...rowLengthInputs(preset)];

  return {
    preset,
    outputs,
    run(inputs: RunInputs): Map<string, Column> {
      // Inputs that set how many years a cash-flow row has: where their draws differ, rows differ in
      // length from trial to trial, so the trials are run in groups that share those values.
      const lengthDraws = rowLengthKeys.flatMap((key) => {
        const values = inputs.draws.get(key);
        return values === undefined ? [] : [values];
      });
      if (lengthDraws.every((values) => values.every((v) => v === values[0]))) return runColumns(inputs);
      return runInGroups(inputs, lengthDraws);
    },
  };

  function runColumns({ trials, draws }: RunInputs): Map<string, Column> {
    const inputs = new Map(baseColumns);
    for (const [key, values] of draws) {
      if (!inputKeys.has(key)) throw new Error(`${preset.id}: no input "${key}"`);
      if (values.length !== trials)
        throw new Error(`${preset.id}: ${key} has ${values.length} draws for ${trials} trials`);
      inputs.set(key, { kind: "varying", values, errors: null });
    }
    const state: RunState = { trials, inputs, outputs: new Map(), rows: new Map() };
    for (const output of oneYear) state.outputs.set(output.key, output.evaluate(state));
    if (timeline !== undefined) {
      timeline.rows(state);
      for (const output of summaries) state.outputs.set(output.key, output.evaluate(state));
    }
    return state.outputs;
  }

  /** The run, each group of trials with the same row-length values on its own, put back in trial order. */
  function runInGroups({ trials, draws }: RunInputs, lengthDraws: readonly Float64Array[]): Map<string, Column> {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < trials; i++) {
      const id = lengthDraws.map((values) => values[i]).join(" ");
      const group = groups.get(id);
      if (group === undefined) groups.set(id, [i]);
      else group.push(i);
    }
    const byTrial = new Map<string, ConstantValue[]>();
    for (const group of groups.values()) {
      const groupDraws = new Map([...draws].map(([key, values]) => [key, Float64Array.from(group, (i) => values[i] as number)]));
      for (const [key, column] of runColumns({ trials: group.length, draws: groupDraws })) {
        let values = byTrial.get(key);
        if (values === undefined) byTrial.set(key, (values = new Array<ConstantValue>(trials)));
        group.forEach((trial, j) => ((values as ConstantValue[])[trial] = valueAt(column, j)));
      }
    }
    return new Map(
      [...byTrial].map(([key, values]): [string, Column] => {
        const first = values[0] as ConstantValue;
        if (values.every((v) => v === first)) return [key, constant(first)];
        return [key, varying(trials, (i) => textAsError(values[i] as ConstantValue))];
      }),
    );
  }
}

/** A trial's value in a column of numbers: text (an output that is a name, say) as #VALUE!. */
export function textAsError(value: ConstantValue): number | TrialError {
  return typeof value === "string" ? { code: "#VALUE!", message: `the output is the text ${JSON.stringify(value)}, not a number` } : value;
}

/** Every output's value for one set of input values (a map of key to value; missing keys stay at base). */
export function evaluateOnce(model: CompiledModel, values: ReadonlyMap<string, number>): Map<string, ConstantValue> {
  const draws = new Map<string, Float64Array>();
  for (const [key, value] of values) draws.set(key, Float64Array.of(value));
  const columns = model.run({ trials: 1, draws });
  return new Map([...columns].map(([key, column]) => [key, valueAt(column, 0)]));
}
