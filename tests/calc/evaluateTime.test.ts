/*
 * How the time functions read ranges: scenario lists for the row functions,
 * series (one per row of a block) broadcasting with rates for the series
 * functions, errors confined to the rows or cells they concern.
 */
import { describe, expect, it } from "vitest";
import {
  DEPRECIATION,
  evaluateTime,
  GPU_CASH_FLOWS,
  isCalcError,
  PAYBACK,
  PRESENT_VALUE,
  SAVINGS_CASH_FLOWS,
  timeResultSize,
  timeFunctions,
  type GridResult,
} from "../../src/calc";
import { expectError } from "./helpers";

function shape<E extends object>(result: GridResult<E>): (number | string)[][] {
  return result.cells.map((row) =>
    row.map((cell) => (isCalcError(cell) ? `${cell.kind}:${cell.param}` : (cell as number))),
  );
}

describe("row functions: one row per scenario", () => {
  it("a column of headcounts gives one row per value", () => {
    const result = evaluateTime(SAVINGS_CASH_FLOWS, [[[1], [2], [3]], 100, 2]);
    expect(shape(result)).toEqual([
      [0, 100, 100],
      [0, 200, 200],
      [0, 300, 300],
    ]);
  });

  it("a row of values is read as scenarios too (Low, Base, High across columns give three rows)", () => {
    expect(shape(evaluateTime(SAVINGS_CASH_FLOWS, [[[1, 2, 3]], 100, 1]))).toEqual([
      [0, 100],
      [0, 200],
      [0, 300],
    ]);
  });

  it("lists pair up value by value; a shorter list leaves the rows it cannot serve #N/A", () => {
    const result = evaluateTime(SAVINGS_CASH_FLOWS, [[[1], [2], [3]], [[100], [200]], 1]);
    expect(shape(result)).toEqual([
      [0, 100],
      [0, 400],
      ["na:cost_per_employee", "na:cost_per_employee"],
    ]);
  });

  it("a block of several rows and columns is #VALUE!", () => {
    const error = expectError(
      evaluateTime(SAVINGS_CASH_FLOWS, [
        [
          [1, 2],
          [3, 4],
        ],
        100,
        1,
      ]).cells[0]?.[0],
      "value",
      "headcount",
    );
    expect(error.message).toContain("2 rows × 2 columns");
  });

  it("scenarios with different years: as wide as the longest, the shorter #N/A past their last year", () => {
    const result = evaluateTime(GPU_CASH_FLOWS, [1, 100, [[1], [3]]]);
    expect(shape(result)).toEqual([
      [100, 0, "na:years", "na:years"],
      [100, 0, 0, 0],
    ]);
  });

  it("a fault fills its own row only", () => {
    const result = evaluateTime(GPU_CASH_FLOWS, [[[1], [-1]], 100, 2]);
    expect(shape(result)).toEqual([
      [100, 0, 0],
      ["num:gpu_count", "num:gpu_count", "num:gpu_count"],
    ]);
  });

  it("a result too large for a double makes its row #NUM!", () => {
    const result = evaluateTime(GPU_CASH_FLOWS, [1e200, 1e200, 2]);
    expect(shape(result)[0]).toEqual(["num:", "num:", "num:"]);
  });

  it("DEPRECIATION has no start cell: years cells", () => {
    expect(evaluateTime(DEPRECIATION, [100, 4, 4]).columns).toBe(4);
  });

  it("too many arguments is one #VALUE!", () => {
    const result = evaluateTime(DEPRECIATION, [1, 2, 3, null, null, null, 7]);
    expect([result.rows, result.columns]).toEqual([1, 1]);
    expectError(result.cells[0]?.[0], "value", "");
  });

  it("an error value from the sheet passes through", () => {
    class HostError {
      constructor(readonly code: string) {}
    }
    const isHost = (raw: unknown): raw is HostError => raw instanceof HostError;
    const divZero = new HostError("#DIV/0!");
    const rows = evaluateTime(GPU_CASH_FLOWS, [[[1], [divZero]], 100, 1], isHost);
    expect(rows.cells[1]).toEqual([divZero, divZero]);
    const series = evaluateTime(PRESENT_VALUE, [[[-1, divZero, 3]], 0.1], isHost);
    expect(series.cells[0]?.[0]).toBe(divZero);
  });
});

describe("series functions: one result per series, broadcast with the rates", () => {
  it("a column of rates beside a block of the same number of rows pairs them row by row", () => {
    const result = evaluateTime(PAYBACK, [
      [
        [-100, 50, 50],
        [-100, 100, 0],
      ],
      [[0], [0]],
    ]);
    expect(shape(result)).toEqual([[2], [1]]);
  });

  it("a block and a column of another length: #N/A where one cannot serve", () => {
    const result = evaluateTime(PRESENT_VALUE, [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [[0], [0]],
    ]);
    expect(shape(result)).toEqual([[3], [7], ["na:discount_rate"]]);
  });
});

describe("timeResultSize: the spill size from the argument sizes", () => {
  it("agrees with the evaluator for the shapes the tests above use", () => {
    const cases: [(typeof timeFunctions)[number], unknown[], number | undefined][] = [
      [SAVINGS_CASH_FLOWS, [[[1], [2], [3]], 100, 2], 2],
      [GPU_CASH_FLOWS, [[[1], [-1]], 100, 2], 2],
      [DEPRECIATION, [100, 4, 4], 4],
      [
        PRESENT_VALUE,
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          [[0], [0]],
        ],
        undefined,
      ],
      [
        PRESENT_VALUE,
        [
          [
            [1, 2],
            [3, 4],
          ],
          [[0, 0.1, 0.2]],
        ],
        undefined,
      ],
    ];
    const sizeOf = (arg: unknown) =>
      Array.isArray(arg) ? { rows: arg.length, columns: (arg[0] as unknown[]).length } : { rows: 1, columns: 1 };
    for (const [fn, args, years] of cases) {
      const result = evaluateTime(fn, args);
      expect(timeResultSize(fn, args.map(sizeOf), years)).toEqual({ rows: result.rows, columns: result.columns });
    }
  });

  it("a row function's width is unknown without the years", () => {
    expect(timeResultSize(GPU_CASH_FLOWS, [undefined, undefined, { rows: 1, columns: 1 }])).toBeUndefined();
  });
});
