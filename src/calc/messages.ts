/** Every message the model shows a user, in one place. */

/** The most characters (UTF-16 units) of a value that a message quotes; longer text is cut, with "…". */
export const quotedTextMaxLength = 40;

/**
 * Text as every message quotes it: in double quotes, whole up to 40 characters,
 * else its first 40 (never half of a character) and "…". A message stays short
 * however long the cell's text (up to 32,767 characters in Excel).
 */
export function quoteText(text: string): string {
  if (text.length <= quotedTextMaxLength) return `"${text}"`;
  let end = quotedTextMaxLength;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate: its pair would be cut off
  return `"${text.slice(0, end)}…"`;
}

/** How a cell value is quoted in a message: text in quotes (see quoteText), booleans as Excel shows them. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `the text ${quoteText(value)}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value);
  if (value === null || value === undefined || value === "") return "a blank";
  return "a value that is not a number";
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return String(value);
}

export const messages = {
  requiredBlank: (param: string) => `${param} is required, but it is blank`,
  notANumber: (param: string, value: unknown) => `${param} must be a number, got ${describeValue(value)}`,
  notText: (param: string, value: unknown) => `${param} must be text, got ${describeValue(value)}`,
  notFinite: (param: string, value: number) => `${param} must be a finite number, got ${formatNumber(value)}`,
  belowMin: (param: string, min: number, value: number) =>
    `${param} must be at least ${formatNumber(min)}, got ${formatNumber(value)}`,
  notAbove: (param: string, bound: number, value: number) =>
    `${param} must be greater than ${formatNumber(bound)}, got ${formatNumber(value)}`,
  aboveMax: (param: string, max: number, value: number) =>
    `${param} must be at most ${formatNumber(max)}, got ${formatNumber(value)}`,
  notOneOf: (param: string, allowed: readonly string[], value: unknown) =>
    `${param} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describeValue(value)}`,
  resultNotFinite: (functionId: string) => `${functionId}: the result is too large to represent as a number`,
  outsideArgument: (param: string, rows: number, columns: number) =>
    `${param} has ${rows} row(s) × ${columns} column(s) and cannot fill this cell of the result`,
  unknownModel: (model: string, known: readonly string[]) =>
    `unknown model ${quoteText(model)}; known models: ${known.join(", ")}`,
  noPriceForKind: (model: string, kind: string) => `${model} has no ${kind} price in the catalog`,
  notWhole: (param: string, value: number) => `${param} must be a whole number, got ${formatNumber(value)}`,
  notScenarioList: (param: string, rows: number, columns: number) =>
    `${param} must be one value, or one row or column of values (one per scenario), got ${rows} rows × ${columns} columns`,
  shorterRow: (years: number) => `years is ${formatNumber(years)} in this row, so it has no value in this column`,
  salvageAboveCost: (salvage: number, cost: number) =>
    `salvage must be at most cost, got salvage ${formatNumber(salvage)} and cost ${formatNumber(cost)}`,
  sumOfYearsWholeLife: (life: number) =>
    `useful_life_years must be a whole number for "sum_of_years", got ${formatNumber(life)}`,
  neverPaysBack: (years: number) =>
    `net_cash_flows: the cumulative net cash does not pay back within ${formatNumber(years)} year${years === 1 ? "" : "s"}`,
  costsZero: () => "costs: the present value of the costs is 0, so the return on them is undefined",
  costsNegative: (value: number) => `costs: the present value of the costs must be positive, got ${formatNumber(value)}`,
  yearsNotInFormula: (functionId: string) =>
    `${functionId}: in this engine years must be a number typed into the formula (such as 5), not a cell reference, so the row's width is known`,
  tooManyArguments: (functionId: string, max: number, got: number) =>
    `${functionId} takes at most ${max} argument(s), got ${got}`,
} as const;
