/**
 * Evaluates a sheet plan in HyperFormula with the AICOST functions: what Excel
 * would show, computed in Node for the command line, the preview and tests.
 */
import { DetailedCellError } from "hyperformula";
import { parseCellAddress } from "../presets/address";
import { formatForDisplay } from "../presets/display";
import type { PlannedCell, SheetPlan } from "../presets/plan.types";
import { createAicostEngine } from "./aicostPlugin";
import { planToSheetContent } from "./planContent";

/** A computed cell value; an error carries its Excel code ("#NUM!") and the message behind it. */
export type EvaluatedValue = number | string | boolean | null | { readonly error: string; readonly message: string };

export interface EvaluatedCell {
  readonly cell: PlannedCell;
  readonly value: EvaluatedValue;
  /** The value as Excel shows it under the cell's number format. */
  readonly display: string;
}

export interface EvaluatedSheet {
  readonly plan: SheetPlan;
  /** One per planned cell, in the plan's order. */
  readonly cells: readonly EvaluatedCell[];
  /** The value at an A1 address ("C7"); null for an empty cell. Throws on a malformed address. */
  valueAt(address: string): EvaluatedValue;
}

function toEvaluatedValue(raw: unknown): EvaluatedValue {
  if (raw instanceof DetailedCellError) return Object.freeze({ error: raw.value, message: raw.message });
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  return Object.freeze({
    error: "#VALUE!",
    message: "a value the sheet cannot show",
  });
}

/** Computes every cell of a plan. The engine is released before this returns. */
export function evaluatePlan(plan: SheetPlan): EvaluatedSheet {
  const sheetName = plan.sheetName;
  const engine = createAicostEngine({ [sheetName]: planToSheetContent(plan) });
  let values: EvaluatedValue[][];
  try {
    const sheet = engine.getSheetId(sheetName);
    if (sheet === undefined) throw new Error(`HyperFormula did not create the sheet "${sheetName}"`);
    values = engine.getSheetValues(sheet).map((row) => row.map(toEvaluatedValue));
  } finally {
    engine.destroy();
  }
  const valueAtPosition = (row: number, column: number): EvaluatedValue => values[row]?.[column] ?? null;
  const cells = plan.cells.map((cell): EvaluatedCell => {
    const value = valueAtPosition(cell.row, cell.column);
    return { cell, value, display: formatForDisplay(value, cell.numberFormat) };
  });
  return {
    plan,
    cells,
    valueAt(address: string): EvaluatedValue {
      const position = parseCellAddress(address);
      if (position === undefined) throw new Error(`not an A1 cell address: ${JSON.stringify(address)}`);
      return valueAtPosition(position.row, position.column);
    },
  };
}
