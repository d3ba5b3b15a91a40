import type { CalcError } from "./result";

/** A default that is a fraction of another parameter's value, e.g. cached input = 10% of input. */
export interface FractionOfDefault {
  /** Excel name of the parameter the default is taken from. */
  readonly fractionOf: string;
  readonly fraction: number;
}

interface ParamSpecBase {
  /** The Excel parameter name (snake_case); it appears in messages. */
  readonly name: string;
  /** The unit, as shown in IntelliSense and the README. */
  readonly unit: string;
  /** One line for IntelliSense, without the unit and default. */
  readonly description: string;
}

export interface NumberParamSpec extends ParamSpecBase {
  readonly type: "number";
  /** Present means the parameter is optional and a blank takes this value. */
  readonly default?: number | FractionOfDefault;
  /** Where a default that is an assumption comes from. */
  readonly defaultSource?: string;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound, for values that divide. */
  readonly greaterThan?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Only whole numbers (a count of years, say). */
  readonly integer?: boolean;
}

export interface TextParamSpec extends ParamSpecBase {
  readonly type: "text";
  /** The accepted values, matched without regard to case. */
  readonly oneOf?: readonly string[];
  readonly default?: string;
}

export type ParamSpec = NumberParamSpec | TextParamSpec;

/** A validated argument: numbers for number parameters, trimmed text for text parameters. */
export type Scalar = number | string;

/** A documented worked example; tests check every one. */
export interface CalcExample {
  /** The formula as a user types it. */
  readonly formula: string;
  /** The arguments as Excel passes them (omitted optional arguments left out). */
  readonly args: readonly Scalar[];
  readonly result: number;
}

/**
 * One model function: its parameters with their constraints, declared once, and
 * a pure compute over validated arguments. The generic validator and the
 * broadcaster in `evaluate.ts` run the checks, so each function states only its
 * arithmetic.
 */
export interface CalcFunction {
  /** The Excel id (never changes once shipped): `AICOST.<id>`. */
  readonly id: string;
  readonly description: string;
  readonly resultUnit: string;
  readonly params: readonly ParamSpec[];
  readonly examples: readonly CalcExample[];
  /**
   * Arithmetic over validated arguments, in parameter order, defaults resolved:
   * numbers for number parameters, text for text parameters. Declared over
   * `never` so each function keeps its own typed signature; `computeWith` calls it.
   */
  compute(...args: never[]): number | CalcError;
}

export function isOptional(param: ParamSpec): boolean {
  return param.default !== undefined;
}

export function requiredCount(fn: CalcFunction): number {
  return fn.params.filter((p) => !isOptional(p)).length;
}

/** Calls a function's compute on validated arguments. */
export function computeWith(fn: CalcFunction, values: readonly Scalar[]): number | CalcError {
  return (fn.compute as (...args: readonly Scalar[]) => number | CalcError)(...values);
}
