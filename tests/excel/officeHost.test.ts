import { afterEach, describe, expect, it } from "vitest";
import { createOfficeHost, requiredExcelApi } from "../../src/excel/officeHost";
import { builtInPresets, planSheet } from "../../src/presets";
import type { SheetPlan } from "../../src/presets/plan.types";
import { FakeExcel, type FakeCell, type InitialSheet } from "./fakeExcel";
import { fixturePlan, hostilePlan } from "./fixtures";
import { largestTimelinePreset } from "../fixtures/largestTimeline";

const userSheets: InitialSheet[] = [
  { name: "Budget", cells: { A1: "Line", B1: 1200, C1: "=B1*2", A2: "'=not a formula" } },
  { name: "Fixture Corp 2026", cells: { A1: "mine, not the add-in's" } },
];

function setup(initial: InitialSheet[] = userSheets): { excel: FakeExcel; host: ReturnType<typeof createOfficeHost> } {
  const excel = new FakeExcel(initial);
  return { excel, host: createOfficeHost(excel.environment()) };
}

/** Checks every planned cell against what the stand-in workbook holds. */
function expectCellsAsPlanned(excel: FakeExcel, sheetName: string, plan: SheetPlan): void {
  for (const planned of plan.cells) {
    const got: FakeCell = excel.cell(sheetName, planned.address);
    const where = `${planned.address} (${planned.role})`;
    switch (planned.content.kind) {
      case "text":
        expect(got.content, where).toMatchObject({ kind: "text", text: planned.content.text });
        break;
      case "number":
        expect(got.content, where).toEqual({ kind: "number", value: planned.content.value });
        expect(got.numberFormat, where).toBe(planned.numberFormat ?? "General");
        break;
      case "formula":
        expect(got.content, where).toEqual({ kind: "formula", formula: planned.content.formula });
        expect(got.numberFormat, where).toBe(planned.numberFormat ?? "General");
        break;
    }
  }
}

describe("createOfficeHost().loadPlan", () => {
  it("writes the fixture in one Excel.run with exactly two syncs", async () => {
    const { excel, host } = setup();
    const outcome = await host.loadPlan(fixturePlan());
    expect(excel.syncsPerRun).toEqual([2]);
    expect(outcome.sheetName).toBe("Fixture Corp 2026 (2)");
    expectCellsAsPlanned(excel, outcome.sheetName, fixturePlan());
  });

  it("writes the largest timeline a preset file may hold (50 years, 100 rows, 20 summaries) in two syncs, every cell as planned, with its chart", async () => {
    const { excel, host } = setup([{ name: "Sheet1" }]);
    const plan = planSheet(largestTimelinePreset());
    const outcome = await host.loadPlan(plan);
    expect(excel.syncsPerRun).toEqual([2]);
    expectCellsAsPlanned(excel, outcome.sheetName, plan);
    expect(plan.chart?.series.map((s) => s.range)).toEqual([plan.timeline?.cumulative.low, plan.timeline?.cumulative.base, plan.timeline?.cumulative.high]);
  });

  it("uses the wanted name when it is free, and adds the sheet after the existing ones", async () => {
    const { excel, host } = setup([{ name: "Sheet1" }]);
    const outcome = await host.loadPlan(fixturePlan());
    expect(outcome.sheetName).toBe("Fixture Corp 2026");
    expect(excel.sheetNames()).toEqual(["Sheet1", "Fixture Corp 2026"]);
  });

  it("picks the next free name, ignoring case: (2), then (3)", async () => {
    const { excel, host } = setup([{ name: "fixture corp 2026" }, { name: "FIXTURE CORP 2026 (2)" }]);
    expect((await host.loadPlan(fixturePlan())).sheetName).toBe("Fixture Corp 2026 (3)");
    expect((await host.loadPlan(fixturePlan())).sheetName).toBe("Fixture Corp 2026 (4)");
    expect(excel.syncsPerRun).toEqual([2, 2]);
  });

  it("leaves every existing sheet and cell as it was", async () => {
    const { excel, host } = setup();
    const before = excel.snapshot();
    const outcome = await host.loadPlan(fixturePlan());
    const after = excel.snapshot();
    expect(after.sheets.filter((s) => s.name !== outcome.sheetName)).toEqual(before.sheets);
    expect(excel.cell("Budget", "A2").content).toEqual({ kind: "text", text: "=not a formula", quotePrefix: true });
  });

  it("colours inputs blue and outputs black, bolds headers with a fill, and bolds the title", async () => {
    const { excel, host } = setup();
    const { sheetName } = await host.loadPlan(fixturePlan());
    for (const address of ["B5", "C5", "D5", "C6", "B7", "C7", "D7"]) expect(excel.cell(sheetName, address).font.color, address).toBe("#0000FF");
    for (const address of ["B10", "C10", "D10", "B11", "C11", "D11", "B6", "D6"]) expect(excel.cell(sheetName, address).font.color, address).toBe("#000000");
    for (const address of ["A4", "F4", "A9", "E9", "A13", "B13"]) {
      const header = excel.cell(sheetName, address);
      expect(header.font.bold, address).toBe(true);
      expect(header.fill, address).toMatch(/^#[0-9A-F]{6}$/i);
    }
    expect(excel.cell(sheetName, "A1").font.bold).toBe(true);
    expect(excel.cell(sheetName, "A5").font.bold).toBe(false);
    expect(excel.cell(sheetName, "A5").fill).toBeNull();
  });

  it("sets column widths, freezes the header rows and links the sources", async () => {
    const { excel, host } = setup();
    const { sheetName } = await host.loadPlan(fixturePlan());
    const sheet = excel.sheet(sheetName);
    expect([...sheet.columnWidths].sort(([a], [b]) => a - b)).toEqual(fixturePlan().columnWidths.map((w) => [w.column, w.widthPoints]));
    expect(sheet.frozenRows).toBe(4);
    const link = excel.cell(sheetName, "G14");
    expect(link.hyperlink?.address).toBe("https://example.com/annual-report-2025");
    expect(link.content).toMatchObject({ kind: "text", text: "https://example.com/annual-report-2025" });
  });

  it("adds a native chart with one series per scenario over the plan's ranges", async () => {
    const { excel, host } = setup();
    const { sheetName } = await host.loadPlan(fixturePlan());
    const charts = excel.sheet(sheetName).charts;
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart?.type).toBe("ColumnClustered");
    expect(chart?.title).toBe("Fixture Corp 2026");
    expect(chart?.series).toEqual([
      { name: "Low", values: `${sheetName}!B10:B11`, xValues: `${sheetName}!A10:A11` },
      { name: "Base", values: `${sheetName}!C10:C11`, xValues: `${sheetName}!A10:A11` },
      { name: "High", values: `${sheetName}!D10:D11`, xValues: `${sheetName}!A10:A11` },
    ]);
    expect([chart?.topLeft, chart?.bottomRight]).toEqual(["I3", "P21"]);
    expect(chart?.valueAxisNumberFormat).toBe("$#,##0");
  });

  it("labels every bar with its value in the chart's number format, so a bar far smaller than the largest is still read", async () => {
    const { excel, host } = setup();
    const { sheetName } = await host.loadPlan(fixturePlan());
    const chart = excel.sheet(sheetName).charts[0];
    expect(chart?.dataLabelsShowValue).toBe(true);
    expect(chart?.dataLabelsNumberFormat).toBe("$#,##0");
  });

  it("skips the axis number format (ExcelApi 1.8) where only ExcelApi 1.7 is supported", async () => {
    const { excel, host } = setup();
    excel.excelApi = "1.7";
    const { sheetName } = await host.loadPlan(fixturePlan());
    expect(excel.sheet(sheetName).charts[0]?.valueAxisNumberFormat).toBeNull();
    expect(excel.sheet(sheetName).charts[0]?.dataLabelsNumberFormat).toBeNull();
    expect(excel.sheet(sheetName).charts[0]?.dataLabelsShowValue).toBe(true);
    expect(excel.syncsPerRun).toEqual([2]);
  });

  it("activates the new sheet", async () => {
    const { excel, host } = setup();
    expect(excel.activeSheetName()).toBe("Budget");
    const { sheetName } = await host.loadPlan(fixturePlan());
    expect(excel.activeSheetName()).toBe(sheetName);
  });

  it("writes all values and formulas with one formulas operation and one number-format operation", async () => {
    const { excel, host } = setup();
    await host.loadPlan(fixturePlan());
    expect(excel.executed.filter((op) => op === "Range.formulas")).toHaveLength(1);
    expect(excel.executed.filter((op) => op === "Range.numberFormat")).toHaveLength(1);
    expect(excel.executed.filter((op) => op === "Range.values")).toHaveLength(0);
    expect(excel.executed.indexOf("Range.numberFormat")).toBeLessThan(excel.executed.indexOf("Range.formulas"));
  });

  it("keeps hostile text as literal text, and makes a valid sheet name from a hostile one", async () => {
    const { excel, host } = setup();
    const { plan, hostileRows } = hostilePlan();
    const { sheetName } = await host.loadPlan(plan);
    expect(excel.syncsPerRun).toEqual([2]);
    expect(sheetName).toBe("=Evil sheet");
    for (const { address, text } of hostileRows) {
      expect(excel.cell(sheetName, address).content, JSON.stringify(text.slice(0, 40))).toMatchObject({ kind: "text", text });
    }
    expectCellsAsPlanned(excel, sheetName, plan);
  });

  it("keeps hostile text from becoming a formula, number or error even if Excel ignored the text format", async () => {
    const { excel, host } = setup();
    excel.textFormatHonoured = false;
    const { plan, hostileRows } = hostilePlan();
    const { sheetName } = await host.loadPlan(plan);
    for (const { address, text } of hostileRows) {
      const content = excel.cell(sheetName, address).content;
      expect(content?.kind, JSON.stringify(text.slice(0, 40))).not.toMatch(/formula|number|error|boolean/);
      // Letter-first text relies on the text format only against date parsing ("Mar 2026").
      if (!/^\p{L}/u.test(text)) expect(content, JSON.stringify(text.slice(0, 40))).toMatchObject({ kind: "text", text });
    }
  });
});

describe("a load that fails", () => {
  /** The operations of a successful load's write sync, each with its occurrence number. */
  async function writeOperations(plan: SheetPlan): Promise<{ label: string; nth: number }[]> {
    const { excel, host } = setup();
    await host.loadPlan(plan);
    const firstWrite = excel.executed.indexOf("WorksheetCollection.add");
    const seen = new Map<string, number>();
    return excel.executed.slice(firstWrite).map((label) => {
      const nth = (seen.get(label) ?? 0) + 1;
      seen.set(label, nth);
      return { label, nth };
    });
  }

  it("removes the partial sheet and leaves the workbook as it was, whichever write fails", async () => {
    const operations = await writeOperations(fixturePlan());
    expect(operations.length).toBeGreaterThan(20);
    for (const { label, nth } of operations) {
      const { excel, host } = setup();
      const before = excel.snapshot();
      excel.failOn(label, { nth, message: "Simulated failure" });
      const failure = host.loadPlan(fixturePlan());
      await expect(failure, `${label} #${nth}`).rejects.toThrow(/Simulated failure/);
      await expect(failure).rejects.toThrow(new RegExp(`at ${label.replace(".", "\\.")}`));
      expect(excel.snapshot(), `${label} #${nth}`).toEqual(before);
      expect(excel.activeSheetName()).toBe("Budget");
    }
  });

  it("says the workbook is unchanged when reading the sheet names fails, and writes nothing", async () => {
    const { excel, host } = setup();
    const before = excel.snapshot();
    excel.failOn("WorksheetCollection.load");
    await expect(host.loadPlan(fixturePlan())).rejects.toThrow(/Loading "Fixture Corp 2026" into Excel failed: .*unchanged/);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncsPerRun).toEqual([1]);
  });

  it("deletes nothing when the sheet itself could not be added", async () => {
    const { excel, host } = setup();
    excel.failOn("WorksheetCollection.add");
    await expect(host.loadPlan(fixturePlan())).rejects.toThrow(/unchanged/);
    expect(excel.calls.some((c) => c.startsWith("Worksheet.delete"))).toBe(false);
    expect(excel.sheetNames()).toEqual(["Budget", "Fixture Corp 2026"]);
  });

  it("names the leftover sheet when it cannot be removed either", async () => {
    const { excel, host } = setup();
    excel.failOn("Range.formulas", { message: "Payload too large" });
    excel.failOn("Worksheet.delete", { message: "Workbook is protected" });
    await expect(host.loadPlan(fixturePlan())).rejects.toThrow(
      /Payload too large.*"Fixture Corp 2026 \(2\)" could not be removed \(Workbook is protected/,
    );
  });

  it("rejects a plan Excel cannot hold before touching the workbook", async () => {
    const { excel, host } = setup();
    const plan = fixturePlan();
    const bad = { ...plan, cells: plan.cells.map((c) => (c.address === "C5" ? { ...c, content: { kind: "number" as const, value: Infinity } } : c)) };
    await expect(host.loadPlan(bad)).rejects.toThrow(/C5 holds Infinity/);
    expect(excel.syncsPerRun).toEqual([]);
  });
});

describe("requirementProblem", () => {
  it("is null where the requirement set is supported", () => {
    const { excel, host } = setup();
    excel.excelApi = requiredExcelApi;
    expect(host.requirementProblem()).toBeNull();
  });

  it("names the missing requirement set and what to do, and loadPlan refuses without touching Excel", async () => {
    const { excel, host } = setup();
    excel.excelApi = "1.6";
    const problem = host.requirementProblem();
    expect(problem).toContain("ExcelApi 1.7");
    expect(problem).toMatch(/Update Office|Excel on the web/);
    await expect(host.loadPlan(fixturePlan())).rejects.toThrow("ExcelApi 1.7");
    expect(excel.syncsPerRun).toEqual([]);
  });

  it("reports the set missing where Office.js is not there at all", () => {
    const host = createOfficeHost();
    expect(host.requirementProblem()).toContain("ExcelApi 1.7");
  });
});

describe("createOfficeHost() on the Office.js globals", () => {
  const globals = globalThis as { Office?: unknown; Excel?: unknown };

  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  it("asks Office.context.requirements for ExcelApi 1.7 and loads through Excel.run", async () => {
    const excel = new FakeExcel([{ name: "Sheet1" }]);
    const asked: string[] = [];
    globals.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return name === "ExcelApi" && Number(version.split(".")[1]) <= 7;
          },
        },
      },
    };
    globals.Excel = { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => excel.run(batch) };
    const host = createOfficeHost();
    expect(host.requirementProblem()).toBeNull();
    const { sheetName } = await host.loadPlan(fixturePlan());
    expect(sheetName).toBe("Fixture Corp 2026");
    expect(excel.syncsPerRun).toEqual([2]);
    expect(asked).toContain("ExcelApi 1.7");
    expect(excel.sheet(sheetName).charts[0]?.valueAxisNumberFormat).toBeNull(); // 1.8 answered false
  });

  it("treats an Office.js that throws when asked as lacking the set", () => {
    globals.Office = { context: { requirements: { isSetSupported: () => { throw new Error("not ready"); } } } };
    expect(createOfficeHost().requirementProblem()).toContain("ExcelApi 1.7");
  });
});

describe("every built-in preset", () => {
  it("exists", () => {
    expect(builtInPresets.length).toBeGreaterThan(0);
  });

  for (const preset of builtInPresets) {
    it(`${preset.id} loads with exactly two syncs, every cell as planned, and its chart`, async () => {
      const { excel, host } = setup();
      const plan = planSheet(preset);
      const before = excel.snapshot();
      const { sheetName } = await host.loadPlan(plan);
      expect(excel.syncsPerRun).toEqual([2]);
      expectCellsAsPlanned(excel, sheetName, plan);
      expect(excel.sheet(sheetName).charts).toHaveLength(plan.chart ? 1 : 0);
      expect(excel.sheet(sheetName).frozenRows).toBe(plan.freezeRows);
      expect(excel.activeSheetName()).toBe(sheetName);
      expect(excel.snapshot().sheets.filter((s) => s.name !== sheetName)).toEqual(before.sheets);
      for (const [key, where] of Object.entries(plan.keyCells)) {
        const inputCell = plan.cells.find((c) => c.address === where.base);
        if (inputCell?.role === "input") expect(excel.cell(sheetName, where.base).font.color, key).toBe("#0000FF");
        if (inputCell?.role === "output") expect(excel.cell(sheetName, where.base).font.color, key).toBe("#000000");
      }
    });
  }
});

describe("an input's check, written by the Excel host", () => {
  it("writes each check formula and a conditional format that highlights its row's Low, Base and High while it warns", async () => {
    const { excel, host } = setup();
    const plan = planSheet(builtInPresets.find((p) => p.id === "meta-2026") ?? (builtInPresets[0] as never));
    const outcome = await host.loadPlan(plan);
    expectCellsAsPlanned(excel, outcome.sheetName, plan);
    const sheet = excel.workbook.sheets.find((s) => s.name === outcome.sheetName);
    expect(plan.checks?.length).toBeGreaterThan(0);
    expect(sheet?.conditionalFormats).toEqual(
      (plan.checks ?? []).map((check) => ({
        address: check.range,
        formula: `=$${check.cell.replace(/(\d+)$/, "$$$1")}<>""`,
        fillColor: "#FFC7CE",
        fontColor: "#9C0006",
      })),
    );
    expect(excel.syncsPerRun).toEqual([2]); // still one load in two syncs
  });
});
