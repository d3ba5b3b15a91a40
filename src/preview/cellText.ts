/*
 * What a cell shows of its value in the width it has, as Excel shows it. A number
 * never shows clipped:
 *  - in the General format it is shown in at most 11 characters, with as many
 *    digits as fit: decimals are rounded away first (1234567.891 -> "1234568"),
 *    then it switches to scientific notation (3500000000 -> "3.5E+09"), and
 *    "#" fills the cell when not even "1E+09" fits;
 *  - in any other number format it is shown whole or, when that does not fit,
 *    as "#" filling the cell ("####"), so the reader widens the column.
 * Text, booleans and errors show as they are (text runs on over empty cells).
 *
 * Widths follow Excel's own model: a column is so many characters of the font's
 * widest digit wide, plus 5 pixels of margin (a default column is 8.43
 * characters, 64 pixels in Calibri 11, whose digits are 7 pixels wide). The view
 * measures the font the grid really uses and scales every column by it, so a
 * column holds as many digits in the preview as in Excel whatever the font.
 * Pure: the caller says whether a text fits.
 */
import { format, round } from "numfmt";
import { formatForDisplay, type DisplayValue } from "../presets/display";

/** Excel's General format shows at most 11 characters in a cell, besides a minus sign. */
export const generalMaxCharacters = 11;

/** Excel's margin in a column: 5 pixels beyond its characters (2 each side and the gridline). */
export const columnMarginPx = 5;

/** The widest digit of Calibri 11 at 96 dpi, the font Excel's column widths are counted in. */
export const excelDigitWidthPx = 7;

/** Says whether a text fits the cell's width. */
export type Fits = (text: string) => boolean;

function isGeneral(numberFormat: string | undefined): boolean {
  return numberFormat === undefined || /^general$/i.test(numberFormat.trim()) || numberFormat === "@";
}

/** A number in plain decimals, rounded to `decimals`, without trailing zeros ("-0" shows as "0"). */
function decimalText(value: number, decimals: number): string {
  const rounded = round(value, decimals);
  if (rounded === 0) return "0";
  let text = rounded.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}

/** A number in Excel's scientific notation with `decimals` decimals in the mantissa, trailing zeros dropped: "3.5E+09". */
function scientificText(value: number, decimals: number): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(decimals).split("e");
  const shortMantissa = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  const power = Number(exponent);
  return `${shortMantissa}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** Significant digits a decimal or scientific text shows. */
function significantDigits(text: string): number {
  const digits = text.split("E")[0]?.replace(/[^0-9]/g, "").replace(/^0+/, "") ?? "";
  return digits.length;
}

/** The most "#" that fit, at least one: Excel's sign that a number does not fit its column. */
export function hashesThatFit(fits: Fits): string {
  let hashes = "#";
  while (hashes.length < 255 && fits(`${hashes}#`)) hashes += "#";
  return hashes;
}

/**
 * A number in the General format as Excel shows it in a cell: the most digits
 * that fit, at most 11 characters, decimals before scientific notation.
 */
export function generalText(value: number, fits: Fits): string {
  if (!Number.isFinite(value)) return "#NUM!";
  const full = format("General", value);
  const most = generalMaxCharacters + (value < 0 ? 1 : 0);
  if (full.length <= most && fits(full)) return full;
  const candidates = (texts: string[]): string | undefined => texts.find((text) => text.length <= most && fits(text));
  const magnitude = Math.abs(value);
  // Plain decimals, one fewer each time; a number of 1 or more keeps at least its whole part.
  const decimals: string[] = [];
  // (From 1E+11 on no whole number fits in 11 characters.)
  if (magnitude < 1e11) for (let d = 10; d >= 0; d--) decimals.push(decimalText(value, d));
  const decimal = candidates([...new Set(decimals)].filter((text) => text !== "0" || value === 0));
  const scientific = candidates(Array.from({ length: 6 }, (_, i) => scientificText(value, 5 - i)));
  if (decimal !== undefined && (magnitude >= 1 || scientific === undefined || significantDigits(decimal) >= significantDigits(scientific))) return decimal;
  return scientific ?? hashesThatFit(fits);
}

/**
 * What a cell shows of `value` under `numberFormat` (General when none) where
 * `fits` says what fits its width. Numbers never show clipped; text, booleans
 * and errors show as formatForDisplay gives them.
 */
export function cellText(value: DisplayValue, numberFormat: string | undefined, fits: Fits): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return formatForDisplay(value, numberFormat);
  if (isGeneral(numberFormat)) return generalText(value, fits);
  const text = formatForDisplay(value, numberFormat);
  return fits(text) ? text : hashesThatFit(fits);
}

/**
 * The width in pixels a column of `points` (as Excel and the plan give it) has
 * when its font's widest digit is `digitWidthPx`: the same number of characters
 * as in Excel, each as wide as this font's digits, plus Excel's margin.
 */
export function columnWidthPx(points: number, digitWidthPx: number): number {
  const characters = Math.max(0, (points * (4 / 3) - columnMarginPx) / excelDigitWidthPx);
  return Math.round(characters * digitWidthPx + columnMarginPx);
}

/**
 * Widths of a character as a fraction of the font size, for where no canvas can
 * measure text (tests in a DOM without layout): Calibri's proportions, its digits
 * 7 pixels at 11 points.
 */
const narrow = new Set([".", ",", ":", ";", "'", "!", "|", "i", "l", "j", "I", " "]);
export function modelTextWidthPx(text: string, fontSizePx: number, bold: boolean): number {
  const digit = (excelDigitWidthPx / (11 * (4 / 3))) * fontSizePx;
  let width = 0;
  for (const character of text) {
    if (narrow.has(character)) width += digit * 0.5;
    else if (/[0-9#$+\-=<>~^*_]/.test(character)) width += digit;
    else if (/[A-Z%@&MW]/.test(character)) width += digit * 1.25;
    else width += digit * 0.9;
  }
  return width * (bold ? 1.05 : 1);
}
