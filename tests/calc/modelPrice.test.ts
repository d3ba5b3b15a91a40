import { beforeAll, describe, expect, it } from "vitest";
import { evaluateScalar, loadBundledProviders, MODEL_PRICE, modelPriceUsdPerMillion } from "../../src/calc";
import { describeDocumentedExamples, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(MODEL_PRICE, args);

beforeAll(async () => {
  await loadBundledProviders();
});

/*
 * Hand-checked list prices (USD per million tokens) of the four models the presets use:
 *  - 2026-04-24, the presets' analysis date: OpenAI's and DeepSeek's pages as of that day;
 *  - DeepSeek raised V4 prices from 2026-08-17, and charges a peak price from 01:00 to 04:00
 *    and from 06:00 to 10:00 UTC (genai-prices applies the peak price on any date);
 *  - OpenAI charges more for prompts above 272K tokens (input 2×, output 1.5×).
 */
const analysisDate = "2026-04-24";

describe("AICOST.MODEL_PRICE", () => {
  it("declares model and kind required, then as_of, prompt_tokens and provider optional", () => {
    expect(MODEL_PRICE.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ["model", "text", undefined],
      ["kind", "text", undefined],
      ["as_of", "moment", "now"],
      ["prompt_tokens", "number", 0],
      ["provider", "text", ""],
    ]);
    const kind = MODEL_PRICE.params[1];
    expect(kind?.type === "text" ? kind.oneOf : undefined).toEqual(["input", "cached_input", "cache_write", "output"]);
  });

  it.each([
    ["gpt-5.5", "input", 5],
    ["gpt-5.5", "cached_input", 0.5],
    ["gpt-5.5", "output", 30],
    ["gpt-5.5-pro", "input", 30],
    ["gpt-5.5-pro", "output", 180],
    ["deepseek-v4-flash", "input", 0.14],
    ["deepseek-v4-flash", "cached_input", 0.0028],
    ["deepseek-v4-flash", "output", 0.28],
    ["deepseek-v4-pro", "input", 0.435],
    ["deepseek-v4-pro", "cached_input", 0.003625],
    ["deepseek-v4-pro", "output", 0.87],
  ])("at the analysis date: %s %s = %d", (model, kind, price) => {
    expect(run(model, kind, analysisDate)).toBe(price);
    // The same day as an Excel serial (46136 is 2026-04-24): a whole date means noon UTC.
    expect(run(model, kind, 46136)).toBe(price);
  });

  it.each([
    ["deepseek-v4-flash", "input", 0.22, 0.44],
    ["deepseek-v4-flash", "cached_input", 0.007, 0.014],
    ["deepseek-v4-flash", "output", 0.66, 1.32],
    ["deepseek-v4-pro", "input", 0.66, 1.32],
    ["deepseek-v4-pro", "cached_input", 0.022, 0.044],
    ["deepseek-v4-pro", "output", 1.98, 3.96],
  ])("from 2026-08-17: %s %s = %d off-peak, %d at peak hours", (model, kind, offPeak, peak) => {
    expect(run(model, kind, "2026-08-16")).not.toBe(offPeak);
    expect(run(model, kind, "2026-08-17")).toBe(offPeak);
    expect(run(model, kind, "2026-09-01T10:00Z")).toBe(offPeak);
    expect(run(model, kind, "2026-09-01T00:59:59Z")).toBe(offPeak);
    expect(run(model, kind, "2026-09-01T01:00Z")).toBe(peak);
    expect(run(model, kind, "2026-09-01T09:59Z")).toBe(peak);
    // 2026-09-01 07:30 UTC as an Excel date-time serial.
    expect(run(model, kind, 46266 + 7.5 / 24)).toBe(peak);
    expect(run(model, kind, "2026-09-01T08:30+01:00")).toBe(peak);
  });

  it("without as_of gives the price in force now", () => {
    const hour = new Date().getUTCHours();
    const peak = (hour >= 1 && hour < 4) || (hour >= 6 && hour < 10);
    expect(run("gpt-5.5", "input")).toBe(5);
    expect(run("gpt-5.5", "output", null)).toBe(30);
    expect(run("gpt-5.5-pro", "output", "")).toBe(180);
    const flash = run("deepseek-v4-flash", "input");
    if (new Date().getUTCHours() === hour) expect(flash).toBe(peak ? 0.44 : 0.22);
    expect(run("deepseek-v4-pro", "output", "now")).toBe(run("deepseek-v4-pro", "output", new Date().toISOString()));
  });

  it("long-context tiers: a tier starts above its start (272K tokens for GPT-5.5)", () => {
    expect(run("gpt-5.5", "input", analysisDate, 271_999)).toBe(5);
    expect(run("gpt-5.5", "input", analysisDate, 272_000)).toBe(10);
    expect(run("gpt-5.5", "cached_input", analysisDate, 1_000_000)).toBe(1);
    expect(run("gpt-5.5", "output", analysisDate, 300_000)).toBe(45);
    expect(run("gpt-5.5-pro", "input", analysisDate, 300_000)).toBe(60);
    expect(run("gpt-5.5-pro", "output", analysisDate, 300_000)).toBe(270);
    expect(run("deepseek-v4-flash", "input", analysisDate, 1_000_000)).toBe(0.14);
  });

  it("takes a provider id, and cache_write where the model lists it", () => {
    expect(run("gpt-5.5", "input", analysisDate, 0, "openai")).toBe(5);
    expect(run("claude-sonnet-4-5", "cache_write", analysisDate, 0, "anthropic")).toBe(3.75);
    expectError(run("gpt-5.5", "cache_write", analysisDate), "na", "kind");
  });

  it("matches model and kind without regard to case or surrounding spaces", () => {
    expectNumber(run("GPT-5.5", "INPUT"), 5);
    expectNumber(run("DeepSeek-V4-Flash", "Output", analysisDate), 0.28);
    expectNumber(run("  gpt-5.5 ", " Cached_Input "), 0.5);
  });

  it("an unknown model is #N/A quoting it and suggesting the closest model ids", () => {
    const error = expectError(run("gpt-0", "input"), "na", "model");
    expect(error.message).toContain('"gpt-0"');
    expect(error.message).toMatch(/closest model ids: .*gpt-/);
    const deep = expectError(run("depseek-v4-flsh", "input"), "na", "model");
    expect(deep.message).toContain("deepseek-v4-flash");
  });

  it("quotes at most 40 characters of an unknown model or provider, as every message does", () => {
    const long = `zz${"q".repeat(500)}`;
    const error = expectError(run(long, "input"), "na", "model");
    expect(error.message).toContain(`"zz${"q".repeat(38)}…"`);
    expect(error.message.length).toBeLessThan(300);
    const provider = expectError(run("gpt-5.5", "input", null, null, `p${"x".repeat(500)}`), "na", "provider");
    expect(provider.message).toContain(`"p${"x".repeat(39)}…"`);
    expect(provider.message).toContain("openai");
  });

  it("a price the model lacks is #N/A naming the model and the kind, never 0", () => {
    const error = run("gpt-5.5-pro", "cached_input");
    expect(error).toMatchObject({ kind: "na", param: "kind" });
    if (typeof error === "number") return;
    expect(error.message).toContain("gpt-5.5-pro");
    expect(error.message).toContain("cached_input");
  });

  it("as_of: text that is no date is #VALUE!, a serial outside Excel's dates or 1900-02-29 is #NUM!", () => {
    expectError(run("gpt-5.5", "input", "24/04/2026"), "value", "as_of");
    expectError(run("gpt-5.5", "input", "2026-02-30"), "value", "as_of");
    expectError(run("gpt-5.5", "input", true), "value", "as_of");
    expectError(run("gpt-5.5", "input", 0), "num", "as_of");
    expectError(run("gpt-5.5", "input", 60), "num", "as_of");
    expectError(run("gpt-5.5", "input", 2_958_466), "num", "as_of");
    expectError(run("gpt-5.5", "input", Number.NaN), "num", "as_of");
  });

  it("an unknown kind is #VALUE! naming kind, quoting what it got and listing the kinds", () => {
    const error = expectError(run("gpt-5.5", "total"), "value", "kind");
    expect(error.message).toContain('"total"');
    for (const kind of ['"input"', '"cached_input"', '"cache_write"', '"output"'])
      expect(error.message).toContain(kind);
  });

  it("a number or a boolean where text belongs is #VALUE!", () => {
    expect(expectError(run(42, "input"), "value", "model").message).toContain("42");
    expect(expectError(run(true, "input"), "value", "model").message).toContain("TRUE");
    expectError(run("gpt-5.5", 1), "value", "kind");
    expectError(run("gpt-5.5", false), "value", "kind");
  });

  it("a blank model or kind (null, undefined, empty or only spaces) is #VALUE!", () => {
    for (const blank of [null, undefined, "", "   "]) {
      expect(expectError(run(blank, "input"), "value", "model").message).toContain("blank");
      expect(expectError(run("gpt-5.5", blank), "value", "kind").message).toContain("blank");
    }
  });

  it("the plain function gives the same figures and errors", () => {
    expectError(modelPriceUsdPerMillion("nope", "input"), "na", "model");
    expect(modelPriceUsdPerMillion("gpt-5.5", "output")).toBe(30);
    expect(modelPriceUsdPerMillion("deepseek-v4-flash", "input", analysisDate)).toBe(0.14);
    expect(modelPriceUsdPerMillion("gpt-5.5", "input", analysisDate, 300_000, "openai")).toBe(10);
  });
});

describeDocumentedExamples(MODEL_PRICE);
