/*
 * Monte Carlo speed: 100,000 trials of the largest model by the compiled path
 * (src/simulation), side by side with the same draws pushed through a
 * HyperFormula workbook of the model's sheet, recalculated after each trial.
 * Two variants: the model as it ships (only inputs with a Low/High range vary)
 * and the same model with every input given a ±20% range, the worst case.
 * The compiled path is timed three ways: its first run in a fresh process
 * ("first run", as `aicost simulate` runs it, before the engine has optimised
 * anything), warm in this process (median of five), and, for a model as
 * shipped, what 100,000 trials add to the `aicost simulate` command itself
 * ("CLI"). The target is judged on the slowest of them.
 * Prints figures beside the targets; asserts nothing.
 * Then the same for the timeline models (cash flows over years, their NPV, IRR,
 * payback and ROI), largest first: there the HyperFormula side recalculates the
 * whole timeline per trial, so it runs a sample of trials and is extrapolated.
 * AICOST_BENCH_HF_TRIALS sets how many trials the HyperFormula side runs
 * (default: all 100,000 for the one-year model, 10,000 for a timeline model;
 * its time per trial is printed either way).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createAicostEngine } from "../src/hyperformula/aicostPlugin";
import { planToSheetContent } from "../src/hyperformula/planContent";
import { builtInPresets, parseCellAddress, planSheet, type Preset } from "../src/presets";
import { createSamplers, drawColumns, inputRanges, modelOutputs, simulate } from "../src/simulation";
import { everyInputVaries } from "./simulationFirstRun";

const trials = 100_000;
const timelineHfTrials = 10_000;
const compiledTargetS = 0.3;
const speedupTarget = 50;

function largestPreset(): Preset {
  return [...builtInPresets].sort((a, b) => b.inputs.length + b.outputs.length - (a.inputs.length + a.outputs.length))[0] as Preset;
}

const repoRoot = resolve(__dirname, "..");

/** Seconds of a simulation's first run in a fresh process (simulationFirstRun.ts), the median of three processes. */
function firstRunSeconds(id: string, wide: boolean): number {
  const runs = [0, 1, 2].map(() => {
    const child = spawnSync(process.execPath, ["--import", "tsx", "bench/simulationFirstRun.ts", id, ...(wide ? ["wide"] : [])], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`simulationFirstRun ${id}: ${child.stderr}`);
    return Number(child.stdout.trim());
  });
  return runs.sort((a, b) => a - b)[1] as number;
}

/**
 * What 100,000 trials add to `aicost simulate <id>` on the command line: the
 * wall time of `--trials 100000` less that of `--trials 100` (start-up, reading
 * the model, printing), each the median of three runs.
 */
function commandLineSeconds(id: string): number {
  const wall = (trialCount: number): number => {
    const runs = [0, 1, 2].map(() => {
      const started = performance.now();
      const child = spawnSync(process.execPath, ["bin/aicost.cjs", "simulate", id, "--trials", String(trialCount), "--seed", "1"], {
        cwd: repoRoot,
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`aicost simulate ${id}: ${child.stderr}`);
      return performance.now() - started;
    });
    return runs.sort((a, b) => a - b)[1] as number;
  };
  return (wall(100_000) - wall(100)) / 1000;
}

/** Median wall-clock and CPU seconds of five runs (the CPU time is the process's, GC threads included: on a busy machine it stays near the unloaded wall time). */
function compiledSeconds(preset: Preset): { wall: number; cpu: number } {
  simulate(preset, { trials: 1_000, seed: 1, distribution: "triangular" }); // warm up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = simulate(preset, { trials, seed: run + 1, distribution: "triangular" });
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    if (!result.ok) throw new Error(result.message);
  }
  const median = (samples: number[]): number => (samples.sort((a, b) => a - b)[2] as number) / 1000;
  return { wall: median(wall), cpu: median(cpu) };
}

function hyperFormulaSecondsPerTrial(preset: Preset, count: number): number {
  const plan = planSheet(preset);
  const engine = createAicostEngine({ [plan.sheetName]: planToSheetContent(plan) });
  const cell = (address: string) => {
    const p = parseCellAddress(address);
    if (p === undefined) throw new Error(address);
    return { sheet: 0, row: p.row, col: p.column };
  };
  const ranges = inputRanges(preset);
  if (!ranges.ok) throw new Error(ranges.message);
  const inputCells = ranges.varying.map((r) => cell(plan.keyCells[r.key]?.base as string));
  const outputCells = modelOutputs(preset).map((o) => {
    if (o.timeline === undefined) return cell(plan.keyCells[o.key]?.base as string);
    return cell(plan.timeline?.summaries[o.timeline.summary]?.measures[o.timeline.measure]?.base as string);
  });
  const columns = drawColumns(createSamplers(ranges.varying, 1, "triangular"), count);
  let checksum = 0;
  const started = performance.now();
  for (let t = 0; t < count; t++) {
    engine.batch(() => inputCells.forEach((address, j) => engine.setCellContents(address, (columns[j] as Float64Array)[t] as number)));
    for (const address of outputCells) {
      const value = engine.getCellValue(address);
      if (typeof value === "number") checksum += value;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  engine.destroy();
  if (Number.isNaN(checksum)) console.log("(checksum NaN)");
  return seconds / count;
}

/** A timeline's size: the cells of its rows and its summary measures. */
function timelineCells(preset: Preset): number {
  const timeline = preset.timeline;
  if (timeline === undefined) return 0;
  return timeline.rows.length * (timeline.years + 1) + timeline.summaries.reduce((n, s) => n + s.measures.length, 0);
}

export default async function simulationBench(): Promise<void> {
  const hfTrials = Number(process.env.AICOST_BENCH_HF_TRIALS ?? trials);
  const base = largestPreset();
  console.log(`${trials.toLocaleString("en-US")} trials of ${base.id} (${base.inputs.length} inputs, ${base.outputs.length} outputs); targets: compiled < ${compiledTargetS} s (first run, warm and CLI alike), ${speedupTarget}x faster than recalculating (warm)`);
  printHeader();
  await variants([
    ["as shipped", base, false],
    ["every input ±20%", base, true],
  ], hfTrials);

  const timelines = builtInPresets.filter((p) => p.timeline !== undefined).sort((a, b) => timelineCells(b) - timelineCells(a));
  const timelineTrials = Number(process.env.AICOST_BENCH_HF_TRIALS ?? timelineHfTrials);
  console.log(`\nTimeline models, largest first (${timelines.map((p) => `${p.id}: ${timelineCells(p)} cells, ${modelOutputs(p).length - p.outputs.length} summary measures`).join("; ")})`);
  printHeader();
  await variants(
    timelines.flatMap((p) => [
      [`${p.id} as shipped`, p, false],
      [`${p.id} every input ±20%`, p, true],
    ] as const),
    timelineTrials,
  );
}

function printHeader(): void {
  console.log(
    `${"variant".padEnd(36)} ${"varying".padStart(7)} ${"first run s".padStart(11)} ${"warm s".padStart(6)} ${"CPU s".padStart(6)} ${"CLI s".padStart(6)} ${"HyperFormula s".padStart(15)} ${"ms/trial".padStart(9)} ${"speed-up".padStart(9)}  targets`,
  );
}

/**
 * Each variant: the first run in a fresh process (what `aicost simulate` does,
 * judged against the target), the median of five warm runs in this process,
 * for a model as shipped what 100,000 trials add to `aicost simulate` itself,
 * and HyperFormula's time for the same trials (the speed-up is warm against warm).
 */
async function variants(list: readonly (readonly [string, Preset, boolean])[], hfTrials: number): Promise<void> {
  for (const [name, shipped, wide] of list) {
    const preset = wide ? everyInputVaries(shipped) : shipped;
    const ranges = inputRanges(preset);
    if (!ranges.ok) throw new Error(ranges.message);
    const first = firstRunSeconds(shipped.id, wide);
    const { wall: compiled, cpu } = compiledSeconds(preset);
    const cli = wide ? undefined : commandLineSeconds(shipped.id);
    const perTrial = hyperFormulaSecondsPerTrial(preset, hfTrials);
    const recalculated = perTrial * trials;
    const speedup = recalculated / compiled;
    const slowest = Math.max(first, compiled, cli ?? 0);
    const verdict = `${slowest < compiledTargetS ? "met" : "MISSED"}, ${speedup >= speedupTarget ? "met" : "MISSED"}`;
    const hfNote = hfTrials === trials ? "" : ` (from ${hfTrials.toLocaleString("en-US")} trials)`;
    console.log(
      `${name.padEnd(36)} ${String(ranges.varying.length).padStart(7)} ${first.toFixed(3).padStart(11)} ${compiled.toFixed(3).padStart(6)} ${cpu.toFixed(3).padStart(6)} ${(cli === undefined ? "-" : cli.toFixed(3)).padStart(6)} ${recalculated.toFixed(1).padStart(15)} ${(perTrial * 1000).toFixed(3).padStart(9)} ${`${speedup.toFixed(0)}x`.padStart(9)}  ${verdict}${hfNote}`,
    );
  }
}
