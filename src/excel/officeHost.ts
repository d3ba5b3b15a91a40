/**
 * The Excel workbook host: writes a sheet plan into the open workbook through
 * Office.js. The whole load is planned in memory first (writePlan.ts), then
 * written in one Excel.run with two syncs whatever the plan's size: one to
 * read the sheet names and pick a free one, one to write everything (with the
 * record of where the sheet came from, when the pane gives one).
 *
 * Syncs per operation, on success (each in one Excel.run):
 *   loadPlan              2 (read names; write sheet, marker name and origin record, and read the record back)
 *   listModels            2 (sheets and records; markers and record XML), 3 when records of deleted sheets are dropped
 *   readModel             1
 *   freezeModel           3 (read the sheet and copy it; rename the copy and write the values; drop the copied marker and activate)
 *   userPresets.list      2 (1 when there are none)
 *   userPresets.save      3 (2 to read the stored presets, 1 to write and read back; 2 when none is stored yet), 4 to replace one
 *   userPresets.remove    3 (1 when none is stored)
 *   insertAtSelection     3 (read the selection; read the block's cells; write them), 2 when refused
 *   priceData.read        1 + one per part (a part holds at most 1 million characters as written: genai-prices' file is one or two)
 *   priceData.keep        1 + one per part written (each read back in the same sync) + 1 to drop the old parts
 *   priceData.remove      2 (1 when none is kept)
 *   priceData.recalculate 1
 * A failed load or freeze adds the syncs of its clean-up (at most 3).
 *
 * Where the add-in's own data lives: custom XML parts (ExcelApi 1.5), not
 * Office.context.document.settings. Both are saved inside the .xlsx and so
 * travel with the file; custom XML parts were chosen because
 *  - they are written inside Excel.run, in the same batch as the sheet they
 *    describe: a load and its record are written by one sync and a failed load
 *    removes both, whereas settings need a separate saveAsync outside
 *    Excel.run that can fail after the sheet is written;
 *  - each record is its own part, added or deleted alone; settings are one bag
 *    that saveAsync writes whole, so two panes open on one workbook (or two
 *    people editing it) overwrite each other's presets;
 *  - they are plain XML in the file (customXml/item*.xml) that anyone given
 *    the workbook can inspect, which suits a feature meant for sharing;
 *  - they need nothing beyond the ExcelApi 1.7 that loading already requires.
 *
 * Which sheets the add-in loaded: Excel's worksheet id survives renames but
 * not closing and reopening the file (it is only stable within a session), so
 * each loaded sheet carries a sheet-scoped name, AICOST_ModelKey, whose value
 * is the key of its origin record. A sheet-scoped name moves with the sheet
 * through renames, is saved in the file, and is visible in Name Manager;
 * deleting it unlinks the sheet. The add-in never creates, changes or deletes
 * any other name.
 */
import { checkRuleFormula } from "../presets/plan";
import type { SheetPlan } from "../presets/plan.types";
import type { Preset } from "../presets/types";
import { blockAddress, blockFits, occupiedCells, planBlockWrite } from "../workbook/blockWrite";
import type {
  BlockCell,
  BlockInsertOutcome,
  FreezeOutcome,
  LoadedModel,
  LoadOutcome,
  ModelOrigin,
  ModelReading,
  PriceDataKeeper,
  PriceDataListing,
  StoredPriceData,
  UserPresetListing,
  UserPresetSaveOutcome,
  UserPresetStore,
  WorkbookHost,
} from "../workbook/host";
import { planFrozenWrite, sheetCellsOf } from "../workbook/sheetCells";
import { freeSheetName, frozenSheetNameFor } from "../workbook/sheetName";
import { mutedFontColor, warningFillColor, warningFontColor } from "../workbook/cellStyles";
import {
  newRecordKey,
  readSheetOriginXml,
  sheetOriginNamespace,
  sheetOriginReadBackProblem,
  sheetOriginRecord,
  storableUserPreset,
  userPresetNamespace,
  userPresetsOf,
  userPresetReadBackProblem,
  type SheetOriginRecord,
} from "../workbook/workbookRecords";
import { planWorkbookWrite, type WorkbookWrite } from "../workbook/writePlan";

/** The price data records (src/workbook/priceDataRecord.ts), loaded on first use: the pane's first script stays small. */
/** Freezing a sheet's formulas into values, loaded the first time a sheet is frozen. */
const freezer = (): Promise<typeof import("../presets/freeze")> => import(/* webpackChunkName: "freeze" */ "../presets/freeze");

const priceDataRecords = (): Promise<typeof import("../workbook/priceDataRecord")> =>
  import(/* webpackChunkName: "priceDataRecord" */ "../workbook/priceDataRecord");

/** Moved to sheetName.ts, which the preview host shares; still exported here for existing importers. */
export { frozenSheetNameFor } from "../workbook/sheetName";

/**
 * The requirement set every call of a load is in: Range.hyperlink,
 * Worksheet.freezePanes, ChartSeriesCollection.add, ChartSeries.setValues and
 * setXAxisValues are ExcelApi 1.7; getItemOrNullObject (used to clean up after a
 * failed load) is 1.4; the rest is 1.1 or 1.2.
 */
export const requiredExcelApi = "1.7";
/** The value axis number format is ExcelApi 1.8; it is set only where that set is supported. */
export const axisNumberFormatExcelApi = "1.8";

/** What the Excel host needs from Office.js; tests pass a stand-in. */
export interface OfficeEnvironment {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, minVersion: string): boolean;
}

/** The Office.js globals, read when first used. */
export function globalOfficeEnvironment(): OfficeEnvironment {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, minVersion) => {
      if (typeof Office === "undefined") return false;
      try {
        const requirements = Office.context?.requirements;
        return requirements !== undefined && requirements.isSetSupported(name, minVersion);
      } catch {
        return false; // an Office.js too old to answer lacks the set too
      }
    },
  };
}

/** The message shown when this Excel lacks the requirement set a load needs. */
export function missingRequirementMessage(): string {
  return (
    `Loading a model needs Excel API requirement set ExcelApi ${requiredExcelApi} ` +
    "(hyperlinks, frozen header rows and chart series), which this version of Excel does not support. " +
    "Update Office to a current Microsoft 365 version, or use Excel on the web."
  );
}

function chartTypeOf(type: "columnClustered" | "barClustered"): "ColumnClustered" | "BarClustered" {
  return type === "barClustered" ? "BarClustered" : "ColumnClustered";
}

/** "Rows" for a range within one row ("C20:E20"), else "Columns". */
function seriesByOf(address: string): "Columns" | "Rows" {
  const [start, end] = address.replace(/\$/g, "").split(":");
  if (end === undefined) return "Columns";
  const row = (cell: string | undefined): string => (cell ?? "").replace(/^[A-Z]+/i, "");
  return row(start) === row(end) && start !== end ? "Rows" : "Columns";
}

/** Queues every write of a load on a new, empty sheet, activating it last unless told not to. Nothing is synced here. */
export function queueWrite(
  sheet: Excel.Worksheet,
  write: WorkbookWrite,
  options: { readonly axisNumberFormat: boolean; readonly activate?: boolean },
): void {
  const area = sheet.getRange(write.areaAddress);
  // The number formats go first, so text cells are already "@" when their text arrives.
  area.numberFormat = write.numberFormats as (string | null)[][];
  area.formulas = write.formulas as (string | number | null)[][];

  for (const { address, style } of write.styles) {
    const format = sheet.getRange(address).format;
    if (style.fontColor !== undefined) format.font.color = style.fontColor;
    if (style.bold !== undefined) format.font.bold = style.bold;
    if (style.italic !== undefined) format.font.italic = style.italic;
    if (style.fontSize !== undefined) format.font.size = style.fontSize;
    if (style.underline !== undefined) format.font.underline = style.underline;
    if (style.fillColor !== undefined) format.fill.color = style.fillColor;
  }

  for (const { address, widthPoints } of write.columnWidths) sheet.getRange(address).format.columnWidth = widthPoints;

  if (write.freezeRows > 0) sheet.freezePanes.freezeRows(write.freezeRows);

  for (const { address, url } of write.hyperlinks) {
    // No textToDisplay: the cell keeps the literal text written above.
    sheet.getRange(address).hyperlink = { address: url, screenTip: url };
  }

  const chart = write.chart;
  const first = chart?.series[0];
  if (chart && first) {
    const added = sheet.charts.add(chartTypeOf(chart.type), sheet.getRange(first.range), seriesByOf(first.range));
    added.title.text = chart.title;
    const categories = sheet.getRange(chart.categories);
    chart.series.forEach((planned, index) => {
      const series = index === 0 ? added.series.getItemAt(0) : added.series.add(planned.name);
      if (index === 0) series.name = planned.name;
      series.setValues(sheet.getRange(planned.range));
      series.setXAxisValues(categories);
    });
    added.legend.position = "Bottom";
    // Every bar carries its value, so a bar many times smaller than the largest is still read (ExcelApi 1.1).
    added.dataLabels.showValue = true;
    if (chart.numberFormat !== undefined && options.axisNumberFormat) {
      added.axes.valueAxis.numberFormat = chart.numberFormat;
      added.dataLabels.numberFormat = chart.numberFormat;
    }
    added.setPosition(chart.topLeft, chart.bottomRight);
  }

  // Each check highlights its input's Low, Base and High while it shows a warning (Range.conditionalFormats: ExcelApi 1.6).
  for (const check of write.checks) {
    const format = sheet.getRange(check.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = checkRuleFormula(check);
    format.custom.format.fill.color = warningFillColor;
    format.custom.format.font.color = warningFontColor;
  }

  if (options.activate !== false) sheet.activate();
}

/** The text of an Office.js error, with where in the batch it happened when Office says. */
export function describeOfficeError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, "");
  const location = errorLocationOf(error);
  return location ? `${message} (at ${location})` : message;
}

function errorLocationOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("debugInfo" in error)) return undefined;
  const debugInfo = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo;
  return typeof debugInfo?.errorLocation === "string" && debugInfo.errorLocation !== "" ? debugInfo.errorLocation : undefined;
}

/** Whether the failed operation was the creation of the sheet itself, so there is nothing to remove. */
function failedAtAdd(error: unknown): boolean {
  return errorLocationOf(error)?.startsWith("WorksheetCollection.add") === true;
}

/**
 * Removes the partly written sheet after a failed load, and its origin record
 * when one was written, and activates the sheet that was active before (when
 * given and still there); a failure path, so it may sync up to three times.
 */
async function removeSheet(environment: OfficeEnvironment, sheetName: string, recordKey?: string, activeBefore?: string): Promise<void> {
  await environment.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    const previous = activeBefore === undefined ? undefined : context.workbook.worksheets.getItemOrNullObject(activeBefore);
    const parts = recordKey === undefined ? undefined : queuePartList(context, sheetOriginNamespace);
    await context.sync();
    if (previous !== undefined && !previous.isNullObject && !sheet.isNullObject) previous.activate();
    let changed = false;
    if (parts !== undefined) {
      for (const { part, xml } of await readPartXml(context, parts)) {
        const read = readSheetOriginXml(xml);
        if (read.ok && read.value.key === recordKey) {
          part.delete();
          changed = true;
        }
      }
    }
    if (!sheet.isNullObject) {
      sheet.delete();
      changed = true;
    }
    if (changed) await context.sync();
  });
}


/** The sheet-scoped name that marks a sheet the add-in loaded; its value is the key of the sheet's origin record. */
export const modelMarkerName = "AICOST_ModelKey";

/** The formula of a marker name: the key as a text constant. */
function markerFormula(key: string): string {
  return `="${key}"`;
}

/** The custom XML parts in a namespace, queued for loading; read them with `readPartXml` after a sync. */
function queuePartList(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(namespace);
  parts.load("items/id");
  return parts;
}

/** Queues getXml for each listed part and syncs (only when there is any). */
async function readPartXml(
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPartScopedCollection,
): Promise<{ readonly part: Excel.CustomXmlPart; readonly xml: string }[]> {
  const pending = parts.items.map((part) => ({ part, xml: part.getXml() }));
  if (pending.length > 0) await context.sync();
  return pending.map(({ part, xml }) => ({ part, xml: xml.value }));
}

/** Reads every part of a namespace: one sync, two when there is any. */
async function readParts(context: Excel.RequestContext, namespace: string): Promise<{ readonly part: Excel.CustomXmlPart; readonly xml: string }[]> {
  const parts = queuePartList(context, namespace);
  await context.sync();
  return readPartXml(context, parts);
}

/** The records of a namespace as `userPresetsOf` takes them. */
function asRecords(parts: readonly { readonly part: Excel.CustomXmlPart; readonly xml: string }[]): { handle: Excel.CustomXmlPart; xml: string }[] {
  return parts.map(({ part, xml }) => ({ handle: part, xml }));
}

/** A WorkbookHost that loads plans into the open Excel workbook. */
export function createOfficeHost(environment: OfficeEnvironment = globalOfficeEnvironment()): WorkbookHost {
  const requirementProblem = (): string | null =>
    environment.isSetSupported("ExcelApi", requiredExcelApi) ? null : missingRequirementMessage();
  const ensureSupported = (): void => {
    const problem = requirementProblem();
    if (problem !== null) throw new Error(problem);
  };

  async function loadPlan(plan: SheetPlan, origin?: ModelOrigin): Promise<LoadOutcome> {
    ensureSupported();
    const planned = planWorkbookWrite(plan);
    if (!planned.ok) throw new Error(`Cannot load "${plan.sheetName}": ${planned.problems.join(" ")}`);
    const write = planned.write;
    const axisNumberFormat = environment.isSetSupported("ExcelApi", axisNumberFormatExcelApi);
    let record: SheetOriginRecord | undefined;
    let recordXml: string | undefined;
    let key: string | undefined;
    if (origin !== undefined) {
      key = newRecordKey();
      record = { key, kind: origin.kind, loadedAt: origin.loadedAt, preset: origin.preset };
      const written = sheetOriginRecord(record);
      if (!written.ok) throw new Error(`Cannot load "${plan.sheetName}": the preset cannot be recorded in the workbook: ${written.problem}.`);
      recordXml = written.xml;
    }

    let createdName: string | undefined;
    let activeBefore: Excel.Worksheet | undefined;
    try {
      return await environment.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        // The sheet to go back to should the record not read back once the new sheet is active.
        if (recordXml !== undefined) activeBefore = worksheets.getActiveWorksheet().load("name");
        await context.sync();
        const sheetName = freeSheetName(
          write.wantedSheetName,
          worksheets.items.map((sheet) => sheet.name),
        );
        const sheet = worksheets.add(sheetName);
        createdName = sheetName;
        queueWrite(sheet, write, { axisNumberFormat, activate: false });
        let stored: OfficeExtension.ClientResult<string> | undefined;
        if (recordXml !== undefined && key !== undefined) {
          // After the sheet's content: the marker and the record exist only if everything before them was written.
          sheet.names.add(modelMarkerName, markerFormula(key), "Marks a sheet loaded by AICOST; deleting this name unlinks the sheet.");
          stored = context.workbook.customXmlParts.add(recordXml).getXml();
          sheet.load("id");
        }
        // Last, so that a failed load never leaves another sheet active.
        sheet.activate();
        await context.sync();
        if (stored !== undefined && record !== undefined) {
          // The record as the workbook keeps it must read back, or the sheet would lose its origin.
          const problem = sheetOriginReadBackProblem(stored.value, record);
          if (problem !== undefined) throw new Error(`the record of its preset does not read back from the workbook: ${problem}`);
        }
        return record === undefined ? { sheetName } : { sheetName, sheetId: sheet.id };
      });
    } catch (error) {
      const reason = `Loading "${plan.sheetName}" into Excel failed: ${describeOfficeError(error)}.`;
      if (createdName === undefined || failedAtAdd(error)) throw new Error(`${reason} The workbook is unchanged.`, { cause: error });
      try {
        await removeSheet(environment, createdName, key, activeBefore?.name);
      } catch (cleanupError) {
        throw new Error(
          `${reason} The partly written sheet "${createdName}" could not be removed (${describeOfficeError(cleanupError)}); delete it by hand.`,
          { cause: cleanupError },
        );
      }
      throw new Error(`${reason} The partly written sheet was removed; the workbook is unchanged.`, { cause: error });
    }
  }

  async function listModels(): Promise<readonly LoadedModel[]> {
    ensureSupported();
    try {
      return await environment.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/id,items/name");
        const parts = queuePartList(context, sheetOriginNamespace);
        await context.sync();
        const markers = worksheets.items.map((sheet) => {
          const marker = sheet.names.getItemOrNullObject(modelMarkerName);
          marker.load("value");
          return { sheet, marker };
        });
        const xmls = parts.items.map((part) => ({ part, xml: part.getXml() }));
        await context.sync();

        const records = new Map<string, { part: Excel.CustomXmlPart; record: SheetOriginRecord }[]>();
        for (const { part, xml } of xmls) {
          const read = readSheetOriginXml(xml.value);
          if (!read.ok) continue; // not readable: left alone
          const list = records.get(read.value.key) ?? [];
          list.push({ part, record: read.value });
          records.set(read.value.key, list);
        }
        const models: LoadedModel[] = [];
        const usedKeys = new Set<string>();
        for (const { sheet, marker } of markers) {
          if (marker.isNullObject) continue;
          const key = typeof marker.value === "string" ? marker.value : "";
          const found = records.get(key);
          if (found === undefined || found.length === 0) continue;
          usedKeys.add(key);
          const newest = found.reduce((a, b) => (b.record.loadedAt > a.record.loadedAt ? b : a));
          const { preset, kind, loadedAt } = newest.record;
          models.push({ sheetId: sheet.id, sheetName: sheet.name, preset, kind, loadedAt });
        }
        // Records no sheet refers to any more (the sheet was deleted) are dropped.
        const orphans = [...records].filter(([key]) => !usedKeys.has(key)).flatMap(([, list]) => list);
        if (orphans.length > 0) {
          for (const { part } of orphans) part.delete();
          try {
            await context.sync();
          } catch {
            // Dropping stale records is housekeeping: the list is right without it.
          }
        }
        return models;
      });
    } catch (error) {
      throw new Error(`Reading which sheets AICOST loaded failed: ${describeOfficeError(error)}.`, { cause: error });
    }
  }

  async function readModel(model: LoadedModel): Promise<ModelReading> {
    ensureSupported();
    try {
      return await environment.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(model.sheetId);
        sheet.load("name");
        const used = sheet.getUsedRange();
        used.load("rowIndex,columnIndex,formulas,values,valueTypes");
        await context.sync();
        return { sheetName: sheet.name, cells: sheetCellsOf(used) };
      });
    } catch (error) {
      throw new Error(`Reading the sheet "${model.sheetName}" failed: ${describeOfficeError(error)}.`, { cause: error });
    }
  }

  async function insertAtSelection(block: readonly (readonly (BlockCell | null)[])[]): Promise<BlockInsertOutcome> {
    ensureSupported();
    const write = planBlockWrite(block);
    try {
      return await environment.run(async (context) => {
        const selected = context.workbook.getSelectedRange();
        selected.load("rowIndex,columnIndex");
        const sheet = selected.worksheet;
        sheet.load("name");
        await context.sync();
        const row = selected.rowIndex;
        const column = selected.columnIndex;
        const address = blockAddress(row, column, write.rows, write.columns);
        if (!blockFits(row, column, write.rows, write.columns)) {
          return { inserted: false, sheetName: sheet.name, address, reason: "noRoom", occupied: [] };
        }
        const target = sheet.getRangeByIndexes(row, column, write.rows, write.columns);
        target.load("formulas");
        await context.sync();
        const filled = (target.formulas as unknown[][]).map((line) => line.map((entry) => entry !== "" && entry !== null));
        const occupied = occupiedCells(row, column, filled);
        if (occupied.length > 0) return { inserted: false, sheetName: sheet.name, address, reason: "occupied", occupied };
        // The number formats go first, so text cells are already "@" when their text arrives; null leaves a cell as it is.
        target.numberFormat = write.numberFormats as (string | null)[][];
        target.formulas = write.formulas as (string | number | null)[][];
        await context.sync();
        return { inserted: true, sheetName: sheet.name, address };
      });
    } catch (error) {
      throw new Error(`Inserting at the selected cell failed: ${describeOfficeError(error)}. Select a cell of a worksheet and try again.`, { cause: error });
    }
  }

  async function freezeModel(model: LoadedModel, options: { readonly now: Date }): Promise<FreezeOutcome> {
    ensureSupported();
    const fail = (text: string, cause: unknown): Error => new Error(`Freezing "${model.sheetName}" failed: ${text}`, { cause });
    let freezeSheet: (typeof import("../presets/freeze"))["freezeSheet"];
    try {
      ({ freezeSheet } = await freezer());
    } catch (error) {
      throw fail(`${describeOfficeError(error)}. The workbook is unchanged.`, error);
    }
    return environment.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const source = worksheets.getItem(model.sheetId);
      source.load("name");
      const used = source.getUsedRange();
      used.load("rowIndex,columnIndex,formulas,values,valueTypes");
      // Last in the batch, so the copy exists only if everything before it worked.
      const copy = source.copy("After", source);
      try {
        await context.sync();
      } catch (error) {
        throw fail(`${describeOfficeError(error)}. The workbook is unchanged.`, error);
      }

      let copyName: string | undefined;
      try {
        const cells = sheetCellsOf(used);
        const frozen = freezeSheet(cells, { presetId: model.preset.id, presetTitle: model.preset.title, frozenAt: options.now });
        if (!frozen.ok) throw new Error(frozen.error.message);
        const write = planFrozenWrite(cells, frozen.value);
        copyName = freeSheetName(
          frozenSheetNameFor(source.name),
          worksheets.items.map((sheet) => sheet.name),
        );
        copy.name = copyName;
        if (write.area !== undefined) {
          const area = copy.getRangeByIndexes(write.area.top, write.area.left, write.area.rows, write.area.columns);
          if (write.numberFormats !== undefined) area.numberFormat = write.numberFormats as (string | null)[][];
          area.formulas = write.formulas as (string | number | boolean | null)[][];
        }
        const lineCell = copy.getRange(write.lineAddress);
        if (write.lineNumberFormat !== null) lineCell.numberFormat = [[write.lineNumberFormat]];
        lineCell.formulas = [[write.lineEntry]];
        lineCell.format.font.italic = true;
        lineCell.format.font.color = mutedFontColor;
        // The copy is no longer a live model: it loses the marker name it was copied with, if it was.
        const copiedMarker = copy.names.getItemOrNullObject(modelMarkerName);
        copiedMarker.load("name");
        await context.sync();
        if (!copiedMarker.isNullObject) copiedMarker.delete();
        copy.activate();
        await context.sync();
        return { sheetName: copyName, frozenCount: frozen.value.frozen.length, line: frozen.value.line };
      } catch (error) {
        const reason = describeOfficeError(error);
        try {
          copy.delete();
          await context.sync();
        } catch (cleanupError) {
          throw fail(
            `${reason}. The partial copy${copyName === undefined ? "" : ` "${copyName}"`} next to "${source.name}" could not be removed ` +
              `(${describeOfficeError(cleanupError)}); delete it by hand. The original sheet is unchanged.`,
            cleanupError,
          );
        }
        throw fail(`${reason}. The partial copy was removed; the workbook is unchanged.`, error);
      }
    });
  }

  const userPresets: UserPresetStore = {
    keptWhere: {
      intro: "Kept in this workbook, so they travel with the file: save the workbook to keep them.",
      afterSave: "It is kept in this workbook: save the workbook to keep it.",
    },
    async list(): Promise<UserPresetListing> {
      ensureSupported();
      try {
        return await environment.run(async (context) => userPresetsOf(asRecords(await readParts(context, userPresetNamespace))).listing);
      } catch (error) {
        throw new Error(`Reading your presets from the workbook failed: ${describeOfficeError(error)}.`, { cause: error });
      }
    },

    async save(preset: Preset, options: { readonly replace: boolean; readonly savedAt: string }): Promise<UserPresetSaveOutcome> {
      ensureSupported();
      const record = storableUserPreset({ preset, savedAt: options.savedAt });
      if (!record.ok) throw new Error(record.refusal);
      try {
        return await environment.run(async (context): Promise<UserPresetSaveOutcome> => {
          const { all } = userPresetsOf(asRecords(await readParts(context, userPresetNamespace)));
          const same = all.filter(({ stored }) => stored.preset.id === preset.id);
          const first = same[0];
          if (first !== undefined && !options.replace) return { saved: false, conflict: first.stored };
          // The new record first, read back as the workbook keeps it; the old ones go only once it reads back,
          // and if a delete then fails, two records share the id and the newer one wins.
          const part = context.workbook.customXmlParts.add(record.xml);
          const stored = part.getXml();
          await context.sync();
          const problem = userPresetReadBackProblem(stored.value, preset);
          if (problem !== undefined) {
            part.delete();
            await context.sync();
            throw new Error(`the record does not read back from the workbook (${problem}). Your presets are as they were`);
          }
          if (same.length > 0) {
            for (const { handle } of same) handle.delete();
            await context.sync();
          }
          return { saved: true };
        });
      } catch (error) {
        throw new Error(`Saving "${preset.title}" in the workbook failed: ${describeOfficeError(error)}.`, { cause: error });
      }
    },

    async remove(id: string): Promise<boolean> {
      ensureSupported();
      try {
        return await environment.run(async (context) => {
          const { all } = userPresetsOf(asRecords(await readParts(context, userPresetNamespace)));
          const same = all.filter(({ stored }) => stored.preset.id === id);
          if (same.length === 0) return false;
          for (const { handle } of same) handle.delete();
          await context.sync();
          return true;
        });
      } catch (error) {
        throw new Error(`Removing the preset "${id}" from the workbook failed: ${describeOfficeError(error)}.`, { cause: error });
      }
    },
  };

  /** Every price data part, each read in a sync of its own (a part is up to 1 MB: one request each stays small). */
  async function readPriceDataParts(context: Excel.RequestContext, namespace: string): Promise<{ handle: Excel.CustomXmlPart; xml: string }[]> {
    const parts = queuePartList(context, namespace);
    await context.sync();
    const read: { handle: Excel.CustomXmlPart; xml: string }[] = [];
    for (const part of parts.items) {
      const xml = part.getXml();
      await context.sync();
      read.push({ handle: part, xml: xml.value });
    }
    return read;
  }

  const priceData: PriceDataKeeper = {
    keptWhere: "Kept in this workbook, so everyone who opens it prices with the same data: save the workbook to keep it.",
    async read(): Promise<PriceDataListing> {
      ensureSupported();
      try {
        const { priceDataNamespace, priceDataOf } = await priceDataRecords();
        return await environment.run(async (context) => {
          const { data, unreadable } = priceDataOf(await readPriceDataParts(context, priceDataNamespace));
          return { data, unreadable };
        });
      } catch (error) {
        throw new Error(`Reading the price data kept in the workbook failed: ${describeOfficeError(error)}.`, { cause: error });
      }
    },

    async keep(data: StoredPriceData): Promise<void> {
      ensureSupported();
      try {
        const { priceDataNamespace, priceDataPartsXml, priceDataReadBackProblem } = await priceDataRecords();
        const xmls = priceDataPartsXml(data, newRecordKey());
        await environment.run(async (context) => {
          const old = queuePartList(context, priceDataNamespace);
          await context.sync();
          // The new parts first, each read back as the workbook keeps it; the old ones go only once all read back.
          const added: Excel.CustomXmlPart[] = [];
          const back: string[] = [];
          try {
            for (const xml of xmls) {
              const part = context.workbook.customXmlParts.add(xml);
              added.push(part);
              const stored = part.getXml();
              await context.sync();
              back.push(stored.value);
            }
            const problem = priceDataReadBackProblem(back, data);
            if (problem !== undefined) throw new Error(`it does not read back from the workbook (${problem})`);
          } catch (error) {
            try {
              for (const part of added) part.delete();
              await context.sync();
            } catch {
              // A part that cannot be removed belongs to an incomplete set, which readers ignore.
            }
            throw error;
          }
          if (old.items.length > 0) {
            for (const part of old.items) part.delete();
            try {
              await context.sync();
            } catch {
              // The new data is kept and read back; readers take the newest complete set, so an old one left behind is only clutter.
            }
          }
        });
      } catch (error) {
        throw new Error(`Keeping the price data in the workbook failed: ${describeOfficeError(error)}. The prices in use are unchanged.`, { cause: error });
      }
    },

    async remove(): Promise<boolean> {
      ensureSupported();
      try {
        const { priceDataNamespace } = await priceDataRecords();
        return await environment.run(async (context) => {
          const parts = queuePartList(context, priceDataNamespace);
          await context.sync();
          if (parts.items.length === 0) return false;
          for (const part of parts.items) part.delete();
          await context.sync();
          return true;
        });
      } catch (error) {
        throw new Error(`Removing the price data from the workbook failed: ${describeOfficeError(error)}.`, { cause: error });
      }
    },

    async recalculate(): Promise<void> {
      await environment.run(async (context) => {
        context.workbook.application.calculate("Full");
        await context.sync();
      });
    },
  };

  return {
    name: "Excel",
    requirementProblem,
    loadPlan,
    userPresets,
    listModels,
    readModel,
    freezeModel,
    insertAtSelection,
    priceData,
  };
}
