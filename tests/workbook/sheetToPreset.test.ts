/*
 * presetFromSheet reads each value where the preset's plan put it: after rows
 * were inserted or deleted in the inputs table, the values there belong to
 * other inputs, and reading them would save (or simulate) wrong numbers.
 */
import { describe, expect, it } from "vitest";
import { cellAddress, findPreset, parseCellAddress, planSheet, type Preset, type SheetCell } from "../../src/presets";
import { presetFromSheet } from "../../src/workbook/sheetToPreset";

const options = { id: "mine", title: "Mine", sheetName: "Sheet", today: "2026-11-29" };

/** A formula as Excel adjusts it when rows from `from` (0-based) move by `by`: references to those rows follow them. */
function adjusted(formula: string, moved?: { from: number; by: number }): string {
  if (moved === undefined) return formula;
  return formula.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (whole, column: string, row: string) => {
    const r = Number(row) - 1;
    return r >= moved.from ? `${column}${r + moved.by + 1}` : whole;
  });
}

/** The cells of a freshly loaded sheet, as readModel returns them, with every row from `from` (0-based) moved by `by` rows. */
function cellsOf(preset: Preset, moved?: { from: number; by: number }): SheetCell[] {
  const plan = planSheet(preset);
  return plan.cells.flatMap((cell): SheetCell[] => {
    const c = cell.content;
    const at = parseCellAddress(cell.address)!;
    if (moved !== undefined && moved.by < 0 && at.row >= moved.from && at.row < moved.from - moved.by) return []; // deleted
    const row = moved !== undefined && at.row >= moved.from ? at.row + moved.by : at.row;
    const address = cellAddress(row, at.column);
    return [
      c.kind === "formula"
        ? { address, formula: adjusted(c.formula, moved), value: 0 }
        : { address, value: c.kind === "text" ? c.text : c.value },
    ];
  });
}

for (const id of ["meta-2026", "ai-business-case"]) {
  describe(`presetFromSheet on ${id} after rows moved`, () => {
    const preset = findPreset(id) as Preset;
    const plan = planSheet(preset);
    const rowOf = (key: string): number => parseCellAddress(plan.keyCells[key]!.base)!.row;
    const second = preset.inputs[1]!;

    it("refuses, naming the row, when a copy of a row was inserted inside the inputs table (Insert Copied Cells)", () => {
      const row = rowOf(second.key);
      // The user copies the row of the second input and inserts the copied cells there (to add a line of their own).
      const copied = cellsOf(preset).filter((cell) => parseCellAddress(cell.address)!.row === row);
      const cells = [...cellsOf(preset, { from: row, by: 1 }), ...copied];
      const result = presetFromSheet(preset, cells, options);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues[0]?.message).toMatch(/rows were inserted or deleted/);
    });

    it("refuses when a row of the inputs table was deleted", () => {
      const result = presetFromSheet(preset, cellsOf(preset, { from: rowOf(second.key), by: -1 }), options);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues[0]?.message).toMatch(/rows were inserted or deleted/);
    });

    it("still reads a sheet whose labels the user edited, and one whose rows below the inputs moved", () => {
      const cells = cellsOf(preset, { from: rowOf(preset.inputs.at(-1)!.key) + 1, by: 2 });
      const label = cells.find((c) => c.address === cellAddress(rowOf(second.key), 0));
      if (label !== undefined) Object.assign(label, { value: "Renamed by me" });
      const result = presetFromSheet(preset, cells, options);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.value.inputs.map((i) => i.base)).toEqual(preset.inputs.map((i) => i.base));
    });
  });
}
