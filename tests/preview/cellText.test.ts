/*
 * What a cell shows of a number in the width it has, as Excel shows it: General
 * numbers in fewer digits or scientific notation, formatted numbers as "####",
 * never clipped. Widths here are in Calibri 11 digits (7 pixels), as Excel counts them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, columnWidthPx, generalText, modelTextWidthPx } from "../../src/preview/cellText";

/** Fits a column of `characters` digits in the model of Calibri 11 the view uses without a canvas. */
function fitsCharacters(characters: number): (text: string) => boolean {
  return (text) => modelTextWidthPx(text, 11 * (4 / 3), false) <= characters * 7 + 0.001;
}

const defaultColumn = fitsCharacters(8.43);

describe("cellText", () => {
  it("shows the README's GPU_TCO result in a default-width column as 3.5E+09, not a clipped 35000000", () => {
    expect(cellText(3_500_000_000, undefined, defaultColumn)).toBe("3.5E+09");
  });

  it("shows a General number whole when it fits, and at most 11 characters when the column is wide", () => {
    expect(cellText(1234.5, undefined, defaultColumn)).toBe("1234.5");
    expect(generalText(1 / 3, fitsCharacters(40))).toBe("0.333333333");
    expect(generalText(123456789012, fitsCharacters(40))).toBe("1.23457E+11");
  });

  it("rounds decimals away before switching to scientific notation, as Excel's General does", () => {
    expect(generalText(1234567.891, defaultColumn)).toBe("1234568");
    expect(generalText(-1234567.891, defaultColumn)).toBe("-1234568");
    expect(generalText(123456789, defaultColumn)).toMatch(/^1\.23?E\+08$/);
    expect(generalText(0.000012345678, defaultColumn)).toMatch(/^1\.23\d*E-05$/);
  });

  it("fills the cell with # when not even the shortest scientific form fits", () => {
    expect(generalText(3_500_000_000, fitsCharacters(3))).toMatch(/^#+$/);
  });

  it("shows a formatted number that does not fit as ####, as Excel does", () => {
    expect(cellText(4_380_000_000_000, "#,##0", defaultColumn)).toMatch(/^#{4,}$/);
    expect(cellText(4_380_000_000_000, "#,##0", fitsCharacters(20))).toBe("4,380,000,000,000");
    expect(cellText(170_000, "$#,##0", defaultColumn)).toBe("$170,000");
  });

  it("shows text, booleans and errors as they are", () => {
    expect(cellText("a long label that runs on", undefined, defaultColumn)).toBe("a long label that runs on");
    expect(cellText({ error: "#DIV/0!" }, undefined, defaultColumn)).toBe("#DIV/0!");
    expect(cellText(true, undefined, defaultColumn)).toBe("TRUE");
  });

  it("never shows a General number wider than its column, and what it shows reads back close to the number (within Excel's range)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).filter((v) => v === 0 || Math.abs(v) > 1e-300), fc.integer({ min: 5, max: 30 }), (value, characters) => {
        const fits = fitsCharacters(characters);
        const shown = generalText(value, fits);
        expect(fits(shown) || /^#$/.test(shown)).toBe(true);
        expect(shown.replace(/^-/, "").length).toBeLessThanOrEqual(11);
        if (!shown.startsWith("#")) {
          const read = Number(shown);
          // What a cell shows is the number rounded: never another magnitude.
          const tolerance = Math.max(Math.abs(value) * 0.5, shown.includes("E") ? 0 : 10 ** -(shown.split(".")[1]?.length ?? 0));
          expect(Math.abs(read - value)).toBeLessThanOrEqual(tolerance);
        }
      }),
    );
  });

  it("gives a column as many digits of the grid's font as Excel gives it of Calibri", () => {
    expect(columnWidthPx(48, 7)).toBe(64);
    expect(columnWidthPx(48, 9)).toBe(Math.round(((64 - 5) / 7) * 9 + 5));
  });
});
