import { describe, expect, it } from "vitest";
import { PAYBACK } from "../../src/calc";
import { expectError, expectNumber } from "./helpers";
import { valueOf } from "./timeHelpers";

const run = (...args: unknown[]) => valueOf(PAYBACK, args);

describe("PAYBACK, on cases computed by hand", () => {
  for (const example of PAYBACK.examples) {
    it(`${example.formula}`, () => expectNumber(run(...example.args), example.result as number, 1e-12));
  }

  it("turning exactly at a year's end: 2 years", () => {
    expectNumber(run([[-1000, 500, 500, 500]]), 2);
  });

  it("turning mid-year: -1000 then 300 a year is 3 years and a third", () => {
    // Cumulative: -700, -400, -100, +200: 100 of the 300 in year 4 is needed, a third of it.
    expectNumber(run([[-1000, 300, 300, 300, 300]]), 3 + 1 / 3);
  });

  it("discounted at 10%: -1000, then 660 and 605 (600 and 500 today) turns 4/5 into year 2", () => {
    expectNumber(run([[-1000, 660, 605]], 0.1), 1.8);
  });

  it("0 when the start is not negative", () => {
    expectNumber(run([[0, -5, 10]]), 0);
    expectNumber(run([[10, -50]]), 0);
  });

  it("the first time it reaches zero counts, even if it falls back later", () => {
    expectNumber(run([[-100, 100, -500, 10]]), 1);
  });

  it("never paying back is #N/A saying within how many years", () => {
    const error = expectError(run([[-1000, 100, 100, 100]]), "na", "net_cash_flows");
    expect(error.message).toContain("does not pay back within 3 years");
    expectError(run([[-1000, 400, 400, 400]], 0.5), "na", "net_cash_flows");
  });

  it("bad inputs", () => {
    expectError(run([[-1000, "400"]]), "value", "net_cash_flows");
    expectError(run([[-1000, 400]], -1), "num", "discount_rate");
  });
});
