/**
 * The timeline part of a sheet plan: years across the columns (Initial, 2026,
 * 2027, ...), one block of cash-flow rows per scenario column, a cumulative net
 * cash row in each block, then the summary (NPV, IRR, payback, ROI) for every
 * scenario side by side, and a chart of cumulative net cash per scenario.
 *
 * Every cell of a row is planned, so it carries its number format and every
 * host (Excel, LibreOffice, HyperFormula, the command line) shows it without
 * dynamic arrays: a row formula that calls a time function is written in each
 * cell as `INDEX(<the formula>, 1, k)`, with `years` typed as a number (a
 * spill's size must be known before HyperFormula runs the formula) and rows it
 * refers to as ranges (`B20:G20`, never `B20#`); a row of plain arithmetic over
 * other rows is written cell by cell (`=C20-C21`). The summary reads whole rows
 * as ranges.
 */
import { cellAddress } from "./address";
import { numberFormatOf } from "./formats";
import { keyTemplate } from "./formula";
import type { CellRole, PlannedChart, PlannedContent, PlannedTimeline, ScenarioCells } from "./plan.types";
import { timelineYearsKey } from "./schema";
import type { Preset, PresetTimeline, SheetScenario, TimelineMeasure } from "./types";

/** Where the planner's cells go; plan.ts's cell list. */
export interface TimelineCellSink {
  add(row: number, column: number, content: PlannedContent, role: CellRole, numberFormat?: string): void;
  text(row: number, column: number, text: string, role: CellRole): void;
}

/** The columns of the scenario tables the summary lines up with (label, Low, Base, High, Reported when there, unit). */
export interface TimelineColumns {
  readonly label: number;
  /** The sheet's scenario columns in order: Low, Base, High, and Reported on a sheet with that column. */
  readonly scenarios: readonly SheetScenario[];
  readonly scenario: Readonly<Record<SheetScenario, number>>;
  readonly unit: number;
  readonly header: Readonly<Record<SheetScenario, string>>;
}

export interface PlannedTimelinePart {
  /** The first free row after the timeline (the chart's rows included). */
  readonly nextRow: number;
  readonly chart: PlannedChart;
  readonly timeline: PlannedTimeline;
}

/** The chart of cumulative net cash, below the summary: its size in columns and rows. */
const chartWidthColumns = 8;
const chartHeightRows = 18;

const measureLabel: Readonly<Record<TimelineMeasure, (rate: string) => string>> = {
  costsPv: (rate) => `PV of costs at the ${rate.toLowerCase()}`,
  benefitsPv: (rate) => `PV of benefits at the ${rate.toLowerCase()}`,
  npv: (rate) => `NPV at the ${rate.toLowerCase()}`,
  irr: () => "IRR (Excel's IRR over the net row)",
  payback: () => "Payback",
  roi: (rate) => `ROI (net ÷ costs) at the ${rate.toLowerCase()}`,
};
const measureUnit: Readonly<Record<TimelineMeasure, string>> = {
  costsPv: "USD",
  benefitsPv: "USD",
  npv: "USD",
  irr: "fraction per year",
  payback: "years from the start",
  roi: "fraction of costs",
};

/**
 * Plans the timeline of a preset from `firstRow`. `keyCells` holds the Low,
 * Base and High cells of every input and output already placed.
 */
export function planTimeline(
  preset: Preset & { readonly timeline: PresetTimeline },
  cells: TimelineCellSink,
  keyCells: Readonly<Record<string, ScenarioCells>>,
  columns: TimelineColumns,
  firstRow: number,
): PlannedTimelinePart {
  const timeline = preset.timeline;
  const initialColumn = columns.label + 1;
  const lastColumn = initialColumn + timeline.years;
  const unitColumn = lastColumn + 1;
  const columnOfYear = (k: number): number => initialColumn + k; // k = 0 is Initial
  const rowRange = (row: number): string => `${cellAddress(row, initialColumn)}:${cellAddress(row, lastColumn)}`;
  const rateInput = preset.inputs.find((input) => input.key === timeline.discountRate);
  const rateText = rateInput === undefined ? timeline.discountRate : rateInput.label;
  const chartedNet = timeline.summaries[0]?.net;
  const chartedNetRow = timeline.rows.find((r) => r.key === chartedNet);
  const netFormat = numberFormatOf(chartedNetRow?.format ?? "usd");

  let row = firstRow;
  cells.text(row, columns.label, `Cash flows, ${timeline.years} years from ${timeline.firstYear}`, "header");
  cells.text(row, initialColumn, "Initial", "header");
  for (let k = 1; k <= timeline.years; k++) cells.text(row, columnOfYear(k), String(timeline.firstYear + k - 1), "header");
  cells.text(row, unitColumn, "Unit", "header");
  const yearsHeaderRow = row;
  row++;

  const scenarios = columns.scenarios;
  // Each row's formula is read once and written in every year of every scenario block.
  const templates = timeline.rows.map((item) => keyTemplate(item.formula));
  const rowRanges: Record<string, { low: string; base: string; high: string; reported?: string }> = {};
  const cumulative: Partial<Record<SheetScenario, string>> = {};
  for (const scenario of scenarios) {
    cells.text(row, columns.label, `${columns.header[scenario]} scenario`, "header");
    row++;
    const rowOf = new Map<string, number>();
    for (const [index, item] of timeline.rows.entries()) {
      const template = templates[index]!;
      const format = numberFormatOf(item.format);
      cells.text(row, columns.label, item.label, "label");
      const scalarCell = (key: string): string => {
        const at = keyCells[key]?.[scenario];
        if (at === undefined) throw new Error(`preset "${preset.id}": row "${item.key}" refers to unknown key "${key}"`);
        return at;
      };
      // A row that calls a function (a time function giving a row) is written as INDEX(formula, 1, k).
      if (item.fromYearOne === true || template.callsFunction) {
        const formula = template.fill((key) => {
          if (key === timelineYearsKey) return String(timeline.years);
          const r = rowOf.get(key);
          return r === undefined ? scalarCell(key) : rowRange(r);
        });
        const offset = item.fromYearOne === true ? 1 : 0;
        if (offset === 1) cells.add(row, initialColumn, { kind: "number", value: 0 }, "output", format);
        for (let k = offset; k <= timeline.years; k++) {
          cells.add(row, columnOfYear(k), { kind: "formula", formula: `=INDEX(${formula}, 1, ${k + 1 - offset})` }, "output", format);
        }
      } else {
        for (let k = 0; k <= timeline.years; k++) {
          const formula = template.fill((key) => {
            if (key === timelineYearsKey) return String(timeline.years);
            const r = rowOf.get(key);
            return r === undefined ? scalarCell(key) : cellAddress(r, columnOfYear(k));
          });
          cells.add(row, columnOfYear(k), { kind: "formula", formula: `=${formula}` }, "output", format);
        }
      }
      cells.text(row, unitColumn, item.unit, "unit");
      rowOf.set(item.key, row);
      (rowRanges[item.key] ??= { low: "", base: "", high: "" })[scenario] = rowRange(row);
      row++;
    }
    const netRow = chartedNet === undefined ? undefined : rowOf.get(chartedNet);
    if (netRow !== undefined) {
      cells.text(row, columns.label, `Cumulative net cash: ${timeline.summaries[0]?.label ?? ""}`, "label");
      for (let k = 0; k <= timeline.years; k++) {
        const here = cellAddress(netRow, columnOfYear(k));
        const formula = k === 0 ? `=${here}` : `=${cellAddress(row, columnOfYear(k - 1))}+${here}`;
        cells.add(row, columnOfYear(k), { kind: "formula", formula }, "output", netFormat);
      }
      cells.text(row, unitColumn, "USD", "unit");
      cumulative[scenario] = rowRange(row);
      row++;
    }
    row++;
  }

  // The summary, Low, Base and High side by side under the assumptions' columns.
  cells.text(row, columns.label, "Summary", "header");
  for (const scenario of scenarios) cells.text(row, columns.scenario[scenario], columns.header[scenario], "header");
  cells.text(row, columns.unit, "Unit", "header");
  row++;
  const summaries: { label: string; net: string; measures: Partial<Record<TimelineMeasure, ScenarioCells>> }[] = [];
  for (const summary of timeline.summaries) {
    const netFormatOfSummary = numberFormatOf(timeline.rows.find((r) => r.key === summary.net)?.format ?? "usd");
    const measures: Partial<Record<TimelineMeasure, ScenarioCells>> = {};
    for (const measure of summary.measures) {
      cells.text(row, columns.label, `${summary.label}: ${measureLabel[measure](rateText)}`, "label");
      const at: { low: string; base: string; high: string; reported?: string } = { low: "", base: "", high: "" };
      for (const scenario of scenarios) {
        const range = (key: string | undefined): string => (key === undefined ? "" : (rowRanges[key]?.[scenario] ?? ""));
        const rate = keyCells[timeline.discountRate]?.[scenario] ?? "0";
        const formula = {
          costsPv: `=AICOST.PRESENT_VALUE(${range(summary.costs)}, ${rate})`,
          benefitsPv: `=AICOST.PRESENT_VALUE(${range(summary.benefits)}, ${rate})`,
          npv: `=AICOST.PRESENT_VALUE(${range(summary.net)}, ${rate})`,
          irr: `=IRR(${range(summary.net)})`,
          payback: `=AICOST.PAYBACK(${range(summary.net)})`,
          roi: `=AICOST.ROI(${range(summary.costs)}, ${range(summary.benefits)}, ${rate})`,
        }[measure];
        const format = measure === "npv" || measure === "costsPv" || measure === "benefitsPv" ? netFormatOfSummary : numberFormatOf(measure === "payback" ? "number" : "fraction");
        cells.add(row, columns.scenario[scenario], { kind: "formula", formula }, "output", format);
        at[scenario] = cellAddress(row, columns.scenario[scenario]);
      }
      cells.text(row, columns.unit, measureUnit[measure], "unit");
      measures[measure] = at;
      row++;
    }
    summaries.push({ label: summary.label, net: summary.net, measures });
  }

  // The chart of cumulative net cash, in rows of its own below the summary.
  row++;
  const chartTop = row;
  const chart: PlannedChart = {
    title: `Cumulative net cash: ${timeline.summaries[0]?.label ?? ""}`,
    type: "columnClustered",
    categories: rowRange(yearsHeaderRow),
    series: scenarios.map((scenario) => ({ name: columns.header[scenario], range: cumulative[scenario] ?? "" })),
    topLeft: cellAddress(chartTop, columns.label),
    bottomRight: cellAddress(chartTop + chartHeightRows - 1, columns.label + chartWidthColumns - 1),
    numberFormat: netFormat,
  };
  row = chartTop + chartHeightRows;

  return {
    nextRow: row,
    chart,
    timeline: {
      yearsHeader: rowRange(yearsHeaderRow),
      rows: rowRanges,
      cumulative: {
        low: cumulative.low ?? "",
        base: cumulative.base ?? "",
        high: cumulative.high ?? "",
        ...(cumulative.reported === undefined ? {} : { reported: cumulative.reported }),
      },
      summaries,
    },
  };
}
