import type { ValueFormat } from "./types";

/**
 * Excel number format codes for each value format. Values stay raw numbers in
 * USD or as fractions; the format scales them (each trailing "," divides by 1,000).
 */
const numberFormats: Readonly<Record<ValueFormat, string>> = {
  usd: "$#,##0",
  usdBillions: '$#,##0.0,,,"B"',
  usdMillions: '$#,##0.0,,"M"',
  usdPrecise: "$#,##0.00",
  count: "#,##0",
  fraction: "0.0%",
  ratio: '0.0"x"',
  number: "#,##0.00",
};

/** The Excel number format code for a value format, e.g. usdBillions -> `$#,##0.0,,,"B"`. */
export function numberFormatOf(format: ValueFormat): string {
  return numberFormats[format];
}

/** The number format of text cells: Excel's text format, so text is never read as a number or formula. */
export const textNumberFormat = "@";
