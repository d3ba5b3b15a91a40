import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { describe, expect, it } from "vitest";
import {
  DEPRECIATION,
  depreciationMethods,
  depreciationUsd,
  isCalcError,
  type DepreciationMethod,
} from "../../src/calc";
import { excelVdb } from "./excelVdb";
import { expectError } from "./helpers";
import { expectRow, rowOf, sum } from "./timeHelpers";

const run = (...args: unknown[]) => rowOf(DEPRECIATION, args);

function schedule(
  cost: number,
  life: number,
  years: number,
  method: DepreciationMethod,
  salvage: number,
  firstYearFraction: number,
): number[] {
  const row = depreciationUsd(cost, life, years, method, salvage, firstYearFraction);
  if (isCalcError(row)) throw new Error(row.message);
  return row;
}

describe("Excel's VDB as the tests compute it (tests/calc/excelVdb.ts)", () => {
  // The worked examples of Microsoft's VDB documentation.
  it.each([
    [2400, 300, 10 * 365, 0, 1, 2, 1.32],
    [2400, 300, 10 * 12, 0, 1, 2, 40.0],
    [2400, 300, 10, 0, 1, 2, 480.0],
    [2400, 300, 10 * 12, 6, 18, 2, 396.31],
    [2400, 300, 10 * 12, 6, 18, 1.5, 311.81],
    [2400, 300, 10, 0, 0.875, 1.5, 315.0],
  ])("VDB(%d, %d, %d, %d, %d, %d) = %d as Excel documents", (cost, salvage, life, start, end, factor, shown) => {
    expect(excelVdb(cost, salvage, life, start, end, factor)).toBeCloseTo(shown, 2);
  });

  it("with no_switch TRUE and whole periods it is Excel's DDB (formulajs)", () => {
    for (let period = 1; period <= 10; period++) {
      expect(excelVdb(2400, 300, 10, period - 1, period, 2, true)).toBeCloseTo(
        formulajs.DDB(2400, 300, 10, period) as number,
        9,
      );
    }
  });
});

describe("DEPRECIATION: documented examples", () => {
  for (const example of DEPRECIATION.examples) {
    it(`${example.formula}`, () => {
      expectRow(run(...example.args), example.result as number[]);
    });
  }

  it("Meta's $62.5B over 5.5 years is $11.36B a year, then half a year", () => {
    const row = run(62_500_000_000, 5.5, 6);
    expectRow(row, [...Array<number>(5).fill(62.5e9 / 5.5), 62.5e9 / 11]);
    expect((row as number[])[0]).toBeCloseTo(11_363_636_363.64, 1);
    expect(sum(row as number[])).toBeCloseTo(62_500_000_000, 0);
  });
});

describe("DEPRECIATION equals Excel's per-period functions", () => {
  it("straight line: each year of the life is SLN (formulajs), nothing after", () => {
    for (const [cost, salvage, life] of [
      [10000, 1000, 5],
      [62.5e9, 0, 6],
      [1, 0.25, 1],
    ] as const) {
      const row = schedule(cost, life, life + 2, "straight_line", salvage, 1);
      expectRow(row, [...Array<number>(life).fill(formulajs.SLN(cost, salvage, life) as number), 0, 0]);
    }
  });

  it("sum of years: each year is SYD (formulajs), and a partial first year mixes two SYD years", () => {
    const syd = (k: number) => (k < 1 || k > 7 ? 0 : (formulajs.SYD(70000, 7000, 7, k) as number));
    expectRow(
      schedule(70000, 7, 8, "sum_of_years", 7000, 1),
      [1, 2, 3, 4, 5, 6, 7, 8].map((k) => syd(k)),
    );
    const f = 0.25;
    expectRow(
      schedule(70000, 7, 8, "sum_of_years", 7000, f),
      [1, 2, 3, 4, 5, 6, 7, 8].map((k) => (1 - f) * syd(k - 1) + f * syd(k)),
    );
  });

  it("declining balance, before it switches to straight line, is DDB (formulajs)", () => {
    const row = schedule(2400, 10, 5, "declining_balance", 300, 1);
    row.forEach((value, i) => expect(value).toBeCloseTo(formulajs.DDB(2400, 300, 10, i + 1) as number, 9));
  });

  it("declining balance is VDB with no_switch FALSE over each year, with salvage and a partial first year", () => {
    const lives = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.5, max: 20, noNaN: true }));
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        lives,
        fc.oneof(
          fc.constant(1),
          fc.integer({ min: 1, max: 12 }).map((months) => months / 12),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        fc.integer({ min: 1, max: 25 }),
        (cost, salvageShare, life, f, years) => {
          const salvage = cost * salvageShare;
          const row = schedule(cost, life, years, "declining_balance", salvage, f);
          row.forEach((value, i) => {
            const k = i + 1;
            const start = Math.max(0, f + k - 2);
            const end = Math.min(life, f + k - 1);
            const expected = end > start ? excelVdb(cost, salvage, life, start, end) : 0;
            if (Math.abs(value - expected) > 1e-9 * cost) {
              throw new Error(`year ${k}: ${value}, VDB(${cost}, ${salvage}, ${life}, ${start}, ${end}) = ${expected}`);
            }
          });
        },
      ),
      { numRuns: 2000, seed: 20_260_424 },
    );
  });
});

describe("DEPRECIATION totals", () => {
  it("over the whole life every method sums to cost − salvage, never taking the book value below salvage", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...depreciationMethods),
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.oneof(fc.constant(0), fc.constant(0.5)),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (method, cost, salvageShare, wholeLife, half, f) => {
          const life = method === "sum_of_years" ? wholeLife : wholeLife + half;
          const salvage = cost * salvageShare;
          const row = schedule(cost, life, Math.min(50, Math.ceil(life) + 1), method, salvage, f);
          let booked = 0;
          for (const value of row) {
            expect(value).toBeGreaterThanOrEqual(0);
            booked += value;
            expect(booked).toBeLessThanOrEqual((cost - salvage) * (1 + 1e-12) + 1e-9);
          }
          expect(Math.abs(booked - (cost - salvage))).toBeLessThanOrEqual(1e-9 * cost);
        },
      ),
      { numRuns: 2000, seed: 20_260_424 },
    );
  });
});

describe("DEPRECIATION: bad inputs", () => {
  it("an unknown method is #VALUE! listing the allowed ones", () => {
    const error = expectError(run(1000, 5, 5, "double"), "value", "method");
    for (const method of depreciationMethods) expect(error.message).toContain(`"${method}"`);
  });
  it("method in any case is accepted", () => {
    expectRow(run(1000, 5, 2, "Straight_Line"), [200, 200]);
  });
  it("salvage above cost is #NUM!", () => {
    expectError(run(1000, 5, 5, "straight_line", 1001), "num", "salvage");
  });
  it("a fractional life with sum_of_years is #NUM!", () => {
    expectError(run(1000, 5.5, 5, "sum_of_years"), "num", "useful_life_years");
  });
  it("years must be a whole number from 1 to 50", () => {
    expectError(run(1000, 5, 0), "num", "years");
    expectError(run(1000, 5, 51), "num", "years");
    expect(expectError(run(1000, 5, 2.5), "num", "years").message).toContain("whole number");
    expectRow(run(1000, 5, 50), [...Array<number>(5).fill(200), ...Array<number>(45).fill(0)]);
  });
  it("a negative cost, a life of 0 and a first-year fraction of 0 or above 1 are #NUM!", () => {
    expectError(run(-1, 5, 5), "num", "cost");
    expectError(run(1000, 0, 5), "num", "useful_life_years");
    expectError(run(1000, 5, 5, "straight_line", 0, 0), "num", "first_year_fraction");
    expectError(run(1000, 5, 5, "straight_line", 0, 1.5), "num", "first_year_fraction");
  });
  it("a partial first year moves the rest of the life one year on", () => {
    expectRow(run(1000, 2, 3, "straight_line", 0, 0.5), [250, 500, 250]);
  });
});
