/**
 * The add-in's records inside a workbook, as custom XML parts (see
 * officeHost.ts for why custom XML parts). Two kinds, each in its own
 * namespace, one part per record so that adding or removing one never
 * rewrites another:
 *
 *   <aicostUserPreset xmlns="...user-preset/1" savedAt="...">PRESET FILE</aicostUserPreset>
 *   <aicostSheetOrigin xmlns="...sheet-origin/1" key="k..." kind="builtIn" loadedAt="...">PRESET FILE</aicostSheetOrigin>
 *
 * A sheet's origin record is found through its key, which the sheet carries in
 * a sheet-scoped name (see officeHost.ts).
 *
 * The content is the preset file text (presetToFileText) as it is, every
 * script stored as itself (the part is UTF-8), with only what XML requires
 * escaped: `&`, `<` and `>` as entities, and a character XML 1.0 cannot hold
 * at all (a control character, an unpaired surrogate, U+FFFE, U+FFFF; a
 * preset file cannot hold them either) as the JSON \u escape that means the
 * same. Records written before stored every character outside ASCII as a
 * \u escape; they read the same.
 *
 * A record is read back like any untrusted file: the XML at most
 * `recordMaxXmlLength` characters, then parsePresetFile with the limit
 * `recordMaxBytes` measured on the preset text (escapes of characters outside
 * ASCII counted as the characters they stand for). That limit is above the
 * stored form of any file the readers accept (pretty-printing a minified file
 * at the 256 KB limit with every list full adds about 17%), and a store checks
 * that a record reads back before it writes it (`userPresetRecord`,
 * `sheetOriginRecord`): whatever the pane accepts, it can read back.
 * Pure: no Office.js.
 */
import { builtInPresets } from "../presets/builtInPresets";
import { parsePresetFile, presetFileMaxBytes, presetRecordMaxBytes, presetToFileText, utf8ByteLength } from "../presets/file";
import type { Preset } from "../presets/types";
import type { PresetKind, StoredUserPreset, UserPresetListing } from "./host";

/** Namespace URIs: identifiers only, never fetched (".invalid" is reserved and resolves nowhere). */
export const userPresetNamespace = "http://schemas.aicost.invalid/user-preset/1";
export const sheetOriginNamespace = "http://schemas.aicost.invalid/sheet-origin/1";

const userPresetElement = "aicostUserPreset";
const sheetOriginElement = "aicostSheetOrigin";

/** The longest record XML read, in UTF-16 units (4 Mi): far above any record written, even in the earlier, escaped format. */
export const recordMaxXmlLength = 16 * presetFileMaxBytes;
/** The largest preset text a record may hold, in bytes of UTF-8: twice the preset-file limit, above the stored form of any accepted file. */
export const recordMaxBytes = presetRecordMaxBytes;

function hex4(code: number): string {
  return code.toString(16).padStart(4, "0");
}

/** Characters XML 1.0 cannot carry (or that every XML reader rewrites, as a carriage return), unpaired surrogates included. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const notXmlCharacters = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON text that an XML part can hold and that means the same: each character
 * XML 1.0 cannot carry written as a JSON \u escape. Such characters occur in
 * JSON text only inside strings (a writer escapes what JSON requires), where
 * the escape means the same character. Everything else is kept as it is.
 */
export function xmlSafeJson(json: string): string {
  return json.replace(notXmlCharacters, (ch) => `\\u${hex4(ch.charCodeAt(0))}`);
}

/**
 * JSON text with each \u escape of a character outside ASCII written as the
 * character: the same value, measured as its characters weigh in UTF-8. Reads
 * escapes left to right (`\\u4e2d` is a backslash and "u4e2d", not an escape).
 */
export function unescapeNonAsciiJson(json: string): string {
  if (!json.includes("\\u")) return json;
  return json.replace(/\\(?:u([0-9a-fA-F]{4})|[\s\S])/g, (escape, hex: string | undefined) => {
    if (hex === undefined) return escape;
    const code = parseInt(hex, 16);
    return code < 0x80 ? escape : String.fromCharCode(code);
  });
}

/** Escapes text for double-quoted XML attribute values. */
export function escapeXml(text: string): string {
  return escapeXmlContent(text).replace(/"/g, "&quot;");
}

/** Escapes text for XML element content: only `&`, `<` and `>` (the last so that "]]>" never occurs). */
export function escapeXmlContent(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const namedEntities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Undoes XML escaping: the five named entities and numeric character references; anything else is left as it is. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name] ?? whole;
  });
}

function element(name: string, namespace: string, attributes: Readonly<Record<string, string>>, content: string): string {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  return `<${name} xmlns="${escapeXml(namespace)}"${attributeText}>${escapeXmlContent(xmlSafeJson(content))}</${name}>`;
}

interface ParsedElement {
  /** The namespace the element declares for itself (xmlns, or xmlns:prefix for a prefixed name), if any. */
  readonly namespace: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
  readonly content: string;
}

/**
 * Finds the element `name` (with or without a namespace prefix) in XML text as
 * Excel hands it back (perhaps after an XML declaration, perhaps re-indented)
 * and returns its namespace, its attributes and its text content, CDATA included.
 */
export function readElement(xml: string, name: string): ParsedElement | undefined {
  const open = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${name}((?:\\s+[^\\s=>/]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`).exec(xml);
  if (open === null) return undefined;
  const prefix = open[1];
  const attributes: Record<string, string> = {};
  for (const match of (open[2] ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const key = (match[1] as string).replace(/^[^:]*:/, (found) => (found === "xmlns:" ? found : ""));
    attributes[key] = unescapeXml(match[2] ?? match[3] ?? "");
  }
  const namespace = attributes[prefix === undefined ? "xmlns" : `xmlns:${prefix}`];
  if (open[3] === "/") return { namespace, attributes, content: "" };
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, "g");
  close.lastIndex = start;
  const end = close.exec(xml);
  if (end === null) return undefined;
  const inner = xml.slice(start, end.index);
  let content = "";
  let at = 0;
  for (const cdata of inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    content += unescapeXml(inner.slice(at, cdata.index)) + (cdata[1] ?? "");
    at = (cdata.index ?? 0) + cdata[0].length;
  }
  content += unescapeXml(inner.slice(at));
  return { namespace, attributes, content };
}

/** The outcome of reading a record: its data, or why it cannot be used. */
export type RecordRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * The element `name` of a record in `namespace`, or why there is none: the XML
 * is too long to read, holds no such element, or declares another namespace
 * for it. (An element that declares none is taken as the add-in's.)
 */
function recordElement(xml: string, name: string, namespace: string, what: string): RecordRead<ParsedElement> {
  if (xml.length > recordMaxXmlLength) {
    return { ok: false, problem: `the record is ${grouped(xml.length)} characters long, over the limit of ${grouped(recordMaxXmlLength)} for a record` };
  }
  const found = readElement(xml, name);
  if (found === undefined) return { ok: false, problem: `the record is not ${what}` };
  if (found.namespace !== undefined && found.namespace !== namespace) {
    return { ok: false, problem: `the record is not ${what}: its namespace is "${found.namespace.slice(0, 100)}"` };
  }
  return { ok: true, value: found };
}

const grouped = (n: number): string => n.toLocaleString("en-US");

/** The preset a record's content holds, read as an untrusted preset file under the record limit. */
function presetOf(content: string): RecordRead<Preset> {
  const text = unescapeNonAsciiJson(content);
  const bytes = utf8ByteLength(text);
  if (bytes > recordMaxBytes) {
    return { ok: false, problem: `the preset it holds is ${grouped(bytes)} bytes, over the limit of ${grouped(recordMaxBytes)} bytes for a stored preset` };
  }
  const parsed = parsePresetFile(text, { maxBytes: recordMaxBytes });
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: parsed.error.message };
}

/**
 * A record's XML once it is known to read back as `preset`, or why it does
 * not: what a store checks before it writes a record and says it is kept.
 */
export type RecordWrite = { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly problem: string };

function readsBackAs(xml: string, read: RecordRead<{ readonly preset: Preset }>, preset: Preset): RecordWrite {
  if (!read.ok) return read;
  return presetToFileText(read.value.preset) === presetToFileText(preset) ? { ok: true, xml } : { ok: false, problem: "it does not read back as the same preset" };
}

// ---------------------------------------------------------------------------------------------------------
// User presets

export interface UserPresetRecord {
  readonly preset: Preset;
  readonly savedAt: string;
}

/** The XML of a user preset's record. The preset must be valid; `userPresetRecord` also checks that it reads back. */
export function userPresetXml(record: UserPresetRecord): string {
  return element(userPresetElement, userPresetNamespace, { savedAt: record.savedAt }, presetToFileText(record.preset));
}

/** The XML of a user preset's record once it is known to read back as the same preset, or why it does not. */
export function userPresetRecord(record: UserPresetRecord): RecordWrite {
  const xml = userPresetXml(record);
  return readsBackAs(xml, readUserPresetXml(xml), record.preset);
}

/** Why `xml`, as a store handed it back, is not the record of `preset`; undefined when it is. */
export function userPresetReadBackProblem(xml: string, preset: Preset): string | undefined {
  const read = readsBackAs(xml, readUserPresetXml(xml), preset);
  return read.ok ? undefined : read.problem;
}

export function readUserPresetXml(xml: string): RecordRead<UserPresetRecord> {
  const found = recordElement(xml, userPresetElement, userPresetNamespace, "an AICOST user preset");
  if (!found.ok) return found;
  const preset = presetOf(found.value.content);
  if (!preset.ok) return preset;
  return { ok: true, value: { preset: preset.value, savedAt: found.value.attributes.savedAt ?? "" } };
}

const builtInIds: ReadonlySet<string> = new Set(builtInPresets.map((preset) => preset.id));

/**
 * A user preset's record, ready to store (its XML known to read back), or the
 * message a store refuses it with: its id is a built-in preset's, or its
 * record would not read back (the first issue of its preset text).
 */
export function storableUserPreset(record: UserPresetRecord): { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly refusal: string } {
  const { preset } = record;
  if (builtInIds.has(preset.id)) return { ok: false, refusal: `"${preset.id}" is the id of a built-in preset; a preset of yours needs another id.` };
  const written = userPresetRecord(record);
  return written.ok ? written : { ok: false, refusal: `"${preset.title}" cannot be stored: ${written.problem}.` };
}

/** Why a preset cannot be stored as one of the user's, as the message a store refuses it with; undefined when it can be. */
export function userPresetRefusal(preset: Preset): string | undefined {
  const storable = storableUserPreset({ preset, savedAt: "" });
  return storable.ok ? undefined : storable.refusal;
}

/** A stored user preset and the handle of its record (a custom XML part in Excel, a storage key in the preview). */
export interface ReadUserPreset<T> {
  readonly handle: T;
  readonly stored: StoredUserPreset;
}

/**
 * The user presets among a workbook's records: every readable record with its
 * handle (`all`, to find the records of an id), and the listing the pane
 * shows: one preset per id (the newest, where a failed replace left two),
 * oldest first, and a message for each record that cannot be read.
 */
export function userPresetsOf<T>(records: readonly { readonly handle: T; readonly xml: string }[]): {
  readonly all: readonly ReadUserPreset<T>[];
  readonly listing: UserPresetListing;
} {
  const all: ReadUserPreset<T>[] = [];
  const unreadable: string[] = [];
  for (const { handle, xml } of records) {
    const read = readUserPresetXml(xml);
    if (read.ok) all.push({ handle, stored: read.value });
    else unreadable.push(`A preset stored in this workbook could not be read: ${read.problem}.`);
  }
  const newest = new Map<string, StoredUserPreset>();
  for (const { stored } of all) {
    const seen = newest.get(stored.preset.id);
    if (seen === undefined || seen.savedAt < stored.savedAt) newest.set(stored.preset.id, stored);
  }
  const presets = [...newest.values()].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  return { all, listing: { presets, unreadable } };
}

// ---------------------------------------------------------------------------------------------------------
// Sheet origins

export interface SheetOriginRecord {
  /** The key the sheet's marker name holds: "k" and 32 hexadecimal digits. */
  readonly key: string;
  readonly kind: PresetKind;
  readonly loadedAt: string;
  readonly preset: Preset;
}

/** What a record key looks like. */
export const recordKeyPattern = /^k[0-9a-f]{32}$/;

/** A new random record key. */
export function newRecordKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `k${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The XML of a sheet's origin record. */
export function sheetOriginXml(record: SheetOriginRecord): string {
  return element(
    sheetOriginElement,
    sheetOriginNamespace,
    { key: record.key, kind: record.kind, loadedAt: record.loadedAt },
    presetToFileText(record.preset),
  );
}

/** The XML of a sheet's origin record once it is known to read back as the same record, or why it does not. */
export function sheetOriginRecord(record: SheetOriginRecord): RecordWrite {
  const xml = sheetOriginXml(record);
  const problem = sheetOriginReadBackProblem(xml, record);
  return problem === undefined ? { ok: true, xml } : { ok: false, problem };
}

/** Why `xml`, as a store handed it back, is not `record`; undefined when it is. */
export function sheetOriginReadBackProblem(xml: string, record: SheetOriginRecord): string | undefined {
  const read = readSheetOriginXml(xml);
  if (read.ok && read.value.key !== record.key) return "it does not read back with its key";
  const back = readsBackAs(xml, read, record.preset);
  return back.ok ? undefined : back.problem;
}

export function readSheetOriginXml(xml: string): RecordRead<SheetOriginRecord> {
  const found = recordElement(xml, sheetOriginElement, sheetOriginNamespace, "an AICOST sheet origin");
  if (!found.ok) return found;
  const { attributes, content } = found.value;
  const key = attributes.key ?? "";
  if (!recordKeyPattern.test(key)) return { ok: false, problem: "the record has no valid key" };
  const preset = presetOf(content);
  if (!preset.ok) return preset;
  const kind: PresetKind = attributes.kind === "user" ? "user" : "builtIn";
  return { ok: true, value: { key, kind, loadedAt: attributes.loadedAt ?? "", preset: preset.value } };
}
