/*
 * The exceljs writer, on a hand-written plan: the workbook read back has the
 * plan's cells, formulas with HyperFormula's values cached, number formats,
 * fonts by role, hyperlinks, widths and the frozen header.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { laborSavingsUsd } from "../../src/calc";
import { columnWidthInCharacters } from "../../src/cli/columnWidth";
import { buildWorkbook, xlsxBytes, xlsxText, type SheetValue } from "../../src/cli/xlsxWorkbook";
import { findPreset, planSheet, type Preset } from "../../src/presets";
import type { SheetPlan } from "../../src/presets/plan.types";
import { billionsFormat, countFormat, fixturePlan, fixtureValues, sourceUrl, usdFormat } from "./fixturePlan";

let values: Map<string, SheetValue>;
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  values = fixtureValues();
  const bytes = await xlsxBytes(fixturePlan, (address) => values.get(address));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const found = workbook.getWorksheet(fixturePlan.sheetName);
  if (found === undefined) throw new Error("sheet not found by the plan's name");
  sheet = found;
});

describe("the fixture's values (the reference the writer is checked against)", () => {
  it("agree with the calc module", () => {
    expect(values.get("C9")).toBe(laborSavingsUsd(1000, 150000));
    expect(values.get("D9")).toBe(laborSavingsUsd(2000, 165000));
    expect(values.get("E9")).toBe(laborSavingsUsd(2000, 180000));
    expect(values.get("C10")).toMatchObject({ error: "#NUM!" });
  });
});

describe("xlsxBytes read back with exceljs", () => {
  it("names the one sheet after the plan", () => {
    expect(sheet.name).toBe("Fixture 2026");
    expect(sheet.workbook.worksheets).toHaveLength(1);
  });

  it("writes every formula with its computed value cached", () => {
    const formulaCells = fixturePlan.cells.filter((c) => c.content.kind === "formula");
    expect(formulaCells.length).toBeGreaterThan(0);
    for (const planned of formulaCells) {
      const cell = sheet.getCell(planned.address);
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      expect(`=${cell.formula}`).toBe(planned.content.kind === "formula" ? planned.content.formula : "");
      const expected = values.get(planned.address);
      if (typeof expected === "number") expect(cell.result).toBe(expected);
    }
    expect(sheet.getCell("D9").result).toBe(330_000_000);
    expect(sheet.getCell("E5").result).toBe(2000);
  });

  it("caches an error result as the error code", () => {
    expect(sheet.getCell("C10").result).toEqual({ error: "#NUM!" });
  });

  it("writes numbers as numbers and text as text, even text that starts with =", () => {
    expect(sheet.getCell("C5").value).toBe(1000);
    expect(sheet.getCell("A4").value).toBe("Input");
    const note = sheet.getCell("A12");
    expect(note.type).toBe(ExcelJS.ValueType.String);
    expect(note.value).toBe("=this is a note, not a formula");
  });

  it("sets each cell's number format", () => {
    expect(sheet.getCell("C5").numFmt).toBe(countFormat);
    expect(sheet.getCell("E6").numFmt).toBe(usdFormat);
    expect(sheet.getCell("D9").numFmt).toBe(billionsFormat);
    expect(sheet.getCell("A12").numFmt).toBe("@");
  });

  it("shows inputs in blue, formulas in black, headers in bold", () => {
    for (const address of ["C5", "D5", "C6", "D6", "E6"]) expect(sheet.getCell(address).font?.color?.argb).toBe("FF0000FF");
    for (const address of ["E5", "C9", "D9", "E9"]) expect(sheet.getCell(address).font?.color?.argb).toBe("FF000000");
    for (const address of ["A4", "B4", "C4", "D4", "E4", "F4", "A8"]) expect(sheet.getCell(address).font?.bold).toBe(true);
    expect(sheet.getCell("A5").font?.bold).not.toBe(true);
  });

  it("links sources to their address", () => {
    const linked = sheet.getCell("F5");
    expect(linked.hyperlink).toBe(sourceUrl);
    expect(linked.text).toBe("Jobs report");
    expect(sheet.getCell("F6").hyperlink).toBeUndefined();
  });

  it("freezes the header rows", () => {
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });

  it("sets the column widths", () => {
    expect(sheet.getColumn(1).width).toBeCloseTo(columnWidthInCharacters(180), 2);
    expect(sheet.getColumn(6).width).toBeCloseTo(columnWidthInCharacters(150), 2);
  });
});

describe("columnWidthInCharacters", () => {
  it("turns Excel's default 48-point (64-pixel) column into about 9.14 characters", () => {
    // 8.43 characters of 7 pixels plus 5 pixels of padding = 64 pixels = 48 points.
    expect(columnWidthInCharacters(48)).toBeCloseTo((8.43 * 7 + 5) / 7, 1);
  });
});

describe("buildWorkbook", () => {
  it("leaves the cached result out when nothing was computed for a formula", async () => {
    const workbook = await buildWorkbook(fixturePlan, () => undefined);
    const cell = workbook.getWorksheet(fixturePlan.sheetName)?.getCell("C9");
    expect(cell?.formula).toBe("AICOST.LABOR_SAVINGS(C5, C6)");
    expect(cell?.result).toBeUndefined();
  });

  it("does not freeze anything when the plan freezes no rows", async () => {
    const workbook = await buildWorkbook({ ...fixturePlan, freezeRows: 0 }, (address) => values.get(address));
    expect(workbook.getWorksheet(fixturePlan.sheetName)?.views ?? []).toEqual([]);
  });
});

describe("text that an .xlsx file would not give back as written", () => {
  const texts = [
    "line one\r\nline two\rline three",
    "_x0041_ is not A",
    "_x000d_ and _X000D_ stay as typed",
    "_x005F_ twice _x005F_x0041_",
    "delete\u007f here",
    "bell\u0007 escape\u001b[31m vertical tab\u000b form feed\u000c",
    "tab\tand line feed\nkept as they are",
  ];

  it("escapes each as ECMA-376 says: _xHHHH_ for a character, _x005F_ before a look-alike", () => {
    expect(xlsxText("a\r\nb")).toBe("a_x000D_\nb");
    expect(xlsxText("_x0041_")).toBe("_x005F_x0041_");
    expect(xlsxText("_x00e9_")).toBe("_x005F_x00e9_");
    expect(xlsxText("_x005F_x0041_")).toBe("_x005F_x005F_x005F_x0041_");
    expect(xlsxText("del\u007f")).toBe("del_x007F_");
    expect(xlsxText("\u0000\u001f")).toBe("_x0000__x001F_");
    expect(xlsxText("tab\tline\n")).toBe("tab\tline\n");
    expect(xlsxText("_x12_ and x0041_ and _x0041")).toBe("_x12_ and x0041_ and _x0041");
  });

  it("reads back unchanged with exceljs, in a plain cell and in a linked one", async () => {
    const plan: SheetPlan = {
      ...fixturePlan,
      cells: texts.map((text, row) => ({
        address: `A${row + 1}`,
        row,
        column: 0,
        content: { kind: "text" as const, text },
        role: "note" as const,
        ...(row === 0 ? { hyperlink: "https://example.com/" } : {}),
      })),
      usedRange: `A1:A${texts.length}`,
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxBytes(plan, () => undefined)) as unknown as ExcelJS.Buffer);
    const read = workbook.getWorksheet(plan.sheetName);
    texts.forEach((text, row) => {
      const cell = read?.getCell(row + 1, 1);
      expect(cell?.text, `row ${row + 1}`).toBe(text);
    });
  });
});

describe("an input's check in an exported workbook", () => {
  it("holds each check formula and a conditional format that highlights the row while it warns", async () => {
    const plan = planSheet(findPreset("meta-2026") as Preset);
    const formulaOf = (address: string): string | undefined => {
      const content = plan.cells.find((c) => c.address === address)?.content;
      return content?.kind === "formula" ? content.formula : undefined;
    };
    const bytes = await xlsxBytes(plan, () => "");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet & { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[] }[] }[] };
    const checks = plan.checks ?? [];
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      expect(`=${sheet.getCell(check.cell).formula}`).toBe(formulaOf(check.cell));
    }
    expect(sheet.conditionalFormattings?.map((cf) => [cf.ref, cf.rules[0]?.type, cf.rules[0]?.formulae?.[0]])).toEqual(
      checks.map((check) => [check.range, "expression", `$${check.cell.replace(/(\d+)$/, "$$$1")}<>""`]),
    );
  });
});
