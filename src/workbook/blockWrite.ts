/**
 * A block of cells inserted at the selection (WorkbookHost.insertAtSelection),
 * planned once for every host: what goes into Range.formulas and
 * Range.numberFormat (null leaves a cell as it is), the block's A1 address,
 * whether it fits on the sheet, and which of its cells already hold something.
 */
import { cellAddress } from "../presets/address";
import type { BlockCell } from "./host";
import { textEntry } from "./writePlan";

/** Excel's last row and column (0-based): 1,048,576 rows, 16,384 columns (XFD). */
export const excelLastRow = 1_048_575;
export const excelLastColumn = 16_383;

export interface BlockWrite {
  readonly rows: number;
  readonly columns: number;
  /** Row by row: the entry of each cell (text as Excel reads it back as text, a number, "=..."), null for an empty cell. */
  readonly formulas: readonly (readonly (string | number | null)[])[];
  /** Row by row: the number format of each cell, null to leave it. */
  readonly numberFormats: readonly (readonly (string | null)[])[];
}

/** The entries and number formats of a block, padded to its widest row. */
export function planBlockWrite(block: readonly (readonly (BlockCell | null)[])[]): BlockWrite {
  const columns = Math.max(1, ...block.map((row) => row.length));
  const formulas = block.map((row) =>
    Array.from({ length: columns }, (_, c): string | number | null => {
      const cell = row[c] ?? null;
      if (cell === null) return null;
      const content = cell.content;
      if (content.kind === "text") return textEntry(content.text).entry;
      return content.kind === "number" ? content.value : content.formula;
    }),
  );
  const numberFormats = block.map((row) =>
    Array.from({ length: columns }, (_, c): string | null => {
      const cell = row[c] ?? null;
      if (cell === null) return null;
      if (cell.content.kind === "text") return textEntry(cell.content.text).numberFormat;
      return cell.numberFormat ?? null;
    }),
  );
  return { rows: block.length, columns, formulas, numberFormats };
}

/** The A1 address of a block of `rows` x `columns` cells whose top-left cell is (row, column). */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const first = cellAddress(row, column);
  return rows === 1 && columns === 1 ? first : `${first}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** Whether a block of this size fits with its top-left cell at (row, column) on a sheet whose last row and column are given. */
export function blockFits(row: number, column: number, rows: number, columns: number, lastRow = excelLastRow, lastColumn = excelLastColumn): boolean {
  return row + rows - 1 <= lastRow && column + columns - 1 <= lastColumn;
}

/** How many occupied cells a refusal names at most. */
export const occupiedShown = 5;

/** The addresses of the cells of a block that hold something (`filled` tells, row by row from the block's top-left), the first few. */
export function occupiedCells(row: number, column: number, filled: readonly (readonly boolean[])[]): string[] {
  const found: string[] = [];
  filled.forEach((line, r) =>
    line.forEach((isFilled, c) => {
      if (isFilled && found.length < occupiedShown) found.push(cellAddress(row + r, column + c));
    }),
  );
  return found;
}
