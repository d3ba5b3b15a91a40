/*
 * A small hand-written stand-in for the part of the Excel JavaScript API the
 * workbook host uses. Like Office.js, it queues every property set and method
 * call and carries them out only at context.sync(), in order; a failing
 * operation stops the batch and leaves the operations before it applied (Excel
 * has no rollback). It counts syncs, records every call, can fail on demand at
 * a chosen operation, and reads strings as Excel reads typed input: "=..." is a
 * formula, "'..." is text with the prefix dropped, "2026" is a number, "TRUE" a
 * boolean, "Mar 2026" a date, and a Text-formatted ("@") cell keeps everything
 * literally, including a leading apostrophe.
 */
import type { OfficeEnvironment } from "../../src/excel/officeHost";

export type FakeContent =
  | { readonly kind: "text"; readonly text: string; readonly quotePrefix: boolean }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "date"; readonly typed: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "formula"; readonly formula: string };

export interface FakeFont {
  color: string;
  bold: boolean;
  italic: boolean;
  size: number;
  underline: string;
}

export interface FakeCell {
  content: FakeContent | null;
  numberFormat: string;
  font: FakeFont;
  fill: string | null;
  hyperlink: { address?: string; screenTip?: string; textToDisplay?: string } | null;
}

export interface FakeChartSeries {
  name: string;
  values: string;
  xValues: string | null;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  series: FakeChartSeries[];
  legendPosition: string | null;
  valueAxisNumberFormat: string | null;
  topLeft: string | null;
  bottomRight: string | null;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: FakeChart[];
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheetId: string;
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation: string };
  constructor(code: string, message: string, errorLocation: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const defaultFont = (): FakeFont => ({ color: "#000000", bold: false, italic: false, size: 11, underline: "None" });
const emptyCell = (): FakeCell => ({ content: null, numberFormat: "General", font: defaultFont(), fill: null, hyperlink: null });

// ---------------------------------------------------------------- addresses

interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const maxRow = 1_048_575;
const maxColumn = 16_383;

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnToLetters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function fakeAddress(row: number, column: number): string {
  return `${columnToLetters(column)}${row + 1}`;
}

function boundsAddress(b: Bounds): string {
  if (b.top === 0 && b.bottom === maxRow) return `${columnToLetters(b.left)}:${columnToLetters(b.right)}`;
  const tl = fakeAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${fakeAddress(b.bottom, b.right)}`;
}

/** Parses "B7", "$B$7", "A1:C3" or whole columns "C:E"; undefined when Excel would refuse it. */
export function parseFakeRange(address: string): Bounds | undefined {
  const a = address.replace(/\$/g, "").toUpperCase();
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (columns) {
    const l = lettersToColumn(columns[1] as string);
    const r = lettersToColumn(columns[2] as string);
    if (l > maxColumn || r > maxColumn) return undefined;
    return { top: 0, bottom: maxRow, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const cells = /^([A-Z]{1,3})([1-9][0-9]*)(?::([A-Z]{1,3})([1-9][0-9]*))?$/.exec(a);
  if (!cells) return undefined;
  const c1 = lettersToColumn(cells[1] as string);
  const r1 = Number(cells[2]) - 1;
  const c2 = cells[3] === undefined ? c1 : lettersToColumn(cells[3]);
  const r2 = cells[4] === undefined ? r1 : Number(cells[4]) - 1;
  if (Math.max(c1, c2) > maxColumn || Math.max(r1, r2) > maxRow) return undefined;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

const key = (row: number, column: number): string => `${row},${column}`;

// ---------------------------------------------------------------- typed input

const monthNames = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const datePatterns = [
  /^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/,
  new RegExp(`^(?:${monthNames})[ -]\\d{1,4}(?:,? \\d{2,4})?$`, "i"),
  new RegExp(`^\\d{1,2}[ -](?:${monthNames})(?:[ -]\\d{2,4})?$`, "i"),
  /^\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?$/i,
];

/** What Excel makes of a value written to a cell, as if typed. */
export function readAsTyped(input: unknown, numberFormat: string): FakeContent | null {
  if (typeof input === "number") return { kind: "number", value: input };
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported cell input ${String(input)}`, "Range.formulas");
  const s = input;
  if (s === "") return null;
  if (numberFormat === "@") return { kind: "text", text: s, quotePrefix: false };
  if (s.startsWith("'")) return { kind: "text", text: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s };
  const numeric = s.trim().replace(/^([+-]?)\$/, "$1").replace(/,(?=\d{3})/g, "");
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i.test(numeric)) {
    const percent = numeric.endsWith("%");
    const value = Number(percent ? numeric.slice(0, -1) : numeric);
    return { kind: "number", value: percent ? value / 100 : value };
  }
  if (/^\(\d+(?:\.\d*)?\)$/.test(s.trim())) return { kind: "number", value: -Number(s.trim().slice(1, -1)) };
  if (/^[+\-@]/.test(s)) return { kind: "formula", formula: `=${s}` };
  if (/^\s*(true|false)\s*$/i.test(s)) return { kind: "boolean", value: /true/i.test(s) };
  if (/^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/i.test(s.trim())) return { kind: "error", code: s.trim().toUpperCase() };
  if (datePatterns.some((p) => p.test(s.trim()))) return { kind: "date", typed: s };
  return { kind: "text", text: s, quotePrefix: false };
}

// ---------------------------------------------------------------- the fake

interface Operation {
  readonly label: string;
  readonly run: () => void;
}

interface FailRule {
  readonly label: string;
  readonly nth: number;
  readonly message: string;
  seen: number;
}

export interface InitialSheet {
  readonly name: string;
  /** A1 address -> what was typed there. */
  readonly cells?: Readonly<Record<string, string | number | boolean>>;
}

export class FakeExcel {
  readonly workbook: FakeWorkbook;
  /** Every API call, in the order the code made it ("Worksheet.getRange(A1:F9)", "sync"). */
  readonly calls: string[] = [];
  /** Every operation carried out at a sync, in order. */
  readonly executed: string[] = [];
  /** Syncs per Excel.run, in order of the runs. */
  readonly syncsPerRun: number[] = [];
  /** The ExcelApi version this Excel supports. */
  excelApi = "1.17";
  /**
   * Whether a Text-formatted ("@") cell keeps a string written through the API
   * as literal text. Office documents this for typing, not for Range.formulas;
   * set false to model an Excel that parses the string anyway.
   */
  textFormatHonoured = true;
  private nextId = 1;
  private failRules: FailRule[] = [];

  constructor(initial: readonly InitialSheet[] = [{ name: "Sheet1" }]) {
    this.workbook = { sheets: [], activeSheetId: "" };
    for (const sheet of initial) {
      const model = this.newSheet(sheet.name);
      for (const [address, typed] of Object.entries(sheet.cells ?? {})) {
        const b = parseFakeRange(address);
        if (!b) throw new Error(`bad address ${address}`);
        const cell = emptyCell();
        cell.content = readAsTyped(typed, cell.numberFormat);
        model.cells.set(key(b.top, b.left), cell);
      }
      this.workbook.sheets.push(model);
    }
    this.workbook.activeSheetId = this.workbook.sheets[0]?.id ?? "";
  }

  get syncCount(): number {
    return this.syncsPerRun.reduce((a, b) => a + b, 0);
  }

  /** Makes the nth (1-based) operation with this label fail when it is carried out. */
  failOn(label: string, options: { nth?: number; message?: string } = {}): void {
    this.failRules.push({ label, nth: options.nth ?? 1, message: options.message ?? `Simulated failure at ${label}`, seen: 0 });
  }

  /** The Office.js surface the workbook host takes. */
  environment(): OfficeEnvironment {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run(batch),
      isSetSupported: (name, minVersion) => name === "ExcelApi" && compareVersions(minVersion, this.excelApi) <= 0,
    };
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const runIndex = this.syncsPerRun.push(0) - 1;
    const context = new FakeContext(this, () => {
      this.syncsPerRun[runIndex] = (this.syncsPerRun[runIndex] ?? 0) + 1;
    });
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run carries out whatever is still queued when the batch ends.
      if (context.pending()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** Carries out queued operations; called by FakeContext.sync. */
  execute(operations: readonly Operation[]): void {
    for (const op of operations) {
      const rule = this.failRules.find((r) => r.label === op.label);
      if (rule) {
        rule.seen++;
        if (rule.seen === rule.nth) throw new FakeOfficeError("GeneralException", rule.message, op.label);
      }
      op.run();
      this.executed.push(op.label);
    }
  }

  newSheet(name: string): FakeSheet {
    return { id: `{sheet-${this.nextId++}}`, name, cells: new Map(), columnWidths: new Map(), frozenRows: 0, charts: [] };
  }

  // ---- inspection helpers for tests

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  sheet(name: string): FakeSheet {
    const found = this.workbook.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return found;
  }

  cell(sheetName: string, address: string): FakeCell {
    const b = parseFakeRange(address);
    if (!b) throw new Error(`bad address ${address}`);
    return this.sheet(sheetName).cells.get(key(b.top, b.left)) ?? emptyCell();
  }

  activeSheetName(): string | undefined {
    return this.workbook.sheets.find((s) => s.id === this.workbook.activeSheetId)?.name;
  }

  /** A deep copy of the workbook, for before/after comparisons. */
  snapshot(): FakeWorkbook {
    return structuredClone(this.workbook);
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function notLoaded(what: string): never {
  throw new Error(
    `PropertyNotLoaded: The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function fail(code: string, message: string, location: string): never {
  throw new FakeOfficeError(code, message, location);
}

class FakeContext {
  readonly workbook: { readonly worksheets: FakeWorksheetCollection };
  private queue: Operation[] = [];
  private closed = false;

  constructor(
    readonly excel: FakeExcel,
    private readonly countSync: () => void,
  ) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this) };
  }

  enqueue(label: string, detail: string, run: () => void): void {
    if (this.closed) throw new Error(`InvalidObjectPath: ${label} used after its Excel.run ended`);
    this.excel.calls.push(detail === "" ? label : `${label}(${detail})`);
    this.queue.push({ label, run });
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new Error("InvalidObjectPath: context.sync after Excel.run ended");
    this.countSync();
    this.excel.calls.push("sync");
    const operations = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.excel.execute(operations);
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;

  constructor(private readonly context: FakeContext) {}

  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded("items");
  }

  load(properties: string | string[]): this {
    const wanted = Array.isArray(properties) ? properties.join(",") : properties;
    this.context.enqueue("WorksheetCollection.load", wanted, () => {
      this.loadedItems = this.context.excel.workbook.sheets.map((model) => {
        const sheet = new FakeWorksheet(this.context, model);
        sheet.markLoaded();
        return sheet;
      });
    });
    return this;
  }

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, undefined);
    this.context.enqueue("WorksheetCollection.add", name ?? "", () => {
      const excel = this.context.excel;
      const wanted = name ?? `Sheet${excel.workbook.sheets.length + 1}`;
      if (wanted.length === 0 || wanted.length > 31 || /[\\/?*:[\]]/.test(wanted) || /^'|'$/.test(wanted)) {
        fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${wanted}"`, "WorksheetCollection.add");
      }
      const upper = wanted.toUpperCase();
      if (upper === "HISTORY" || excel.workbook.sheets.some((s) => s.name.toUpperCase() === upper)) {
        fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${wanted}"`, "WorksheetCollection.add");
      }
      const model = excel.newSheet(wanted);
      excel.workbook.sheets.push(model);
      sheet.bind(model);
    });
    return sheet;
  }

  getItem(nameOrId: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, undefined);
    this.context.enqueue("WorksheetCollection.getItem", nameOrId, () => {
      const model = this.find(nameOrId);
      if (!model) fail("ItemNotFound", `The requested resource doesn't exist: "${nameOrId}"`, "WorksheetCollection.getItem");
      sheet.bind(model);
    });
    return sheet;
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, undefined);
    this.context.enqueue("WorksheetCollection.getItemOrNullObject", nameOrId, () => {
      const model = this.find(nameOrId);
      if (model) sheet.bind(model);
      else sheet.bindNull();
    });
    return sheet;
  }

  private find(nameOrId: string): FakeSheet | undefined {
    const upper = nameOrId.toUpperCase();
    return this.context.excel.workbook.sheets.find((s) => s.id === nameOrId || s.name.toUpperCase() === upper);
  }
}

class FakeWorksheet {
  private loaded = false;
  private nullObject: boolean | undefined;
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly charts: FakeChartCollection;

  constructor(
    readonly context: FakeContext,
    private model: FakeSheet | undefined,
  ) {
    if (model) this.nullObject = false;
    this.freezePanes = {
      freezeRows: (count?: number) => {
        this.context.enqueue("WorksheetFreezePanes.freezeRows", String(count ?? 1), () => {
          this.resolve("WorksheetFreezePanes.freezeRows").frozenRows = count ?? 1;
        });
      },
    };
    this.charts = new FakeChartCollection(this);
  }

  bind(model: FakeSheet): void {
    this.model = model;
    this.nullObject = false;
  }

  bindNull(): void {
    this.nullObject = true;
  }

  markLoaded(): void {
    this.loaded = true;
  }

  /** The sheet this proxy stands for, once the operation that found or made it has run. */
  resolve(location: string): FakeSheet {
    if (this.nullObject === true) fail("ItemNotFound", "The requested resource doesn't exist.", location);
    if (!this.model) fail("InvalidObjectPath", "The object path isn't working for what you're trying to do.", location);
    if (!this.context.excel.workbook.sheets.includes(this.model)) fail("ItemNotFound", "The worksheet was deleted.", location);
    return this.model;
  }

  get name(): string {
    return this.loaded && this.model ? this.model.name : notLoaded("name");
  }

  get id(): string {
    return this.loaded && this.model ? this.model.id : notLoaded("id");
  }

  get isNullObject(): boolean {
    return this.nullObject ?? notLoaded("isNullObject");
  }

  load(properties?: string | string[]): this {
    this.context.enqueue("Worksheet.load", Array.isArray(properties) ? properties.join(",") : (properties ?? ""), () => {
      this.resolve("Worksheet.load");
      this.loaded = true;
    });
    return this;
  }

  getRange(address?: string): FakeRange {
    const range = new FakeRange(this);
    this.context.enqueue("Worksheet.getRange", address ?? "", () => {
      const sheet = this.resolve("Worksheet.getRange");
      const bounds = address === undefined ? { top: 0, left: 0, bottom: maxRow, right: maxColumn } : parseFakeRange(address);
      if (!bounds) fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}"`, "Worksheet.getRange");
      range.bind(sheet, bounds);
    });
    return range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const range = new FakeRange(this);
    this.context.enqueue("Worksheet.getRangeByIndexes", `${startRow},${startColumn},${rowCount},${columnCount}`, () => {
      const sheet = this.resolve("Worksheet.getRangeByIndexes");
      const bottom = startRow + rowCount - 1;
      const right = startColumn + columnCount - 1;
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || bottom > maxRow || right > maxColumn) {
        fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", "Worksheet.getRangeByIndexes");
      }
      range.bind(sheet, { top: startRow, left: startColumn, bottom, right });
    });
    return range;
  }

  activate(): void {
    this.context.enqueue("Worksheet.activate", "", () => {
      this.context.excel.workbook.activeSheetId = this.resolve("Worksheet.activate").id;
    });
  }

  delete(): void {
    this.context.enqueue("Worksheet.delete", "", () => {
      const model = this.resolve("Worksheet.delete");
      const workbook = this.context.excel.workbook;
      if (workbook.sheets.length === 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      const index = workbook.sheets.indexOf(model);
      workbook.sheets.splice(index, 1);
      if (workbook.activeSheetId === model.id) {
        workbook.activeSheetId = (workbook.sheets[Math.min(index, workbook.sheets.length - 1)] as FakeSheet).id;
      }
    });
  }
}

type Grid = readonly (readonly unknown[])[];

class FakeRange {
  private sheet: FakeSheet | undefined;
  private bounds: Bounds | undefined;
  readonly format: FakeRangeFormat;

  constructor(readonly worksheet: FakeWorksheet) {
    this.format = new FakeRangeFormat(this);
  }

  bind(sheet: FakeSheet, bounds: Bounds): void {
    this.sheet = sheet;
    this.bounds = bounds;
  }

  get context(): FakeContext {
    return this.worksheet.context;
  }

  resolve(location: string): { sheet: FakeSheet; bounds: Bounds } {
    if (!this.sheet || !this.bounds) fail("InvalidObjectPath", "The range was never resolved.", location);
    if (!this.context.excel.workbook.sheets.includes(this.sheet)) fail("ItemNotFound", "The worksheet was deleted.", location);
    return { sheet: this.sheet, bounds: this.bounds };
  }

  /** "Sheet!A1:B2": where the range is, for chart series. */
  describe(location: string): string {
    const { sheet, bounds } = this.resolve(location);
    return `${sheet.name}!${boundsAddress(bounds)}`;
  }

  /** Every cell of the range, created on first touch. Whole-column ranges are refused: nothing here needs them. */
  eachCell(location: string, visit: (cell: FakeCell, row: number, column: number) => void): void {
    const { sheet, bounds } = this.resolve(location);
    if ((bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) > 1_000_000) {
      throw new Error(`${location} on a range of more than a million cells is not modelled`);
    }
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      for (let c = bounds.left; c <= bounds.right; c++) {
        const k = key(r, c);
        const cell = sheet.cells.get(k) ?? emptyCell();
        visit(cell, r - bounds.top, c - bounds.left);
        sheet.cells.set(k, cell);
      }
    }
  }

  private setGrid(label: string, grid: Grid, apply: (cell: FakeCell, value: unknown) => void): void {
    const rows = grid.length;
    const columns = grid[0]?.length ?? 0;
    this.context.enqueue(label, `${rows}x${columns}`, () => {
      const { bounds } = this.resolve(label);
      const height = bounds.bottom - bounds.top + 1;
      const width = bounds.right - bounds.left + 1;
      if (rows !== height || grid.some((row) => row.length !== width)) {
        fail("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", label);
      }
      this.eachCell(label, (cell, r, c) => {
        const value = grid[r]?.[c];
        if (value !== null && value !== undefined) apply(cell, value);
      });
    });
  }

  set numberFormat(grid: Grid) {
    this.setGrid("Range.numberFormat", grid, (cell, value) => {
      cell.numberFormat = String(value);
    });
  }

  set formulas(grid: Grid) {
    this.setGrid("Range.formulas", grid, (cell, value) => {
      cell.content = readAsTyped(value, this.context.excel.textFormatHonoured ? cell.numberFormat : "General");
    });
  }

  set values(grid: Grid) {
    this.setGrid("Range.values", grid, (cell, value) => {
      cell.content = readAsTyped(value, this.context.excel.textFormatHonoured ? cell.numberFormat : "General");
    });
  }

  set hyperlink(link: { address?: string; screenTip?: string; textToDisplay?: string }) {
    this.context.enqueue("Range.hyperlink", link.address ?? "", () => {
      this.eachCell("Range.hyperlink", (cell, r, c) => {
        cell.hyperlink = { ...link };
        if (r === 0 && c === 0) {
          if (link.textToDisplay !== undefined) cell.content = { kind: "text", text: link.textToDisplay, quotePrefix: false };
          else if (cell.content === null) cell.content = { kind: "text", text: link.address ?? "", quotePrefix: false };
        }
      });
    });
  }
}

class FakeRangeFormat {
  readonly font: Record<keyof FakeFont, unknown>;
  readonly fill: { color: string };

  constructor(private readonly range: FakeRange) {
    const fontSetter = <K extends keyof FakeFont>(name: K, check: (v: unknown) => v is FakeFont[K]) => ({
      set: (value: unknown) => {
        const label = `RangeFont.${name}`;
        this.range.context.enqueue(label, String(value), () => {
          if (!check(value)) fail("InvalidArgument", `Invalid ${label}: ${String(value)}`, label);
          this.range.eachCell(label, (cell) => {
            cell.font[name] = value;
          });
        });
      },
      get: () => notLoaded(`font.${name}`),
    });
    const isColor = (v: unknown): v is string => typeof v === "string" && /^#[0-9A-Fa-f]{6}$/.test(v);
    const isBool = (v: unknown): v is boolean => typeof v === "boolean";
    const isSize = (v: unknown): v is number => typeof v === "number" && v >= 1 && v <= 409;
    const isUnderline = (v: unknown): v is string =>
      typeof v === "string" && ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"].includes(v);
    this.font = Object.defineProperties({} as Record<keyof FakeFont, unknown>, {
      color: fontSetter("color", isColor),
      bold: fontSetter("bold", isBool),
      italic: fontSetter("italic", isBool),
      size: fontSetter("size", isSize),
      underline: fontSetter("underline", isUnderline),
    });
    const owner = this.range;
    this.fill = {
      set color(value: string) {
        owner.context.enqueue("RangeFill.color", value, () => {
          if (!isColor(value)) fail("InvalidArgument", `Invalid fill color ${value}`, "RangeFill.color");
          owner.eachCell("RangeFill.color", (cell) => {
            cell.fill = value;
          });
        });
      },
      get color(): string {
        return notLoaded("fill.color");
      },
    };
  }

  set columnWidth(points: number) {
    this.range.context.enqueue("RangeFormat.columnWidth", String(points), () => {
      if (!Number.isFinite(points) || points < 0) fail("InvalidArgument", `Invalid column width ${points}`, "RangeFormat.columnWidth");
      const { sheet, bounds } = this.range.resolve("RangeFormat.columnWidth");
      for (let c = bounds.left; c <= bounds.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

const chartTypes = new Set(["ColumnClustered", "BarClustered", "ColumnStacked", "BarStacked", "Line", "Pie"]);

class FakeChartCollection {
  constructor(private readonly worksheet: FakeWorksheet) {}

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartProxy {
    const proxy = new FakeChartProxy(this.worksheet.context);
    this.worksheet.context.enqueue("ChartCollection.add", `${type},${seriesBy}`, () => {
      const sheet = this.worksheet.resolve("ChartCollection.add");
      if (!chartTypes.has(type)) fail("InvalidArgument", `Unknown chart type ${type}`, "ChartCollection.add");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) fail("InvalidArgument", `Unknown seriesBy ${seriesBy}`, "ChartCollection.add");
      const { sheet: sourceSheet, bounds } = sourceData.resolve("ChartCollection.add");
      const byRows = seriesBy === "Rows";
      const series: FakeChartSeries[] = [];
      const count = byRows ? bounds.bottom - bounds.top + 1 : bounds.right - bounds.left + 1;
      for (let i = 0; i < count; i++) {
        const b = byRows ? { ...bounds, top: bounds.top + i, bottom: bounds.top + i } : { ...bounds, left: bounds.left + i, right: bounds.left + i };
        series.push({ name: `Series${i + 1}`, values: `${sourceSheet.name}!${boundsAddress(b)}`, xValues: null });
      }
      const chart: FakeChart = {
        type,
        source: `${sourceSheet.name}!${boundsAddress(bounds)}`,
        seriesBy,
        title: null,
        series,
        legendPosition: null,
        valueAxisNumberFormat: null,
        topLeft: null,
        bottomRight: null,
      };
      sheet.charts.push(chart);
      proxy.bind(chart);
    });
    return proxy;
  }
}

class FakeChartProxy {
  private chart: FakeChart | undefined;
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly axes: { readonly valueAxis: { numberFormat: string } };
  readonly series: { getItemAt: (index: number) => FakeSeriesProxy; add: (name?: string) => FakeSeriesProxy };

  constructor(private readonly context: FakeContext) {
    const set = (label: string, value: unknown, apply: (chart: FakeChart) => void): void => {
      context.enqueue(label, String(value), () => apply(this.resolve(label)));
    };
    this.title = {
      set text(value: string) {
        set("ChartTitle.text", value, (c) => (c.title = value));
      },
      get text(): string {
        return notLoaded("title.text");
      },
    };
    this.legend = {
      set position(value: string) {
        set("ChartLegend.position", value, (c) => {
          if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(value)) fail("InvalidArgument", `Bad legend position ${value}`, "ChartLegend.position");
          c.legendPosition = value;
        });
      },
      get position(): string {
        return notLoaded("legend.position");
      },
      set visible(value: boolean) {
        set("ChartLegend.visible", value, () => undefined);
      },
      get visible(): boolean {
        return notLoaded("legend.visible");
      },
    };
    this.axes = {
      valueAxis: {
        set numberFormat(value: string) {
          set("ChartAxis.numberFormat", value, (c) => (c.valueAxisNumberFormat = value));
        },
        get numberFormat(): string {
          return notLoaded("valueAxis.numberFormat");
        },
      },
    };
    this.series = {
      getItemAt: (index: number) => {
        const proxy = new FakeSeriesProxy(context);
        context.enqueue("ChartSeriesCollection.getItemAt", String(index), () => {
          const found = this.resolve("ChartSeriesCollection.getItemAt").series[index];
          if (!found) fail("ItemNotFound", `No series at ${index}`, "ChartSeriesCollection.getItemAt");
          proxy.bind(found);
        });
        return proxy;
      },
      add: (name?: string) => {
        const proxy = new FakeSeriesProxy(context);
        context.enqueue("ChartSeriesCollection.add", name ?? "", () => {
          const chart = this.resolve("ChartSeriesCollection.add");
          const series: FakeChartSeries = { name: name ?? `Series${chart.series.length + 1}`, values: "", xValues: null };
          chart.series.push(series);
          proxy.bind(series);
        });
        return proxy;
      },
    };
  }

  bind(chart: FakeChart): void {
    this.chart = chart;
  }

  private resolve(location: string): FakeChart {
    return this.chart ?? fail("InvalidObjectPath", "The chart was never created.", location);
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue("Chart.setPosition", `${startCell},${endCell ?? ""}`, () => {
      const chart = this.resolve("Chart.setPosition");
      if (!parseFakeRange(startCell) || (endCell !== undefined && !parseFakeRange(endCell))) {
        fail("InvalidArgument", "Bad chart position", "Chart.setPosition");
      }
      chart.topLeft = startCell;
      chart.bottomRight = endCell ?? null;
    });
  }
}

class FakeSeriesProxy {
  private series: FakeChartSeries | undefined;

  constructor(private readonly context: FakeContext) {}

  bind(series: FakeChartSeries): void {
    this.series = series;
  }

  private resolve(location: string): FakeChartSeries {
    return this.series ?? fail("InvalidObjectPath", "The series was never created.", location);
  }

  set name(value: string) {
    this.context.enqueue("ChartSeries.name", value, () => {
      this.resolve("ChartSeries.name").name = value;
    });
  }

  get name(): string {
    return notLoaded("series.name");
  }

  setValues(range: FakeRange): void {
    this.context.enqueue("ChartSeries.setValues", "", () => {
      this.resolve("ChartSeries.setValues").values = range.describe("ChartSeries.setValues");
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.context.enqueue("ChartSeries.setXAxisValues", "", () => {
      this.resolve("ChartSeries.setXAxisValues").xValues = range.describe("ChartSeries.setXAxisValues");
    });
  }
}
