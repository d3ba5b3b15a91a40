/*
 * Monte Carlo simulation of a model: every input with a range drawn
 * independently, every output computed by the compiled model over slices of
 * trials, and summarised. A run is a value you step through (so a pane can show
 * progress, stay responsive and cancel); the same model, trials, seed and
 * distribution give the same numbers however the run is sliced, in every host.
 */
import type { Preset } from "../presets/types";
import { compileModel, type CompiledModel, type TrialError } from "./compile";
import { createSamplers, drawColumns, maxSeed, type DistributionName, type Sampler } from "./distributions";
import { inputRanges, type InputRange } from "./ranges";
import { histogram, summarize, type HistogramBin, type OutputStatistics } from "./statistics";

export const minTrials = 100;
export const maxTrials = 1_000_000;
/** Trials per slice: small enough to keep a page responsive between slices. */
export const defaultSliceTrials = 5_000;

export interface SimulationSettings {
  readonly trials: number;
  readonly seed: number;
  readonly distribution: DistributionName;
}

/** Why some trials of an output gave an error instead of a number. */
export interface FailureCount {
  readonly code: TrialError["code"];
  readonly message: string;
  readonly trials: number;
}

export interface SimulatedOutput extends Partial<OutputStatistics> {
  readonly key: string;
  readonly label: string;
  readonly format: Preset["outputs"][number]["format"];
  /** Trials whose value was a number; the statistics are over these. */
  readonly countedTrials: number;
  readonly failedTrials: number;
  /** The reasons trials failed, most frequent first. */
  readonly failures: readonly FailureCount[];
  /** False when the output is text (a model name, say): it has no statistics. */
  readonly numeric: boolean;
}

export interface SimulationResult {
  readonly id: string;
  readonly title: string;
  readonly settings: SimulationSettings;
  readonly varying: readonly InputRange[];
  readonly outputs: readonly SimulatedOutput[];
  /** The counted values of an output, in trial order, for a histogram. */
  valuesOf(key: string): Float64Array;
  histogramOf(key: string, bins?: number): HistogramBin[];
}

export function settingsProblem(settings: SimulationSettings): string | undefined {
  const { trials, seed, distribution } = settings;
  if (!Number.isInteger(trials) || trials < minTrials || trials > maxTrials) {
    return `trials must be a whole number from ${minTrials.toLocaleString("en-US")} to ${maxTrials.toLocaleString("en-US")}, got ${String(trials)}`;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    return `seed must be a whole number from 0 to ${maxSeed.toLocaleString("en-US")}, got ${String(seed)}`;
  }
  if (distribution !== "triangular" && distribution !== "pert") {
    return `distribution must be triangular or pert, got ${String(distribution)}`;
  }
  return undefined;
}

export interface SimulationRun {
  readonly trialsDone: number;
  readonly trials: number;
  /** Runs up to `count` more trials; returns true when every trial is done. */
  step(count?: number): boolean;
  /** The result, once every trial is done. */
  result(): SimulationResult;
}

export type StartResult = { readonly ok: true; readonly run: SimulationRun } | { readonly ok: false; readonly message: string };

interface Accumulator {
  values: Float64Array;
  counted: number;
  /** Failed trials by error code, then message. */
  failures: Map<TrialError["code"], Map<string, { trials: number }>>;
  /** The same counts, in the order the trials first gave them (the order of reasons failing as often). */
  reasons: { code: TrialError["code"]; message: string; trials: number }[];
  /** The last error counted and its count: failing trials often fail alike, one after another. */
  lastError: TrialError | undefined;
  lastCount: { trials: number } | undefined;
  failed: number;
  numeric: boolean;
}

/** Starts a simulation of a validated preset; refuses bad settings or a Base outside its range. */
export function startSimulation(preset: Preset, settings: SimulationSettings, model: CompiledModel = compileModel(preset)): StartResult {
  const problem = settingsProblem(settings);
  if (problem !== undefined) return { ok: false, message: problem };
  const ranges = inputRanges(preset);
  if (!ranges.ok) return ranges;
  const samplers: Sampler[] = createSamplers(ranges.varying, settings.seed, settings.distribution);
  const accumulators = new Map<string, Accumulator>(
    model.outputs.map((o) => [o.key, {
        values: new Float64Array(settings.trials),
        counted: 0,
        failures: new Map(),
        reasons: [],
        lastError: undefined,
        lastCount: undefined,
        failed: 0,
        numeric: true,
      }]),
  );
  let done = 0;

  const run: SimulationRun = {
    get trialsDone() {
      return done;
    },
    trials: settings.trials,
    step(count = defaultSliceTrials): boolean {
      const slice = Math.min(count, settings.trials - done);
      if (slice <= 0) return true;
      const columns = drawColumns(samplers, slice);
      const draws = new Map(ranges.varying.map((range, j) => [range.key, columns[j] as Float64Array]));
      const results = model.run({ trials: slice, draws });
      for (const [key, column] of results) {
        const acc = accumulators.get(key) as Accumulator;
        if (column.kind === "constant") {
          const value = column.value;
          if (typeof value === "number") {
            acc.values.fill(value, acc.counted, acc.counted + slice);
            acc.counted += slice;
          } else if (typeof value === "string") {
            acc.numeric = false;
          } else {
            addFailure(acc, value, slice);
          }
          continue;
        }
        const { values, errors } = column;
        if (errors === null) {
          acc.values.set(values, acc.counted);
          acc.counted += slice;
          continue;
        }
        for (let i = 0; i < slice; i++) {
          const error = errors[i];
          if (error === undefined) acc.values[acc.counted++] = values[i] as number;
          else addFailure(acc, error, 1);
        }
      }
      done += slice;
      return done >= settings.trials;
    },
    result(): SimulationResult {
      if (done < settings.trials) throw new Error(`the simulation has run ${done} of ${settings.trials} trials`);
      const counted = (key: string): Float64Array => {
        const acc = accumulators.get(key);
        if (acc === undefined) throw new Error(`no output "${key}" in ${preset.id}`);
        return acc.numeric ? acc.values.subarray(0, acc.counted) : new Float64Array(0);
      };
      const outputs = model.outputs.map((output): SimulatedOutput => {
        const acc = accumulators.get(output.key) as Accumulator;
        const values = counted(output.key);
        const statistics = acc.numeric ? summarize(values) : null;
        return {
          key: output.key,
          label: output.label,
          format: output.format,
          ...(statistics ?? {}),
          countedTrials: values.length,
          failedTrials: acc.failed,
          failures: failureCounts(acc).sort((a, b) => b.trials - a.trials),
          numeric: acc.numeric,
        };
      });
      return {
        id: preset.id,
        title: preset.title,
        settings,
        varying: ranges.varying,
        outputs,
        valuesOf: counted,
        histogramOf: (key, bins) => histogram(counted(key), bins),
      };
    },
  };
  return { ok: true, run };
}

function addFailure(acc: Accumulator, error: TrialError, trials: number): void {
  acc.failed += trials;
  if (error === acc.lastError) {
    (acc.lastCount as { trials: number }).trials += trials;
    return;
  }
  let byMessage = acc.failures.get(error.code);
  if (byMessage === undefined) acc.failures.set(error.code, (byMessage = new Map()));
  let count = byMessage.get(error.message);
  if (count === undefined) {
    const reason = { code: error.code, message: error.message, trials };
    byMessage.set(error.message, reason);
    acc.reasons.push(reason);
    count = reason;
  } else count.trials += trials;
  acc.lastError = error;
  acc.lastCount = count;
}

function failureCounts(acc: Accumulator): FailureCount[] {
  return acc.reasons.map(({ code, message, trials }) => ({ code, message, trials }));
}

/** Runs a whole simulation at once (the command line). */
export function simulate(preset: Preset, settings: SimulationSettings): { ok: true; result: SimulationResult } | { ok: false; message: string } {
  const started = startSimulation(preset, settings);
  if (!started.ok) return started;
  while (!started.run.step(defaultSliceTrials));
  return { ok: true, result: started.run.result() };
}
