/*
 * The size limit applies to the file the user chose. A preset read from a file
 * under the limit is stored and read back whatever form the add-in writes it
 * in (indented, numbers written out in full), and a message about size quotes
 * the chosen file's own size.
 */
import { describe, expect, it } from "vitest";
import { parsePresetFile, presetFileMaxBytes, presetRecordMaxBytes, presetToFileText, type Preset } from "../../src/presets";
import { readSheetOriginXml, readUserPresetXml, sheetOriginXml, userPresetRefusal, userPresetXml } from "../../src/workbook/workbookRecords";
import { minifiedPresetFile } from "../presets/helpers";

function accepted(text: string): Preset {
  const parsed = parsePresetFile(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("a preset at the file limit can be stored and read back", () => {
  it("a 250,254-byte minified file, 276,767 bytes when indented, is stored and reads back equal", () => {
    const text = minifiedPresetFile(250_254);
    expect(Buffer.byteLength(text)).toBe(250_254);
    expect(JSON.stringify(JSON.parse(text), null, 2).length).toBeGreaterThan(presetFileMaxBytes);
    const preset = accepted(text);
    expect(userPresetRefusal(preset)).toBeUndefined();
    const stored = readUserPresetXml(userPresetXml({ preset, savedAt: "2026-05-01T09:00:00.000Z" }));
    expect(stored.ok && stored.value.preset).toEqual(preset);
    const origin = readSheetOriginXml(sheetOriginXml({ key: `k${"0".repeat(32)}`, kind: "user", loadedAt: "2026-05-01T09:00:00.000Z", preset }));
    expect(origin.ok && origin.value.preset).toEqual(preset);
  });

  it("the largest file, with every number written short (1e20), is stored within the record limit", () => {
    const text = minifiedPresetFile(presetFileMaxBytes - 2_400 * 3).replace(/"(low|base|high)":\d+/g, '"$1":1e20');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(presetFileMaxBytes);
    const preset = accepted(text);
    expect(Buffer.byteLength(presetToFileText(preset))).toBeGreaterThan(presetFileMaxBytes); // 1e20 grows to 21 digits
    expect(Buffer.byteLength(presetToFileText(preset))).toBeLessThanOrEqual(presetRecordMaxBytes);
    expect(userPresetRefusal(preset)).toBeUndefined();
    const stored = readUserPresetXml(userPresetXml({ preset, savedAt: "2026-05-01T09:00:00.000Z" }));
    expect(stored.ok && stored.value.preset).toEqual(preset);
  });

  it("a preset read from a minified file near the limit is written back as a file that can be read again", () => {
    const preset = accepted(minifiedPresetFile(250_254));
    const written = presetToFileText(preset);
    expect(Buffer.byteLength(written)).toBeLessThanOrEqual(presetFileMaxBytes);
    expect(accepted(written)).toEqual(preset);
  });

  it("a small preset is still written indented, two spaces", () => {
    const preset = accepted(minifiedPresetFile(30_000, { inputs: 20, outputs: 20 }));
    expect(presetToFileText(preset)).toMatch(/^\{\n {2}"version": 1,\n/);
  });
});
