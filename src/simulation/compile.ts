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
 */
import { evaluateScalar, excelErrorCode, findCalcFunction, isCalcError, type CalcFunction } from "../calc";
import { tokenizeFormula, type FormulaToken } from "../presets/formula";
import type { Preset } from "../presets/types";

/** An Excel error in one trial: its code and the message behind it. */
export interface TrialError {
  readonly code: "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A";
  readonly message: string;
}

/** A value that does not change between trials. */
export type ConstantValue = number | string | TrialError;

/** The value of a formula over a run: one constant for every trial, or one number per trial. */
export type Column =
  | { readonly kind: "constant"; readonly value: ConstantValue }
  | {
      readonly kind: "varying";
      /** One number per trial; NaN where `errors` holds that trial's error. */
      readonly values: Float64Array;
      /** The error of each failed trial; null when no trial failed. */
      readonly errors: readonly (TrialError | undefined)[] | null;
    };

/** What a run is given: the number of trials and, per input key, a column of draws or nothing (stays at base). */
export interface RunInputs {
  readonly trials: number;
  readonly draws: ReadonlyMap<string, Float64Array>;
}

type Node = (run: RunState) => Column;

interface RunState {
  readonly trials: number;
  readonly inputs: ReadonlyMap<string, Column>;
  readonly outputs: Map<string, Column>;
}

export interface CompiledOutput {
  readonly key: string;
  readonly label: string;
  readonly format: Preset["outputs"][number]["format"];
  readonly evaluate: Node;
}

export interface CompiledModel {
  readonly preset: Preset;
  readonly outputs: readonly CompiledOutput[];
  /** Evaluates every output over the run's trials; inputs not drawn stay at their base value. */
  run(inputs: RunInputs): Map<string, Column>;
}

export function isTrialError(value: unknown): value is TrialError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

const divisionByZero: TrialError = { code: "#DIV/0!", message: "division by zero: the divisor is 0" };

function notFinite(operator: string): TrialError {
  return { code: "#NUM!", message: `the result of ${operator} is too large or not a number` };
}

/** A constant or a trial's value as a number, as Excel's arithmetic reads it. */
function toNumber(value: ConstantValue): number | TrialError {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const text = value.trim();
    const number = text === "" ? NaN : Number(text);
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isFinite(number)) return number;
    return { code: "#VALUE!", message: `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} is not a number` };
  }
  return value;
}

type Operator = "+" | "-" | "*" | "/" | "^";

function applyOperator(operator: Operator, left: number, right: number): number | TrialError {
  let result: number;
  switch (operator) {
    case "+":
      result = left + right;
      break;
    case "-":
      result = left - right;
      break;
    case "*":
      result = left * right;
      break;
    case "/":
      if (right === 0) return divisionByZero;
      result = left / right;
      break;
    case "^":
      if (left === 0 && right === 0) return { code: "#NUM!", message: "0^0 is not defined" };
      if (left === 0 && right < 0) return divisionByZero;
      result = left ** right;
      break;
  }
  if (!Number.isFinite(result)) return notFinite(operator);
  return result === 0 ? 0 : result;
}

function constant(value: ConstantValue): Column {
  return { kind: "constant", value };
}

/** The value of a column in one trial. */
export function valueAt(column: Column, trial: number): ConstantValue {
  if (column.kind === "constant") return column.value;
  const error = column.errors?.[trial];
  return error ?? (column.values[trial] as number);
}

/** Builds a varying column from a per-trial function; the error array is made only if a trial fails. */
function varying(trials: number, at: (trial: number) => number | TrialError): Column {
  const values = new Float64Array(trials);
  let errors: (TrialError | undefined)[] | null = null;
  for (let i = 0; i < trials; i++) {
    const value = at(i);
    if (typeof value === "number") {
      values[i] = value;
    } else {
      values[i] = NaN;
      errors ??= new Array<TrialError | undefined>(trials);
      errors[i] = value;
    }
  }
  return { kind: "varying", values, errors };
}

function binary(operator: Operator, leftNode: Node, rightNode: Node): Node {
  return (run) => {
    const left = leftNode(run);
    const right = rightNode(run);
    if (left.kind === "constant" && right.kind === "constant") {
      const l = toNumber(left.value);
      if (isTrialError(l)) return constant(l);
      const r = toNumber(right.value);
      if (isTrialError(r)) return constant(r);
      return constant(applyOperator(operator, l, r));
    }
    // The hot path: number columns without errors, combined in one tight loop.
    if (left.kind === "varying" && right.kind === "varying" && left.errors === null && right.errors === null) {
      const a = left.values;
      const b = right.values;
      return varying(run.trials, (i) => applyOperator(operator, a[i] as number, b[i] as number));
    }
    if (left.kind === "constant") {
      const l = toNumber(left.value);
      if (isTrialError(l)) return constant(l);
      if (right.kind === "varying" && right.errors === null) {
        const b = right.values;
        return varying(run.trials, (i) => applyOperator(operator, l, b[i] as number));
      }
    }
    if (right.kind === "constant" && left.kind === "varying") {
      const r = toNumber(right.value);
      if (left.errors === null) {
        if (isTrialError(r)) return constant(r);
        const a = left.values;
        return varying(run.trials, (i) => applyOperator(operator, a[i] as number, r));
      }
    }
    return varying(run.trials, (i) => {
      const l = toNumber(valueAt(left, i));
      if (isTrialError(l)) return l;
      const r = toNumber(valueAt(right, i));
      if (isTrialError(r)) return r;
      return applyOperator(operator, l, r);
    });
  };
}

function negate(operandNode: Node): Node {
  return binary("*", () => constant(-1), operandNode);
}

function fromCalc(value: ReturnType<typeof evaluateScalar>): number | TrialError {
  return isCalcError(value) ? { code: excelErrorCode[value.kind], message: value.message } : value;
}

function call(fn: CalcFunction, argumentNodes: readonly Node[]): Node {
  return (run) => {
    const columns = argumentNodes.map((node) => node(run));
    const args: unknown[] = new Array(columns.length);
    if (columns.every((c) => c.kind === "constant")) {
      for (let j = 0; j < columns.length; j++) {
        const value = (columns[j] as { value: ConstantValue }).value;
        if (isTrialError(value)) return constant(value);
        args[j] = value;
      }
      return constant(fromCalc(evaluateScalar(fn, args)));
    }
    return varying(run.trials, (i) => {
      for (let j = 0; j < columns.length; j++) {
        const value = valueAt(columns[j] as Column, i);
        if (isTrialError(value)) return value;
        args[j] = value;
      }
      return fromCalc(evaluateScalar(fn, args));
    });
  };
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
  const outputs: CompiledOutput[] = preset.outputs.map((output) => {
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
  const baseColumns = new Map<string, Column>(preset.inputs.map((input) => [input.key, constant(input.base)]));

  return {
    preset,
    outputs,
    run({ trials, draws }: RunInputs): Map<string, Column> {
      const inputs = new Map(baseColumns);
      for (const [key, values] of draws) {
        if (!inputKeys.has(key)) throw new Error(`${preset.id}: no input "${key}"`);
        if (values.length !== trials) throw new Error(`${preset.id}: ${key} has ${values.length} draws for ${trials} trials`);
        inputs.set(key, { kind: "varying", values, errors: null });
      }
      const state: RunState = { trials, inputs, outputs: new Map() };
      for (const output of outputs) state.outputs.set(output.key, output.evaluate(state));
      return state.outputs;
    },
  };
}

/** Every output's value for one set of input values (a map of key to value; missing keys stay at base). */
export function evaluateOnce(model: CompiledModel, values: ReadonlyMap<string, number>): Map<string, ConstantValue> {
  const draws = new Map<string, Float64Array>();
  for (const [key, value] of values) draws.set(key, Float64Array.of(value));
  const columns = model.run({ trials: 1, draws });
  return new Map([...columns].map(([key, column]) => [key, valueAt(column, 0)]));
}
