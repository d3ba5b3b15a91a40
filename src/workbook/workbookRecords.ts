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
 * The content is the preset file text (presetToFileText) with every
 * character outside ASCII written as a JSON \u escape (JSON text holds such
 * characters only inside strings, where the escape means the same), then
 * XML-escaped. The stored XML is therefore plain ASCII whatever the preset
 * holds, and is read back through parsePresetFile like any untrusted file.
 * Pure: no Office.js.
 */
import { builtInPresets } from "../presets/builtInPresets";
import { parsePresetFile, presetRecordMaxBytes, presetToFileText } from "../presets/file";
import type { Preset } from "../presets/types";
import type { PresetKind, StoredUserPreset, UserPresetListing } from "./host";

/** Namespace URIs: identifiers only, never fetched (".invalid" is reserved and resolves nowhere). */
export const userPresetNamespace = "http://schemas.aicost.invalid/user-preset/1";
export const sheetOriginNamespace = "http://schemas.aicost.invalid/sheet-origin/1";

const userPresetElement = "aicostUserPreset";
const sheetOriginElement = "aicostSheetOrigin";

function hex4(code: number): string {
  return code.toString(16).padStart(4, "0");
}

/** JSON text with every non-ASCII UTF-16 unit escaped, so it is plain ASCII and means the same. */
export function asciiJson(json: string): string {
  return json.replace(/[^\x20-\x7e\n]/g, (ch) => `\\u${hex4(ch.charCodeAt(0))}`);
}

/** Escapes text for XML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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
  return `<${name} xmlns="${escapeXml(namespace)}"${attributeText}>${escapeXml(content)}</${name}>`;
}

interface ParsedElement {
  readonly attributes: Readonly<Record<string, string>>;
  readonly content: string;
}

/**
 * Finds the element `name` (with or without a namespace prefix) in XML text as
 * Excel hands it back (perhaps after an XML declaration, perhaps re-indented)
 * and returns its attributes and its text content, CDATA included.
 */
export function readElement(xml: string, name: string): ParsedElement | undefined {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}((?:\\s+[^\\s=>/]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`).exec(xml);
  if (open === null) return undefined;
  const attributes: Record<string, string> = {};
  for (const match of (open[1] ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const key = (match[1] as string).replace(/^[^:]*:/, (prefix) => (prefix === "xmlns:" ? prefix : ""));
    attributes[key] = unescapeXml(match[2] ?? match[3] ?? "");
  }
  if (open[2] === "/") return { attributes, content: "" };
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
  return { attributes, content };
}

/** The outcome of reading a record: its data, or why it cannot be used. */
export type RecordRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

function presetOf(content: string): RecordRead<Preset> {
  const parsed = parsePresetFile(content, { maxBytes: presetRecordMaxBytes });
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: parsed.error.message };
}

// ---------------------------------------------------------------------------------------------------------
// User presets

export interface UserPresetRecord {
  readonly preset: Preset;
  readonly savedAt: string;
}

/** The XML of a user preset's record. The preset must be valid; see `presetRecordProblem`. */
export function userPresetXml(record: UserPresetRecord): string {
  return element(userPresetElement, userPresetNamespace, { savedAt: record.savedAt }, asciiJson(presetToFileText(record.preset)));
}

/**
 * Why a preset cannot be stored (the first issue of its file form), or
 * undefined when it can. The size of the file a preset came from was checked
 * when it was read; the form written here may be larger, and is held to the
 * record limit the reader applies.
 */
export function presetRecordProblem(preset: Preset): string | undefined {
  const parsed = parsePresetFile(presetToFileText(preset), { maxBytes: presetRecordMaxBytes });
  return parsed.ok ? undefined : parsed.error.message;
}

export function readUserPresetXml(xml: string): RecordRead<UserPresetRecord> {
  const found = readElement(xml, userPresetElement);
  if (found === undefined) return { ok: false, problem: "the record is not an AICOST user preset" };
  const preset = presetOf(found.content);
  if (!preset.ok) return preset;
  return { ok: true, value: { preset: preset.value, savedAt: found.attributes.savedAt ?? "" } };
}

const builtInIds: ReadonlySet<string> = new Set(builtInPresets.map((preset) => preset.id));

/**
 * Why a preset cannot be stored as one of the user's (its id is a built-in
 * preset's, or it is not a valid preset file), as the message a store rejects
 * with; undefined when it can be.
 */
export function userPresetRefusal(preset: Preset): string | undefined {
  if (builtInIds.has(preset.id)) return `"${preset.id}" is the id of a built-in preset; a preset of yours needs another id.`;
  const problem = presetRecordProblem(preset);
  return problem === undefined ? undefined : `"${preset.title}" cannot be stored: ${problem}.`;
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
    asciiJson(presetToFileText(record.preset)),
  );
}

export function readSheetOriginXml(xml: string): RecordRead<SheetOriginRecord> {
  const found = readElement(xml, sheetOriginElement);
  if (found === undefined) return { ok: false, problem: "the record is not an AICOST sheet origin" };
  const key = found.attributes.key ?? "";
  if (!recordKeyPattern.test(key)) return { ok: false, problem: "the record has no valid key" };
  const preset = presetOf(found.content);
  if (!preset.ok) return preset;
  const kind: PresetKind = found.attributes.kind === "user" ? "user" : "builtIn";
  return { ok: true, value: { key, kind, loadedAt: found.attributes.loadedAt ?? "", preset: preset.value } };
}
