/*
 * Save as preset from a sheet with a Reported column: what the user left, edited
 * or cleared there comes back in the preset, honestly sourced.
 */
import { describe, expect, it } from "vitest";
import { findPreset, parsePresetFile, planSheet, presetToFileText, type Preset, type SheetCell } from "../../src/presets";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";

const meta = findPreset("meta-2026") as Preset;
const plan = planSheet(meta);
const options = { id: "mine", title: "Mine", sheetName: "Meta 2026", today: "2026-11-29" };

/** The cells of a freshly loaded sheet, as readModel returns them. */
function freshCells(): Map<string, SheetCell> {
  const cells = new Map<string, SheetCell>();
  for (const cell of plan.cells) {
    const c = cell.content;
    cells.set(cell.address, c.kind === "formula" ? { address: cell.address, formula: c.formula, value: 0 } : { address: cell.address, value: c.kind === "text" ? c.text : c.value });
  }
  return cells;
}
const reportedCell = (key: string): string => plan.keyCells[key]?.reported ?? "";

describe("presetFromSheet and the Reported column", () => {
  it("keeps every reported figure and its source when nothing changed", () => {
    const result = presetFromSheet(meta, [...freshCells().values()], options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual([]);
    expect(result.value.inputs.map((i) => i.reported)).toEqual(meta.inputs.map((i) => i.reported));
    expect(result.value.sources).toEqual(meta.sources);
  });

  it("takes an edited Reported figure with a source typed into the workbook and a note of what the preset had", () => {
    const cells = freshCells();
    cells.set(reportedCell("jobs_cut"), { address: reportedCell("jobs_cut"), value: 7_500 });
    const result = presetFromSheet(meta, [...cells.values()], options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual(["jobs_cut"]);
    const jobs = result.value.inputs.find((i) => i.key === "jobs_cut");
    expect(jobs?.base).toBe(23_000); // Base untouched
    expect(jobs?.note).toBe(meta.inputs[0]?.note); // Low, Base and High unchanged: no edit note there
    expect(jobs?.reported).toEqual({
      value: 7_500,
      source: "workbook-reported",
      note: `Typed into the workbook on 2026-11-29; the preset had 8,000. ${meta.inputs[0]?.reported?.note}`,
    });
    expect(result.value.sources.at(-1)).toEqual({ id: "workbook-reported", title: "Typed into the sheet's Reported column", publisher: "Named in the workbook", date: "2026-11-29" });
    expect(result.value.asOf).toBe("2026-11-29");
    // What is saved reads back, and its sheet shows the edited figure.
    const back = parsePresetFile(presetToFileText(result.value));
    expect(back.ok && back.value).toEqual(result.value);
  });

  it("takes a number typed over a repeated Base as a new reported figure, and a Base formula put back as nothing reported", () => {
    const cells = freshCells();
    cells.set(reportedCell("cost_per_employee"), { address: reportedCell("cost_per_employee"), value: 180_000 });
    const base = plan.keyCells.jobs_cut?.base ?? "";
    cells.set(reportedCell("jobs_cut"), { address: reportedCell("jobs_cut"), formula: `=$${base.charAt(0)}$${base.slice(1)}`, value: 23_000 });
    const result = presetFromSheet(meta, [...cells.values()], options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual(["jobs_cut", "cost_per_employee"]);
    expect(result.value.inputs.find((i) => i.key === "jobs_cut")?.reported).toBeUndefined();
    expect(result.value.inputs.find((i) => i.key === "cost_per_employee")?.reported).toEqual({
      value: 180_000,
      source: "workbook-reported",
      note: "Typed into the workbook on 2026-11-29; the preset had none.",
    });
  });

  it("does not stack notes or sources when a saved preset is loaded, edited and saved again", () => {
    const cells = freshCells();
    cells.set(reportedCell("jobs_cut"), { address: reportedCell("jobs_cut"), value: 7_500 });
    const first = presetFromSheet(meta, [...cells.values()], options);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const secondPlan = planSheet(first.value);
    const again = new Map<string, SheetCell>();
    for (const cell of secondPlan.cells) {
      const c = cell.content;
      again.set(cell.address, c.kind === "formula" ? { address: cell.address, formula: c.formula, value: 0 } : { address: cell.address, value: c.kind === "text" ? c.text : c.value });
    }
    const at = secondPlan.keyCells.jobs_cut?.reported ?? "";
    again.set(at, { address: at, value: 7_000 });
    const second = presetFromSheet(first.value, [...again.values()], { ...options, today: "2026-11-30" });
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    const jobs = second.value.inputs.find((i) => i.key === "jobs_cut");
    expect(jobs?.reported?.value).toBe(7_000);
    expect(jobs?.reported?.source).toBe("workbook-reported-2");
    expect(jobs?.reported?.note).toBe(`Typed into the workbook on 2026-11-30; the preset had 7,500. ${meta.inputs[0]?.reported?.note}`);
    expect(second.value.sources.filter((s) => s.id.startsWith("workbook-reported")).map((s) => s.id)).toEqual(["workbook-reported", "workbook-reported-2"]);
  });

  it("names the Reported cell that holds no number", () => {
    const cells = freshCells();
    cells.set(reportedCell("ai_capex"), { address: reportedCell("ai_capex"), value: "about 125B" });
    const result = presetFromSheet(meta, [...cells.values()], options);
    expect(result.ok || result.issues).toEqual([
      { address: reportedCell("ai_capex"), message: `${reportedCell("ai_capex")} (Reported of “AI capital expenditure, 2026”): expected a number, found "about 125B"` },
    ]);
  });

  it("leaves the Reported column unread when asked (the uncertainty tools): text there stops nothing, and the preset's figures stay", () => {
    const cells = freshCells();
    cells.set(reportedCell("ai_capex"), { address: reportedCell("ai_capex"), value: "about 125B" });
    cells.set(plan.keyCells.ai_capex?.high ?? "", { address: plan.keyCells.ai_capex?.high ?? "", value: 70e9 });
    const result = presetFromSheet(meta, [...cells.values()], { ...options, readReported: false });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.changedKeys).toEqual(["ai_capex"]);
    const capex = result.value.inputs.find((i) => i.key === "ai_capex");
    expect(capex?.high).toBe(70e9);
    expect(capex?.reported).toEqual(meta.inputs.find((i) => i.key === "ai_capex")?.reported);
  });
});
