/** Plain-text tables for the terminal: aligned columns, like a sheet's grid without the lines. */
import { printable } from "./printable";

export interface TableCell {
  readonly text: string;
  readonly align: "left" | "right";
}

export interface TableOptions {
  /** The widest each column grows (by 0-based column); text cut short with "…" beyond it. */
  readonly maxWidths?: readonly (number | undefined)[];
  /** The widest a column without its own limit grows. */
  readonly defaultMaxWidth?: number;
}

/** Space between columns. */
const gap = 2;
/** A cell that runs over empty columns still gets at least this many characters before it is cut. */
const minSpanWidth = 12;

function fit(text: string, width: number): string {
  if (text.length <= width) return text;
  let end = Math.max(0, width - 1);
  // Never half of a surrogate pair: cut before an emoji rather than through it.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The columns that hold a cell in a row, in order. */
function filledColumns(row: readonly (TableCell | undefined)[]): number[] {
  const columns: number[] = [];
  row.forEach((cell, column) => {
    if (cell !== undefined) columns.push(column);
  });
  return columns;
}

/**
 * Renders rows of cells (holes are empty cells, missing rows blank lines) as a
 * sheet shows them: each column as wide as its widest cell, up to its limit
 * (right-aligned cells, the numbers, are never cut and may pass it).
 * Text runs on into the empty cells to its right, as it overflows in a sheet:
 * the last cell of a row is never cut and does not widen its column (so a long
 * title or note stays whole); a cell followed by empty cells may use their
 * width. Runs of blank rows become one blank line. Each cell's text is measured
 * as the terminal gets it, with the characters that could steer the terminal
 * written as `\uXXXX` (see printable.ts).
 */
export function renderTable(sparseRows: readonly (readonly (TableCell | undefined)[])[], options: TableOptions = {}): string {
  // Array.from fills holes, which map and forEach would skip.
  const rows = Array.from(sparseRows, (row) =>
    Array.from(row ?? [], (cell): TableCell | undefined => (cell === undefined ? undefined : { ...cell, text: printable(cell.text) })),
  );
  const filled = rows.map(filledColumns);
  const limit = (column: number): number => options.maxWidths?.[column] ?? options.defaultMaxWidth ?? Infinity;
  const widths: number[] = [];
  const widen = (column: number, width: number): void => {
    widths[column] = Math.max(widths[column] ?? 0, Math.min(width, limit(column)));
  };

  // Cells with a neighbour right next to them set their column's width.
  rows.forEach((row, r) => {
    const columns = filled[r] ?? [];
    columns.forEach((column, i) => {
      const next = columns[i + 1];
      const cell = row[column];
      if (next !== column + 1 || cell === undefined) return;
      // Numbers are never cut: a right-aligned cell widens its column past the limit.
      if (cell.align === "right") widths[column] = Math.max(widths[column] ?? 0, cell.text.length);
      else widen(column, cell.text.length);
    });
  });
  // Cells followed by empty columns need some room of their own.
  rows.forEach((row, r) => {
    const columns = filled[r] ?? [];
    columns.forEach((column, i) => {
      const next = columns[i + 1];
      if (next !== undefined && next > column + 1) widen(column, Math.min(row[column]?.text.length ?? 0, minSpanWidth));
    });
  });

  const columnCount = Math.max(0, ...filled.map((columns) => (columns[columns.length - 1] ?? -1) + 1));
  const offsets: number[] = [];
  let offset = 0;
  for (let column = 0; column <= columnCount; column++) {
    offsets[column] = offset;
    const width = widths[column] ?? 0;
    if (width > 0) offset += width + gap;
  }

  const lines = rows.map((row, r) => {
    const columns = filled[r] ?? [];
    let line = "";
    columns.forEach((column, i) => {
      const cell = row[column] as TableCell;
      const next = columns[i + 1];
      const room = next === undefined ? Infinity : (offsets[next] ?? 0) - (offsets[column] ?? 0) - gap;
      const text = fit(cell.text, room);
      line = line.padEnd(offsets[column] ?? 0);
      line += cell.align === "right" ? text.padStart(widths[column] ?? 0) : text;
    });
    return line.trimEnd();
  });
  const kept = lines.filter((line, i) => line !== "" || (i > 0 && lines[i - 1] !== ""));
  while (kept[0] === "") kept.shift();
  while (kept[kept.length - 1] === "") kept.pop();
  return kept.length === 0 ? "" : `${kept.join("\n")}\n`;
}
