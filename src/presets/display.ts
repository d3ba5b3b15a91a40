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
  return format(numberFormat ?? "General", value);
}
