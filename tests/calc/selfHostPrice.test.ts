import { describe, expect, it } from "vitest";
import { evaluateScalar, SELF_HOST_PRICE, selfHostPriceUsdPerMillion } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(SELF_HOST_PRICE, args);

describe("AICOST.SELF_HOST_PRICE", () => {
  it("declares gpu_hour_cost, tokens_per_second_per_gpu, [utilization = 1]", () => {
    expect(SELF_HOST_PRICE.params.map((p) => [p.name, p.default])).toEqual([
      ["gpu_hour_cost", undefined],
      ["tokens_per_second_per_gpu", undefined],
      ["utilization", 1],
    ]);
  });

  it("fully used: 1,000 tokens/s × 3,600 s = 3.6e6 tokens an hour; $3.60 ÷ 3.6 M tokens = $1 per million", () => {
    expectNumber(run(3.6, 1000), 1);
  });

  it("half used: 2,500 × 3,600 × 0.5 = 4.5e6 tokens an hour; $2 ÷ 4.5 M = $0.4444… per million", () => {
    expectNumber(run(2, 2500, 0.5), 4 / 9);
  });

  it("a blank utilization is 1: $7.20 ÷ (2,000 × 3,600 = 7.2 M tokens) = $1 per million", () => {
    expectNumber(run(7.2, 2000, null), 1);
    expectNumber(run(7.2, 2000, ""), 1);
  });

  it("free GPU-hours serve free tokens", () => {
    expect(run(0, 100)).toBe(0);
  });

  it("the plain function agrees: $36 ÷ (100 × 3,600 × 0.1 = 36,000 tokens) × 1,000,000 = $1,000 per million", () => {
    expectNumber(selfHostPriceUsdPerMillion(36, 100, 0.1), 1000);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative gpu_hour_cost", () => expectError(run(-2, 2500), "num", "gpu_hour_cost"));
    it("zero throughput, which divides", () => expectError(run(2, 0), "num", "tokens_per_second_per_gpu"));
    it("negative throughput", () => expectError(run(2, -5), "num", "tokens_per_second_per_gpu"));
    it("zero utilization, which divides", () => expectError(run(2, 2500, 0), "num", "utilization"));
    it("utilization above 1", () => expectError(run(2, 2500, 2), "num", "utilization"));
  });
});

describeDocumentedExamples(SELF_HOST_PRICE);
describeTypeChecks(SELF_HOST_PRICE, [2, 2500, 0.5]);
