import { describe, expect, it } from "vitest";
import { evaluateScalar, GPU_POWER_COST, gpuPowerCostUsdPerYear } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(GPU_POWER_COST, args);

describe("AICOST.GPU_POWER_COST", () => {
  it("declares gpu_count, watts_per_gpu, usd_per_kwh, [pue = 1.25], [load_factor = 1], [hours_per_year = 8760]", () => {
    expect(GPU_POWER_COST.params.map((p) => [p.name, p.default])).toEqual([
      ["gpu_count", undefined],
      ["watts_per_gpu", undefined],
      ["usd_per_kwh", undefined],
      ["pue", 1.25],
      ["load_factor", 1],
      ["hours_per_year", 8760],
    ]);
    const pue = GPU_POWER_COST.params[3];
    expect(pue?.type === "number" ? pue.defaultSource : undefined).toMatch(/Epoch AI/);
  });

  it("defaults: 100,000 × 1,000 W = 100,000 kW × 1.25 × 8,760 h = 1.095e9 kWh × $0.10 = 109,500,000", () => {
    expectNumber(run(100000, 1000, 0.1), 109_500_000);
  });

  it("efficient site at 80% load: 1,000 × 1.2 kW × 1.1 × 0.8 = 1,056 kW × 8,760 h = 9,250,560 kWh × $0.08 = 740,044.8", () => {
    expectNumber(run(1000, 1200, 0.08, 1.1, 0.8), 740_044.8);
  });

  it("one kilowatt for 1,000 hours at PUE 1: 1,000 kWh × $0.10 = 100", () => {
    expectNumber(run(1, 1000, 0.1, 1, 1, 1000), 100);
  });

  it("blank pue is 1.25 and blank load_factor is 1: 1 kW × 1.25 × 1,000 h × $0.10 = 125", () => {
    expectNumber(run(1, 1000, 0.1, null, null, 1000), 125);
    expectNumber(run(1, 1000, 0.1, "", undefined, 1000), 125);
  });

  it("a leap year's 8,784 hours is allowed: 1 kW × 8,784 h × $0.10 = 878.4", () => {
    expectNumber(run(1, 1000, 0.1, 1, 1, 8784), 878.4);
  });

  it("the plain function agrees: 2 × 500 W = 1 kW × 2 × 0.5 × 10 h × $3 = 30", () => {
    expect(gpuPowerCostUsdPerYear(2, 500, 3, 2, 0.5, 10)).toBe(30);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative gpu_count", () => expectError(run(-1, 1000, 0.1), "num", "gpu_count"));
    it("negative watts_per_gpu", () => expectError(run(1, -1000, 0.1), "num", "watts_per_gpu"));
    it("negative usd_per_kwh", () => expectError(run(1, 1000, -0.1), "num", "usd_per_kwh"));
    it("pue below 1", () => {
      expect(expectError(run(1, 1000, 0.1, 0.9), "num", "pue").message).toContain("at least 1");
    });
    it("load_factor above 1", () => expectError(run(1, 1000, 0.1, 1.25, 1.2), "num", "load_factor"));
    it("negative load_factor", () => expectError(run(1, 1000, 0.1, 1.25, -0.2), "num", "load_factor"));
    it("hours_per_year above a leap year's 8,784", () =>
      expectError(run(1, 1000, 0.1, 1.25, 1, 9000), "num", "hours_per_year"));
    it("negative hours_per_year", () => expectError(run(1, 1000, 0.1, 1.25, 1, -1), "num", "hours_per_year"));
  });
});

describeDocumentedExamples(GPU_POWER_COST);
describeTypeChecks(GPU_POWER_COST, [1000, 1200, 0.08, 1.1, 0.8, 8000]);
