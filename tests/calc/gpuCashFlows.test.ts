import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateScalar, GPU_CASH_FLOWS, GPU_TCO } from "../../src/calc";
import { expectError, expectNumber } from "./helpers";
import { expectRow, rowOf, sum } from "./timeHelpers";

const run = (...args: unknown[]) => rowOf(GPU_CASH_FLOWS, args);

describe("GPU_CASH_FLOWS", () => {
  for (const example of GPU_CASH_FLOWS.examples) {
    it(`${example.formula}`, () => expectRow(run(...example.args), example.result as number[]));
  }

  it("a 3-year refresh over 6 years buys the hardware at the start and at the end of year 3, not at the end of year 6", () => {
    expectRow(run(100, 30000, 6, 50000, 0, 0, 3), [3e6, 5e4, 5e4, 3.05e6, 5e4, 5e4, 5e4]);
  });

  it("the residual is a share of the last hardware purchase, taken off the last year", () => {
    expectRow(run(100, 30000, 2, 50000, 0, 0, 0, 0.25), [3e6, 5e4, 5e4 - 750000]);
  });

  it("a row of years + 1 cells", () => {
    for (const years of [1, 5, 50]) expect((run(1, 1, years) as number[]).length).toBe(years + 1);
  });

  it("with no refresh and no residual it sums to GPU_TCO of the same arguments", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (count, price, years, power, other, markup) => {
          const row = run(count, price, years, power, other, markup) as number[];
          const tco = evaluateScalar(GPU_TCO, [count, price, years, power, other, markup]);
          expectNumber(sum(row), tco as number, 1e-12);
        },
      ),
      { numRuns: 1000, seed: 20_260_424 },
    );
  });

  it("bad inputs: negative count or price #NUM!, shares outside 0..1 #NUM!, years outside 1..50 or fractional #NUM!, text #VALUE!", () => {
    expectError(run(-1, 100, 3), "num", "gpu_count");
    expectError(run(1, -100, 3), "num", "gpu_unit_price");
    expectError(run(1, 100, 3, 0, 0, 0, 0, 1.1), "num", "residual_share");
    expectError(run(1, 100, 3, 0, 0, 0, 0, -0.1), "num", "residual_share");
    expectError(run(1, 100, 0), "num", "years");
    expectError(run(1, 100, 51), "num", "years");
    expectError(run(1, 100, 3.5), "num", "years");
    expectError(run(1, 100, 3, 0, 0, 0, 1.5), "num", "refresh_years");
    expectError(run(1, 100, 3, 0, 0, -1), "num", "capex_markup");
    expectError(run("8", 100, 3), "value", "gpu_count");
    expectError(run(1, 100, true), "value", "years");
    expectError(run(1, 100, null), "value", "years");
  });
});
