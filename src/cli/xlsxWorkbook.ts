/**
 * Writes a sheet plan into an .xlsx workbook with exceljs: the same cells,
 * formulas with their computed values cached as results (so Excel shows numbers
 * before anything recalculates), number formats, styling by role, column widths,
 * the frozen header rows and source hyperlinks. exceljs cannot write charts, so
 * the plan's chart is left out. exceljs takes about 0.3 s to load, so it is
 * loaded on first use rather than with the command line.
 */
import type * as ExcelJS from "exceljs";
import { checkRuleFormula } from "../presets/plan";
import type { CellRole, PlannedCell, SheetPlan } from "../presets/plan.types";
import { freeSheetName } from "../workbook/sheetName";
import { columnWidthInCharacters } from "./columnWidth";

/** A cell's value as the evaluator computed it; an error as its code, e.g. { error: "#NUM!" }. */
export type SheetValue = number | string | boolean | null | { readonly error: string; readonly message?: string };

/** The computed value at an A1 address, or undefined when nothing was computed there. */
export type ValueAt = (address: string) => SheetValue | undefined;

type CachedResult = NonNullable<ExcelJS.CellFormulaValue["result"]>;
type ExcelErrorCode = ExcelJS.CellErrorValue["error"];

/** The error codes an .xlsx file can hold as a cached result. */
const fileErrorCodes: ReadonlySet<string> = new Set<ExcelErrorCode>([
  "#N/A",
  "#REF!",
  "#NAME?",
  "#DIV/0!",
  "#NULL!",
  "#VALUE!",
  "#NUM!",
]);

const black = "FF000000";
/** Inputs are blue and formulas black, the usual convention of financial models. */
const inputBlue = "FF0000FF";
const grey = "FF595959";
/** Excel's own hyperlink colour, kept apart from the blue of inputs. */
const linkBlue = "FF0563C1";
/** A warning: Excel's "Bad" style, dark red on light red. */
const warningRed = "FF9C0006";
const warningFill = "FFFFC7CE";

const fontOfRole: Readonly<Record<CellRole, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: { argb: grey } },
  header: { bold: true },
  label: {},
  input: { color: { argb: inputBlue } },
  inputLink: { color: { argb: black } },
  reportedAsBase: { italic: true, color: { argb: grey } },
  output: { color: { argb: black } },
  unit: { color: { argb: grey } },
  source: {},
  note: { italic: true, color: { argb: grey } },
  link: { color: { argb: linkBlue }, underline: true },
  check: { color: { argb: warningRed }, bold: true },
};

/** Every font names the default face and size, so no reader has to guess them. */
const baseFont: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };

const headerBorder: Partial<ExcelJS.Borders> = { bottom: { style: "thin", color: { argb: black } } };

/** The value to cache for a formula, or undefined when the file cannot hold it. */
function cachedResult(value: SheetValue | undefined): CachedResult | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object") {
    return fileErrorCodes.has(value.error) ? { error: value.error as ExcelErrorCode } : undefined;
  }
  return value;
}

/** Characters an .xlsx string must escape: control characters (tab and line feed aside), carriage return, delete. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const escapedCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** An underscore that begins text a reader of the file would take for an escape (look-alikes may overlap: "_x005F_x0041_"). */
const escapeLookalike = /_(?=x[0-9a-f]{4}_)/gi;

/**
 * Text as an .xlsx file must hold it to read back unchanged (ECMA-376
 * ST_Xstring): a character XML cannot carry or that XML readers rewrite
 * (control characters; a carriage return, which every XML reader turns into a
 * line feed; delete, which exceljs drops) as the escape _xHHHH_, and an "_x0041_"
 * that is part of the text with its underscore escaped, "_x005F_x0041_", so it
 * is not read as "A". exceljs writes text as given, so the writer escapes first.
 *
 * @example
 *   xlsxText("a\r\nb") //=> "a_x000D_\nb"
 *   xlsxText("_x0041_") //=> "_x005F_x0041_"
 */
export function xlsxText(text: string): string {
  return text
    .replace(escapeLookalike, "_x005F_")
    .replace(escapedCharacters, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function cellValue(cell: PlannedCell, valueAt: ValueAt): ExcelJS.CellValue {
  const { content } = cell;
  switch (content.kind) {
    case "text": {
      const text = xlsxText(content.text);
      return cell.hyperlink === undefined ? text : { text, hyperlink: cell.hyperlink };
    }
    case "number":
      return content.value;
    case "formula": {
      const formula = content.formula.replace(/^=/, "");
      const result = cachedResult(valueAt(cell.address));
      return result === undefined ? { formula } : { formula, result };
    }
  }
}

function styleCell(target: ExcelJS.Cell, cell: PlannedCell): void {
  const font = cell.hyperlink !== undefined && cell.content.kind === "text" ? fontOfRole.link : fontOfRole[cell.role];
  target.font = { ...baseFont, ...font };
  if (cell.role === "header") target.border = headerBorder;
  if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
}

type ExcelJsModule = typeof ExcelJS;

/** Loads exceljs, a CommonJS package: a native import() wraps it in `default`, a bundler may not. */
async function loadExcelJs(): Promise<ExcelJsModule> {
  const loaded: ExcelJsModule | { default: ExcelJsModule } = await import("exceljs");
  return "default" in loaded ? loaded.default : loaded;
}

/**
 * The name of the plan's sheet in the exported workbook, where it is the only
 * sheet: the plan's name through the sheet-name rule the task pane uses
 * (src/workbook/sheetName.ts), so any plan gets a name Excel takes.
 */
export function xlsxSheetName(plan: SheetPlan): string {
  return freeSheetName(plan.sheetName, []);
}

/** Builds the workbook for a plan, caching each formula's value from `valueAt`. */
export async function buildWorkbook(plan: SheetPlan, valueAt: ValueAt): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = "AICOST";
  const views: Partial<ExcelJS.WorksheetView>[] =
    plan.freezeRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows }] : [];
  const sheet = workbook.addWorksheet(xlsxSheetName(plan), { views });
  for (const { column, widthPoints } of plan.columnWidths) {
    sheet.getColumn(column + 1).width = columnWidthInCharacters(widthPoints);
  }
  for (const cell of plan.cells) {
    const target = sheet.getCell(cell.row + 1, cell.column + 1);
    target.value = cellValue(cell, valueAt);
    styleCell(target, cell);
  }
  // Each check highlights its input's Low, Base and High while it shows a warning, as in Excel.
  for (const check of plan.checks ?? []) {
    sheet.addConditionalFormatting({
      ref: check.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [checkRuleFormula(check).replace(/^=/, "")],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: warningFill } }, font: { color: { argb: warningRed } } },
        },
      ],
    });
  }
  return workbook;
}

/** The plan as the bytes of an .xlsx file. */
export async function xlsxBytes(plan: SheetPlan, valueAt: ValueAt): Promise<Uint8Array> {
  // exceljs declares its own Buffer type; in Node the value is a Buffer, which is a Uint8Array.
  const workbook = await buildWorkbook(plan, valueAt);
  return (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
}
