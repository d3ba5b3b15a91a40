/*
 * A small sheet plan written by hand, for testing the workbook writer apart from
 * the presets, and its values computed by a HyperFormula engine built here from
 * the plan's cells (not by the evaluator the command line uses).
 */
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import type { CellRole, PlannedCell, PlannedContent, SheetPlan } from "../../src/presets/plan.types";
import type { SheetValue } from "../../src/cli/xlsxWorkbook";

function cell(address: string, content: PlannedContent, role: CellRole, extra: Partial<PlannedCell> = {}): PlannedCell {
  const match = /^([A-Z])([0-9]+)$/.exec(address);
  if (match === null) throw new Error(`fixture address ${address}`);
  return {
    address,
    row: Number(match[2]) - 1,
    column: (match[1] as string).charCodeAt(0) - 65,
    content,
    role,
    ...extra,
  };
}

const text = (t: string): PlannedContent => ({ kind: "text", text: t });
const num = (value: number): PlannedContent => ({ kind: "number", value });
const formula = (f: string): PlannedContent => ({ kind: "formula", formula: f });

export const countFormat = "#,##0";
export const usdFormat = "$#,##0";
export const billionsFormat = '$#,##0.0,,,"B"';
export const sourceUrl = "https://example.com/jobs-report";

export const fixturePlan: SheetPlan = {
  presetId: "fixture",
  sheetName: "Fixture 2026",
  cells: [
    cell("A1", text("Fixture model"), "title"),
    cell("A2", text("As of 2026-01-01"), "subtitle"),
    cell("A4", text("Input"), "header"),
    cell("B4", text("Unit"), "header"),
    cell("C4", text("Low"), "header"),
    cell("D4", text("Base"), "header"),
    cell("E4", text("High"), "header"),
    cell("F4", text("Source"), "header"),
    cell("A5", text("Jobs cut"), "label"),
    cell("B5", text("employees"), "unit"),
    cell("C5", num(1000), "input", { numberFormat: countFormat }),
    cell("D5", num(2000), "input", { numberFormat: countFormat }),
    cell("E5", formula("=D5"), "inputLink", { numberFormat: countFormat }),
    cell("F5", text("Jobs report"), "source", { hyperlink: sourceUrl }),
    cell("A6", text("Cost per employee"), "label"),
    cell("B6", text("USD per year"), "unit"),
    cell("C6", num(150000), "input", { numberFormat: usdFormat }),
    cell("D6", num(165000), "input", { numberFormat: usdFormat }),
    cell("E6", num(180000), "input", { numberFormat: usdFormat }),
    cell("F6", text("Payroll survey"), "source"),
    cell("A8", text("Output"), "header"),
    cell("A9", text("Labor savings"), "label"),
    cell("B9", text("USD"), "unit"),
    cell("C9", formula("=AICOST.LABOR_SAVINGS(C5, C6)"), "output", { numberFormat: billionsFormat }),
    cell("D9", formula("=AICOST.LABOR_SAVINGS(D5, D6)"), "output", { numberFormat: billionsFormat }),
    cell("E9", formula("=AICOST.LABOR_SAVINGS(E5, E6)"), "output", { numberFormat: billionsFormat }),
    cell("A10", text("Out of domain"), "label"),
    cell("C10", formula("=AICOST.LABOR_SAVINGS(-1, C6)"), "output", { numberFormat: billionsFormat }),
    cell("A12", text("=this is a note, not a formula"), "note", { numberFormat: "@" }),
  ],
  usedRange: "A1:F12",
  columnWidths: [
    { column: 0, widthPoints: 180 },
    { column: 1, widthPoints: 90 },
    { column: 5, widthPoints: 150 },
  ],
  freezeRows: 4,
  keyCells: {
    jobs_cut: { low: "C5", base: "D5", high: "E5" },
    cost_per_employee: { low: "C6", base: "D6", high: "E6" },
    labor_savings: { low: "C9", base: "D9", high: "E9" },
  },
};

/** The plan's values from a HyperFormula engine (text kept literal with a leading apostrophe). */
export function fixtureValues(plan: SheetPlan = fixturePlan): Map<string, SheetValue> {
  const grid: (string | number | null)[][] = [];
  for (const c of plan.cells) {
    const row = (grid[c.row] ??= []);
    const { content } = c;
    row[c.column] = content.kind === "text" ? `'${content.text}` : content.kind === "number" ? content.value : content.formula;
  }
  const dense = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  const engine = createAicostEngine({ [plan.sheetName]: dense });
  const sheet = engine.getSheetId(plan.sheetName);
  if (sheet === undefined) throw new Error("fixture sheet missing");
  const values = new Map<string, SheetValue>();
  for (const c of plan.cells) {
    const raw = engine.getCellValue({ sheet, row: c.row, col: c.column });
    values.set(c.address, typeof raw === "object" && raw !== null ? { error: raw.value, message: raw.message } : raw);
  }
  engine.destroy();
  return values;
}
