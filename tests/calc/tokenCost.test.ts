import { describe, expect, it } from "vitest";
import { evaluateScalar, TOKEN_COST, tokenCostUsd } from "../../src/calc";
import { describeDocumentedExamples, describeTypeChecks, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(TOKEN_COST, args);

describe("AICOST.TOKEN_COST", () => {
  it("declares tokens_per_hour, agents, usd_per_million_tokens, [hours_per_day = 24], [days = 365]", () => {
    expect(TOKEN_COST.params.map((p) => [p.name, p.default])).toEqual([
      ["tokens_per_hour", undefined],
      ["agents", undefined],
      ["usd_per_million_tokens", undefined],
      ["hours_per_day", 24],
      ["days", 365],
    ]);
  });

  it("a year round the clock by default: 50,000 × 10,000 × 24 × 365 = 4.38e12 tokens = 4.38e6 M × $15 = 65,700,000", () => {
    expectNumber(run(50000, 10000, 15), 65_700_000);
  });

  it("working hours and days: 50,000 × 10,000 × 8 × 250 = 1e12 tokens = 1e6 M × $15 = 15,000,000", () => {
    expectNumber(run(50000, 10000, 15, 8, 250), 15_000_000);
  });

  it("one agent for one day: 1,000 × 24 = 24,000 tokens = 0.024 M × $2 = 0.048", () => {
    expectNumber(run(1000, 1, 2, 24, 1), 0.048);
  });

  it("blank hours_per_day is 24 even when days is given: 1,000 × 24 × 10 = 240,000 tokens = 0.24 M × $1 = 0.24", () => {
    expectNumber(run(1000, 1, 1, null, 10), 0.24);
  });

  it("blank days is 365: 1,000 × 1 × 365 = 365,000 tokens = 0.365 M × $1 = 0.365", () => {
    expectNumber(run(1000, 1, 1, 1, ""), 0.365);
  });

  it("zero hours a day costs nothing", () => {
    expect(run(1000, 10, 5, 0)).toBe(0);
  });

  it("the plain function agrees: 1,000,000 × 1 × 1 × 1 × $3 ÷ 1,000,000 = 3", () => {
    expect(tokenCostUsd(1_000_000, 1, 3, 1, 1)).toBe(3);
  });

  it("a result too large for a double is #NUM! for the result, not Infinity: 1e200 × 1e200 overflows", () => {
    expect(expectError(run(1e200, 1e200, 1), "num", "").message).toContain("TOKEN_COST");
  });

  describe("numbers outside the domain are #NUM! naming the parameter", () => {
    it("negative tokens_per_hour", () => expectError(run(-1, 1, 1), "num", "tokens_per_hour"));
    it("negative agents", () => expectError(run(1, -1, 1), "num", "agents"));
    it("negative usd_per_million_tokens", () => expectError(run(1, 1, -0.01), "num", "usd_per_million_tokens"));
    it("hours_per_day above 24", () => {
      const error = expectError(run(1, 1, 1, 24.5), "num", "hours_per_day");
      expect(error.message).toContain("24");
    });
    it("hours_per_day of exactly 24 is allowed: 1 × 24 × 1 = 24 tokens × $1,000,000 per M = 24", () => {
      expectNumber(run(1, 1, 1_000_000, 24, 1), 24);
    });
    it("negative hours_per_day", () => expectError(run(1, 1, 1, -1), "num", "hours_per_day"));
    it("negative days", () => expectError(run(1, 1, 1, 24, -1), "num", "days"));
  });
});

describeDocumentedExamples(TOKEN_COST);
describeTypeChecks(TOKEN_COST, [50000, 10000, 15, 8, 250]);
