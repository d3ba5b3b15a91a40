/*
 * How long planning takes: planSheet for each built-in preset, median over many
 * runs, in milliseconds, beside the target of under 1 ms per preset. Also the
 * time to validate each preset and to evaluate its plan in HyperFormula.
 * Prints figures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { evaluatePlan } from "../src/hyperformula/evaluatePlan";
import { builtInPresets, parsePreset, planSheet } from "../src/presets";
import { largestTimelinePreset } from "../tests/fixtures/largestTimeline";

const planRuns = 2_000;
const parseRuns = 500;
const evaluateRuns = 20;
const planTargetMs = 1;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function timeMedianMs(runs: number, work: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export default async function presetsBench(): Promise<void> {
  console.log(
    `planSheet, median of ${planRuns} runs (target < ${planTargetMs} ms per preset); parsePreset, median of ${parseRuns}; evaluatePlan, median of ${evaluateRuns}`,
  );
  console.log(
    `${"preset".padEnd(20)} ${"cells".padStart(6)} ${"plan ms".padStart(9)} ${"parse ms".padStart(9)} ${"evaluate ms".padStart(12)}  target`,
  );
  // The built-ins, then the largest timeline a preset file may hold (50 years, 100 rows, 20 summaries).
  for (const preset of [...builtInPresets, largestTimelinePreset()]) {
    const plan = planSheet(preset);
    const planMs = timeMedianMs(planRuns, () => planSheet(preset));
    const parseMs = timeMedianMs(parseRuns, () => parsePreset(preset));
    const evaluateMs = timeMedianMs(evaluateRuns, () => evaluatePlan(plan));
    const verdict = planMs < planTargetMs ? "met" : "MISSED";
    console.log(
      `${preset.id.padEnd(20)} ${String(plan.cells.length).padStart(6)} ${planMs.toFixed(4).padStart(9)} ${parseMs.toFixed(4).padStart(9)} ${evaluateMs.toFixed(2).padStart(12)}  ${verdict}`,
    );
  }
}
