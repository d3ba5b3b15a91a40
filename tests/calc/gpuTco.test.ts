import { describe, expect, it } from "vitest";
import { evaluateScalar, GPU_TCO, gpuTcoUsd } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(GPU_TCO, args);

describe("AICOST.GPU_TCO", () => {
  it("declares gpu_count, gpu_unit_price, [years = 3], [power = 0], [other = 0], [capex_markup = 0]", () => {
    expect(GPU_TCO.params.map((p) => [p.name, p.default])).toEqual([
      ["gpu_count", undefined],
      ["gpu_unit_price", undefined],
      ["years", 3],
      ["power_cost_per_year", 0],
      ["other_costs_per_year", 0],
      ["capex_markup", 0],
    ]);
  });

  it("hardware plus three years of power: 100,000 × 27,500 = 2.75e9; 3 × 250,000,000 = 7.5e8; total 3,500,000,000", () => {
    expectNumber(run(100000, 27500, 3, 250_000_000), 3_500_000_000);
  });

  it("with markup and other costs: 1,000 × 30,000 × 1.5 = 45,000,000; 4 × (2,000,000 + 1,000,000) = 12,000,000; total 57,000,000", () => {
    expectNumber(run(1000, 30000, 4, 2_000_000, 1_000_000, 0.5), 57_000_000);
  });

  it("hardware only by default: 8 × 25,000 = 200,000", () => {
    expectNumber(run(8, 25000), 200_000);
  });

  it("a blank years is 3: 8 × 25,000 + 3 × 10,000 = 230,000", () => {
    expectNumber(run(8, 25000, null, 10000), 230_000);
    expectNumber(run(8, 25000, "", 10000), 230_000);
  });

  it("blank running costs are 0 while the markup still applies: 8 × 25,000 × 2 = 400,000", () => {
    expectNumber(run(8, 25000, 5, null, null, 1), 400_000);
  });

  it("zero years counts hardware only: 8 × 25,000 = 200,000", () => {
    expectNumber(run(8, 25000, 0, 10000, 5000), 200_000);
  });

  it("the plain function agrees: 2 × 10 × 1.5 + 2 × (3 + 4) = 44", () => {
    expect(gpuTcoUsd(2, 10, 2, 3, 4, 0.5)).toBe(44);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative gpu_count", () => expectError(run(-8, 25000), "num", "gpu_count"));
    it("negative gpu_unit_price", () => expectError(run(8, -25000), "num", "gpu_unit_price"));
    it("negative years", () => expectError(run(8, 25000, -1), "num", "years"));
    it("negative power_cost_per_year", () => expectError(run(8, 25000, 3, -1), "num", "power_cost_per_year"));
    it("negative other_costs_per_year", () => expectError(run(8, 25000, 3, 0, -1), "num", "other_costs_per_year"));
    it("negative capex_markup", () => expectError(run(8, 25000, 3, 0, 0, -0.1), "num", "capex_markup"));
  });
});

describeDocumentedExamples(GPU_TCO);
describeTypeChecks(GPU_TCO, [1000, 30000, 4, 2_000_000, 1_000_000, 0.5]);
