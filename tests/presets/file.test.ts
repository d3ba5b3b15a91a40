import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtInPresets,
  parsePreset,
  parsePresetFile,
  presetFileLimits,
  presetFileMaxBytes,
  presetFileMaxInputs,
  presetFileMaxOutputs,
  presetFileMaxSources,
  presetToFileText,
  type Preset,
  type PresetParseResult,
} from "../../src/presets";
import { parsePresetFileBytes, readJson, utf8ByteLength } from "../../src/presets/file";
import { excelCellMaxLength, hostilePreset, hostileTexts } from "../fixtures/hostileText";
import { jsonCopy, tinyPreset } from "./helpers";

const corpusDir = resolve(__dirname, "malformed");
const expected = JSON.parse(readFileSync(resolve(corpusDir, "expected.json"), "utf8")) as Record<string, { path: string; message: string }>;

function rejected(result: PresetParseResult): Extract<PresetParseResult, { ok: false }> {
  if (result.ok) throw new Error("expected the file to be rejected");
  return result;
}

function accepted(result: PresetParseResult): Preset {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.issues.map((i) => i.message).join(" | ")}`);
  return result.value;
}

/** A tiny preset as file text after a change to its JSON. */
function tinyText(change: (p: ReturnType<typeof jsonCopy>) => void): string {
  const p = jsonCopy(tinyPreset());
  change(p);
  return JSON.stringify(p, null, 2);
}

describe("the malformed-file corpus", () => {
  const files = readdirSync(corpusDir).filter((name) => name !== "expected.json");

  it("holds at least 30 files, each listed in expected.json, and lists no file that is missing", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect([...files].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("rejects %s with its own path and message", (name, { path, message }) => {
    const result = rejected(parsePresetFileBytes(readFileSync(resolve(corpusDir, name))));
    expect(result.error).toEqual(result.issues[0]);
    expect(result.error.path).toBe(path);
    expect(result.error.message.startsWith(`${path === "" ? "preset" : path}: `)).toBe(true);
    expect(result.error.message).toContain(message);
  });

  it("gives every file a different message", () => {
    const messages = files.map((name) => rejected(parsePresetFileBytes(readFileSync(resolve(corpusDir, name)))).error.message);
    expect(new Set(messages).size).toBe(files.length);
  });

  it("cannot pollute prototypes with a __proto__ field", () => {
    parsePresetFile(readFileSync(resolve(corpusDir, "proto-field.json"), "utf8"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const read = readJson('{"__proto__": {"polluted": true}}');
    if (!read.ok) throw new Error("expected the JSON to be read");
    expect(Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(Object.keys(read.value as object)).toEqual(["__proto__"]);
  });
});

describe("parsePresetFile: size", () => {
  const valid = presetToFileText(tinyPreset());

  it("checks the size before parsing: text over the limit is rejected for its size even when it is not JSON", () => {
    const text = "{".repeat(presetFileMaxBytes + 1);
    const { error } = rejected(parsePresetFile(text));
    expect(error).toEqual({ path: "", message: "preset: the file is 262,145 bytes, over the limit of 262,144 bytes for a preset file" });
  });

  it("accepts a file of exactly the limit and rejects one byte more", () => {
    const padded = valid + " ".repeat(presetFileMaxBytes - Buffer.byteLength(valid));
    expect(Buffer.byteLength(padded)).toBe(262_144);
    accepted(parsePresetFile(padded));
    expect(rejected(parsePresetFile(`${padded} `)).error.message).toContain("the file is 262,145 bytes");
  });

  it("counts bytes of UTF-8, not characters", () => {
    // "€" is one UTF-16 unit and three bytes: the text is well under the limit in characters, over it in bytes.
    const euros = "€".repeat(Math.ceil(presetFileMaxBytes / 3));
    const text = valid.replace('"A note."', JSON.stringify(euros));
    expect(text.length).toBeLessThan(presetFileMaxBytes);
    const bytes = Buffer.byteLength(text, "utf8");
    expect(bytes).toBeGreaterThan(presetFileMaxBytes);
    expect(rejected(parsePresetFile(text)).error.message).toContain(`the file is ${bytes.toLocaleString("en-US")} bytes`);
  });

  it("takes a lower limit as an option", () => {
    const limit = Buffer.byteLength(valid) - 1;
    expect(rejected(parsePresetFile(valid, { maxBytes: limit })).error.path).toBe("");
    accepted(parsePresetFile(valid, { maxBytes: limit + 1 }));
  });

  it("counts UTF-8 bytes as Node's encoder does, for any UTF-16 text", () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });

  it("rejects a whole 256 KB line in a label for its length (the one-line rule takes linear time)", () => {
    // With a one-line pattern that backtracks, this takes minutes; it must finish within the test's timeout.
    const text = valid.replace('"Headcount"', JSON.stringify("x".repeat(presetFileMaxBytes - valid.length - 64) + "\n"));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(presetFileMaxBytes);
    const { issues } = rejected(parsePresetFile(text));
    expect(issues.map((i) => i.message)).toContain(`inputs[0].label: must be at most 2,000 characters, got ${(presetFileMaxBytes - valid.length - 63).toLocaleString("en-US")}`);
  });
});

describe("parsePresetFile: limits", () => {
  it("states its limits as constants", () => {
    expect(presetFileLimits).toMatchObject({ maxBytes: 262_144, maxInputs: 200, maxOutputs: 200, maxSources: 100, maxKeyLength: 200, maxTextLength: 2_000 });
    expect([presetFileMaxBytes, presetFileMaxInputs, presetFileMaxOutputs, presetFileMaxSources]).toEqual([262_144, 200, 200, 100]);
  });

  it("takes other counts of inputs and outputs as options", () => {
    const meta = builtInPresets.find((p) => p.id === "meta-2026") as Preset;
    const text = presetToFileText(meta);
    expect(rejected(parsePresetFile(text, { maxInputs: meta.inputs.length - 1 })).error.message).toBe(
      `inputs: lists ${meta.inputs.length} inputs; a preset file may list at most ${meta.inputs.length - 1}`,
    );
    expect(rejected(parsePresetFile(text, { maxOutputs: 1 })).error.path).toBe("outputs");
    accepted(parsePresetFile(text, { maxInputs: meta.inputs.length, maxOutputs: meta.outputs.length }));
  });

  it("reports every count over its limit at once", () => {
    const { issues } = rejected(parsePresetFile(presetToFileText(tinyPreset()), { maxInputs: 1, maxOutputs: 1 }));
    expect(issues.map((i) => i.path)).toEqual(["inputs", "outputs"]);
  });

  it("accepts the longest key and text and rejects one character more", () => {
    const key = "k".repeat(presetFileLimits.maxKeyLength);
    const atLimit = tinyText((p) => {
      (p.inputs[0] as Record<string, unknown>).key = key;
      (p.outputs[0] as Record<string, unknown>).formula = `AICOST.LABOR_SAVINGS(${key}, cost)`;
      (p.inputs[0] as Record<string, unknown>).note = "n".repeat(presetFileLimits.maxTextLength);
    });
    accepted(parsePresetFile(atLimit));
    const over = atLimit.replace(`"${"n".repeat(2_000)}"`, `"${"n".repeat(2_001)}"`);
    expect(rejected(parsePresetFile(over)).error.path).toBe("inputs[0].note");
  });
});

describe("parsePresetFile: versions", () => {
  it("does what its documented example says", () => {
    expect(rejected(parsePresetFile('{"version": 2}')).error.message).toBe(
      "version: 2 is not supported; this add-in reads preset files of version 1",
    );
  });

  it("names the supported versions when the version is missing or not a number", () => {
    expect(rejected(parsePresetFile("{}")).error.message).toBe("version: is required; this add-in reads preset files of version 1");
    expect(rejected(parsePresetFile('{"version": null}')).error.message).toBe(
      "version: expected a version number, got null; this add-in reads version 1",
    );
  });
});

describe("parsePresetFile: JSON", () => {
  it("gives line and column of a syntax error, counting CRLF line ends as one", () => {
    const { error } = rejected(parsePresetFile('{\r\n  "version": 1,\r\n  "id": x\r\n}'));
    expect(error.message).toMatch(/^preset: not valid JSON at line 3, column 9: expected a value, found x$/);
  });

  it("rejects a field given twice, which JSON.parse would silently read as the last", () => {
    const text = tinyText(() => undefined).replace('"version": 1,', '"version": 1,\n  "version": 2,');
    expect(() => JSON.parse(text)).not.toThrow();
    const { error } = rejected(parsePresetFile(text));
    expect(error.path).toBe("version");
    expect(error.message).toContain("line 2, column 3 and line 3, column 3");
  });

  it("rejects 1e999, which JSON.parse reads as Infinity", () => {
    const text = tinyText(() => undefined).replace('"base": 100,', '"base": 1e999,');
    expect(JSON.parse(text).inputs[0].base).toBe(Infinity);
    expect(rejected(parsePresetFile(text)).error.path).toBe("inputs[0].base");
  });

  it("skips a byte order mark, as editors on Windows write one", () => {
    accepted(parsePresetFile(`\uFEFF${presetToFileText(tinyPreset())}`));
  });

  it("reads what JSON.parse reads, to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const read = readJson(text);
        if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
        expect(read.value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects what JSON.parse rejects, and more only for a field given twice, a number too large or deep nesting", () => {
    const alphabet = fc.constantFrom(..."{}[],:\"01-+.eEtrufalsn\\/ \n\tx'".split(""), '"a"', '"a":', "true", "null", "1e999", "\\u00");
    const texts = fc.oneof(
      fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join("")),
      // One character removed from, or put into, valid JSON.
      fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', ":", "0")).map(([value, at, ch]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        return ch === "" ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i);
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let parsed: { value: unknown } | undefined;
        try {
          parsed = { value: JSON.parse(text) };
        } catch {
          parsed = undefined;
        }
        const read = readJson(text);
        if (parsed === undefined) {
          expect(read.ok).toBe(false);
          if (!read.ok) expect(read.issues[0]?.message).toMatch(/^preset: (not valid JSON at line \d+, column \d+: |the file is empty)/);
        } else if (read.ok) {
          expect(read.value).toStrictEqual(parsed.value);
        } else {
          for (const issue of read.issues) expect(issue.message).toMatch(/is given twice in one object|is too large to hold|nested more than/);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(() => parsePresetFile(text)).not.toThrow();
        expect(() => parsePresetFile(`{"version": 1, ${text}`)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe("presetToFileText", () => {
  it.each(builtInPresets.map((p) => [p.id, p] as const))("round-trips the built-in %s unchanged", (_id, preset) => {
    const text = presetToFileText(preset);
    expect(accepted(parsePresetFile(text))).toEqual(preset);
    // The same data as the preset's own JSON, in the documented order, two-space indented, with a final newline.
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(preset)));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "version": 1,');
    expect(Object.keys(JSON.parse(text))).toEqual(
      ["version", "id", "title", "summary", "asOf", "sources", "inputs", "outputs", "notes"].filter((k) => k in preset),
    );
  });

  it("writes fields in one order, whatever order the object holds them in", () => {
    const preset = tinyPreset();
    const reversed = Object.fromEntries(Object.entries(jsonCopy(preset)).reverse()) as ReturnType<typeof jsonCopy>;
    reversed.inputs = reversed.inputs.map((input) => Object.fromEntries(Object.entries(input).reverse()));
    reversed.sources = reversed.sources.map((source) => Object.fromEntries(Object.entries(source).reverse()));
    expect(presetToFileText(reversed as unknown as Preset)).toBe(presetToFileText(preset));
    expect(Object.keys(JSON.parse(presetToFileText(preset)).inputs[0])).toEqual(["key", "label", "unit", "format", "base", "low", "high", "source"]);
  });
});

describe("hostile text in a preset file", () => {
  it("has a corpus of at least 20 strings, with Excel's longest cell text and a longer one", () => {
    expect(hostileTexts.length).toBeGreaterThanOrEqual(20);
    expect(hostileTexts.some((h) => h.text.length === excelCellMaxLength)).toBe(true);
    expect(hostileTexts.some((h) => h.text.length === 40_000)).toBe(true);
    expect(new Set(hostileTexts.map((h) => h.name)).size).toBe(hostileTexts.length);
  });

  it("accepts formula-like text in labels and notes and keeps it as it is", () => {
    for (const text of ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)"]) {
      const file = tinyText((p) => {
        (p.inputs[0] as Record<string, unknown>).label = text;
        (p.inputs[1] as Record<string, unknown>).note = text;
        (p.notes as string[])[0] = text;
      });
      const preset = accepted(parsePresetFile(file));
      expect([preset.inputs[0]?.label, preset.inputs[1]?.note, preset.notes?.[0]]).toEqual([text, text, text]);
    }
  });

  it.each(hostileTexts.map((h) => [h.name, h] as const))("places %s where the fixture says", (_name, { text, inPreset }) => {
    const inLabel = parsePresetFile(tinyText((p) => ((p.inputs[0] as Record<string, unknown>).label = text)));
    const inNote = parsePresetFile(tinyText((p) => ((p.notes as string[])[0] = text)));
    if (inPreset === "oneLine") {
      expect(accepted(inLabel).inputs[0]?.label).toBe(text);
    } else {
      expect(rejected(inLabel).issues.map((i) => i.path)).toContain("inputs[0].label");
    }
    if (inPreset === "oneLine" || inPreset === "multiLine") {
      expect(accepted(inNote).notes?.[0]).toBe(text);
    } else {
      expect(rejected(inNote).error.path).toBe("notes[0]");
    }
  });

  it("builds a hostile preset that parsePreset accepts and a preset file round-trips", () => {
    const preset = hostilePreset();
    accepted(parsePreset(preset));
    expect(accepted(parsePresetFile(presetToFileText(preset)))).toEqual(preset);
  });

  it("puts every accepted hostile text into the hostile preset", () => {
    const strings = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === "string") strings.add(value);
      else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
    };
    walk(hostilePreset());
    const missing = hostileTexts.filter((h) => typeof h.inPreset === "string" && !strings.has(h.text)).map((h) => h.name);
    expect(missing).toEqual([]);
  });

  it("leaves to the file reader the characters a workbook cannot store: parsePreset accepts them", () => {
    const withBell = jsonCopy(tinyPreset());
    (withBell.inputs[0] as Record<string, unknown>).label = "bell\u0007";
    expect(parsePreset(withBell).ok).toBe(true);
    expect(rejected(parsePresetFile(JSON.stringify(withBell))).error.message).toBe(
      "inputs[0].label: holds the control character U+0007 (character 5), which a workbook cannot store; remove it",
    );
  });
});

describe("parsePresetFileBytes: one decoding for the pane and the command line", () => {
  const valid = presetToFileText(tinyPreset());

  it("refuses bytes that are not UTF-8, saying where, rather than reading them as U+FFFD", () => {
    const bytes = Buffer.from(valid.replace("Headcount", "Head\u0000count"), "utf8");
    bytes[bytes.indexOf(0)] = 0xc3; // a lead byte followed by "c", not a continuation
    const { error } = rejected(parsePresetFileBytes(bytes));
    expect(error.path).toBe("");
    expect(error.message).toMatch(/^preset: the file is not UTF-8 text \(line \d+, byte [\d,]+ is not UTF-8\); save it as UTF-8$/);
    expect(accepted(parsePresetFileBytes(Buffer.from(valid, "utf8")))).toEqual(tinyPreset());
  });

  it("names a UTF-16 file as such", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, "utf16le")]);
    expect(rejected(parsePresetFileBytes(utf16)).error.message).toContain("the file is UTF-16 text; save it as UTF-8");
  });

  it("checks the file's own size, before decoding", () => {
    const bytes = new Uint8Array(presetFileMaxBytes + 1).fill(0xff);
    expect(rejected(parsePresetFileBytes(bytes)).error.message).toBe(
      "preset: the file is 262,145 bytes, over the limit of 262,144 bytes for a preset file",
    );
  });

  it("skips one byte order mark and quotes a second one visibly", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    accepted(parsePresetFileBytes(Buffer.concat([bom, Buffer.from(valid)])));
    expect(rejected(parsePresetFileBytes(Buffer.concat([bom, bom, Buffer.from(valid)]))).error.message).toBe(
      "preset: not valid JSON at line 1, column 2: expected a value, found U+FEFF (a byte order mark)",
    );
  });
});
