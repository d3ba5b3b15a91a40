/**
 * A column width in points as the .xlsx `width`, which counts widths of the
 * default font's widest digit: 7 pixels for Calibri 11 at 96 pixels per inch.
 * Excel's default column, 48 points (64 pixels), is about 9.14.
 */
export function columnWidthInCharacters(widthPoints: number): number {
  const pixels = (widthPoints * 96) / 72;
  return Math.round((pixels / 7) * 100) / 100;
}
