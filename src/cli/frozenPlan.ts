/**
 * The plan behind `export --values`: the preset's sheet with every formula
 * that calls an AICOST function replaced by the value HyperFormula computed
 * for it (freezeSheet in src/presets/freeze.ts), and the "Values frozen on ..."
 * line in the first empty row under the title, as the task pane's frozen copy
 * has it. Formulas that call no AICOST function stay, with their values
 * cached: they keep working in a workbook without the add-in.
 */
import type { EvaluatedSheet } from "../hyperformula/evaluatePlan";
import { cellAddress, parseCellAddress } from "../presets/address";
import { textNumberFormat } from "../presets/formats";
import { freezeSheet, type FreezeOrigin, type SheetCell } from "../presets/freeze";
import type { PlannedCell, PlannedContent, SheetPlan } from "../presets/plan.types";
import type { SheetValue, ValueAt } from "./xlsxWorkbook";

export interface FrozenPlan {
  /** The plan to write: frozen cells as constants (or error literals such as "=#NUM!"), the line added. */
  readonly plan: SheetPlan;
  /** The value of every formula left in the plan, to cache in the file. */
  readonly valueAt: ValueAt;
  /** Addresses of the cells whose AICOST formulas were replaced. */
  readonly frozen: readonly string[];
  readonly line: string;
  readonly lineAddress: string;
}

export type FrozenPlanResult = { readonly ok: true; readonly value: FrozenPlan } | { readonly ok: false; readonly message: string };

/** How many rows under the first row are searched for an empty one to hold the line. */
const lineSearchRows = 10;

/** The first empty row under the first row (within ten rows), else two rows under the last. */
export function frozenLineRow(cells: readonly PlannedCell[]): number {
  if (cells.length === 0) return 0;
  const occupied = new Set(cells.map((cell) => cell.row));
  const firstRow = Math.min(...occupied);
  const lastRow = Math.max(...occupied);
  for (let row = firstRow + 1; row <= Math.min(firstRow + lineSearchRows, lastRow); row++) {
    if (!occupied.has(row)) return row;
  }
  return lastRow + 2;
}

/** What a frozen cell holds; undefined for an empty value, which leaves the cell empty. */
function frozenContent(cell: SheetCell): PlannedContent | undefined {
  if (cell.formula !== undefined) return { kind: "formula", formula: cell.formula };
  const { value } = cell;
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return { kind: "text", text: value };
  // AICOST functions return numbers or errors; a boolean could only come from a formula around one.
  if (typeof value === "boolean") return { kind: "formula", formula: value ? "=TRUE" : "=FALSE" };
  return undefined;
}

/** The evaluated sheet's plan with its AICOST formulas frozen, as of `origin.frozenAt`. */
export function freezePlan(sheet: EvaluatedSheet, origin: FreezeOrigin): FrozenPlanResult {
  const { plan } = sheet;
  const cells: SheetCell[] = sheet.cells.map(({ cell, value }) =>
    cell.content.kind === "formula" ? { address: cell.address, formula: cell.content.formula, value } : { address: cell.address, value },
  );
  const result = freezeSheet(cells, origin);
  if (!result.ok) return { ok: false, message: result.error.message };
  const { frozen, line } = result.value;
  const frozenSet = new Set(frozen);
  const frozenByAddress = new Map(result.value.cells.map((cell) => [cell.address, cell]));

  const values = new Map<string, SheetValue>();
  const planned: PlannedCell[] = [];
  for (const { cell, value } of sheet.cells) {
    const replaced = frozenSet.has(cell.address) ? frozenByAddress.get(cell.address) : undefined;
    if (replaced === undefined) {
      planned.push(cell);
      values.set(cell.address, value);
      continue;
    }
    const content = frozenContent(replaced);
    if (content === undefined) continue;
    planned.push({ ...cell, content });
    values.set(cell.address, replaced.value);
  }

  const lineRow = frozenLineRow(plan.cells);
  const lineAddress = cellAddress(lineRow, 0);
  planned.push({ address: lineAddress, row: lineRow, column: 0, content: { kind: "text", text: line }, role: "note", numberFormat: textNumberFormat });
  values.set(lineAddress, line);
  planned.sort((a, b) => a.row - b.row || a.column - b.column);

  const end = parseCellAddress(plan.usedRange.split(":").pop() ?? "") ?? { row: 0, column: 0 };
  const usedRange = `A1:${cellAddress(Math.max(end.row, lineRow), end.column)}`;
  return {
    ok: true,
    value: {
      plan: { ...plan, cells: planned, usedRange },
      valueAt: (address) => values.get(address),
      frozen,
      line,
      lineAddress,
    },
  };
}
