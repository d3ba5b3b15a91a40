/**
 * The price data a workbook keeps (a genai-prices data file the pane accepted),
 * as records of the same kind as the user's presets (workbookRecords.ts):
 * custom XML parts in Excel, storage entries in the preview. The data is about
 * 1 MB, so it is written as a set of parts of at most `priceDataChunkChars`
 * characters each, one part per sync: every request stays far below Office's
 * request size limit (5 MB in Excel on the web). Each part says which set it
 * belongs to, its place and how many the set has:
 *
 *   <aicostPriceData xmlns=".../price-data/1" set="k..." index="0" count="2" fetchedAt="..." source="...">JSON</aicostPriceData>
 *
 * The content is the accepted data as canonical JSON (JSON.stringify of what
 * was checked), with only what XML requires escaped (xmlSafeJson,
 * escapeXmlContent). A set is used only when complete; of several complete
 * sets (a replacement that stopped half way) the newest wins. The text read
 * back is untrusted: the pane checks it with checkPriceData before it prices
 * with it. Pure: no Office.js, no genai-prices.
 */
import { priceDataMaxBytes } from "../calc/priceDataStore";
import type { PriceDataListing, StoredPriceData } from "./host";
import { escapeXml, escapeXmlContent, readElement, recordKeyPattern, xmlSafeJson } from "./workbookRecords";

/** Namespace URI: an identifier only, never fetched. */
export const priceDataNamespace = "http://schemas.aicost.invalid/price-data/1";
const priceDataElement = "aicostPriceData";

/** The most characters one part's content holds as written, escapes included. */
export const priceDataChunkChars = 1_000_000;
/** The longest part XML read, in UTF-16 units: its content and far more than its attributes take. */
export const priceDataPartMaxXmlLength = 4 * priceDataChunkChars;
/** The most characters one character of data takes in a part: a \uXXXX escape (xmlSafeJson). */
const maxEscapedChars = 6;
/** The most parts a set may have: enough for the largest file the checks accept, every character escaped. */
export const priceDataMaxParts = Math.ceil((maxEscapedChars * priceDataMaxBytes) / priceDataChunkChars) + 1;

/** How many characters the UTF-16 unit at `i` takes in a part (escapeXmlContent of xmlSafeJson); a surrogate pair counts 1 a half. */
function escapedLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 0x26) return 5; // &amp;
  if (code === 0x3c || code === 0x3e) return 4; // &lt; &gt;
  if (code < 0x20 && code !== 0x09 && code !== 0x0a) return maxEscapedChars;
  if (code === 0xfffe || code === 0xffff) return maxEscapedChars;
  if (code >= 0xd800 && code <= 0xdbff) return i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 1 : maxEscapedChars;
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? 1 : maxEscapedChars;
  return 1;
}

/**
 * The data cut into chunks of at most `priceDataChunkChars` characters as a
 * part holds them (escapes included: every request stays small, whatever the
 * text), never between the two halves of a surrogate pair.
 */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = escapedLength(text, i);
    const pairStart = (text.charCodeAt(i) & 0xfc00) === 0xd800 && cost === 1;
    if (size + cost + (pairStart ? 1 : 0) > priceDataChunkChars && i > start) {
      chunks.push(text.slice(start, i));
      start = i;
      size = 0;
    }
    size += cost;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}

/** The XML of each part of a set that keeps `data`, in order. */
export function priceDataPartsXml(data: StoredPriceData, set: string): string[] {
  const chunks = chunksOf(data.text);
  return chunks.map(
    (chunk, index) =>
      `<${priceDataElement} xmlns="${priceDataNamespace}" set="${escapeXml(set)}" index="${index}" count="${chunks.length}"` +
      ` fetchedAt="${escapeXml(data.fetchedAt)}" source="${escapeXml(data.source)}">${escapeXmlContent(xmlSafeJson(chunk))}</${priceDataElement}>`,
  );
}

export interface PriceDataPart {
  readonly set: string;
  readonly index: number;
  readonly count: number;
  readonly fetchedAt: string;
  readonly source: string;
  readonly content: string;
}

/** One part as read back, or why it cannot be used. */
export function readPriceDataPart(xml: string): { readonly ok: true; readonly value: PriceDataPart } | { readonly ok: false; readonly problem: string } {
  if (xml.length > priceDataPartMaxXmlLength) return { ok: false, problem: `a part is ${xml.length} characters long, over the limit of ${priceDataPartMaxXmlLength}` };
  const found = readElement(xml, priceDataElement);
  if (found === undefined) return { ok: false, problem: "a part is not AICOST price data" };
  if (found.namespace !== undefined && found.namespace !== priceDataNamespace) return { ok: false, problem: "a part is not AICOST price data: another namespace" };
  const { attributes, content } = found;
  const set = attributes.set ?? "";
  const index = Number(attributes.index);
  const count = Number(attributes.count);
  if (!recordKeyPattern.test(set)) return { ok: false, problem: "a part has no valid set key" };
  if (!Number.isInteger(count) || count < 1 || count > priceDataMaxParts || !Number.isInteger(index) || index < 0 || index >= count) {
    return { ok: false, problem: "a part has no valid place in its set" };
  }
  return { ok: true, value: { set, index, count, fetchedAt: attributes.fetchedAt ?? "", source: attributes.source ?? "", content } };
}

/**
 * The data a workbook's parts keep: the newest complete set, the handles of
 * every other part (sets superseded or incomplete, which a store may drop),
 * and a message per part or set that cannot be used.
 */
export function priceDataOf<T>(parts: readonly { readonly handle: T; readonly xml: string }[]): PriceDataListing & { readonly stale: readonly T[] } {
  const sets = new Map<string, { handle: T; part: PriceDataPart }[]>();
  const unreadable: string[] = [];
  const stale: T[] = [];
  for (const { handle, xml } of parts) {
    const read = readPriceDataPart(xml);
    if (!read.ok) {
      unreadable.push(`Price data stored in this workbook could not be read: ${read.problem}.`);
      continue;
    }
    const list = sets.get(read.value.set) ?? [];
    // A part there twice, the same in every respect, is a copy: the data is all there, and the copy is stale.
    const part = read.value;
    const same = list.find(
      (seen) => seen.part.index === part.index && seen.part.count === part.count && seen.part.fetchedAt === part.fetchedAt && seen.part.source === part.source && seen.part.content === part.content,
    );
    if (same !== undefined) {
      stale.push(handle);
      continue;
    }
    list.push({ handle, part });
    sets.set(read.value.set, list);
  }
  let best: { handle: T; part: PriceDataPart }[] | undefined;
  for (const list of sets.values()) {
    const first = list[0] as { part: PriceDataPart };
    const indexes = new Set(list.map(({ part }) => part.index));
    const complete =
      list.every(({ part }) => part.count === first.part.count && part.fetchedAt === first.part.fetchedAt) &&
      indexes.size === first.part.count &&
      list.length === first.part.count;
    if (!complete) {
      unreadable.push("Price data stored in this workbook is incomplete (a part is missing) and is ignored.");
      stale.push(...list.map(({ handle }) => handle));
      continue;
    }
    const bestFirst = best?.[0];
    if (bestFirst === undefined || first.part.fetchedAt > bestFirst.part.fetchedAt) {
      if (best !== undefined) stale.push(...best.map(({ handle }) => handle));
      best = list;
    } else {
      stale.push(...list.map(({ handle }) => handle));
    }
  }
  if (best === undefined) return { data: null, unreadable, stale };
  const ordered = [...best].sort((a, b) => a.part.index - b.part.index);
  const head = (ordered[0] as { part: PriceDataPart }).part;
  return {
    data: { text: ordered.map(({ part }) => part.content).join(""), fetchedAt: head.fetchedAt, source: head.source },
    unreadable,
    stale,
  };
}

/** Why parts read back (in the order written) do not hold `data`; undefined when they do. */
export function priceDataReadBackProblem(xmls: readonly string[], data: StoredPriceData): string | undefined {
  const read = priceDataOf(xmls.map((xml, handle) => ({ handle, xml })));
  if (read.data === null) return read.unreadable[0] ?? "nothing reads back";
  const expected = priceDataPartsXml(data, "k00000000000000000000000000000000").length;
  if (xmls.length !== expected) return "not every part was written";
  if (read.data.text !== xmlSafeJson(data.text) && read.data.text !== data.text) return "the data does not read back the same";
  if (read.data.fetchedAt !== data.fetchedAt || read.data.source !== data.source) return "its date or source does not read back the same";
  return undefined;
}
