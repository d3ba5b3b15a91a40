/**
 * The preset file: a preset as JSON text, the exact shape of the built-in
 * presets (version 1), for people to write, share and import their own models.
 *
 * A file from elsewhere is untrusted. `parsePresetFile` reads it in stages and
 * stops at the first stage that fails, so a broken file gets one clear message
 * rather than a cascade:
 *   1. size: at most `presetFileMaxBytes` bytes of UTF-8, checked before parsing;
 *   2. JSON: strict RFC 8259 text read by the small reader below, which gives a
 *      line and column for every syntax error (JSON.parse's messages differ
 *      between engines and often have no position), rejects a field named twice
 *      in one object (JSON.parse silently keeps the last) and a number too large
 *      to be finite (1e999 would become Infinity), and limits nesting;
 *   3. one object with a supported version;
 *   4. at most so many sources, inputs, outputs and notes;
 *   5. text a workbook can store, and `parsePreset`: the shape, the length of
 *      text, unique keys, known sources, formulas over known keys (the issues
 *      of both are reported together).
 * Formula-like text (a label "=1+1") is just text here: writers keep it literal.
 * Nothing here reads or writes anything: text in, a result out.
 */
import {
  describeInput,
  parsePreset,
  presetKeyMaxLength,
  presetTextMaxLength,
  presetTimelineMaxRows,
  presetTimelineMaxSummaries,
  type PresetIssue,
  type PresetParseResult,
} from "./schema";
import { formulaMaxNesting, formulaMaxOperators } from "./formula";
import { quoteCharacter } from "./quote";
import type { Preset, PresetInput, PresetOutput, PresetReported, PresetSource, PresetTimeline, PresetTimelineRow, PresetTimelineSummary } from "./types";

/** The file versions this code reads. */
export const presetFileVersions: readonly number[] = [1];
/** The largest preset file, in bytes of UTF-8 (256 KB): about 30 times the largest built-in. */
export const presetFileMaxBytes = 262_144;
export const presetFileMaxSources = 100;
export const presetFileMaxInputs = 200;
export const presetFileMaxOutputs = 200;
export const presetFileMaxNotes = 100;
/** The deepest nesting of lists and objects; a preset needs 3, or 5 with a timeline. */
export const presetFileMaxDepth = 32;
/** The longest key or id and the longest text, in UTF-16 code units (as Excel counts characters). */
export const presetFileMaxKeyLength = presetKeyMaxLength;
export const presetFileMaxTextLength = presetTextMaxLength;
/** The most rows and summaries of a timeline (its years are 1 to 50, as the time functions allow). */
export const presetFileMaxTimelineRows = presetTimelineMaxRows;
export const presetFileMaxTimelineSummaries = presetTimelineMaxSummaries;

/**
 * The largest stored form of a preset a workbook record may hold (512 KB).
 * The file limit applies to the file the user chose; the add-in stores the
 * preset as it writes it, which can be larger than a file it accepted (a
 * minified file gets its indentation back, 1e20 is written out in full), so a
 * record is read back under this larger limit. Twice the file limit covers any
 * accepted file: see the test "a preset at the file limit can be stored and read back".
 */
export const presetRecordMaxBytes = 2 * presetFileMaxBytes;

/** Every limit of a preset file, for the README and the task pane to state. */
export const presetFileLimits = {
  maxBytes: presetFileMaxBytes,
  maxSources: presetFileMaxSources,
  maxInputs: presetFileMaxInputs,
  maxOutputs: presetFileMaxOutputs,
  maxNotes: presetFileMaxNotes,
  maxDepth: presetFileMaxDepth,
  maxKeyLength: presetFileMaxKeyLength,
  maxTextLength: presetFileMaxTextLength,
  maxFormulaNesting: formulaMaxNesting,
  maxFormulaOperators: formulaMaxOperators,
  maxTimelineRows: presetFileMaxTimelineRows,
  maxTimelineSummaries: presetFileMaxTimelineSummaries,
} as const;

/** Limits that a caller may tighten or loosen; the rest are fixed. */
export interface PresetFileOptions {
  readonly maxBytes?: number;
  readonly maxSources?: number;
  readonly maxInputs?: number;
  readonly maxOutputs?: number;
  readonly maxNotes?: number;
}

const grouped = (n: number): string => n.toLocaleString("en-US");

function fail(path: string, message: string): PresetParseResult {
  const error = issueAt(path, message);
  return { ok: false, error, issues: [error] };
}

function failAll(issues: readonly PresetIssue[]): PresetParseResult {
  return { ok: false, error: issues[0] as PresetIssue, issues };
}

function issueAt(path: string, message: string): PresetIssue {
  return { path, message: `${path === "" ? "preset" : path}: ${message}` };
}

// ---------------------------------------------------------------------------------------------------------
// Size

/**
 * The length of text in bytes of UTF-8, as a file holds it, counted without
 * building the bytes. An unpaired surrogate counts 3, as an encoder writes U+FFFD.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The text's size in bytes when it is over the limit, else undefined. Every
 * UTF-16 unit takes one to three bytes, so most texts need no counting.
 */
function overSize(text: string, maxBytes: number): number | undefined {
  if (text.length > maxBytes) return utf8ByteLength(text);
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > maxBytes ? bytes : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// JSON

/** The outcome of reading JSON text: the value, or every issue found (a syntax error stops at the first). */
export type JsonReadResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly PresetIssue[] };

class JsonSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

type PathPart = string | number;

function pathText(path: readonly PathPart[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * 1-based line and column of positions in a text; a column counts UTF-16
 * units, as most editors do. The line starts are found once, so a file with
 * many faults is not scanned once per fault.
 */
export function lineAndColumnOf(text: string): (position: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (position) => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: position - (lineStarts[low] as number) + 1 };
  };
}

const escapes: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const wordPattern = /[A-Za-z_$][\w$]*/y;
const literals: readonly [string, boolean | null][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

/** Fields given twice and numbers too large are listed up to this many; a syntax error stops at the first. */
const maxJsonIssues = 100;

/**
 * Reads strict JSON (RFC 8259) as JSON.parse does, with a position for every
 * syntax error, and also rejects a field named twice in one object, a number
 * beyond the finite range, and nesting deeper than `maxDepth`. A leading byte
 * order mark is skipped. A field named "__proto__" is an ordinary field, as
 * with JSON.parse.
 */
export function readJson(text: string, maxDepth: number = presetFileMaxDepth): JsonReadResult {
  const issues: PresetIssue[] = [];
  const report = (issue: PresetIssue): void => {
    if (issues.length < maxJsonIssues) issues.push(issue);
  };
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineAndColumn = lineAndColumnOf(text);
  const where = (position: number): string => {
    const { line, column } = lineAndColumn(position);
    return `line ${line}, column ${column}`;
  };
  const found = (position: number): string => {
    if (position >= text.length) return "the end of the file";
    wordPattern.lastIndex = position;
    const word = wordPattern.exec(text)?.[0];
    if (word !== undefined) return word.length > 20 ? `${word.slice(0, 20)}…` : word;
    return quoteCharacter(text.slice(position));
  };
  const syntax = (position: number, detail: string): never => {
    throw new JsonSyntaxError(position, detail);
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) at++;
      else return;
    }
  };
  const unexpected = (expected: string): never => {
    const ch = text[at];
    if (ch === "'") return syntax(at, `expected ${expected}, found "'"; JSON text is written in double quotes`);
    if (ch === "/" && (text[at + 1] === "/" || text[at + 1] === "*")) return syntax(at, `expected ${expected}, found a comment; JSON has no comments`);
    return syntax(at, `expected ${expected}, found ${found(at)}`);
  };

  const readString = (): string => {
    const open = at;
    at++; // the opening quote
    let out = "";
    let chunkStart = at;
    for (;;) {
      if (at >= text.length) return syntax(open, `the file ends before the text that opens here is closed with "`);
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        out += text.slice(chunkStart, at);
        at++;
        return out;
      }
      if (c === 0x0a || c === 0x0d) {
        return syntax(open, `the text that opens here reaches the end of its line; close it with " or write a line break as \\n`);
      }
      if (c < 0x20) {
        const code = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
        return syntax(at, `the control character ${code} must be written as an escape (such as \\n or \\u0009) inside JSON text`);
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, at);
        const e = text[at + 1];
        if (e === "u") {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return syntax(at, `"\\u" must be followed by four hexadecimal digits`);
          out += String.fromCharCode(parseInt(hex, 16));
          at += 6;
        } else if (e !== undefined && escapes[e] !== undefined) {
          out += escapes[e];
          at += 2;
        } else {
          return syntax(at, `${e === undefined ? "a lone \\" : `"\\${e}"`} is not a JSON escape; write \\\\ for a backslash`);
        }
        chunkStart = at;
        continue;
      }
      at++;
    }
  };

  const readNumber = (path: readonly PathPart[]): number => {
    const start = at;
    numberPattern.lastIndex = at;
    const literal = numberPattern.exec(text)?.[0];
    if (literal === undefined) return unexpected("a value");
    at += literal.length;
    if (/^-?0\d/.test(text.slice(start, at + 1))) return syntax(start, "a number must not start with 0 (write 100, not 0100)");
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      const shown = literal.length > 24 ? `${literal.slice(0, 24)}…` : literal;
      report(issueAt(pathText(path), `the number ${shown} is too large to hold (beyond ±1.8e308); expected a finite number`));
    }
    return value;
  };

  const readValue = (path: PathPart[], depth: number): unknown => {
    skipSpace();
    const ch = text[at];
    if (ch === "{" || ch === "[") {
      if (depth >= maxDepth) return syntax(at, `lists and objects are nested more than ${maxDepth} deep`);
      return ch === "{" ? readObject(path, depth + 1) : readArray(path, depth + 1);
    }
    if (ch === '"') return readString();
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return readNumber(path);
    for (const [word, value] of literals) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value;
      }
    }
    if (at >= text.length) return syntax(at, "the file ends where a value is expected");
    wordPattern.lastIndex = at;
    const word = wordPattern.exec(text)?.[0];
    if (word === "NaN" || word === "Infinity") return syntax(at, `expected a value, found ${word}; JSON has no ${word}, only finite numbers`);
    return unexpected("a value");
  };

  const readArray = (path: PathPart[], depth: number): unknown[] => {
    const open = at;
    at++;
    const items: unknown[] = [];
    skipSpace();
    if (text[at] === "]") {
      at++;
      return items;
    }
    for (;;) {
      items.push(readValue([...path, items.length], depth));
      skipSpace();
      const ch = text[at];
      if (ch === "]") {
        at++;
        return items;
      }
      if (ch === ",") {
        const comma = at;
        at++;
        skipSpace();
        if (text[at] === "]") return syntax(comma, `a "," before "]": JSON does not allow a trailing comma`);
        continue;
      }
      if (at >= text.length) return syntax(open, `the file ends before the list that opens here is closed with "]"`);
      return unexpected(`"," or "]" after an item of the list`);
    }
  };

  const readObject = (path: PathPart[], depth: number): Record<string, unknown> => {
    const open = at;
    at++;
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    skipSpace();
    if (text[at] === "}") {
      at++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') {
        if (at >= text.length) return syntax(open, `the file ends before the object that opens here is closed with "}"`);
        return unexpected("a field name in double quotes");
      }
      const nameAt = at;
      const name = readString();
      skipSpace();
      if (text[at] !== ":") return unexpected(`":" after the field name ${JSON.stringify(name)}`);
      at++;
      const value = readValue([...path, name], depth);
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, nameAt);
        // defineProperty, not assignment: a field named "__proto__" must stay a field.
        Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
      } else {
        report(
          issueAt(
            pathText([...path, name]),
            `is given twice in one object (${where(first)} and ${where(nameAt)}); give each field once`,
          ),
        );
      }
      skipSpace();
      const ch = text[at];
      if (ch === "}") {
        at++;
        return object;
      }
      if (ch === ",") {
        const comma = at;
        at++;
        skipSpace();
        if (text[at] === "}") return syntax(comma, `a "," before "}": JSON does not allow a trailing comma`);
        continue;
      }
      if (at >= text.length) return syntax(open, `the file ends before the object that opens here is closed with "}"`);
      return unexpected(`"," or "}" after the field ${JSON.stringify(name)}`);
    }
  };

  try {
    skipSpace();
    if (at >= text.length) return { ok: false, issues: [issueAt("", "the file is empty; expected a preset as JSON text")] };
    const value = readValue([], 0);
    skipSpace();
    if (at < text.length) syntax(at, `found ${found(at)} after the end of the JSON value; a file holds one value`);
    return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, issues: [issueAt("", `not valid JSON at ${where(error.position)}: ${error.detail}`)] };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Characters a workbook cannot store

/**
 * The first character of the text that an .xlsx file (XML 1.0) cannot hold:
 * a control character other than tab, line feed and carriage return, an
 * unpaired surrogate, or U+FFFE and U+FFFF. Returns its index and description.
 */
function unstorableCharacter(text: string): { index: number; what: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return { index: i, what: `the control character ${hex}` };
    if (c === 0xfffe || c === 0xffff) return { index: i, what: `the noncharacter ${hex}` };
    if (c >= 0xd800 && c <= 0xdbff) {
      if (i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      return { index: i, what: `an unpaired surrogate ${hex}` };
    }
    if (isLowSurrogate(c)) return { index: i, what: `an unpaired surrogate ${hex}` };
  }
  return undefined;
}

function findUnstorableText(value: unknown, path: PathPart[], issues: PresetIssue[]): void {
  if (typeof value === "string") {
    const bad = unstorableCharacter(value);
    if (bad !== undefined) {
      issues.push(issueAt(pathText(path), `holds ${bad.what} (character ${bad.index + 1}), which a workbook cannot store; remove it`));
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnstorableText(item, [...path, index], issues));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) findUnstorableText(item, [...path, key], issues);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bytes

/** The outcome of decoding a file's bytes: its text, or the issue that says why they are not UTF-8. */
export type PresetFileDecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: PresetIssue };

/**
 * Where the first byte that is not UTF-8 is, 0-based: the start of the first
 * invalid or cut sequence. TextDecoder does the decoding; a binary search over
 * the starts of the bytes (read as a stream, so a character cut at the end is
 * not yet an error) finds the longest valid start.
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decodes = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0; // decodes
  let high = bytes.length + 1; // does not
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (decodes(Math.min(middle, bytes.length), middle <= bytes.length)) low = middle;
    else high = middle;
  }
  if (decodes(low, false)) return low; // the next byte cannot follow
  let start = low - 1; // the valid start ends in a cut character: back to its first byte
  while (start > 0 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
  return start;
}

/**
 * The text of a preset file's bytes, decoded the one way every host reads a
 * file (the command line and the pane alike): strict UTF-8, where a byte that
 * is not UTF-8 refuses the file rather than becoming U+FFFD. A UTF-16 file is
 * named as such. A byte order mark stays, for `parsePresetFile` to skip.
 */
export function decodePresetFile(bytes: Uint8Array): PresetFileDecodeResult {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    return { ok: false, issue: issueAt("", "the file is UTF-16 text; save it as UTF-8 (in PowerShell, pipe to Out-File -Encoding utf8)") };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return {
      ok: false,
      issue: issueAt("", `the file is not UTF-8 text (line ${grouped(line)}, byte ${grouped(at + 1)} is not UTF-8); save it as UTF-8`),
    };
  }
}

/**
 * Reads a preset file from its bytes: refused by its size (the file's own
 * size, whatever the text would be), then decoded by `decodePresetFile`, then
 * `parsePresetFile`. What the pane and the command line both call.
 */
export function parsePresetFileBytes(bytes: Uint8Array, options: PresetFileOptions = {}): PresetParseResult {
  const maxBytes = options.maxBytes ?? presetFileMaxBytes;
  if (bytes.length > maxBytes) return fail("", fileTooLargeMessage(bytes.length, maxBytes));
  const decoded = decodePresetFile(bytes);
  return decoded.ok ? parsePresetFile(decoded.text, options) : failAll([decoded.issue]);
}

/** The message for a file over the size limit, quoting the file's own size. */
export function fileTooLargeMessage(bytes: number, maxBytes: number = presetFileMaxBytes): string {
  return `the file is ${grouped(bytes)} bytes, over the limit of ${grouped(maxBytes)} bytes for a preset file`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file

const supportedVersions = (): string => presetFileVersions.join(", ");

/**
 * Reads a preset file's text, which may come from anyone. Returns the preset,
 * or the first issue and every issue of the stage that failed, each message
 * starting with where it is (`inputs[3].base: ...`, or `preset: ...` for the
 * file as a whole) and saying what is wrong. Never throws on any text.
 *
 * @example
 *   parsePresetFile('{"version": 2}').error.message
 *   //=> "version: 2 is not supported; this add-in reads preset files of version 1"
 */
export function parsePresetFile(text: string, options: PresetFileOptions = {}): PresetParseResult {
  const maxBytes = options.maxBytes ?? presetFileMaxBytes;
  const bytes = overSize(text, maxBytes);
  if (bytes !== undefined) {
    return fail("", fileTooLargeMessage(bytes, maxBytes));
  }

  const read = readJson(text);
  if (!read.ok) return failAll(read.issues);
  const data = read.value;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail("", `expected one JSON object (a preset) in the file, got ${describeInput(data)}`);
  }
  const record = data as Record<string, unknown>;

  if (!Object.prototype.hasOwnProperty.call(record, "version")) {
    return fail("version", `is required; this add-in reads preset files of version ${supportedVersions()}`);
  }
  const version = record.version;
  if (typeof version !== "number") {
    return fail("version", `expected a version number, got ${describeInput(version)}; this add-in reads version ${supportedVersions()}`);
  }
  if (!presetFileVersions.includes(version)) {
    return fail("version", `${version} is not supported; this add-in reads preset files of version ${supportedVersions()}`);
  }

  const counts: readonly [string, number, string][] = [
    ["sources", options.maxSources ?? presetFileMaxSources, "sources"],
    ["inputs", options.maxInputs ?? presetFileMaxInputs, "inputs"],
    ["outputs", options.maxOutputs ?? presetFileMaxOutputs, "outputs"],
    ["notes", options.maxNotes ?? presetFileMaxNotes, "notes"],
  ];
  const tooMany: PresetIssue[] = [];
  for (const [field, limit, what] of counts) {
    const list = record[field];
    if (Array.isArray(list) && list.length > limit) {
      tooMany.push(issueAt(field, `lists ${grouped(list.length)} ${what}; a preset file may list at most ${grouped(limit)}`));
    }
  }
  if (tooMany.length > 0) return failAll(tooMany);

  const unstorable: PresetIssue[] = [];
  findUnstorableText(record, [], unstorable);
  const parsed = parsePreset(record);
  if (unstorable.length === 0) return parsed;
  return failAll([...unstorable, ...(parsed.ok ? [] : parsed.issues)]);
}

// ---------------------------------------------------------------------------------------------------------
// Writing a file

const sourceFields = ["id", "title", "shortTitle", "publisher", "date", "url"] as const satisfies readonly (keyof PresetSource)[];
const inputFields = ["key", "label", "unit", "format", "base", "low", "high", "source", "note", "derived", "reported"] as const satisfies readonly (keyof PresetInput)[];
const reportedFields = ["value", "source", "note"] as const satisfies readonly (keyof PresetReported)[];
const outputFields = ["key", "label", "unit", "format", "formula", "note", "chart"] as const satisfies readonly (keyof PresetOutput)[];
const timelineFields = ["firstYear", "years", "discountRate"] as const satisfies readonly (keyof PresetTimeline)[];
const rowFields = ["key", "label", "unit", "format", "formula", "fromYearOne", "note"] as const satisfies readonly (keyof PresetTimelineRow)[];
const summaryFields = ["label", "net", "costs", "benefits", "measures"] as const satisfies readonly (keyof PresetTimelineSummary)[];

/** Every field of the types is written: a field added to a type and not listed here fails to compile. */
type Unlisted = [
  Exclude<keyof PresetSource, (typeof sourceFields)[number]>,
  Exclude<keyof PresetInput, (typeof inputFields)[number]>,
  Exclude<keyof PresetOutput, (typeof outputFields)[number]>,
  Exclude<keyof Preset, keyof ReturnType<typeof orderedFields>>,
  Exclude<keyof PresetTimeline, (typeof timelineFields)[number] | "rows" | "summaries">,
  Exclude<keyof PresetTimelineRow, (typeof rowFields)[number]>,
  Exclude<keyof PresetTimelineSummary, (typeof summaryFields)[number]>,
  Exclude<keyof PresetReported, (typeof reportedFields)[number]>,
];
const everyFieldListed: Unlisted extends [never, never, never, never, never, never, never, never] ? true : never = true;
void everyFieldListed;

function pick<T extends object>(item: T, fields: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (item[field] !== undefined) out[field as string] = item[field];
  return out;
}

/**
 * A preset as the text of a preset file: two-space JSON, fields in the order of
 * the Preset type whatever order the object holds them in, absent optional
 * fields left out, and a final newline. When the indented form would be over
 * the file limit, the same JSON on one line: a preset read from a minified
 * file near the limit is written back as a file that can be read again.
 * `parsePresetFile` reads it back to an equal preset. The preset should be
 * valid (see parsePreset).
 */
export function presetToFileText(preset: Preset): string {
  const fields = orderedFields(preset);
  const indented = `${JSON.stringify(fields, null, 2)}\n`;
  return overSize(indented, presetFileMaxBytes) === undefined ? indented : `${JSON.stringify(fields)}\n`;
}

function orderedFields(preset: Preset) {
  return {
    version: preset.version,
    id: preset.id,
    title: preset.title,
    summary: preset.summary,
    asOf: preset.asOf,
    sources: preset.sources.map((source) => pick(source, sourceFields)),
    inputs: preset.inputs.map((input) => ({
      ...pick(input, inputFields),
      ...(input.reported === undefined ? {} : { reported: pick(input.reported, reportedFields) }),
    })),
    outputs: preset.outputs.map((output) => pick(output, outputFields)),
    ...(preset.notes === undefined ? {} : { notes: preset.notes }),
    ...(preset.timeline === undefined
      ? {}
      : {
          timeline: {
            ...pick(preset.timeline, timelineFields),
            rows: preset.timeline.rows.map((row) => pick(row, rowFields)),
            summaries: preset.timeline.summaries.map((summary) => pick(summary, summaryFields)),
          },
        }),
  };
}
