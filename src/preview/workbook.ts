/*
 * The preview's workbook: a HyperFormula engine with the AICOST functions, plus
 * what HyperFormula does not keep (number formats, cell roles, links, column
 * widths, frozen rows, the chart) and which sheet is active. No DOM here: the
 * grid in workbookView.ts renders it, and the tests drive it in Node.
 * HyperFormula is GPL-3.0: this folder is bundled into preview.js only.
 */
import { DetailedCellError, ExportedCellChange, type CellValue, type HyperFormula, type SimpleCellAddress, type SimpleCellRange } from "hyperformula";
import { textEntry } from "../excel/writePlan";
import type { CellRole, PlannedChart } from "../presets/plan.types";

/** What HyperFormula does not keep about a cell. */
export interface CellLook {
  readonly numberFormat?: string;
  readonly role?: CellRole;
  readonly hyperlink?: string;
}

/** The sheet-level layout a plan brings (blank sheets have none of it). */
export interface SheetLayout {
  /** 0-based column -> width in points. */
  readonly columnWidthsPoints: ReadonlyMap<number, number>;
  readonly freezeRows: number;
  readonly chart?: PlannedChart;
  /** "row,column" -> look. */
  readonly looks: ReadonlyMap<string, CellLook>;
}

const blankLayout: SheetLayout = { columnWidthsPoints: new Map(), freezeRows: 0, looks: new Map() };

/** A cell value for display: errors carry their code and message. */
export type PreviewValue = number | string | boolean | null | { readonly error: string; readonly message: string };

export type WorkbookEvent =
  | { readonly kind: "sheets" } // sheets added, removed or renamed; the active sheet may have changed
  | { readonly kind: "activeSheet" }
  | { readonly kind: "cells"; readonly sheetId: number; readonly cells: readonly { readonly row: number; readonly column: number }[] };

export function lookKey(row: number, column: number): string {
  return `${row},${column}`;
}

export class PreviewWorkbook {
  private readonly layouts = new Map<number, SheetLayout>();
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  private active: number;

  constructor(readonly engine: HyperFormula) {
    const first = engine.getSheetNames()[0];
    const firstId = first === undefined ? undefined : engine.getSheetId(first);
    this.active = firstId ?? engine.getSheetId(engine.addSheet("Sheet1")) ?? 0;
    engine.on("valuesUpdated", (changes) => this.emitCellChanges(changes));
  }

  /** Calls `listener` on every change; returns a function that unsubscribes it. */
  subscribe(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WorkbookEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private emitCellChanges(changes: readonly unknown[]): void {
    const bySheet = new Map<number, { row: number; column: number }[]>();
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const cells = bySheet.get(change.sheet) ?? [];
      cells.push({ row: change.row, column: change.col });
      bySheet.set(change.sheet, cells);
    }
    for (const [sheetId, cells] of bySheet) this.emit({ kind: "cells", sheetId, cells });
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  sheetId(name: string): number | undefined {
    return this.engine.getSheetId(name);
  }

  get activeSheetId(): number {
    return this.active;
  }

  get activeSheetName(): string {
    return this.engine.getSheetName(this.active) ?? "";
  }

  activate(sheetId: number): void {
    if (this.engine.getSheetName(sheetId) === undefined || sheetId === this.active) return;
    this.active = sheetId;
    this.emit({ kind: "activeSheet" });
  }

  layout(sheetId: number): SheetLayout {
    return this.layouts.get(sheetId) ?? blankLayout;
  }

  /** Adds an empty sheet "SheetN" (the first N free) and activates it. */
  addBlankSheet(): string {
    let n = this.sheetNames().length + 1;
    while (this.engine.doesSheetExist(`Sheet${n}`)) n++;
    const name = this.engine.addSheet(`Sheet${n}`);
    this.active = this.engine.getSheetId(name) ?? this.active;
    this.emit({ kind: "sheets" });
    return name;
  }

  /**
   * Registers a sheet already filled in the engine with its layout, and activates
   * it. Used by the HyperFormula host once a plan is written.
   */
  adoptSheet(sheetId: number, layout: SheetLayout): void {
    this.layouts.set(sheetId, layout);
    this.active = sheetId;
    this.emit({ kind: "sheets" });
  }

  value(sheetId: number, row: number, column: number): PreviewValue {
    return toPreviewValue(this.engine.getCellValue({ sheet: sheetId, row, col: column }));
  }

  /** What the formula bar shows for a cell: its formula, or its value as it would be typed. */
  editText(sheetId: number, row: number, column: number): string {
    const address: SimpleCellAddress = { sheet: sheetId, row, col: column };
    const formula = this.engine.getCellFormula(address);
    if (formula !== undefined) return formula;
    const raw = this.engine.getCellSerialized(address);
    if (raw === null || raw === undefined) return "";
    // HyperFormula keeps text as it was entered, with any apostrophe that made it text. Like
    // Excel's formula bar, show the apostrophe only where the text would otherwise read as
    // something else (the rule the Excel writer uses, textEntry).
    if (typeof raw === "string") {
      // A number or boolean typed as text ("42", "50%") shows as it was typed.
      if (typeof this.engine.getCellValue(address) !== "string") return raw;
      const text = raw.startsWith("'") ? raw.slice(1) : raw;
      return textEntry(text).entry;
    }
    if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
    if (raw instanceof Date) return raw.toISOString();
    return String(raw);
  }

  /**
   * Enters what a user typed into a cell, as Excel reads it: "=..." is a formula,
   * "123" a number, "'..." literal text; "" clears the cell. In a cell with the
   * text format "@" everything typed stays text, as in Excel.
   */
  enter(sheetId: number, row: number, column: number, typed: string): void {
    const textFormat = this.layout(sheetId).looks.get(lookKey(row, column))?.numberFormat === "@";
    const content = typed === "" ? null : textFormat && !typed.startsWith("'") ? `'${typed}` : typed;
    this.engine.setCellContents({ sheet: sheetId, row, col: column }, content);
  }

  /** A range ("A20:A23") or single cell ("C7") of a sheet, or undefined when the text is neither. */
  range(reference: string, sheetId: number): SimpleCellRange | undefined {
    const range = this.engine.simpleCellRangeFromString(reference, sheetId);
    if (range) return range;
    const cell = this.engine.simpleCellAddressFromString(reference, sheetId);
    return cell ? { start: cell, end: cell } : undefined;
  }

  /** The values of a range, row by row. */
  rangeValues(range: SimpleCellRange): PreviewValue[][] {
    const rows: PreviewValue[][] = [];
    for (let row = range.start.row; row <= range.end.row; row++) {
      const values: PreviewValue[] = [];
      for (let column = range.start.col; column <= range.end.col; column++) values.push(this.value(range.start.sheet, row, column));
      rows.push(values);
    }
    return rows;
  }

  /** The used size of a sheet: rows and columns up to the last non-empty cell. */
  usedSize(sheetId: number): { readonly rows: number; readonly columns: number } {
    const { height, width } = this.engine.getSheetDimensions(sheetId);
    return { rows: height, columns: width };
  }
}

function toPreviewValue(value: CellValue): PreviewValue {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message };
  return value;
}

/** The raw value a cell hook exposes: numbers in full precision, errors by code. */
export function rawValueText(value: PreviewValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
