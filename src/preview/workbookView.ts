/*
 * The preview's workbook on screen: sheet tabs, a name box, a formula bar and a
 * grid of the active sheet, with the sheet's chart drawn over it where Excel
 * anchors it. Only the active sheet's used area (plus a margin) is in the DOM,
 * and a recalculation touches only the cells HyperFormula reports as changed.
 *
 * Hooks for tests and scripts:
 *  - grid cells: td[data-address="B7"] with data-value (the raw value, or the error code) and title (an error's message)
 *  - #name-box / [data-testid="name-box"], #formula-bar / [data-testid="formula-bar"]
 *  - #sheet-tabs button[data-sheet-name] (aria-selected="true" on the active one), #add-sheet;
 *    double-clicking a tab renames it in input.sheet-rename (Enter or leaving it renames, Escape cancels)
 *  - #grid[data-sheet-name], svg[data-testid="chart"] with rect[data-series][data-category][data-value]
 *  - #preview-status: the last message (a rejected name box entry, a formula Excel could not read, a chart that cannot be drawn)
 *  - td.in-range: the cells of a range selected with Shift (the active cell also has .selected)
 *
 * Keyboard as in Excel: arrows, Enter and Tab move; Shift+arrow selects a range;
 * Ctrl+arrow jumps to the edge of the data (with Shift, selects to it); Ctrl+Home
 * goes to the first cell under the frozen rows, Ctrl+End to the last used cell;
 * Ctrl+C / Ctrl+X / Ctrl+V copy, cut and paste a range (tab-separated text on the clipboard,
 * as Excel puts it; within the preview formulas are pasted with their references
 * moved, as Excel does); Delete clears the range; Ctrl+Z undoes the last edits;
 * F2 edits; F6 (and Shift+F6) moves between the sheet and the task pane.
 */
import { roleStyles, warningFillColor, warningFontColor, type CellStyle } from "../workbook/cellStyles";
import { isWebUrl } from "../workbook/writePlan";
import { cellAddress, columnLetters, parseCellAddress } from "../presets/address";
import { formatForDisplay } from "../presets/display";
import { cellText, columnMarginPx, columnWidthPx, excelDigitWidthPx, modelTextWidthPx } from "./cellText";
import { chartData, renderChart, type ChartData } from "./chart";
import { lookKey, previewGridColumns, previewGridRows, rawValueText, type PreviewValue, type PreviewWorkbook } from "./workbook";

export interface WorkbookViewElements {
  readonly grid: HTMLElement;
  readonly nameBox: HTMLInputElement;
  readonly formulaBar: HTMLInputElement;
  readonly tabs: HTMLElement;
  readonly status: HTMLElement;
  /** The task pane beside the workbook, which F6 moves to. */
  readonly pane?: HTMLElement;
}

/** Excel's defaults: a 48-point column (8.43 characters, 64 pixels in Calibri 11), a 20-pixel row. */
const defaultColumnWidthPoints = 48;
const defaultRowHeightPx = 20;
const tallRowHeightPx = 26;
const headerHeightPx = 22;
const rowHeaderWidthPx = 44;
/** Empty rows and columns shown past the used area, and the least the grid shows. */
const marginRows = 20;
const marginColumns = 3;
const minRows = 40;
const minColumns = 12;
/** The most the preview draws; the name box refuses addresses beyond. */
export const maxGridRows = previewGridRows;
export const maxGridColumns = previewGridColumns;

const pointsToPx = 4 / 3;

/** The grid's font, as Excel's default (Calibri 11), for the cells and for measuring their text. */
export const gridFontFamily = 'Calibri, Carlito, "Segoe UI", sans-serif';
const gridFontSizePoints = 11;

/**
 * Measures text in the grid's font: with a canvas where the browser has one,
 * else with a model of Calibri's character widths (a DOM without layout).
 */
class TextMeasure {
  private context: CanvasRenderingContext2D | null | undefined;
  private readonly cache = new Map<string, number>();

  constructor(private readonly doc: Document) {}

  private canvas(): CanvasRenderingContext2D | null {
    if (this.context === undefined) {
      try {
        this.context = this.doc.createElement("canvas").getContext("2d") ?? null;
        if (this.context && typeof this.context.measureText !== "function") this.context = null;
      } catch {
        this.context = null;
      }
    }
    return this.context;
  }

  width(text: string, fontSizePx: number, bold: boolean, italic: boolean): number {
    const font = `${italic ? "italic " : ""}${bold ? "bold " : ""}${fontSizePx}px ${gridFontFamily}`;
    const key = `${font}\u0000${text}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const context = this.canvas();
    let width: number;
    if (context) {
      context.font = font;
      width = context.measureText(text).width;
    } else {
      width = modelTextWidthPx(text, fontSizePx, bold);
    }
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(key, width);
    return width;
  }

  /** The widest digit of the grid's normal font: the unit of Excel's column widths. */
  digitWidth(): number {
    const sizePx = gridFontSizePoints * pointsToPx;
    const widest = Math.max(...Array.from("0123456789", (digit) => this.width(digit, sizePx, false, false)));
    return Number.isFinite(widest) && widest > 0 ? widest : excelDigitWidthPx;
  }
}

interface Cell {
  readonly row: number;
  readonly column: number;
}

/** A rectangle of cells, top-left to bottom-right. */
interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function rangeOf(a: Cell, b: Cell): Range {
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

/** Tab-separated text as Excel puts a range on the clipboard, and reads it back: rows by line, cells by tab. */
export function rangeToClipboardText(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map((text) => (/[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)).join("\t")).join("\r\n") + "\r\n";
}

export function clipboardTextToRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === "\t") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function applyStyle(element: HTMLElement, style: CellStyle): void {
  if (style.fontColor !== undefined) element.style.color = style.fontColor;
  if (style.bold) element.style.fontWeight = "bold";
  if (style.italic) element.style.fontStyle = "italic";
  if (style.fontSize !== undefined) element.style.fontSize = `${style.fontSize}pt`;
  if (style.underline === "Single") element.style.textDecoration = "underline";
  if (style.fillColor !== undefined) element.style.backgroundColor = style.fillColor;
}

function valueClass(value: PreviewValue): string {
  if (value === null) return "empty";
  if (typeof value === "number") return "number";
  if (typeof value === "object") return "error";
  if (typeof value === "boolean") return "boolean";
  return "text";
}

export class WorkbookView {
  private readonly doc: Document;
  private selection: Cell = { row: 0, column: 0 };
  /** The other corner of a range selected with Shift; the selection itself when no range is selected. */
  private anchor: Cell = { row: 0, column: 0 };
  /** The last range copied in this view, to paste its formulas rather than its text. */
  private copied: { readonly text: string; readonly sheetId: number; readonly range: Range } | undefined;
  private readonly cellElements = new Map<string, HTMLTableCellElement>();
  private rendered = { sheetId: -1, rows: 0, columns: 0 };
  private rowTops: number[] = [];
  private columnLefts: number[] = [];
  private chartLayer: HTMLElement | undefined;
  private chartKey = "";
  private readonly measure: TextMeasure;
  /** Each rendered column's width in pixels. */
  private columnWidths: number[] = [];
  /** The formula bar text when editing began; undefined when not editing. */
  private editOriginal: string | undefined;

  constructor(
    private readonly workbook: PreviewWorkbook,
    private readonly elements: WorkbookViewElements,
  ) {
    this.doc = elements.grid.ownerDocument;
    this.measure = new TextMeasure(this.doc);
  }

  /** The sheet bar's link to the active sheet's chart, which Excel places right of the tables (often out of view). */
  private chartLink: HTMLButtonElement | undefined;

  /** Draws the workbook and starts following its changes. */
  mount(): void {
    const link = this.doc.createElement("button");
    link.type = "button";
    link.className = "chart-link";
    link.dataset.testid = "chart-link";
    link.hidden = true;
    link.addEventListener("click", () => this.showChart());
    this.elements.status.before(link);
    this.chartLink = link;
    this.workbook.subscribe((event) => {
      if (event.kind === "cells") {
        if (event.sheetId === this.workbook.activeSheetId) this.updateCells(event.cells);
      } else {
        this.selection = { row: 0, column: 0 };
        // A message about a cell of the sheet that was showing does not belong to the next one.
        if (this.workbook.activeSheetId !== this.rendered.sheetId) this.say("");
        this.renderAll();
      }
    });
    this.listen();
    this.renderAll();
  }

  private renderAll(): void {
    this.renderTabs();
    this.renderGrid();
    this.select(this.selection, false);
  }

  private renderTabs(): void {
    const { tabs } = this.elements;
    tabs.replaceChildren();
    const activeName = this.workbook.activeSheetName;
    for (const name of this.workbook.sheetNames()) {
      const tab = this.doc.createElement("button");
      tab.type = "button";
      tab.className = "sheet-tab";
      tab.setAttribute("role", "tab");
      tab.dataset.sheetName = name;
      tab.setAttribute("aria-selected", String(name === activeName));
      tab.textContent = name;
      tabs.appendChild(tab);
    }
    const add = this.doc.createElement("button");
    add.type = "button";
    add.id = "add-sheet";
    add.className = "sheet-add";
    add.title = "New sheet";
    add.setAttribute("aria-label", "New sheet");
    add.textContent = "+";
    tabs.appendChild(add);
  }

  private gridSize(sheetId: number): { rows: number; columns: number } {
    const used = this.workbook.usedSize(sheetId);
    const layout = this.workbook.layout(sheetId);
    let rows = Math.max(used.rows, this.selection.row + 1, layout.freezeRows);
    let columns = Math.max(used.columns, this.selection.column + 1, ...[...layout.columnWidthsPoints.keys()].map((c) => c + 1));
    const chart = layout.chart;
    if (chart) {
      const corner = this.workbook.engine.simpleCellAddressFromString(chart.bottomRight, sheetId);
      if (corner) {
        rows = Math.max(rows, corner.row + 1);
        columns = Math.max(columns, corner.col + 1);
      }
    }
    return {
      rows: Math.min(maxGridRows, Math.max(minRows, rows + marginRows)),
      columns: Math.min(maxGridColumns, Math.max(minColumns, columns + marginColumns)),
    };
  }

  private renderGrid(): void {
    const sheetId = this.workbook.activeSheetId;
    const layout = this.workbook.layout(sheetId);
    const { rows, columns } = this.gridSize(sheetId);
    const { grid } = this.elements;
    grid.dataset.sheetName = this.workbook.activeSheetName;
    this.cellElements.clear();

    const digitWidth = this.measure.digitWidth();
    const widths = Array.from({ length: columns }, (_, c) => columnWidthPx(layout.columnWidthsPoints.get(c) ?? defaultColumnWidthPoints, digitWidth));
    this.columnWidths = widths;
    const tallRows = new Set<number>();
    for (const [key, look] of layout.looks) {
      const size = look.role === undefined ? undefined : roleStyles[look.role].fontSize;
      if (size !== undefined && size > 11) tallRows.add(Number(key.split(",")[0]));
    }
    const heights = Array.from({ length: rows }, (_, r) => (tallRows.has(r) ? tallRowHeightPx : defaultRowHeightPx));
    this.columnLefts = [rowHeaderWidthPx];
    widths.forEach((w, c) => this.columnLefts.push((this.columnLefts[c] ?? 0) + w));
    this.rowTops = [headerHeightPx];
    heights.forEach((h, r) => this.rowTops.push((this.rowTops[r] ?? 0) + h));

    const table = this.doc.createElement("table");
    table.className = "grid-table";
    table.style.fontFamily = gridFontFamily;
    table.style.fontSize = `${gridFontSizePoints}pt`;
    table.style.width = `${this.columnLefts[columns] ?? 0}px`;
    const colgroup = this.doc.createElement("colgroup");
    const headerCol = this.doc.createElement("col");
    headerCol.style.width = `${rowHeaderWidthPx}px`;
    colgroup.appendChild(headerCol);
    for (const width of widths) {
      const col = this.doc.createElement("col");
      col.style.width = `${width}px`;
      colgroup.appendChild(col);
    }
    table.appendChild(colgroup);

    const head = this.doc.createElement("thead");
    const headRow = this.doc.createElement("tr");
    headRow.style.height = `${headerHeightPx}px`;
    const corner = this.doc.createElement("th");
    corner.className = "corner";
    headRow.appendChild(corner);
    for (let c = 0; c < columns; c++) {
      const th = this.doc.createElement("th");
      th.className = "column-header";
      th.textContent = columnLetters(c);
      headRow.appendChild(th);
    }
    head.appendChild(headRow);
    table.appendChild(head);

    const body = this.doc.createElement("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = this.doc.createElement("tr");
      tr.style.height = `${heights[r]}px`;
      const frozen = r < layout.freezeRows;
      const th = this.doc.createElement("th");
      th.className = "row-header";
      th.textContent = String(r + 1);
      tr.appendChild(th);
      for (let c = 0; c < columns; c++) {
        const td = this.doc.createElement("td");
        td.dataset.address = cellAddress(r, c);
        this.fillCell(td, sheetId, r, c);
        this.cellElements.set(lookKey(r, c), td);
        tr.appendChild(td);
      }
      if (frozen) {
        tr.classList.add("frozen");
        if (r === layout.freezeRows - 1) tr.classList.add("frozen-last");
        for (const cell of Array.from(tr.children) as HTMLElement[]) cell.style.top = `${this.rowTops[r]}px`;
      }
      body.appendChild(tr);
    }
    table.appendChild(body);

    const canvas = this.doc.createElement("div");
    canvas.className = "grid-canvas";
    canvas.appendChild(table);
    this.chartLayer = this.doc.createElement("div");
    this.chartLayer.className = "chart-layer";
    canvas.appendChild(this.chartLayer);
    grid.replaceChildren(canvas);
    this.rendered = { sheetId, rows, columns };
    this.chartKey = "";
    this.renderChart();
  }

  /** The warning a check shows ("Base is above High"), or undefined while it shows none. */
  private checkWarning(sheetId: number, checkKey: string | undefined): string | undefined {
    if (checkKey === undefined) return undefined;
    const [row, column] = checkKey.split(",").map(Number) as [number, number];
    const value = this.workbook.value(sheetId, row, column);
    return typeof value === "string" && value !== "" ? value : undefined;
  }

  /** Writes a cell's value, format and look into its element. */
  private fillCell(td: HTMLTableCellElement, sheetId: number, row: number, column: number): void {
    const value = this.workbook.value(sheetId, row, column);
    const look = this.workbook.layout(sheetId).looks.get(lookKey(row, column));
    const selected = td.classList.contains("selected");
    const inRange = td.classList.contains("in-range");
    td.className = valueClass(value);
    if (selected) td.classList.add("selected");
    if (inRange) td.classList.add("in-range");
    const frozenTop = td.style.top; // a frozen row's sticky offset outlives a re-render
    td.removeAttribute("style");
    if (frozenTop) td.style.top = frozenTop;
    if (look?.role !== undefined) applyStyle(td, roleStyles[look.role]);
    td.dataset.value = rawValueText(value);
    if (value !== null && typeof value === "object") td.title = value.message === "" ? value.error : value.message;
    else td.removeAttribute("title");
    const warning = this.checkWarning(sheetId, look?.checkedBy);
    if (warning !== undefined) {
      // As Excel's conditional format: the input's values highlighted while its check warns.
      applyStyle(td, { fillColor: warningFillColor, fontColor: warningFontColor });
      td.classList.add("check-warning");
      td.title = warning;
    }
    const style = look?.role === undefined ? undefined : roleStyles[look.role];
    const fontSizePx = (style?.fontSize ?? gridFontSizePoints) * pointsToPx;
    const roomPx = (this.columnWidths[column] ?? 0) - columnMarginPx;
    const text = cellText(value, look?.numberFormat, (shown) => this.measure.width(shown, fontSizePx, style?.bold === true, style?.italic === true) <= roomPx);
    if (look?.hyperlink !== undefined && isWebUrl(look.hyperlink) && text !== "") {
      const link = this.doc.createElement("a");
      link.href = look.hyperlink;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = text;
      td.replaceChildren(link);
    } else {
      td.textContent = text;
    }
    if (td.classList.contains("text")) {
      // As in Excel, text runs on over the empty cells to its right and stops at the first filled one (which would otherwise show it beneath its own).
      td.style.clipPath = `inset(0px -${this.emptyRunPx(sheetId, row, column)}px 0px 0px)`;
    }
  }

  /** The width (px) of the empty cells right of a cell, up to the first filled one or the grid's edge. */
  private emptyRunPx(sheetId: number, row: number, column: number): number {
    let width = 0;
    for (let c = column + 1; c < this.columnWidths.length && this.workbook.value(sheetId, row, c) === null; c++) width += this.columnWidths[c] ?? 0;
    return width;
  }

  /** Re-draws the text cell whose text runs on over (row, column), if any: the nearest filled cell to its left. */
  private refillRunningText(sheetId: number, row: number, column: number): void {
    for (let c = column - 1; c >= 0; c--) {
      if (this.workbook.value(sheetId, row, c) === null) continue;
      const td = this.cellElements.get(lookKey(row, c));
      if (td?.classList.contains("text")) this.fillCell(td, sheetId, row, c);
      return;
    }
  }

  private updateCells(cells: readonly Cell[]): void {
    const sheetId = this.workbook.activeSheetId;
    if (sheetId !== this.rendered.sheetId) return;
    const outside = cells.some((cell) => cell.row >= this.rendered.rows - 1 || cell.column >= this.rendered.columns - 1);
    const size = outside ? this.gridSize(sheetId) : this.rendered;
    if (outside && (size.rows !== this.rendered.rows || size.columns !== this.rendered.columns)) {
      this.renderGrid();
      this.select(this.selection, false);
      return;
    }
    for (const { row, column } of cells) {
      const td = this.cellElements.get(lookKey(row, column));
      if (td) this.fillCell(td, sheetId, row, column);
      this.refillRunningText(sheetId, row, column);
    }
    // A check that changed re-draws the cells it highlights.
    const changed = new Set(cells.map((cell) => lookKey(cell.row, cell.column)));
    for (const [key, look] of this.workbook.layout(sheetId).looks) {
      if (look.checkedBy === undefined || !changed.has(look.checkedBy) || changed.has(key)) continue;
      const [row, column] = key.split(",").map(Number) as [number, number];
      const td = this.cellElements.get(key);
      if (td) this.fillCell(td, sheetId, row, column);
    }
    if (cells.some((cell) => cell.row === this.selection.row && cell.column === this.selection.column) && this.editOriginal === undefined) {
      this.elements.formulaBar.value = this.workbook.editText(sheetId, this.selection.row, this.selection.column);
    }
    this.renderChart();
  }

  /** Draws the sheet's chart where Excel anchors it, again only when its data changed. */
  private renderChart(): void {
    const layer = this.chartLayer;
    const sheetId = this.workbook.activeSheetId;
    const chart = this.workbook.layout(sheetId).chart;
    if (this.chartLink) {
      this.chartLink.hidden = !chart;
      if (chart) {
        this.chartLink.textContent = `Chart at ${chart.topLeft} ›`;
        this.chartLink.title = `This sheet's chart is at ${chart.topLeft}:${chart.bottomRight}, right of the tables, as in Excel. Show it.`;
      }
    }
    if (!layer || !chart) return;
    const engine = this.workbook.engine;
    let data: ChartData;
    try {
      data = chartData(chart, (reference) => {
        const range = this.workbook.range(reference, sheetId);
        return range ? this.workbook.rangeValues(range) : undefined;
      });
    } catch (error) {
      this.say(`The chart cannot be drawn: ${error instanceof Error ? error.message : String(error)}`);
      layer.replaceChildren();
      return;
    }
    const key = JSON.stringify(data);
    if (key === this.chartKey) return;
    this.chartKey = key;
    const topLeft = engine.simpleCellAddressFromString(chart.topLeft, sheetId);
    const bottomRight = engine.simpleCellAddressFromString(chart.bottomRight, sheetId);
    if (!topLeft || !bottomRight) return;
    const left = this.columnLefts[topLeft.col] ?? 0;
    const top = this.rowTops[topLeft.row] ?? 0;
    const width = (this.columnLefts[bottomRight.col + 1] ?? left + 480) - left;
    const height = (this.rowTops[bottomRight.row + 1] ?? top + 300) - top;
    layer.style.left = `${left}px`;
    layer.style.top = `${top}px`;
    layer.replaceChildren(renderChart(this.doc, data, Math.max(240, width), Math.max(160, height)));
  }

  /** Scrolls the grid so the whole chart shows (as much of it as the window holds), from its top-left corner. */
  private showChart(): void {
    const layer = this.chartLayer;
    if (!layer) return;
    const grid = this.elements.grid;
    const left = Number.parseFloat(layer.style.left) || 0;
    const top = Number.parseFloat(layer.style.top) || 0;
    const width = layer.firstElementChild?.getBoundingClientRect().width ?? 0;
    grid.scrollLeft = Math.max(0, Math.min(left - rowHeaderWidthPx - 8, left + width + 16 - grid.clientWidth));
    grid.scrollTop = Math.max(0, top - headerHeightPx - this.frozenHeight() - 8);
    grid.focus();
  }

  private frozenHeight(): number {
    const rows = this.workbook.layout(this.workbook.activeSheetId).freezeRows;
    return (this.rowTops[rows] ?? headerHeightPx) - headerHeightPx;
  }

  private say(message: string): void {
    this.elements.status.textContent = message;
  }

  private select(cell: Cell, scroll: boolean, extend = false): void {
    const row = Math.max(0, Math.min(cell.row, maxGridRows - 1));
    const column = Math.max(0, Math.min(cell.column, maxGridColumns - 1));
    this.cellElements.get(lookKey(this.selection.row, this.selection.column))?.classList.remove("selected");
    for (const td of Array.from(this.elements.grid.querySelectorAll("td.in-range"))) td.classList.remove("in-range");
    this.selection = { row, column };
    if (!extend) this.anchor = { row, column };
    if (row >= this.rendered.rows - 1 || column >= this.rendered.columns - 1) this.renderGrid();
    const td = this.cellElements.get(lookKey(row, column));
    td?.classList.add("selected");
    const range = this.selectedRange();
    this.workbook.select(range.top, range.left);
    if (range.top !== range.bottom || range.left !== range.right) {
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) this.cellElements.get(lookKey(r, c))?.classList.add("in-range");
    }
    if (scroll) td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    this.elements.nameBox.value = cellAddress(row, column);
    this.elements.formulaBar.value = this.workbook.editText(this.workbook.activeSheetId, row, column);
    this.editOriginal = undefined;
  }

  private selectedRange(): Range {
    return rangeOf(this.anchor, this.selection);
  }

  private move(rows: number, columns: number, extend = false): void {
    this.select({ row: this.selection.row + rows, column: this.selection.column + columns }, true, extend);
  }

  private filled(row: number, column: number): boolean {
    return this.workbook.value(this.workbook.activeSheetId, row, column) !== null;
  }

  /**
   * Where Ctrl+arrow goes from the active cell, as in Excel: to the last filled
   * cell of a run of filled cells, else to the next filled cell, else to the edge
   * of the cells the preview shows.
   */
  private jumpTarget(rows: number, columns: number): Cell {
    const lastRow = Math.max(this.rendered.rows - 1, this.selection.row);
    const lastColumn = Math.max(this.rendered.columns - 1, this.selection.column);
    const inside = (cell: Cell): boolean => cell.row >= 0 && cell.column >= 0 && cell.row <= lastRow && cell.column <= lastColumn;
    const step = (cell: Cell): Cell => ({ row: cell.row + rows, column: cell.column + columns });
    let at: Cell = this.selection;
    let next = step(at);
    if (!inside(next)) return at;
    if (this.filled(at.row, at.column) && this.filled(next.row, next.column)) {
      while (inside(next) && this.filled(next.row, next.column)) {
        at = next;
        next = step(at);
      }
      return at;
    }
    while (inside(next)) {
      at = next;
      if (this.filled(at.row, at.column)) return at;
      next = step(at);
    }
    return at;
  }

  /** Ctrl+Home: the first cell under the frozen rows, as Excel goes with frozen panes. */
  private home(): Cell {
    return { row: this.workbook.layout(this.workbook.activeSheetId).freezeRows, column: 0 };
  }

  /** Ctrl+End: the last row and column in use. */
  private end(): Cell {
    const used = this.workbook.usedSize(this.workbook.activeSheetId);
    return { row: Math.max(0, used.rows - 1), column: Math.max(0, used.columns - 1) };
  }

  /** The selected range as Excel puts it on the clipboard: each cell's value as it is formatted, tab-separated. */
  private copySelection(): string {
    const sheetId = this.workbook.activeSheetId;
    const range = this.selectedRange();
    const looks = this.workbook.layout(sheetId).looks;
    const rows: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const cells: string[] = [];
      for (let c = range.left; c <= range.right; c++) cells.push(formatForDisplay(this.workbook.value(sheetId, r, c), looks.get(lookKey(r, c))?.numberFormat));
      rows.push(cells);
    }
    const text = rangeToClipboardText(rows);
    this.copied = { text, sheetId, range };
    return text;
  }

  /**
   * Pastes clipboard text at the active cell. A range copied in this view pastes
   * its formulas (references moved, as Excel does) and formats; any other text is
   * read cell by cell as typed. One paste is one edit for Ctrl+Z.
   */
  private paste(text: string): void {
    const sheetId = this.workbook.activeSheetId;
    const { top: row, left: column } = this.selectedRange();
    try {
      const copied = this.copied;
      if (copied !== undefined && copied.text === text && this.workbook.engine.getSheetName(copied.sheetId) !== undefined) {
        this.workbook.pasteRange(copied.sheetId, copied.range, sheetId, row, column);
      } else {
        const rows = clipboardTextToRows(text);
        if (rows.length === 0) return;
        this.workbook.enterRange(sheetId, row, column, rows);
      }
      this.say("");
    } catch (error) {
      this.say(`Paste at ${cellAddress(row, column)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Clears the selected range (Delete), as one edit. */
  private clearSelection(): void {
    const range = this.selectedRange();
    const blank = Array.from({ length: range.bottom - range.top + 1 }, () => Array.from({ length: range.right - range.left + 1 }, () => ""));
    this.workbook.enterRange(this.workbook.activeSheetId, range.top, range.left, blank);
  }

  private undo(): void {
    const undone = this.workbook.undo();
    if (undone === undefined) {
      this.say("Nothing to undo.");
      return;
    }
    this.say("");
    if (undone.sheetId !== this.workbook.activeSheetId) this.workbook.activate(undone.sheetId);
    this.select({ row: undone.row, column: undone.column }, true);
  }

  /** The first element of the pane that takes the focus, for F6. */
  private focusPane(): void {
    const pane = this.elements.pane;
    if (!pane) return;
    const candidates = Array.from(pane.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [tabindex]"));
    const first = candidates.find((element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && !element.closest("[hidden]"));
    if (first) first.focus();
    else {
      if (!pane.hasAttribute("tabindex")) pane.tabIndex = -1;
      pane.focus();
    }
  }

  private beginEdit(initial: string | undefined): void {
    const bar = this.elements.formulaBar;
    this.editOriginal = bar.value;
    if (initial !== undefined) bar.value = initial;
    bar.focus();
    const end = bar.value.length;
    bar.setSelectionRange(end, end);
  }

  /** Enters the formula bar's text into the selected cell. */
  private commit(): void {
    if (this.editOriginal === undefined) return;
    const text = this.elements.formulaBar.value;
    const changed = text !== this.editOriginal;
    this.editOriginal = undefined;
    if (!changed) return;
    const { row, column } = this.selection;
    try {
      this.workbook.enter(this.workbook.activeSheetId, row, column, text);
      const value = this.workbook.value(this.workbook.activeSheetId, row, column);
      this.say(value !== null && typeof value === "object" && value.error === "#ERROR!" ? `${cellAddress(row, column)}: ${value.message}` : "");
    } catch (error) {
      this.say(`${cellAddress(row, column)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private cancelEdit(): void {
    this.editOriginal = undefined;
    this.select(this.selection, false);
    this.elements.grid.focus();
  }

  private goTo(text: string): void {
    const engine = this.workbook.engine;
    const wanted = text.trim();
    const context = this.workbook.activeSheetId;
    const target = engine.simpleCellAddressFromString(wanted, context) ?? engine.simpleCellRangeFromString(wanted, context)?.start;
    if (!target || engine.getSheetName(target.sheet) === undefined) {
      this.say(`"${wanted}" is not a cell reference, e.g. B7 or Sheet1!B7.`);
      this.select(this.selection, false);
      return;
    }
    if (target.row >= maxGridRows || target.col >= maxGridColumns) {
      this.say(`The preview shows the first ${maxGridRows} rows and ${maxGridColumns} columns.`);
      this.select(this.selection, false);
      return;
    }
    this.say("");
    if (target.sheet !== context) {
      this.workbook.activate(target.sheet);
    }
    this.select({ row: target.row, column: target.col }, true);
    this.elements.grid.focus();
  }

  /**
   * The cell under the pointer. Text running on over empty cells belongs to the cell it
   * started in, so the cell is the one whose box holds the point, not the text's owner.
   * Clicks on the chart select no cell.
   */
  private cellAt(event: MouseEvent): HTMLElement | null {
    const target = event.target as Element;
    if (target.closest(".chart-layer")) return null;
    const under = typeof this.doc.elementsFromPoint === "function" ? this.doc.elementsFromPoint(event.clientX, event.clientY) : [];
    for (const element of under) {
      if (!(element instanceof HTMLElement) || !element.matches("td[data-address]")) continue;
      const box = element.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX < box.right && event.clientY >= box.top && event.clientY < box.bottom) return element;
    }
    const own = target.closest("td[data-address]");
    return own instanceof HTMLElement ? own : null;
  }

  private listen(): void {
    const { grid, formulaBar, nameBox, tabs } = this.elements;

    grid.addEventListener("mousedown", (event) => {
      const td = this.cellAt(event);
      if (!td || (event.target as Element).closest("a")) return;
      if (this.editOriginal !== undefined) this.commit();
      const cell = parseCellAddress(td.dataset.address ?? "");
      if (!cell) return;
      this.select(cell, false, event.shiftKey);
      event.preventDefault();
      grid.focus();
    });
    grid.addEventListener("dblclick", (event) => {
      if (this.cellAt(event)) this.beginEdit(undefined);
    });
    grid.addEventListener("keydown", (event) => {
      if (event.target !== grid) return;
      const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const step = moves[event.key];
      const control = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (step && control) {
        this.select(this.jumpTarget(step[0], step[1]), true, event.shiftKey);
      } else if (step) {
        this.move(step[0], step[1], event.shiftKey);
      } else if (event.key === "Home" && control) {
        this.select(this.home(), true, event.shiftKey);
      } else if (event.key === "End" && control) {
        this.select(this.end(), true, event.shiftKey);
      } else if (event.key === "Home") {
        this.select({ row: this.selection.row, column: 0 }, true, event.shiftKey);
      } else if (control && key === "z" && !event.shiftKey) {
        this.undo();
      } else if (control && (key === "c" || key === "v" || key === "x")) {
        // The browser's copy and paste events follow, with the clipboard (see below).
        return;
      } else if (event.key === "F6") {
        this.focusPane();
      } else if (event.key === "Enter") {
        this.move(event.shiftKey ? -1 : 1, 0);
      } else if (event.key === "Tab") {
        this.move(0, event.shiftKey ? -1 : 1);
      } else if (event.key === "F2") {
        this.beginEdit(undefined);
      } else if (event.key === "Delete" || event.key === "Backspace") {
        this.clearSelection();
      } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        this.beginEdit(event.key);
      } else {
        return;
      }
      event.preventDefault();
    });
    grid.addEventListener("copy", (event) => {
      if (event.target !== grid || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", this.copySelection());
      event.preventDefault();
    });
    grid.addEventListener("cut", (event) => {
      if (event.target !== grid || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", this.copySelection());
      // What was cut is pasted as the text it showed: the cells it came from are cleared now.
      this.copied = undefined;
      this.clearSelection();
      event.preventDefault();
    });
    grid.addEventListener("paste", (event) => {
      if (event.target !== grid || !event.clipboardData) return;
      this.paste(event.clipboardData.getData("text/plain"));
      event.preventDefault();
    });
    // F6 in the pane comes back to the sheet, as Excel moves between its panes.
    this.elements.pane?.addEventListener("keydown", (event) => {
      if (event.key !== "F6") return;
      event.preventDefault();
      grid.focus();
    });

    formulaBar.addEventListener("focus", () => {
      if (this.editOriginal === undefined) this.editOriginal = formulaBar.value;
    });
    formulaBar.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        this.commit();
        grid.focus();
        if (event.key === "Enter") this.move(event.shiftKey ? -1 : 1, 0);
        else this.move(0, event.shiftKey ? -1 : 1);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    formulaBar.addEventListener("blur", () => this.commit());

    nameBox.addEventListener("focus", () => nameBox.select());
    nameBox.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.goTo(nameBox.value);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.select(this.selection, false);
        grid.focus();
      }
    });

    tabs.addEventListener("click", (event) => {
      const button = (event.target as Element).closest("button");
      if (!button) return;
      if (button.id === "add-sheet") {
        this.workbook.addBlankSheet();
        return;
      }
      const id = this.workbook.sheetId(button.dataset.sheetName ?? "");
      if (id !== undefined) this.workbook.activate(id);
    });
    tabs.addEventListener("dblclick", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-sheet-name]");
      if (button) this.beginRename(button);
    });
  }

  /** Replaces a sheet tab by a text box holding its name, as Excel does on a double-click. */
  private beginRename(tab: HTMLButtonElement): void {
    const oldName = tab.dataset.sheetName ?? "";
    const sheetId = this.workbook.sheetId(oldName);
    if (sheetId === undefined) return;
    const input = this.doc.createElement("input");
    input.className = "sheet-rename";
    input.value = oldName;
    input.setAttribute("aria-label", `New name for the sheet ${oldName}`);
    input.spellcheck = false;
    input.autocomplete = "off";
    input.size = Math.max(8, oldName.length + 2);
    let done = false;
    const finish = (rename: boolean): void => {
      if (done) return;
      done = true;
      if (rename && input.value !== oldName) {
        try {
          this.workbook.renameSheet(sheetId, input.value);
          this.say("");
        } catch (error) {
          this.say(`The sheet keeps its name: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.renderTabs();
      this.elements.grid.focus();
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        finish(true);
      } else if (event.key === "Escape") {
        event.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    tab.replaceWith(input);
    input.focus();
    input.select();
  }
}
