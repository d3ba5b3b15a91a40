/*
 * Sensitivity (tornado): one output (of a timeline model, also a summary
 * measure: NPV, IRR, payback, ROI), each input with a range swung from its Low
 * to its High value with every other input at Base, ranked by how far the
 * output moves. All swings are evaluated in one run of the compiled model: two
 * trials per input.
 */
import type { Preset } from "../presets/types";
import { compileModel, textAsError, valueAt, type TrialError } from "./compile";
import { defaultTornadoOutput, modelOutputs } from "./defaults";
import { inputRanges } from "./ranges";

export interface TornadoBar {
  readonly key: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** The output with this input at its Low (High) value, or the error it gives there. */
  readonly outputAtLow: number | TrialError;
  readonly outputAtHigh: number | TrialError;
  /** |outputAtHigh − outputAtLow|; null when either end is an error. */
  readonly swing: number | null;
}

export interface Tornado {
  readonly id: string;
  readonly output: string;
  readonly outputLabel: string;
  readonly format: Preset["outputs"][number]["format"];
  readonly base: number | TrialError;
  /** Largest swing first; inputs whose ends give errors last. */
  readonly inputs: readonly TornadoBar[];
}


export function tornado(preset: Preset, outputKey: string = defaultTornadoOutput(preset)): { ok: true; tornado: Tornado } | { ok: false; message: string } {
  const outputs = modelOutputs(preset);
  const output = outputs.find((o) => o.key === outputKey);
  if (output === undefined) {
    return { ok: false, message: `${preset.id} has no output "${outputKey}"; its outputs: ${outputs.map((o) => o.key).join(", ")}` };
  }
  const ranges = inputRanges(preset);
  if (!ranges.ok) return ranges;
  const model = compileModel(preset);
  const varying = ranges.varying;
  // Trial 0 is Base; trials 2j+1 and 2j+2 swing input j to its Low and High.
  const trials = 1 + 2 * varying.length;
  const draws = new Map(
    varying.map((range, j) => {
      const column = new Float64Array(trials).fill(range.mode);
      column[2 * j + 1] = range.low;
      column[2 * j + 2] = range.high;
      return [range.key, column];
    }),
  );
  const column = model.run({ trials, draws }).get(output.key);
  if (column === undefined) throw new Error(`${preset.id}: ${output.key} was not computed`);
  const bars = varying.map((range, j): TornadoBar => {
    const atLow = textAsError(valueAt(column, 2 * j + 1));
    const atHigh = textAsError(valueAt(column, 2 * j + 2));
    const swing = typeof atLow === "number" && typeof atHigh === "number" ? Math.abs(atHigh - atLow) : null;
    return { key: range.key, label: range.label, low: range.low, high: range.high, outputAtLow: atLow, outputAtHigh: atHigh, swing };
  });
  bars.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
  return {
    ok: true,
    tornado: { id: preset.id, output: output.key, outputLabel: output.label, format: output.format, base: textAsError(valueAt(column, 0)), inputs: bars },
  };
}
