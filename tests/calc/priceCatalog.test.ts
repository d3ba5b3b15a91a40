import { beforeAll, describe, expect, it } from "vitest";
import {
  evaluateScalar,
  findModel,
  knownModels,
  loadBundledProviders,
  MODEL_PRICE,
  priceCatalog,
  type ModelPriceEntry,
} from "../../src/calc";

const entries: readonly ModelPriceEntry[] = priceCatalog;

beforeAll(async () => {
  await loadBundledProviders();
});

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

describe("the prices the presets were analysed with", () => {
  it("is not empty and has no model twice (ignoring case)", () => {
    expect(entries.length).toBeGreaterThan(0);
    const ids = entries.map((e) => e.model.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the date check itself refuses what is not a date", () => {
    expect(isIsoDate("2026-04-24")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("24/04/2026")).toBe(false);
    expect(isIsoDate("2026-4-24")).toBe(false);
  });

  for (const entry of entries) {
    describe(entry.model, () => {
      it("names its provider and at least one source, each with a name and an https URL", () => {
        expect(entry.provider.trim()).not.toBe("");
        expect(entry.sources.length).toBeGreaterThan(0);
        for (const source of entry.sources) {
          expect(source.name.trim()).not.toBe("");
          expect(new URL(source.url).protocol).toBe("https:");
        }
      });

      it("carries the ISO date its price was checked", () => {
        expect(isIsoDate(entry.checked)).toBe(true);
      });

      it("is what MODEL_PRICE (genai-prices) gives at noon UTC on that date, in any case, #N/A where it lists none", () => {
        const listed: [string, number | null][] = [
          ["input", entry.inputUsdPerMillion],
          ["cached_input", entry.cachedInputUsdPerMillion],
          ["output", entry.outputUsdPerMillion],
        ];
        for (const model of [entry.model, entry.model.toUpperCase(), ` ${entry.model.toLowerCase()} `]) {
          for (const [kind, price] of listed) {
            const result = evaluateScalar(MODEL_PRICE, [model, kind.toUpperCase(), entry.checked]);
            if (price === null) expect(result).toMatchObject({ kind: "na", param: "kind" });
            else expect(result).toBe(price);
          }
        }
      });
    });
  }

  it("findModel matches without regard to case or surrounding spaces, and knownModels lists every entry", () => {
    expect(findModel("GPT-5.5")?.model).toBe("gpt-5.5");
    expect(findModel("  DeepSeek-V4-Pro  ")?.model).toBe("deepseek-v4-pro");
    expect(findModel("gpt-5")).toBeUndefined();
    expect(knownModels()).toEqual(entries.map((e) => e.model));
  });

  it("records the sources' disagreement on deepseek-v4-flash's cached-input price, and uses one of the two figures", () => {
    const flash = findModel("deepseek-v4-flash");
    expect(flash).toBeDefined();
    const note = flash?.note ?? "";
    expect(note).toMatch(/disagree/i);
    expect(note).toContain("0.0028");
    expect(note).toContain("0.028");
    for (const source of ["genai-prices", "models.dev", "llm-prices"]) expect(note).toContain(source);
    expect([0.0028, 0.028]).toContain(flash?.cachedInputUsdPerMillion);
  });
});
