/*
 * The preview's workbook: a HyperFormula engine with the AICOST functions, plus
 * what HyperFormula does not keep (number formats, cell roles, links, column
 * widths, frozen rows, the chart), the order of the sheet tabs, which sheet is
 * active, which sheets were loaded from a preset (and from which), and the
 * user's presets (presetRecords.ts). No DOM here: the grid in workbookView.ts
 * renders it, and the tests drive it in Node.
 * HyperFormula is GPL-3.0: this folder is bundled into preview.js only.
 */
import { format as formatNumber, isDateFormat, isPercentFormat, parseValue } from "numfmt";
import { DetailedCellError, ExportedCellChange, type CellValue, type HyperFormula, type SimpleCellAddress, type SimpleCellRange } from "hyperformula";
import type { ModelOrigin } from "../workbook/host";
import { sheetCellsOf } from "../workbook/sheetCells";
import { sheetNameProblem } from "../workbook/sheetName";
import { textEntry, textFormat } from "../workbook/writePlan";
import type { RawCellContent } from "../hyperformula/planContent";
import type { SheetCell } from "../presets/freeze";
import type { CellRole, PlannedChart } from "../presets/plan.types";
import { divisionByZeroMessage, formulaSyntaxMessage, numErrorMessage, type DivisorValue } from "./errorMessages";
import { PresetRecords, previewPriceDataPrefix, type RecordStorage } from "./presetRecords";

/** What HyperFormula does not keep about a cell. */
export interface CellLook {
  readonly numberFormat?: string;
  readonly role?: CellRole;
  readonly hyperlink?: string;
  /** The "row,column" key of the check that highlights this cell while it shows a warning (see PlannedCheck). */
  readonly checkedBy?: string;
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

/** The most rows and columns the preview's grid draws (and selects): the preview's last row and column are one less. */
export const previewGridRows = 5000;
export const previewGridColumns = 200;

export function lookKey(row: number, column: number): string {
  return `${row},${column}`;
}

/**
 * What typing `typed` into a cell of this number format puts in HyperFormula,
 * as Excel reads what is typed (or written through Office.js): "=..." is a
 * formula, "'..." literal text without the apostrophe, "" clears the cell, and
 * in a cell with the text format "@" everything is text.
 */
export function typedContent(typed: string, numberFormat: string | undefined): RawCellContent {
  if (typed === "") return null;
  return numberFormat === textFormat && !typed.startsWith("'") ? `'${typed}` : typed;
}

/** What typing puts into a cell: its content, and the number format the typed form gives it (Excel's "$170,000" -> "$#,##0"). */
export interface TypedEntry {
  readonly content: RawCellContent;
  readonly numberFormat?: string;
}

function isGeneralFormat(numberFormat: string | undefined): boolean {
  return numberFormat === undefined || /^general$/i.test(numberFormat.trim());
}

/**
 * What typing `typed` into a cell of this number format enters, as Excel reads
 * what a user types: "=..." is a formula; "'..." is text (the apostrophe is not
 * part of it); in a text-formatted cell ("@") everything is text; otherwise
 * what Excel reads as a number is a number: "$170,000", "65,000", "20%",
 * "1.5E+9", "(1,000)", " 42 ", dates such as "1/2/2026", and TRUE/FALSE. A cell
 * without a number format takes the typed form's ("$#,##0", "0%", "0.00E+00",
 * "m/d/yyyy"); a plain number typed into a percent cell is a percentage, as with
 * Excel's automatic percent entry ("40" -> 40%, "0.4" -> 40%). Anything else is
 * text, kept as typed. The reading is numfmt's parseValue, which reads input as
 * Excel (en-US) does.
 */
export function typedEntry(typed: string, numberFormat: string | undefined): TypedEntry {
  if (typed === "") return { content: null };
  if (typed.startsWith("'")) return { content: typed };
  if (numberFormat === textFormat) return { content: `'${typed}` };
  if (typed.startsWith("=") && typed.length > 1) return { content: withLowercaseExponents(typed) };
  const parsed = parseValue(typed);
  if (parsed === null || (typeof parsed.v !== "number" && typeof parsed.v !== "boolean")) return { content: `'${typed}` };
  if (typeof parsed.v === "boolean") return { content: parsed.v };
  const typedFormat = parsed.z;
  let value = parsed.v;
  if ((typedFormat === undefined || isGeneralFormat(typedFormat)) && numberFormat !== undefined && isPercentFormat(numberFormat) && Math.abs(value) >= 1) {
    value /= 100;
  }
  return typedFormat !== undefined && isGeneralFormat(numberFormat) && !isGeneralFormat(typedFormat) ? { content: value, numberFormat: typedFormat } : { content: value };
}

/**
 * A formula with the exponent of every number written with a lowercase "e"
 * ("=1.5E+9*2" -> "=1.5e+9*2"): Excel reads both, HyperFormula only the
 * lowercase one (it reads "1E+3" as 1 followed by a stray "E"). Text in double
 * quotes and sheet names in single quotes are left as they are; so are cell
 * references and names, whose digits follow a letter.
 */
export function withLowercaseExponents(formula: string): string {
  return formula.replace(/("[^"]*"?|'[^']*'?)|(?<![\w.$])((?:\d+\.?\d*|\.\d+))E(?=[+-]?\d)/g, (_match: string, quoted: string | undefined, mantissa: string | undefined) =>
    quoted !== undefined ? quoted : `${mantissa ?? ""}e`,
  );
}

/** A cell as it was before an edit, to put it back. */
interface CellState {
  readonly row: number;
  readonly column: number;
  readonly content: RawCellContent;
  readonly look: CellLook | undefined;
}

/** One edit the user can undo: the cells it changed, as they were. */
interface Edit {
  readonly sheetId: number;
  readonly before: readonly CellState[];
}

/** How many edits Ctrl+Z can undo. */
export const undoLevels = 20;

/** A sheet loaded from a preset: the key the host hands out for it (it survives renames) and where it came from. */
export interface ModelRecord {
  readonly key: string;
  readonly origin: ModelOrigin;
}

/** A sheet loaded from a preset, as the workbook lists it. */
export interface WorkbookModel extends ModelRecord {
  readonly sheetId: number;
  readonly sheetName: string;
}

export interface PreviewWorkbookOptions {
  /** Where the user's presets outlive the page (the page passes localStorage); without it they live in memory only. */
  readonly storage?: RecordStorage;
}

export class PreviewWorkbook {
  private readonly layouts = new Map<number, SheetLayout>();
  /** HyperFormula sheet id -> the record of the preset it was loaded from. Ids are reused after a removal, so removing a sheet drops its entry. */
  private readonly models = new Map<number, ModelRecord>();
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  /** Sheet ids in tab order (HyperFormula only appends). */
  private order: number[] = [];
  private active: number;
  /** The top-left cell of the grid's selection on the active sheet. */
  private selected: { readonly row: number; readonly column: number } = { row: 0, column: 0 };
  private modelCount = 0;
  /** The user's edits, the last one last, for undo. */
  private edits: Edit[] = [];
  /** The user's presets kept with this workbook. */
  readonly presetRecords: PresetRecords;
  /** The price data kept with this workbook (src/workbook/priceDataRecord.ts parts). */
  readonly priceDataRecords: PresetRecords;

  constructor(
    readonly engine: HyperFormula,
    options: PreviewWorkbookOptions = {},
  ) {
    const first = engine.getSheetNames()[0];
    const firstId = first === undefined ? undefined : engine.getSheetId(first);
    this.active = firstId ?? engine.getSheetId(engine.addSheet("Sheet1")) ?? 0;
    this.presetRecords = new PresetRecords(options.storage);
    this.priceDataRecords = new PresetRecords(options.storage, previewPriceDataPrefix);
    engine.on("valuesUpdated", (changes) => this.emitCellChanges(changes));
  }

  /** Calls `listener` on every change; returns a function that unsubscribes it. */
  subscribe(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; a listener that throws does not stop the others, nor the change that is being told. */
  private emit(event: WorkbookEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
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

  /** Sheet ids in tab order. */
  sheetIds(): number[] {
    const ids = this.engine.getSheetNames().map((name) => this.engine.getSheetId(name) as number);
    const known = new Set(ids);
    this.order = this.order.filter((id) => known.has(id));
    for (const id of ids) if (!this.order.includes(id)) this.order.push(id);
    return [...this.order];
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.sheetIds().map((id) => this.engine.getSheetName(id) ?? "");
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

  /** The top-left cell of the selection on the active sheet, as the grid last reported it (what the pane inserts at). */
  get selectedCell(): { readonly row: number; readonly column: number } {
    return this.selected;
  }

  /** Records the grid's selection: the top-left cell of the selected range. */
  select(row: number, column: number): void {
    this.selected = { row, column };
  }

  /** Adds an empty sheet "SheetN" (the first N free) and activates it. */
  addBlankSheet(): string {
    let n = this.sheetNames().length + 1;
    while (this.engine.doesSheetExist(`Sheet${n}`)) n++;
    const name = this.engine.addSheet(`Sheet${n}`);
    const sheetId = this.engine.getSheetId(name);
    if (sheetId !== undefined) {
      // HyperFormula may reuse the id of a removed sheet: nothing kept about that one applies.
      this.layouts.delete(sheetId);
      this.models.delete(sheetId);
      this.forgetEdits(sheetId);
      this.active = sheetId;
    }
    this.emit({ kind: "sheets" });
    return name;
  }

  /**
   * Registers a sheet already filled in the engine with its layout, and activates
   * it. Used by the HyperFormula host once a plan is written (with the origin
   * when the pane gave one) or a frozen copy made (placed after its original).
   * Returns the key of the sheet's model record when it has an origin.
   */
  adoptSheet(sheetId: number, layout: SheetLayout, options: { readonly origin?: ModelOrigin; readonly after?: number } = {}): string | undefined {
    const ids = this.sheetIds().filter((id) => id !== sheetId);
    const at = options.after === undefined ? -1 : ids.indexOf(options.after);
    ids.splice(at < 0 ? ids.length : at + 1, 0, sheetId);
    this.order = ids;
    this.layouts.set(sheetId, layout);
    this.forgetEdits(sheetId);
    let key: string | undefined;
    if (options.origin !== undefined) {
      key = `m${++this.modelCount}`;
      this.models.set(sheetId, { key, origin: options.origin });
    } else {
      this.models.delete(sheetId);
    }
    this.active = sheetId;
    this.emit({ kind: "sheets" });
    return key;
  }

  /**
   * Removes a sheet the host added but never adopted (a load or freeze that
   * failed half way), with anything kept about it. No listener hears of it:
   * for them the sheet never existed.
   */
  discardSheet(sheetId: number): void {
    if (this.engine.getSheetName(sheetId) !== undefined) this.engine.removeSheet(sheetId);
    this.layouts.delete(sheetId);
    this.models.delete(sheetId);
    this.forgetEdits(sheetId);
    this.order = this.order.filter((id) => id !== sheetId);
  }

  private forgetEdits(sheetId: number): void {
    this.edits = this.edits.filter((edit) => edit.sheetId !== sheetId);
  }

  /** Renames a sheet as Excel would allow; throws with the reason when Excel would refuse the name. */
  renameSheet(sheetId: number, name: string): void {
    const current = this.engine.getSheetName(sheetId);
    if (current === undefined) throw new Error("The sheet no longer exists.");
    if (name === current) return;
    const problem = sheetNameProblem(
      name,
      this.sheetNames().filter((other) => other !== current),
    );
    if (problem !== undefined) throw new Error(problem);
    this.engine.renameSheet(sheetId, name);
    this.emit({ kind: "sheets" });
  }

  /** The sheets loaded from a preset that still exist, in tab order, each with its current name. */
  modelSheets(): WorkbookModel[] {
    return this.sheetIds().flatMap((sheetId) => {
      const record = this.models.get(sheetId);
      return record === undefined ? [] : [{ ...record, sheetId, sheetName: this.engine.getSheetName(sheetId) ?? "" }];
    });
  }

  /** The sheet whose model record has this key, or undefined when that sheet no longer exists. */
  modelSheet(key: string): WorkbookModel | undefined {
    return this.modelSheets().find((model) => model.key === key);
  }

  /**
   * Every non-empty cell of a sheet in row-major order, as the Excel host reads
   * a used range (sheetCellsOf): its address, its formula when it has one, the
   * value it shows (an error by its code); literal text as the text itself.
   */
  readCells(sheetId: number): SheetCell[] {
    const { rows, columns } = this.usedSize(sheetId);
    const formulas: unknown[][] = [];
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (let row = 0; row < rows; row++) {
      const formulaRow: unknown[] = [];
      const valueRow: unknown[] = [];
      const typeRow: string[] = [];
      for (let column = 0; column < columns; column++) {
        const address: SimpleCellAddress = { sheet: sheetId, row, col: column };
        const value = this.engine.getCellValue(address);
        const shown = value instanceof DetailedCellError ? value.value : value;
        valueRow.push(shown);
        typeRow.push(
          value === null ? "Empty" : value instanceof DetailedCellError ? "Error" : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
        );
        formulaRow.push(this.engine.getCellFormula(address) ?? shown);
      }
      formulas.push(formulaRow);
      values.push(valueRow);
      valueTypes.push(typeRow);
    }
    return sheetCellsOf({ rowIndex: 0, columnIndex: 0, formulas, values, valueTypes });
  }

  /**
   * A cell's value for display. An error says what went wrong in Excel's words: a
   * formula that cannot be read says what is wrong with it, #DIV/0! what divided by
   * zero, IRR's #NUM! that it found no rate.
   */
  value(sheetId: number, row: number, column: number): PreviewValue {
    const address: SimpleCellAddress = { sheet: sheetId, row, col: column };
    const value = this.engine.getCellValue(address);
    if (!(value instanceof DetailedCellError)) return value;
    const formula = this.engine.getCellFormula(address);
    if (formula !== undefined && value.value === "#ERROR!" && value.message.startsWith("Parsing error")) {
      return { error: value.value, message: formulaSyntaxMessage(value.message, formula) };
    }
    if (formula !== undefined && value.value === "#DIV/0!") {
      return { error: value.value, message: divisionByZeroMessage(formula, (expression) => this.divisorValue(expression, sheetId), value.message) };
    }
    if (formula !== undefined && value.value === "#NUM!" && value.message === "") {
      const message = numErrorMessage(formula, (expression) => this.isNumError(expression, sheetId));
      if (message !== undefined) return { error: value.value, message };
    }
    return toPreviewValue(value);
  }

  /** Whether an expression of a formula on this sheet (an IRR call) evaluates to #NUM!, for explaining the formula's #NUM!. */
  private isNumError(expression: string, sheetId: number): boolean {
    try {
      const value = this.engine.calculateFormula(`=${expression}`, sheetId);
      return value instanceof DetailedCellError && value.value === "#NUM!";
    } catch {
      return false;
    }
  }

  /** What an expression of a formula on this sheet evaluates to, for explaining a division by zero. */
  private divisorValue(expression: string, sheetId: number): DivisorValue {
    const cell = this.engine.simpleCellAddressFromString(expression.replace(/\$/g, ""), sheetId);
    if (cell !== undefined && this.engine.getCellValue(cell) === null) return { kind: "blank" };
    try {
      const value = this.engine.calculateFormula(`=${expression}`, sheetId);
      if (value instanceof DetailedCellError) return value.value === "#DIV/0!" ? { kind: "divZero" } : { kind: "other" };
      if (value === null || value === 0 || value === false) return { kind: "zero" };
      return { kind: "other" };
    } catch {
      return { kind: "other" };
    }
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
    // As Excel's formula bar, a percentage shows as one ("20%", not 0.2).
    const numberFormat = this.layout(sheetId).looks.get(lookKey(row, column))?.numberFormat;
    if (typeof raw === "number" && numberFormat !== undefined && isPercentFormat(numberFormat)) return `${Number((raw * 100).toPrecision(15))}%`;
    // A date as Excel's formula bar shows it (en-US), not its serial number.
    if (typeof raw === "number" && numberFormat !== undefined && isDateFormat(numberFormat)) {
      return formatNumber(Number.isInteger(raw) ? "m/d/yyyy" : "m/d/yyyy h:mm:ss AM/PM", raw);
    }
    return String(raw);
  }

  /**
   * Enters what a user typed into a cell, as Excel reads it (typedEntry): "=..."
   * is a formula, "$170,000" a number in currency format, "'..." literal text;
   * "" clears the cell. Ctrl+Z (undo) puts the cell back as it was.
   */
  enter(sheetId: number, row: number, column: number, typed: string): void {
    this.enterRange(sheetId, row, column, [[typed]]);
  }

  /**
   * Enters a block of typed texts with its top-left cell at (row, column), as one
   * edit (a paste, or clearing a range): each text as `enter` reads it, or as
   * Office.js writes it into a cell of the number format given for it.
   */
  enterRange(sheetId: number, row: number, column: number, texts: readonly (readonly string[])[], numberFormats?: readonly (readonly (string | null)[])[]): void {
    const before: CellState[] = [];
    const changes: { row: number; column: number; content: RawCellContent; numberFormat: string | undefined }[] = [];
    texts.forEach((line, r) =>
      line.forEach((typed, c) => {
        const at = { row: row + r, column: column + c };
        const look = this.layout(sheetId).looks.get(lookKey(at.row, at.column));
        // A number format given with the text is set first, as Office.js sets Range.numberFormat before Range.formulas.
        const given = numberFormats?.[r]?.[c] ?? undefined;
        const entry = typedEntry(typed, given ?? look?.numberFormat);
        before.push({ ...at, content: this.rawContent(sheetId, at.row, at.column), look });
        changes.push({ ...at, content: entry.content, numberFormat: entry.numberFormat ?? given });
      }),
    );
    this.engine.batch(() => {
      for (const change of changes) this.engine.setCellContents({ sheet: sheetId, row: change.row, col: change.column }, change.content);
    });
    const restyled = changes.filter((change) => change.numberFormat !== undefined);
    for (const change of restyled) {
      const look = this.layout(sheetId).looks.get(lookKey(change.row, change.column));
      this.setLook(sheetId, change.row, change.column, { ...look, numberFormat: change.numberFormat as string });
    }
    this.edits.push({ sheetId, before });
    if (this.edits.length > undoLevels) this.edits.shift();
    if (restyled.length > 0) this.emit({ kind: "cells", sheetId, cells: restyled.map(({ row: r, column: c }) => ({ row: r, column: c })) });
  }

  /**
   * Pastes a range copied from a sheet of this workbook at (row, column), as
   * Excel pastes within a workbook: formulas with their relative references
   * moved, values, and formats. One edit for undo.
   */
  pasteRange(fromSheetId: number, from: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }, sheetId: number, row: number, column: number): void {
    const rows = from.bottom - from.top + 1;
    const columns = from.right - from.left + 1;
    const before: CellState[] = [];
    const fromLooks = this.layout(fromSheetId).looks;
    const copiedLooks: (CellLook | undefined)[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        before.push({ row: row + r, column: column + c, content: this.rawContent(sheetId, row + r, column + c), look: this.layout(sheetId).looks.get(lookKey(row + r, column + c)) });
        copiedLooks.push(fromLooks.get(lookKey(from.top + r, from.left + c)));
      }
    }
    this.engine.copy({ start: { sheet: fromSheetId, row: from.top, col: from.left }, end: { sheet: fromSheetId, row: from.bottom, col: from.right } });
    this.engine.paste({ sheet: sheetId, row, col: column });
    // Excel pastes the cells' formats with them.
    before.forEach((cell, i) => this.setLook(sheetId, cell.row, cell.column, copiedLooks[i]));
    this.edits.push({ sheetId, before });
    if (this.edits.length > undoLevels) this.edits.shift();
    this.emit({ kind: "cells", sheetId, cells: before.map(({ row: r, column: c }) => ({ row: r, column: c })) });
  }

  /** Whether there is an edit to undo. */
  get canUndo(): boolean {
    return this.edits.length > 0;
  }

  /**
   * Undoes the last edit (Ctrl+Z): its cells get back their contents and number
   * formats. Returns the sheet and top-left cell it changed, or undefined when
   * there is nothing to undo. Loading, freezing and renaming sheets are not edits.
   */
  undo(): { readonly sheetId: number; readonly row: number; readonly column: number } | undefined {
    const edit = this.edits.pop();
    if (edit === undefined) return undefined;
    const { sheetId, before } = edit;
    if (this.engine.getSheetName(sheetId) === undefined) return this.undo();
    this.engine.batch(() => {
      for (const cell of before) this.engine.setCellContents({ sheet: sheetId, row: cell.row, col: cell.column }, cell.content);
    });
    for (const cell of before) this.setLook(sheetId, cell.row, cell.column, cell.look);
    this.emit({ kind: "cells", sheetId, cells: before.map(({ row, column }) => ({ row, column })) });
    const first = before[0];
    return { sheetId, row: first?.row ?? 0, column: first?.column ?? 0 };
  }

  /** A cell's content as HyperFormula keeps it (a formula, a number, text with its apostrophe), to write back. */
  private rawContent(sheetId: number, row: number, column: number): RawCellContent {
    const raw = this.engine.getCellSerialized({ sheet: sheetId, row, col: column });
    if (raw === undefined || raw === null) return null;
    if (raw instanceof Date) return raw.toISOString();
    return raw as RawCellContent;
  }

  /** Sets (or with undefined removes) what HyperFormula does not keep about a cell. */
  private setLook(sheetId: number, row: number, column: number, look: CellLook | undefined): void {
    const layout = this.layout(sheetId);
    const looks = new Map(layout.looks);
    if (look === undefined) looks.delete(lookKey(row, column));
    else looks.set(lookKey(row, column), look);
    this.layouts.set(sheetId, { ...layout, looks });
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
