/**
 * Excel worksheet names: at most 31 characters, none of \ / ? * : [ ], not
 * blank, not beginning or ending with an apostrophe, "History" reserved (in
 * any case), and unique in the workbook without regard to case.
 *
 * This is the one rule every writer names sheets by: the planner
 * (src/presets/plan.ts), Excel, the preview and the .xlsx export. A name is
 * cut only between characters as a reader sees them (grapheme clusters: a
 * flag, a family emoji, a letter with its accents stay whole), never inside
 * a surrogate pair, which an .xlsx file would store as U+FFFD.
 */

/** The longest worksheet name Excel accepts, in UTF-16 code units. */
export const maxSheetNameLength = 31;

/** Names Excel keeps for itself. */
const reservedSheetNames: readonly string[] = ["HISTORY"];

// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\\/?*:[\]\u0000-\u001f\u007f]/g;

/** Half a surrogate pair: half a character, which no file can store. */
const unpairedSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Grapheme clusters where the engine has them (every browser Excel runs add-ins in, and Node); code points otherwise.
 * Made on first use: making one costs a pane starting up some 15 ms, and only a name too long to keep is cut.
 */
let graphemeSegmenter: Intl.Segmenter | undefined;
function graphemesOrUndefined(): Intl.Segmenter | undefined {
  if (typeof Intl.Segmenter !== "function") return undefined;
  graphemeSegmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return graphemeSegmenter;
}

/**
 * Cuts text to at most `length` UTF-16 code units at the last boundary
 * between grapheme clusters that fits (between code points without
 * Intl.Segmenter), so that no character is split.
 */
export function cutTo(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = 0;
  const graphemes = graphemesOrUndefined();
  if (graphemes !== undefined) {
    for (const { index, segment } of graphemes.segment(text)) {
      if (index + segment.length > length) break;
      end = index + segment.length;
    }
  } else {
    for (const point of text) {
      if (end + point.length > length) break;
      end += point.length;
    }
  }
  return text.slice(0, end);
}

/** Trims spaces and apostrophes from both ends (Excel refuses an apostrophe at either end). */
function trimEnds(text: string): string {
  return text.replace(/^[\s']+|[\s']+$/g, "");
}

/**
 * A name Excel accepts, as close to `wanted` as it can be: forbidden
 * characters (and half a surrogate pair) become spaces, runs of spaces
 * collapse, the ends are trimmed and the result is cut between characters to
 * `maxLength`. Falls back to `fallback` ("Model") when nothing is left.
 */
export function sanitizeSheetName(wanted: string, maxLength: number = maxSheetNameLength, fallback = "Model"): string {
  const cleaned = trimEnds(wanted.replace(forbiddenCharacters, " ").replace(unpairedSurrogates, " ").replace(/\s+/g, " "));
  const cut = trimEnds(cutTo(cleaned, maxLength));
  return cut === "" ? fallback : cut;
}

/** The key Excel compares worksheet names by. */
export function sheetNameKey(name: string): string {
  return name.toUpperCase();
}

/**
 * The first free worksheet name for `wanted`: the sanitized name itself, or
 * else "Name (2)", "Name (3)", ... with the base cut so the whole stays within
 * 31 characters. Comparison ignores case, as Excel's does.
 *
 * @example freeSheetName("Meta 2026", ["meta 2026"]) //=> "Meta 2026 (2)"
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set<string>(reservedSheetNames);
  for (const name of existing) taken.add(sheetNameKey(name));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${sanitizeSheetName(base, maxSheetNameLength - suffix.length)}${suffix}`;
    if (!taken.has(sheetNameKey(candidate))) return candidate;
  }
}

/** The name of a frozen copy: "<sheet> (values)", the sheet's name cut so that the whole fits Excel's 31 characters. */
export function frozenSheetNameFor(sheetName: string): string {
  const suffix = " (values)";
  return `${sanitizeSheetName(sheetName, maxSheetNameLength - suffix.length)}${suffix}`;
}

/**
 * Why Excel would refuse `name` for a sheet when the other sheets are named
 * `others`, or undefined when it would take it. Unlike `sanitizeSheetName`, it
 * changes nothing: it is for a name the user typed.
 *
 * @example sheetNameProblem("Q1/Q2", []) //=> "A sheet name cannot contain \\ / ? * : [ or ], nor control characters."
 */
export function sheetNameProblem(name: string, others: Iterable<string>): string | undefined {
  if (name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > maxSheetNameLength) return `A sheet name can have at most ${maxSheetNameLength} characters; this one has ${name.length}.`;
  if (new RegExp(forbiddenCharacters.source).test(name)) return "A sheet name cannot contain \\ / ? * : [ or ], nor control characters.";
  if (new RegExp(unpairedSurrogates.source).test(name)) return "A sheet name cannot hold half a character (an unpaired surrogate).";
  if (name.startsWith("'") || name.endsWith("'")) return "A sheet name cannot begin or end with an apostrophe.";
  const key = sheetNameKey(name);
  if (reservedSheetNames.includes(key)) return `"${name}" is a name Excel keeps for itself.`;
  for (const other of others) if (sheetNameKey(other) === key) return `A sheet is already called "${other}" (names ignore case).`;
  return undefined;
}
