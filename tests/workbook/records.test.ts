/*
 * The pure parts of "your own models" on the Excel side: the XML records, the
 * cells read from a range, the frozen write, and a sheet read back to a preset.
 */
import { describe, expect, it } from "vitest";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";
import { planColumnsOf } from "../../src/presets/plan";
import { planFrozenWrite, sheetCellsOf } from "../../src/workbook/sheetCells";
import {
  escapeXml,
  newRecordKey,
  readElement,
  readSheetOriginXml,
  readUserPresetXml,
  recordKeyPattern,
  sheetOriginXml,
  unescapeNonAsciiJson,
  unescapeXml,
  userPresetNamespace,
  userPresetRefusal,
  userPresetsOf,
  userPresetXml,
} from "../../src/workbook/workbookRecords";
import { findPreset, freezeSheet, parsePresetFile, planSheet, presetFileMaxBytes, presetToFileText, type Preset, type SheetCell } from "../../src/presets";
import { fullestPresetFile, largestPreset, scripts, storedBytes } from "../fixtures/largestPresets";
import { hostilePreset } from "../fixtures/hostileText";
import { xmlProblem } from "../excel/fakeExcel";

const meta = findPreset("meta-2026") as Preset;

/** How records were written before: JSON text with every UTF-16 unit outside printable ASCII as a \u escape. */
function legacyAsciiJson(json: string): string {
  return json.replace(/[^\x20-\x7e\n]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

describe("workbook records", () => {
  it("write a user preset as well-formed XML, its text as itself, that reads back to the same preset", () => {
    const hostile = hostilePreset();
    const xml = userPresetXml({ preset: hostile, savedAt: "2026-05-01T09:00:00.000Z" });
    expect(xmlProblem(xml)).toBeUndefined();
    for (const text of [hostile.title, ...(hostile.notes ?? [])].filter((t) => !/[\n\t\r"\\<>&]/.test(t))) expect(xml).toContain(text);
    expect(xml.startsWith(`<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="2026-05-01T09:00:00.000Z">`)).toBe(true);
    expect(readUserPresetXml(xml)).toEqual({ ok: true, value: { preset: hostile, savedAt: "2026-05-01T09:00:00.000Z" } });
  });

  it("read a record back whatever Excel does to the XML: a declaration, a prefix, single quotes, CDATA, numeric references", () => {
    const xml = userPresetXml({ preset: meta, savedAt: "s" });
    const payload = /^<[^>]*>([\s\S]*)<\/aicostUserPreset>$/.exec(xml)?.[1] as string;
    const text = unescapeXml(payload);
    const variants = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${xml}`,
      `<ns0:aicostUserPreset xmlns:ns0="${userPresetNamespace}" ns0:savedAt='s'>${payload}</ns0:aicostUserPreset>`,
      `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="s"><![CDATA[${text}]]></aicostUserPreset>`,
      `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="s">${text.replace(/[{}]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}</aicostUserPreset>`,
    ];
    for (const variant of variants) expect(readUserPresetXml(variant), variant.slice(0, 80)).toEqual({ ok: true, value: { preset: meta, savedAt: "s" } });
  });

  it("say why a record cannot be used instead of throwing", () => {
    expect(readUserPresetXml("<other/>")).toEqual({ ok: false, problem: "the record is not an AICOST user preset" });
    const bad = readUserPresetXml(`<aicostUserPreset xmlns="${userPresetNamespace}">{"version": 1</aicostUserPreset>`);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? "" : bad.problem).toMatch(/^preset: not valid JSON/);
    expect(readSheetOriginXml(`<aicostSheetOrigin key="nope">{}</aicostSheetOrigin>`)).toEqual({ ok: false, problem: "the record has no valid key" });
    expect(readElement("<aicostUserPreset>never closed", "aicostUserPreset")).toBeUndefined();
  });

  it("round-trip a sheet origin with its key and kind", () => {
    const key = newRecordKey();
    expect(key).toMatch(recordKeyPattern);
    expect(newRecordKey()).not.toBe(key);
    const record = { key, kind: "user" as const, loadedAt: "2026-05-01T08:00:00.000Z", preset: meta };
    const xml = sheetOriginXml(record);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(readSheetOriginXml(xml)).toEqual({ ok: true, value: record });
  });

  it("read escapes of characters outside ASCII as the characters, leaving every other escape as it is", () => {
    const json = JSON.stringify({ text: "é 💸 \u202E\u2028 <&> \\u4e2d \"\n" });
    const legacy = legacyAsciiJson(json);
    expect(legacy).toMatch(/^[\x20-\x7e]*$/);
    expect(unescapeNonAsciiJson(legacy)).toBe(json);
    expect(JSON.parse(unescapeNonAsciiJson(legacy))).toEqual(JSON.parse(json));
  });
});

describe("sheetCellsOf", () => {
  it("keeps formulas, values, errors and literal text apart", () => {
    const cells = sheetCellsOf({
      rowIndex: 4,
      columnIndex: 1,
      formulas: [
        ["=AICOST.LABOR_SAVINGS(B1, B2)", "=not a formula", "", 12],
        ["=1/0", "=\"\"", "TRUE", true],
      ],
      values: [
        [3.795e9, "=not a formula", "", 12],
        ["#DIV/0!", "", "TRUE", true],
      ],
      valueTypes: [
        ["Double", "String", "Empty", "Double"],
        ["Error", "String", "String", "Boolean"],
      ],
    });
    expect(cells).toEqual([
      { address: "B5", formula: "=AICOST.LABOR_SAVINGS(B1, B2)", value: 3.795e9 },
      { address: "C5", value: "=not a formula" },
      { address: "E5", value: 12 },
      { address: "B6", formula: "=1/0", value: { error: "#DIV/0!" } },
      { address: "C6", formula: '=""', value: "" },
      { address: "D6", value: "TRUE" },
      { address: "E6", value: true },
    ]);
  });
});

describe("planFrozenWrite", () => {
  const origin = { presetId: "p", presetTitle: "P", frozenAt: new Date(Date.UTC(2026, 4, 2, 9, 5)) };

  it("writes only the frozen cells, in one array over their rectangle, with text kept literal", () => {
    const cells: SheetCell[] = [
      { address: "A1", value: "Title" },
      { address: "A2", value: "Summary" },
      { address: "C5", formula: "=AICOST.X(1)", value: 5 },
      { address: "D5", formula: "=C5*2", value: 10 },
      { address: "C7", formula: "=AICOST.Y(1)", value: "=looks like a formula" },
      { address: "D7", formula: "=AICOST.Z(1)", value: "Mar 2026" },
      { address: "E6", formula: "=aicost.w()", value: { error: "#NUM!" } },
    ];
    const frozen = freezeSheet(cells, origin);
    if (!frozen.ok) throw new Error(frozen.error.message);
    const write = planFrozenWrite(cells, frozen.value);
    expect(write.area).toEqual({ top: 4, left: 2, rows: 3, columns: 3 });
    expect(write.formulas).toEqual([
      [5, null, null],
      [null, null, "=#NUM!"],
      ["'=looks like a formula", "Mar 2026", null],
    ]);
    expect(write.numberFormats).toEqual([
      [null, null, null],
      [null, null, null],
      [null, "@", null],
    ]);
    expect(write.lineAddress).toBe("A3"); // the first empty row under the title
    expect(write.lineEntry).toBe(frozen.value.line);
    expect(write.lineNumberFormat).toBe("@");
  });

  it("puts the line two rows below the last when no row under the title is empty, and writes nothing else when nothing is frozen", () => {
    const cells: SheetCell[] = Array.from({ length: 12 }, (_, i) => ({ address: `A${i + 1}`, value: `row ${i + 1}` }));
    const frozen = freezeSheet(cells, origin);
    if (!frozen.ok) throw new Error(frozen.error.message);
    const write = planFrozenWrite(cells, frozen.value);
    expect(write.area).toBeUndefined();
    expect(write.formulas).toEqual([]);
    expect(write.lineAddress).toBe("A14");
  });
});

describe("presetFromSheet", () => {
  const plan = planSheet(meta);
  /** The cells of a freshly loaded meta-2026 sheet, as readModel returns them. */
  function freshCells(): Map<string, SheetCell> {
    const cells = new Map<string, SheetCell>();
    for (const cell of plan.cells) {
      const c = cell.content;
      cells.set(cell.address, c.kind === "formula" ? { address: cell.address, formula: c.formula, value: 0 } : { address: cell.address, value: c.kind === "text" ? c.text : c.value });
    }
    return cells;
  }
  const options = { id: "mine", title: "Mine", sheetName: "Sheet", today: "2026-05-02" };
  const at = (key: string) => plan.keyCells[key] as { low: string; base: string; high: string };
  // The Source column: F, or G on a sheet with a Reported column (meta-2026 has one).
  const sourceCell = (key: string): string => `${String.fromCharCode(65 + planColumnsOf(meta).source)}${at(key).base.slice(1)}`;

  it("gives back the preset as loaded when nothing changed, with the new id, name and a provenance note", () => {
    const result = presetFromSheet(meta, [...freshCells().values()], options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual([]);
    expect(result.value).toEqual({
      ...meta,
      id: "mine",
      title: "Mine",
      notes: [...(meta.notes ?? []), "Saved on 2026-05-02 from the sheet “Sheet”, loaded from the preset meta-2026; no assumption changed."],
    });
  });

  it("keeps the timeline of a model over years, with the changed assumptions", () => {
    const businessCase = findPreset("ai-business-case") as Preset;
    const casePlan = planSheet(businessCase);
    const cells = casePlan.cells.map((cell): SheetCell => {
      const c = cell.content;
      return c.kind === "formula" ? { address: cell.address, formula: c.formula, value: 0 } : { address: cell.address, value: c.kind === "text" ? c.text : c.value };
    });
    const jobs = casePlan.keyCells.jobs_saved?.base ?? "";
    const result = presetFromSheet(businessCase, cells.map((c) => (c.address === jobs ? { address: jobs, value: 800 } : c)), options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual(["jobs_saved"]);
    expect(result.value.timeline).toEqual(businessCase.timeline);
    expect(result.value.inputs.find((i) => i.key === "jobs_saved")?.base).toBe(800);
  });

  it("turns a Low/High link typed over with a number into a range, and a typed source into a new source", () => {
    const cells = freshCells();
    cells.set(at("jobs_cut").low, { address: at("jobs_cut").low, value: 20000 });
    const dollared = at("jobs_cut").base.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    cells.set(at("jobs_cut").high, { address: at("jobs_cut").high, formula: `= ${dollared} `, value: 23000 });
    cells.set(sourceCell("jobs_cut"), { address: sourceCell("jobs_cut"), value: "My own\ncount" });
    cells.set(sourceCell("cuts_2022"), { address: sourceCell("cuts_2022"), value: " my OWN count " });
    const result = presetFromSheet(meta, [...cells.values()], options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const jobs = result.value.inputs.find((i) => i.key === "jobs_cut");
    expect(dollared).toBe("$C$6");
    expect([jobs?.low, jobs?.base, jobs?.high]).toEqual([20000, 23000, undefined]);
    expect(jobs?.note).toBe(`Edited in the workbook on 2026-05-02; the preset had low none. ${meta.inputs[0]?.note}`);
    expect(jobs?.source).toBe("workbook-1");
    expect(result.value.inputs.find((i) => i.key === "cuts_2022")?.source).toBe("workbook-1");
    expect(result.value.sources.at(-1)).toEqual({ id: "workbook-1", title: "My own count", publisher: "Named in the workbook", date: "2026-05-02" });
    expect(result.value.asOf).toBe("2026-05-02");
  });

  it("keeps a source the sheet still names by its short title or id, in any case", () => {
    const cells = freshCells();
    const source = meta.sources.find((s) => s.id === meta.inputs[1]?.source);
    cells.set(sourceCell("cost_per_employee"), { address: sourceCell("cost_per_employee"), value: (source?.shortTitle ?? source?.title ?? "").toUpperCase() });
    const result = presetFromSheet(meta, [...cells.values()], options);
    expect(result.ok && result.value.inputs[1]?.source).toBe(meta.inputs[1]?.source);
    expect(result.ok && result.value.sources).toEqual(meta.sources);
  });

  it("replaces an earlier edit note rather than stacking another", () => {
    const cells = freshCells();
    cells.set(at("jobs_cut").base, { address: at("jobs_cut").base, value: 1000 });
    const once = presetFromSheet(meta, [...cells.values()], options);
    if (!once.ok) throw new Error("first save failed");
    const twice = presetFromSheet(once.value, [...freshCellsOf(once.value).values()].map((c) => (c.address === at("jobs_cut").base ? { ...c, value: 2000 } : c)), options);
    if (!twice.ok) throw new Error("second save failed");
    const note = twice.value.inputs[0]?.note ?? "";
    expect(note.match(/Edited in the workbook/g)).toHaveLength(1);
    expect(note).toMatch(/^Edited in the workbook on 2026-05-02; the preset had base 1,000\. As the analysis/);
  });

  function freshCellsOf(preset: Preset): Map<string, SheetCell> {
    const cells = new Map<string, SheetCell>();
    for (const cell of planSheet(preset).cells) {
      const c = cell.content;
      cells.set(cell.address, c.kind === "formula" ? { address: cell.address, formula: c.formula, value: 0 } : { address: cell.address, value: c.kind === "text" ? c.text : c.value });
    }
    return cells;
  }

  it("names every cell that does not hold a number, and every value out of order, by its address", () => {
    const cells = freshCells();
    cells.set(at("jobs_cut").base, { address: at("jobs_cut").base, value: "lots" });
    cells.delete(at("peak_workforce").base);
    cells.set(at("recurring_share").base, { address: at("recurring_share").base, formula: "=1/0", value: { error: "#DIV/0!" } });
    const result = presetFromSheet(meta, [...cells.values()], options);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      `${at("jobs_cut").base} (Base of “Jobs cut in 2026”): expected a number, found "lots"`,
      `${at("recurring_share").base} (Base of “Share of AI capex that recurs each year”): expected a number, found #DIV/0!`,
      `${at("peak_workforce").base} (Base of “Peak workforce”): expected a number, found nothing`,
    ]);

    const ordered = freshCells();
    ordered.set(at("ai_capex").low, { address: at("ai_capex").low, value: 70e9 });
    const outOfOrder = presetFromSheet(meta, [...ordered.values()], options);
    expect(outOfOrder.ok ? [] : outOfOrder.issues.map((i) => i.message)).toEqual([
      `${at("ai_capex").low} (Low of “AI capital expenditure, 2026”): must not exceed base ($62.5B), got $70.0B`,
    ]);
  });

  it("says when the name is not a valid title", () => {
    const result = presetFromSheet(meta, [...freshCells().values()], { ...options, title: "two\nlines" });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(["name: must be one line"]);
  });
});

describe("a stored preset reads back whatever its script and size", () => {
  const savedAt = "2026-05-01T09:00:00.000Z";

  for (const script of scripts) {
    it(`keeps the largest accepted file of ${script} text as a user preset and as a sheet origin`, () => {
      const preset = largestPreset(script);
      expect(userPresetRefusal(preset)).toBeUndefined();
      const xml = userPresetXml({ preset, savedAt });
      expect(xmlProblem(xml)).toBeUndefined();
      expect(readUserPresetXml(xml)).toEqual({ ok: true, value: { preset, savedAt } });
      const origin = { key: newRecordKey(), kind: "user" as const, loadedAt: savedAt, preset };
      expect(readSheetOriginXml(sheetOriginXml(origin))).toEqual({ ok: true, value: origin });
    });
  }

  it("keeps a file at the limit with every list full, whose stored form is the largest", () => {
    const file = fullestPresetFile();
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(presetFileMaxBytes);
    expect(storedBytes(file)).toBeGreaterThan(presetFileMaxBytes);
    const parsed = parsePresetFile(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(userPresetRefusal(parsed.value)).toBeUndefined();
    expect(readUserPresetXml(userPresetXml({ preset: parsed.value, savedAt }))).toEqual({ ok: true, value: { preset: parsed.value, savedAt } });
  });

  it("stores text as itself, escaping only what XML requires", () => {
    const preset = { ...meta, title: "Coûts 中文 📈 تكلفة <&> \"q\"" };
    const xml = userPresetXml({ preset, savedAt });
    expect(xml).toContain('Coûts 中文 📈 تكلفة &lt;&amp;&gt; \\"q\\"');
    expect(xml).not.toMatch(/\\u[0-9a-fA-F]{4}/);
  });

  it("still reads records written in the earlier format, every character outside ASCII escaped", () => {
    for (const script of scripts) {
      const preset = largestPreset(script);
      const legacy = `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="${savedAt}">${escapeXml(legacyAsciiJson(presetToFileText(preset)))}</aicostUserPreset>`;
      expect(legacy).toMatch(/^[\x20-\x7e\n]*$/);
      expect(readUserPresetXml(legacy), script).toEqual({ ok: true, value: { preset, savedAt } });
    }
  });

  it("refuses, with a message, a record whose preset would not read back, before anything is stored", () => {
    const lone = { ...meta, id: "mine", title: "half \ud83d pair" };
    expect(userPresetRefusal(lone)).toMatch(/cannot be stored/);
  });
});

describe("a record edited by hand gives a message and loses nothing else", () => {
  const savedAt = "2026-05-01T09:00:00.000Z";
  const good = userPresetXml({ preset: meta, savedAt });
  const other = userPresetXml({ preset: { ...meta, id: "other", title: "Other 中文" }, savedAt });

  const hostile: readonly [string, string, RegExp][] = [
    ["truncated", good.slice(0, Math.floor(good.length / 2)), /not an AICOST user preset|not valid JSON/],
    ["truncated inside its text", good.replace(/"notes"[\s\S]*(<\/aicostUserPreset>)$/, "$1"), /not valid JSON/],
    ["of another namespace", good.replace(userPresetNamespace, "http://evil.example/ns"), /not an AICOST user preset/],
    ["huge", good.replace("</aicostUserPreset>", `${" ".repeat(20 * presetFileMaxBytes)}</aicostUserPreset>`), /over the limit/],
    ["huge inside its text", good.replace('"notes": [', `"notes": [${JSON.stringify("x".repeat(2 * presetFileMaxBytes))},`), /over the limit/],
    ["with a key given twice", good.replace('"title":', '"title": "Twice",\n  "title":'), /title/],
    ["with a character reference to half a surrogate pair", good.replace('"title": "', '"title": "&#xD800;'), /cannot store/],
    ["with a lone surrogate escape", good.replace('"title": "', '"title": "\\ud800'), /cannot store/],
    ["empty", `<aicostUserPreset xmlns="${userPresetNamespace}"/>`, /the file is empty/],
  ];

  for (const [name, xml, message] of hostile) {
    it(`reads a record ${name} as unreadable, with a message, and lists the others`, () => {
      const read = readUserPresetXml(xml);
      expect(read.ok).toBe(false);
      expect(read.ok ? "" : read.problem).toMatch(message);
      const { listing } = userPresetsOf([
        { handle: 1, xml: other },
        { handle: 2, xml },
      ]);
      expect(listing.presets.map((p) => p.preset.id)).toEqual(["other"]);
      expect(listing.unreadable).toHaveLength(1);
      expect(listing.unreadable[0]).toMatch(/^A preset stored in this workbook could not be read: /);
    });
  }
});
