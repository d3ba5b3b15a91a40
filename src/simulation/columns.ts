/*
 * Columns: the value of a formula over a run of trials, one constant or one
 * number per trial, and the arithmetic and calls over them with Excel's rules
 * (see compile.ts). Shared by the one-year outputs and the timeline rows.
 */
import {
  callWithArguments,
  calcError,
  checkCell,
  evaluateScalar,
  excelErrorCode,
  isCalcError,
  messages,
  type CalcError,
  type CalcFunction,
  type ParamSpec,
  type Scalar,
} from "../calc";
import { numbersPassUnchanged } from "../calc/manyCases";

/*
 * The calc module's functions the per-trial loops call, bound once (read
 * through a module's exports they would be looked up on every call).
 */
const isError = isCalcError;
const check = checkCell;
const evaluateOnce = evaluateScalar;
const call = callWithArguments;

/** An Excel error in one trial: its code and the message behind it. */
export interface TrialError {
  readonly code: "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A" | "#REF!";
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

/** What the closures of a compiled model read while a run evaluates it. */
export interface RunState {
  readonly trials: number;
  readonly inputs: ReadonlyMap<string, Column>;
  readonly outputs: Map<string, Column>;
  /** The timeline's rows computed so far: one column per cell, Initial first. */
  readonly rows: Map<string, readonly Column[]>;
}

export function isTrialError(value: unknown): value is TrialError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

const divisionByZero: TrialError = { code: "#DIV/0!", message: "division by zero: the divisor is 0" };

export function notFinite(operator: string): TrialError {
  return { code: "#NUM!", message: `the result of ${operator} is too large or not a number` };
}

/** A constant or a trial's value as a number, as Excel's arithmetic reads it. */
function toNumber(value: ConstantValue): number | TrialError {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const text = value.trim();
    const number = text === "" ? NaN : Number(text);
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isFinite(number)) return number;
    return {
      code: "#VALUE!",
      message: `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} is not a number`,
    };
  }
  return value;
}

export type Operator = "+" | "-" | "*" | "/" | "^";

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

export function constant(value: ConstantValue): Column {
  return { kind: "constant", value };
}

/** The value of a column in one trial. */
export function valueAt(column: Column, trial: number): ConstantValue {
  if (column.kind === "constant") return column.value;
  const error = column.errors?.[trial];
  return error ?? (column.values[trial] as number);
}

/** Builds a varying column from a per-trial function; the error array is made only if a trial fails. */
export function varying(trials: number, at: (trial: number) => number | TrialError): Column {
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

/**
 * +, -, * or / over numbers, a column or a constant on each side, without a call
 * per trial: the same result as applyOperator (x / 0 is #DIV/0!, a non-finite
 * result is #NUM!, -0 is 0).
 */
function arithmetic(operator: "+" | "-" | "*" | "/", a: Float64Array | number, b: Float64Array | number, trials: number): Column {
  const values = new Float64Array(trials);
  if (typeof a === "number") {
    const y = b as Float64Array;
    if (operator === "+") for (let i = 0; i < trials; i++) values[i] = a + (y[i] as number);
    else if (operator === "-") for (let i = 0; i < trials; i++) values[i] = a - (y[i] as number);
    else if (operator === "*") for (let i = 0; i < trials; i++) values[i] = a * (y[i] as number);
    else for (let i = 0; i < trials; i++) values[i] = a / (y[i] as number);
  } else if (typeof b === "number") {
    if (operator === "+") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) + b;
    else if (operator === "-") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) - b;
    else if (operator === "*") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) * b;
    else for (let i = 0; i < trials; i++) values[i] = (a[i] as number) / b;
  } else {
    if (operator === "+") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) + (b[i] as number);
    else if (operator === "-") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) - (b[i] as number);
    else if (operator === "*") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) * (b[i] as number);
    else for (let i = 0; i < trials; i++) values[i] = (a[i] as number) / (b[i] as number);
  }
  let errors: (TrialError | undefined)[] | null = null;
  for (let i = 0; i < trials; i++) {
    const v = values[i] as number;
    if (v === 0) values[i] = 0;
    else if (v - v !== 0) {
      values[i] = NaN;
      errors ??= new Array<TrialError | undefined>(trials);
      const divisor = typeof b === "number" ? b : (b[i] as number);
      errors[i] = operator === "/" && divisor === 0 ? divisionByZero : notFinite(operator);
    }
  }
  return { kind: "varying", values, errors };
}

/** One operator applied to two columns, trial by trial (once when both are constant). */
export function combine(operator: Operator, left: Column, right: Column, trials: number): Column {
  if (left.kind === "constant" && right.kind === "constant") {
    const l = toNumber(left.value);
    if (isTrialError(l)) return constant(l);
    const r = toNumber(right.value);
    if (isTrialError(r)) return constant(r);
    return constant(applyOperator(operator, l, r));
  }
  // The hot path: numbers without errors, combined in one tight loop.
  if (left.kind === "varying" && right.kind === "varying" && left.errors === null && right.errors === null) {
    const a = left.values;
    const b = right.values;
    if (operator !== "^") return arithmetic(operator, a, b, trials);
    return varying(trials, (i) => applyOperator(operator, a[i] as number, b[i] as number));
  }
  if (left.kind === "constant") {
    const l = toNumber(left.value);
    if (isTrialError(l)) return constant(l);
    if (right.kind === "varying" && right.errors === null) {
      const b = right.values;
      if (operator !== "^") return arithmetic(operator, l, b, trials);
      return varying(trials, (i) => applyOperator(operator, l, b[i] as number));
    }
  }
  if (right.kind === "constant" && left.kind === "varying") {
    const r = toNumber(right.value);
    if (left.errors === null) {
      if (isTrialError(r)) return constant(r);
      const a = left.values;
      if (operator !== "^") return arithmetic(operator, a, r, trials);
      return varying(trials, (i) => applyOperator(operator, a[i] as number, r));
    }
  }
  return varying(trials, (i) => {
    const l = toNumber(valueAt(left, i));
    if (isTrialError(l)) return l;
    const r = toNumber(valueAt(right, i));
    if (isTrialError(r)) return r;
    return applyOperator(operator, l, r);
  });
}

/** A calc module error as the trial's Excel error. */
export function trialErrorOf(error: CalcError): TrialError {
  let trialError = trialErrors.get(error);
  if (trialError === undefined) {
    trialError = { code: excelErrorCode[error.kind], message: error.message };
    trialErrors.set(error, trialError);
  }
  return trialError;
}

/** One trial error per calc error (calc errors are frozen values, often shared): trials that fail alike share it. */
const trialErrors = new WeakMap<CalcError, TrialError>();

function fromCalc(value: ReturnType<typeof evaluateScalar>): number | TrialError {
  return isError(value) ? trialErrorOf(value) : value;
}

/** A column as the per-trial loops read it: its constant, or its values and errors. */
export interface Reader {
  readonly constant: ConstantValue | undefined;
  readonly values: Float64Array | null;
  readonly errors: readonly (TrialError | undefined)[] | null;
}

const omitted: Reader = { constant: undefined, values: null, errors: null };

export function reader(column: Column | undefined): Reader {
  if (column === undefined) return omitted;
  if (column.kind === "constant") return { constant: column.value, values: null, errors: null };
  return { constant: undefined, values: column.values, errors: column.errors };
}

export function readAt(r: Reader, i: number): ConstantValue | undefined {
  if (r.values === null) return r.constant;
  if (r.errors !== null) {
    const error = r.errors[i];
    if (error !== undefined) return error;
  }
  return r.values[i] as number;
}

/** A result column filled trial by trial; the error array is made only if a trial fails. */
export class ColumnBuilder {
  readonly values: Float64Array;
  errors: (TrialError | undefined)[] | null = null;
  constructor(readonly trials: number) {
    this.values = new Float64Array(trials);
  }
  set(i: number, value: number | TrialError): void {
    if (typeof value === "number") {
      this.values[i] = value;
      return;
    }
    this.values[i] = NaN;
    this.errors ??= new Array<TrialError | undefined>(this.trials);
    this.errors[i] = value;
  }
  column(): Column {
    return { kind: "varying", values: this.values, errors: this.errors };
  }
}

/** One argument checked for its parameter as a cell's is (checkCell): an error passes on, undefined is blank. */
export function checkParam(param: ParamSpec, raw: ConstantValue | undefined): Scalar | TrialError {
  if (typeof raw === "object") return raw;
  const checked = check(param, raw === undefined ? null : raw);
  return isError(checked) ? trialErrorOf(checked) : checked;
}

/** Varying columns checked for a parameter, once per run however many calls read them (the discount rate). */
const checkedColumns = new WeakMap<Column, Map<ParamSpec, Column>>();

/**
 * A number parameter's varying column checked: the column itself when every
 * value passes unchanged (checked by its least and greatest), else trial by trial.
 */
export function checkedColumn(param: ParamSpec, column: Column & { kind: "varying" }): Column {
  let byParam = checkedColumns.get(column);
  const seen = byParam?.get(param);
  if (seen !== undefined) return seen;
  let result: Column;
  if (column.errors === null && numbersPassUnchanged(param, column.values)) {
    result = column;
  } else {
    const r = reader(column);
    const trials = column.values.length;
    const out = new ColumnBuilder(trials);
    for (let i = 0; i < trials; i++) {
      const checked = checkParam(param, readAt(r, i));
      if (typeof checked === "number") out.values[i] = checked;
      else
        out.set(
          i,
          typeof checked === "object"
            ? checked
            : trialErrorOf(calcError("value", param.name, messages.notANumber(param.name, checked))),
        );
    }
    result = out.column();
  }
  if (byParam === undefined) checkedColumns.set(column, (byParam = new Map()));
  byParam.set(param, result);
  return result;
}

/**
 * A call's arguments over a run when none fails its check in any trial: the
 * constants checked once and in place in `values`, the varying number columns
 * checked once (checkedColumn); `fill(i)` puts trial i's varying values in
 * `values`. Undefined when some argument fails or may fail (an error, text where
 * a number belongs, a default taken from another argument, a varying text
 * argument): the caller then checks trial by trial, which finds the first error
 * in argument order as a cell does.
 */
export interface CleanArguments {
  readonly values: Scalar[];
  fill(i: number): void;
}

export function cleanArguments(params: readonly ParamSpec[], columns: readonly (Column | undefined)[]): CleanArguments | undefined {
  if (columns.length > params.length) return undefined;
  const values: Scalar[] = new Array<Scalar>(params.length);
  const at: number[] = [];
  const sources: Float64Array[] = [];
  for (let p = 0; p < params.length; p++) {
    const param = params[p] as ParamSpec;
    const column = columns[p];
    if (param.type === "number" && typeof param.default === "object") return undefined;
    if (column === undefined || column.kind === "constant") {
      const checked = checkParam(param, column?.value);
      if (typeof checked === "object") return undefined;
      values[p] = checked;
      continue;
    }
    if (param.type !== "number") return undefined;
    const checked = checkedColumn(param, column);
    if (checked.kind !== "varying" || checked.errors !== null) return undefined;
    values[p] = 0;
    at.push(p);
    sources.push(checked.values);
  }
  const count = at.length;
  return {
    values,
    fill(i: number): void {
      for (let j = 0; j < count; j++) values[at[j] as number] = (sources[j] as Float64Array)[i] as number;
    },
  };
}

/** A calc function applied to argument columns, trial by trial (once when all are constant). */
export function callColumns(fn: CalcFunction, columns: readonly Column[], trials: number): Column {
  const args: unknown[] = new Array(columns.length);
  if (columns.every((c) => c.kind === "constant")) {
    for (let j = 0; j < columns.length; j++) {
      const value = (columns[j] as { value: ConstantValue }).value;
      if (isTrialError(value)) return constant(value);
      args[j] = value;
    }
    return constant(fromCalc(evaluateOnce(fn, args)));
  }
  // The hot path: every argument passes its check in every trial; each trial is one call of compute.
  const clean = fn.perCall === undefined ? cleanArguments(fn.params, columns) : undefined;
  if (clean !== undefined) {
    const compute = fn.compute as (...a: Scalar[]) => number | CalcError;
    const { values } = clean;
    return varying(trials, (i) => {
      clean.fill(i);
      const value = call(compute, values);
      if (typeof value !== "number") return trialErrorOf(value);
      if (!Number.isFinite(value)) return trialErrorOf(calcError("num", "", messages.resultNotFinite(fn.id)));
      return value === 0 ? 0 : value;
    });
  }
  return varying(trials, (i) => {
    for (let j = 0; j < columns.length; j++) {
      const value = valueAt(columns[j] as Column, i);
      if (isTrialError(value)) return value;
      args[j] = value;
    }
    return fromCalc(evaluateOnce(fn, args));
  });
}
