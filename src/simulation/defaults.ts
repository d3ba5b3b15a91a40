/*
 * Choices the pane makes before the simulation code is loaded, kept apart from
 * it (and from the price catalog its compiled formulas call): which results a
 * model has and which one a tornado shows first.
 */
import { tokenizeFormula } from "../presets/formula";
import type { Preset, TimelineMeasure, ValueFormat } from "../presets/types";

/** A result a sensitivity or a simulation can be run on: a one-year output or a timeline summary measure. */
export interface ModelOutput {
  readonly key: string;
  readonly label: string;
  readonly format: ValueFormat;
  /** For a timeline summary measure: which summary, which measure, over how many years. */
  readonly timeline?: { readonly summary: number; readonly measure: TimelineMeasure; readonly years: number };
}

const measureNames: Readonly<Record<TimelineMeasure, string>> = {
  costsPv: "PV of costs",
  benefitsPv: "PV of benefits",
  npv: "NPV",
  irr: "IRR",
  payback: "payback (years)",
  roi: "ROI",
};

/**
 * The summary measures of a model's timeline, as results: key `<net row>.<measure>`
 * ("net_cash_flow.npv"; a second summary of the same net row adds its number,
 * "net_cash_flow.npv.2"), labelled as the sheet's summary, formatted as the sheet formats it.
 */
export function timelineOutputs(preset: Preset): ModelOutput[] {
  const timeline = preset.timeline;
  if (timeline === undefined) return [];
  const taken = new Set(preset.outputs.map((o) => o.key));
  return timeline.summaries.flatMap((summary, index) =>
    summary.measures.map((measure): ModelOutput => {
      let key = `${summary.net}.${measure}`;
      if (taken.has(key)) key = `${key}.${index + 1}`;
      taken.add(key);
      const netFormat = timeline.rows.find((row) => row.key === summary.net)?.format ?? "usd";
      const format: ValueFormat =
        measure === "irr" || measure === "roi" ? "fraction" : measure === "payback" ? "number" : netFormat;
      return {
        key,
        label: `${summary.label}: ${measureNames[measure]}`,
        format,
        timeline: { summary: index, measure, years: timeline.years },
      };
    }),
  );
}

/** Every result of a model: its one-year outputs, then its timeline's summary measures. */
export function modelOutputs(preset: Preset): ModelOutput[] {
  return [...preset.outputs.map(({ key, label, format }) => ({ key, label, format })), ...timelineOutputs(preset)];
}

/**
 * The output a tornado shows when none is named: a timeline model's first NPV
 * (else its first summary measure); otherwise the last charted output that an input with a range
 * moves (else the last output such an input moves, else the last charted output, else the last output).
 */
export function defaultTornadoOutput(preset: Preset): string {
  const summaries = timelineOutputs(preset);
  const npv = summaries.find((o) => o.timeline?.measure === "npv") ?? summaries[0];
  if (npv !== undefined) return npv.key;
  // The last charted output that an input with a range moves: a tornado of an output nothing moves is all zeros.
  const moved = movedOutputs(preset);
  const charted = preset.outputs.filter((o) => o.chart === true);
  const candidates = [...charted].reverse().concat([...preset.outputs].reverse());
  return (candidates.find((o) => moved.has(o.key)) ?? charted[charted.length - 1] ?? preset.outputs[preset.outputs.length - 1])?.key ?? "";
}

/** The keys of the outputs whose formulas reach, directly or through other outputs, an input with a range (low or high apart from base). */
function movedOutputs(preset: Preset): ReadonlySet<string> {
  const varying = new Set(
    preset.inputs.filter((i) => (i.low !== undefined && i.low !== i.base) || (i.high !== undefined && i.high !== i.base)).map((i) => i.key),
  );
  const referenced = new Map(
    preset.outputs.map((o) => {
      const tokens = tokenizeFormula(o.formula);
      return [o.key, tokens.ok ? tokens.tokens.filter((t) => t.kind === "key").map((t) => t.text) : []] as const;
    }),
  );
  const moved = new Set<string>();
  // Outputs refer only to outputs above them or to inputs, so repeating until nothing changes is enough (and short).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, keys] of referenced) {
      if (!moved.has(key) && keys.some((k) => varying.has(k) || moved.has(k))) {
        moved.add(key);
        changed = true;
      }
    }
  }
  return moved;
}

/** How a payback result reads: "pays back within 5 years in 83.0% of trials". */
export function paybackSentence(output: ModelOutput, countedTrials: number, trials: number): string | undefined {
  if (output.timeline?.measure !== "payback" || trials === 0) return undefined;
  const years = output.timeline.years;
  return `pays back within ${years === 1 ? "1 year" : `${years} years`} in ${((countedTrials / trials) * 100).toFixed(1)}% of trials`;
}
