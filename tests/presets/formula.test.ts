import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { parseFormula, replaceKeys, tokenizeFormula } from "../../src/presets";
import { keyTemplate } from "../../src/presets/formula";

describe("tokenizeFormula", () => {
  it("splits a formula into keys, functions, numbers, text and operators", () => {
    const result = tokenizeFormula('AICOST.MODEL_PRICE("gpt-5.5", "output") * share_1 + 1.5e3');
    if (!result.ok) throw new Error(result.fault.message);
    expect(result.tokens.filter((t) => t.kind !== "space").map((t) => [t.kind, t.text])).toEqual([
      ["function", "AICOST.MODEL_PRICE"],
      ["open", "("],
      ["string", '"gpt-5.5"'],
      ["comma", ","],
      ["string", '"output"'],
      ["close", ")"],
      ["operator", "*"],
      ["key", "share_1"],
      ["operator", "+"],
      ["number", "1.5e3"],
    ]);
  });

  it("reads doubled quotes as a quote inside text", () => {
    const result = tokenizeFormula('"say ""hi"" now" & x');
    expect(result.ok).toBe(false); // & is not in the language
    const text = tokenizeFormula('"say ""hi"" now"');
    expect(text.ok && text.tokens.map((t) => t.kind)).toEqual(["string"]);
  });

  it("rejects unclosed text and characters outside the language, with their position", () => {
    expect(tokenizeFormula('a + "open')).toEqual({ ok: false, fault: { position: 4, message: expect.stringContaining("never closed") } });
    expect(tokenizeFormula("a % b")).toEqual({ ok: false, fault: { position: 2, message: 'unexpected character "%"' } });
  });

  it("gives back the formula exactly when its tokens are joined (property)", () => {
    const piece = fc.constantFrom(
      "a",
      "b_2",
      "AICOST.GPU_TCO",
      "(",
      ")",
      ",",
      " ",
      "+",
      "-",
      "*",
      "/",
      "^",
      "12",
      "0.5",
      '"x y"',
      '"q""q"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const formula = pieces.join("");
        const result = tokenizeFormula(formula);
        if (!result.ok) return true; // e.g. "a""b" glued into one unclosed text
        return result.tokens.map((t) => t.text).join("") === formula;
      }),
    );
  });
});

describe("parseFormula", () => {
  it("accepts only text HyperFormula reads, so a preset that passes never shows #ERROR! when shown or loaded", () => {
    const engine = HyperFormula.buildFromArray([[]], { licenseKey: "gpl-v3" });
    try {
      for (const text of ['"gpt-5.5"', '"a""b"', '""""']) {
        let readable: boolean;
        try {
          readable = typeof engine.calculateFormula(`=LEN(${text})`, 0) === "number";
        } catch {
          readable = false; // HyperFormula throws "This is not a formula" on one it cannot parse
        }
        expect(parseFormula(`AICOST.MODEL_PRICE(${text}, "input")`).ok, text).toBe(readable);
      }
    } finally {
      engine.destroy();
    }
  });

  it("lists the keys and calls of a well-formed formula", () => {
    const result = parseFormula("AICOST.LABOR_SAVINGS(jobs, cost, 1) / -(capex + jobs) ^ 2");
    expect(result).toEqual({
      ok: true,
      shape: { keys: ["jobs", "cost", "capex"], calls: [{ name: "AICOST.LABOR_SAVINGS", argumentCount: 3, position: 0 }] },
    });
  });

  it("counts no arguments in an empty call", () => {
    const result = parseFormula("AICOST.X()");
    expect(result.ok && result.shape.calls[0]?.argumentCount).toBe(0);
  });

  it.each([
    ["", "blank"],
    ["=a", 'without a leading "="'],
    ["a b", 'unexpected "b"'],
    ["a +", "ends where a value is expected"],
    ["(a", 'expected ")"'],
    ["a)", 'unexpected ")"'],
    ["f(a,)", 'expected a value, found ")"'],
    ["* a", 'expected a value, found "*"'],
    ['AICOST.MODEL_PRICE("gpt ""5""", "input")', "a quotation mark inside text"],
  ])("rejects %j (%s)", (formula, phrase) => {
    const result = parseFormula(formula);
    if (result.ok) throw new Error(`accepted ${formula}`);
    expect(result.fault.message).toContain(phrase);
  });
});

describe("replaceKeys", () => {
  it("replaces keys only: function names, numbers and text stay", () => {
    const formula = 'AICOST.BLENDED_PRICE(AICOST.MODEL_PRICE("share", "input"), price, share) * share2';
    const replaced = replaceKeys(formula, (key) => ({ price: "C7", share: "C8", share2: "C9" })[key] ?? "??");
    expect(replaced).toBe('AICOST.BLENDED_PRICE(AICOST.MODEL_PRICE("share", "input"), C7, C8) * C9');
  });

  it("writes a number in exponent notation so that HyperFormula reads it as Excel does (1E+3 is 1000)", () => {
    const replaced = replaceKeys("gpu_count * 1E+3 + 2.5E-1 + 1e2", (key) => (key === "gpu_count" ? "C6" : "??"));
    expect(replaced).toBe("C6 * 1e+3 + 2.5e-1 + 1e2");
    const engine = HyperFormula.buildFromArray([[2]], { licenseKey: "gpl-v3" });
    try {
      expect(engine.calculateFormula(`=${replaceKeys("1E+3 * x + 2.5E-1", () => "A1")}`, 0)).toBe(2000.25);
    } finally {
      engine.destroy();
    }
  });

  it("throws on a formula it cannot read", () => {
    expect(() => replaceKeys('"open', (k) => k)).toThrow(/cannot read formula/);
  });
});

describe("keyTemplate", () => {
  it("writes the formula as replaceKeys does, each time with the cells it is given, and says whether it calls a function", () => {
    const formula = "AICOST.SAVINGS_CASH_FLOWS(jobs_cut, cost_per_employee, years) * 1E+0 + jobs_cut";
    const template = keyTemplate(formula);
    expect(template.callsFunction).toBe(true);
    for (const column of ["B", "C", "D"]) {
      const replace = (key: string) => `${column}${key.length}`;
      expect(template.fill(replace)).toBe(replaceKeys(formula, replace));
    }
    expect(template.fill(() => "Z9")).toBe("AICOST.SAVINGS_CASH_FLOWS(Z9, Z9, Z9) * 1e+0 + Z9");
    expect(keyTemplate("labor_savings - recurring_ai_cost").callsFunction).toBe(false);
    expect(() => keyTemplate('"open')).toThrow(/cannot read formula/);
  });
});
