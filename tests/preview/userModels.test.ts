/*
 * "Your own models" on the preview's HyperFormula host: the whole WorkbookHost
 * contract, as tests/excel/userModels.test.ts checks it for Excel. Loaded
 * sheets are found again after a rename; user presets are kept with the
 * workbook and in a stand-in for localStorage, survive a new host over the same
 * storage, and are read back as untrusted text; saving reads edited values
 * back; freezing copies values beside the original and rolls back on failure;
 * and none of it touches anything the user made.
 */
import { DetailedCellError } from "hyperformula";
import { describe, expect, it, vi } from "vitest";
import type { LoadedModel, ModelOrigin, WorkbookHost } from "../../src/workbook/host";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";
import { sheetNameProblem } from "../../src/workbook/sheetName";
import { userPresetNamespace, userPresetXml } from "../../src/workbook/workbookRecords";
import { builtInPresets, findPreset, planSheet, type Preset } from "../../src/presets";
import { sheetScenariosOf } from "../../src/presets/types";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import { previewStoragePrefix } from "../../src/preview/presetRecords";
import type { PreviewWorkbook } from "../../src/preview/workbook";
import { hostilePreset } from "../fixtures/hostileText";
import { titledSheetNames } from "../fixtures/sheetTitles";
import { fullestPreset, largestPreset, scripts } from "../fixtures/largestPresets";
import { MemoryStorage, newHost, newWorkbook, sheetSnapshot, snapshot, userPart, userSheets } from "./helpers";

const meta = findPreset("meta-2026") as Preset;
const origin = (preset: Preset, kind: ModelOrigin["kind"] = "builtIn"): ModelOrigin => ({
  preset,
  kind,
  loadedAt: "2026-05-01T08:00:00.000Z",
});
const mine = (id: string, title = `Mine ${id}`): Preset => ({ ...meta, id, title });
const now = new Date(Date.UTC(2026, 4, 2, 9, 5));

function features(host: WorkbookHost) {
  const { userPresets, listModels, readModel, freezeModel } = host;
  if (!userPresets || !listModels || !readModel || !freezeModel) throw new Error("the preview host lacks a feature");
  return { userPresets, listModels, readModel, freezeModel };
}

async function loadMeta(host: HyperFormulaHost): Promise<LoadedModel> {
  const { sheetName } = await host.loadPlan(planSheet(meta), origin(meta));
  const model = (await features(host).listModels()).find((m) => m.sheetName === sheetName);
  if (!model) throw new Error(`"${sheetName}" is not listed`);
  return model;
}

function cellOf(workbook: PreviewWorkbook, sheetName: string, address: string) {
  const at = workbook.engine.simpleCellAddressFromString(address, workbook.sheetId(sheetName) as number);
  if (!at) throw new Error(`no cell ${address}`);
  const value = workbook.engine.getCellValue(at);
  return {
    formula: workbook.engine.getCellFormula(at),
    value: value instanceof DetailedCellError ? { error: value.value } : value,
  };
}

describe("the preview host has the whole contract", () => {
  it("has every optional feature, so the pane shows them all", () => {
    const { host } = newHost();
    expect(Object.keys(features(host))).toEqual(["userPresets", "listModels", "readModel", "freezeModel"]);
  });
});

describe("loading with an origin, and listModels", () => {
  it("lists a loaded sheet with its exact preset, kind and time, and records nothing without an origin", async () => {
    const { workbook, host } = newHost(userSheets);
    const plain = await host.loadPlan(planSheet(meta));
    expect(plain.sheetId).toBeUndefined();
    expect(await features(host).listModels()).toEqual([]);
    const outcome = await host.loadPlan(planSheet(meta), origin(meta, "user"));
    expect(outcome.sheetName).toBe("Meta 2026 (2)");
    expect(typeof outcome.sheetId).toBe("string");
    expect(await features(host).listModels()).toEqual([
      {
        sheetId: outcome.sheetId,
        sheetName: "Meta 2026 (2)",
        preset: meta,
        kind: "user",
        loadedAt: "2026-05-01T08:00:00.000Z",
      },
    ]);
    expect(workbook.activeSheetName).toBe("Meta 2026 (2)");
  });

  for (const preset of builtInPresets) {
    it(`${preset.id}: listModels gives back the sheet and the exact preset`, async () => {
      const { host } = newHost();
      const { sheetName } = await host.loadPlan(planSheet(preset), origin(preset));
      expect((await features(host).listModels()).map((m) => [m.sheetName, m.preset])).toEqual([[sheetName, preset]]);
    });
  }

  it("finds a loaded sheet after the user renames it, by the same id", async () => {
    const { workbook, host } = newHost(userSheets);
    const model = await loadMeta(host);
    workbook.renameSheet(workbook.sheetId(model.sheetName) as number, "My scenario");
    const models = await features(host).listModels();
    expect(models.map((m) => [m.sheetId, m.sheetName, m.preset.id, m.kind, m.loadedAt])).toEqual([
      [model.sheetId, "My scenario", "meta-2026", "builtIn", "2026-05-01T08:00:00.000Z"],
    ]);
    expect((await features(host).readModel(model)).sheetName).toBe("My scenario");
  });

  it("lists sheets in tab order, each with its own preset", async () => {
    const { host } = newHost();
    const [first, second] = builtInPresets;
    if (!first || !second) throw new Error("need two presets");
    await host.loadPlan(planSheet(second), origin(second));
    await host.loadPlan(planSheet(first), origin(first, "user"));
    expect((await features(host).listModels()).map((m) => [m.preset.id, m.kind])).toEqual([
      [second.id, "builtIn"],
      [first.id, "user"],
    ]);
  });

  it("keeps its own copy of the origin: changing the preset object afterwards changes nothing listed", async () => {
    const { host } = newHost();
    const preset = structuredClone(meta) as { -readonly [K in keyof Preset]: Preset[K] };
    await host.loadPlan(planSheet(preset), origin(preset));
    preset.title = "changed later";
    expect((await features(host).listModels())[0]?.preset).toEqual(meta);
  });

  it("refuses, before touching the workbook, an origin whose preset cannot be recorded", async () => {
    const { workbook, host } = newHost(userSheets);
    const before = snapshot(workbook);
    const broken = { ...meta, title: "bell\u0007" };
    await expect(host.loadPlan(planSheet(meta), origin(broken))).rejects.toThrow(
      /cannot be recorded in the workbook: title: holds the control character U\+0007/,
    );
    expect(snapshot(workbook)).toEqual(before);
  });

  it("removes the half-written sheet and records no model when the load fails after the sheet was added", async () => {
    const { workbook, host } = newHost(userSheets);
    const before = snapshot(workbook);
    const setContent = vi.spyOn(workbook.engine, "setSheetContent").mockImplementationOnce(() => {
      throw new Error("Simulated failure");
    });
    await expect(host.loadPlan(planSheet(meta), origin(meta))).rejects.toThrow(
      /Simulated failure\. The workbook is unchanged\./,
    );
    expect(setContent).toHaveBeenCalledTimes(1);
    expect(snapshot(workbook)).toEqual(before);
    // The engine reuses the removed sheet's id: the next sheet on it is not taken for a model.
    workbook.addBlankSheet();
    expect(await features(host).listModels()).toEqual([]);
  });

  it("rolls back a load whose last step fails (the sheet is adopted), with no model left behind", async () => {
    const { workbook, host } = newHost(userSheets);
    const before = snapshot(workbook);
    vi.spyOn(workbook, "adoptSheet").mockImplementationOnce(() => {
      throw new Error("Simulated failure");
    });
    await expect(host.loadPlan(planSheet(meta), origin(meta))).rejects.toThrow(
      /Simulated failure\. The workbook is unchanged\./,
    );
    expect(snapshot(workbook)).toEqual(before);
  });
});

describe("renaming a sheet in the preview, as Excel allows", () => {
  // Excel's rules, written out independently of sheetNameProblem.
  const refused = [
    "",
    "   ",
    "Q1/Q2",
    "a\\b",
    "what?",
    "star*",
    "time: now",
    "[x]",
    "'quoted",
    "quoted'",
    "History",
    "HISTORY",
    "x".repeat(32),
    "tab\there",
  ];

  it("refuses every name Excel refuses, and a name taken in another case, leaving the name as it was", () => {
    const workbook = newWorkbook(userSheets);
    const budget = workbook.sheetId("Budget") as number;
    for (const name of [...refused, "notes", "NOTES"]) {
      expect(() => workbook.renameSheet(budget, name), JSON.stringify(name)).toThrow();
      expect(workbook.sheetNames()).toEqual(["Budget", "Notes"]);
    }
  });

  it("takes a name Excel takes, changing only the case of its own name too, and formulas follow the new name", () => {
    const workbook = newWorkbook(userSheets);
    const budget = workbook.sheetId("Budget") as number;
    for (const name of ["budget", "Plan 2026 (draft)", "x".repeat(31), "Ünïcode 💸", "it's"]) {
      workbook.renameSheet(budget, name);
      expect(workbook.sheetNames()[0]).toBe(name);
    }
    const notes = workbook.sheetId("Notes") as number;
    expect(workbook.engine.getCellFormula({ sheet: notes, row: 1, col: 0 })).toBe("='it''s'!C1+1");
    expect(workbook.value(notes, 1, 0)).toBe(2401);
  });

  it("gives the reason in words, as its documentation shows", () => {
    expect(sheetNameProblem("Q1/Q2", [])).toBe(
      "A sheet name cannot contain \\ / ? * : [ or ], nor control characters.",
    );
    expect(sheetNameProblem("Budget", ["budget"])).toBe('A sheet is already called "budget" (names ignore case).');
    expect(sheetNameProblem("Budget", [])).toBeUndefined();
  });
});

describe("save as preset: reading a loaded sheet back", () => {
  it("reads an edited input back: the stored preset has the new base, a note of the edit and today's date, also after a rename", async () => {
    const storage = new MemoryStorage();
    const { workbook, host } = newHost(userSheets, storage);
    const { readModel, userPresets } = features(host);
    const model = await loadMeta(host);
    const base = planSheet(meta).keyCells.jobs_cut?.base as string;
    const sheet = workbook.sheetId(model.sheetName) as number;
    const at = workbook.engine.simpleCellAddressFromString(base, sheet);
    if (!at) throw new Error("no cell");
    workbook.enter(sheet, at.row, at.col, "10000");
    workbook.renameSheet(sheet, "Fewer cuts");

    const reading = await readModel(model);
    expect(reading.sheetName).toBe("Fewer cuts");
    const result = presetFromSheet(model.preset, reading.cells, {
      id: "fewer-cuts",
      title: "Fewer cuts",
      sheetName: reading.sheetName,
      today: "2026-05-02",
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
    expect(result.changedKeys).toEqual(["jobs_cut"]);
    expect(await userPresets.save(result.value, { replace: false, savedAt: "2026-05-02T10:00:00.000Z" })).toEqual({
      saved: true,
    });

    // A new page over the same storage finds it.
    const later = new HyperFormulaHost(newWorkbook({ Sheet1: [] }, storage));
    const stored = (await features(later).userPresets.list()).presets[0]?.preset;
    const jobsCut = stored?.inputs.find((i) => i.key === "jobs_cut");
    expect(jobsCut?.base).toBe(10000);
    expect(jobsCut?.note).toMatch(/^Edited in the workbook on 2026-05-02; the preset had base 23,000\./);
    expect(stored?.asOf).toBe("2026-05-02");
    expect(stored?.inputs.find((i) => i.key === "cost_per_employee")).toEqual(
      meta.inputs.find((i) => i.key === "cost_per_employee"),
    );
    expect(stored?.notes?.at(-1)).toContain("“Fewer cuts”");
  });

  it("reads literal text as text, formulas as formulas and errors by their code", async () => {
    const { workbook, host } = newHost();
    const model = await loadMeta(host);
    const sheet = workbook.sheetId(model.sheetName) as number;
    const plan = planSheet(meta);
    const cells = new Map((await features(host).readModel(model)).cells.map((c) => [c.address, c]));
    for (const planned of plan.cells) {
      const read = cells.get(planned.address);
      if (planned.content.kind === "text")
        expect(read, planned.address).toEqual({ address: planned.address, value: planned.content.text });
      if (planned.content.kind === "number")
        expect(read, planned.address).toEqual({ address: planned.address, value: planned.content.value });
      if (planned.content.kind === "formula") expect(read?.formula, planned.address).toBe(planned.content.formula);
    }
    expect(cells.size).toBe(plan.cells.length);
    workbook.enter(sheet, 60, 0, "=1/0");
    workbook.enter(sheet, 61, 0, "'=1+1");
    const again = new Map((await features(host).readModel(model)).cells.map((c) => [c.address, c]));
    expect(again.get("A61")).toEqual({ address: "A61", formula: "=1/0", value: { error: "#DIV/0!" } });
    expect(again.get("A62")).toEqual({ address: "A62", value: "=1+1" });
  });

  it("fails with the sheet's name when the sheet no longer exists", async () => {
    const { workbook, host } = newHost();
    const model = await loadMeta(host);
    workbook.discardSheet(workbook.sheetId(model.sheetName) as number);
    await expect(features(host).readModel(model)).rejects.toThrow(
      /^Reading the sheet "Meta 2026" failed: the sheet no longer exists\.$/,
    );
    await expect(features(host).freezeModel(model, { now })).rejects.toThrow(
      /^Freezing "Meta 2026" failed: the sheet no longer exists\.$/,
    );
  });
});

describe("the user presets, kept with the workbook and in the browser's storage", () => {
  it("saves, lists, replaces only when asked, and removes, keeping one record per preset", async () => {
    const storage = new MemoryStorage();
    const { host } = newHost({ Sheet1: [] }, storage);
    const { userPresets } = features(host);
    expect(await userPresets.list()).toEqual({ presets: [], unreadable: [] });
    expect(await userPresets.save(mine("my-meta"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" })).toEqual({
      saved: true,
    });
    expect(storage.items.size).toBe(1);

    const clash = await userPresets.save(mine("my-meta", "Another title"), {
      replace: false,
      savedAt: "2026-05-02T09:00:00.000Z",
    });
    expect(clash).toEqual({ saved: false, conflict: { preset: mine("my-meta"), savedAt: "2026-05-01T09:00:00.000Z" } });
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine my-meta"]);

    expect(
      await userPresets.save(mine("my-meta", "Another title"), { replace: true, savedAt: "2026-05-02T09:00:00.000Z" }),
    ).toEqual({ saved: true });
    expect(storage.items.size).toBe(1);
    await userPresets.save(mine("second"), { replace: false, savedAt: "2026-05-03T09:00:00.000Z" });
    expect((await userPresets.list()).presets.map((p) => [p.preset.id, p.preset.title, p.savedAt])).toEqual([
      ["my-meta", "Another title", "2026-05-02T09:00:00.000Z"],
      ["second", "Mine second", "2026-05-03T09:00:00.000Z"],
    ]);

    expect(await userPresets.remove("my-meta")).toBe(true);
    expect(await userPresets.remove("my-meta")).toBe(false);
    expect((await userPresets.list()).presets.map((p) => p.preset.id)).toEqual(["second"]);
    expect(storage.items.size).toBe(1);
  });

  it("stores each preset under its own key in the namespace, as the record Excel keeps in a custom XML part", async () => {
    const storage = new MemoryStorage();
    storage.setItem("someone-else", "theirs");
    const { host } = newHost({ Sheet1: [] }, storage);
    await features(host).userPresets.save(mine("a"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    const ours = storage.entries().filter(([key]) => key.startsWith(previewStoragePrefix));
    expect(ours).toHaveLength(1);
    expect(ours[0]?.[0]).toMatch(new RegExp(`^${previewStoragePrefix.replace(/\./g, "\\.")}k[0-9a-f]{32}$`));
    expect(ours[0]?.[1]).toBe(userPresetXml({ preset: mine("a"), savedAt: "2026-05-01T09:00:00.000Z" }));
    expect(ours[0]?.[1]).toContain(userPresetNamespace);
    expect(storage.getItem("someone-else")).toBe("theirs");
  });

  it("survive a new host and workbook over the same storage (a reload), hostile text and all", async () => {
    const storage = new MemoryStorage();
    const first = newHost({ Sheet1: [] }, storage);
    const hostile = { ...hostilePreset(), id: "hostile-mine" };
    await features(first.host).userPresets.save(mine("kept"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    await features(first.host).userPresets.save(hostile, { replace: false, savedAt: "2026-05-02T09:00:00.000Z" });
    const listed = await features(first.host).userPresets.list();

    const reloaded = newHost({ Sheet1: [] }, storage);
    const again = await features(reloaded.host).userPresets.list();
    expect(again).toEqual(listed);
    expect(again.presets.map((p) => p.preset)).toEqual([mine("kept"), hostile]);
  });

  it("without storage, keeps them with the workbook only: a new workbook starts with none", async () => {
    const { host } = newHost();
    await features(host).userPresets.save(mine("a"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    expect((await features(host).userPresets.list()).presets.map((p) => p.preset.id)).toEqual(["a"]);
    expect(await features(newHost().host).userPresets.list()).toEqual({ presets: [], unreadable: [] });
  });

  it("sees what another tab saved or removed in the same storage", async () => {
    const storage = new MemoryStorage();
    const tabA = features(newHost({ Sheet1: [] }, storage).host).userPresets;
    const tabB = features(newHost({ Sheet1: [] }, storage).host).userPresets;
    await tabA.save(mine("from-a"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    expect((await tabB.list()).presets.map((p) => p.preset.id)).toEqual(["from-a"]);
    expect(
      await tabB.save(mine("from-a", "B's"), { replace: false, savedAt: "2026-05-02T09:00:00.000Z" }),
    ).toMatchObject({ saved: false });
    expect(await tabB.remove("from-a")).toBe(true);
    expect((await tabA.list()).presets).toEqual([]);
  });

  it("reports a corrupt stored entry as unreadable, does not load it, and leaves it where it is", async () => {
    const storage = new MemoryStorage();
    const damaged = `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="x">{"version": 1, "id": "broken"}</aicostUserPreset>`;
    const newer = `<aicostUserPreset xmlns="${userPresetNamespace}" savedAt="x">{"version": 2}</aicostUserPreset>`;
    storage.setItem(`${previewStoragePrefix}k${"0".repeat(32)}`, damaged);
    storage.setItem(`${previewStoragePrefix}k${"1".repeat(32)}`, newer);
    storage.setItem(`${previewStoragePrefix}junk`, "<img src=x onerror=alert(1)>");
    const { host } = newHost({ Sheet1: [] }, storage);
    const { userPresets } = features(host);
    const listing = await userPresets.list();
    expect(listing.presets).toEqual([]);
    expect(listing.unreadable).toEqual([
      expect.stringMatching(/^A preset stored in this workbook could not be read: .*title/),
      "A preset stored in this workbook could not be read: version: 2 is not supported; this add-in reads preset files of version 1.",
      "A preset stored in this workbook could not be read: the record is not an AICOST user preset.",
    ]);
    const before = storage.entries();
    await userPresets.save(mine("fine"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    expect((await userPresets.list()).presets.map((p) => p.preset.id)).toEqual(["fine"]);
    await userPresets.remove("fine");
    expect(storage.entries()).toEqual(before);
  });

  it("refuses a built-in preset's id and an invalid preset without writing anything", async () => {
    const storage = new MemoryStorage();
    const { workbook, host } = newHost(userSheets, storage);
    const { userPresets } = features(host);
    const before = snapshot(workbook);
    await expect(userPresets.save(meta, { replace: true, savedAt: "2026-05-01T09:00:00.000Z" })).rejects.toThrow(
      /built-in/,
    );
    await expect(
      userPresets.save({ ...mine("bad"), asOf: "yesterday" }, { replace: false, savedAt: "x" }),
    ).rejects.toThrow(/asOf/);
    expect(snapshot(workbook)).toEqual(before);
    expect(storage.entries()).toEqual([]);
  });

  it("keeps the old preset, in storage and in the workbook, when the browser refuses to store its replacement", async () => {
    const storage = new MemoryStorage();
    const { workbook, host } = newHost({ Sheet1: [] }, storage);
    const { userPresets } = features(host);
    await userPresets.save(mine("keep"), { replace: false, savedAt: "2026-05-01T09:00:00.000Z" });
    const before = { storage: storage.entries(), records: workbook.presetRecords.read() };
    storage.refuseWrites = true;
    await expect(
      userPresets.save(mine("keep", "New"), { replace: true, savedAt: "2026-05-02T09:00:00.000Z" }),
    ).rejects.toThrow(
      /^Saving "New" failed: the browser refused to store it \(.*exceeded the quota\)\. Your presets are as they were\.$/,
    );
    expect({ storage: storage.entries(), records: workbook.presetRecords.read() }).toEqual(before);
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine keep"]);
  });

  it("takes the newer of two records of one id (a replacement that stopped half way) and removes both", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `${previewStoragePrefix}k${"a".repeat(32)}`,
      userPresetXml({ preset: mine("twice", "Newer"), savedAt: "2026-05-02T09:00:00.000Z" }),
    );
    storage.setItem(
      `${previewStoragePrefix}k${"b".repeat(32)}`,
      userPresetXml({ preset: mine("twice", "Older"), savedAt: "2026-05-01T09:00:00.000Z" }),
    );
    const { userPresets } = features(newHost({ Sheet1: [] }, storage).host);
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Newer"]);
    expect(await userPresets.remove("twice")).toBe(true);
    expect(storage.entries()).toEqual([]);
  });
});

describe("freezeModel", () => {
  it("copies the sheet beside the original with every AICOST formula replaced by its value and the line; the original is untouched", async () => {
    const { workbook, host } = newHost(userSheets);
    const model = await loadMeta(host);
    const plan = planSheet(meta);
    const sheet = workbook.sheetId(model.sheetName) as number;
    const jobsCut = workbook.engine.simpleCellAddressFromString(plan.keyCells.jobs_cut?.base as string, sheet);
    if (!jobsCut) throw new Error("no cell");
    workbook.enter(sheet, jobsCut.row, jobsCut.col, "10000");
    const original = sheetSnapshot(workbook, model.sheetName);
    const before = userPart(workbook);

    const outcome = await features(host).freezeModel(model, { now });
    expect(outcome.sheetName).toBe("Meta 2026 (values)");
    expect(workbook.sheetNames()).toEqual(["Budget", "Notes", "Meta 2026", "Meta 2026 (values)"]);
    expect(workbook.activeSheetName).toBe(outcome.sheetName);

    // 10,000 jobs × $165,000 = $1.65B, worked out by hand.
    const laborSavings = plan.keyCells.labor_savings as { low: string; base: string; high: string };
    for (const address of [laborSavings.low, laborSavings.base, laborSavings.high]) {
      expect(cellOf(workbook, outcome.sheetName, address)).toEqual({ formula: undefined, value: 1_650_000_000 });
    }
    const copy = workbook.sheetId(outcome.sheetName) as number;
    const formulas = workbook.engine
      .getSheetFormulas(copy)
      .flat()
      .filter((f): f is string => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(0); // plain arithmetic stays
    expect(formulas.filter((f) => /AICOST\./i.test(f))).toEqual([]);
    // One AICOST cell per scenario column: Low, Base, High, and Reported (meta-2026 has that column).
    expect(outcome.frozenCount).toBe(sheetScenariosOf(meta).length * meta.outputs.filter((o) => o.formula.includes("AICOST.")).length);

    // Every cell shows what it showed on the original, but for the line.
    const values = (id: number): Map<string, unknown> => {
      const shown = new Map<string, unknown>();
      workbook.engine.getSheetValues(id).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) shown.set(`${r},${c}`, v instanceof DetailedCellError ? v.value : v);
        }),
      );
      return shown;
    };
    const originalValues = values(sheet);
    const copyValues = values(copy);
    expect(originalValues.has("3,0")).toBe(false);
    expect(copyValues.get("3,0")).toBe(outcome.line);
    copyValues.delete("3,0");
    expect(copyValues).toEqual(originalValues);

    expect(outcome.line).toBe(
      "Values frozen on 2026-05-02 09:05 UTC from preset meta-2026 (Meta 2026: job cuts vs AI capex); AICOST formulas replaced by their values.",
    );
    expect(cellOf(workbook, outcome.sheetName, "A4")).toEqual({ formula: undefined, value: outcome.line });
    expect(workbook.layout(copy).looks.get("3,0")).toEqual({ role: "note", numberFormat: "@" });
    expect(workbook.layout(copy).chart).toEqual(plan.chart);
    expect(workbook.layout(copy).freezeRows).toBe(plan.freezeRows);

    expect(sheetSnapshot(workbook, model.sheetName)).toEqual(original);
    expect(userPart(workbook)).toEqual(before);
    expect((await features(host).listModels()).map((m) => m.sheetName)).toEqual([model.sheetName]); // the copy is no live model
  });

  it("freezes an AICOST error as its literal, so the cells that depend on it show the same error", async () => {
    const { workbook, host } = newHost();
    const model = await loadMeta(host);
    const plan = planSheet(meta);
    const sheet = workbook.sheetId(model.sheetName) as number;
    const jobsCut = workbook.engine.simpleCellAddressFromString(plan.keyCells.jobs_cut?.base as string, sheet);
    if (!jobsCut) throw new Error("no cell");
    workbook.enter(sheet, jobsCut.row, jobsCut.col, "-5");
    const laborSavings = plan.keyCells.labor_savings?.base as string;
    const shown = cellOf(workbook, model.sheetName, laborSavings).value;
    expect(shown).toEqual({ error: "#NUM!" }); // a negative job count is refused by the calc module
    const outcome = await features(host).freezeModel(model, { now });
    expect(cellOf(workbook, outcome.sheetName, laborSavings)).toEqual({ formula: "=#NUM!", value: { error: "#NUM!" } });
    const net = plan.keyCells.net_annual_effect?.base;
    if (net !== undefined)
      expect(cellOf(workbook, outcome.sheetName, net).value).toEqual(cellOf(workbook, model.sheetName, net).value);
  });

  it("names the copy after the sheet's current name, cut to 31 characters, and numbers a second copy", async () => {
    const { workbook, host } = newHost();
    const model = await loadMeta(host);
    const first = await features(host).freezeModel(model, { now });
    const second = await features(host).freezeModel(model, { now });
    expect([first.sheetName, second.sheetName]).toEqual(["Meta 2026 (values)", "Meta 2026 (values) (2)"]);
    // Each copy goes right after the original, as Excel's copy("After") puts it.
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Meta 2026", "Meta 2026 (values) (2)", "Meta 2026 (values)"]);
    workbook.renameSheet(workbook.sheetId(model.sheetName) as number, "A very long sheet name for test");
    expect((await features(host).freezeModel(model, { now })).sheetName).toBe("A very long sheet name (values)");
  });

  it("refuses, changing nothing, when the time of freezing is not a date", async () => {
    const { workbook, host } = newHost(userSheets);
    const model = await loadMeta(host);
    const before = snapshot(workbook);
    await expect(features(host).freezeModel(model, { now: new Date(Number.NaN) })).rejects.toThrow(
      /^Freezing "Meta 2026" failed: the time of freezing is not a valid date\. The workbook is unchanged\.$/,
    );
    expect(snapshot(workbook)).toEqual(before);
  });

  for (const step of ["addSheet", "setSheetContent", "adoptSheet"] as const) {
    it(`removes the partial copy and leaves the workbook as it was when ${step} fails`, async () => {
      const { workbook, host } = newHost(userSheets);
      const model = await loadMeta(host);
      const before = snapshot(workbook);
      const target = step === "adoptSheet" ? workbook : workbook.engine;
      vi.spyOn(target as unknown as Record<string, () => unknown>, step).mockImplementationOnce(() => {
        throw new Error("Simulated failure");
      });
      const outcome =
        step === "addSheet" ? "The workbook is unchanged" : "The partial copy was removed; the workbook is unchanged";
      await expect(features(host).freezeModel(model, { now })).rejects.toThrow(
        `Freezing "Meta 2026" failed: Simulated failure. ${outcome}.`,
      );
      expect(snapshot(workbook)).toEqual(before);
      // And the workbook still works: the copy's name is free again.
      expect((await features(host).freezeModel(model, { now })).sheetName).toBe("Meta 2026 (values)");
    });
  }
});

describe("a preset in any script, as large as a preset file may be, survives in the preview", () => {
  const savedAt = "2026-05-01T09:00:00.000Z";

  for (const script of scripts) {
    it(`keeps the largest ${script} preset as a user preset over a reload, and as a loaded sheet's origin`, async () => {
      const storage = new MemoryStorage();
      const { host } = newHost({ Sheet1: [] }, storage);
      const preset = largestPreset(script);
      expect(await features(host).userPresets.save(preset, { replace: false, savedAt })).toEqual({ saved: true });
      expect(await features(host).userPresets.list()).toEqual({ presets: [{ preset, savedAt }], unreadable: [] });
      const reloaded = features(newHost({ Sheet1: [] }, storage).host);
      expect(await reloaded.userPresets.list()).toEqual({ presets: [{ preset, savedAt }], unreadable: [] });
      const { sheetName } = await host.loadPlan(planSheet(preset), origin(preset, "user"));
      expect((await features(host).listModels()).map((m) => [m.sheetName, m.preset])).toEqual([[sheetName, preset]]);
    });
  }

  it("keeps the file at the limit with every list full, whose stored form is over the file limit, and loads it with its origin", async () => {
    const { host } = newHost({ Sheet1: [] }, new MemoryStorage());
    const fullest = fullestPreset();
    await features(host).userPresets.save(fullest, { replace: false, savedAt });
    expect(await features(host).userPresets.list()).toEqual({ presets: [{ preset: fullest, savedAt }], unreadable: [] });
    await host.loadPlan(planSheet(fullest), origin(fullest, "user"));
    expect((await features(host).listModels()).map((m) => m.preset)).toEqual([fullest]);
  });

  it("reads the records an earlier version stored, every character outside ASCII escaped", async () => {
    const storage = new MemoryStorage();
    const preset = largestPreset("cjk");
    const escaped = userPresetXml({ preset, savedAt }).replace(/[^\t\n\r\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
    storage.setItem(`${previewStoragePrefix}k${"2".repeat(32)}`, escaped);
    expect(await features(newHost({ Sheet1: [] }, storage).host).userPresets.list()).toEqual({ presets: [{ preset, savedAt }], unreadable: [] });
  });

  it("does not say a preset is kept when the storage hands back a record that does not read back, and keeps the old one", async () => {
    const storage = new MemoryStorage();
    const { workbook, host } = newHost({ Sheet1: [] }, storage);
    const { userPresets } = features(host);
    await userPresets.save(mine("keep"), { replace: false, savedAt });
    const before = { storage: storage.entries(), records: workbook.presetRecords.read() };
    storage.storesAs = (value) => value.replace(/[^\t\n\r\x20-\x7e]/g, "?");
    await expect(userPresets.save({ ...largestPreset("arabic"), id: "keep" }, { replace: true, savedAt: "2026-05-02T09:00:00.000Z" })).rejects.toThrow(
      /^Saving "Largest arabic" failed: .*does not read back.*Your presets are as they were\.$/,
    );
    expect({ storage: storage.entries(), records: workbook.presetRecords.read() }).toEqual(before);
    storage.storesAs = (value) => value;
    expect((await userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine keep"]);
  });
});

describe("sheet names from preset titles, in the preview", () => {
  it.each(titledSheetNames)("loads a preset titled %j into a sheet named %j, twice into a free name", async (title, name) => {
    const { workbook, host } = newHost({ Sheet1: [] });
    const preset = { ...meta, title };
    const expected = name === "Model" ? meta.id : name;
    expect((await host.loadPlan(planSheet(preset))).sheetName).toBe(expected);
    const second = (await host.loadPlan(planSheet(preset))).sheetName;
    expect(sheetNameProblem(second, workbook.sheetNames().filter((n) => n !== second))).toBeUndefined();
    expect(workbook.sheetNames()).toEqual(["Sheet1", expected, second]);
  });
});
