import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateScalar, LABOR_SAVINGS, SAVINGS_CASH_FLOWS } from "../../src/calc";
import { expectError } from "./helpers";
import { expectRow, rowOf, sum } from "./timeHelpers";

const run = (...args: unknown[]) => rowOf(SAVINGS_CASH_FLOWS, args);

describe("SAVINGS_CASH_FLOWS", () => {
  for (const example of SAVINGS_CASH_FLOWS.examples) {
    it(`${example.formula}`, () => expectRow(run(...example.args), example.result as number[]));
  }

  it("a cut effective 20 May saves 226/365 of its first year, then whole years", () => {
    const days = (Date.UTC(2026, 11, 31) - Date.UTC(2026, 4, 20)) / 86_400_000 + 1;
    expect(days).toBe(226);
    expectRow(run(8000, 200000, 3, days / 365), [0, (8000 * 200000 * 226) / 365, 1.6e9, 1.6e9]);
  });

  it("with the defaults it sums to LABOR_SAVINGS of the same headcount, cost, years and one-time cost", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (headcount, cost, years, oneTime) => {
          const row = run(headcount, cost, years, null, null, oneTime) as number[];
          const laborSavings = evaluateScalar(LABOR_SAVINGS, [headcount, cost, years, oneTime]) as number;
          // Relative to the amounts added, which may nearly cancel.
          const scale = Math.max(1, headcount * (cost * years + oneTime));
          expect(Math.abs(sum(row) - laborSavings)).toBeLessThanOrEqual(1e-12 * scale);
        },
      ),
      { numRuns: 1000, seed: 20_260_424 },
    );
  });

  it("bad inputs", () => {
    expectError(run(-1, 100, 3), "num", "headcount");
    expectError(run(1, -100, 3), "num", "cost_per_employee");
    expectError(run(1, 100, 3, 1.01), "num", "first_year_fraction");
    expectError(run(1, 100, 3, -0.01), "num", "first_year_fraction");
    expectError(run(1, 100, 3, 1, -1.5), "num", "annual_cost_growth");
    expectError(run(1, 100, 3, 1, 0, -5), "num", "one_time_cost_per_employee");
    expectError(run(1, 100, 60), "num", "years");
    expectError(run(1, 100, "x"), "value", "years");
  });
});
