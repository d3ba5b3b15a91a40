import { describe, expect, it } from "vitest";
import { evaluateScalar, LABOR_SAVINGS, laborSavingsUsd } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(LABOR_SAVINGS, args);

describe("AICOST.LABOR_SAVINGS", () => {
  it("declares headcount, cost_per_employee, [years = 1], [one_time_cost_per_employee = 0]", () => {
    expect(LABOR_SAVINGS.params.map((p) => [p.name, p.default])).toEqual([
      ["headcount", undefined],
      ["cost_per_employee", undefined],
      ["years", 1],
      ["one_time_cost_per_employee", 0],
    ]);
  });

  it("one year, no one-time cost: 23,000 × 165,000 = 3,795,000,000", () => {
    expectNumber(run(23000, 165000), 3_795_000_000);
  });

  it("years multiply the yearly cost: 10 × (100,000 × 3) = 3,000,000", () => {
    expectNumber(run(10, 100000, 3), 3_000_000);
  });

  it("one-time cost is per employee, not per year: 1,000 × (150,000 × 3 − 50,000) = 400,000,000", () => {
    expectNumber(run(1000, 150000, 3, 50000), 400_000_000);
  });

  it("fractional years: 10 × (100,000 × 0.5) = 500,000", () => {
    expectNumber(run(10, 100000, 0.5), 500_000);
  });

  it("is negative when one-time costs exceed the savings: 100 × (50,000 × 1 − 80,000) = −3,000,000", () => {
    expectNumber(run(100, 50000, 1, 80000), -3_000_000);
  });

  it("zero headcount gives +0, never −0 (0 × (50,000 − 200,000) would be −0)", () => {
    expect(Object.is(run(0, 50000, 1, 200000), 0)).toBe(true);
  });

  it("blank optional arguments take years = 1 and one-time cost = 0: 7 × 1,000 = 7,000", () => {
    expectNumber(run(7, 1000, null, null), 7000);
    expectNumber(run(7, 1000, "", undefined), 7000);
    // A blank years with a one-time cost still counts one year: 7 × (1,000 − 400) = 4,200.
    expectNumber(run(7, 1000, null, 400), 4200);
  });

  it("the plain function agrees with the formula: 3 × (2 × 4 − 5) = 9", () => {
    expect(laborSavingsUsd(3, 2, 4, 5)).toBe(9);
    expect(laborSavingsUsd(3, 2)).toBe(6);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative headcount", () => {
      expect(expectError(run(-1, 100), "num", "headcount").message).toContain("-1");
    });
    it("negative cost_per_employee", () => expectError(run(1, -100), "num", "cost_per_employee"));
    it("negative years", () => expectError(run(1, 100, -1), "num", "years"));
    it("negative one_time_cost_per_employee", () =>
      expectError(run(1, 100, 1, -5), "num", "one_time_cost_per_employee"));
    it("zero is inside the domain for every parameter: 0 × (0 × 0 − 0) = 0", () => {
      expect(run(0, 0, 0, 0)).toBe(0);
    });
  });
});

describeDocumentedExamples(LABOR_SAVINGS);
describeTypeChecks(LABOR_SAVINGS, [1000, 150000, 3, 50000]);
