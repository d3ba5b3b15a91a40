import { describe, expect, it } from "vitest";
import { BLENDED_PRICE, blendedPriceUsdPerMillion, evaluateScalar } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(BLENDED_PRICE, args);

describe("AICOST.BLENDED_PRICE", () => {
  it("declares the parameters, with cached input defaulting to 10% of the input price", () => {
    expect(BLENDED_PRICE.params.map((p) => [p.name, p.default])).toEqual([
      ["input_usd_per_million", undefined],
      ["output_usd_per_million", undefined],
      ["output_share", undefined],
      ["cached_input_share", 0],
      ["cached_input_usd_per_million", { fractionOf: "input_usd_per_million", fraction: 0.1 }],
    ]);
    expect(BLENDED_PRICE.params[4]?.type === "number" && BLENDED_PRICE.params[4].defaultSource).toMatch(/10%/);
  });

  it("no cache: 0.4 × 30 + 0.6 × 5 = 12 + 3 = 15", () => {
    expectNumber(run(5, 30, 0.4), 15);
  });

  it("half the input cached at the default 10%: input blend 0.5 × 5 + 0.5 × 0.5 = 2.75; 0.2 × 30 + 0.8 × 2.75 = 8.2", () => {
    expectNumber(run(5, 30, 0.2, 0.5), 8.2);
  });

  it("an explicit cached price replaces the default: 0.5 × 5 + 0.5 × 1 = 3; 0.2 × 30 + 0.8 × 3 = 8.4", () => {
    expectNumber(run(5, 30, 0.2, 0.5, 1), 8.4);
  });

  it("a blank cached price takes 10% of this row's input price: all input cached at 0.1 × 2 = 0.2", () => {
    expectNumber(run(2, 8, 0, 1, null), 0.2);
    expectNumber(run(2, 8, 0, 1, ""), 0.2);
  });

  it("an explicit cached price of 0 is 0, not the default: all input cached for free, no output = 0", () => {
    expect(run(2, 8, 0, 1, 0)).toBe(0);
  });

  it("all output: the output price", () => {
    expectNumber(run(5, 30, 1, 0.9, 0.5), 30);
  });

  it("the plain function agrees: 0.25 × 4 + 0.75 × (0.5 × 2 + 0.5 × 0.2) = 1 + 0.825 = 1.825", () => {
    expectNumber(blendedPriceUsdPerMillion(2, 4, 0.25, 0.5), 1.825);
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative input price", () => expectError(run(-1, 30, 0.4), "num", "input_usd_per_million"));
    it("negative output price", () => expectError(run(5, -30, 0.4), "num", "output_usd_per_million"));
    it("output_share above 1 (a percentage typed as 20)", () => {
      expect(expectError(run(5, 30, 20), "num", "output_share").message).toContain("at most 1");
    });
    it("output_share below 0", () => expectError(run(5, 30, -0.1), "num", "output_share"));
    it("cached_input_share above 1", () => expectError(run(5, 30, 0.4, 1.5), "num", "cached_input_share"));
    it("cached_input_share below 0", () => expectError(run(5, 30, 0.4, -0.5), "num", "cached_input_share"));
    it("negative cached price", () => expectError(run(5, 30, 0.4, 0.5, -1), "num", "cached_input_usd_per_million"));
    it("shares of exactly 0 and 1 are allowed: 1 × 30 = 30; 0 × 30 + 1 × (1 × 0.5) = 0.5", () => {
      expectNumber(run(5, 30, 1, 0), 30);
      expectNumber(run(5, 30, 0, 1), 0.5);
    });
  });
});

describeDocumentedExamples(BLENDED_PRICE);
describeTypeChecks(BLENDED_PRICE, [5, 30, 0.2, 0.5, 1]);
