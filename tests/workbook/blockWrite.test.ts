/*
 * Planning a block inserted at the selection: entries as Office.js writes them
 * (text that would read as something else kept as text), rows padded to the
 * widest, the block's address, whether it fits, and which cells are in use.
 */
import { describe, expect, it } from "vitest";
import { blockAddress, blockFits, excelLastColumn, excelLastRow, occupiedCells, planBlockWrite } from "../../src/workbook/blockWrite";

describe("planBlockWrite", () => {
  it("writes text as text, formulas with their format, numbers as numbers, and pads rows with cells left as they are", () => {
    const write = planBlockWrite([
      [{ content: { kind: "text", text: "Title" } }],
      [{ content: { kind: "text", text: "=1+1" } }, { content: { kind: "formula", formula: "=1+1" }, numberFormat: "0.00" }, { content: { kind: "number", value: 3 } }],
      [null, { content: { kind: "text", text: "TRUE" } }],
    ]);
    expect(write.rows).toBe(3);
    expect(write.columns).toBe(3);
    expect(write.formulas).toEqual([
      ["Title", null, null],
      ["'=1+1", "=1+1", 3],
      [null, "'TRUE", null],
    ]);
    expect(write.numberFormats).toEqual([
      ["@", null, null],
      [null, "0.00", null],
      [null, null, null],
    ]);
  });
});

describe("where a block goes", () => {
  it("names its range, fits only within the sheet, and lists the first cells in use", () => {
    expect(blockAddress(0, 0, 1, 1)).toBe("A1");
    expect(blockAddress(1, 1, 9, 2)).toBe("B2:C10");
    expect(blockFits(excelLastRow - 8, excelLastColumn - 1, 9, 2)).toBe(true);
    expect(blockFits(excelLastRow - 7, 0, 9, 2)).toBe(false);
    expect(blockFits(0, excelLastColumn, 9, 2)).toBe(false);
    expect(occupiedCells(1, 1, [[false, true], [true, true], [true, true], [true, true]])).toEqual(["C2", "B3", "C3", "B4", "C4"]);
    expect(occupiedCells(0, 0, [[false, false]])).toEqual([]);
  });
});
