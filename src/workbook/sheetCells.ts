/**
 * Between a range as Office.js loads it and the cells the pure modules work
 * on (src/presets/freeze.ts, sheetToPreset.ts), both ways. Pure: no Office.js.
 */
import { cellAddress, parseCellAddress } from "../presets/address";
import type { FrozenSheet, SheetCell, SheetCellValue } from "../presets/freeze";
import { textEntry } from "./writePlan";

/** A range as loaded with `load("rowIndex,columnIndex,formulas,values,valueTypes")`. */
export interface LoadedRange {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

/**
 * The non-empty cells of a loaded range, row by row. A cell holds a formula
 * when `formulas` gives a string starting with "=" that differs from its value:
 * literal text such as "=not a formula" (written with Excel's apostrophe) comes
 * back from both as the same text, so it stays text.
 */
export function sheetCellsOf(range: LoadedRange): SheetCell[] {
  const cells: SheetCell[] = [];
  range.values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const type = range.valueTypes[r]?.[c] ?? "Empty";
      const formulaRaw = range.formulas[r]?.[c];
      const formula = typeof formulaRaw === "string" && formulaRaw.startsWith("=") && formulaRaw !== raw ? formulaRaw : undefined;
      if (type === "Empty" && formula === undefined) return;
      let value: SheetCellValue;
      if (type === "Error") value = { error: String(raw) };
      else if (type === "Empty") value = null;
      else if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") value = raw;
      else value = raw === null || raw === undefined ? null : String(raw);
      const address = cellAddress(range.rowIndex + r, range.columnIndex + c);
      cells.push(formula === undefined ? { address, value } : { address, formula, value });
    });
  });
  return cells;
}

/** One entry of a formulas array: a formula, a number, a boolean, text as Excel will read it, or null (leave the cell alone). */
export type WriteEntry = string | number | boolean | null;

/** The writes that turn a copy of a model sheet into its frozen form. */
export interface FrozenWrite {
  /** The rectangle of the frozen cells (0-based), or undefined when no cell was frozen. */
  readonly area?: { readonly top: number; readonly left: number; readonly rows: number; readonly columns: number };
  readonly formulas: readonly (readonly WriteEntry[])[];
  /** Number formats to set first (the text format where a frozen value is letter-first text), or undefined when none changes. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Where the "Values frozen on ..." line goes, and how it is written. */
  readonly lineAddress: string;
  readonly lineEntry: string;
  readonly lineNumberFormat: string | null;
}

/** How many rows under the title are searched for an empty row to hold the line. */
const lineSearchRows = 10;

/**
 * Plans the writes of a frozen copy: only the cells whose AICOST formulas were
 * replaced, in one formulas array over their bounding rectangle (null leaves
 * every other cell as copied), and the line in the first empty row below the
 * first row (within ten rows), else two rows below the last.
 */
export function planFrozenWrite(original: readonly SheetCell[], frozen: FrozenSheet): FrozenWrite {
  const frozenSet = new Set(frozen.frozen);
  const changed = frozen.cells.filter((cell) => frozenSet.has(cell.address));
  const positions = changed.map((cell) => {
    const at = parseCellAddress(cell.address);
    if (at === undefined) throw new Error(`"${cell.address}" is not a cell address`);
    return { cell, ...at };
  });

  const occupied = new Set<number>();
  let firstRow = Infinity;
  let lastRow = -1;
  let firstColumn = Infinity;
  for (const cell of original) {
    const at = parseCellAddress(cell.address);
    if (at === undefined) continue;
    occupied.add(at.row);
    firstRow = Math.min(firstRow, at.row);
    lastRow = Math.max(lastRow, at.row);
    firstColumn = Math.min(firstColumn, at.column);
  }
  if (lastRow < 0) {
    firstRow = 0;
    firstColumn = 0;
  }
  let lineRow = lastRow < 0 ? 0 : lastRow + 2;
  for (let row = firstRow + 1; row <= firstRow + lineSearchRows && row <= lastRow; row++) {
    if (!occupied.has(row)) {
      lineRow = row;
      break;
    }
  }
  const line = textEntry(frozen.line);
  const lineParts = { lineAddress: cellAddress(lineRow, firstColumn), lineEntry: line.entry, lineNumberFormat: line.numberFormat };

  if (positions.length === 0) return { formulas: [], ...lineParts };
  const top = Math.min(...positions.map((p) => p.row));
  const bottom = Math.max(...positions.map((p) => p.row));
  const left = Math.min(...positions.map((p) => p.column));
  const right = Math.max(...positions.map((p) => p.column));
  const rows = bottom - top + 1;
  const columns = right - left + 1;
  const formulas: WriteEntry[][] = Array.from({ length: rows }, () => new Array<WriteEntry>(columns).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(columns).fill(null));
  let anyFormat = false;
  for (const { cell, row, column } of positions) {
    const r = row - top;
    const c = column - left;
    const rowEntries = formulas[r] as WriteEntry[];
    if (cell.formula !== undefined) {
      rowEntries[c] = cell.formula; // an error literal such as "=#NUM!"
      continue;
    }
    const value = cell.value;
    if (typeof value === "string" && value !== "") {
      const entry = textEntry(value);
      rowEntries[c] = entry.entry;
      if (entry.numberFormat !== null) {
        (numberFormats[r] as (string | null)[])[c] = entry.numberFormat;
        anyFormat = true;
      }
    } else if (typeof value === "number" || typeof value === "boolean") {
      rowEntries[c] = value;
    } else {
      rowEntries[c] = ""; // an empty result ("" or nothing): clear the formula
    }
  }
  return {
    area: { top, left, rows, columns },
    formulas,
    ...(anyFormat ? { numberFormats } : {}),
    ...lineParts,
  };
}
