/**
 * Validation of preset data: a valibot schema for the shape and the length of
 * text (also exported as JSON Schema in schema/preset.schema.json), then the checks that span fields:
 * unique ids and keys, known sources, low <= base <= high (except derived inputs), formulas that refer
 * only to inputs and earlier outputs and call known functions with a valid
 * number of arguments, and a chart over adjacent outputs of one format.
 */
import * as v from "valibot";
import {
  calcSignatures as calcFunctions,
  findCalcSignature as findCalcFunction,
  functionNamespace,
} from "../calc/signatures";
import { formatAmounts } from "./formats";
import { findTimeFunction, timeFunctions } from "../calc/timeFunctions";
import { maxYears } from "../calc/timeSpec";
import { parseFormula } from "./formula";
import type { Preset, TimelineMeasure, ValueFormat } from "./types";

/** One problem found in a preset: where (a path such as `inputs[3].base`) and what. */
export interface PresetIssue {
  readonly path: string;
  /** The whole message, path first: `inputs[3].base: expected a finite number, got "abc"`. */
  readonly message: string;
}

/** The outcome of reading a preset: the preset, or the first issue and every issue found. */
export type PresetParseResult =
  | { readonly ok: true; readonly value: Preset }
  | {
      readonly ok: false;
      readonly error: PresetIssue;
      readonly issues: readonly PresetIssue[];
    };

/** How a value is quoted in a message. */
export function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (typeof input === "string") return JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
  if (typeof input === "number") return Number.isNaN(input) ? "NaN" : String(input);
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "an object";
  return String(input);
}

const got = (issue: { input: unknown }): string => `got ${describeInput(issue.input)}`;

export const valueFormats = [
  "usd",
  "usdBillions",
  "usdMillions",
  "usdPrecise",
  "count",
  "fraction",
  "ratio",
  "number",
] as const satisfies readonly ValueFormat[];

const kebabCase = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const isoDate = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The longest key or id (a preset id, source id, input or output key), in UTF-16 code units as Excel counts. */
export const presetKeyMaxLength = 200;
/** The longest text (a title, label, unit, note, formula or URL), in UTF-16 code units as Excel counts; far below Excel's 32,767 per cell. */
export const presetTextMaxLength = 2_000;

const atMost = (limit: number) =>
  v.maxLength<string, number, (issue: { input: string }) => string>(
    limit,
    (issue) => `must be at most ${limit.toLocaleString("en-US")} characters, got ${issue.input.length.toLocaleString("en-US")}`,
  );

const text = v.pipe(
  v.string((issue) => `expected text, ${got(issue)}`),
  atMost(presetTextMaxLength),
  v.regex(/\S/, "must not be blank"),
);
// Leading blanks, then the first non-blank character, then the rest of the line: each character has one way
// to match, so the time is linear in the length (a pattern of the form ^[^\n]*\S[^\n]*$ takes quadratic time).
const oneLine = v.pipe(
  v.string((issue) => `expected text, ${got(issue)}`),
  atMost(presetTextMaxLength),
  v.regex(/^[^\S\r\n]*\S[^\r\n]*$/, (issue) => (/\S/.test(issue.input) ? "must be one line" : "must not be blank")),
);
const finiteNumber = v.pipe(
  v.number((issue) => `expected a finite number, ${got(issue)}`),
  v.finite((issue) => `expected a finite number, ${got(issue)}`),
);
const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The number of days in a month (1-12) of a year of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a date that has the ISO shape is not in the calendar ("February 2026 has 28 days"), or undefined when it is. */
function calendarProblem(text: string): string | undefined {
  if (!isoDate.test(text)) return undefined; // the shape has its own message
  const [year, month, day] = text.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined; // a year or a month
  const days = daysInMonth(year, month);
  return day <= days ? undefined : `${monthNames[month - 1] ?? month} ${year} has ${days} days`;
}

const date = v.pipe(
  v.string((issue) => `expected an ISO date as text, ${got(issue)}`),
  v.regex(isoDate, (issue) => `expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), ${got(issue)}`),
  v.check(
    (text) => calendarProblem(text) === undefined,
    (issue) => `expected a date of the calendar, ${got(issue)}; ${calendarProblem(issue.input as string) ?? ""}`,
  ),
);
const kebabId = v.pipe(
  v.string((issue) => `expected text, ${got(issue)}`),
  atMost(presetKeyMaxLength),
  v.regex(kebabCase, (issue) => `must be kebab-case (lower-case letters and digits joined by "-"), ${got(issue)}`),
);
const snakeKey = v.pipe(
  v.string((issue) => `expected text, ${got(issue)}`),
  atMost(presetKeyMaxLength),
  v.regex(snakeCase, (issue) => `must be snake_case (lower-case letters and digits joined by "_"), ${got(issue)}`),
);
const format = v.picklist(valueFormats, (issue) => `expected one of ${valueFormats.join(", ")}, ${got(issue)}`);
/** The message of an object schema: a wrong type, a missing field, or a field that does not belong. */
const objectMessage = (issue: { input: unknown; expected: string | null; path?: unknown }): string => {
  if (issue.path === undefined) return `expected an object, ${got(issue)}`;
  if (issue.expected === "never") return "is not a known field";
  return "is required";
};
const list = <T extends v.GenericSchema>(item: T, what: string) =>
  v.pipe(
    v.array(item, (issue) => `expected a list, ${got(issue)}`),
    v.minLength(1, `must list at least one ${what}`),
  );

export const presetSourceSchema = v.strictObject(
  {
    id: kebabId,
    title: oneLine,
    shortTitle: v.optional(oneLine),
    publisher: oneLine,
    date,
    url: v.optional(
      v.pipe(
        v.string((issue) => `expected a URL as text, ${got(issue)}`),
        atMost(presetTextMaxLength),
        v.regex(/^https?:\/\/\S+$/, (issue) => `expected an http(s) URL, ${got(issue)}`),
        v.url((issue) => `expected a URL, ${got(issue)}`),
      ),
    ),
  },
  objectMessage,
);

/** A reported figure: its value and the id of its own (dated, linked) source. */
export const presetReportedSchema = v.strictObject(
  {
    value: finiteNumber,
    source: kebabId,
    note: v.optional(text),
  },
  objectMessage,
);

export const presetInputSchema = v.strictObject(
  {
    key: snakeKey,
    label: oneLine,
    unit: oneLine,
    format,
    base: finiteNumber,
    low: v.optional(finiteNumber),
    high: v.optional(finiteNumber),
    source: kebabId,
    note: v.optional(text),
    derived: v.optional(v.boolean((issue) => `expected true or false, ${got(issue)}`)),
    reported: v.optional(presetReportedSchema),
  },
  objectMessage,
);

export const presetOutputSchema = v.strictObject(
  {
    key: snakeKey,
    label: oneLine,
    unit: oneLine,
    format,
    formula: oneLine,
    note: v.optional(text),
    chart: v.optional(v.boolean((issue) => `expected true or false, ${got(issue)}`)),
  },
  objectMessage,
);

/** The most rows and summaries a timeline may hold. */
export const presetTimelineMaxRows = 100;
export const presetTimelineMaxSummaries = 20;
/** The calendar years a timeline's first year may be, those Excel dates cover. */
export const presetTimelineFirstYears = { min: 1900, max: 9999 } as const;
/** The word a timeline row formula uses for the number of years; the planner types the number in its place. */
export const timelineYearsKey = "years";
export const timelineMeasures = ["costsPv", "benefitsPv", "npv", "irr", "payback", "roi"] as const satisfies readonly TimelineMeasure[];

const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.number((issue) => `expected a whole number from ${min} to ${max}, ${got(issue)}`),
    v.integer((issue) => `expected a whole number from ${min} to ${max}, ${got(issue)}`),
    v.minValue(min, (issue) => `expected a whole number from ${min} to ${max}, ${got(issue)}`),
    v.maxValue(max, (issue) => `expected a whole number from ${min} to ${max}, ${got(issue)}`),
  );
const timelineList = <T extends v.GenericSchema>(item: T, one: string, many: string, limit: number) =>
  v.pipe(
    v.array(item, (issue) => `expected a list, ${got(issue)}`),
    v.minLength(1, `must list at least one ${one}`),
    v.maxLength(limit, (issue) => `lists ${issue.input.length.toLocaleString("en-US")} ${many}; a timeline may list at most ${limit}`),
  );

export const presetTimelineRowSchema = v.strictObject(
  {
    key: snakeKey,
    label: oneLine,
    unit: oneLine,
    format,
    formula: oneLine,
    fromYearOne: v.optional(v.boolean((issue) => `expected true or false, ${got(issue)}`)),
    note: v.optional(text),
  },
  objectMessage,
);

export const presetTimelineSummarySchema = v.strictObject(
  {
    label: oneLine,
    net: snakeKey,
    costs: v.optional(snakeKey),
    benefits: v.optional(snakeKey),
    measures: v.pipe(
      v.array(
        v.picklist(timelineMeasures, (issue) => `expected one of ${timelineMeasures.join(", ")}, ${got(issue)}`),
        (issue) => `expected a list, ${got(issue)}`,
      ),
      v.minLength(1, "must list at least one measure"),
    ),
  },
  objectMessage,
);

export const presetTimelineSchema = v.strictObject(
  {
    firstYear: wholeNumber(presetTimelineFirstYears.min, presetTimelineFirstYears.max),
    years: wholeNumber(1, maxYears),
    discountRate: snakeKey,
    rows: timelineList(presetTimelineRowSchema, "row", "rows", presetTimelineMaxRows),
    summaries: timelineList(presetTimelineSummarySchema, "summary", "summaries", presetTimelineMaxSummaries),
  },
  objectMessage,
);

/** The shape of a preset. The checks across fields are in `checkPreset`. */
export const presetSchema = v.strictObject(
  {
    version: v.literal(1, (issue) => `expected 1 (the only preset version), ${got(issue)}`),
    id: kebabId,
    title: oneLine,
    summary: oneLine,
    asOf: date,
    sources: list(presetSourceSchema, "source"),
    inputs: list(presetInputSchema, "input"),
    outputs: list(presetOutputSchema, "output"),
    notes: v.optional(v.array(text, (issue) => `expected a list of text, ${got(issue)}`)),
    timeline: v.optional(presetTimelineSchema),
  },
  objectMessage,
);

// The schema's output type must be a Preset.
type SchemaOutput = v.InferOutput<typeof presetSchema>;
const schemaMatchesType: (value: SchemaOutput) => Preset = (value) => value;
void schemaMatchesType;

function formatPath(path: readonly { readonly key: unknown }[] | undefined): string {
  let out = "";
  for (const item of path ?? []) {
    if (typeof item.key === "number") out += `[${item.key}]`;
    else out += out === "" ? String(item.key) : `.${String(item.key)}`;
  }
  return out;
}

function issue(path: string, message: string): PresetIssue {
  return { path, message: `${path === "" ? "preset" : path}: ${message}` };
}

function knownFunctionNames(): string {
  return calcFunctions.map((fn) => `${functionNamespace}.${fn.id}`).join(", ");
}

function knownTimeFunctionNames(): string {
  return [...calcFunctions, ...timeFunctions].map((fn) => `${functionNamespace}.${fn.id}`).join(", ");
}

/** The calls of a formula: known functions with a valid number of arguments; time functions only where `allowTime`. */
function checkCalls(calls: readonly { name: string; argumentCount: number }[], path: string, allowTime: boolean, issues: PresetIssue[]): void {
  for (const call of calls) {
    const namespaced = call.name.toUpperCase().startsWith(`${functionNamespace}.`);
    const fn = !namespaced ? undefined : (findCalcFunction(call.name) ?? (allowTime ? findTimeFunction(call.name) : undefined));
    if (fn === undefined) {
      const timeFn = namespaced && !allowTime ? findTimeFunction(call.name) : undefined;
      issues.push(
        issue(
          path,
          timeFn !== undefined
            ? `calls ${functionNamespace}.${timeFn.id}, a time function: use it in a timeline row; known functions here: ${knownFunctionNames()}`
            : `calls unknown function "${call.name}"; known functions: ${allowTime ? knownTimeFunctionNames() : knownFunctionNames()}`,
        ),
      );
      continue;
    }
    const min = fn.params.filter((p) => !("default" in p) || p.default === undefined).length;
    const max = fn.params.length;
    if (call.argumentCount < min || call.argumentCount > max) {
      const range = min === max ? `${min}` : `${min} to ${max}`;
      issues.push(issue(path, `${functionNamespace}.${fn.id} takes ${range} arguments, got ${call.argumentCount}`));
    }
  }
}

function checkFormula(preset: Preset, index: number, issues: PresetIssue[]): void {
  const output = preset.outputs[index] as Preset["outputs"][number];
  const path = `outputs[${index}].formula`;
  const parsed = parseFormula(output.formula);
  if (!parsed.ok) {
    issues.push(issue(path, `${parsed.fault.message} (at character ${parsed.fault.position + 1})`));
    return;
  }
  const inputKeys = new Set(preset.inputs.map((input) => input.key));
  const earlierOutputs = new Set(preset.outputs.slice(0, index).map((o) => o.key));
  for (const key of parsed.shape.keys) {
    if (inputKeys.has(key) || earlierOutputs.has(key)) continue;
    if (key === output.key) {
      issues.push(issue(path, `refers to its own key "${key}"`));
      continue;
    }
    const later = preset.outputs.findIndex((o, i) => i > index && o.key === key);
    if (later >= 0) {
      issues.push(issue(path, `refers to "${key}", an output defined later (outputs[${later}]); refer only to inputs and earlier outputs`));
    } else {
      const known = [...inputKeys, ...earlierOutputs].join(", ");
      issues.push(issue(path, `refers to unknown key "${key}"; known keys here: ${known}`));
    }
  }
  checkCalls(parsed.shape.calls, path, false, issues);
}

/**
 * The checks of a timeline: its discount rate is an input; each row formula refers to inputs,
 * outputs, earlier rows and `years`, and builds a row (calls a row function or refers to a row);
 * a row from year one calls a function without a start cell and no other row; summaries name rows;
 * with a timeline the chart is the timeline's, so no output is charted.
 */
function checkTimeline(preset: Preset, issues: PresetIssue[]): void {
  const timeline = preset.timeline;
  if (timeline === undefined) return;
  const inputKeys = new Set(preset.inputs.map((input) => input.key));
  const outputKeys = new Set(preset.outputs.map((output) => output.key));
  if (!inputKeys.has(timeline.discountRate)) {
    issues.push(issue("timeline.discountRate", `refers to unknown input "${timeline.discountRate}"; the discount rate is an input`));
  }
  preset.inputs.forEach((input, i) => {
    if (input.key === timelineYearsKey) issues.push(issue(`inputs[${i}].key`, `"${timelineYearsKey}" is the timeline's number of years; name this input otherwise`));
  });
  preset.outputs.forEach((output, i) => {
    if (output.key === timelineYearsKey) issues.push(issue(`outputs[${i}].key`, `"${timelineYearsKey}" is the timeline's number of years; name this output otherwise`));
    if (output.chart === true) issues.push(issue(`outputs[${i}].chart`, "a preset with a timeline charts its cumulative net cash; chart no output"));
  });
  const rowKeys = new Set<string>();
  timeline.rows.forEach((row, index) => {
    const keyPath = `timeline.rows[${index}].key`;
    if (row.key === timelineYearsKey) issues.push(issue(keyPath, `"${timelineYearsKey}" is the timeline's number of years; name this row otherwise`));
    else if (inputKeys.has(row.key) || outputKeys.has(row.key) || rowKeys.has(row.key)) issues.push(issue(keyPath, `duplicate key "${row.key}"`));
    const path = `timeline.rows[${index}].formula`;
    const parsed = parseFormula(row.formula);
    if (!parsed.ok) {
      issues.push(issue(path, `${parsed.fault.message} (at character ${parsed.fault.position + 1})`));
    } else {
      let refersToRow = false;
      for (const key of parsed.shape.keys) {
        if (key === timelineYearsKey || inputKeys.has(key) || outputKeys.has(key)) continue;
        if (rowKeys.has(key)) {
          refersToRow = true;
          continue;
        }
        const later = timeline.rows.findIndex((r, i) => i >= index && r.key === key);
        if (later >= 0) {
          issues.push(issue(path, `refers to "${key}", a row defined here or later (timeline.rows[${later}]); refer only to inputs, outputs and earlier rows`));
        } else {
          issues.push(issue(path, `refers to unknown key "${key}"; known keys here: ${[...inputKeys, ...outputKeys, ...rowKeys, timelineYearsKey].join(", ")}`));
        }
      }
      checkCalls(parsed.shape.calls, path, true, issues);
      const rowCalls = parsed.shape.calls.map((call) => findTimeFunction(call.name)).filter((fn) => fn?.shape === "row");
      const withoutStart = rowCalls.some((fn) => fn?.shape === "row" && !fn.startCell);
      if (row.fromYearOne === true) {
        if (!withoutStart || refersToRow) {
          issues.push(issue(path, "a row from year one is one call of a function without a start cell (AICOST.DEPRECIATION) and refers to no other row"));
        }
      } else if (withoutStart) {
        issues.push(issue(`timeline.rows[${index}].fromYearOne`, "must be true: the formula gives years 1 to N without a start cell"));
      } else if (rowCalls.length === 0 && !refersToRow) {
        issues.push(issue(path, "must build a row: call a cash-flow function or refer to an earlier row"));
      }
    }
    rowKeys.add(row.key);
  });
  timeline.summaries.forEach((summary, index) => {
    const path = `timeline.summaries[${index}]`;
    for (const field of ["net", "costs", "benefits"] as const) {
      const key = summary[field];
      if (key !== undefined && !rowKeys.has(key)) {
        issues.push(issue(`${path}.${field}`, `refers to unknown row "${key}"; rows: ${[...rowKeys].join(", ")}`));
      }
    }
    const needs = (measure: TimelineMeasure, field: "costs" | "benefits"): void => {
      if (summary.measures.includes(measure) && summary[field] === undefined) {
        issues.push(issue(`${path}.${field}`, `is required for the measure ${measure}`));
      }
    };
    needs("costsPv", "costs");
    needs("benefitsPv", "benefits");
    needs("roi", "costs");
    needs("roi", "benefits");
    checkUnique(
      summary.measures,
      (m) => m,
      (i) => `${path}.measures[${i}]`,
      "measure",
      issues,
    );
  });
}

function checkUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  pathOf: (index: number) => string,
  what: string,
  issues: PresetIssue[],
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else issues.push(issue(pathOf(index), `duplicate ${what} "${key}" (first used at ${pathOf(seen)})`));
  });
}

/** The checks across fields of a preset whose shape is valid; returns every issue found. */
export function checkPreset(preset: Preset): PresetIssue[] {
  const issues: PresetIssue[] = [];
  checkUnique(
    preset.sources,
    (s) => s.id,
    (i) => `sources[${i}].id`,
    "source id",
    issues,
  );
  const entries = [
    ...preset.inputs.map((input, i) => ({
      key: input.key,
      path: `inputs[${i}].key`,
    })),
    ...preset.outputs.map((output, i) => ({
      key: output.key,
      path: `outputs[${i}].key`,
    })),
  ];
  checkUnique(
    entries,
    (e) => e.key,
    (i) => (entries[i] as { path: string }).path,
    "key",
    issues,
  );

  const sourceIds = preset.sources.map((s) => s.id);
  preset.inputs.forEach((input, i) => {
    if (!sourceIds.includes(input.source)) {
      issues.push(issue(`inputs[${i}].source`, `unknown source "${input.source}"; sources: ${sourceIds.join(", ")}`));
    }
    if (input.reported !== undefined && !sourceIds.includes(input.reported.source)) {
      // A reported figure stands on a source of its own, listed (and so dated) like any other.
      issues.push(issue(`inputs[${i}].reported.source`, `unknown source "${input.reported.source}"; sources: ${sourceIds.join(", ")}`));
    }
    if (input.derived === true) return; // a residual's columns follow the scenarios, not the order of values
    // Amounts as the sheet writes them under the input's format: "$70.0B", not 70000000000.
    if (input.low !== undefined && input.low > input.base) {
      const [base, low] = formatAmounts([input.base, input.low], input.format);
      issues.push(issue(`inputs[${i}].low`, `must not exceed base (${base}), got ${low}`));
    }
    if (input.high !== undefined && input.high < input.base) {
      const [base, high] = formatAmounts([input.base, input.high], input.format);
      issues.push(issue(`inputs[${i}].high`, `must not be below base (${base}), got ${high}`));
    }
  });

  preset.outputs.forEach((_, i) => checkFormula(preset, i, issues));
  checkTimeline(preset, issues);

  const charted = preset.outputs.flatMap((output, index) => (output.chart === true ? [{ output, index }] : []));
  const firstCharted = charted[0];
  if (firstCharted !== undefined) {
    charted.forEach(({ output, index }, n) => {
      if (index !== firstCharted.index + n) {
        issues.push(issue(`outputs[${index}].chart`, `charted outputs must be next to each other; outputs[${index - 1}] is not charted`));
      } else if (output.format !== firstCharted.output.format) {
        issues.push(
          issue(
            `outputs[${index}].chart`,
            `charted outputs share one format; this is ${output.format}, outputs[${firstCharted.index}] is ${firstCharted.output.format}`,
          ),
        );
      }
    });
  }
  return issues;
}

/**
 * Reads a preset from JSON-like data. On failure the result holds the first
 * issue as `error` and all of them as `issues`, each message starting with its
 * path: `inputs[3].base: expected a finite number, got "abc"`.
 */
export function parsePreset(json: unknown): PresetParseResult {
  if (Array.isArray(json)) {
    const error = issue("", `expected an object, ${got({ input: json })}`); // valibot reads a list as an object
    return { ok: false, error, issues: [error] };
  }
  const parsed = v.safeParse(presetSchema, json, { abortEarly: false });
  let issues: PresetIssue[];
  if (!parsed.success) {
    issues = parsed.issues.map((i) => issue(formatPath(i.path as { key: unknown }[] | undefined), i.message));
  } else {
    issues = checkPreset(parsed.output);
    if (issues.length === 0) return { ok: true, value: parsed.output };
  }
  return { ok: false, error: issues[0] as PresetIssue, issues };
}
