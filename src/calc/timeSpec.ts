import type { CalcError } from "./result";
import type { ParamSpec, Scalar } from "./spec";

/**
 * The time functions work on rows over years. A cash-flow row has `years + 1`
 * cells: the start (year 0, "Initial"), then one per year, so rows can be added
 * and subtracted cell by cell. Costs are positive amounts of cash spent, savings
 * positive amounts saved.
 */

/**
 * A parameter that takes a whole series of yearly amounts: one row or one
 * column is one series; a range of several rows and several columns is one
 * series per row. A blank cell inside a series is a year with no cash (0).
 */
export interface SeriesParamSpec {
  readonly type: "series";
  /** The Excel parameter name (snake_case); it appears in messages. */
  readonly name: string;
  /** The unit, as shown in IntelliSense and the README. */
  readonly unit: string;
  /** One line for IntelliSense, without the unit. */
  readonly description: string;
}

export type TimeParamSpec = ParamSpec | SeriesParamSpec;

/** A documented worked example of a time function; tests check every one. */
export interface TimeExample {
  /** The formula as a user types it. */
  readonly formula: string;
  /** The arguments as Excel passes them: numbers, text, or a series as an array. */
  readonly args: readonly (Scalar | readonly number[])[];
  /** A row for a function that spills a row, a number for one that reduces series. */
  readonly result: readonly number[] | number;
}

/**
 * A function whose arguments are scenario values (one value, or one row or
 * column of values) and whose result is one row over years per scenario.
 */
export interface RowFunction {
  readonly shape: "row";
  /** The Excel id (never changes once shipped): `AICOST.<id>`. */
  readonly id: string;
  readonly description: string;
  readonly resultUnit: string;
  readonly params: readonly ParamSpec[];
  /** True when the row starts with the start cell (year 0): a row of `years + 1` cells, else `years` cells. */
  readonly startCell: boolean;
  readonly examples: readonly TimeExample[];
  /** Arithmetic over validated arguments in parameter order, defaults resolved. */
  compute(...args: never[]): readonly number[] | CalcError;
}

/**
 * A function that reduces each series given to one number; its number
 * parameters (a discount rate) broadcast against the series like Excel's
 * arithmetic: the series count down, a row of rates across.
 */
export interface SeriesFunction {
  readonly shape: "series";
  readonly id: string;
  readonly description: string;
  readonly resultUnit: string;
  readonly params: readonly TimeParamSpec[];
  readonly examples: readonly TimeExample[];
  /** Arithmetic over validated arguments: arrays for series parameters, numbers for the rest. */
  compute(...args: never[]): number | CalcError;
}

export type TimeFunction = RowFunction | SeriesFunction;

/** The most years a time function covers. */
export const maxYears = 50;

/** The `years` parameter every row function has: a whole number from 1 to 50. */
export function yearsParam(description: string): ParamSpec {
  return { type: "number", name: "years", unit: "years", description, min: 1, max: maxYears, integer: true };
}

/** The discount rate parameter of the series functions. */
export function discountRateParam(optional: boolean): ParamSpec {
  return {
    type: "number",
    name: "discount_rate",
    unit: "fraction per year",
    description: "Discount rate, 0.1 for 10% a year; cash in year k is divided by (1 + rate)^k.",
    greaterThan: -1,
    ...(optional ? { default: 0 } : {}),
  };
}
