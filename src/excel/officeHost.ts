/**
 * The Excel workbook host: writes a sheet plan into the open workbook through
 * Office.js. The whole load is planned in memory first (writePlan.ts), then
 * written in one Excel.run with two syncs whatever the plan's size: one to
 * read the sheet names and pick a free one, one to write everything.
 */
import type { SheetPlan } from "../presets/plan.types";
import type { LoadOutcome, WorkbookHost } from "./host";
import { freeSheetName } from "./sheetName";
import { planWorkbookWrite, type WorkbookWrite } from "./writePlan";

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

/** Queues every write of a load on a new, empty sheet. Nothing is synced here. */
export function queueWrite(sheet: Excel.Worksheet, write: WorkbookWrite, options: { readonly axisNumberFormat: boolean }): void {
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
    if (chart.numberFormat !== undefined && options.axisNumberFormat) added.axes.valueAxis.numberFormat = chart.numberFormat;
    added.setPosition(chart.topLeft, chart.bottomRight);
  }

  sheet.activate();
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

/** Removes the partly written sheet after a failed load; a failure path, so it may sync twice. */
async function removeSheet(environment: OfficeEnvironment, sheetName: string): Promise<void> {
  await environment.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (!sheet.isNullObject) {
      sheet.delete();
      await context.sync();
    }
  });
}

/** A WorkbookHost that loads plans into the open Excel workbook. */
export function createOfficeHost(environment: OfficeEnvironment = globalOfficeEnvironment()): WorkbookHost {
  const requirementProblem = (): string | null =>
    environment.isSetSupported("ExcelApi", requiredExcelApi) ? null : missingRequirementMessage();

  return {
    name: "Excel",
    requirementProblem,
    async loadPlan(plan: SheetPlan): Promise<LoadOutcome> {
      const problem = requirementProblem();
      if (problem !== null) throw new Error(problem);
      const planned = planWorkbookWrite(plan);
      if (!planned.ok) throw new Error(`Cannot load "${plan.sheetName}": ${planned.problems.join(" ")}`);
      const write = planned.write;
      const axisNumberFormat = environment.isSetSupported("ExcelApi", axisNumberFormatExcelApi);

      let createdName: string | undefined;
      try {
        return await environment.run(async (context) => {
          const worksheets = context.workbook.worksheets;
          worksheets.load("items/name");
          await context.sync();
          const sheetName = freeSheetName(
            write.wantedSheetName,
            worksheets.items.map((sheet) => sheet.name),
          );
          const sheet = worksheets.add(sheetName);
          createdName = sheetName;
          queueWrite(sheet, write, { axisNumberFormat });
          await context.sync();
          return { sheetName };
        });
      } catch (error) {
        const reason = `Loading "${plan.sheetName}" into Excel failed: ${describeOfficeError(error)}.`;
        if (createdName === undefined || failedAtAdd(error)) throw new Error(`${reason} The workbook is unchanged.`, { cause: error });
        try {
          await removeSheet(environment, createdName);
        } catch (cleanupError) {
          throw new Error(
            `${reason} The partly written sheet "${createdName}" could not be removed (${describeOfficeError(cleanupError)}); delete it by hand.`,
            { cause: cleanupError },
          );
        }
        throw new Error(`${reason} The partly written sheet was removed; the workbook is unchanged.`, { cause: error });
      }
    },
  };
}
