/*
 * Compiles a model's timeline: its cash-flow rows and the summary measures read
 * from them (NPV, payback, ROI, IRR, present values), so each measure is one
 * number per trial like any output. It computes what the planned sheet does
 * (src/presets/planTimeline.ts), column by column over the trials:
 *  - a row is one column per cell, Initial first (years + 1 cells);
 *  - a row formula that calls a function is, in the sheet, INDEX(<formula>, 1, k)
 *    in its k-th cell, with earlier rows as ranges: it is evaluated as an array
 *    (rows cell by cell, a single value across every cell, a time function's row
 *    as it gives it) and the k-th cell taken; past the end of the array Excel's
 *    INDEX gives #REF!. A row from year one (AICOST.DEPRECIATION) has 0 at the start;
 *  - a row formula of plain arithmetic is, in the sheet, written cell by cell;
 *  - a row function given a row where it takes a value reads that row as a list
 *    of scenarios; the sheet's INDEX(…, 1, k) reads the first scenario's row,
 *    made from each list's first cell;
 *  - arrays of different widths combine cell by cell, and the cells past the end
 *    of the narrower are #N/A, as Excel's array arithmetic gives;
 *  - the summaries are AICOST.PRESENT_VALUE, AICOST.PAYBACK, AICOST.ROI (through the
 *    calc module's own checks and arithmetic) and Excel's IRR (formulajs's).
 */
import { IRR } from "@formulajs/formulajs";
import {
  calcError,
  checkCell,
  excelErrorCode,
  findCalcFunction,
  findTimeFunction,
  isCalcError,
  messages,
  type CalcError,
  type ParamSpec,
  type RowFunction,
  type Scalar,
  type SeriesFunction,
  type SeriesParamSpec,
} from "../calc";
import { tokenizeFormula, type FormulaToken } from "../presets/formula";
import type { Preset, PresetTimeline } from "../presets/types";
import {
  callColumns,
  combine,
  constant,
  isTrialError,
  notFinite,
  valueAt,
  varying,
  type Column,
  type ConstantValue,
  type Operator,
  type RunState,
  type TrialError,
} from "./columns";
import { timelineOutputs, type ModelOutput } from "./defaults";

/** A formula's value over a run: one column, or a row of columns (an array one row high). */
type Value =
  { readonly kind: "scalar"; readonly column: Column } | { readonly kind: "row"; readonly cells: readonly Column[] };
type ValueNode = (run: RunState) => Value;

const scalar = (column: Column): Value => ({ kind: "scalar", column });

const pastNarrower: TrialError = {
  code: "#N/A",
  message: "arrays of different widths are combined here: this year is past the end of the narrower one",
};

const pastRowEnd = (width: number): TrialError => ({
  code: "#REF!",
  message: `the row formula gives ${width === 1 ? "1 value" : `${width} values`}, fewer than the timeline's years: this year is past its end`,
});

export function trialErrorOf(error: CalcError): TrialError {
  return { code: excelErrorCode[error.kind], message: error.message };
}

function width(value: Value): number {
  return value.kind === "scalar" ? 1 : value.cells.length;
}

/** The column of a value in cell c of an array `total` wide, or undefined past its end. */
function cellOf(value: Value, c: number): Column | undefined {
  if (value.kind === "scalar") return value.column;
  if (value.cells.length === 1) return value.cells[0];
  return value.cells[c];
}

/** Applies `f` cell by cell to values of which some are rows; single values serve every cell. */
function elementwise(values: readonly Value[], f: (columns: Column[]) => Column): Value {
  if (values.every((v) => v.kind === "scalar")) return scalar(f(values.map((v) => (v as { column: Column }).column)));
  const total = Math.max(...values.map(width));
  const cells: Column[] = [];
  for (let c = 0; c < total; c++) {
    const columns = values.map((v) => cellOf(v, c));
    cells.push(columns.some((column) => column === undefined) ? constant(pastNarrower) : f(columns as Column[]));
  }
  return { kind: "row", cells };
}

/** Runs `at` once when every column is constant, else once per trial. */
function perTrial<T>(
  columns: readonly (Column | undefined)[],
  trials: number,
  at: (value: (j: number) => ConstantValue | undefined) => T,
): T[] {
  if (columns.every((c) => c === undefined || c.kind === "constant")) {
    return [at((j) => (columns[j] as { value: ConstantValue } | undefined)?.value)];
  }
  const out = new Array<T>(trials);
  for (let i = 0; i < trials; i++) {
    out[i] = at((j) => {
      const column = columns[j];
      return column === undefined ? undefined : valueAt(column, i);
    });
  }
  return out;
}

function checkParam(param: ParamSpec, raw: ConstantValue | undefined): Scalar | TrialError {
  if (raw !== undefined && isTrialError(raw)) return raw;
  const checked = checkCell(param, raw === undefined ? null : raw);
  return isCalcError(checked) ? trialErrorOf(checked) : checked;
}

/** A row function's row per trial: each argument's first cell (a scalar is its own first cell). */
function callRow(fn: RowFunction, args: readonly Value[], trials: number): Value {
  if (args.length > fn.params.length) {
    return scalar(
      constant(trialErrorOf(calcError("value", "", messages.tooManyArguments(fn.id, fn.params.length, args.length)))),
    );
  }
  const columns = fn.params.map((_, p) => {
    const arg = args[p];
    return arg === undefined ? undefined : arg.kind === "scalar" ? arg.column : arg.cells[0];
  });
  const yearsIndex = fn.params.findIndex((param) => param.name === "years");
  const compute = fn.compute as (...a: Scalar[]) => readonly number[] | CalcError;
  const results = perTrial(columns, trials, (value) => {
    const values: Scalar[] = [];
    let error: TrialError | undefined;
    let years: number | undefined;
    fn.params.forEach((param, p) => {
      const checked = checkParam(param, value(p));
      if (isTrialError(checked)) error ??= checked;
      else {
        values.push(checked);
        if (p === yearsIndex && typeof checked === "number") years = checked;
      }
    });
    const cells = years === undefined ? 1 : years + (fn.startCell ? 1 : 0);
    if (error !== undefined) return { cells, row: error, years };
    const row = compute(...values);
    if (isCalcError(row)) return { cells, row: trialErrorOf(row), years };
    for (const v of row)
      if (!Number.isFinite(v))
        return { cells, row: trialErrorOf(calcError("num", "", messages.resultNotFinite(fn.id))), years };
    return { cells, row, years };
  });
  let total = 1;
  for (const r of results) if (r.cells > total) total = r.cells;
  const cellAt = (r: (typeof results)[number], c: number): number | TrialError => {
    if (isTrialError(r.row)) return r.row;
    if (c >= r.row.length) return trialErrorOf(calcError("na", "years", messages.shorterRow(r.years ?? 0)));
    const v = r.row[c] as number;
    return v === 0 ? 0 : v;
  };
  const cells: Column[] = [];
  for (let c = 0; c < total; c++) {
    cells.push(
      results.length === 1
        ? constant(cellAt(results[0] as (typeof results)[number], c))
        : varying(trials, (i) => cellAt(results[i] as (typeof results)[number], c)),
    );
  }
  return { kind: "row", cells };
}

/** An argument of a series function: the cells of a series, or one number column, or nothing (omitted). */
type SeriesArgument = readonly Column[] | Column | undefined;

/**
 * A series function (PRESENT_VALUE, PAYBACK, ROI) per trial, with the checks of
 * the calc module's evaluateSeries: inside a series an error passes on (the
 * first in order), a blank is 0 and text is #VALUE!; then the number arguments.
 */
function seriesColumn(fn: SeriesFunction, args: readonly SeriesArgument[], trials: number): Column {
  if (args.length > fn.params.length) {
    return constant(
      trialErrorOf(calcError("value", "", messages.tooManyArguments(fn.id, fn.params.length, args.length))),
    );
  }
  const flat: Column[] = [];
  const starts: number[] = [];
  for (const arg of args) {
    starts.push(flat.length);
    if (arg === undefined) continue;
    if (Array.isArray(arg)) flat.push(...(arg as readonly Column[]));
    else flat.push(arg as Column);
  }
  const compute = fn.compute as (...a: (number[] | Scalar)[]) => number | CalcError;
  const at = (value: (j: number) => ConstantValue | undefined): number | TrialError => {
    const values: (number[] | Scalar)[] = [];
    for (let p = 0; p < fn.params.length; p++) {
      const param = fn.params[p] as SeriesParamSpec | ParamSpec;
      const arg = args[p];
      if (param.type === "series") {
        const count = arg === undefined ? 0 : Array.isArray(arg) ? arg.length : 1;
        const series: number[] = new Array<number>(Math.max(count, 1)).fill(0);
        for (let k = 0; k < count; k++) {
          const raw = value((starts[p] as number) + k);
          if (raw === undefined || raw === "") continue;
          if (isTrialError(raw)) return raw;
          if (typeof raw !== "number")
            return trialErrorOf(calcError("value", param.name, messages.notANumber(param.name, raw)));
          series[k] = raw === 0 ? 0 : raw;
        }
        values.push(series);
      } else {
        const checked = checkParam(param, arg === undefined ? undefined : value(starts[p] as number));
        if (isTrialError(checked)) return checked;
        values.push(checked);
      }
    }
    const result = compute(...values);
    if (isCalcError(result)) return trialErrorOf(result);
    if (!Number.isFinite(result)) return trialErrorOf(calcError("num", "", messages.resultNotFinite(fn.id)));
    return result === 0 ? 0 : result;
  };
  const results = perTrial(flat, trials, at);
  return results.length === 1
    ? constant(results[0] as number | TrialError)
    : varying(trials, (i) => results[i] as number | TrialError);
}

/** A series function inside a row formula: a row of rates gives a row of results, one per rate. */
function callSeries(fn: SeriesFunction, args: readonly Value[], trials: number): Value {
  const numberArgs = fn.params.flatMap((param, p) =>
    param.type === "series" || args[p] === undefined ? [] : [args[p] as Value],
  );
  const seriesArgs = (c: number): SeriesArgument[] =>
    args.map((arg, p) => {
      const param = fn.params[p];
      if (param?.type === "series") return arg.kind === "scalar" ? [arg.column] : arg.cells;
      return cellOf(arg, c);
    });
  if (numberArgs.every((a) => a.kind === "scalar")) return scalar(seriesColumn(fn, seriesArgs(0), trials));
  const total = Math.max(...numberArgs.map(width));
  const cells: Column[] = [];
  for (let c = 0; c < total; c++) {
    const columns = seriesArgs(c);
    cells.push(
      columns.some((column, p) => column === undefined && args[p] !== undefined)
        ? constant(pastNarrower)
        : seriesColumn(fn, columns, trials),
    );
  }
  return { kind: "row", cells };
}

const noIrr: TrialError = {
  code: "#NUM!",
  message:
    "IRR finds no rate from -100% to 100,000% a year at which the net cash flows' present value is zero (the row needs a negative and a positive year)",
};

/** The present value of flows at a rate, the first undiscounted. */
function npvAt(flows: readonly number[], rate: number): number {
  let npv = 0;
  let factor = 1;
  for (const flow of flows) {
    npv += flow / factor;
    factor *= 1 + rate;
  }
  return npv;
}

/**
 * True when `rate` is a root of the flows (scaled to a largest flow of 1): their
 * present value is within 1e-9 of zero there, or changes sign within 1e-9
 * (relative) of it, where the present value is steep.
 */
export function isRoot(flows: readonly number[], rate: number): boolean {
  if (Math.abs(npvAt(flows, rate)) <= 1e-9) return true;
  const step = 1e-9 * Math.max(1, Math.abs(rate));
  return npvAt(flows, rate - step) * npvAt(flows, rate + step) <= 0;
}

/** Excel's IRR over a row, per trial (formulajs's): the first error in the row passes on. */
function irrColumn(cells: readonly Column[], trials: number): Column {
  const at = (value: (j: number) => ConstantValue | undefined): number | TrialError => {
    const flows: number[] = new Array<number>(cells.length);
    let largest = 0;
    for (let k = 0; k < cells.length; k++) {
      const raw = value(k);
      if (raw !== undefined && isTrialError(raw)) return raw;
      const flow = typeof raw === "number" ? raw : 0;
      flows[k] = flow;
      if (Math.abs(flow) > largest) largest = Math.abs(flow);
    }
    // IRR does not depend on the scale of the flows, but formulajs stops once the NPV is within
    // 1e-10 in absolute terms: scaled to a largest flow of 1, that is a relative tolerance, so cents
    // and billions are solved alike (unscaled, flows below 1e-10 all "solve" at its first guess).
    if (largest > 0) for (let k = 0; k < flows.length; k++) flows[k] = (flows[k] as number) / largest;
    const rate = IRR(flows) as unknown;
    if (typeof rate !== "number" || !Number.isFinite(rate)) return noIrr;
    // formulajs searches rates from -100% to 1000 (100,000% a year) and, where its search finds no
    // sign change, returns where it stopped: only a true root of the scaled flows is an IRR.
    if (!isRoot(flows, rate)) return noIrr;
    return rate === 0 ? 0 : rate;
  };
  const results = perTrial(cells, trials, at);
  return results.length === 1
    ? constant(results[0] as number | TrialError)
    : varying(trials, (i) => results[i] as number | TrialError);
}

class TimelineCompileError extends Error {}

/** Parses a validated timeline row formula into closures giving its value as an array. */
function compileRowFormula(
  formula: string,
  timeline: PresetTimeline,
  kindOf: (key: string) => "input" | "output" | "row" | undefined,
): ValueNode {
  const tokenized = tokenizeFormula(formula);
  if (!tokenized.ok) throw new TimelineCompileError(tokenized.fault.message);
  const tokens: FormulaToken[] = tokenized.tokens.filter((t) => t.kind !== "space");
  let at = 0;
  const peek = (): FormulaToken | undefined => tokens[at];
  const take = (): FormulaToken => {
    const token = tokens[at++];
    if (token === undefined) throw new TimelineCompileError("the formula ends too early");
    return token;
  };
  const isOperator = (token: FormulaToken | undefined, ...texts: string[]): token is FormulaToken =>
    token?.kind === "operator" && texts.includes(token.text);
  const binary =
    (operator: Operator, left: ValueNode, right: ValueNode): ValueNode =>
    (run) =>
      elementwise([left(run), right(run)], ([l, r]) => combine(operator, l as Column, r as Column, run.trials));

  const sum = (): ValueNode => {
    let left = product();
    while (isOperator(peek(), "+", "-")) left = binary(take().text as Operator, left, product());
    return left;
  };
  const product = (): ValueNode => {
    let left = power();
    while (isOperator(peek(), "*", "/")) left = binary(take().text as Operator, left, power());
    return left;
  };
  const power = (): ValueNode => {
    let left = unary();
    while (isOperator(peek(), "^")) {
      take();
      left = binary("^", left, unary());
    }
    return left;
  };
  const unary = (): ValueNode => {
    let negative = false;
    while (isOperator(peek(), "+", "-")) negative = take().text === "-" ? !negative : negative;
    const operand = primary();
    return negative ? binary("*", () => scalar(constant(-1)), operand) : operand;
  };
  const primary = (): ValueNode => {
    const token = take();
    switch (token.kind) {
      case "number": {
        const value = Number(token.text);
        return () => scalar(constant(Number.isFinite(value) ? value : notFinite("a number literal")));
      }
      case "string": {
        const text = token.text.slice(1, -1).replace(/""/g, '"');
        return () => scalar(constant(text));
      }
      case "key": {
        const key = token.text;
        if (key === "years") return () => scalar(constant(timeline.years));
        const kind = kindOf(key);
        if (kind === "input") return (run) => scalar(run.inputs.get(key) as Column);
        if (kind === "output") return (run) => scalar(run.outputs.get(key) as Column);
        if (kind === "row") {
          return (run) => {
            const cells = run.rows.get(key);
            if (cells === undefined) throw new TimelineCompileError(`row "${key}" is used before it is computed`);
            return { kind: "row", cells };
          };
        }
        throw new TimelineCompileError(`unknown key "${key}"`);
      }
      case "open": {
        const inner = sum();
        if (take().kind !== "close") throw new TimelineCompileError('expected ")"');
        return inner;
      }
      case "function": {
        const name = token.text;
        const calcFn = findCalcFunction(name);
        const timeFn = calcFn === undefined ? findTimeFunction(name) : undefined;
        if ((calcFn === undefined && timeFn === undefined) || !name.toUpperCase().startsWith("AICOST.")) {
          throw new TimelineCompileError(`unknown function ${name}`);
        }
        if (take().kind !== "open") throw new TimelineCompileError(`expected "(" after ${name}`);
        const args: ValueNode[] = [];
        if (peek()?.kind !== "close") {
          for (;;) {
            if (peek()?.kind === "comma" || peek()?.kind === "close") args.push(() => scalar(constant("")));
            else args.push(sum());
            if (peek()?.kind !== "comma") break;
            take();
          }
        }
        if (take().kind !== "close") throw new TimelineCompileError(`expected ")" to close ${name}(`);
        if (calcFn !== undefined) {
          return (run) =>
            elementwise(
              args.map((a) => a(run)),
              (columns) => callColumns(calcFn, columns, run.trials),
            );
        }
        const fn = timeFn as RowFunction | SeriesFunction;
        return fn.shape === "row"
          ? (run) =>
              callRow(
                fn,
                args.map((a) => a(run)),
                run.trials,
              )
          : (run) =>
              callSeries(
                fn,
                args.map((a) => a(run)),
                run.trials,
              );
      }
      default:
        throw new TimelineCompileError(`unexpected ${JSON.stringify(token.text)}`);
    }
  };
  const node = sum();
  if (at < tokens.length) throw new TimelineCompileError(`unexpected ${JSON.stringify(peek()?.text)}`);
  return node;
}

function callsFunction(formula: string): boolean {
  const tokenized = tokenizeFormula(formula);
  return tokenized.ok && tokenized.tokens.some((token) => token.kind === "function");
}

export interface CompiledTimeline {
  /** Computes every row into `run.rows`, in order; run after the one-year outputs. */
  readonly rows: (run: RunState) => void;
  readonly outputs: readonly (ModelOutput & { readonly evaluate: (run: RunState) => Column })[];
}

/** Compiles a validated preset's timeline; throws only on a timeline the validator refuses. */
export function compileTimeline(preset: Preset): CompiledTimeline | undefined {
  const timeline = preset.timeline;
  if (timeline === undefined) return undefined;
  const inputKeys = new Set(preset.inputs.map((i) => i.key));
  const outputKeys = new Set(preset.outputs.map((o) => o.key));
  const rowKeys = new Set<string>();
  const cellCount = timeline.years + 1;
  const rows = timeline.rows.map((row) => {
    const kindOf = (key: string) =>
      inputKeys.has(key) ? "input" : outputKeys.has(key) ? "output" : rowKeys.has(key) ? "row" : undefined;
    let node: ValueNode;
    try {
      node = compileRowFormula(row.formula, timeline, kindOf);
    } catch (error) {
      throw new Error(`${preset.id}: timeline row ${row.key}: ${(error as Error).message}`, { cause: error });
    }
    rowKeys.add(row.key);
    const indexed = row.fromYearOne === true || callsFunction(row.formula);
    const offset = row.fromYearOne === true ? 1 : 0;
    return (run: RunState): void => {
      const value = node(run);
      const cells: Column[] = [];
      for (let k = 0; k < cellCount; k++) {
        if (k < offset) {
          cells.push(constant(0));
        } else if (indexed) {
          // INDEX(value, 1, j): the j-th cell of the array, #REF! past its end.
          const j = k - offset;
          const cell = value.kind === "scalar" ? (j === 0 ? value.column : undefined) : value.cells[j];
          cells.push(cell ?? constant(pastRowEnd(width(value))));
        } else {
          cells.push(cellOf(value, k) ?? constant(pastNarrower));
        }
      }
      run.rows.set(row.key, cells);
    };
  });
  const presentValue = findTimeFunction("PRESENT_VALUE") as SeriesFunction;
  const payback = findTimeFunction("PAYBACK") as SeriesFunction;
  const roi = findTimeFunction("ROI") as SeriesFunction;
  const outputs = timelineOutputs(preset).map((output) => {
    const { summary: index, measure } = output.timeline as NonNullable<ModelOutput["timeline"]>;
    const summary = timeline.summaries[index] as PresetTimeline["summaries"][number];
    const row = (run: RunState, key: string | undefined): readonly Column[] =>
      run.rows.get(key ?? "") ?? [constant("")];
    const rate = (run: RunState): Column => run.inputs.get(timeline.discountRate) as Column;
    const evaluate = (run: RunState): Column => {
      switch (measure) {
        case "costsPv":
          return seriesColumn(presentValue, [row(run, summary.costs), rate(run)], run.trials);
        case "benefitsPv":
          return seriesColumn(presentValue, [row(run, summary.benefits), rate(run)], run.trials);
        case "npv":
          return seriesColumn(presentValue, [row(run, summary.net), rate(run)], run.trials);
        case "payback":
          return seriesColumn(payback, [row(run, summary.net)], run.trials);
        case "roi":
          return seriesColumn(roi, [row(run, summary.costs), row(run, summary.benefits), rate(run)], run.trials);
        case "irr":
          return irrColumn(row(run, summary.net), run.trials);
      }
    };
    return { ...output, evaluate };
  });
  return {
    rows: (run) => {
      for (const compute of rows) compute(run);
    },
    outputs,
  };
}
