/*
 * Monte Carlo speed: 100,000 trials of the largest model by the compiled path
 * (src/simulation), side by side with the same draws pushed through a
 * HyperFormula workbook of the model's sheet, recalculated after each trial.
 * Two variants: the model as it ships (only inputs with a Low/High range vary)
 * and the same model with every input given a ±20% range, the worst case.
 * Prints figures beside the targets; asserts nothing.
 * AICOST_BENCH_HF_TRIALS sets how many trials the HyperFormula side runs
 * (default: all 100,000; its time per trial is printed either way).
 */
import { performance } from "node:perf_hooks";
import { createAicostEngine } from "../src/hyperformula/aicostPlugin";
import { planToSheetContent } from "../src/hyperformula/planContent";
import { builtInPresets, parseCellAddress, planSheet, type Preset } from "../src/presets";
import { createSamplers, drawColumns, inputRanges, simulate } from "../src/simulation";

const trials = 100_000;
const compiledTargetS = 0.3;
const speedupTarget = 50;

function largestPreset(): Preset {
  return [...builtInPresets].sort((a, b) => b.inputs.length + b.outputs.length - (a.inputs.length + a.outputs.length))[0] as Preset;
}

function everyInputVaries(preset: Preset): Preset {
  return {
    ...preset,
    inputs: preset.inputs.map((i) => (i.low !== undefined && i.high !== undefined && i.low !== i.high ? i : { ...i, low: i.base * 0.8, high: i.base * 1.2 })),
  };
}

function compiledSeconds(preset: Preset): number {
  simulate(preset, { trials: 1_000, seed: 1, distribution: "triangular" }); // warm up
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const result = simulate(preset, { trials, seed: run + 1, distribution: "triangular" });
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.message);
  }
  samples.sort((a, b) => a - b);
  return (samples[2] as number) / 1000;
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
  const outputCells = preset.outputs.map((o) => cell(plan.keyCells[o.key]?.base as string));
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

export default async function simulationBench(): Promise<void> {
  const hfTrials = Number(process.env.AICOST_BENCH_HF_TRIALS ?? trials);
  const base = largestPreset();
  console.log(`${trials.toLocaleString("en-US")} trials of ${base.id} (${base.inputs.length} inputs, ${base.outputs.length} outputs); targets: compiled < ${compiledTargetS} s, ${speedupTarget}x faster than recalculating`);
  console.log(`${"variant".padEnd(26)} ${"varying".padStart(7)} ${"compiled s".padStart(10)} ${"HyperFormula s".padStart(15)} ${"ms/trial".padStart(9)} ${"speed-up".padStart(9)}  targets`);
  for (const [name, preset] of [
    ["as shipped", base],
    ["every input ±20%", everyInputVaries(base)],
  ] as const) {
    const ranges = inputRanges(preset);
    if (!ranges.ok) throw new Error(ranges.message);
    const compiled = compiledSeconds(preset);
    const perTrial = hyperFormulaSecondsPerTrial(preset, hfTrials);
    const recalculated = perTrial * trials;
    const speedup = recalculated / compiled;
    const verdict = `${compiled < compiledTargetS ? "met" : "MISSED"}, ${speedup >= speedupTarget ? "met" : "MISSED"}`;
    const hfNote = hfTrials === trials ? "" : ` (from ${hfTrials.toLocaleString("en-US")} trials)`;
    console.log(
      `${name.padEnd(26)} ${String(ranges.varying.length).padStart(7)} ${compiled.toFixed(3).padStart(10)} ${recalculated.toFixed(1).padStart(15)} ${(perTrial * 1000).toFixed(3).padStart(9)} ${`${speedup.toFixed(0)}x`.padStart(9)}  ${verdict}${hfNote}`,
    );
  }
}
