import { format } from "numfmt";

/** A cell value as a spreadsheet holds it; an error carries its Excel code, e.g. `{ error: "#NUM!" }`. */
export type DisplayValue = number | string | boolean | null | { readonly error: string };

/**
 * Shows a value as Excel would under a number format ("General" when none is
 * given): `formatForDisplay(3795000000, '$#,##0.0,,,"B"')` is "$3.8B".
 * A blank is "", booleans are "TRUE" and "FALSE", an error shows its code.
 */
export function formatForDisplay(value: DisplayValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  const shown = format(numberFormat ?? "General", value);
  // numfmt writes numbers of 1e21 and more in JavaScript's exponent form inside a
  // digit format ("1e,+22"); such a number is shown in scientific notation instead.
  if (typeof value === "number" && Math.abs(value) >= 1e21 && /\de[,+-]/i.test(shown) && !/E[+-]/.test(shown)) {
    const sign = value < 0 ? "-" : "";
    const currency = numberFormat?.trimStart().startsWith("$") === true ? "$" : "";
    return `${currency}${sign}${format("0.00E+00", Math.abs(value))}`;
  }
  return shown;
}
