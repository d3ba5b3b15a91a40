/** Every message the model shows a user, in one place. */
import { quoteArgument } from "./quote";

/** How a cell value is quoted in a message: text in quotes, booleans as Excel shows them. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the text "${shown}"`;
  }
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
  unknownModel: (model: string, provider: string | undefined, closest: readonly string[]) =>
    `genai-prices has no model ${quoteArgument(model)}${provider === undefined ? "" : ` from provider ${quoteArgument(provider)}`}` +
    (closest.length > 0 ? `; closest model ids: ${closest.join(", ")}` : ""),
  unknownProvider: (provider: string, known: readonly string[]) =>
    `genai-prices has no provider ${quoteArgument(provider)}; providers: ${known.join(", ")}`,
  noPriceForKind: (model: string, provider: string, kind: string) =>
    `kind "${kind}": genai-prices lists no ${kind} price for ${model} (${provider}) at that moment`,
  notAMoment: (param: string, value: unknown) =>
    `${param} must be an Excel date or date-time, or ISO text such as "2026-04-24" or "2026-04-24T13:00Z", got ${
      typeof value === "string" ? `the text ${quoteArgument(value)}` : describeValue(value)
    }`,
  serialOutOfRange: (param: string, serial: number) =>
    `${param} must be an Excel date serial from 1 (1900-01-01) to 2958465 (9999-12-31), got ${formatNumber(serial)}`,
  fictitiousLeapDay: (param: string) => `${param} is 1900-02-29 (serial 60), a day Excel counts but that never was`,
  cachedAboveInput: (cached: number, input: number) =>
    `cache_read_tokens + cache_write_tokens (${formatNumber(cached)}) are parts of input_tokens and cannot exceed it (${formatNumber(input)})`,
  catalogFault: (model: string, fault: string) =>
    `model ${quoteArgument(model)}: genai-prices cannot price it: ${fault}`,
  tooManyArguments: (functionId: string, max: number, got: number) =>
    `${functionId} takes at most ${max} argument(s), got ${got}`,
} as const;
