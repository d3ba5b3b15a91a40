/**
 * A sheet plan as HyperFormula raw contents. HyperFormula reads a raw string
 * that starts with "=" as a formula and may read other strings as numbers,
 * booleans or dates; a leading apostrophe makes it text and is dropped. So
 * every text cell is written with one leading apostrophe, and text such as
 * "=1+1", "'quoted" or "2026-04" comes back exactly as planned.
 */
import { parseCellAddress } from "../presets/address";
import type { PlannedContent, SheetPlan } from "../presets/plan.types";

export type RawCellContent = string | number | boolean | null;

/** HyperFormula's marker for literal text: a leading apostrophe, which it strips. */
export const textPrefix = "'";

export function rawContentOf(content: PlannedContent): RawCellContent {
  switch (content.kind) {
    case "text":
      return `${textPrefix}${content.text}`;
    case "number":
      return content.value;
    case "formula":
      return content.formula;
  }
}

/** The plan's cells as a rectangular grid from A1 to the end of its used range; empty cells are null. */
export function planToSheetContent(plan: SheetPlan): RawCellContent[][] {
  const end = parseCellAddress(plan.usedRange.split(":").pop() ?? "");
  let rows = end === undefined ? 0 : end.row + 1;
  let columns = end === undefined ? 0 : end.column + 1;
  for (const cell of plan.cells) {
    rows = Math.max(rows, cell.row + 1);
    columns = Math.max(columns, cell.column + 1);
  }
  const grid: RawCellContent[][] = Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null));
  for (const cell of plan.cells) {
    (grid[cell.row] as RawCellContent[])[cell.column] = rawContentOf(cell.content);
  }
  return grid;
}
