/*
 * Formulas an evaluator cannot take are refused by the validator, never left to
 * crash later: nesting deeper than `formulaMaxNesting` (parentheses, calls and
 * signs in a row), more operators than `formulaMaxOperators`, numbers beyond
 * the finite range. And no formula a file can hold reaches an evaluator's
 * "Maximum call stack size exceeded": fast-check builds deep and odd formulas,
 * and each is either refused with a message or accepted and computed by
 * HyperFormula, as `aicost show`, `export` and the preview's Load compute it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { formulaMaxNesting, formulaMaxOperators, parseFormula, parsePresetFile, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { tinyPreset } from "./helpers";

const seed = Number(process.env.AICOST_FUZZ_SEED ?? 20_261_129);

function withFormula(formula: string): Preset {
  const preset = tinyPreset();
  return { ...preset, outputs: [preset.outputs[0] as Preset["outputs"][number], { ...(preset.outputs[1] as Preset["outputs"][number]), formula }] };
}

/** The file check of a preset whose second output has `formula`: the preset, or the first message. */
function check(formula: string): { ok: true; preset: Preset } | { ok: false; message: string } {
  const parsed = parsePresetFile(presetToFileText(withFormula(formula)));
  return parsed.ok ? { ok: true, preset: parsed.value } : { ok: false, message: parsed.error.message };
}

describe("formula nesting limit", () => {
  it("is well inside what Excel (64 nested functions) and HyperFormula (about 120 parentheses) take", () => {
    expect(formulaMaxNesting).toBe(32);
    expect(formulaMaxOperators).toBe(200);
  });

  it.each([
    ["150 parentheses around a key", `${"(".repeat(150)}savings${")".repeat(150)}`],
    ["999 minus signs in a row", `${"-".repeat(999)}savings`],
    ["40 nested calls", `${"AICOST.LABOR_SAVINGS(".repeat(40)}savings${", 1)".repeat(40)}`],
    ["signs and parentheses, 33 levels together", `${"-(".repeat(16)}-savings${")".repeat(16)}`],
  ])("refuses %s, naming the output and the limit", (_, formula) => {
    const result = check(formula);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^outputs\[1\]\.formula: is nested more than 32 levels deep/) });
  });

  it("accepts exactly 32 levels, and HyperFormula computes them", () => {
    for (const formula of [`${"(".repeat(32)}savings${")".repeat(32)}`, `${"-".repeat(32)}savings`, `${"-(".repeat(16)}savings${")".repeat(16)}`]) {
      const result = check(formula);
      if (!result.ok) throw new Error(result.message);
      const sheet = evaluatePlan(planSheet(result.preset));
      const at = sheet.plan.keyCells.double_savings?.base as string;
      expect(typeof sheet.valueAt(at), formula).toBe("number");
    }
  });

  it("counts nesting, not signs side by side: -a + -b + -c stays 1 deep", () => {
    expect(parseFormula(Array(100).fill("-a").join(" + ")).ok).toBe(true);
  });

  it("refuses more than 200 operators, and accepts 200", () => {
    expect(parseFormula(Array(201).fill("a").join("+")).ok).toBe(true);
    const result = parseFormula(Array(202).fill("a").join("+"));
    expect(result).toEqual({ ok: false, fault: { position: 401, message: expect.stringContaining("has more than 200 operators") } });
  });

  it("refuses a number beyond the finite range (1e400 is #NUM! in Excel)", () => {
    expect(check("savings * 1e400")).toEqual({
      ok: false,
      message: "outputs[1].formula: the number 1e400 is too large to hold (beyond ±1.8e308); Excel shows #NUM! for it (at character 11)",
    });
    expect(check("savings * 1e308").ok).toBe(true);
  });

  it("quotes an invisible character by its code point", () => {
    const result = check("savings\u202e * 2");
    expect(result).toEqual({ ok: false, message: expect.stringContaining("unexpected character U+202E") });
  });
});

describe("no formula a file can hold crashes an evaluator (property)", () => {
  const key = fc.constantFrom("headcount", "cost", "savings");
  const leaf = fc.oneof(key, fc.constantFrom("1", "0", "2.5", "1e308", "1e-308", "9e999", '"x"', ".5", "1e400"));
  /** Deep or odd formulas: towers of parentheses, signs and calls, long chains, and fragments glued at random. */
  const tower = fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom("(", "-", "+", "-(", "AICOST.LABOR_SAVINGS(", "AICOST.GPU_TCO("), leaf)
    .map(([depth, opener, inner]) => {
      const closer = opener.endsWith("(") ? (opener.startsWith("AICOST.LABOR") ? ", 1)" : opener.startsWith("AICOST.GPU") ? ", 1, 1, 1)" : ")") : "";
      return opener.repeat(depth) + inner + closer.repeat(depth);
    });
  const chain = fc
    .tuple(fc.array(leaf, { minLength: 1, maxLength: 400 }), fc.constantFrom("+", "-", "*", "/", "^"))
    .map(([leaves, op]) => leaves.join(op));
  const glued = fc
    .array(fc.oneof(leaf, fc.constantFrom("(", ")", ",", "+", "-", "*", "/", "^", " ", "AICOST.MODEL_PRICE(", '"gpt-5.5"', '"output"')), {
      maxLength: 120,
    })
    .map((pieces) => pieces.join(""));
  const formula = fc.oneof(tower, chain, glued, fc.tuple(tower, fc.constantFrom("+", "*", "^"), chain).map((parts) => parts.join("")));

  it("each is refused with a message, or accepted and computed by HyperFormula", () => {
    let accepted = 0;
    fc.assert(
      fc.property(formula, (text) => {
        const result = check(text);
        if (!result.ok) {
          expect(result.message).toMatch(/^[a-z]+(\[\d+\])?(\.[a-z]+)?: \S/);
          return;
        }
        accepted++;
        const sheet = evaluatePlan(planSheet(result.preset)); // throws "Maximum call stack size exceeded" if too deep
        expect(sheet.cells.length).toBeGreaterThan(0);
      }),
      { seed, numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(50); // the property is not vacuous
  }, 120_000);
});
