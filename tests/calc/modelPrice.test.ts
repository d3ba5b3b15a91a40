import { describe, expect, it } from "vitest";
import { evaluateScalar, MODEL_PRICE, modelPriceUsdPerMillion } from "../../src/calc";
import { describeDocumentedExamples, expectError, expectNumber } from "./helpers";

const run = (...args: unknown[]) => evaluateScalar(MODEL_PRICE, args);

describe("AICOST.MODEL_PRICE", () => {
  it("declares model and kind, both required text, kind one of input, cached_input, output", () => {
    expect(MODEL_PRICE.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ["model", "text", undefined],
      ["kind", "text", undefined],
    ]);
    const kind = MODEL_PRICE.params[1];
    expect(kind?.type === "text" ? kind.oneOf : undefined).toEqual(["input", "cached_input", "output"]);
  });

  // The prices below are OpenAI's and DeepSeek's list prices as published (USD per million tokens).
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
  ])("%s %s = %d", (model, kind, price) => {
    expectNumber(run(model, kind), price);
  });

  it("matches model and kind without regard to case or surrounding spaces", () => {
    expectNumber(run("GPT-5.5", "INPUT"), 5);
    expectNumber(run("DeepSeek-V4-Flash", "Output"), 0.28);
    expectNumber(run("  gpt-5.5 ", " Cached_Input "), 0.5);
  });

  it("an unknown model is #N/A naming the model and listing the known ones", () => {
    const error = expectError(run("gpt-0", "input"), "na", "model");
    expect(error.message).toContain('"gpt-0"');
    for (const known of ["gpt-5.5", "gpt-5.5-pro", "deepseek-v4-flash", "deepseek-v4-pro"]) {
      expect(error.message).toContain(known);
    }
  });

  it("a price the catalog lacks is #N/A naming the model and the kind", () => {
    // Not a bad argument, so the message names the value rather than the parameter.
    const error = run("gpt-5.5-pro", "cached_input");
    expect(error).toMatchObject({ kind: "na", param: "kind" });
    if (typeof error === "number") return;
    expect(error.message).toContain("gpt-5.5-pro");
    expect(error.message).toContain("cached_input");
    expect(error.message).not.toContain("known models");
  });

  it("an unknown kind is #VALUE! naming kind, quoting what it got and listing the kinds", () => {
    const error = expectError(run("gpt-5.5", "total"), "value", "kind");
    expect(error.message).toContain('"total"');
    for (const kind of ['"input"', '"cached_input"', '"output"']) expect(error.message).toContain(kind);
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

  it("the plain function gives the same errors", () => {
    expectError(modelPriceUsdPerMillion("nope", "input"), "na", "model");
    expect(modelPriceUsdPerMillion("gpt-5.5", "output")).toBe(30);
  });
});

describeDocumentedExamples(MODEL_PRICE);
