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
 *
 * Beyond writing a sheet it models what the add-in reads and keeps: loading a
 * range's formulas, values and value types (formula results come from an
 * evaluator the test provides, since the fake computes nothing itself), the
 * used range, copying and renaming a worksheet, defined names (workbook- and
 * sheet-scoped, workbook.names and worksheet.names), and custom XML parts
 * (workbook.customXmlParts), whose XML must be well-formed as Excel requires.
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
  dataLabelsShowValue: boolean;
  dataLabelsNumberFormat: string | null;
  topLeft: string | null;
  bottomRight: string | null;
}

export interface FakeName {
  name: string;
  /** What the name refers to, as a formula: "=Budget!$B$1", "=0.25", '="text"'. */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: FakeChart[];
  /** Names scoped to this sheet. */
  names: FakeName[];
  /** Conditional formats of type Custom: a range highlighted while a formula is true. */
  conditionalFormats: FakeConditionalFormat[];
}

export interface FakeConditionalFormat {
  address: string;
  formula: string;
  fillColor: string | null;
  fontColor: string | null;
}

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheetId: string;
  /** Names scoped to the workbook. */
  names: FakeName[];
  customXmlParts: FakeXmlPart[];
}

/** A value as a cell shows it: what the evaluator returns for a formula. */
export type FakeValue = number | string | boolean | { readonly error: string } | null;

/** Computes the value of a formula cell; tests give the fake one (the fake computes nothing itself). */
export type FakeEvaluator = (sheet: FakeSheet, row: number, column: number, formula: string) => FakeValue;

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
  /** Sheet-scoped names: name -> formula. */
  readonly names?: Readonly<Record<string, string>>;
}

export interface InitialWorkbook {
  /** Workbook-scoped names: name -> formula. */
  readonly names?: Readonly<Record<string, string>>;
  /** Custom XML parts other add-ins (or other tools) put in the file. */
  readonly customXmlParts?: readonly string[];
}

export class FakeExcel {
  readonly workbook: FakeWorkbook;
  /** Every API call, in the order the code made it ("Worksheet.getRange(A1:F9)", "sync"). */
  readonly calls: string[] = [];
  /** Every operation carried out at a sync, in order. */
  readonly executed: string[] = [];
  /** Every Application.calculate carried out, by calculation type ("Full"). */
  readonly calculations: string[] = [];
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
  /** Whether Worksheet.copy copies the sheet's sheet-scoped names (Excel's user interface does); set false to model an Excel that does not. */
  copiesSheetNames = true;
  /** Computes formula results when a range's values are loaded; without one, loading a formula's value fails. */
  evaluator: FakeEvaluator | undefined;
  /**
   * What Excel keeps of a custom XML part it is given: the XML itself. Set it
   * to model an Excel (or a file round trip) that rewrites the XML on the way,
   * as a host that loses characters would.
   */
  storesXmlAs: (xml: string) => string = (xml) => xml;
  /**
   * The selected range of the active sheet ("B2", "C3:D9"), or null when no
   * cell is selected (a shape or chart is): Workbook.getSelectedRange then
   * fails as Excel's does.
   */
  selection: string | null = "A1";
  private nextId = 1;
  private failRules: FailRule[] = [];

  constructor(initial: readonly InitialSheet[] = [{ name: "Sheet1" }], workbook: InitialWorkbook = {}) {
    this.workbook = { sheets: [], activeSheetId: "", names: [], customXmlParts: [] };
    for (const sheet of initial) {
      const model = this.newSheet(sheet.name);
      for (const [address, typed] of Object.entries(sheet.cells ?? {})) {
        const b = parseFakeRange(address);
        if (!b) throw new Error(`bad address ${address}`);
        const cell = emptyCell();
        cell.content = readAsTyped(typed, cell.numberFormat);
        model.cells.set(key(b.top, b.left), cell);
      }
      for (const [name, formula] of Object.entries(sheet.names ?? {})) model.names.push({ name, formula, comment: "", visible: true });
      this.workbook.sheets.push(model);
    }
    for (const [name, formula] of Object.entries(workbook.names ?? {})) this.workbook.names.push({ name, formula, comment: "", visible: true });
    for (const xml of workbook.customXmlParts ?? []) this.workbook.customXmlParts.push(this.newXmlPart(xml));
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
    return { id: `{sheet-${this.nextId++}}`, name, cells: new Map(), columnWidths: new Map(), frozenRows: 0, charts: [], names: [], conditionalFormats: [] };
  }

  /** A custom XML part for this XML; throws as Excel does when the XML is not well-formed. */
  newXmlPart(xml: string): FakeXmlPart {
    const problem = xmlProblem(xml);
    if (problem !== undefined) fail("InvalidArgument", `The XML is not valid: ${problem}`, "CustomXmlPartCollection.add");
    return { id: `{xml-part-${this.nextId++}}`, namespaceUri: rootNamespaceOf(xml), xml };
  }

  /** What a cell shows: a formula's result comes from the evaluator. */
  valueOf(sheet: FakeSheet, row: number, column: number): FakeValue {
    const content = sheet.cells.get(key(row, column))?.content ?? null;
    if (content === null) return null;
    switch (content.kind) {
      case "text":
        return content.text;
      case "number":
        return content.value;
      case "boolean":
        return content.value;
      case "date":
        return content.typed;
      case "error":
        return { error: content.code };
      case "formula":
        if (this.evaluator === undefined) throw new Error(`the fake cannot compute ${content.formula} in ${sheet.name}: give it an evaluator`);
        return this.evaluator(sheet, row, column, content.formula);
    }
  }

  // ---- what a user does between add-in calls

  /** Types into a cell as a user would (Excel reads it as typed input). */
  typeInto(sheetName: string, address: string, typed: string | number | boolean): void {
    const b = parseFakeRange(address);
    if (!b) throw new Error(`bad address ${address}`);
    const sheet = this.sheet(sheetName);
    const cell = sheet.cells.get(key(b.top, b.left)) ?? emptyCell();
    cell.content = readAsTyped(typed, cell.numberFormat);
    sheet.cells.set(key(b.top, b.left), cell);
  }

  /** Renames a sheet as a user would (double-clicking its tab). */
  renameSheet(from: string, to: string): void {
    renameModel(this.workbook, this.sheet(from), to, "user rename");
  }

  /** Deletes a sheet as a user would. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.workbook.sheets.splice(this.workbook.sheets.indexOf(sheet), 1);
    if (this.workbook.activeSheetId === sheet.id) this.workbook.activeSheetId = this.workbook.sheets[0]?.id ?? "";
  }

  /**
   * Closes and reopens the file: Excel gives every worksheet a new id (ids are
   * stable only within a session); names, cells and parts are as saved.
   */
  reopen(): void {
    const active = this.workbook.sheets.findIndex((s) => s.id === this.workbook.activeSheetId);
    for (const sheet of this.workbook.sheets) sheet.id = `{sheet-${this.nextId++}}`;
    this.workbook.activeSheetId = this.workbook.sheets[Math.max(active, 0)]?.id ?? "";
  }

  /** The custom XML parts in a namespace (all of them without one). */
  xmlParts(namespaceUri?: string): FakeXmlPart[] {
    return this.workbook.customXmlParts.filter((part) => namespaceUri === undefined || part.namespaceUri === namespaceUri);
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
  readonly workbook: {
    readonly worksheets: FakeWorksheetCollection;
    readonly names: FakeNamedItemCollection;
    readonly customXmlParts: FakeCustomXmlPartCollection;
    getSelectedRange(): FakeRange;
    readonly application: { calculate(calculationType: string): void };
  };
  private queue: Operation[] = [];
  private closed = false;

  constructor(
    readonly excel: FakeExcel,
    private readonly countSync: () => void,
  ) {
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      names: new FakeNamedItemCollection(this, () => excel.workbook.names),
      customXmlParts: new FakeCustomXmlPartCollection(this),
      getSelectedRange: () => {
        const worksheet = new FakeWorksheet(this, undefined);
        const range = new FakeRange(worksheet);
        this.enqueue("Workbook.getSelectedRange", "", () => {
          const sheet = excel.workbook.sheets.find((s) => s.id === excel.workbook.activeSheetId);
          const bounds = excel.selection === null ? undefined : parseFakeRange(excel.selection);
          if (sheet === undefined || bounds === undefined) fail("InvalidSelection", "The current selection is invalid for this operation.", "Workbook.getSelectedRange");
          worksheet.bind(sheet);
          worksheet.markLoaded();
          range.bind(sheet, bounds);
        });
        return range;
      },
      application: {
        calculate: (calculationType: string) =>
          this.enqueue("Application.calculate", calculationType, () => {
            excel.calculations.push(calculationType);
          }),
      },
    };
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
      checkSheetName(excel.workbook, wanted, undefined, "WorksheetCollection.add");
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

  getActiveWorksheet(): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, undefined);
    this.context.enqueue("WorksheetCollection.getActiveWorksheet", "", () => {
      const workbook = this.context.excel.workbook;
      const model = workbook.sheets.find((s) => s.id === workbook.activeSheetId);
      if (!model) fail("ItemNotFound", "There is no active worksheet.", "WorksheetCollection.getActiveWorksheet");
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
  readonly names: FakeNamedItemCollection;

  constructor(
    readonly context: FakeContext,
    private model: FakeSheet | undefined,
  ) {
    if (model) this.nullObject = false;
    this.names = new FakeNamedItemCollection(context, () => this.resolve("Worksheet.names").names);
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

  set name(value: string) {
    this.context.enqueue("Worksheet.name", value, () => {
      renameModel(this.context.excel.workbook, this.resolve("Worksheet.name"), value, "Worksheet.name");
    });
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

  /** The range from the first to the last cell that holds anything (content or formatting); A1 on an empty sheet. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this);
    this.context.enqueue("Worksheet.getUsedRange", valuesOnly === true ? "valuesOnly" : "", () => {
      const sheet = this.resolve("Worksheet.getUsedRange");
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [k, cell] of sheet.cells) {
        if (valuesOnly === true && cell.content === null) continue;
        const [row, column] = k.split(",").map(Number) as [number, number];
        top = Math.min(top, row);
        left = Math.min(left, column);
        bottom = Math.max(bottom, row);
        right = Math.max(right, column);
      }
      range.bind(sheet, top === Infinity ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right });
    });
    return range;
  }

  /** Copies the sheet with everything on it (cells, widths, frozen rows, charts, sheet-scoped names), named as Excel names a copy. */
  copy(positionType: string = "None", relativeTo?: FakeWorksheet): FakeWorksheet {
    const copy = new FakeWorksheet(this.context, undefined);
    this.context.enqueue("Worksheet.copy", positionType, () => {
      const source = this.resolve("Worksheet.copy");
      const workbook = this.context.excel.workbook;
      const taken = new Set(workbook.sheets.map((s) => s.name.toUpperCase()));
      const base = source.name.replace(/ \(\d+\)$/, "");
      let n = 2;
      let name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
      while (taken.has(name.toUpperCase())) {
        n++;
        name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
      }
      const model = this.context.excel.newSheet(name);
      model.cells = structuredClone(source.cells);
      model.columnWidths = new Map(source.columnWidths);
      model.frozenRows = source.frozenRows;
      model.conditionalFormats = structuredClone(source.conditionalFormats);
      model.names = this.context.excel.copiesSheetNames ? structuredClone(source.names) : [];
      const repoint = (ref: string): string => (ref.startsWith(`${source.name}!`) ? `${name}!${ref.slice(source.name.length + 1)}` : ref);
      model.charts = structuredClone(source.charts).map((chart) => ({
        ...chart,
        source: repoint(chart.source),
        series: chart.series.map((series) => ({ ...series, values: repoint(series.values), xValues: series.xValues === null ? null : repoint(series.xValues) })),
      }));
      let at = workbook.sheets.length;
      if (positionType === "None" || positionType === "Beginning") at = 0;
      else if (positionType === "Before" || positionType === "After") {
        if (!relativeTo) fail("InvalidArgument", "relativeTo is required for Before and After", "Worksheet.copy");
        const anchor = relativeTo.resolve("Worksheet.copy");
        at = workbook.sheets.indexOf(anchor) + (positionType === "After" ? 1 : 0);
      } else if (positionType !== "End") fail("InvalidArgument", `Unknown position ${positionType}`, "Worksheet.copy");
      workbook.sheets.splice(at, 0, model);
      copy.bind(model);
    });
    return copy;
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

interface LoadedRangeData {
  rowIndex: number;
  columnIndex: number;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: string[][];
}

class FakeRange {
  private sheet: FakeSheet | undefined;
  private bounds: Bounds | undefined;
  private loadedData: LoadedRangeData | undefined;
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

  /** Loads rowIndex, columnIndex, formulas, values and valueTypes (whatever is asked, all are read). */
  load(properties?: string | string[]): this {
    this.context.enqueue("Range.load", Array.isArray(properties) ? properties.join(",") : (properties ?? ""), () => {
      const { sheet, bounds } = this.resolve("Range.load");
      if ((bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) > 1_000_000) {
        throw new Error("Range.load on a range of more than a million cells is not modelled");
      }
      const data: LoadedRangeData = { rowIndex: bounds.top, columnIndex: bounds.left, formulas: [], values: [], valueTypes: [] };
      for (let r = bounds.top; r <= bounds.bottom; r++) {
        const formulas: unknown[] = [];
        const values: unknown[] = [];
        const types: string[] = [];
        for (let c = bounds.left; c <= bounds.right; c++) {
          const content = sheet.cells.get(key(r, c))?.content ?? null;
          const value = this.context.excel.valueOf(sheet, r, c);
          formulas.push(content === null ? "" : content.kind === "formula" ? content.formula : typeof value === "object" && value !== null ? value.error : value);
          if (value === null) {
            values.push("");
            types.push("Empty");
          } else if (typeof value === "object") {
            values.push(value.error);
            types.push("Error");
          } else {
            values.push(value);
            types.push(typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String");
          }
        }
        data.formulas.push(formulas);
        data.values.push(values);
        data.valueTypes.push(types);
      }
      this.loadedData = data;
    });
    return this;
  }

  private loaded(what: string): LoadedRangeData {
    return this.loadedData ?? notLoaded(what);
  }

  get rowIndex(): number {
    return this.loaded("rowIndex").rowIndex;
  }

  get columnIndex(): number {
    return this.loaded("columnIndex").columnIndex;
  }

  get formulas(): unknown[][] {
    return this.loaded("formulas").formulas;
  }

  get values(): unknown[][] {
    return this.loaded("values").values;
  }

  get valueTypes(): string[][] {
    return this.loaded("valueTypes").valueTypes;
  }

  get numberFormat(): unknown[][] {
    return notLoaded("numberFormat");
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

  /** Range.conditionalFormats (ExcelApi 1.6): add("Custom") only, recorded with its rule and format once synced. */
  get conditionalFormats(): { add(type: string): unknown } {
    return {
      add: (type: string) => {
        const added: FakeConditionalFormat = { address: "", formula: "", fillColor: null, fontColor: null };
        this.context.enqueue("ConditionalFormatCollection.add", type, () => {
          if (type !== "Custom") fail("InvalidArgument", `The fake supports only Custom conditional formats, not ${type}.`, "ConditionalFormatCollection.add");
          const { sheet, bounds } = this.resolve("ConditionalFormatCollection.add");
          added.address = boundsAddress(bounds);
          sheet.conditionalFormats.push(added);
        });
        const set = (label: string, apply: () => void) => this.context.enqueue(label, "", apply);
        return {
          custom: {
            rule: {
              set formula(value: string) {
                set("ConditionalRangeFormat.rule.formula", () => (added.formula = value));
              },
            },
            format: {
              fill: {
                set color(value: string) {
                  set("ConditionalRangeFormat.fill.color", () => (added.fillColor = value));
                },
              },
              font: {
                set color(value: string) {
                  set("ConditionalRangeFormat.font.color", () => (added.fontColor = value));
                },
              },
            },
          },
        };
      },
    };
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
        dataLabelsShowValue: false,
        dataLabelsNumberFormat: null,
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
  readonly dataLabels: { showValue: boolean; numberFormat: string };
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
    this.dataLabels = {
      set showValue(value: boolean) {
        set("ChartDataLabels.showValue", value, (c) => (c.dataLabelsShowValue = value));
      },
      get showValue(): boolean {
        return notLoaded("dataLabels.showValue");
      },
      set numberFormat(value: string) {
        set("ChartDataLabels.numberFormat", value, (c) => (c.dataLabelsNumberFormat = value));
      },
      get numberFormat(): string {
        return notLoaded("dataLabels.numberFormat");
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

// ---------------------------------------------------------------- sheet names

/** Refuses a sheet name as Excel does: invalid characters or length, or a name already taken (ignoring case). */
function checkSheetName(workbook: FakeWorkbook, wanted: string, self: FakeSheet | undefined, location: string): void {
  if (wanted.length === 0 || wanted.length > 31 || /[\\/?*:[\]]/.test(wanted) || /^'|'$/.test(wanted)) {
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${wanted}"`, location);
  }
  const upper = wanted.toUpperCase();
  if (upper === "HISTORY" || workbook.sheets.some((s) => s !== self && s.name.toUpperCase() === upper)) {
    fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${wanted}"`, location);
  }
}

/** Renames a sheet; chart references to it follow, as in Excel. */
function renameModel(workbook: FakeWorkbook, sheet: FakeSheet, to: string, location: string): void {
  checkSheetName(workbook, to, sheet, location);
  const from = sheet.name;
  const repoint = (ref: string): string => (ref.startsWith(`${from}!`) ? `${to}!${ref.slice(from.length + 1)}` : ref);
  for (const other of workbook.sheets) {
    for (const chart of other.charts) {
      chart.source = repoint(chart.source);
      for (const series of chart.series) {
        series.values = repoint(series.values);
        if (series.xValues !== null) series.xValues = repoint(series.xValues);
      }
    }
  }
  sheet.name = to;
}

// ---------------------------------------------------------------- defined names

/** Whether Excel accepts a defined name: a letter, "_" or "\" first, then letters, digits, "_" and "."; not a cell reference. */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false;
  return true;
}

class FakeNamedItemCollection {
  private loadedItems: FakeNamedItem[] | undefined;

  constructor(
    private readonly context: FakeContext,
    private readonly scope: () => FakeName[],
  ) {}

  get items(): FakeNamedItem[] {
    return this.loadedItems ?? notLoaded("items");
  }

  load(properties?: string | string[]): this {
    this.context.enqueue("NamedItemCollection.load", Array.isArray(properties) ? properties.join(",") : (properties ?? ""), () => {
      this.loadedItems = this.scope().map((model) => {
        const item = new FakeNamedItem(this.context, this.scope);
        item.bind(model);
        item.markLoaded();
        return item;
      });
    });
    return this;
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, this.scope);
    this.context.enqueue("NamedItemCollection.add", name, () => {
      const names = this.scope();
      if (!isValidDefinedName(name)) fail("InvalidArgument", `The name "${name}" is not valid.`, "NamedItemCollection.add");
      if (names.some((n) => n.name.toUpperCase() === name.toUpperCase())) {
        fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}"`, "NamedItemCollection.add");
      }
      const model: FakeName = { name, formula: reference.startsWith("=") ? reference : `=${reference}`, comment: comment ?? "", visible: true };
      names.push(model);
      item.bind(model);
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, this.scope);
    this.context.enqueue("NamedItemCollection.getItem", name, () => {
      const model = this.scope().find((n) => n.name.toUpperCase() === name.toUpperCase());
      if (!model) fail("ItemNotFound", `The requested resource doesn't exist: "${name}"`, "NamedItemCollection.getItem");
      item.bind(model);
    });
    return item;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, this.scope);
    this.context.enqueue("NamedItemCollection.getItemOrNullObject", name, () => {
      const model = this.scope().find((n) => n.name.toUpperCase() === name.toUpperCase());
      if (model) item.bind(model);
      else item.bindNull();
    });
    return item;
  }
}

class FakeNamedItem {
  private model: FakeName | undefined;
  private nullObject: boolean | undefined;
  private loaded = false;

  constructor(
    private readonly context: FakeContext,
    private readonly scope: () => FakeName[],
  ) {}

  bind(model: FakeName): void {
    this.model = model;
    this.nullObject = false;
  }

  bindNull(): void {
    this.nullObject = true;
  }

  markLoaded(): void {
    this.loaded = true;
  }

  private resolve(location: string): FakeName {
    if (this.nullObject === true) fail("ItemNotFound", "The requested resource doesn't exist.", location);
    if (!this.model) fail("InvalidObjectPath", "The object path isn't working for what you're trying to do.", location);
    return this.model;
  }

  get isNullObject(): boolean {
    return this.nullObject ?? notLoaded("isNullObject");
  }

  load(properties?: string | string[]): this {
    this.context.enqueue("NamedItem.load", Array.isArray(properties) ? properties.join(",") : (properties ?? ""), () => {
      if (this.nullObject !== true) this.resolve("NamedItem.load");
      this.loaded = true;
    });
    return this;
  }

  private read(what: string): FakeName {
    if (!this.loaded || !this.model) return notLoaded(what);
    return this.model;
  }

  get name(): string {
    return this.read("name").name;
  }

  get formula(): string {
    return this.read("formula").formula;
  }

  /** The value of a constant: a text constant '="abc"' gives "abc", "=0.25" gives 0.25; anything else its formula. */
  get value(): unknown {
    const formula = this.read("value").formula;
    const text = /^="((?:[^"]|"")*)"$/.exec(formula);
    if (text) return (text[1] as string).replace(/""/g, '"');
    const number = Number(formula.slice(1));
    return formula.length > 1 && Number.isFinite(number) ? number : formula;
  }

  get visible(): boolean {
    return this.read("visible").visible;
  }

  set visible(value: boolean) {
    this.context.enqueue("NamedItem.visible", String(value), () => {
      this.resolve("NamedItem.visible").visible = value;
    });
  }

  delete(): void {
    this.context.enqueue("NamedItem.delete", "", () => {
      const model = this.resolve("NamedItem.delete");
      const names = this.scope();
      const index = names.indexOf(model);
      if (index < 0) fail("ItemNotFound", "The name was deleted.", "NamedItem.delete");
      names.splice(index, 1);
    });
  }
}

// ---------------------------------------------------------------- custom XML parts

/** A value that arrives at the next sync, like OfficeExtension.ClientResult. */
class FakeClientResult<T> {
  private set = false;
  private result: T | undefined;

  resolve(value: T): void {
    this.result = value;
    this.set = true;
  }

  get value(): T {
    if (!this.set) return notLoaded("value");
    return this.result as T;
  }
}

class FakeCustomXmlPartCollection {
  constructor(private readonly context: FakeContext) {}

  add(xml: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.context);
    this.context.enqueue("CustomXmlPartCollection.add", `${xml.length} characters`, () => {
      const model = this.context.excel.newXmlPart(this.context.excel.storesXmlAs(xml));
      this.context.excel.workbook.customXmlParts.push(model);
      part.bind(model);
    });
    return part;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.context);
    this.context.enqueue("CustomXmlPartCollection.getItem", id, () => {
      const model = this.context.excel.workbook.customXmlParts.find((p) => p.id === id);
      if (!model) fail("ItemNotFound", `The requested resource doesn't exist: "${id}"`, "CustomXmlPartCollection.getItem");
      part.bind(model);
    });
    return part;
  }
}

class FakeCustomXmlPartScopedCollection {
  private loadedItems: FakeCustomXmlPart[] | undefined;

  constructor(
    private readonly context: FakeContext,
    private readonly namespaceUri: string,
  ) {}

  get items(): FakeCustomXmlPart[] {
    return this.loadedItems ?? notLoaded("items");
  }

  load(properties?: string | string[]): this {
    this.context.enqueue("CustomXmlPartScopedCollection.load", this.namespaceUri, () => {
      void properties;
      this.loadedItems = this.context.excel.workbook.customXmlParts
        .filter((model) => model.namespaceUri === this.namespaceUri)
        .map((model) => {
          const part = new FakeCustomXmlPart(this.context);
          part.bind(model);
          part.markLoaded();
          return part;
        });
    });
    return this;
  }
}

class FakeCustomXmlPart {
  private model: FakeXmlPart | undefined;
  private loaded = false;

  constructor(private readonly context: FakeContext) {}

  bind(model: FakeXmlPart): void {
    this.model = model;
  }

  markLoaded(): void {
    this.loaded = true;
  }

  private resolve(location: string): FakeXmlPart {
    if (!this.model) fail("InvalidObjectPath", "The custom XML part was never found.", location);
    if (!this.context.excel.workbook.customXmlParts.includes(this.model)) fail("ItemNotFound", "The custom XML part was deleted.", location);
    return this.model;
  }

  get id(): string {
    return this.loaded && this.model ? this.model.id : notLoaded("id");
  }

  get namespaceUri(): string {
    return this.loaded && this.model ? this.model.namespaceUri : notLoaded("namespaceUri");
  }

  /** The part's XML, as Excel hands it back: after an XML declaration. */
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue("CustomXmlPart.getXml", "", () => {
      result.resolve(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${this.resolve("CustomXmlPart.getXml").xml}`);
    });
    return result;
  }

  setXml(xml: string): void {
    this.context.enqueue("CustomXmlPart.setXml", "", () => {
      const model = this.resolve("CustomXmlPart.setXml");
      const problem = xmlProblem(xml);
      if (problem !== undefined) fail("InvalidArgument", `The XML is not valid: ${problem}`, "CustomXmlPart.setXml");
      model.xml = xml;
      model.namespaceUri = rootNamespaceOf(xml);
    });
  }

  delete(): void {
    this.context.enqueue("CustomXmlPart.delete", "", () => {
      const model = this.resolve("CustomXmlPart.delete");
      const parts = this.context.excel.workbook.customXmlParts;
      parts.splice(parts.indexOf(model), 1);
    });
  }
}

/**
 * Why XML is not well-formed (XML 1.0), or undefined: characters XML cannot
 * hold, "<" or a bare "&" in text or attribute values, unbalanced or
 * mismatched tags, anything but one root element.
 */
export function xmlProblem(xml: string): string | undefined {
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    const bad =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      c === 0xfffe ||
      c === 0xffff ||
      (c >= 0xdc00 && c <= 0xdfff) ||
      (c >= 0xd800 && c <= 0xdbff && !(i + 1 < xml.length && xml.charCodeAt(i + 1) >= 0xdc00 && xml.charCodeAt(i + 1) <= 0xdfff));
    if (bad) return `character U+${c.toString(16).toUpperCase().padStart(4, "0")} at ${i} is not allowed in XML`;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  const entity = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
  const checkText = (text: string, at: number): string | undefined => {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "<") return `"<" in text at ${at + i}`;
      if (text[i] === "&") {
        entity.lastIndex = i;
        if (!entity.test(text)) return `a bare "&" at ${at + i}`;
      }
    }
    return undefined;
  };
  let at = 0;
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  while (at < xml.length) {
    const next = xml.indexOf("<", at);
    const text = xml.slice(at, next < 0 ? xml.length : next);
    if (stack.length === 0 && text.trim() !== "") return `text outside the root element at ${at}`;
    const textProblem = checkText(text, at);
    if (textProblem) return textProblem;
    if (next < 0) break;
    if (xml.startsWith("<![CDATA[", next)) {
      const end = xml.indexOf("]]>", next);
      if (end < 0 || stack.length === 0) return `a broken CDATA section at ${next}`;
      at = end + 3;
      continue;
    }
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) return `a malformed tag at ${next}`;
    const [, closing, name, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
    for (const value of attributes.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const attributeProblem = checkText(value[1] ?? value[2] ?? "", next);
      if (attributeProblem) return attributeProblem;
    }
    if (closing) {
      if (stack.pop() !== name) return `</${name}> at ${next} closes nothing open`;
    } else {
      if (stack.length === 0) roots++;
      if (roots > 1) return `a second root element at ${next}`;
      if (!selfClosing) stack.push(name);
    }
    at = next + match[0].length;
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots === 0) return "no root element";
  return undefined;
}

/** The namespace URI of the root element (its default namespace, or the one its prefix is bound to). */
function rootNamespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(xml.replace(/^<\?xml[^?]*\?>\s*/, ""));
  if (!root) return "";
  const prefix = root[1]?.slice(0, -1);
  const attribute = prefix ? `xmlns:${prefix}` : "xmlns";
  const found = new RegExp(`\\s${attribute.replace(":", "\\:")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root[2] ?? "");
  return found ? (found[1] ?? found[2] ?? "") : "";
}
