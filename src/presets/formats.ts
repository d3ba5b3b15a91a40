import { formatForDisplay } from "./display";
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

/**
 * Every digit of a value in the style of its format (the same prefix, unit and
 * scale words), for when the sheet's format rounds two different values to the
 * same text: `$62,480,000,000` where the sheet shows `$62.5B`.
 */
const exactFormats: Readonly<Record<ValueFormat, string>> = {
  usd: "$#,##0.##########",
  usdBillions: "$#,##0.##########",
  usdMillions: "$#,##0.##########",
  usdPrecise: "$#,##0.##########",
  count: "#,##0.##########",
  fraction: "0.##########%",
  ratio: '0.##########"x"',
  number: "#,##0.##########",
};

/**
 * Amounts as a message quotes them: as the sheet writes them under the input's
 * format (`$70.0B`, `$150,000`, `12.5%`), never raw digits; when the format
 * would show two different amounts alike, all of them in full
 * (`$62,500,000,000` and `$62,480,000,000`).
 *
 * @example
 *   formatAmounts([70_000_000_000, 65_000_000_000], "usdBillions") //=> ["$70.0B", "$65.0B"]
 *   formatAmounts([62_500_000_000, 62_480_000_000], "usdBillions") //=> ["$62,500,000,000", "$62,480,000,000"]
 */
export function formatAmounts(values: readonly number[], format: ValueFormat): string[] {
  const shown = values.map((value) => formatForDisplay(value, numberFormatOf(format)));
  const alike = shown.some((text, i) => shown.indexOf(text) !== i && values[shown.indexOf(text)] !== values[i]);
  if (!alike) return shown;
  // numfmt writes "62,500,000,000." for a whole number under optional decimals; the lone point goes.
  return values.map((value) => formatForDisplay(value, exactFormats[format]).replace(/\.(?!\d)/, ""));
}
