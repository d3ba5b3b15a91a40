/*
 * Shared checks for the time functions: evaluate one call as a spreadsheet
 * passes it and read its single row or single value, compare rows with a
 * relative tolerance, and assert an error of a given kind.
 */
import { expect } from "vitest";
import {
  evaluateTime,
  isCalcError,
  type CalcError,
  type CalcErrorKind,
  type GridArgument,
  type TimeFunction,
} from "../../src/calc";
import { expectError, relativeTolerance } from "./helpers";

/** The single row a call gives: numbers, or the error that fills it. */
export function rowOf(fn: TimeFunction, args: readonly GridArgument[]): number[] | CalcError {
  const result = evaluateTime(fn, args);
  expect(result.rows).toBe(1);
  const row = result.cells[0] as (number | CalcError)[];
  const error = row.find(isCalcError);
  if (error !== undefined) {
    for (const cell of row) expect(cell).toBe(error);
    return error;
  }
  return row as number[];
}

/** The single value a call gives. */
export function valueOf(fn: TimeFunction, args: readonly GridArgument[]): number | CalcError {
  const result = evaluateTime(fn, args);
  expect([result.rows, result.columns]).toEqual([1, 1]);
  return result.cells[0]?.[0] as number | CalcError;
}

export function expectRow(
  actual: number[] | CalcError,
  expected: readonly number[],
  tolerance = relativeTolerance,
): void {
  if (isCalcError(actual)) throw new Error(`expected a row, got ${actual.kind} error: ${actual.message}`);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const want = expected[i] as number;
    expect(Number.isFinite(value)).toBe(true);
    if (Math.abs(value - want) > tolerance * Math.max(1, Math.abs(want))) {
      throw new Error(`cell ${i}: got ${value}, expected ${want} (row ${JSON.stringify(actual)})`);
    }
  });
}

export function expectRowError(actual: number[] | CalcError, kind: CalcErrorKind, param: string): CalcError {
  return expectError(actual, kind, param);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
