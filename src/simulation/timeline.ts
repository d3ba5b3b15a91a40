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
 *    calc module's own checks and arithmetic, the present values shared) and
 *    Excel's IRR (irr.ts).
 */
import {
  calcError,
  callWithArguments,
  findCalcFunction,
  findTimeFunction,
  isCalcError,
  messages,
  type CalcError,
  type ParamSpec,
  type RowFunction,
  type Scalar,
  type SeriesFunction,
} from "../calc";
import { paybackYearsMany, presentValuesUsd } from "../calc/manyCases";
import { keyTemplate, parseFormula, tokenizeFormula, type FormulaToken } from "../presets/formula";
import type { Preset, PresetTimeline } from "../presets/types";
import {
  callColumns,
  checkedColumn,
  checkParam,
  cleanArguments,
  ColumnBuilder,
  combine,
  constant,
  readAt,
  reader,
  type Reader,
  notFinite,
  trialErrorOf,
  type Column,
  type ConstantValue,
  type Operator,
  type RunState,
  type TrialError,
} from "./columns";
import { timelineOutputs, type ModelOutput } from "./defaults";
import { irrOfFlows } from "./irr";

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

/*
 * The per-trial loops below run for every trial of every row function and
 * summary: they read columns directly (no closure per trial), check an argument
 * that does not vary once, reuse their argument arrays, and write straight into
 * the result's Float64Array. The calc module's functions they call are bound
 * once, here.
 */
const isError = isCalcError;
const errorOf = calcError;
const call = callWithArguments;
const read = readAt;
const trialError = trialErrorOf;
const irrOf = irrOfFlows;

/** A number parameter's reader, checked once when it does not vary. */
interface NumberArgument {
  readonly param: ParamSpec;
  /** The argument's column; for a number parameter that varies, already checked (numbers and errors). */
  readonly reader: Reader;
  /** The checked value when the argument does not vary. */
  readonly checked: Scalar | TrialError | undefined;
  /** True when `reader` holds checked values. */
  readonly prechecked: boolean;
}

function numberArgument(param: ParamSpec, column: Column | undefined): NumberArgument {
  if (column?.kind === "varying" && param.type === "number") {
    return { param, reader: reader(checkedColumn(param, column)), checked: undefined, prechecked: true };
  }
  const r = reader(column);
  return {
    param,
    reader: r,
    checked: r.values === null ? checkParam(param, r.constant) : undefined,
    prechecked: false,
  };
}

function checkedAt(arg: NumberArgument, i: number): Scalar | TrialError {
  if (arg.checked !== undefined) return arg.checked;
  const raw = read(arg.reader, i) as number | TrialError;
  return arg.prechecked ? raw : checkParam(arg.param, raw);
}

const tooMany = (fn: RowFunction | SeriesFunction, count: number): TrialError =>
  trialError(errorOf("value", "", messages.tooManyArguments(fn.id, fn.params.length, count)));

/** A row function's row per trial: each argument's first cell (a scalar is its own first cell). */
function callRow(fn: RowFunction, args: readonly Value[], trials: number): Value {
  if (args.length > fn.params.length) return scalar(constant(tooMany(fn, args.length)));
  const firstCells = args.map((arg) => (arg.kind === "scalar" ? arg.column : arg.cells[0]));
  const numbers = fn.params.map((param, p) => numberArgument(param, firstCells[p]));
  const yearsIndex = fn.params.findIndex((param) => param.name === "years");
  const compute = fn.compute as (...a: Scalar[]) => readonly number[] | CalcError;
  const values: Scalar[] = new Array<Scalar>(numbers.length);
  const varies = numbers.some((n) => n.checked === undefined);
  const count = varies ? trials : 1;
  const yearsOf = new Float64Array(count).fill(NaN);
  /** Trial i's row, or the error that fills it. */
  const rowAt = (i: number): readonly number[] | TrialError => {
    let error: TrialError | undefined;
    for (let p = 0; p < numbers.length; p++) {
      const checked = checkedAt(numbers[p] as NumberArgument, i);
      if (typeof checked === "object") error ??= checked;
      else {
        values[p] = checked;
        if (p === yearsIndex && typeof checked === "number") yearsOf[i] = checked;
      }
    }
    if (error !== undefined) return error;
    const row = call(compute, values);
    if (!Array.isArray(row)) return trialError(row as CalcError);
    for (let c = 0; c < row.length; c++)
      if (!Number.isFinite(row[c] as number)) return trialError(errorOf("num", "", messages.resultNotFinite(fn.id)));
    return row;
  };
  const shorter = (i: number): TrialError =>
    trialError(
      errorOf("na", "years", messages.shorterRow(Number.isNaN(yearsOf[i] as number) ? 0 : (yearsOf[i] as number))),
    );
  const widthOf = (i: number): number =>
    Number.isNaN(yearsOf[i] as number) ? 1 : (yearsOf[i] as number) + (fn.startCell ? 1 : 0);
  const write = (out: readonly ColumnBuilder[], i: number, row: readonly number[] | TrialError): void => {
    if (!Array.isArray(row)) {
      for (const builder of out) builder.set(i, row as TrialError);
      return;
    }
    const full = row as readonly number[];
    for (let c = 0; c < out.length; c++) {
      const builder = out[c] as ColumnBuilder;
      if (c < full.length) {
        const v = full[c] as number;
        builder.values[i] = v === 0 ? 0 : v;
      } else {
        builder.set(i, shorter(i));
      }
    }
  };
  const cells: Column[] = [];
  if (!varies) {
    const row = rowAt(0);
    const out = Array.from({ length: widthOf(0) }, () => new ColumnBuilder(1));
    write(out, 0, row);
    for (const builder of out) cells.push(constant(builder.errors?.[0] ?? (builder.values[0] as number)));
    return { kind: "row", cells };
  }
  // The row's width is known before the first trial when `years` does not vary: each row is
  // written into the result's columns as it comes (and then dropped); else every row is kept
  // until the widest is known.
  const years = yearsIndex < 0 ? undefined : (numbers[yearsIndex] as NumberArgument).checked;
  let out: ColumnBuilder[];
  const clean =
    typeof years === "number" ? cleanArguments(fn.params, firstCells) : undefined;
  if (clean !== undefined) {
    // The hot path: every argument passes its check in every trial, and the width is known.
    yearsOf.fill(years as number);
    out = Array.from({ length: widthOf(0) }, () => new ColumnBuilder(trials));
    const width = out.length;
    const { values } = clean;
    const notFinite = trialError(errorOf("num", "", messages.resultNotFinite(fn.id)));
    for (let i = 0; i < trials; i++) {
      clean.fill(i);
      const row = call(compute, values);
      if (!Array.isArray(row)) {
        write(out, i, trialError(row as CalcError));
        continue;
      }
      let finite = true;
      for (let c = 0; c < row.length; c++) if (!Number.isFinite(row[c] as number)) finite = false;
      if (!finite || row.length < width) write(out, i, finite ? row : notFinite);
      else
        for (let c = 0; c < width; c++) {
          const v = row[c] as number;
          (out[c] as ColumnBuilder).values[i] = v === 0 ? 0 : v;
        }
    }
  } else if (years !== undefined) {
    yearsOf.fill(typeof years === "number" ? years : NaN);
    out = Array.from({ length: widthOf(0) }, () => new ColumnBuilder(trials));
    for (let i = 0; i < trials; i++) write(out, i, rowAt(i));
  } else {
    const rows = new Array<readonly number[] | TrialError>(trials);
    let total = 1;
    for (let i = 0; i < trials; i++) {
      rows[i] = rowAt(i);
      total = Math.max(total, widthOf(i));
    }
    out = Array.from({ length: total }, () => new ColumnBuilder(trials));
    for (let i = 0; i < trials; i++) write(out, i, rows[i] as readonly number[] | TrialError);
  }
  for (const builder of out) cells.push(builder.column());
  return { kind: "row", cells };
}

/** An argument of a series function: the cells of a series, or one number column, or nothing (omitted). */
type SeriesArgument = readonly Column[] | Column | undefined;

type SeriesSpec =
  | { readonly series: true; readonly name: string; readonly readers: readonly Reader[]; readonly buffer: number[] }
  | ({ readonly series: false } & NumberArgument);

/**
 * A series function (PRESENT_VALUE, PAYBACK, ROI) per trial, with the checks of
 * the calc module's evaluateSeries: inside a series an error passes on (the
 * first in order), a blank is 0 and text is #VALUE!; then the number arguments.
 */
function seriesColumn(fn: SeriesFunction, args: readonly SeriesArgument[], trials: number): Column {
  if (args.length > fn.params.length) return constant(tooMany(fn, args.length));
  const specs: SeriesSpec[] = fn.params.map((param, p): SeriesSpec => {
    const arg = args[p];
    if (param.type === "series") {
      const columns: readonly Column[] =
        arg === undefined ? [] : Array.isArray(arg) ? (arg as readonly Column[]) : [arg as Column];
      // A series reused from trial to trial: the functions read it and keep nothing.
      return {
        series: true,
        name: param.name,
        readers: columns.map(reader),
        buffer: Array.from({ length: Math.max(columns.length, 1) }, () => 0),
      };
    }
    return { series: false, ...numberArgument(param, arg as Column | undefined) };
  });
  const varies = specs.some((spec) =>
    spec.series ? spec.readers.some((r) => r.values !== null) : spec.checked === undefined,
  );
  const compute = fn.compute as (...a: (number[] | Scalar)[]) => number | CalcError;
  const values: (number[] | Scalar)[] = new Array<number[] | Scalar>(specs.length);
  const at = (i: number): number | TrialError => {
    for (let p = 0; p < specs.length; p++) {
      const spec = specs[p] as SeriesSpec;
      if (spec.series) {
        const { readers, buffer } = spec;
        for (let k = 0; k < readers.length; k++) {
          const raw = read(readers[k] as Reader, i);
          if (typeof raw === "number") buffer[k] = raw === 0 ? 0 : raw;
          else if (raw === undefined || raw === "") buffer[k] = 0;
          else if (typeof raw === "object") return raw;
          else return trialError(errorOf("value", spec.name, messages.notANumber(spec.name, raw)));
        }
        values[p] = buffer;
      } else {
        const checked = checkedAt(spec, i);
        if (typeof checked === "object") return checked;
        values[p] = checked;
      }
    }
    const result = call(compute, values);
    if (isError(result)) return trialError(result);
    if (!Number.isFinite(result)) return trialError(errorOf("num", "", messages.resultNotFinite(fn.id)));
    return result === 0 ? 0 : result;
  };
  if (!varies) return constant(at(0));
  const out = new ColumnBuilder(trials);
  for (let i = 0; i < trials; i++) out.set(i, at(i));
  return out.column();
}

/**
 * The present values of a row over a run, at the timeline's discount rate (NPV,
 * ROI and the present values read the same rows: each is computed once a run).
 * Undefined where the fast path does not apply (a cell of the row is an error or
 * text): the measure is then computed as seriesColumn does.
 * Trials where the rate fails its check hold NaN; the measures put the rate's
 * error there.
 */
const presentValuesOfRuns = new WeakMap<RunState, Map<string, Float64Array | undefined>>();

function rowPresentValues(run: RunState, key: string, cells: readonly Column[], rate: Column): Float64Array | undefined {
  let ofRun = presentValuesOfRuns.get(run);
  if (ofRun === undefined) presentValuesOfRuns.set(run, (ofRun = new Map()));
  if (ofRun.has(key)) return ofRun.get(key);
  const flows = cleanFlows(cells);
  let values: Float64Array | undefined;
  if (flows !== undefined && flows.length > 0) {
    const checked = rateArgument(rate);
    values =
      checked.values !== null
        ? presentValuesUsd(flows, checked.values, run.trials)
        : typeof checked.constant === "number"
          ? presentValuesUsd(flows, checked.constant, run.trials)
          : undefined;
  }
  ofRun.set(key, values);
  return values;
}

/** A row's cells as numbers (a column, or one number for every trial), or undefined when a cell is text or fails in some trial. */
function cleanFlows(cells: readonly Column[]): (Float64Array | number)[] | undefined {
  const flows: (Float64Array | number)[] = [];
  for (const c of cells) {
    if (c.kind === "varying" && c.errors === null) flows.push(c.values);
    else if (c.kind === "constant" && typeof c.value === "number") flows.push(c.value);
    else return undefined;
  }
  return flows;
}

/**
 * PAYBACK of a row (undiscounted, as the summaries measure it): for a row of
 * numbers, all trials at once (paybackYearsMany), the never-pays-back error
 * built once; otherwise as seriesColumn reads it.
 */
function paybackMeasure(run: RunState, cells: readonly Column[]): Column {
  const flows = cleanFlows(cells);
  if (flows === undefined || flows.length === 0 || !cells.some((c) => c.kind === "varying"))
    return seriesColumn(paybackFunction, [cells], run.trials);
  const years = paybackYearsMany(flows, 0, run.trials);
  const payback = paybackFunction.compute as (flows: number[]) => number | CalcError;
  const never = payback(new Array<number>(cells.length).fill(-1));
  const out = new ColumnBuilder(run.trials);
  const notFiniteResult = trialError(errorOf("num", "", messages.resultNotFinite(paybackFunction.id)));
  for (let i = 0; i < run.trials; i++) {
    const v = years[i] as number;
    if (v !== v) out.set(i, typeof never === "number" ? notFiniteResult : trialError(never));
    else if (!Number.isFinite(v)) out.set(i, notFiniteResult);
    else out.values[i] = v === 0 ? 0 : v;
  }
  return out.column();
}

const paybackFunction = findTimeFunction("PAYBACK") as SeriesFunction;
const presentValueFunction = findTimeFunction("PRESENT_VALUE") as SeriesFunction;
const roiFunction = findTimeFunction("ROI") as SeriesFunction;
const rateParam = presentValueFunction.params[1] as ParamSpec;

/** The discount rate's column checked as PRESENT_VALUE and ROI check it (the same check: above -100%). */
function rateArgument(rate: Column): Reader {
  const argument = numberArgument(rateParam, rate);
  if (argument.checked !== undefined) return { constant: argument.checked as ConstantValue, values: null, errors: null };
  return argument.reader;
}

/** A measure's column from per-trial values: the rate's error where it failed, #NUM! where not finite. */
function measureFromValues(
  fn: SeriesFunction,
  trials: number,
  rate: Reader,
  valueAt: (i: number) => number | CalcError,
): Column {
  const out = new ColumnBuilder(trials);
  const notFiniteResult = trialError(errorOf("num", "", messages.resultNotFinite(fn.id)));
  for (let i = 0; i < trials; i++) {
    const rateError = rate.errors?.[i];
    if (rateError !== undefined) {
      out.set(i, rateError);
      continue;
    }
    const value = valueAt(i);
    if (typeof value !== "number") out.set(i, trialError(value));
    else if (!Number.isFinite(value)) out.set(i, notFiniteResult);
    else out.values[i] = value === 0 ? 0 : value;
  }
  return out.column();
}

/** PRESENT_VALUE of a row at the discount rate: from the run's shared present values where it can. */
function presentValueMeasure(run: RunState, key: string, cells: readonly Column[], rate: Column): Column {
  const varies = rate.kind === "varying" || cells.some((c) => c.kind === "varying");
  const values = varies ? rowPresentValues(run, key, cells, rate) : undefined;
  if (values === undefined) return seriesColumn(presentValueFunction, [cells, rate], run.trials);
  return measureFromValues(presentValueFunction, run.trials, rateArgument(rate), (i) => values[i] as number);
}

/** ROI of the costs and benefits rows at the discount rate, from their shared present values where it can. */
function roiMeasure(
  run: RunState,
  costs: { key: string; cells: readonly Column[] },
  benefits: { key: string; cells: readonly Column[] },
  rate: Column,
): Column {
  const varies = rate.kind === "varying" || [...costs.cells, ...benefits.cells].some((c) => c.kind === "varying");
  const costsPv =
    varies && costs.cells.length === benefits.cells.length
      ? rowPresentValues(run, costs.key, costs.cells, rate)
      : undefined;
  const benefitsPv = costsPv === undefined ? undefined : rowPresentValues(run, benefits.key, benefits.cells, rate);
  if (costsPv === undefined || benefitsPv === undefined)
    return seriesColumn(roiFunction, [costs.cells, benefits.cells, rate], run.trials);
  // ROI of the two present values, each a one-year row at no discount: its present value is itself.
  const costsPvRow = [0];
  const benefitsPvRow = [0];
  const roi = roiFunction.compute as (costs: number[], benefits: number[]) => number | CalcError;
  return measureFromValues(roiFunction, run.trials, rateArgument(rate), (i) => {
    costsPvRow[0] = costsPv[i] as number;
    benefitsPvRow[0] = benefitsPv[i] as number;
    return roi(costsPvRow, benefitsPvRow);
  });
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

/** Excel's IRR over a row, per trial (see irr.ts): the first error in the row passes on. */
function irrColumn(cells: readonly Column[], trials: number): Column {
  const readers = cells.map(reader);
  // The trial's flows, reused from trial to trial: irrOfFlows keeps nothing.
  const flows: number[] = new Array<number>(readers.length).fill(0);
  const at = (i: number): number | TrialError => {
    for (let k = 0; k < readers.length; k++) {
      const raw = read(readers[k] as Reader, i);
      if (typeof raw === "object") return raw;
      flows[k] = typeof raw === "number" ? raw : 0;
    }
    return irrOf(flows);
  };
  if (readers.every((r) => r.values === null)) return constant(at(0));
  const out = new ColumnBuilder(trials);
  for (let i = 0; i < trials; i++) out.set(i, at(i));
  return out.column();
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

/**
 * The inputs that set how many years a cash-flow row has: those in the `years`
 * argument of a row function (AICOST.GPU_CASH_FLOWS(1, capex, life)), directly or
 * through one-year outputs. Where a run's trials differ in them, its rows differ
 * in length from trial to trial: the model runs such trials in groups that
 * share those values (compile.ts), so each group's rows have one length and
 * INDEX past a row's end is #REF! as in the sheet. The timeline's own `years`
 * is no input and is not listed.
 */
export function rowLengthInputs(preset: Preset): Set<string> {
  const found = new Set<string>();
  const timeline = preset.timeline;
  if (timeline === undefined) return found;
  const inputKeys = new Set(preset.inputs.map((i) => i.key));
  const outputFormulas = new Map(preset.outputs.map((o) => [o.key, o.formula]));
  const keysOf = (formula: string): readonly string[] => {
    const parsed = parseFormula(formula);
    return parsed.ok ? parsed.shape.keys : [];
  };
  const inputsOf = (key: string, seen: Set<string>): string[] => {
    if (inputKeys.has(key)) return [key];
    const formula = outputFormulas.get(key);
    if (formula === undefined || seen.has(key)) return [];
    seen.add(key);
    return keysOf(formula).flatMap((k) => inputsOf(k, seen));
  };
  for (const row of timeline.rows) {
    const tokenized = tokenizeFormula(row.formula);
    if (!tokenized.ok) continue;
    const tokens = tokenized.tokens.filter((t) => t.kind !== "space");
    tokens.forEach((token, at) => {
      if (token.kind !== "function") return;
      const fn = findTimeFunction(token.text);
      const yearsAt = fn?.shape === "row" ? fn.params.findIndex((param) => param.name === "years") : -1;
      if (yearsAt < 0) return;
      // The call's arguments: commas at its own depth separate them.
      let depth = 0;
      let argument = 0;
      for (let k = at + 1; k < tokens.length; k++) {
        const t = tokens[k] as FormulaToken;
        if (t.kind === "open") depth++;
        else if (t.kind === "close") {
          if (--depth === 0) break;
        } else if (t.kind === "comma" && depth === 1) argument++;
        else if (t.kind === "key" && argument === yearsAt)
          for (const input of inputsOf(t.text, new Set())) found.add(input);
      }
    });
  }
  return found;
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
    const indexed = row.fromYearOne === true || keyTemplate(row.formula).callsFunction;
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
  const outputs = timelineOutputs(preset).map((output) => {
    const { summary: index, measure } = output.timeline as NonNullable<ModelOutput["timeline"]>;
    const summary = timeline.summaries[index] as PresetTimeline["summaries"][number];
    const row = (run: RunState, key: string | undefined): { key: string; cells: readonly Column[] } => ({
      key: key ?? "",
      cells: run.rows.get(key ?? "") ?? [constant("")],
    });
    const rate = (run: RunState): Column => run.inputs.get(timeline.discountRate) as Column;
    const presentValueOf = (run: RunState, key: string | undefined): Column => {
      const { cells } = row(run, key);
      return presentValueMeasure(run, key ?? "", cells, rate(run));
    };
    const evaluate = (run: RunState): Column => {
      switch (measure) {
        case "costsPv":
          return presentValueOf(run, summary.costs);
        case "benefitsPv":
          return presentValueOf(run, summary.benefits);
        case "npv":
          return presentValueOf(run, summary.net);
        case "payback":
          return paybackMeasure(run, row(run, summary.net).cells);
        case "roi":
          return roiMeasure(run, row(run, summary.costs), row(run, summary.benefits), rate(run));
        case "irr":
          return irrColumn(row(run, summary.net).cells, run.trials);
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
