import { describe, expect, it } from "vitest";
import { evaluateScalar, GPU_HOUR_COST, gpuHourCostUsd } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(GPU_HOUR_COST, args);

describe("AICOST.GPU_HOUR_COST", () => {
  it("declares total_cost, gpu_count, years, [utilization = 1]", () => {
    expect(GPU_HOUR_COST.params.map((p) => [p.name, p.default])).toEqual([
      ["total_cost", undefined],
      ["gpu_count", undefined],
      ["years", undefined],
      ["utilization", 1],
    ]);
  });

  it("fully used: 100,000 GPUs × 4 years × 8,760 h = 3.504e9 GPU-hours; 3,504,000,000 ÷ 3.504e9 = 1", () => {
    expectNumber(run(3_504_000_000, 100000, 4), 1);
  });

  it("half used: 100 × 1 × 8,760 × 0.5 = 438,000 used hours; 876,000 ÷ 438,000 = 2", () => {
    expectNumber(run(876_000, 100, 1, 0.5), 2);
  });

  it("one GPU for one year: 8,760 ÷ 8,760 = 1; a blank utilization is 1", () => {
    expectNumber(run(8760, 1, 1), 1);
    expectNumber(run(8760, 1, 1, null), 1);
    expectNumber(run(8760, 1, 1, ""), 1);
  });

  it("a free cluster costs 0 an hour", () => {
    expect(run(0, 10, 3)).toBe(0);
  });

  it("the plain function agrees: 17,520 ÷ (2 × 1 × 8,760 × 0.25) = 4", () => {
    expect(gpuHourCostUsd(17_520, 2, 1, 0.25)).toBe(4);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative total_cost", () => expectError(run(-1, 1, 1), "num", "total_cost"));
    it("zero gpu_count, which divides", () => {
      expect(expectError(run(8760, 0, 1), "num", "gpu_count").message).toContain("greater than 0");
    });
    it("negative gpu_count", () => expectError(run(8760, -1, 1), "num", "gpu_count"));
    it("zero years, which divides", () => expectError(run(8760, 1, 0), "num", "years"));
    it("zero utilization, which divides", () => expectError(run(8760, 1, 1, 0), "num", "utilization"));
    it("utilization above 1", () => expectError(run(8760, 1, 1, 1.01), "num", "utilization"));
    it("-0 GPUs is zero GPUs, and the message shows 0", () => {
      expect(expectError(run(8760, -0, 1), "num", "gpu_count").message).toContain("got 0");
    });
  });

  it("a quotient too large for a double is #NUM! for the result: 1e300 ÷ (1e-10 × 1e-10 × 8,760)", () => {
    expectError(run(1e300, 1e-10, 1e-10), "num", "");
  });
});

describeDocumentedExamples(GPU_HOUR_COST);
describeTypeChecks(GPU_HOUR_COST, [876_000, 100, 1, 0.5]);
