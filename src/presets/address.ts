/** A1 addresses for 0-based rows and columns. */

/** The column letters of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`column must be a whole number from 0, got ${column}`);
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The A1 address of a 0-based row and column: (0, 0) -> "A1". */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`row must be a whole number from 0, got ${row}`);
  return `${columnLetters(column)}${row + 1}`;
}

/** Parses an A1 address ("C7", "$C$7") into a 0-based row and column, or undefined if it is not one. */
export function parseCellAddress(address: string): { readonly row: number; readonly column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim());
  if (match === null) return undefined;
  const letters = (match[1] as string).toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
