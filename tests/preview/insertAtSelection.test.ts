/*
 * HyperFormulaHost.insertAtSelection: the block lands at the grid's selection
 * on the active sheet as one edit (Ctrl+Z takes it back), its MODEL_PRICE
 * formulas calculate, text stays text; a place in use or past the grid's last
 * row or column is refused and nothing changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listCatalog, loadBundledProviders, type CatalogRow } from "../../src/calc";
import { previewGridColumns, previewGridRows } from "../../src/preview/workbook";
import { priceBlock, usdPerMillionFormat } from "../../src/taskpane/priceBlock";
import type { BlockCell } from "../../src/workbook/host";
import { newHost } from "./helpers";

let gpt: CatalogRow;
beforeAll(async () => {
  const providers = await loadBundledProviders();
  gpt = listCatalog(providers, { at: new Date(), provider: "openai", search: "gpt-5.5" }).find((r) => r.model === "gpt-5.5") as CatalogRow;
});

const block = (): (BlockCell | null)[][] => priceBlock(gpt, { providerName: "OpenAI", dataLabel: "genai-prices 0.1.8", dataDate: "2026-09-23", asOf: "now" });

describe("HyperFormulaHost.insertAtSelection", () => {
  it("writes the block at the selection as one edit: formulas calculate, text stays text, formats set; undo takes it back", async () => {
    const { workbook, host } = newHost({ Sheet1: [["Mine", 1200]] });
    workbook.select(2, 1);
    const outcome = await host.insertAtSelection(block());
    expect(outcome).toEqual({ inserted: true, sheetName: "Sheet1", address: "B3:C10" });
    const sheet = workbook.activeSheetId;
    expect(workbook.value(sheet, 2, 1)).toBe("GPT-5.5 (gpt-5.5), OpenAI: genai-prices 0.1.8, data 2026-09-23");
    expect(workbook.editText(sheet, 3, 2)).toBe('=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")');
    expect(workbook.value(sheet, 3, 2)).toBe(gpt.inputUsdPerMillion);
    expect(workbook.value(sheet, 5, 2)).toBe("not listed");
    expect(workbook.value(sheet, 6, 2)).toBe(gpt.outputUsdPerMillion);
    expect(workbook.value(sheet, 7, 2)).toBe(gpt.tiers[0]?.usdPerMillion);
    expect(workbook.layout(sheet).looks.get("3,2")?.numberFormat).toBe(usdPerMillionFormat);
    expect(workbook.value(sheet, 0, 0)).toBe("Mine");
    workbook.undo();
    for (let r = 2; r < 10; r++) for (let c = 1; c < 3; c++) expect(workbook.editText(sheet, r, c), `${r},${c}`).toBe("");
    expect(workbook.layout(sheet).looks.get("3,2")?.numberFormat).toBeUndefined();
  });

  it("refuses a place in use, twice at the same place, and past the grid's last row or column; nothing changes", async () => {
    const { workbook, host } = newHost({ Sheet1: [["Mine", 1200]] });
    workbook.select(0, 1);
    expect(await host.insertAtSelection(block())).toEqual({ inserted: false, sheetName: "Sheet1", address: "B1:C8", reason: "occupied", occupied: ["B1"] });
    expect(workbook.editText(workbook.activeSheetId, 1, 1)).toBe("");
    workbook.select(20, 4);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: true });
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: false, reason: "occupied", address: "E21:F28" });
    workbook.select(previewGridRows - 3, 0);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: false, reason: "noRoom" });
    workbook.select(0, previewGridColumns - 1);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: false, reason: "noRoom" });
    workbook.select(previewGridRows - 8, previewGridColumns - 2);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: true });
  });

  it("writes on the active sheet", async () => {
    const { workbook, host } = newHost({ Sheet1: [["Mine"]], Sheet2: [] });
    workbook.activate(workbook.sheetId("Sheet2") as number);
    workbook.select(0, 0);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: true, sheetName: "Sheet2", address: "A1:B8" });
  });
});

describe("HyperFormulaHost.insertAtSelection and array results", () => {
  it("refuses cells an array formula's result spills into (they show values though nothing was typed there); the formula keeps its result", async () => {
    const { workbook, host } = newHost({ Sheet1: [["=ARRAYFORMULA(D1:D10*2)", null, null, 1], [null, null, null, 2], [null, null, null, 3], [null, null, null, 4]] });
    const sheet = workbook.activeSheetId;
    expect(workbook.value(sheet, 3, 0)).toBe(8);
    workbook.select(3, 0);
    expect(await host.insertAtSelection(block())).toMatchObject({ inserted: false, reason: "occupied", address: "A4:B11", occupied: ["A4", "A5", "A6", "A7", "A8"] });
    expect(workbook.value(sheet, 0, 0)).toBe(2);
    expect(workbook.value(sheet, 3, 0)).toBe(8);
    expect(workbook.editText(sheet, 4, 1)).toBe("");
  });
});
