/**
 * Preset -> sheet plan: a pure function, no Office. The sheet has a title, an
 * as-of line, an assumptions table, a results table whose Low, Base and High
 * cells are formulas over the same column's assumptions, notes, sources and a
 * chart of the charted results. A preset with reported figures gets a fourth
 * scenario column, Reported, after High: the reported figure, or Base repeated
 * by formula (grey italic, noted "as Base"); its results by the same formulas;
 * and a table of the reported figures with their dated links under the sources.
 * The same preset always gives the same plan.
 */
import { freeSheetName, maxSheetNameLength, sanitizeSheetName } from "../workbook/sheetName";
import { cellAddress } from "./address";
import { numberFormatOf, textNumberFormat } from "./formats";
import { keyTemplate } from "./formula";
import type { CellRole, PlannedCell, PlannedChart, PlannedCheck, PlannedContent, ScenarioCells, SheetPlan } from "./plan.types";
import { planTimeline, type PlannedTimelinePart, type TimelineColumns } from "./planTimeline";
import { hasReported, sheetScenariosOf, type Preset, type PresetInput, type SheetScenario } from "./types";

/** The 0-based column of each part of the tables, on a sheet without a Reported column. */
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

/** The columns of a sheet; `reported` only where the preset has reported figures. */
export interface PlanColumns {
  readonly label: number;
  readonly low: number;
  readonly base: number;
  readonly high: number;
  readonly reported?: number;
  readonly unit: number;
  readonly source: number;
  readonly note: number;
  readonly check: number;
}

/** The columns of a preset's sheet: those of `planColumns`, or with Reported after High and the rest one to the right. */
export function planColumnsOf(preset: Pick<Preset, "inputs">): PlanColumns {
  if (!hasReported(preset)) return planColumns;
  return { label: 0, low: 1, base: 2, high: 3, reported: 4, unit: 5, source: 6, note: 7, check: 8 };
}

const scenarioHeader: Readonly<Record<SheetScenario, string>> = {
  low: "Low",
  base: "Base",
  high: "High",
  reported: "Reported",
};

/** Column widths in points, column A to H (A to I with a Reported column). */
const widthsPoints = [300, 84, 84, 84, 170, 170, 420, 130] as const;
const widthsPointsReported = [300, 84, 84, 84, 84, 170, 170, 420, 130] as const;

/** The chart's size in columns and rows, placed to the right of the tables (right of the check column). */
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

function scenarioValue(input: PresetInput, scenario: SheetScenario): number | undefined {
  if (scenario === "base") return input.base;
  if (scenario === "reported") return input.reported?.value;
  return scenario === "low" ? input.low : input.high;
}

/** The words a Reported column adds to an input's note: the figure's source and date, or that it repeats Base. */
function reportedNote(input: PresetInput, sources: Preset["sources"]): string {
  if (input.reported === undefined) return "Reported: as Base, no reported figure.";
  const source = sources.find((s) => s.id === input.reported?.source);
  const named = source === undefined ? input.reported.source : `${source.shortTitle ?? source.title}, ${source.date}`;
  return `Reported (${named})${input.reported.note === undefined ? "." : `: ${input.reported.note}`}`;
}

/** Turns a preset into the plan of its sheet. The preset must be valid (see parsePreset). */
export function planSheet(preset: Preset): SheetPlan {
  const cells = new CellList();
  const checks: PlannedCheck[] = [];
  const columns = planColumnsOf(preset);
  const sheetScenarios = sheetScenariosOf(preset);
  const scenarioColumn: Readonly<Record<SheetScenario, number>> = {
    low: columns.low,
    base: columns.base,
    high: columns.high,
    reported: columns.reported ?? -1, // only read when the sheet has the column
  };
  const keyCells: Record<string, ScenarioCells> = {};
  /** Records where each key's Low, Base and High (and Reported) cells land, one row per key from `firstRow`. */
  const placeKeys = (items: readonly { readonly key: string }[], firstRow: number): void => {
    items.forEach((item, i) => {
      const r = firstRow + i;
      keyCells[item.key] = {
        low: cellAddress(r, columns.low),
        base: cellAddress(r, columns.base),
        high: cellAddress(r, columns.high),
        ...(columns.reported === undefined ? {} : { reported: cellAddress(r, columns.reported) }),
      };
    });
  };
  const cellOf = (key: string, scenario: SheetScenario): string | undefined => keyCells[key]?.[scenario];

  // Title, summary and the as-of line.
  let row = 0;
  cells.text(row++, planColumns.label, preset.title, "title");
  cells.text(row++, planColumns.label, preset.summary, "subtitle");
  cells.text(
    row++,
    planColumns.label,
    `Figures as of ${preset.asOf}. Low: every input at its low value; High: every input at its high value; an input without a range repeats its Base.` +
      (columns.reported === undefined
        ? ""
        : " Reported: what public reporting and filings say, each figure's dated source under Sources; grey italic repeats Base where nothing is reported."),
    "note",
  );
  row++;

  // Assumptions.
  const header = (first: string, extra: Partial<Record<"unit" | "source" | "note", string>>): void => {
    cells.text(row, planColumns.label, first, "header");
    for (const scenario of sheetScenarios) cells.text(row, scenarioColumn[scenario], scenarioHeader[scenario], "header");
    if (extra.unit !== undefined) cells.text(row, columns.unit, extra.unit, "header");
    if (extra.source !== undefined) cells.text(row, columns.source, extra.source, "header");
    if (extra.note !== undefined) cells.text(row, columns.note, extra.note, "header");
    row++;
  };
  header("Assumptions", { unit: "Unit", source: "Source", note: "Note" });
  const freezeRows = row;

  placeKeys(preset.inputs, row);
  const sourceTitle = new Map(preset.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  for (const input of preset.inputs) {
    const format = numberFormatOf(input.format);
    const baseAddress = cellAddress(row, columns.base);
    cells.text(row, columns.label, input.label, "label");
    for (const scenario of sheetScenarios) {
      const value = scenarioValue(input, scenario);
      if (value === undefined) {
        const role = scenario === "reported" ? "reportedAsBase" : "inputLink";
        cells.add(row, scenarioColumn[scenario], { kind: "formula", formula: `=${baseAddress}` }, role, format);
      } else {
        cells.add(row, scenarioColumn[scenario], { kind: "number", value }, "input", format);
      }
    }
    cells.text(row, columns.unit, input.unit, "unit");
    cells.text(row, columns.source, sourceTitle.get(input.source) ?? input.source, "source");
    const note = columns.reported === undefined ? input.note : [input.note, reportedNote(input, preset.sources)].filter((n) => n !== undefined).join(" ");
    if (note !== undefined) cells.text(row, columns.note, note, "note");
    if (input.derived !== true) {
      // A residual's columns follow the scenarios, not the order of values: it has no check. Reported is no part of the order.
      cells.add(row, columns.check, { kind: "formula", formula: orderCheckFormula(row) }, "check");
      checks.push({ range: `${cellAddress(row, columns.low)}:${cellAddress(row, columns.high)}`, cell: cellAddress(row, columns.check) });
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
    cells.text(row, columns.label, output.label, "label");
    const template = keyTemplate(output.formula); // read once, written in every scenario column
    for (const scenario of sheetScenarios) {
      const formula = template.fill((key) => {
        const at = cellOf(key, scenario);
        if (at === undefined) throw new Error(`preset "${preset.id}": output "${output.key}" refers to unknown key "${key}"`);
        return at;
      });
      cells.add(row, scenarioColumn[scenario], { kind: "formula", formula: `=${formula}` }, "output", format);
    }
    cells.text(row, columns.unit, output.unit, "unit");
    if (output.note !== undefined) cells.text(row, columns.note, output.note, "note");
    if (output.chart === true) {
      firstChartRow ??= row;
      lastChartRow = row;
      chartFormat ??= format;
    }
    row++;
  }

  // Cash flows over years, their summary and chart.
  let timelinePart: PlannedTimelinePart | undefined;
  if (preset.timeline !== undefined) {
    const timelineColumns: TimelineColumns = {
      label: columns.label,
      scenarios: sheetScenarios,
      scenario: scenarioColumn,
      unit: columns.unit,
      header: scenarioHeader,
    };
    timelinePart = planTimeline({ ...preset, timeline: preset.timeline }, cells, keyCells, timelineColumns, row + 1);
    row = timelinePart.nextRow;
  }

  // Notes.
  if (preset.notes !== undefined && preset.notes.length > 0) {
    row++;
    cells.text(row++, columns.label, "Notes", "header");
    for (const note of preset.notes) cells.text(row++, columns.label, note, "note");
  }

  // Sources.
  row++;
  cells.text(row, columns.label, "Sources", "header");
  cells.text(row, columns.low, "Title", "header");
  cells.text(row, columns.unit, "Publisher", "header");
  cells.text(row, columns.source, "Date", "header");
  cells.text(row, columns.note, "Link", "header");
  row++;
  for (const source of preset.sources) {
    cells.text(row, columns.label, source.shortTitle ?? source.title, "source");
    cells.text(row, columns.low, source.title, "source");
    cells.text(row, columns.unit, source.publisher, "source");
    cells.text(row, columns.source, source.date, "source");
    if (source.url !== undefined) cells.text(row, columns.note, source.url, "link", source.url);
    row++;
  }

  // Each reported figure with its own dated link, beside the value the Reported column holds.
  if (columns.reported !== undefined) {
    row++;
    cells.text(row, columns.label, "Reported figures", "header");
    cells.text(row, columns.reported, "Reported", "header");
    cells.text(row, columns.unit, "Publisher", "header");
    cells.text(row, columns.source, "Date", "header");
    cells.text(row, columns.note, "Link", "header");
    row++;
    for (const input of preset.inputs) {
      if (input.reported === undefined) continue;
      const source = preset.sources.find((s) => s.id === input.reported?.source);
      cells.text(row, columns.label, input.label, "label");
      cells.add(row, columns.reported, { kind: "formula", formula: `=${cellOf(input.key, "reported") ?? ""}` }, "output", numberFormatOf(input.format));
      cells.text(row, columns.unit, source?.publisher ?? input.reported.source, "source");
      if (source !== undefined) cells.text(row, columns.source, source.date, "source");
      if (source?.url !== undefined) cells.text(row, columns.note, source.url, "link", source.url);
      row++;
    }
  }

  const planned = cells.sorted();
  const lastRow = Math.max(...planned.map((c) => c.row));
  const lastColumn = Math.max(...planned.map((c) => c.column));

  let chart: PlannedChart | undefined = timelinePart?.chart;
  if (chart === undefined && firstChartRow !== undefined && lastChartRow !== undefined) {
    const range = (column: number): string => `${cellAddress(firstChartRow, column)}:${cellAddress(lastChartRow, column)}`;
    const chartColumn = columns.check + 1;
    chart = {
      title: preset.title,
      type: "columnClustered",
      categories: range(columns.label),
      series: sheetScenarios.map((scenario) => ({
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
    columnWidths: (columns.reported === undefined ? widthsPoints : widthsPointsReported).map((widthPoints, column) => ({
      column,
      widthPoints,
    })),
    freezeRows,
    ...(chart === undefined ? {} : { chart }),
    ...(checks.length === 0 ? {} : { checks }),
    keyCells,
    ...(timelinePart === undefined ? {} : { timeline: timelinePart.timeline }),
  };
}
