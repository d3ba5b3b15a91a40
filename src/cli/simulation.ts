/**
 * `aicost tornado` and `aicost simulate`: the sensitivity and Monte Carlo
 * results of a model, as a table or as JSON. The numbers come from
 * src/simulation, the same code the task pane runs, so the same model, trials
 * and seed give the same figures in every host.
 */
import { formatForDisplay, numberFormatOf, type Preset } from "../presets";
import { isTrialError, modelOutputs, paybackSentence, simulate, tornado, type SimulationSettings, type TrialError } from "../simulation";
import type { PresetRef } from "./commands";
import { resolvePreset, type CommandOutcome } from "./commands";
import type { CliIo } from "./io";
import { renderTable, type TableCell } from "./table";

const left = (text: string): TableCell => ({ text, align: "left" });
const right = (text: string): TableCell => ({ text, align: "right" });
const grouped = (n: number): string => n.toLocaleString("en-US");
const withNewline = (text: string): string => (text.endsWith("\n") ? text : `${text}\n`);

function shown(value: number | TrialError | undefined, format: Preset["outputs"][number]["format"]): string {
  if (value === undefined) return "";
  if (isTrialError(value)) return value.code;
  return formatForDisplay(value, numberFormatOf(format));
}

/** A JSON value: a number, or an error as its code. */
const jsonNumber = (value: number | TrialError): number | string => (isTrialError(value) ? value.code : value);

export interface TornadoJson {
  readonly id: string;
  readonly output: string;
  readonly base: number | string;
  readonly inputs: readonly {
    readonly key: string;
    readonly label: string;
    readonly low: number;
    readonly high: number;
    readonly outputAtLow: number | string;
    readonly outputAtHigh: number | string;
    readonly swing: number | null;
  }[];
}

/**
 * The widest a label (an input's or an output's) grows in the tables: every built-in model's
 * labels fit whole, so no two rows are cut to the same words (ai-paradox-5y's "One year, as the
 * analysis puts it: net with / without new revenue" differ only after 40 characters).
 */
const labelMaxWidth = 64;

/** `tornado <id> [--output KEY] [--json]`. */
export async function tornadoCommand(ref: PresetRef, output: string | undefined, json: boolean, io: CliIo): Promise<CommandOutcome> {
  const resolved = await resolvePreset(ref, io);
  if (!resolved.ok) return resolved.outcome;
  const preset = resolved.preset;
  const result = tornado(preset, output);
  if (!result.ok) return { ok: false, message: result.message };
  const t = result.tornado;
  if (json) {
    const body: TornadoJson = {
      id: t.id,
      output: t.output,
      base: jsonNumber(t.base),
      inputs: t.inputs.map((bar) => ({ ...bar, outputAtLow: jsonNumber(bar.outputAtLow), outputAtHigh: jsonNumber(bar.outputAtHigh) })),
    };
    return { ok: true, stdout: `${JSON.stringify(body, null, 2)}\n` };
  }
  const formatOf = (key: string) => preset.inputs.find((i) => i.key === key)?.format ?? "number";
  const lines = [
    `Sensitivity of ${t.outputLabel} (${t.output}) in ${preset.id}: each input from its Low to its High value, every other input at Base.`,
    `Base: ${shown(t.base, t.format)}`,
  ];
  if (t.inputs.length === 0) {
    lines.push("No input of this model has a range (Low and High equal to Base), so nothing moves the output.");
    return { ok: true, stdout: `${lines.join("\n")}\n` };
  }
  const rows: TableCell[][] = [
    [left("Input"), right("Low"), right("High"), right("Output at Low"), right("Output at High"), right("Swing")],
    ...t.inputs.map((bar) => [
      left(bar.label),
      right(shown(bar.low, formatOf(bar.key))),
      right(shown(bar.high, formatOf(bar.key))),
      right(shown(bar.outputAtLow, t.format)),
      right(shown(bar.outputAtHigh, t.format)),
      right(bar.swing === null ? "error" : shown(bar.swing, t.format)),
    ]),
  ];
  return { ok: true, stdout: `${lines.join("\n")}\n${withNewline(renderTable(rows, { maxWidths: [labelMaxWidth], defaultMaxWidth: 48 }))}` };
}

export interface SimulationJson {
  readonly id: string;
  readonly trials: number;
  readonly seed: number;
  readonly distribution: SimulationSettings["distribution"];
  readonly outputs: readonly {
    readonly key: string;
    readonly label: string;
    readonly mean: number | null;
    readonly stdev: number | null;
    readonly min: number | null;
    readonly max: number | null;
    readonly p5: number | null;
    readonly p10: number | null;
    readonly p50: number | null;
    readonly p90: number | null;
    readonly p95: number | null;
    readonly probabilityPositive: number | null;
    readonly failedTrials: number;
    readonly failures: readonly { readonly code: string; readonly message: string; readonly trials: number }[];
  }[];
}

/** `simulate <id> [--trials N] [--seed S] [--distribution triangular|pert] [--json]`. */
export async function simulateCommand(ref: PresetRef, settings: SimulationSettings, json: boolean, io: CliIo): Promise<CommandOutcome> {
  const resolved = await resolvePreset(ref, io);
  if (!resolved.ok) return resolved.outcome;
  const preset = resolved.preset;
  const run = simulate(preset, settings);
  if (!run.ok) return { ok: false, message: run.message };
  const result = run.result;
  const numeric = result.outputs.filter((o) => o.numeric);
  if (json) {
    const body: SimulationJson = {
      id: result.id,
      trials: settings.trials,
      seed: settings.seed,
      distribution: settings.distribution,
      outputs: numeric.map((o) => ({
        key: o.key,
        label: o.label,
        mean: o.mean ?? null,
        stdev: o.stdev ?? null,
        min: o.min ?? null,
        max: o.max ?? null,
        p5: o.p5 ?? null,
        p10: o.p10 ?? null,
        p50: o.p50 ?? null,
        p90: o.p90 ?? null,
        p95: o.p95 ?? null,
        probabilityPositive: o.probabilityPositive ?? null,
        failedTrials: o.failedTrials,
        failures: o.failures,
      })),
    };
    return { ok: true, stdout: `${JSON.stringify(body, null, 2)}\n` };
  }
  const varying = result.varying.map((r) => r.key);
  const lines = [
    `Simulation of ${preset.id}: ${grouped(settings.trials)} trials, seed ${settings.seed}, ${settings.distribution} distributions.`,
    varying.length === 0
      ? "No input of this model has a range (Low and High equal to Base): every trial is the Base case."
      : `${varying.length === 1 ? "1 input varies" : `${varying.length} inputs vary`} (Low to High, most likely at Base): ${varying.join(", ")}; the others stay at Base.`,
  ];
  const described = new Map(modelOutputs(preset).map((o) => [o.key, o]));
  const rows: TableCell[][] = [
    ["Output", "Mean", "Std dev", "P5", "P50", "P95", "Min", "Max", "P(>0)"].map((h, i) => (i === 0 ? left(h) : right(h))),
    ...numeric.map((o) => [
      left(o.label),
      ...[o.mean, o.stdev, o.p5, o.p50, o.p95, o.min, o.max].map((v) => right(shown(v, o.format))),
      // A payback is never below zero: the line below the table gives the share that pays back instead.
      right(o.probabilityPositive === undefined || described.get(o.key)?.timeline?.measure === "payback" ? "" : `${(o.probabilityPositive * 100).toFixed(1)}%`),
    ]),
  ];
  const reasons = (o: (typeof numeric)[number]): string => o.failures.map((f) => `${f.code} ${f.message}: ${grouped(f.trials)}`).join("; ");
  const failures = numeric.flatMap((o) => {
    const payback = paybackSentence(described.get(o.key) ?? o, o.countedTrials, settings.trials);
    if (payback !== undefined) {
      const rest = o.failedTrials === 0 ? "" : ` (the other ${grouped(o.failedTrials)}: ${reasons(o)})`;
      return [`${o.label}: ${payback}; its statistics cover those ${grouped(o.countedTrials)}${rest}.`];
    }
    if (o.failedTrials === 0) return [];
    return [`${o.label}: ${grouped(o.failedTrials)} of ${grouped(settings.trials)} trials failed (${reasons(o)}); its statistics cover the other ${grouped(o.countedTrials)}.`];
  });
  const tail = failures.length === 0 ? "" : `\n${failures.join("\n")}\n`;
  return { ok: true, stdout: `${lines.join("\n")}\n${withNewline(renderTable(rows, { maxWidths: [labelMaxWidth], defaultMaxWidth: 40 }))}${tail}` };
}
