/*
 * Hand-written sheet plans for the Excel writer's tests: a small model laid out
 * as the planner lays one out, and texts chosen to trip a naive writer.
 */
import type { CellRole, PlannedCell, PlannedContent, SheetPlan } from "../../src/presets/plan.types";
import { parseFakeRange } from "./fakeExcel";

function at(address: string): { row: number; column: number } {
  const b = parseFakeRange(address);
  if (!b) throw new Error(`bad fixture address ${address}`);
  return { row: b.top, column: b.left };
}

export function cell(address: string, content: PlannedContent, role: CellRole, extra: { numberFormat?: string; hyperlink?: string } = {}): PlannedCell {
  return { address, ...at(address), content, role, ...extra };
}

export const text = (address: string, value: string, role: CellRole, hyperlink?: string): PlannedCell =>
  cell(address, { kind: "text", text: value }, role, { numberFormat: "@", ...(hyperlink ? { hyperlink } : {}) });
const num = (address: string, value: number, format: string): PlannedCell =>
  cell(address, { kind: "number", value }, "input", { numberFormat: format });
const formula = (address: string, f: string, role: CellRole, format: string): PlannedCell =>
  cell(address, { kind: "formula", formula: f }, role, { numberFormat: format });

const usd = "$#,##0";
const pct = "0.0%";

/**
 * Fixture Corp: three assumptions (one without a range, so Low and High repeat
 * Base by formula), two results, a source with a link, a chart of both results.
 *
 *      A                      B        C        D        E        F
 *  1   title
 *  2   subtitle
 *  4   Assumptions           Low      Base     High     Unit     Source
 *  5   Jobs cut              1000     2000     3000     jobs     Filing
 *  6   Cost per employee     =C6      250000   =C6      USD      Survey
 *  7   Share automated       0.2      0.3      0.4      fraction Filing
 *  9   Results               Low      Base     High     Unit
 * 10   Labor savings         =B5*B6   =C5*C6   =D5*D6   USD
 * 11   Automated savings     =B10*B7  =C10*C7  =D10*D7  USD
 * 13   Sources               Title
 * 14   Filing                Annual report 2025          (link in G14)
 */
export function fixturePlan(): SheetPlan {
  const cells: PlannedCell[] = [
    text("A1", "Fixture Corp 2026: does AI pay for itself?", "title"),
    text("A2", "A small model for the writer's tests.", "subtitle"),
    text("A4", "Assumptions", "header"),
    text("B4", "Low", "header"),
    text("C4", "Base", "header"),
    text("D4", "High", "header"),
    text("E4", "Unit", "header"),
    text("F4", "Source", "header"),
    text("A5", "Jobs cut", "label"),
    num("B5", 1000, "#,##0"),
    num("C5", 2000, "#,##0"),
    num("D5", 3000, "#,##0"),
    text("E5", "jobs", "unit"),
    text("F5", "Filing", "source"),
    text("A6", "Cost per employee", "label"),
    formula("B6", "=C6", "inputLink", usd),
    num("C6", 250_000, usd),
    formula("D6", "=C6", "inputLink", usd),
    text("E6", "USD per employee per year", "unit"),
    text("F6", "Survey", "source"),
    text("A7", "Share automated", "label"),
    num("B7", 0.2, pct),
    num("C7", 0.3, pct),
    num("D7", 0.4, pct),
    text("E7", "fraction", "unit"),
    text("F7", "Filing", "source"),
    text("A9", "Results", "header"),
    text("B9", "Low", "header"),
    text("C9", "Base", "header"),
    text("D9", "High", "header"),
    text("E9", "Unit", "header"),
    text("A10", "Labor savings", "label"),
    formula("B10", "=B5*B6", "output", usd),
    formula("C10", "=C5*C6", "output", usd),
    formula("D10", "=D5*D6", "output", usd),
    text("E10", "USD per year", "unit"),
    text("A11", "Automated savings", "label"),
    formula("B11", "=AICOST.LABOR_SAVINGS(B10,B7)", "output", usd),
    formula("C11", "=AICOST.LABOR_SAVINGS(C10,C7)", "output", usd),
    formula("D11", "=AICOST.LABOR_SAVINGS(D10,D7)", "output", usd),
    text("E11", "USD per year", "unit"),
    text("A13", "Sources", "header"),
    text("B13", "Title", "header"),
    text("A14", "Filing", "source"),
    text("B14", "Annual report 2025", "source"),
    text("G14", "https://example.com/annual-report-2025", "link", "https://example.com/annual-report-2025"),
  ];
  return {
    presetId: "fixture-corp",
    sheetName: "Fixture Corp 2026",
    cells,
    usedRange: "A1:G14",
    columnWidths: [
      { column: 0, widthPoints: 200 },
      { column: 1, widthPoints: 80 },
      { column: 2, widthPoints: 80 },
      { column: 3, widthPoints: 80 },
      { column: 4, widthPoints: 150 },
      { column: 5, widthPoints: 150 },
      { column: 6, widthPoints: 300 },
    ],
    freezeRows: 4,
    chart: {
      title: "Fixture Corp 2026",
      type: "columnClustered",
      categories: "A10:A11",
      series: [
        { name: "Low", range: "B10:B11" },
        { name: "Base", range: "C10:C11" },
        { name: "High", range: "D10:D11" },
      ],
      topLeft: "I3",
      bottomRight: "P21",
      numberFormat: usd,
    },
    keyCells: {
      jobs_cut: { low: "B5", base: "C5", high: "D5" },
      cost_per_employee: { low: "B6", base: "C6", high: "D6" },
      share_automated: { low: "B7", base: "C7", high: "D7" },
      labor_savings: { low: "B10", base: "C10", high: "D10" },
      automated_savings: { low: "B11", base: "C11", high: "D11" },
    },
  };
}

/** Texts a writer must keep as literal text: formula triggers, markup, numbers, dates, control and direction marks. */
export const hostileTexts: readonly string[] = [
  "=1+1",
  "=HYPERLINK(\"http://example.com/?\"&A1,\"click\")",
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A2)",
  "+1",
  "-1",
  "-SUM(1,2)",
  "@SUM(A1)",
  "@",
  "=",
  "'quoted'",
  "''",
  "<script>alert(1)</script>",
  "<b>bold</b> & <i>more</i>",
  "2026",
  "1,234.5",
  "50%",
  "(100)",
  "$3.8B",
  "TRUE",
  "false",
  "#N/A",
  "Mar 2026",
  "1/2",
  "12:30",
  " =1+1",
  "\t=1+1",
  "\u0007bell\u0000nul\u001f",
  "line one\nline two\r\n",
  "\u202E=1+1",
  "\u200Fמודל עלויות",
  "تكلفة الذكاء الاصطناعي",
  "emoji 🧮 at the end 🧮",
  "x".repeat(32_767),
];

/** The fixture plan with one hostile text per row below it, in column A, and a hostile sheet name. */
export function hostilePlan(): { plan: SheetPlan; hostileRows: { address: string; text: string }[] } {
  const base = fixturePlan();
  const hostileRows = hostileTexts.map((t, i) => ({ address: `A${20 + i}`, text: t }));
  const roles: CellRole[] = ["label", "note", "source", "unit", "header", "title", "subtitle"];
  const extra = hostileRows.map(({ address, text: t }, i) => text(address, t, roles[i % roles.length] as CellRole));
  return {
    plan: { ...base, sheetName: "=Evil: [sheet]/*?\\'", cells: [...base.cells, ...extra], usedRange: `A1:G${19 + hostileRows.length}` },
    hostileRows,
  };
}
