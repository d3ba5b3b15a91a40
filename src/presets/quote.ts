/**
 * How a single character is quoted in a message: in quotes when it can be
 * seen ("x", "'"), else by its code point (U+FEFF), since a message that
 * quotes an invisible character, a control character or a direction override
 * shows nothing or garbles the line it is in.
 */

/** Names of invisible characters a file most often holds by accident. */
const knownNames: Readonly<Record<number, string>> = {
  0xfeff: "a byte order mark",
  0x00a0: "a no-break space",
  0x200b: "a zero-width space",
};

/** Whether a character shows nothing, or moves or reorders the text around it. */
function isInvisible(ch: string): boolean {
  return /^[\p{C}\p{Z}]$/u.test(ch) && ch !== " ";
}

/**
 * The character at the start of `text` as a message quotes it.
 *
 * @example
 *   quoteCharacter("%") //=> '"%"'
 *   quoteCharacter("\uFEFF") //=> "U+FEFF (a byte order mark)"
 */
export function quoteCharacter(text: string): string {
  const code = text.codePointAt(0);
  if (code === undefined) return "nothing";
  const ch = String.fromCodePoint(code);
  if (!isInvisible(ch)) return JSON.stringify(ch);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = knownNames[code];
  return name === undefined ? hex : `${hex} (${name})`;
}
