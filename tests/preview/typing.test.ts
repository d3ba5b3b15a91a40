/*
 * The preview reads what a user types as Excel does: currency, thousands
 * separators, percentages, scientific notation and negatives in parentheses are
 * numbers; the typed form gives a cell without a format its format; a percent
 * cell takes "40" as 40%; text stays text. Ctrl+Z undoes edits. Errors say what
 * is wrong in Excel's words.
 */
import { describe, expect, it } from "vitest";
import { typedEntry, undoLevels, withLowercaseExponents } from "../../src/preview/workbook";
import { divisionByZeroMessage, divisorsOf, formulaProblemIntro, irrCallsOf, irrNoRateMessage } from "../../src/preview/errorMessages";
import { newWorkbook } from "./helpers";

describe("typedEntry", () => {
  it.each([
    ["$170,000", 170000, "$#,##0"],
    ["65,000", 65000, "#,##0"],
    ["20%", 0.2, "0%"],
    ["1.5E+9", 1.5e9, "0.00E+00"],
    ["(1,000)", -1000, "#,##0"],
    ["  42  ", 42, undefined],
    ["-3.25", -3.25, undefined],
  ])("reads %j as the number Excel reads, with its format", (typed, value, numberFormat) => {
    expect(typedEntry(typed, undefined)).toEqual(numberFormat === undefined ? { content: value } : { content: value, numberFormat });
  });

  it("keeps text that is not a number as text, and a leading apostrophe forces text", () => {
    expect(typedEntry("GPU cluster", undefined)).toEqual({ content: "'GPU cluster" });
    expect(typedEntry("12 GPUs", undefined)).toEqual({ content: "'12 GPUs" });
    expect(typedEntry("'65,000", undefined)).toEqual({ content: "'65,000" });
  });

  it("takes a plain number typed into a percent cell as a percentage, as Excel's automatic percent entry", () => {
    expect(typedEntry("40", "0.0%")).toEqual({ content: 0.4 });
    expect(typedEntry("0.4", "0.0%")).toEqual({ content: 0.4 });
    expect(typedEntry("25%", "0.0%")).toEqual({ content: 0.25 });
  });

  it("keeps a cell's own number format: only a cell without one takes the typed form's", () => {
    expect(typedEntry("$170,000", "$#,##0.00")).toEqual({ content: 170000 });
  });

  it("keeps formulas, and everything typed into a text cell, as typed", () => {
    expect(typedEntry("=SUM(1,2)", undefined)).toEqual({ content: "=SUM(1,2)" });
    expect(typedEntry("20%", "@")).toEqual({ content: "'20%" });
  });
});

describe("PreviewWorkbook.enter", () => {
  it("stores a typed $170,000 as the number 170000 in currency format, shown as typed", () => {
    const workbook = newWorkbook();
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "$170,000");
    workbook.enter(sheet, 1, 0, "20%");
    workbook.enter(sheet, 2, 0, "=A1*A2");
    expect(workbook.value(sheet, 0, 0)).toBe(170000);
    expect(workbook.layout(sheet).looks.get("0,0")?.numberFormat).toBe("$#,##0");
    expect(workbook.layout(sheet).looks.get("1,0")?.numberFormat).toBe("0%");
    expect(workbook.value(sheet, 2, 0)).toBeCloseTo(34000, 9);
    expect(workbook.editText(sheet, 1, 0)).toBe("20%");
  });

  it("reads a typed date as Excel does, a date number in a date format, shown as a date in the formula bar", () => {
    const workbook = newWorkbook();
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "1/2/2026");
    expect(workbook.value(sheet, 0, 0)).toBe(46024);
    expect(workbook.layout(sheet).looks.get("0,0")?.numberFormat).toBe("m/d/yyyy");
    expect(workbook.editText(sheet, 0, 0)).toBe("1/2/2026");
  });

  it("undoes the last edits with undo, contents and formats, a few levels deep", () => {
    const workbook = newWorkbook({ Sheet1: [[1, "=A1*2"]] });
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "$5");
    workbook.enter(sheet, 0, 0, "7");
    expect(workbook.value(sheet, 0, 1)).toBe(14);
    expect(workbook.undo()).toEqual({ sheetId: sheet, row: 0, column: 0 });
    expect(workbook.value(sheet, 0, 1)).toBe(10);
    workbook.undo();
    expect(workbook.value(sheet, 0, 0)).toBe(1);
    expect(workbook.layout(sheet).looks.get("0,0")).toBeUndefined();
    expect(workbook.undo()).toBeUndefined();
    for (let i = 0; i < undoLevels + 5; i++) workbook.enter(sheet, 1, 0, String(i));
    let undone = 0;
    while (workbook.undo()) undone++;
    expect(undone).toBe(undoLevels);
  });

  it("pastes a block as one edit, each cell read as typed", () => {
    const workbook = newWorkbook();
    const sheet = workbook.activeSheetId;
    workbook.enterRange(sheet, 1, 1, [
      ["Cost", "$1,200"],
      ["Share", "15%"],
    ]);
    expect(workbook.rangeValues({ start: { sheet, row: 1, col: 1 }, end: { sheet, row: 2, col: 2 } })).toEqual([
      ["Cost", 1200],
      ["Share", 0.15],
    ]);
    workbook.undo();
    expect(workbook.rangeValues({ start: { sheet, row: 1, col: 1 }, end: { sheet, row: 2, col: 2 } }).flat()).toEqual([null, null, null, null]);
  });
});

describe("error messages", () => {
  it("says what is wrong with a formula in Excel's words, not the parser's", () => {
    const workbook = newWorkbook({ Sheet1: [["=SUM(1,2", "=1))", '="abc', "=1+", "=AICOST.GPU_TCO(100000, 27500, 3"]] });
    const sheet = workbook.activeSheetId;
    const messages = [0, 1, 2, 3, 4].map((column) => {
      const value = workbook.value(sheet, 0, column);
      return typeof value === "object" && value !== null ? value.message : "";
    });
    for (const message of messages) {
      expect(message.startsWith(formulaProblemIntro)).toBe(true);
      expect(message).not.toMatch(/token|RParen|EOF|-->/i);
    }
    expect(messages[0]).toContain('closing parenthesis ")" is missing');
    expect(messages[1]).toContain("without an opening one");
    expect(messages[2]).toContain("quotation mark");
    expect(messages[4]).toContain('closing parenthesis ")" is missing');
  });

  it("says what divided by zero: the divisor cell that is 0 or blank, or the cell the zero comes from", () => {
    const workbook = newWorkbook({ Sheet1: [[100, 0, null, "=A1/B1", "=A1/C1", "=D1*2", "=A1/(B1*3)"]] });
    const sheet = workbook.activeSheetId;
    const message = (column: number): string => {
      const value = workbook.value(sheet, 0, column);
      return typeof value === "object" && value !== null ? `${value.error} ${value.message}` : String(value);
    };
    expect(message(3)).toBe("#DIV/0! Division by zero: the divisor B1 is 0.");
    expect(message(4)).toBe("#DIV/0! Division by zero: the divisor C1 is blank (a blank cell counts as 0).");
    expect(message(5)).toContain("it comes from D1");
    expect(message(6)).toBe("#DIV/0! Division by zero: the divisor (B1*3) is 0.");
  });

  it("reads a number in exponent notation inside a typed formula as Excel does (=1.5E+9*2)", () => {
    const workbook = newWorkbook({ Sheet1: [[]] });
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "=1.5E+9*2");
    workbook.enter(sheet, 0, 1, "=AICOST.GPU_TCO(1E+5, 27500, 3, 2.5E+8)");
    workbook.enter(sheet, 0, 2, '=LEN("1E+3")+E1');
    expect(workbook.value(sheet, 0, 0)).toBe(3e9);
    expect(workbook.value(sheet, 0, 1)).toBe(3.5e9);
    expect(workbook.value(sheet, 0, 2)).toBe(4);
    expect(withLowercaseExponents("='Q1E+3'!A1+B1E3+.5E-2+1E3")).toBe("='Q1E+3'!A1+B1E3+.5e-2+1e3");
  });

  it("keeps an AICOST function's own #DIV/0! message (ROI over costs worth 0)", () => {
    const workbook = newWorkbook({ Sheet1: [["=AICOST.ROI({0, 0}, {0, 100})", "=A1*2"]] });
    const sheet = workbook.activeSheetId;
    const roi = workbook.value(sheet, 0, 0);
    expect(roi).toEqual({ error: "#DIV/0!", message: expect.stringContaining("costs") });
    expect(typeof roi === "object" && roi !== null ? roi.message : "").not.toContain("for example MOD");
    const onward = workbook.value(sheet, 0, 1);
    expect(typeof onward === "object" && onward !== null ? onward.message : "").toContain("it comes from A1");
  });

  it("says a formula divides by a typed 0 without calling the 0 a divisor that is 0 (=1/0)", () => {
    expect(divisionByZeroMessage("=1/0", () => ({ kind: "zero" }))).toBe("Division by zero: the formula divides by 0.");
    expect(divisionByZeroMessage("=A1/0.0", () => ({ kind: "zero" }))).toBe("Division by zero: the formula divides by 0.");
    expect(divisionByZeroMessage("=A1/(2-2)", () => ({ kind: "zero" }))).toBe("Division by zero: the divisor (2-2) is 0.");
  });

  it("says why IRR gives #NUM!: it found no rate, for cash flows without a change of sign or a guess too far", () => {
    const workbook = newWorkbook({
      Sheet1: [
        [1, 2, 3, "=IRR(A1:C1)", "=irr(A1:C1, 0.1)*100", "=IRR({-100, 50, 60})", "=IRR(A2:C2)+SQRT(-1)", "=D1*2", '=IF(TRUE, IRR(A1:C1), "IRR(")'],
        [-100, 50, 60, "=IRR(A2:C2)", "=MIRR(A2:C2, 0.1, 0.1)"],
      ],
    });
    const sheet = workbook.activeSheetId;
    const shown = (row: number, column: number): unknown => workbook.value(sheet, row, column);
    const noRate = { error: "#NUM!", message: irrNoRateMessage };
    expect(irrNoRateMessage).toBe(
      "IRR found no rate: the cash flows need at least one negative and one positive value, or the guess is too far from the rate (give IRR a guess closer to it).",
    );
    expect(shown(0, 3)).toEqual(noRate);
    expect(shown(0, 4)).toEqual(noRate);
    expect(shown(0, 8)).toEqual(noRate);
    // An IRR that finds its rate, and a #NUM! that is not IRR's, keep what they show.
    expect(shown(0, 5)).toBeCloseTo(0.0639410298, 9);
    expect(shown(1, 3)).toBeCloseTo(0.0639410298, 9);
    expect(shown(0, 6)).toEqual({ error: "#NUM!", message: "NaN or infinite value encountered." });
    expect(typeof shown(1, 4)).toBe("number");
  });

  it("finds a formula's IRR calls, not MIRR's or XIRR's, skipping text in quotes", () => {
    expect(irrCallsOf('=IRR(A1:C1)+MIRR(A1:C1,0.1,0.1)+XIRR(A1:A3,B1:B3)+irr(SUM(A1), 0.2)+"IRR(x)"+Sheet2!IRR')).toEqual([
      "IRR(A1:C1)",
      "irr(SUM(A1), 0.2)",
    ]);
    expect(irrCallsOf("=IRR(A1:C1")).toEqual([]);
  });

  it("finds a formula's divisors, skipping text in quotes", () => {
    expect(divisorsOf('=A1/B7+SUM(C1:C3)/(D1-D2)+"a/b"/$E$5')).toEqual(["B7", "(D1-D2)", "$E$5"]);
  });
});
