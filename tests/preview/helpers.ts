/*
 * What the preview's tests share: a stand-in for the browser's localStorage,
 * workbooks that are destroyed after each test, and a snapshot of everything a
 * user could see of a preview workbook.
 */
import { DetailedCellError } from "hyperformula";
import { afterEach } from "vitest";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import type { RecordStorage } from "../../src/preview/presetRecords";
import { PreviewWorkbook } from "../../src/preview/workbook";

/** localStorage as a Map, in the order keys were first set; `refuseWrites` makes setItem throw as a full storage does. */
export class MemoryStorage implements RecordStorage {
  readonly items = new Map<string, string>();
  refuseWrites = false;
  /** What the storage keeps of a value: the value itself; set it to model a storage that loses characters. */
  storesAs: (value: string) => string = (value) => value;

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.refuseWrites)
      throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
    this.items.set(key, this.storesAs(String(value)));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  /** A copy of every entry, for comparing before and after. */
  entries(): [string, string][] {
    return [...this.items];
  }
}

export type Sheets = Record<string, (string | number | boolean | null)[][]>;

/** A workbook the user made: values, formulas and literal text on two sheets. */
export const userSheets: Sheets = {
  Budget: [
    ["Line", 1200, "=B1*2"],
    ["'=not a formula", "'TRUE", "=AICOST.GPU_TCO(B1, 2, 3, 4)"],
  ],
  Notes: [[null, "Meta 2026"], ["=Budget!C1+1"]],
};

const workbooks: PreviewWorkbook[] = [];

afterEach(() => {
  for (const workbook of workbooks.splice(0)) workbook.engine.destroy();
});

export function newWorkbook(sheets: Sheets = { Sheet1: [] }, storage?: MemoryStorage): PreviewWorkbook {
  const workbook = new PreviewWorkbook(createAicostEngine(sheets), storage === undefined ? {} : { storage });
  workbooks.push(workbook);
  return workbook;
}

export function newHost(
  sheets: Sheets = { Sheet1: [] },
  storage?: MemoryStorage,
): { workbook: PreviewWorkbook; host: HyperFormulaHost } {
  const workbook = newWorkbook(sheets, storage);
  return { workbook, host: new HyperFormulaHost(workbook) };
}

/** One sheet as a user sees it: its contents as entered, its values (errors by code) and its layout. */
export function sheetSnapshot(workbook: PreviewWorkbook, name: string): unknown {
  const sheet = workbook.sheetId(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const engine = workbook.engine;
  const layout = workbook.layout(sheet);
  return {
    name,
    contents: engine.getSheetSerialized(sheet),
    values: engine.getSheetValues(sheet).map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : v))),
    looks: [...layout.looks],
    widths: [...layout.columnWidthsPoints],
    freezeRows: layout.freezeRows,
    chart: layout.chart,
  };
}

/** Everything a user could see of a workbook: the tabs in order, the active sheet, every sheet, the loaded models and the stored presets. */
export function snapshot(workbook: PreviewWorkbook): unknown {
  return {
    names: workbook.sheetNames(),
    active: workbook.activeSheetName,
    sheets: workbook.sheetNames().map((name) => sheetSnapshot(workbook, name)),
    models: workbook.modelSheets(),
    presetRecords: workbook.presetRecords.read(),
  };
}

/** The sheets the user made, by name, as a user sees them. */
export function userPart(workbook: PreviewWorkbook, names: readonly string[] = Object.keys(userSheets)): unknown {
  return names.map((name) => sheetSnapshot(workbook, name));
}
