/*
 * The sheets a sensitivity or a simulation run is written to: a plan of values
 * (never formulas: the run's figures as computed), the run's settings so it can
 * be reproduced, and a native chart, written by the same writers as a model
 * sheet (`WorkbookHost.loadPlan`). The model's own sheet is never touched.
 */
import { cellAddress } from "../presets/address";
import { formatForDisplay } from "../presets/display";
import { numberFormatOf, textNumberFormat } from "../presets/formats";
import type { CellRole, PlannedCell, PlannedContent, SheetPlan } from "../presets/plan.types";
import type { Preset, ValueFormat } from "../presets/types";
import { isTrialError, type TrialError } from "./compile";
import { modelOutputs, paybackSentence } from "./defaults";
import type { SimulationResult } from "./simulate";
import type { Tornado } from "./tornado";

class Cells {
  readonly list: PlannedCell[] = [];
  put(row: number, column: number, content: PlannedContent, role: CellRole, numberFormat?: string): void {
    this.list.push({ address: cellAddress(row, column), row, column, content, role, ...(numberFormat === undefined ? {} : { numberFormat }) });
  }
  text(row: number, column: number, text: string, role: CellRole): void {
    this.put(row, column, { kind: "text", text }, role, textNumberFormat);
  }
  value(row: number, column: number, value: number | TrialError | undefined, format: string): void {
    if (value === undefined) return;
    if (isTrialError(value)) this.text(row, column, value.code, "output");
    else this.put(row, column, { kind: "number", value }, "output", format);
  }
}

/** A number format with `decimals` places where `format` has its first run of digits ("$#,##0.0,,,\"B\"" → 3 places: "$#,##0.000,,,\"B\""). */
export function withDecimals(format: string, decimals: number): string {
  return format.replace(/0(\.0*)?(?![0-9])/, decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`);
}

/** The output's format with as few more decimals as show every edge apart (up to 6 more), for bin labels. */
function distinctFormat(format: string, edges: readonly number[]): string {
  const base = /0\.(0+)/.exec(format)?.[1]?.length ?? 0;
  for (let decimals = base; decimals <= base + 6; decimals++) {
    const candidate = withDecimals(format, decimals);
    const shown = edges.map((edge) => formatForDisplay(edge, candidate));
    if (shown.every((text, i) => i === 0 || text !== shown[i - 1] || edges[i] === edges[i - 1])) return candidate;
  }
  return withDecimals(format, base + 6);
}

const utcMinute = (date: Date): string => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function finish(cells: Cells, sheetName: string, presetId: string, widths: readonly number[], chart: SheetPlan["chart"]): SheetPlan {
  const sorted = [...cells.list].sort((a, b) => a.row - b.row || a.column - b.column);
  const lastRow = Math.max(...sorted.map((c) => c.row));
  const lastColumn = Math.max(...sorted.map((c) => c.column), widths.length - 1);
  return {
    presetId,
    sheetName,
    cells: sorted,
    usedRange: `A1:${cellAddress(lastRow, lastColumn)}`,
    columnWidths: widths.map((widthPoints, column) => ({ column, widthPoints })),
    freezeRows: 0,
    ...(chart === undefined ? {} : { chart }),
    keyCells: {},
  };
}

/** The tornado as a sheet: input, Low, High, output at Low and High, swing; a bar chart of the output at each end. */
export function tornadoSheetPlan(preset: Preset, t: Tornado, now: Date): SheetPlan {
  const cells = new Cells();
  const out = numberFormatOf(t.format);
  const inputFormat = (key: string): string => numberFormatOf(preset.inputs.find((i) => i.key === key)?.format ?? "number");
  let row = 0;
  cells.text(row++, 0, `Sensitivity: ${t.outputLabel}`, "title");
  cells.text(row++, 0, `${preset.title}. Each input swung from its Low to its High value with every other input at Base; largest swing first.`, "subtitle");
  cells.text(row++, 0, `Computed on ${utcMinute(now)} from model ${preset.id}, output ${t.output}; values, not formulas: run it again after changing the model.`, "note");
  row++;
  cells.text(row, 0, "Output at Base", "label");
  cells.value(row++, 1, t.base, out);
  row++;
  const header = row;
  ["Input", "Low", "High", "Output at Low", "Output at High", "Swing"].forEach((h, c) => cells.text(header, c, h, "header"));
  row++;
  const first = row;
  for (const bar of t.inputs) {
    cells.text(row, 0, bar.label, "label");
    cells.value(row, 1, bar.low, inputFormat(bar.key));
    cells.value(row, 2, bar.high, inputFormat(bar.key));
    cells.value(row, 3, bar.outputAtLow, out);
    cells.value(row, 4, bar.outputAtHigh, out);
    if (bar.swing === null) cells.text(row, 5, "error at one end", "note");
    else cells.value(row, 5, bar.swing, out);
    row++;
  }
  if (t.inputs.length === 0) cells.text(row++, 0, "No input of this model has a range (Low and High equal to Base), so nothing moves the output.", "note");
  const last = row - 1;
  const chart =
    t.inputs.length === 0
      ? undefined
      : {
          title: `${t.outputLabel}: each input at its Low and High`,
          type: "barClustered" as const,
          categories: `A${first + 1}:A${last + 1}`,
          series: [
            { name: "Output at Low", range: `D${first + 1}:D${last + 1}` },
            { name: "Output at High", range: `E${first + 1}:E${last + 1}` },
          ],
          topLeft: cellAddress(header, 7),
          bottomRight: cellAddress(header + Math.max(18, t.inputs.length * 2 + 4), 15),
          numberFormat: out,
        };
  return finish(cells, `Sensitivity ${preset.id}`, preset.id, [280, 90, 90, 110, 110, 100], chart);
}

/** The simulation as a sheet: settings, one row of statistics per output, and a histogram of the chosen output. */
export function simulationSheetPlan(preset: Preset, result: SimulationResult, histogramKey: string, now: Date): SheetPlan {
  const cells = new Cells();
  const { trials, seed, distribution } = result.settings;
  let row = 0;
  cells.text(row++, 0, `Simulation: ${preset.title}`, "title");
  cells.text(
    row++,
    0,
    `${trials.toLocaleString("en-US")} trials, seed ${seed}, ${distribution} distributions: each input with a range drawn independently from its Low to its High value, most likely at Base. A probability is only as good as the ranges behind it.`,
    "subtitle",
  );
  cells.text(row++, 0, `Computed on ${utcMinute(now)} from model ${preset.id}; values, not formulas. The same model, trials, seed and distribution give the same figures.`, "note");
  row++;
  const settings: [string, string | number][] = [
    ["Model", preset.id],
    ["Trials", trials],
    ["Seed", seed],
    ["Distribution", distribution],
    ["Inputs that vary", result.varying.map((r) => r.key).join(", ") || "none"],
  ];
  for (const [label, value] of settings) {
    cells.text(row, 0, label, "label");
    if (typeof value === "number") cells.put(row, 1, { kind: "number", value }, "input", "#,##0");
    else cells.text(row, 1, value, "input");
    row++;
  }
  row++;
  const headers = ["Output", "Mean", "Std dev", "P5", "P10", "P50", "P90", "P95", "Min", "Max", "P(> 0)", "Failed trials"];
  headers.forEach((h, c) => cells.text(row, c, h, "header"));
  row++;
  const described = new Map(modelOutputs(preset).map((o) => [o.key, o]));
  for (const o of result.outputs.filter((x) => x.numeric)) {
    const f = numberFormatOf(o.format);
    const payback = paybackSentence(described.get(o.key) ?? o, o.countedTrials, trials);
    cells.text(row, 0, o.label, "label");
    [o.mean, o.stdev, o.p5, o.p10, o.p50, o.p90, o.p95, o.min, o.max].forEach((v, i) => cells.value(row, i + 1, v, f));
    // A payback is never below zero: the share that pays back within the years says what P(> 0) would.
    if (payback === undefined) cells.value(row, 10, o.probabilityPositive, "0.0%");
    cells.put(row, 11, { kind: "number", value: o.failedTrials }, "output", "#,##0");
    const reasons = o.failures.map((x) => `${x.code} ${x.message} (${x.trials.toLocaleString("en-US")})`).join("; ");
    const note = payback === undefined ? reasons : `${payback.charAt(0).toUpperCase()}${payback.slice(1)}${reasons === "" ? "" : `; ${reasons}`}`;
    if (note !== "") cells.text(row, 12, note, "note");
    row++;
  }
  row++;
  const chosen = result.outputs.find((o) => o.key === histogramKey);
  let chart: SheetPlan["chart"];
  if (chosen !== undefined && chosen.countedTrials > 0) {
    const format: ValueFormat = chosen.format;
    const f = numberFormatOf(format);
    cells.text(row++, 0, `Histogram: ${chosen.label}`, "header");
    ["Bin", "From", "To", "Trials"].forEach((h, c) => cells.text(row, c, h, "header"));
    row++;
    const first = row;
    const bins = result.histogramOf(chosen.key);
    const labelFormat = distinctFormat(f, bins.flatMap((bin) => [bin.from, bin.to]));
    for (const bin of bins) {
      cells.text(row, 0, `${formatForDisplay(bin.from, labelFormat)} to ${formatForDisplay(bin.to, labelFormat)}`, "label");
      cells.value(row, 1, bin.from, f);
      cells.value(row, 2, bin.to, f);
      cells.put(row, 3, { kind: "number", value: bin.count }, "output", "#,##0");
      row++;
    }
    chart = {
      title: `${chosen.label}: trials per range of values`,
      type: "columnClustered",
      categories: `A${first + 1}:A${row}`,
      series: [{ name: "Trials", range: `D${first + 1}:D${row}` }],
      topLeft: cellAddress(first - 2, 5),
      bottomRight: cellAddress(first + 18, 13),
      numberFormat: "#,##0",
    };
  }
  return finish(cells, `Simulation ${preset.id}`, preset.id, [280, 90, 90, 90, 90, 90, 90, 90, 90, 90, 70, 90], chart);
}
