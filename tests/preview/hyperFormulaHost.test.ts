/*
 * The preview's HyperFormula host loads a sheet plan as the Excel host does:
 * a free sheet name, every planned cell (text kept literal), the layout, the new
 * sheet active; and a failed load leaves the workbook as it was.
 */
import { DetailedCellError } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { builtInPresets, cellAddress as a1Of, parseCellAddress, planSheet, type PlannedCell, type SheetPlan } from "../../src/presets";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import { lookKey, PreviewWorkbook, type WorkbookEvent } from "../../src/preview/workbook";

const workbooks: PreviewWorkbook[] = [];

function newWorkbook(sheets: Record<string, (string | number | null)[][]> = { Sheet1: [] }): PreviewWorkbook {
  const workbook = new PreviewWorkbook(createAicostEngine(sheets));
  workbooks.push(workbook);
  return workbook;
}

afterEach(() => {
  for (const workbook of workbooks.splice(0)) workbook.engine.destroy();
});

function textCell(row: number, column: number, text: string): PlannedCell {
  const letters = String.fromCharCode(65 + column);
  return { address: `${letters}${row + 1}`, row, column, content: { kind: "text", text }, role: "label", numberFormat: "@" };
}

function smallPlan(cells: PlannedCell[], sheetName = "Tiny"): SheetPlan {
  return { presetId: "tiny", sheetName, cells, usedRange: "A1:B1", columnWidths: [], freezeRows: 0, keyCells: {} };
}

/** Everything a user could see of a workbook: sheet names, the active sheet, and every value. */
function snapshot(workbook: PreviewWorkbook): unknown {
  const engine = workbook.engine;
  return {
    names: workbook.sheetNames(),
    active: workbook.activeSheetName,
    values: workbook.sheetNames().map((name) =>
      engine.getSheetValues(engine.getSheetId(name) as number).map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : v))),
    ),
  };
}

describe("HyperFormulaHost", () => {
  it("is named Preview and has no requirement problem", () => {
    const host = new HyperFormulaHost(newWorkbook());
    expect(host.name).toBe("Preview");
    expect(host.requirementProblem()).toBeNull();
  });

  it("starts with an empty Sheet1", () => {
    const workbook = newWorkbook();
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    expect(workbook.activeSheetName).toBe("Sheet1");
    expect(workbook.usedSize(workbook.activeSheetId)).toEqual({ rows: 0, columns: 0 });
  });

  it("loads a preset under its own name, then under the next free name, and activates each", async () => {
    const workbook = newWorkbook();
    const host = new HyperFormulaHost(workbook);
    const preset = builtInPresets[0];
    if (!preset) throw new Error("no built-in presets");
    const plan = planSheet(preset);
    const first = await host.loadPlan(plan);
    expect(first.sheetName).toBe(plan.sheetName);
    expect(workbook.activeSheetName).toBe(plan.sheetName);
    const second = await host.loadPlan(plan);
    expect(second.sheetName).toBe(`${plan.sheetName} (2)`);
    expect(workbook.activeSheetName).toBe(`${plan.sheetName} (2)`);
    const third = await host.loadPlan(plan);
    expect(third.sheetName).toBe(`${plan.sheetName} (3)`);
    expect(workbook.sheetNames()).toEqual(["Sheet1", plan.sheetName, `${plan.sheetName} (2)`, `${plan.sheetName} (3)`]);
  });

  it("treats a name taken in another case as taken, as Excel does", async () => {
    const workbook = newWorkbook({ Sheet1: [], "TINY": [] });
    const outcome = await new HyperFormulaHost(workbook).loadPlan(smallPlan([textCell(0, 0, "x")], "Tiny"));
    expect(outcome.sheetName).toBe("Tiny (2)");
  });

  for (const preset of builtInPresets) {
    it(`writes every planned cell of ${preset.id}, with its look, widths, frozen rows and chart`, async () => {
      const workbook = newWorkbook();
      const plan = planSheet(preset);
      const { sheetName } = await new HyperFormulaHost(workbook).loadPlan(plan);
      const engine = workbook.engine;
      const sheet = workbook.sheetId(sheetName) as number;
      const layout = workbook.layout(sheet);
      for (const cell of plan.cells) {
        const at = { sheet, row: cell.row, col: cell.column };
        const where = `${sheetName}!${cell.address}`;
        switch (cell.content.kind) {
          case "text":
            expect(engine.getCellFormula(at), where).toBeUndefined();
            expect(engine.getCellValue(at), where).toBe(cell.content.text);
            break;
          case "number":
            expect(engine.getCellValue(at), where).toBe(cell.content.value);
            break;
          case "formula": {
            expect(engine.getCellFormula(at), where).toBe(cell.content.formula);
            const value = engine.getCellValue(at);
            // A formula the engine cannot read or name shows #ERROR! or #NAME?; none of the presets' may.
            if (value instanceof DetailedCellError) expect(["#ERROR!", "#NAME?", "#REF!"], `${where}: ${value.message}`).not.toContain(value.value);
            break;
          }
        }
        const check = plan.checks?.find((c) => c.range === `${a1Of(cell.row, 1)}:${a1Of(cell.row, 3)}` && cell.column >= 1 && cell.column <= 3);
        const checkAt = check === undefined ? undefined : parseCellAddress(check.cell);
        expect(layout.looks.get(lookKey(cell.row, cell.column)), where).toEqual({
          role: cell.role,
          ...(cell.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }),
          ...(cell.hyperlink === undefined ? {} : { hyperlink: cell.hyperlink }),
          ...(checkAt === undefined ? {} : { checkedBy: lookKey(checkAt.row, checkAt.column) }),
        });
      }
      // Nothing but the planned cells.
      const planned = new Set(plan.cells.map((c) => lookKey(c.row, c.column)));
      engine.getSheetSerialized(sheet).forEach((row, r) =>
        row.forEach((raw, c) => {
          if (raw !== null && raw !== undefined) expect(planned.has(lookKey(r, c)), `unplanned ${r},${c}`).toBe(true);
        }),
      );
      expect([...layout.columnWidthsPoints]).toEqual(plan.columnWidths.map((w) => [w.column, w.widthPoints]));
      expect(layout.freezeRows).toBe(plan.freezeRows);
      expect(layout.chart).toEqual(plan.chart);
    });
  }

  it("keeps text literal: formulas, apostrophes, numbers, booleans, errors and dates written as text stay text", async () => {
    const texts = ["=1+1", "'quoted", "2026-04", "TRUE", "#N/A", "50%", "+1", "-2", "@SUM(A1)", "$5", "  padded  ", "=AICOST.GPU_TCO(1, 2)"];
    const cells = texts.map((text, i) => textCell(i, 0, text));
    const workbook = newWorkbook();
    const { sheetName } = await new HyperFormulaHost(workbook).loadPlan({ ...smallPlan(cells), usedRange: `A1:A${texts.length}` });
    const sheet = workbook.sheetId(sheetName) as number;
    texts.forEach((text, row) => {
      expect(workbook.engine.getCellFormula({ sheet, row, col: 0 })).toBeUndefined();
      expect(workbook.engine.getCellValue({ sheet, row, col: 0 })).toBe(text);
      // Entering the formula bar's text unchanged keeps the same value.
      const typed = workbook.editText(sheet, row, 0);
      workbook.enter(sheet, row, 0, typed);
      expect(workbook.engine.getCellValue({ sheet, row, col: 0 }), typed).toBe(text);
    });
  });

  it("rejects a plan Excel would reject, before touching the workbook", async () => {
    const workbook = newWorkbook({ Sheet1: [[1, "=A1*2"]] });
    const before = snapshot(workbook);
    const bad = smallPlan([{ ...textCell(0, 0, "x"), address: "Z9" }]);
    await expect(new HyperFormulaHost(workbook).loadPlan(bad)).rejects.toThrow(/Z9/);
    expect(snapshot(workbook)).toEqual(before);
  });

  it("removes the half-written sheet when writing fails, and tells no listener about it", async () => {
    // Row 50,000 is on an Excel sheet but beyond HyperFormula's default 40,000 rows, so the
    // failure comes from the engine after the sheet was added.
    const workbook = newWorkbook({ Sheet1: [["='Tiny'!A1", 5, "=B1*2"]] });
    const host = new HyperFormulaHost(workbook);
    const before = snapshot(workbook);
    const events: WorkbookEvent[] = [];
    workbook.subscribe((event) => events.push(event));
    const far: PlannedCell = { address: "A50000", row: 49_999, column: 0, content: { kind: "number", value: 1 }, role: "input" };
    await expect(host.loadPlan({ ...smallPlan([textCell(0, 0, "x"), far]), usedRange: "A1:A50000" })).rejects.toThrow(
      /Loading "Tiny" into the preview failed: .*The workbook is unchanged\./s,
    );
    expect(snapshot(workbook)).toEqual(before);
    expect(events.filter((event) => event.kind !== "cells")).toEqual([]);
    // And the workbook still works: the name is free again.
    const outcome = await host.loadPlan(smallPlan([textCell(0, 0, "x")]));
    expect(outcome.sheetName).toBe("Tiny");
  });

  it("recalculates the dependents of an edited assumption and reports the changed cells", async () => {
    const preset = builtInPresets.find((p) => p.inputs.length > 0 && p.outputs.length > 0);
    if (!preset) throw new Error("no preset with inputs and outputs");
    const plan = planSheet(preset);
    const workbook = newWorkbook();
    const { sheetName } = await new HyperFormulaHost(workbook).loadPlan(plan);
    const sheet = workbook.sheetId(sheetName) as number;
    const input = preset.inputs[0];
    if (!input) throw new Error("no input");
    const base = plan.keyCells[input.key]?.base;
    const lowLink = plan.keyCells[input.key]?.low;
    if (!base || !lowLink) throw new Error(`no key cell for ${input.key}`);
    const baseCell = plan.cells.find((c) => c.address === base) as PlannedCell;
    const changed: string[] = [];
    workbook.subscribe((event) => {
      if (event.kind === "cells" && event.sheetId === sheet) changed.push(...event.cells.map((c) => `${c.row},${c.column}`));
    });
    const doubled = input.base * 2 + 1;
    workbook.enter(sheet, baseCell.row, baseCell.column, String(doubled));
    expect(workbook.value(sheet, baseCell.row, baseCell.column)).toBe(doubled);
    expect(changed).toContain(`${baseCell.row},${baseCell.column}`);
    // Where Low repeats Base by formula, it follows the edit.
    const lowCell = plan.cells.find((c) => c.address === lowLink) as PlannedCell;
    if (lowCell.content.kind === "formula") {
      expect(workbook.value(sheet, lowCell.row, lowCell.column)).toBe(doubled);
      expect(changed).toContain(`${lowCell.row},${lowCell.column}`);
    }
    expect(changed.length).toBeGreaterThan(1);
  });

  it("computes AICOST formulas typed into a cell, errors with their messages", () => {
    const workbook = newWorkbook();
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "=AICOST.GPU_TCO(100000, 27500, 3, 250000000)");
    expect(workbook.value(sheet, 0, 0)).toBe(100000 * 27500 + 3 * 250000000);
    workbook.enter(sheet, 1, 0, "=AICOST.GPU_HOUR_COST(1, 0, 1)");
    const error = workbook.value(sheet, 1, 0);
    expect(error).toMatchObject({ error: "#NUM!" });
    expect((error as { message: string }).message).toContain("gpu_count");
    expect(workbook.editText(sheet, 1, 0)).toBe("=AICOST.GPU_HOUR_COST(1, 0, 1)");
  });
});
