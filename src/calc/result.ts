/**
 * Errors are values in the model. A calculation returns either a number or a
 * CalcError; the edges (Excel, the preview, the command line) turn a CalcError
 * into their own error type. `kind` matches Excel's error codes:
 *  - `value`: wrong type of input (text where a number belongs, a blank required argument)
 *  - `num`:   a number outside its domain, or a result that is not finite
 *  - `na`:    no value available (unknown model, no price for that kind, outside a broadcast)
 *  - `div0`:  a ratio whose denominator is zero (ROI when the costs are zero)
 */
export type CalcErrorKind = "value" | "num" | "na" | "div0";

export interface CalcError {
  readonly kind: CalcErrorKind;
  /** The Excel name of the parameter at fault, or "" when the fault is not one parameter's. */
  readonly param: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CalcError };

/** The Excel code shown for each error kind. */
export const excelErrorCode: Readonly<Record<CalcErrorKind, "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!">> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
  div0: "#DIV/0!",
};

const calcErrorBrand = Symbol("CalcError");

/** Creates a CalcError. Use `isCalcError` to tell one from a number or text. */
export function calcError(kind: CalcErrorKind, param: string, message: string): CalcError {
  const error = { kind, param, message, [calcErrorBrand]: true };
  return Object.freeze(error);
}

export function isCalcError(value: unknown): value is CalcError {
  return typeof value === "object" && value !== null && calcErrorBrand in value;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: CalcError): Result<T> {
  return { ok: false, error };
}

/** Wraps a number-or-error cell into a Result. */
export function toResult<T>(value: T | CalcError): Result<T> {
  return isCalcError(value) ? fail(value) : ok(value);
}
