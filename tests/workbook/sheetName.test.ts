import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titledSheetNames } from "../fixtures/sheetTitles";
import { freeSheetName, frozenSheetNameFor, maxSheetNameLength, sanitizeSheetName, sheetNameProblem } from "../../src/workbook/sheetName";

/** Excel's rules for a worksheet name, written out independently of the code under test. */
function isValidExcelSheetName(name: string): boolean {
  return (
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name) &&
    name.length >= 1 &&
    name.length <= 31 &&
    !/[\\/?*:[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toUpperCase() !== "HISTORY"
  );
}

describe("freeSheetName", () => {
  it("keeps a free name as it is", () => {
    expect(freeSheetName("Meta 2026", ["Sheet1"])).toBe("Meta 2026");
  });

  it("numbers a taken name (2), (3), ... ignoring case", () => {
    expect(freeSheetName("Meta 2026", ["Sheet1", "meta 2026"])).toBe("Meta 2026 (2)");
    expect(freeSheetName("Meta 2026", ["META 2026", "Meta 2026 (2)"])).toBe("Meta 2026 (3)");
    expect(freeSheetName("Meta 2026", ["Meta 2026", "Meta 2026 (3)"])).toBe("Meta 2026 (2)");
  });

  it("cuts a long base so the number still fits in 31 characters", () => {
    const long = "Microsoft and Meta compared 2026 edition";
    const first = freeSheetName(long, []);
    expect(first).toBe("Microsoft and Meta compared 202");
    const second = freeSheetName(long, [first]);
    expect(second).toBe("Microsoft and Meta compared (2)");
    expect(second.length).toBeLessThanOrEqual(maxSheetNameLength);
  });

  it("removes the characters Excel forbids, and apostrophes at the ends", () => {
    expect(sanitizeSheetName("AI: costs [draft] a/b\\c*d?e")).toBe("AI costs draft a b c d e");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("[]:*?/\\")).toBe("Model");
  });

  it("does not split a surrogate pair when cutting", () => {
    const name = sanitizeSheetName(`${"a".repeat(30)}🧮`);
    expect(name).toBe("a".repeat(30));
  });

  it("treats History as taken", () => {
    expect(freeSheetName("History", [])).toBe("History (2)");
  });

  it("always gives a valid name not among the existing ones", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), (wanted, others) => {
        const existing = [...others, sanitizeSheetName(wanted), `${sanitizeSheetName(wanted, 27)} (2)`];
        const name = freeSheetName(wanted, existing);
        expect(isValidExcelSheetName(name)).toBe(true);
        expect(existing.map((n) => n.toUpperCase())).not.toContain(name.toUpperCase());
      }),
    );
  });
});

describe("the one sheet-name rule: reserved names and whole characters", () => {
  it.each(titledSheetNames)("names a sheet for %j as %j", (title, name) => {
    expect(freeSheetName(title, [])).toBe(name);
    expect(isValidExcelSheetName(name)).toBe(true);
  });

  it("never cuts inside a character: not a surrogate pair, a flag, a family emoji or a letter with its marks", () => {
    const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
    const pieces = ["a", "🧮", "🇫🇷", "👨‍👩‍👧", "e\u0301", "中", "ש"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 31 }), (parts, max) => {
        const wanted = parts.join("");
        const name = sanitizeSheetName(wanted, max);
        if (name === "Model") {
          // The fallback, right only when not even the first character fits.
          expect([...graphemes.segment(wanted)][0]?.segment.length ?? 0).toBeGreaterThan(max);
          return;
        }
        expect(name.length).toBeLessThanOrEqual(max);
        expect(wanted.startsWith(name)).toBe(true);
        // The cut falls on a grapheme boundary of the wanted text.
        const boundaries = new Set([...graphemes.segment(wanted)].map((s) => s.index));
        if (name.length < wanted.length) expect(boundaries.has(name.length)).toBe(true);
      }),
    );
  });

  it("cuts whole characters when it adds a number or (values)", () => {
    const family = `${"x".repeat(22)}👨‍👩‍👧`;
    expect(freeSheetName(family, [freeSheetName(family, [])])).toBe(`${"x".repeat(22)} (2)`);
    expect(frozenSheetNameFor(`${"x".repeat(20)}🇫🇷x`)).toBe(`${"x".repeat(20)} (values)`);
    expect(frozenSheetNameFor(`${"x".repeat(18)}🇫🇷x`)).toBe(`${"x".repeat(18)}🇫🇷 (values)`);
  });

  it("refuses a typed name with half a character", () => {
    expect(sheetNameProblem("half \ud83d", [])).toMatch(/half a character/);
  });
});
