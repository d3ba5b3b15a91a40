/*
 * Warn when the edit is made, not only at saving: each input row carries a
 * check formula (column H) that reads "Low is above Base" or "Base is above
 * High" as soon as the order breaks, and a conditional format that highlights
 * the row's Low, Base and High meanwhile. And amounts in messages and edit
 * notes are written as the sheet writes them, never as raw digits.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { planToSheetContent } from "../../src/hyperformula/planContent";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { builtInPresets, checkRuleFormula, findPreset, formatAmounts, parsePreset, planSheet, type Preset } from "../../src/presets";
import { planColumnsOf } from "../../src/presets/plan";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";
import { tinyPreset } from "./helpers";

const meta = findPreset("meta-2026") as Preset;

/** The value of a plan's cell after typing `typed` into the given cells, computed by HyperFormula. */
function afterEdits(preset: Preset, edits: Record<string, number>, address: string): unknown {
  const plan = planSheet(preset);
  const engine = createAicostEngine({ S: planToSheetContent(plan) });
  try {
    const sheet = engine.getSheetId("S") as number;
    for (const [at, value] of Object.entries(edits)) {
      const cell = engine.simpleCellAddressFromString(at, sheet);
      if (cell === undefined) throw new Error(at);
      engine.setCellContents(cell, value);
    }
    return engine.getCellValue(engine.simpleCellAddressFromString(address, sheet) as never);
  } finally {
    engine.destroy();
  }
}

describe("an input's check in the sheet", () => {
  // Right of the tables: H, or I on a sheet with a Reported column (meta-2026 has one).
  const checkLetter = String.fromCharCode(65 + planColumnsOf(findPreset("meta-2026") as Preset).check);
  const plan = planSheet(meta);
  const capex = plan.keyCells.ai_capex as { low: string; base: string; high: string };
  const row = Number(capex.base.slice(1));
  const check = `${checkLetter}${row}`;

  it("sits right of the tables, one per input that is not derived, and no output moves", () => {
    const inputs = meta.inputs.filter((input) => input.derived !== true);
    expect(plan.checks?.map((c) => c.cell)).toEqual(inputs.map((input) => `${checkLetter}${Number(plan.keyCells[input.key]?.base.slice(1))}`));
    expect(plan.checks?.find((c) => c.cell === check)?.range).toBe(`B${row}:D${row}`);
    expect(plan.cells.find((c) => c.address === check)?.role).toBe("check");
    // The outputs stay where they were (the e2e tests read them there).
    for (const output of meta.outputs) expect(plan.keyCells[output.key]?.base).toMatch(/^C\d+$/);
  });

  it("shows nothing while Low <= Base <= High, in every built-in preset", () => {
    for (const preset of builtInPresets) {
      const sheet = evaluatePlan(planSheet(preset));
      for (const c of planSheet(preset).checks ?? []) expect(sheet.valueAt(c.cell), `${preset.id} ${c.cell}`).toBe("");
    }
  });

  it("says which value is out of order as soon as it is typed, and nothing once it is put right", () => {
    expect(afterEdits(meta, { [capex.high]: 50e9 }, check)).toBe("Base is above High");
    expect(afterEdits(meta, { [capex.low]: 90e9 }, check)).toBe("Low is above Base");
    expect(afterEdits(meta, { [capex.low]: 90e9, [capex.base]: 95e9, [capex.high]: 99e9 }, check)).toBe("");
    expect(afterEdits(meta, { [capex.base]: Number.NaN }, check)).toBe(""); // not a number: saving names that cell
  });

  it("highlights the row's values through a rule that reads the check", () => {
    const rule = plan.checks?.find((c) => c.cell === check);
    if (rule === undefined) throw new Error("no check");
    expect(checkRuleFormula(rule)).toBe(`=$${checkLetter}$${row}<>""`);
  });

  it("has no check for a derived input, whose columns follow the scenarios", () => {
    const derived = builtInPresets.flatMap((p) => p.inputs.filter((i) => i.derived === true).map((i) => [p, i] as const));
    for (const [preset, input] of derived) {
      const at = planSheet(preset).keyCells[input.key]?.base as string;
      expect(planSheet(preset).checks?.some((c) => c.range.includes(at.replace(/^C/, "B")))).toBe(false);
    }
  });
});

describe("amounts in messages are written as the sheet writes them", () => {
  it("quotes the input's own format: $70.0B, not 70000000000", () => {
    const preset = { ...meta, inputs: meta.inputs.map((i) => (i.key === "ai_capex" ? { ...i, base: 70e9, high: 65e9, low: 60e9 } : i)) };
    const result = parsePreset(preset);
    expect(result.ok || result.error.message).toMatch(/^inputs\[\d+\]\.high: must not be below base \(\$70\.0B\), got \$65\.0B$/);
  });

  it("writes every digit when the format would show two amounts alike", () => {
    expect(formatAmounts([62_500_000_000, 62_480_000_000], "usdBillions")).toEqual(["$62,500,000,000", "$62,480,000,000"]);
    expect(formatAmounts([0.125, 0.1249], "fraction")).toEqual(["12.5%", "12.49%"]);
    expect(formatAmounts([150_000, 70e9], "usd")).toEqual(["$150,000", "$70,000,000,000"]);
    expect(formatAmounts([1.25, 1.3], "ratio")).toEqual(["1.25x", "1.3x"]); // both "1.3x" in the sheet
  });

  it("writes the edit note with the preset's amount as the sheet shows it", () => {
    const plan = planSheet(meta);
    const at = plan.keyCells.ai_capex as { low: string; base: string; high: string };
    const cells = plan.cells.map((cell) => {
      const c = cell.content;
      const value = cell.address === at.base ? 64e9 : c.kind === "number" ? c.value : c.kind === "text" ? c.text : 0;
      return { address: cell.address, value, ...(c.kind === "formula" ? { formula: c.formula } : {}) };
    });
    const result = presetFromSheet(meta, cells, { id: "edited", title: "Edited", sheetName: "Meta 2026", today: "2026-05-02" });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
    const note = result.value.inputs.find((i) => i.key === "ai_capex")?.note ?? "";
    expect(note).toMatch(/^Edited in the workbook on 2026-05-02; the preset had base \$\d+\.\dB\./);
    expect(note).not.toMatch(/\d{5}/);
  });

  it("refuses saving a sheet whose Base is above its High with the message the README shows", () => {
    const plan = planSheet(meta);
    const at = plan.keyCells.ai_capex as { low: string; base: string; high: string };
    const typed: Record<string, number> = { [at.base]: 70e9, [at.high]: 65e9 };
    const cells = plan.cells.map((cell) => {
      const c = cell.content;
      const value = typed[cell.address] ?? (c.kind === "number" ? c.value : c.kind === "text" ? c.text : 0);
      return { address: cell.address, value, ...(c.kind === "formula" && typed[cell.address] === undefined ? { formula: c.formula } : {}) };
    });
    const result = presetFromSheet(meta, cells, { id: "edited", title: "Edited", sheetName: "Meta 2026", today: "2026-05-02" });
    const message = result.ok ? "" : (result.issues[0]?.message ?? "");
    expect(message).toBe("D8 (High of “AI capital expenditure, 2026”): must not be below base ($70.0B), got $65.0B");
    expect(readFileSync(resolve(__dirname, "../../README.md"), "utf8")).toContain(`\`${message}\``);
  });

  it("keeps a small count readable: must not exceed base (100), got 150", () => {
    const tiny = tinyPreset();
    const result = parsePreset({ ...tiny, inputs: tiny.inputs.map((i, n) => (n === 0 ? { ...i, low: 150 } : i)) });
    expect(result.ok || result.error.message).toBe("inputs[0].low: must not exceed base (100), got 150");
  });
});
