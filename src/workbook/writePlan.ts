/**
 * Turns a sheet plan into the few range operations an Excel writer queues:
 * one 2-D formulas array and one 2-D number-format array for the used range
 * (null leaves a cell alone), one format operation per rectangle of cells that
 * share a style, one per run of equally wide columns, one per hyperlink, the
 * chart, and one conditional format per check. Pure: no Office.js, so it is tested and benchmarked in Node.
 */
import { cellAddress, columnLetters } from "../presets/address";
import type { PlannedCell, PlannedChart, PlannedCheck, SheetPlan } from "../presets/plan.types";
import { isPlainStyle, roleStyles, type CellStyle } from "./cellStyles";

/** What one cell of the formulas array holds: a number, a formula, text as Excel will read it, or null (leave alone). */
export type CellEntry = string | number | null;

export interface StyledRange {
  readonly address: string;
  readonly style: CellStyle;
}

export interface WorkbookWrite {
  /** The sheet name the plan wants; the writer picks the first free one. */
  readonly wantedSheetName: string;
  /** The smallest rectangle holding every planned cell, e.g. "A1:F24". */
  readonly areaAddress: string;
  readonly formulas: readonly (readonly CellEntry[])[];
  readonly numberFormats: readonly (readonly (string | null)[])[];
  readonly styles: readonly StyledRange[];
  readonly columnWidths: readonly { readonly address: string; readonly widthPoints: number }[];
  readonly freezeRows: number;
  readonly hyperlinks: readonly { readonly address: string; readonly url: string }[];
  readonly chart?: PlannedChart;
  /** Conditional formats that highlight an input's values while its check shows a warning. */
  readonly checks: readonly PlannedCheck[];
}

export type WorkbookWriteResult =
  | { readonly ok: true; readonly write: WorkbookWrite }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Excel's limits. */
export const excelMaxRows = 1_048_576;
export const excelMaxColumns = 16_384;
export const excelMaxCellTextLength = 32_767;
export const excelMaxFormulaLength = 8_192;
/** Excel's widest column, 255 characters of the default font, in points. */
export const excelMaxColumnWidthPoints = 1_790;

/** Excel's text number format. */
export const textFormat = "@";

/**
 * How to write text so Excel keeps it as literal text.
 *
 * Excel reads a value written through Office.js as if it were typed: "=..."
 * becomes a formula, "+1" and "-1" numbers or formulas, "@x" a formula,
 * "2026" a number, "TRUE" a boolean, "#N/A" an error, "Mar 2026" a date. Two
 * guards, each used where it is known to hold:
 *  - text that begins with anything but a letter, or reads as a boolean, gets a
 *    leading apostrophe, Excel's prefix that forces text and is not part of the
 *    value. These cells keep the General format: in a Text-formatted cell Excel
 *    may keep the apostrophe as a visible character.
 *  - all other text gets the Text format "@", set before the value, so a
 *    letter-first string such as "Mar 2026" is not read as a date.
 */
export function textEntry(text: string): { readonly entry: string; readonly numberFormat: string | null } {
  const needsPrefix = !/^\p{L}/u.test(text) || /^\s*(true|false)\s*$/i.test(text);
  return needsPrefix ? { entry: `'${text}`, numberFormat: null } : { entry: text, numberFormat: textFormat };
}

const rangeAddressPattern = /^\$?[A-Z]{1,3}\$?[1-9][0-9]*(?::\$?[A-Z]{1,3}\$?[1-9][0-9]*)?$/;

/** Whether a string is an A1 cell or range address on the same sheet ("C7", "A20:A23"). */
export function isRangeAddress(address: string): boolean {
  return rangeAddressPattern.test(address);
}

/** Whether a URL is one a hyperlink may point to: http or https only. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

interface Rectangle {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function rectangleAddress(r: Rectangle): string {
  const topLeft = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? topLeft : `${topLeft}:${cellAddress(r.bottom, r.right)}`;
}

/**
 * Covers a set of cells with few rectangles: runs of adjacent cells in a row,
 * then runs of rows whose runs span the same columns merged downwards.
 */
export function coveringRectangles(cells: readonly { readonly row: number; readonly column: number }[]): Rectangle[] {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = byRow.get(row) ?? [];
    columns.push(column);
    byRow.set(row, columns);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: Rectangle[] = [];
  for (const row of rows) {
    const columns = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const column of columns) {
      const last = runs[runs.length - 1];
      if (last && last[1] === column - 1) last[1] = column;
      else runs.push([column, column]);
    }
    const seen = new Set<string>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push({ ...rect });
        open.set(key, { top: row, bottom: row, left, right });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        done.push({ ...rect });
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

function styleKey(style: CellStyle): string {
  return JSON.stringify(Object.entries(style).sort(([a], [b]) => a.localeCompare(b)));
}

function checkCell(cell: PlannedCell, problems: string[]): void {
  const where = `Cell ${cell.address}`;
  if (!Number.isInteger(cell.row) || !Number.isInteger(cell.column) || cell.row < 0 || cell.column < 0) {
    problems.push(`${where} has no valid row and column.`);
    return;
  }
  if (cell.row >= excelMaxRows || cell.column >= excelMaxColumns) {
    problems.push(`${where} lies outside an Excel sheet.`);
    return;
  }
  if (cellAddress(cell.row, cell.column) !== cell.address) {
    problems.push(`${where} does not match its row ${cell.row} and column ${cell.column}.`);
  }
  const content = cell.content;
  switch (content.kind) {
    case "text":
      if (content.text.length > excelMaxCellTextLength) {
        problems.push(`${where} holds ${content.text.length} characters of text; an Excel cell holds at most ${excelMaxCellTextLength}.`);
      }
      break;
    case "number":
      if (!Number.isFinite(content.value)) problems.push(`${where} holds ${content.value}, which Excel cannot store as a number.`);
      if (cell.numberFormat === textFormat) problems.push(`${where} holds a number but has the text format "@".`);
      break;
    case "formula":
      if (!content.formula.startsWith("=") || content.formula.length < 2) {
        problems.push(`${where} holds a formula that does not start with "=".`);
      } else if (content.formula.length > excelMaxFormulaLength) {
        problems.push(`${where} holds a formula of ${content.formula.length} characters; Excel allows at most ${excelMaxFormulaLength}.`);
      }
      if (cell.numberFormat === textFormat) problems.push(`${where} holds a formula but has the text format "@", so it would show as text.`);
      break;
  }
}

function checkChart(chart: PlannedChart, problems: string[]): void {
  const ranges = [chart.categories, chart.topLeft, chart.bottomRight, ...chart.series.map((s) => s.range)];
  for (const range of ranges) {
    if (!isRangeAddress(range)) problems.push(`The chart refers to "${range}", which is not a cell or range address.`);
  }
  if (chart.series.length === 0) problems.push("The chart has no series.");
  if (chart.type !== "columnClustered" && chart.type !== "barClustered") {
    problems.push(`The chart type "${String(chart.type)}" is not supported.`);
  }
}

/**
 * Plans the writes for a sheet plan, or lists what is wrong with it. Nothing
 * is written when a plan has a problem, so a bad plan never leaves half a sheet.
 */
export function planWorkbookWrite(plan: SheetPlan): WorkbookWriteResult {
  const problems: string[] = [];
  if (plan.cells.length === 0) problems.push("The plan has no cells.");
  const seen = new Set<string>();
  for (const cell of plan.cells) {
    checkCell(cell, problems);
    if (seen.has(cell.address)) problems.push(`Cell ${cell.address} is planned twice.`);
    seen.add(cell.address);
  }
  if (!Number.isInteger(plan.freezeRows) || plan.freezeRows < 0 || plan.freezeRows >= excelMaxRows) {
    problems.push(`Cannot freeze ${plan.freezeRows} rows.`);
  }
  for (const { column, widthPoints } of plan.columnWidths) {
    if (!Number.isInteger(column) || column < 0 || column >= excelMaxColumns) problems.push(`Column ${column} is not an Excel column.`);
    if (!Number.isFinite(widthPoints) || widthPoints < 0 || widthPoints > excelMaxColumnWidthPoints) {
      problems.push(`Column width ${widthPoints} points is outside 0..${excelMaxColumnWidthPoints}.`);
    }
  }
  if (plan.chart) checkChart(plan.chart, problems);
  for (const check of plan.checks ?? []) {
    for (const address of [check.range, check.cell]) {
      if (!isRangeAddress(address)) problems.push(`A check refers to "${address}", which is not a cell or range address.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { row, column } of plan.cells) {
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const formulas: CellEntry[][] = Array.from({ length: height }, () => new Array<CellEntry>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const styleGroups = new Map<string, { style: CellStyle; cells: PlannedCell[] }>();
  const hyperlinks: { address: string; url: string }[] = [];

  for (const cell of plan.cells) {
    const rowEntries = formulas[cell.row - top] as CellEntry[];
    const rowFormats = numberFormats[cell.row - top] as (string | null)[];
    const at = cell.column - left;
    const content = cell.content;
    if (content.kind === "text") {
      const { entry, numberFormat } = textEntry(content.text);
      rowEntries[at] = entry;
      rowFormats[at] = numberFormat;
    } else {
      rowEntries[at] = content.kind === "number" ? content.value : content.formula;
      rowFormats[at] = cell.numberFormat ?? null;
    }
    const style = roleStyles[cell.role];
    if (!isPlainStyle(style)) {
      const key = styleKey(style);
      const group = styleGroups.get(key) ?? { style, cells: [] };
      group.cells.push(cell);
      styleGroups.set(key, group);
    }
    if (cell.hyperlink !== undefined && isWebUrl(cell.hyperlink)) hyperlinks.push({ address: cell.address, url: cell.hyperlink });
  }

  const styles: StyledRange[] = [];
  for (const { style, cells } of styleGroups.values()) {
    for (const rect of coveringRectangles(cells)) styles.push({ address: rectangleAddress(rect), style });
  }

  const widthByColumn = new Map<number, number>();
  for (const { column, widthPoints } of plan.columnWidths) widthByColumn.set(column, widthPoints);
  const widths = [...widthByColumn].map(([column, widthPoints]) => ({ column, widthPoints })).sort((a, b) => a.column - b.column);
  const columnWidths: { address: string; widthPoints: number }[] = [];
  let run: { first: number; last: number; widthPoints: number } | undefined;
  const closeRun = (): void => {
    if (run) columnWidths.push({ address: `${columnLetters(run.first)}:${columnLetters(run.last)}`, widthPoints: run.widthPoints });
  };
  for (const { column, widthPoints } of widths) {
    if (run && run.last === column - 1 && run.widthPoints === widthPoints) run.last = column;
    else {
      closeRun();
      run = { first: column, last: column, widthPoints };
    }
  }
  closeRun();

  const write: WorkbookWrite = {
    wantedSheetName: plan.sheetName,
    areaAddress: rectangleAddress({ top, left, bottom, right }),
    formulas,
    numberFormats,
    styles,
    columnWidths,
    freezeRows: plan.freezeRows,
    hyperlinks,
    ...(plan.chart ? { chart: plan.chart } : {}),
    checks: plan.checks ?? [],
  };
  return { ok: true, write };
}
