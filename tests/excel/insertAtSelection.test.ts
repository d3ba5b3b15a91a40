/*
 * createOfficeHost().insertAtSelection on the Excel stand-in: the block lands
 * at the top-left cell of the selection on the active sheet, text as text and
 * formulas with their number formats, in three syncs; a block any of whose
 * cells holds something, or that would run off the sheet, writes nothing; no
 * selected cell is an error that says what to do.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/excel/officeHost";
import type { BlockCell } from "../../src/workbook/host";
import { hyperFormulaEvaluator } from "./fakeEvaluator";
import { FakeExcel, type InitialSheet } from "./fakeExcel";

const text = (value: string): BlockCell => ({ content: { kind: "text", text: value } });
const formula = (value: string): BlockCell => ({ content: { kind: "formula", formula: value }, numberFormat: "$#,##0.00####" });
const block: (BlockCell | null)[][] = [
  [text("GPT-5.5 (gpt-5.5), OpenAI"), null],
  [text("Input (USD per million tokens)"), formula('=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")')],
  [text("Mar 2026"), text("not listed")],
  [text("=not a formula"), text("2026")],
];

function setup(initial: InitialSheet[] = [{ name: "Budget", cells: { A1: "Mine", B1: 1200 } }, { name: "Other" }]) {
  const excel = new FakeExcel(initial);
  // Reading the cells of a block that holds a formula reads its value too.
  excel.evaluator = hyperFormulaEvaluator();
  return { excel, host: createOfficeHost(excel.environment()) };
}

describe("createOfficeHost().insertAtSelection", () => {
  it("writes the block at the selection's top-left cell, text as text, formulas with their format, in three syncs", async () => {
    const { excel, host } = setup();
    excel.selection = "C3:E9";
    const outcome = await host.insertAtSelection?.(block);
    expect(outcome).toEqual({ inserted: true, sheetName: "Budget", address: "C3:D6" });
    expect(excel.syncCount).toBe(3);
    expect(excel.cell("Budget", "C3").content).toMatchObject({ kind: "text", text: "GPT-5.5 (gpt-5.5), OpenAI" });
    expect(excel.cell("Budget", "D3").content).toBeNull();
    expect(excel.cell("Budget", "D4").content).toEqual({ kind: "formula", formula: '=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")' });
    expect(excel.cell("Budget", "D4").numberFormat).toBe("$#,##0.00####");
    expect(excel.cell("Budget", "C5").content).toMatchObject({ kind: "text", text: "Mar 2026" });
    expect(excel.cell("Budget", "C6").content).toMatchObject({ kind: "text", text: "=not a formula" });
    expect(excel.cell("Budget", "D6").content).toMatchObject({ kind: "text", text: "2026" });
    expect(excel.cell("Budget", "A1").content).toMatchObject({ kind: "text", text: "Mine" });
  });

  it("writes nothing where any cell of the block holds something, and names it; a second insert at the same place is refused", async () => {
    const { excel, host } = setup();
    excel.selection = "A1";
    expect(await host.insertAtSelection?.(block)).toEqual({ inserted: false, sheetName: "Budget", address: "A1:B4", reason: "occupied", occupied: ["A1", "B1"] });
    expect(excel.cell("Budget", "A2").content).toBeNull();
    excel.selection = "F10";
    expect(await host.insertAtSelection?.(block)).toMatchObject({ inserted: true, address: "F10:G13" });
    const executed = excel.executed.length;
    expect(await host.insertAtSelection?.(block)).toEqual({ inserted: false, sheetName: "Budget", address: "F10:G13", reason: "occupied", occupied: ["F10", "F11", "G11", "F12", "G12"] });
    expect(excel.executed.slice(executed).some((op) => /Range\.(formulas|numberFormat)/.test(op))).toBe(false);
  });

  it("refuses a block that would run past the last row or column, writing nothing", async () => {
    const { excel, host } = setup();
    excel.selection = "XFD1";
    expect(await host.insertAtSelection?.(block)).toEqual({ inserted: false, sheetName: "Budget", address: "XFD1:XFE4", reason: "noRoom", occupied: [] });
    excel.selection = "A1048575";
    expect(await host.insertAtSelection?.(block)).toMatchObject({ inserted: false, reason: "noRoom", address: "A1048575:B1048578" });
    excel.selection = "XFC1048573";
    expect(await host.insertAtSelection?.(block)).toMatchObject({ inserted: true, address: "XFC1048573:XFD1048576" });
  });

  it("writes on the active sheet", async () => {
    const { excel, host } = setup();
    excel.workbook.activeSheetId = excel.sheet("Other").id;
    excel.selection = "B2";
    expect(await host.insertAtSelection?.(block)).toMatchObject({ inserted: true, sheetName: "Other", address: "B2:C5" });
    expect(excel.cell("Other", "B2").content).toMatchObject({ kind: "text" });
  });

  it("rejects with what to do when no cell is selected", async () => {
    const { excel, host } = setup();
    excel.selection = null;
    await expect(host.insertAtSelection?.(block)).rejects.toThrow(/^Inserting at the selected cell failed: .*\. Select a cell of a worksheet and try again\.$/);
  });
});
