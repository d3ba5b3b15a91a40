/**
 * Preset -> sheet plan: a pure function, no Office. The sheet has a title, an
 * as-of line, an assumptions table, a results table whose Low, Base and High
 * cells are formulas over the same column's assumptions, notes, sources and a
 * chart of the charted results. The same preset always gives the same plan.
 */
import { freeSheetName, maxSheetNameLength, sanitizeSheetName } from "../workbook/sheetName";
import { cellAddress } from "./address";
import { numberFormatOf, textNumberFormat } from "./formats";
import { replaceKeys } from "./formula";
import type { CellRole, PlannedCell, PlannedChart, PlannedCheck, PlannedContent, SheetPlan } from "./plan.types";
import { scenarios, type Preset, type PresetInput, type Scenario } from "./types";

/** The 0-based column of each part of the tables. */
export const planColumns = {
  label: 0,
  low: 1,
  base: 2,
  high: 3,
  unit: 4,
  source: 5,
  note: 6,
  /** Right of the tables: the check that warns when an input's Low, Base and High are out of order. */
  check: 7,
} as const;

const scenarioColumn: Readonly<Record<Scenario, number>> = {
  low: planColumns.low,
  base: planColumns.base,
  high: planColumns.high,
};
const scenarioHeader: Readonly<Record<Scenario, string>> = {
  low: "Low",
  base: "Base",
  high: "High",
};

/** Column widths in points, column A to H. */
const widthsPoints = [300, 84, 84, 84, 170, 170, 420, 130] as const;

/** The chart's size in columns and rows, placed to the right of the tables. */
const chartColumn = 8; // column I
const chartWidthColumns = 8;
const chartHeightRows = 18;

/**
 * The sheet name a preset asks for: its title up to the first colon (the
 * preset's id when nothing is left of it), made a name Excel takes by the
 * workbook's one sheet-name rule (src/workbook/sheetName.ts), as the first
 * sheet of an empty workbook would be named: forbidden characters removed,
 * cut between characters to 31, no apostrophe at either end, never a reserved
 * name ("History" becomes "History (2)"). Each writer then frees it against
 * the sheets already there.
 */
export function sheetNameOf(preset: Preset): string {
  const head = sanitizeSheetName(preset.title.split(":")[0] ?? "", maxSheetNameLength, "");
  return freeSheetName(head === "" ? preset.id : head, []);
}

class CellList {
  private readonly cells: PlannedCell[] = [];

  add(row: number, column: number, content: PlannedContent, role: CellRole, numberFormat?: string, hyperlink?: string): void {
    const cell: PlannedCell = {
      address: cellAddress(row, column),
      row,
      column,
      content,
      role,
      ...(numberFormat === undefined ? {} : { numberFormat }),
      ...(hyperlink === undefined ? {} : { hyperlink }),
    };
    this.cells.push(cell);
  }

  text(row: number, column: number, text: string, role: CellRole, hyperlink?: string): void {
    this.add(row, column, { kind: "text", text }, role, textNumberFormat, hyperlink);
  }

  sorted(): PlannedCell[] {
    return [...this.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  }
}

/**
 * The formula that warns, in the sheet itself, when an input's values are out
 * of order: "Low is above Base" or "Base is above High", else "" (also while a
 * cell holds no number: saving names that cell).
 */
export function orderCheckFormula(row: number): string {
  const [low, base, high] = [planColumns.low, planColumns.base, planColumns.high].map((column) => cellAddress(row, column));
  return (
    `=IF(AND(ISNUMBER(${low}),ISNUMBER(${base}),ISNUMBER(${high})),` +
    `IF(${low}>${base},"Low is above Base",IF(${base}>${high},"Base is above High","")),"")`
  );
}

/** The conditional-format formula of a check: true while its cell shows a warning, e.g. `=$H$7<>""`. */
export function checkRuleFormula(check: PlannedCheck): string {
  return `=${check.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}<>""`;
}

function scenarioValue(input: PresetInput, scenario: Scenario): number | undefined {
  if (scenario === "base") return input.base;
  return scenario === "low" ? input.low : input.high;
}

/** Turns a preset into the plan of its sheet. The preset must be valid (see parsePreset). */
export function planSheet(preset: Preset): SheetPlan {
  const cells = new CellList();
  const checks: PlannedCheck[] = [];
  const keyCells: Record<string, { low: string; base: string; high: string }> = {};
  /** Records where each key's Low, Base and High cells land, one row per key from `firstRow`. */
  const placeKeys = (items: readonly { readonly key: string }[], firstRow: number): void => {
    items.forEach((item, i) => {
      const r = firstRow + i;
      keyCells[item.key] = {
        low: cellAddress(r, planColumns.low),
        base: cellAddress(r, planColumns.base),
        high: cellAddress(r, planColumns.high),
      };
    });
  };

  // Title, summary and the as-of line.
  let row = 0;
  cells.text(row++, planColumns.label, preset.title, "title");
  cells.text(row++, planColumns.label, preset.summary, "subtitle");
  cells.text(
    row++,
    planColumns.label,
    `Figures as of ${preset.asOf}. Low: every input at its low value; High: every input at its high value; an input without a range repeats its Base.`,
    "note",
  );
  row++;

  // Assumptions.
  const header = (first: string, extra: Partial<Record<"unit" | "source" | "note", string>>): void => {
    cells.text(row, planColumns.label, first, "header");
    for (const scenario of scenarios) cells.text(row, scenarioColumn[scenario], scenarioHeader[scenario], "header");
    if (extra.unit !== undefined) cells.text(row, planColumns.unit, extra.unit, "header");
    if (extra.source !== undefined) cells.text(row, planColumns.source, extra.source, "header");
    if (extra.note !== undefined) cells.text(row, planColumns.note, extra.note, "header");
    row++;
  };
  header("Assumptions", { unit: "Unit", source: "Source", note: "Note" });
  const freezeRows = row;

  placeKeys(preset.inputs, row);
  const sourceTitle = new Map(preset.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  for (const input of preset.inputs) {
    const format = numberFormatOf(input.format);
    const baseAddress = cellAddress(row, planColumns.base);
    cells.text(row, planColumns.label, input.label, "label");
    for (const scenario of scenarios) {
      const value = scenarioValue(input, scenario);
      if (value === undefined) {
        cells.add(row, scenarioColumn[scenario], { kind: "formula", formula: `=${baseAddress}` }, "inputLink", format);
      } else {
        cells.add(row, scenarioColumn[scenario], { kind: "number", value }, "input", format);
      }
    }
    cells.text(row, planColumns.unit, input.unit, "unit");
    cells.text(row, planColumns.source, sourceTitle.get(input.source) ?? input.source, "source");
    if (input.note !== undefined) cells.text(row, planColumns.note, input.note, "note");
    if (input.derived !== true) {
      // A residual's columns follow the scenarios, not the order of values: it has no check.
      cells.add(row, planColumns.check, { kind: "formula", formula: orderCheckFormula(row) }, "check");
      checks.push({ range: `${cellAddress(row, planColumns.low)}:${cellAddress(row, planColumns.high)}`, cell: cellAddress(row, planColumns.check) });
    }
    row++;
  }
  row++;

  // Results: each formula instantiated per column over that column's cells.
  header("Results", { unit: "Unit", note: "Note" });
  placeKeys(preset.outputs, row);
  let firstChartRow: number | undefined;
  let lastChartRow: number | undefined;
  let chartFormat: string | undefined;
  for (const output of preset.outputs) {
    const format = numberFormatOf(output.format);
    cells.text(row, planColumns.label, output.label, "label");
    for (const scenario of scenarios) {
      const formula = replaceKeys(output.formula, (key) => {
        const at = keyCells[key];
        if (at === undefined) throw new Error(`preset "${preset.id}": output "${output.key}" refers to unknown key "${key}"`);
        return at[scenario];
      });
      cells.add(row, scenarioColumn[scenario], { kind: "formula", formula: `=${formula}` }, "output", format);
    }
    cells.text(row, planColumns.unit, output.unit, "unit");
    if (output.note !== undefined) cells.text(row, planColumns.note, output.note, "note");
    if (output.chart === true) {
      firstChartRow ??= row;
      lastChartRow = row;
      chartFormat ??= format;
    }
    row++;
  }

  // Notes.
  if (preset.notes !== undefined && preset.notes.length > 0) {
    row++;
    cells.text(row++, planColumns.label, "Notes", "header");
    for (const note of preset.notes) cells.text(row++, planColumns.label, note, "note");
  }

  // Sources.
  row++;
  cells.text(row, planColumns.label, "Sources", "header");
  cells.text(row, planColumns.low, "Title", "header");
  cells.text(row, planColumns.unit, "Publisher", "header");
  cells.text(row, planColumns.source, "Date", "header");
  cells.text(row, planColumns.note, "Link", "header");
  row++;
  for (const source of preset.sources) {
    cells.text(row, planColumns.label, source.shortTitle ?? source.title, "source");
    cells.text(row, planColumns.low, source.title, "source");
    cells.text(row, planColumns.unit, source.publisher, "source");
    cells.text(row, planColumns.source, source.date, "source");
    if (source.url !== undefined) cells.text(row, planColumns.note, source.url, "link", source.url);
    row++;
  }

  const planned = cells.sorted();
  const lastRow = Math.max(...planned.map((c) => c.row));
  const lastColumn = Math.max(...planned.map((c) => c.column));

  let chart: PlannedChart | undefined;
  if (firstChartRow !== undefined && lastChartRow !== undefined) {
    const range = (column: number): string => `${cellAddress(firstChartRow, column)}:${cellAddress(lastChartRow, column)}`;
    chart = {
      title: preset.title,
      type: "columnClustered",
      categories: range(planColumns.label),
      series: scenarios.map((scenario) => ({
        name: scenarioHeader[scenario],
        range: range(scenarioColumn[scenario]),
      })),
      topLeft: cellAddress(freezeRows - 1, chartColumn),
      bottomRight: cellAddress(freezeRows - 1 + chartHeightRows, chartColumn + chartWidthColumns - 1),
      ...(chartFormat === undefined ? {} : { numberFormat: chartFormat }),
    };
  }

  return {
    presetId: preset.id,
    sheetName: sheetNameOf(preset),
    cells: planned,
    usedRange: `A1:${cellAddress(lastRow, lastColumn)}`,
    columnWidths: widthsPoints.map((widthPoints, column) => ({
      column,
      widthPoints,
    })),
    freezeRows,
    ...(chart === undefined ? {} : { chart }),
    ...(checks.length === 0 ? {} : { checks }),
    keyCells,
  };
}
