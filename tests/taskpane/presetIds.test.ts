import { describe, expect, it } from "vitest";
import { builtInPresets, findPreset, parsePreset, type Preset } from "../../src/presets";
import { asCopy, asReplacement, freePresetId, freeTitle, placePreset, presetIdFromName } from "../../src/taskpane/presetIds";
import { hostileTexts } from "../fixtures/hostileText";

const meta = findPreset("meta-2026") as Preset;
const mine = (id: string, title: string): Preset => ({ ...meta, id, title });

describe("presetIdFromName", () => {
  it("makes a kebab-case id a preset accepts from any name", () => {
    expect(presetIdFromName("Meta 2026 — fewer cuts")).toBe("meta-2026-fewer-cuts");
    expect(presetIdFromName("Électricité chère")).toBe("electricite-chere");
    expect(presetIdFromName("2027 plan")).toBe("preset-2027-plan");
    expect(presetIdFromName("💸💸")).toBe("preset");
    for (const { text } of hostileTexts) {
      const id = presetIdFromName(text);
      expect(parsePreset({ ...meta, id }).ok, JSON.stringify(text.slice(0, 30))).toBe(true);
      expect(id.length).toBeLessThanOrEqual(60);
    }
  });
});

describe("placing a new preset", () => {
  it("gives a built-in id a free new id and keeps the name", () => {
    const placed = placePreset(meta, [mine("meta-2026-2", "Other")], builtInPresets);
    expect(placed).toEqual({ preset: { ...meta, id: "meta-2026-3" } });
  });

  it("reports a user preset with the same id, or with the same name in any case, as a conflict", () => {
    const existing = [mine("a", "Alpha"), mine("b", "Beta")];
    expect(placePreset(mine("a", "New"), existing, builtInPresets).conflict?.id).toBe("a");
    expect(placePreset(mine("c", "  beta "), existing, builtInPresets).conflict?.id).toBe("b");
    expect(placePreset(mine("c", "Gamma"), existing, builtInPresets).conflict).toBeUndefined();
  });

  it("replaces under the existing id, or keeps both with a free id and name", () => {
    const existing = [mine("a", "Alpha"), mine("a-2", "Alpha (2)")];
    expect(asReplacement(mine("x", "Alpha"), existing[0] as Preset).id).toBe("a");
    const copy = asCopy(mine("a", "Alpha"), existing, builtInPresets);
    expect([copy.id, copy.title]).toEqual(["a-3", "Alpha (3)"]);
  });

  it("keeps ids and names within a preset's limits", () => {
    const long = "x".repeat(60);
    expect(freePresetId(long, new Set([long])).length).toBeLessThanOrEqual(60);
    expect(freePresetId(long, new Set([long]))).toMatch(/-2$/);
    expect(freeTitle("y".repeat(2000), [mine("a", "y".repeat(2000))]).length).toBe(2000);
  });
});
