/*
 * "Your own models" on the Excel host, against the Excel API stand-in: where
 * loaded sheets are recorded, user presets stored in the workbook, saving a
 * sheet back to a preset, freezing a sheet for sharing; and that none of it
 * touches anything the user made.
 */
import { describe, expect, it } from "vitest";
import type { LoadedModel, ModelOrigin, WorkbookHost } from "../../src/workbook/host";
import { createOfficeHost, frozenSheetNameFor, modelMarkerName } from "../../src/excel/officeHost";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";
import { sheetOriginNamespace, userPresetNamespace, userPresetXml } from "../../src/workbook/workbookRecords";
import { builtInPresets, findPreset, planSheet, presetFileMaxBytes, type Preset } from "../../src/presets";
import { sheetScenariosOf } from "../../src/presets/types";
import { sheetNameProblem } from "../../src/workbook/sheetName";
import { titledSheetNames } from "../fixtures/sheetTitles";
import { fullestPreset, largestPreset, scripts } from "../fixtures/largestPresets";
import { hostilePreset } from "../fixtures/hostileText";
import { FakeExcel, xmlProblem, type InitialSheet, type InitialWorkbook } from "./fakeExcel";
import { hyperFormulaEvaluator } from "./fakeEvaluator";

const otherAddInPart = '<settings xmlns="http://example.com/other-add-in"><theme>dark</theme></settings>';

/** A workbook the user made: sheets with values, formulas and literal text; names of both scopes; another add-in's part. */
const userSheets: InitialSheet[] = [
  { name: "Budget", cells: { A1: "Line", B1: 1200, C1: "=B1*2", A2: "'=not a formula" }, names: { LocalRate: "=0.07" } },
  { name: "Meta 2026", cells: { A1: "mine, not the add-in's" } },
];
const userWorkbook: InitialWorkbook = {
  names: { TaxRate: "=0.25", BudgetTotal: "=Budget!$B$1", Greeting: '="hello"' },
  customXmlParts: [otherAddInPart],
};

function setup(): { excel: FakeExcel; host: WorkbookHost } {
  const excel = new FakeExcel(userSheets, userWorkbook);
  excel.evaluator = hyperFormulaEvaluator();
  return { excel, host: createOfficeHost(excel.environment()) };
}

const meta = findPreset("meta-2026") as Preset;
const origin = (preset: Preset, kind: ModelOrigin["kind"] = "builtIn"): ModelOrigin => ({ preset, kind, loadedAt: "2026-05-01T08:00:00.000Z" });

function features(host: WorkbookHost) {
  const { userPresets, listModels, readModel, freezeModel } = host;
  if (!userPresets || !listModels || !readModel || !freezeModel) throw new Error("the Excel host lacks a feature");
  return { userPresets, listModels, readModel, freezeModel };
}

/** What the user made, from a snapshot: their sheets, the workbook names, the parts not in the add-in's namespaces. */
function userPart(excel: FakeExcel, addInSheets: readonly string[] = []) {
  const snapshot = excel.snapshot();
  return {
    sheets: snapshot.sheets.filter((s) => !addInSheets.includes(s.name)),
    names: snapshot.names,
    parts: snapshot.customXmlParts.filter((p) => p.namespaceUri !== userPresetNamespace && p.namespaceUri !== sheetOriginNamespace),
  };
}

async function loadMeta(excel: FakeExcel, host: WorkbookHost): Promise<LoadedModel> {
  const { sheetName } = await host.loadPlan(planSheet(meta), origin(meta));
  const model = (await features(host).listModels()).find((m) => m.sheetName === sheetName);
  if (!model) throw new Error(`"${sheetName}" is not listed`);
  void excel;
  return model;
}

describe("loading with an origin", () => {
  it("still takes two syncs, and marks the sheet with a sheet-scoped name whose key is on a well-formed origin record", async () => {
    const { excel, host } = setup();
    const outcome = await host.loadPlan(planSheet(meta), origin(meta));
    expect(excel.syncsPerRun).toEqual([2]);
    expect(outcome.sheetName).toBe("Meta 2026 (2)");
    const sheet = excel.sheet(outcome.sheetName);
    expect(outcome.sheetId).toBe(sheet.id);
    expect(sheet.names.map((n) => n.name)).toEqual([modelMarkerName]);
    const key = /^="(k[0-9a-f]{32})"$/.exec(sheet.names[0]?.formula ?? "")?.[1];
    expect(key).toBeDefined();
    const records = excel.xmlParts(sheetOriginNamespace);
    expect(records).toHaveLength(1);
    expect(xmlProblem(records[0]?.xml ?? "")).toBeUndefined();
    expect(records[0]?.xml).toContain(`key="${key}"`);
    expect(records[0]?.xml).toContain(JSON.stringify(meta.title)); // text stored as itself
  });

  it("records nothing without an origin (the preview's and the old call)", async () => {
    const { excel, host } = setup();
    const outcome = await host.loadPlan(planSheet(meta));
    expect(outcome.sheetId).toBeUndefined();
    expect(excel.sheet(outcome.sheetName).names).toEqual([]);
    expect(excel.xmlParts(sheetOriginNamespace)).toEqual([]);
  });

  it("leaves the user's sheets, cells, names and other parts exactly as they were", async () => {
    const { excel, host } = setup();
    const before = userPart(excel);
    const { sheetName } = await host.loadPlan(planSheet(meta), origin(meta));
    expect(userPart(excel, [sheetName])).toEqual(before);
  });

  it("leaves the whole workbook as it was when any write fails half way, the marker and record included", async () => {
    const probe = setup();
    await probe.host.loadPlan(planSheet(meta), origin(meta));
    const firstWrite = probe.excel.executed.indexOf("WorksheetCollection.add");
    const seen = new Map<string, number>();
    const operations = probe.excel.executed.slice(firstWrite).map((label) => {
      const nth = (seen.get(label) ?? 0) + 1;
      seen.set(label, nth);
      return { label, nth };
    });
    expect(operations.map((o) => o.label)).toContain("NamedItemCollection.add");
    expect(operations.map((o) => o.label)).toContain("CustomXmlPartCollection.add");
    for (const { label, nth } of operations) {
      const { excel, host } = setup();
      const before = excel.snapshot();
      excel.failOn(label, { nth, message: "Simulated failure" });
      await expect(host.loadPlan(planSheet(meta), origin(meta)), `${label} #${nth}`).rejects.toThrow(/Simulated failure.*unchanged/);
      expect(excel.snapshot(), `${label} #${nth}`).toEqual(before);
    }
  });
});

describe("every built-in preset, loaded with its origin", () => {
  for (const preset of builtInPresets) {
    it(`${preset.id}: two syncs, and listModels gives back the sheet and the exact preset`, async () => {
      const { excel, host } = setup();
      const { sheetName } = await host.loadPlan(planSheet(preset), origin(preset));
      expect(excel.syncsPerRun).toEqual([2]);
      expect(excel.activeSheetName()).toBe(sheetName);
      const models = await features(host).listModels();
      expect(models.map((m) => [m.sheetName, m.preset])).toEqual([[sheetName, preset]]);
    });
  }
});

describe("listModels", () => {
  it("finds a loaded sheet after the user renames it, and after the file is closed and reopened (new worksheet ids)", async () => {
    const { excel, host } = setup();
    const { listModels } = features(host);
    const { sheetName } = await host.loadPlan(planSheet(meta), origin(meta));
    excel.renameSheet(sheetName, "My scenario");
    let models = await listModels();
    expect(models.map((m) => [m.sheetName, m.preset.id, m.kind, m.loadedAt])).toEqual([["My scenario", "meta-2026", "builtIn", "2026-05-01T08:00:00.000Z"]]);
    excel.reopen();
    models = await listModels();
    expect(models.map((m) => m.sheetName)).toEqual(["My scenario"]);
    expect(models[0]?.sheetId).toBe(excel.sheet("My scenario").id);
    expect(models[0]?.preset).toEqual(meta);
  });

  it("lists sheets in workbook order with their own presets, in two syncs", async () => {
    const { excel, host } = setup();
    const [first, second] = builtInPresets;
    if (!first || !second) throw new Error("need two presets");
    await host.loadPlan(planSheet(second), origin(second));
    await host.loadPlan(planSheet(first), origin(first, "user"));
    excel.syncsPerRun.length = 0;
    const models = await features(host).listModels();
    expect(excel.syncsPerRun).toEqual([2]);
    expect(models.map((m) => [m.preset.id, m.kind])).toEqual([
      [second.id, "builtIn"],
      [first.id, "user"],
    ]);
  });

  it("ignores a sheet of the user's even if it is named like a model, and drops the records of deleted sheets", async () => {
    const { excel, host } = setup();
    const { sheetName } = await host.loadPlan(planSheet(meta), origin(meta));
    excel.deleteSheet(sheetName);
    const before = userPart(excel);
    expect(await features(host).listModels()).toEqual([]);
    expect(excel.xmlParts(sheetOriginNamespace)).toEqual([]);
    expect(userPart(excel)).toEqual(before);
  });

  it("leaves an unreadable record in its namespace alone", async () => {
    const damaged = `<aicostSheetOrigin xmlns="${sheetOriginNamespace}" key="k${"0".repeat(32)}">{"version": 2}</aicostSheetOrigin>`;
    const excel = new FakeExcel(userSheets, { ...userWorkbook, customXmlParts: [otherAddInPart, damaged] });
    const host = createOfficeHost(excel.environment());
    expect(await features(host).listModels()).toEqual([]);
    expect(excel.xmlParts(sheetOriginNamespace).map((p) => p.xml)).toEqual([damaged]);
  });
});

describe("the user presets in the workbook", () => {
  const mine = (id: string, title = `Mine ${id}`): Preset => ({ ...meta, id, title });

  it("saves, lists, replaces only when asked, and removes, keeping one part per preset", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    expect(await userPresets.list()).toEqual({ presets: [], unreadable: [] });
    expect(await userPresets.save(mine("my-meta"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" })).toEqual({ saved: true });
    expect(excel.xmlParts(userPresetNamespace)).toHaveLength(1);

    const clash = await userPresets.save(mine("my-meta", "Another title"), { replace: false, savedAt: "2026-05-02T09:00:00.000Z" });
    expect(clash).toEqual({ saved: false, conflict: { preset: mine("my-meta"), savedAt: "2026-05-01T09:00:00.000Z" } });
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine my-meta"]);

    expect(await userPresets.save(mine("my-meta", "Another title"), { replace: true, savedAt: "2026-05-02T09:00:00.000Z" })).toEqual({ saved: true });
    expect(excel.xmlParts(userPresetNamespace)).toHaveLength(1);
    await userPresets.save(mine("second"), { replace: false, savedAt: "2026-05-03T09:00:00.000Z" });
    expect((await userPresets.list()).presets.map((p) => [p.preset.id, p.preset.title, p.savedAt])).toEqual([
      ["my-meta", "Another title", "2026-05-02T09:00:00.000Z"],
      ["second", "Mine second", "2026-05-03T09:00:00.000Z"],
    ]);

    expect(await userPresets.remove("my-meta")).toBe(true);
    expect(await userPresets.remove("my-meta")).toBe(false);
    expect((await userPresets.list()).presets.map((p) => p.preset.id)).toEqual(["second"]);
  });

  it("takes 3 syncs to save and 2 to list", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    await userPresets.save(mine("a"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    await userPresets.save(mine("b"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    await userPresets.list();
    expect(excel.syncsPerRun).toEqual([2, 3, 2]); // the first save finds no part to read
  });

  it("refuses a built-in preset's id and an invalid preset without touching the workbook", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    const before = excel.snapshot();
    await expect(userPresets.save(meta, { replace: true, savedAt: "2026-05-01T09:00:00.000Z" })).rejects.toThrow(/built-in/);
    await expect(userPresets.save({ ...mine("bad"), asOf: "yesterday" }, { replace: false, savedAt: "x" })).rejects.toThrow(/asOf/);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncsPerRun).toEqual([]);
  });

  it("keeps the old preset when the write of its replacement fails", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    await userPresets.save(mine("keep"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    excel.failOn("CustomXmlPartCollection.add");
    await expect(userPresets.save(mine("keep", "New"), { replace: true, savedAt: "2026-05-02T09:00:00.000Z" })).rejects.toThrow(/Saving "New"/);
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine keep"]);
  });

  it("lists a damaged record as unreadable and leaves it, and never touches other add-ins' parts or the user's names", async () => {
    const damaged = `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="x">{"version": 1, "id": "broken"}</aicostUserPreset>`;
    const excel = new FakeExcel(userSheets, { ...userWorkbook, customXmlParts: [otherAddInPart, damaged] });
    const { userPresets } = features(createOfficeHost(excel.environment()));
    const before = userPart(excel);
    const listing = await userPresets.list();
    expect(listing.presets).toEqual([]);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]).toMatch(/could not be read: .*title/);
    await userPresets.save(mine("fine"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    await userPresets.remove("fine");
    expect(excel.xmlParts(userPresetNamespace).map((p) => p.xml)).toEqual([damaged]);
    expect(userPart(excel)).toEqual(before);
  });

  it("stores the hostile-text preset as well-formed XML and reads every text back unchanged", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    const hostile = { ...hostilePreset(), id: "hostile-mine" };
    await userPresets.save(hostile, { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    const part = excel.xmlParts(userPresetNamespace)[0];
    expect(xmlProblem(part?.xml ?? "")).toBeUndefined();
    expect((await userPresets.list()).presets[0]?.preset).toEqual(hostile);
  });
});

describe("save as preset: reading a loaded sheet back", () => {
  it("reads an edited input cell back: the stored preset has the new base, a note of the edit, and today's as-of date", async () => {
    const { excel, host } = setup();
    const { readModel, userPresets } = features(host);
    const model = await loadMeta(excel, host);
    const base = planSheet(meta).keyCells.jobs_cut?.base as string;
    excel.typeInto(model.sheetName, base, 10000);
    excel.renameSheet(model.sheetName, "Fewer cuts");
    excel.syncsPerRun.length = 0;
    const reading = await readModel(model);
    expect(excel.syncsPerRun).toEqual([1]);
    expect(reading.sheetName).toBe("Fewer cuts");
    const result = presetFromSheet(model.preset, reading.cells, { id: "fewer-cuts", title: "Fewer cuts", sheetName: reading.sheetName, today: "2026-05-02" });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
    expect(result.changedKeys).toEqual(["jobs_cut"]);
    await userPresets.save(result.value, { replace: false, savedAt: "2026-05-02T10:00:00.000Z" });
    const stored = (await userPresets.list()).presets[0]?.preset;
    const jobsCut = stored?.inputs.find((i) => i.key === "jobs_cut");
    expect(jobsCut?.base).toBe(10000);
    expect(jobsCut?.note).toMatch(/^Edited in the workbook on 2026-05-02; the preset had base 23,000\./);
    expect(stored?.asOf).toBe("2026-05-02");
    expect(stored?.inputs.find((i) => i.key === "cost_per_employee")).toEqual(meta.inputs.find((i) => i.key === "cost_per_employee"));
    expect(stored?.notes?.at(-1)).toContain("“Fewer cuts”");
  });

  it("fails with the sheet's name when the sheet was deleted", async () => {
    const { excel, host } = setup();
    const model = await loadMeta(excel, host);
    excel.deleteSheet(model.sheetName);
    await expect(features(host).readModel(model)).rejects.toThrow(/Reading the sheet "Meta 2026 \(2\)" failed/);
  });
});

describe("freezeModel", () => {
  const now = new Date(Date.UTC(2026, 4, 2, 9, 5));

  it("copies the sheet with every AICOST formula replaced by its value and the line, in three syncs; the original is untouched", async () => {
    const { excel, host } = setup();
    const model = await loadMeta(excel, host);
    const jobsCut = planSheet(meta).keyCells.jobs_cut?.base as string;
    excel.typeInto(model.sheetName, jobsCut, 10000);
    const laborSavings = planSheet(meta).keyCells.labor_savings as { low: string; base: string; high: string };
    const original = structuredClone(excel.sheet(model.sheetName));
    const beforeUser = userPart(excel, [model.sheetName]);
    excel.syncsPerRun.length = 0;

    const outcome = await features(host).freezeModel(model, { now });
    expect(excel.syncsPerRun).toEqual([3]);
    expect(outcome.sheetName).toBe("Meta 2026 (2) (values)");
    expect(excel.sheetNames()).toEqual(["Budget", "Meta 2026", "Meta 2026 (2)", "Meta 2026 (2) (values)"]);
    expect(excel.activeSheetName()).toBe(outcome.sheetName);

    // 10,000 jobs × $165,000 = $1.65B, worked out by hand.
    expect(excel.cell(outcome.sheetName, laborSavings.base).content).toEqual({ kind: "number", value: 1_650_000_000 });
    expect(excel.cell(outcome.sheetName, laborSavings.low).content).toEqual({ kind: "number", value: 1_650_000_000 });
    const frozenSheet = excel.sheet(outcome.sheetName);
    const formulas = [...frozenSheet.cells.values()].flatMap((c) => (c.content?.kind === "formula" ? [c.content.formula] : []));
    expect(formulas.length).toBeGreaterThan(0); // plain arithmetic stays
    expect(formulas.filter((f) => /AICOST\./i.test(f))).toEqual([]);
    // One AICOST cell per scenario column: Low, Base, High, and Reported (meta-2026 has that column).
    expect(outcome.frozenCount).toBe(sheetScenariosOf(meta).length * meta.outputs.filter((o) => o.formula.includes("AICOST.")).length);

    expect(outcome.line).toBe("Values frozen on 2026-05-02 09:05 UTC from preset meta-2026 (Meta 2026: job cuts vs AI capex); AICOST formulas replaced by their values.");
    expect(excel.cell(outcome.sheetName, "A4").content).toMatchObject({ kind: "text", text: outcome.line });
    expect(excel.cell(outcome.sheetName, "A4").font.italic).toBe(true);

    expect(frozenSheet.names).toEqual([]); // no longer a live model
    expect(excel.sheet(model.sheetName).names.map((n) => n.name)).toEqual([modelMarkerName]);
    expect(frozenSheet.charts).toHaveLength(1);
    // A series per scenario column (meta-2026 has Low, Base, High and Reported), each on the copy.
    expect(frozenSheet.charts[0]?.series.map((series) => series.values.split("!")[0])).toEqual(sheetScenariosOf(meta).map(() => outcome.sheetName));
    expect(excel.sheet(model.sheetName)).toEqual(original);
    expect(userPart(excel, [model.sheetName, outcome.sheetName])).toEqual(beforeUser);
    expect((await features(host).listModels()).map((m) => m.sheetName)).toEqual([model.sheetName]);
  });

  it("removes the partial copy and leaves the workbook as it was when any operation fails", async () => {
    const probe = setup();
    const probeModel = await loadMeta(probe.excel, probe.host);
    const start = probe.excel.executed.length;
    await features(probe.host).freezeModel(probeModel, { now });
    const seen = new Map<string, number>();
    const operations = probe.excel.executed.slice(start).map((label) => {
      const nth = (seen.get(label) ?? 0) + 1;
      seen.set(label, nth);
      return { label, nth };
    });
    expect(operations.length).toBeGreaterThan(8);
    for (const { label, nth } of operations) {
      const { excel, host } = setup();
      const model = await loadMeta(excel, host);
      const before = excel.snapshot();
      excel.failOn(label, { nth, message: "Simulated failure" }); // counted from here: the load before it is not counted
      await expect(features(host).freezeModel(model, { now }), `${label} #${nth}`).rejects.toThrow(/Simulated failure.*unchanged/);
      expect(excel.snapshot(), `${label} #${nth}`).toEqual(before);
    }
  });

  it("refuses while an AICOST cell is still calculating, and removes the copy", async () => {
    const { excel, host } = setup();
    const model = await loadMeta(excel, host);
    const before = excel.snapshot();
    const inner = hyperFormulaEvaluator();
    excel.evaluator = (sheet, row, column, formula) => (/AICOST\./i.test(formula) ? { error: "#BUSY!" } : inner(sheet, row, column, formula));
    await expect(features(host).freezeModel(model, { now })).rejects.toThrow(/still calculating.*removed/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("works the same where copying a sheet does not copy its sheet-scoped names", async () => {
    const { excel, host } = setup();
    const model = await loadMeta(excel, host);
    excel.copiesSheetNames = false;
    const outcome = await features(host).freezeModel(model, { now });
    expect(excel.sheet(outcome.sheetName).names).toEqual([]);
    expect(excel.calls.filter((c) => c.startsWith("NamedItem.delete"))).toEqual([]);
    expect((await features(host).listModels()).map((m) => m.sheetName)).toEqual([model.sheetName]);
  });

  it("says the copy is left, by name, when it cannot be removed either; the original is still untouched", async () => {
    const { excel, host } = setup();
    const model = await loadMeta(excel, host);
    const original = structuredClone(excel.sheet(model.sheetName));
    excel.failOn("Worksheet.activate", { message: "Payload too large" });
    excel.failOn("Worksheet.delete", { message: "Workbook is protected" });
    await expect(features(host).freezeModel(model, { now })).rejects.toThrow(
      /Payload too large.*partial copy "Meta 2026 \(2\) \(values\)" next to "Meta 2026 \(2\)" could not be removed \(Workbook is protected.*delete it by hand/,
    );
    expect(excel.sheet(model.sheetName)).toEqual(original);
  });

  it("names the copy so that it fits Excel's 31 characters", () => {
    expect(frozenSheetNameFor("A very long sheet name for tests")).toBe("A very long sheet name (values)");
    expect(frozenSheetNameFor("A very long sheet name for tests").length).toBeLessThanOrEqual(31);
  });
});

describe("a preset in any script, as large as a preset file may be, survives in the workbook", () => {
  const savedAt = "2026-05-01T09:00:00.000Z";

  for (const script of scripts) {
    it(`keeps the largest ${script} preset as a user preset and as a sheet's origin, after the file is reopened`, async () => {
      const { excel, host } = setup();
      const preset = largestPreset(script);
      expect(await features(host).userPresets.save(preset, { replace: false, savedAt })).toEqual({ saved: true });
      const { sheetName } = await host.loadPlan(planSheet(preset), origin(preset, "user"));
      for (const part of excel.xmlParts()) expect(xmlProblem(part.xml)).toBeUndefined();
      excel.reopen();
      const reopened = features(createOfficeHost(excel.environment()));
      expect(await reopened.userPresets.list()).toEqual({ presets: [{ preset, savedAt }], unreadable: [] });
      const models = await reopened.listModels();
      expect(models.map((m) => [m.sheetName, m.kind, m.preset])).toEqual([[sheetName, "user", preset]]);
    });
  }

  it("keeps the file at the limit with every list full, whose stored form is over the file limit", async () => {
    const { host } = setup();
    const fullest = fullestPreset();
    await features(host).userPresets.save(fullest, { replace: false, savedAt });
    expect(await features(host).userPresets.list()).toEqual({ presets: [{ preset: fullest, savedAt }], unreadable: [] });
  });

  it("reads the records an earlier version wrote, every character outside ASCII escaped", async () => {
    const preset = largestPreset("emoji");
    const escaped = userPresetXml({ preset, savedAt }).replace(/[^\t\n\r\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const excel = new FakeExcel(userSheets, { ...userWorkbook, customXmlParts: [otherAddInPart, escaped] });
    expect(await features(createOfficeHost(excel.environment())).userPresets.list()).toEqual({ presets: [{ preset, savedAt }], unreadable: [] });
  });

  it("does not say a preset is kept when the workbook hands back a record that does not read back, and keeps the old one", async () => {
    const { excel, host } = setup();
    const { userPresets } = features(host);
    const old = { ...meta, id: "mine", title: "Mine" };
    await userPresets.save(old, { replace: false, savedAt });
    excel.storesXmlAs = (xml) => xml.replace(/[^\t\n\r\x20-\x7e]/g, "?");
    await expect(userPresets.save({ ...largestPreset("cjk"), id: "mine" }, { replace: true, savedAt: "2026-05-02T09:00:00.000Z" })).rejects.toThrow(
      /Saving "Largest cjk" in the workbook failed: .*does not read back.*Your presets are as they were/,
    );
    excel.storesXmlAs = (xml) => xml;
    expect(await userPresets.list()).toEqual({ presets: [{ preset: old, savedAt }], unreadable: [] });
    expect(excel.xmlParts(userPresetNamespace)).toHaveLength(1);
  });

  it("does not load a sheet whose origin record would not read back, and leaves the workbook as it was", async () => {
    const { excel, host } = setup();
    const before = excel.snapshot();
    excel.storesXmlAs = (xml) => xml.replace(/[^\t\n\r\x20-\x7e]/g, "?");
    const preset = largestPreset("hebrew");
    await expect(host.loadPlan(planSheet(preset), origin(preset, "user"))).rejects.toThrow(/does not read back.*workbook is unchanged/);
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("records edited by hand in the file", () => {
  const savedAt = "2026-05-01T09:00:00.000Z";
  const kept = { ...meta, id: "kept", title: "Kept 中文" };
  const good = userPresetXml({ preset: { ...meta, id: "edited", title: "Edited" }, savedAt });
  const edited: readonly [string, string, RegExp][] = [
    ["truncated in its text", good.replace(/"notes"[\s\S]*(<\/aicostUserPreset>)$/, "$1"), /not valid JSON/],
    ["huge", good.replace("</aicostUserPreset>", `${" ".repeat(20 * presetFileMaxBytes)}</aicostUserPreset>`), /over the limit/],
    ["with a key given twice", good.replace('"title":', '"title": "Twice",\n  "title":'), /title/],
    ["emptied", `<aicostUserPreset xmlns="${userPresetNamespace}"/>`, /empty/],
  ];

  for (const [name, xml, message] of edited) {
    it(`lists a record ${name} as unreadable with a message, lists the others, and deletes nothing`, async () => {
      expect(xmlProblem(xml)).toBeUndefined();
      const excel = new FakeExcel(userSheets, { ...userWorkbook, customXmlParts: [otherAddInPart, xml, userPresetXml({ preset: kept, savedAt })] });
      const host = features(createOfficeHost(excel.environment()));
      const listing = await host.userPresets.list();
      expect(listing.presets).toEqual([{ preset: kept, savedAt }]);
      expect(listing.unreadable).toHaveLength(1);
      expect(listing.unreadable[0]).toMatch(message);
      await host.userPresets.save({ ...meta, id: "another" }, { replace: false, savedAt });
      await host.userPresets.remove("another");
      expect(excel.xmlParts().map((p) => p.xml)).toEqual([otherAddInPart, xml, userPresetXml({ preset: kept, savedAt })]);
    });
  }

  it("leaves a record moved to another namespace to whoever owns that namespace", async () => {
    const moved = good.replace(userPresetNamespace, "http://example.com/not-aicost");
    const excel = new FakeExcel(userSheets, { ...userWorkbook, customXmlParts: [moved] });
    expect(await features(createOfficeHost(excel.environment())).userPresets.list()).toEqual({ presets: [], unreadable: [] });
    expect(excel.xmlParts().map((p) => p.xml)).toEqual([moved]);
  });
});

describe("sheet names from preset titles, in Excel", () => {
  it.each(titledSheetNames)("loads a preset titled %j into a sheet named %j, twice into a free name", async (title, name) => {
    const { excel, host } = setup();
    const preset = { ...meta, title };
    const expected = name === "Model" ? meta.id : name;
    expect((await host.loadPlan(planSheet(preset))).sheetName).toBe(expected);
    const second = (await host.loadPlan(planSheet(preset))).sheetName;
    expect(sheetNameProblem(second, excel.sheetNames().filter((n) => n !== second))).toBeUndefined();
    expect(excel.sheetNames()).toEqual([...userSheets.map((s) => s.name), expected, second]);
  });
});
