import type { CellRole } from "../presets/plan.types";

/** How a cell looks in Excel. Absent properties keep Excel's defaults. */
export interface CellStyle {
  /** "#RRGGBB" */
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly underline?: "Single";
  /** "#RRGGBB" */
  readonly fillColor?: string;
}

/** Assumptions (hard-coded inputs) are blue, the modelling convention finance readers expect. */
export const inputFontColor = "#0000FF";
/** Formulas are black. */
export const formulaFontColor = "#000000";
export const mutedFontColor = "#595959";
export const linkFontColor = "#0563C1";
export const headerFillColor = "#DDEBF7";
/** A warning: Excel's "Bad" style colours, dark red on light red. */
export const warningFontColor = "#9C0006";
export const warningFillColor = "#FFC7CE";

/**
 * The Excel styling of each role. A Low/High assumption that repeats the Base
 * value by formula is a formula, so it is black until the reader types over it.
 */
export const roleStyles: Readonly<Record<CellRole, CellStyle>> = {
  title: { bold: true, fontSize: 14 },
  subtitle: { italic: true, fontColor: mutedFontColor },
  header: { bold: true, fillColor: headerFillColor, fontColor: formulaFontColor },
  label: {},
  input: { fontColor: inputFontColor },
  inputLink: { fontColor: formulaFontColor },
  /** A Reported cell with no reported figure repeats Base: grey italic, so it never reads as a reported number. */
  reportedAsBase: { italic: true, fontColor: mutedFontColor },
  output: { fontColor: formulaFontColor },
  unit: { fontColor: mutedFontColor },
  source: { fontColor: mutedFontColor },
  note: { italic: true, fontColor: mutedFontColor },
  link: { fontColor: linkFontColor, underline: "Single" },
  check: { fontColor: warningFontColor, bold: true },
};

/** Whether a style changes anything. */
export function isPlainStyle(style: CellStyle): boolean {
  return Object.values(style).every((value) => value === undefined);
}
