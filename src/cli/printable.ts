/**
 * Text on its way to a terminal, from a preset file, an argument or a file
 * name: every character that could steer the terminal or hide or reorder part
 * of a line is written as `\uXXXX`, the same on stdout and on stderr.
 *
 * Escaped: control characters (C0, DEL and C1, such as ESC, U+009B CSI and
 * U+0085 NEL) except the line feed that ends a line of output; the line and
 * paragraph separators U+2028 and U+2029; and the invisible format characters
 * (Unicode's Cf), among them the direction marks (U+200E, U+200F, U+061C), the
 * embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, zero-width
 * spaces, the byte order mark and the tag characters (an astral one as its two
 * UTF-16 halves, `\uDB40\uDC41`). Unpaired surrogates too.
 *
 * Kept: the zero-width joiner and non-joiner (U+200D, U+200C), which join emoji
 * (👩‍💻) and shape Persian and Indic text and move nothing.
 *
 * The escape is JSON's own (`\u202E`), so JSON text stays valid JSON that
 * parses to the same value, and the output is unchanged by a second pass.
 */

/** The characters escaped (checked one UTF-16 unit or code point at a time; see `kept`). */
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Matched by `unsafe` but left as they are. */
const kept = new Set(["\n", "\u200C", "\u200D"]);

function escapeUnits(ch: string): string {
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
  return out;
}

/** `text` with every character that could steer a terminal written as `\uXXXX`; line feeds kept. */
export function printable(text: string): string {
  return text.replace(unsafe, (ch) => (kept.has(ch) ? ch : escapeUnits(ch)));
}

/**
 * `text` as a message quotes it, on one line: in double quotes, `"` and `\` escaped
 * as in JSON, and every character `printable` escapes, line feeds too, as `\uXXXX`.
 */
export function quotedPrintable(text: string): string {
  return `"${printable(text.replace(/["\\]/g, "\\$&")).replace(/\n/g, "\\u000A")}"`;
}

