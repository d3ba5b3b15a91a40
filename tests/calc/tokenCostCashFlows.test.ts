import fc from "fast-check";
import { describe, it } from "vitest";
import { evaluateScalar, TOKEN_COST, TOKEN_COST_CASH_FLOWS } from "../../src/calc";
import { expectError, expectNumber } from "./helpers";
import { expectRow, rowOf } from "./timeHelpers";

const run = (...args: unknown[]) => rowOf(TOKEN_COST_CASH_FLOWS, args);

describe("TOKEN_COST_CASH_FLOWS", () => {
  for (const example of TOKEN_COST_CASH_FLOWS.examples) {
    it(`${example.formula}`, () => expectRow(run(...example.args), example.result as number[]));
  }

  it("year 1 is TOKEN_COST over a year of the same fleet; nothing at the start", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (tokensPerHour, agents, price, years, change) => {
          const row = run(tokensPerHour * agents * 24 * 365, price, years, change, change) as number[];
          expectNumber(row[0], 0);
          expectNumber(row[1], evaluateScalar(TOKEN_COST, [tokensPerHour, agents, price]) as number, 1e-12);
        },
      ),
      { numRuns: 1000, seed: 20_260_424 },
    );
  });

  it("prices falling 30% a year: each year pays 70% of the year before", () => {
    expectRow(run(1e12, 10, 4, -0.3), [0, 1e7, 7e6, 4.9e6, 3.43e6]);
  });

  it("bad inputs", () => {
    expectError(run(-1, 10, 3), "num", "tokens_per_year");
    expectError(run(1, -10, 3), "num", "usd_per_million_tokens");
    expectError(run(1, 10, 3, -1.01), "num", "price_change_per_year");
    expectError(run(1, 10, 3, 0, -2), "num", "volume_growth_per_year");
    expectError(run(1, 10, 0), "num", "years");
  });
});
