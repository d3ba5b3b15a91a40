/*
 * Columns: the value of a formula over a run of trials, one constant or one
 * number per trial, and the arithmetic and calls over them with Excel's rules
 * (see compile.ts). Shared by the one-year outputs and the timeline rows.
 */
import { evaluateScalar, excelErrorCode, isCalcError, type CalcError, type CalcFunction } from "../calc";

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

export const divisionByZero: TrialError = { code: "#DIV/0!", message: "division by zero: the divisor is 0" };

export function notFinite(operator: string): TrialError {
  return { code: "#NUM!", message: `the result of ${operator} is too large or not a number` };
}

/** A constant or a trial's value as a number, as Excel's arithmetic reads it. */
export function toNumber(value: ConstantValue): number | TrialError {
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

export function applyOperator(operator: Operator, left: number, right: number): number | TrialError {
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
 * +, - or * over two columns of numbers, without a call per trial: the same
 * result as applyOperator (a non-finite result is its #NUM!, -0 is 0).
 */
function addSubtractOrMultiply(operator: "+" | "-" | "*", a: Float64Array, b: Float64Array, trials: number): Column {
  const values = new Float64Array(trials);
  if (operator === "+") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) + (b[i] as number);
  else if (operator === "-") for (let i = 0; i < trials; i++) values[i] = (a[i] as number) - (b[i] as number);
  else for (let i = 0; i < trials; i++) values[i] = (a[i] as number) * (b[i] as number);
  let errors: (TrialError | undefined)[] | null = null;
  for (let i = 0; i < trials; i++) {
    const v = values[i] as number;
    if (v === 0) values[i] = 0;
    else if (!Number.isFinite(v)) {
      values[i] = NaN;
      errors ??= new Array<TrialError | undefined>(trials);
      errors[i] = notFinite(operator);
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
  // The hot path: number columns without errors, combined in one tight loop.
  if (left.kind === "varying" && right.kind === "varying" && left.errors === null && right.errors === null) {
    const a = left.values;
    const b = right.values;
    if (operator === "+" || operator === "-" || operator === "*") return addSubtractOrMultiply(operator, a, b, trials);
    return varying(trials, (i) => applyOperator(operator, a[i] as number, b[i] as number));
  }
  if (left.kind === "constant") {
    const l = toNumber(left.value);
    if (isTrialError(l)) return constant(l);
    if (right.kind === "varying" && right.errors === null) {
      const b = right.values;
      return varying(trials, (i) => applyOperator(operator, l, b[i] as number));
    }
  }
  if (right.kind === "constant" && left.kind === "varying") {
    const r = toNumber(right.value);
    if (left.errors === null) {
      if (isTrialError(r)) return constant(r);
      const a = left.values;
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
  return { code: excelErrorCode[error.kind], message: error.message };
}

export function fromCalc(value: ReturnType<typeof evaluateScalar>): number | TrialError {
  return isCalcError(value) ? trialErrorOf(value) : value;
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
    return constant(fromCalc(evaluateScalar(fn, args)));
  }
  return varying(trials, (i) => {
    for (let j = 0; j < columns.length; j++) {
      const value = valueAt(columns[j] as Column, i);
      if (isTrialError(value)) return value;
      args[j] = value;
    }
    return fromCalc(evaluateScalar(fn, args));
  });
}
