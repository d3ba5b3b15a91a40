/*
 * The preview's WorkbookHost: the whole contract of src/excel/host.ts over the
 * HyperFormula workbook, so every feature of the task pane works in the
 * preview as in Excel, through the same shared modules:
 *  - loadPlan: the same checks of the plan (planWorkbookWrite), the same free
 *    sheet name ("Meta 2026 (2)"), the same cells, formulas, number formats,
 *    roles, links, widths, frozen rows and chart; the new sheet is activated.
 *    With an origin, the workbook records it against the sheet (by the engine's
 *    sheet id, which survives renames), checked as the Excel host checks it.
 *  - userPresets: the Excel host's records (workbookRecords.ts), kept with the
 *    workbook and in the browser's storage (presetRecords.ts), with the same
 *    refusals (storableUserPreset), the same listing (userPresetsOf) and the same
 *    order of writes (the new record first, read back from the storage, then
 *    the old one removed: a preset is never said to be kept before it reads back).
 *  - readModel: the sheet's cells as sheetCellsOf gives them in Excel.
 *  - freezeModel: freezeSheet and planFrozenWrite, written into a copy placed
 *    after the original.
 * A load or freeze that fails removes what it added, so the workbook is as it was.
 */
import { blockAddress, blockFits, occupiedCells, planBlockWrite } from "../workbook/blockWrite";
import type {
  BlockCell,
  BlockInsertOutcome,
  FreezeOutcome,
  LoadedModel,
  LoadOutcome,
  ModelOrigin,
  ModelReading,
  UserPresetListing,
  UserPresetSaveOutcome,
  UserPresetStore,
  WorkbookHost,
  PriceDataKeeper,
  PriceDataListing,
  StoredPriceData,
} from "../workbook/host";
import { planFrozenWrite } from "../workbook/sheetCells";
import { freeSheetName, frozenSheetNameFor } from "../workbook/sheetName";
import {
  newRecordKey,
  readSheetOriginXml,
  sheetOriginRecord,
  storableUserPreset,
  userPresetReadBackProblem,
  userPresetsOf,
} from "../workbook/workbookRecords";
import { planWorkbookWrite } from "../workbook/writePlan";
import { planToSheetContent, type RawCellContent } from "../hyperformula/planContent";
import { parseCellAddress } from "../presets/address";
import { freezeSheet } from "../presets/freeze";
import type { SheetPlan } from "../presets/plan.types";
import type { Preset } from "../presets/types";
import { previewKeptWhere, type PresetRecord } from "./presetRecords";
import { priceDataOf, priceDataPartsXml, priceDataReadBackProblem } from "../workbook/priceDataRecord";
import { lookKey, previewGridColumns, previewGridRows, typedContent, type CellLook, type PreviewWorkbook, type SheetLayout, type WorkbookModel } from "./workbook";

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, "");
}

/** The layout a plan brings, for the cells and sheet features HyperFormula does not keep. */
export function layoutOf(plan: SheetPlan): SheetLayout {
  const looks = new Map<string, CellLook>();
  for (const cell of plan.cells) {
    looks.set(lookKey(cell.row, cell.column), {
      role: cell.role,
      ...(cell.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }),
      ...(cell.hyperlink === undefined ? {} : { hyperlink: cell.hyperlink }),
    });
  }
  for (const check of plan.checks ?? []) {
    const [first, last] = check.range.split(":").map((address) => parseCellAddress(address));
    const at = parseCellAddress(check.cell);
    if (first === undefined || at === undefined) continue;
    const end = last ?? first;
    for (let row = first.row; row <= end.row; row++) {
      for (let column = first.column; column <= end.column; column++) {
        const key = lookKey(row, column);
        looks.set(key, { ...looks.get(key), checkedBy: lookKey(at.row, at.column) });
      }
    }
  }
  return {
    columnWidthsPoints: new Map(plan.columnWidths.map(({ column, widthPoints }) => [column, widthPoints])),
    freezeRows: plan.freezeRows,
    looks,
    ...(plan.chart ? { chart: plan.chart } : {}),
  };
}

/** Sets one cell of a raw sheet grid, growing the grid as needed. */
function setRaw(grid: RawCellContent[][], row: number, column: number, content: RawCellContent): void {
  while (grid.length <= row) grid.push([]);
  const cells = grid[row] as RawCellContent[];
  while (cells.length <= column) cells.push(null);
  cells[column] = content;
}

export class HyperFormulaHost implements WorkbookHost {
  readonly name = "Preview";

  constructor(readonly workbook: PreviewWorkbook) {}

  requirementProblem(): string | null {
    return null;
  }

  readonly loadPlan = async (plan: SheetPlan, origin?: ModelOrigin): Promise<LoadOutcome> => {
    const planned = planWorkbookWrite(plan);
    if (!planned.ok) throw new Error(`Cannot load "${plan.sheetName}": ${planned.problems.join(" ")}`);
    let recorded: ModelOrigin | undefined;
    if (origin !== undefined) {
      // As in Excel, the origin is kept as its record reads back: a private copy, and the same refusal.
      const record = { key: newRecordKey(), kind: origin.kind, loadedAt: origin.loadedAt, preset: origin.preset };
      const written = sheetOriginRecord(record);
      const read = written.ok ? readSheetOriginXml(written.xml) : written;
      if (!read.ok) throw new Error(`Cannot load "${plan.sheetName}": the preset cannot be recorded in the workbook: ${read.problem}.`);
      recorded = { preset: read.value.preset, kind: origin.kind, loadedAt: origin.loadedAt };
    }
    const content = planToSheetContent(plan);
    const layout = layoutOf(plan);
    const engine = this.workbook.engine;
    const sheetName = freeSheetName(plan.sheetName, engine.getSheetNames());

    let sheetId: number | undefined;
    let key: string | undefined;
    try {
      sheetId = engine.getSheetId(engine.addSheet(sheetName));
      if (sheetId === undefined) throw new Error(`the sheet "${sheetName}" was not created`);
      engine.setSheetContent(sheetId, content);
      const chart = plan.chart;
      if (chart) {
        for (const range of [chart.categories, ...chart.series.map((s) => s.range)]) {
          if (this.workbook.range(range, sheetId)?.start.sheet !== sheetId) {
            throw new Error(`the chart range "${range}" is not a range of the sheet`);
          }
        }
      }
      key = this.workbook.adoptSheet(sheetId, layout, recorded === undefined ? {} : { origin: recorded });
    } catch (error) {
      const reason = `Loading "${plan.sheetName}" into the preview failed: ${messageOf(error)}.`;
      if (sheetId !== undefined) this.workbook.discardSheet(sheetId);
      throw new Error(`${reason} The workbook is unchanged.`, { cause: error });
    }
    return key === undefined ? { sheetName } : { sheetName, sheetId: key };
  };

  // ---- the user's presets

  readonly userPresets: UserPresetStore = {
    keptWhere: previewKeptWhere.presets,
    list: async (): Promise<UserPresetListing> => {
      try {
        return userPresetsOf(this.records()).listing;
      } catch (error) {
        throw new Error(`Reading your presets failed: ${messageOf(error)}.`, { cause: error });
      }
    },

    save: async (preset: Preset, options: { readonly replace: boolean; readonly savedAt: string }): Promise<UserPresetSaveOutcome> => {
      const record = storableUserPreset({ preset, savedAt: options.savedAt });
      if (!record.ok) throw new Error(record.refusal);
      try {
        const { all } = userPresetsOf(this.records());
        const same = all.filter(({ stored }) => stored.preset.id === preset.id);
        const first = same[0];
        if (first !== undefined && !options.replace) return { saved: false, conflict: first.stored };
        // The new record first, read back as the storage keeps it; the old ones go only once it reads back.
        const key = newRecordKey();
        const records = this.workbook.presetRecords;
        records.write({ add: { key, xml: record.xml } });
        const stored = records.read().find((found) => found.key === key);
        const problem = stored === undefined ? "it is not there" : userPresetReadBackProblem(stored.xml, preset);
        if (problem !== undefined) {
          records.write({ remove: [key] });
          throw new Error(`the record does not read back from the browser's storage (${problem})`);
        }
        records.write({ remove: same.map(({ handle }) => handle) });
        return { saved: true };
      } catch (error) {
        throw new Error(`Saving "${preset.title}" failed: ${messageOf(error)}. Your presets are as they were.`, { cause: error });
      }
    },

    remove: async (id: string): Promise<boolean> => {
      try {
        const { all } = userPresetsOf(this.records());
        const same = all.filter(({ stored }) => stored.preset.id === id);
        if (same.length === 0) return false;
        this.workbook.presetRecords.write({ remove: same.map(({ handle }) => handle) });
        return true;
      } catch (error) {
        throw new Error(`Removing the preset "${id}" failed: ${messageOf(error)}.`, { cause: error });
      }
    },
  };

  // ---- the price data kept with the workbook

  readonly priceData: PriceDataKeeper = {
    keptWhere: previewKeptWhere.priceData,
    read: async (): Promise<PriceDataListing> => {
      try {
        const { data, unreadable } = priceDataOf(this.priceDataParts());
        return { data, unreadable };
      } catch (error) {
        throw new Error(`Reading the price data kept with the workbook failed: ${messageOf(error)}.`, { cause: error });
      }
    },
    keep: async (data: StoredPriceData): Promise<void> => {
      const records = this.workbook.priceDataRecords;
      const set = newRecordKey();
      const keys: string[] = [];
      let old: string[] | undefined;
      try {
        old = records.read().map(({ key }) => key);
        // The new parts first, read back as the storage keeps them; the old ones go only once they read back.
        priceDataPartsXml(data, set).forEach((xml, index) => {
          const key = `${set}.${index}`;
          records.write({ add: { key, xml } });
          keys.push(key);
        });
        const stored = records.read();
        const back = keys.map((key) => stored.find((found) => found.key === key)?.xml ?? "");
        const problem = priceDataReadBackProblem(back, data);
        if (problem !== undefined) throw new Error(`it does not read back from the browser's storage (${problem})`);
      } catch (error) {
        try {
          records.write({ remove: keys });
        } catch {
          // An incomplete set is ignored by readers.
        }
        throw new Error(`Keeping the price data failed: ${messageOf(error)}. The prices in use are unchanged.`, { cause: error });
      }
      try {
        records.write({ remove: old ?? [] });
      } catch {
        // The new data is kept and read back; readers take the newest complete set, so an old one left behind is only clutter.
      }
    },
    remove: async (): Promise<boolean> => {
      try {
        const keys = this.workbook.priceDataRecords.read().map(({ key }) => key);
        if (keys.length === 0) return false;
        this.workbook.priceDataRecords.write({ remove: keys });
        return true;
      } catch (error) {
        throw new Error(`Removing the price data failed: ${messageOf(error)}.`, { cause: error });
      }
    },
    recalculate: async (): Promise<void> => {
      this.workbook.engine.rebuildAndRecalculate();
    },
  };

  private priceDataParts(): { readonly handle: string; readonly xml: string }[] {
    return this.workbook.priceDataRecords.read().map(({ key, xml }: PresetRecord) => ({ handle: key, xml }));
  }

  /** The stored records as userPresetsOf takes them, each handled by its key. */
  private records(): { readonly handle: string; readonly xml: string }[] {
    return this.workbook.presetRecords.read().map(({ key, xml }: PresetRecord) => ({ handle: key, xml }));
  }

  // ---- sheets loaded from presets

  readonly listModels = async (): Promise<readonly LoadedModel[]> => {
    return this.workbook.modelSheets().map(({ key, sheetName, origin }) => ({ sheetId: key, sheetName, ...origin }));
  };

  /** The sheet of a listed model now, or a rejection naming it as the pane knew it. */
  private sheetOf(model: LoadedModel, doing: string): WorkbookModel {
    const found = this.workbook.modelSheet(model.sheetId);
    if (found === undefined) throw new Error(`${doing} "${model.sheetName}" failed: the sheet no longer exists.`);
    return found;
  }

  readonly readModel = async (model: LoadedModel): Promise<ModelReading> => {
    const { sheetId, sheetName } = this.sheetOf(model, "Reading the sheet");
    return { sheetName, cells: this.workbook.readCells(sheetId) };
  };

  readonly freezeModel = async (model: LoadedModel, options: { readonly now: Date }): Promise<FreezeOutcome> => {
    const source = this.sheetOf(model, "Freezing");
    const fail = (text: string, cause?: unknown): Error => new Error(`Freezing "${source.sheetName}" failed: ${text}`, { cause });
    const workbook = this.workbook;
    const engine = workbook.engine;

    // Everything is worked out before the workbook changes.
    const cells = workbook.readCells(source.sheetId);
    const frozen = freezeSheet(cells, { presetId: model.preset.id, presetTitle: model.preset.title, frozenAt: options.now });
    if (!frozen.ok) throw fail(`${frozen.error.message}. The workbook is unchanged.`);
    const write = planFrozenWrite(cells, frozen.value);
    const sourceLayout = workbook.layout(source.sheetId);
    const looks = new Map(sourceLayout.looks);
    const content = engine.getSheetSerialized(source.sheetId) as RawCellContent[][];
    const area = write.area;
    if (area !== undefined) {
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.columns; c++) {
          const entry = write.formulas[r]?.[c] ?? null;
          if (entry === null) continue; // not frozen: stays as copied
          const row = area.top + r;
          const column = area.left + c;
          const key = lookKey(row, column);
          const numberFormat = write.numberFormats?.[r]?.[c] ?? looks.get(key)?.numberFormat;
          if (numberFormat !== undefined) looks.set(key, { ...looks.get(key), numberFormat });
          setRaw(content, row, column, typeof entry === "string" ? typedContent(entry, numberFormat) : entry);
        }
      }
    }
    const lineAt = parseCellAddress(write.lineAddress);
    if (lineAt === undefined) throw fail(`"${write.lineAddress}" is not a cell address. The workbook is unchanged.`);
    const lineFormat = write.lineNumberFormat ?? undefined;
    looks.set(lookKey(lineAt.row, lineAt.column), { role: "note", ...(lineFormat === undefined ? {} : { numberFormat: lineFormat }) });
    setRaw(content, lineAt.row, lineAt.column, typedContent(write.lineEntry, lineFormat));
    const layout: SheetLayout = { ...sourceLayout, looks };
    const copyName = freeSheetName(frozenSheetNameFor(source.sheetName), engine.getSheetNames());

    let copyId: number | undefined;
    try {
      copyId = engine.getSheetId(engine.addSheet(copyName));
      if (copyId === undefined) throw new Error(`the sheet "${copyName}" was not created`);
      engine.setSheetContent(copyId, content);
      // A frozen copy is not a live model: it has no origin.
      workbook.adoptSheet(copyId, layout, { after: source.sheetId });
    } catch (error) {
      const added = copyId ?? engine.getSheetId(copyName);
      if (added === undefined) throw fail(`${messageOf(error)}. The workbook is unchanged.`, error);
      workbook.discardSheet(added);
      throw fail(`${messageOf(error)}. The partial copy was removed; the workbook is unchanged.`, error);
    }
    return { sheetName: copyName, frozenCount: frozen.value.frozen.length, line: frozen.value.line };
  };

  /**
   * Writes the block on the active sheet at the grid's selection, as one edit
   * (Ctrl+Z takes it back), when every cell of it is empty and it fits in the
   * grid; otherwise writes nothing and says why.
   */
  readonly insertAtSelection = async (block: readonly (readonly (BlockCell | null)[])[]): Promise<BlockInsertOutcome> => {
    const write = planBlockWrite(block);
    const workbook = this.workbook;
    const sheetId = workbook.activeSheetId;
    const sheetName = workbook.activeSheetName;
    const { row, column } = workbook.selectedCell;
    const address = blockAddress(row, column, write.rows, write.columns);
    if (!blockFits(row, column, write.rows, write.columns, previewGridRows - 1, previewGridColumns - 1)) {
      return { inserted: false, sheetName, address, reason: "noRoom", occupied: [] };
    }
    const filled = write.formulas.map((line, r) => line.map((_, c) => workbook.editText(sheetId, row + r, column + c) !== ""));
    const occupied = occupiedCells(row, column, filled);
    if (occupied.length > 0) return { inserted: false, sheetName, address, reason: "occupied", occupied };
    workbook.enterRange(
      sheetId,
      row,
      column,
      write.formulas.map((line) => line.map((entry) => (entry === null ? "" : String(entry)))),
      write.numberFormats,
    );
    return { inserted: true, sheetName, address };
  };
}
