/*
 * One simulation in a fresh process, as `aicost simulate` runs it: the first
 * 100,000 trials of a model, before the JavaScript engine has seen the code
 * run. Run by simulation.bench.ts:
 *   node --import tsx bench/simulationFirstRun.ts <preset id> [wide]
 * prints the seconds of that first run. `wide` gives every input without a
 * range one of ±20% first (the bench's worst case).
 */
import { performance } from "node:perf_hooks";
import { builtInPresets, type Preset } from "../src/presets";
import { simulate } from "../src/simulation";

/** The preset with every input that has no Low–High range given one of ±20% around Base. */
export function everyInputVaries(preset: Preset): Preset {
  return {
    ...preset,
    inputs: preset.inputs.map((i) =>
      i.low !== undefined && i.high !== undefined && i.low !== i.high ? i : { ...i, low: i.base * 0.8, high: i.base * 1.2 },
    ),
  };
}

function main(): void {
  const [id, variant] = process.argv.slice(2);
  const preset = builtInPresets.find((p) => p.id === id);
  if (preset === undefined) throw new Error(`no built-in preset ${String(id)}`);
  const model = variant === "wide" ? everyInputVaries(preset) : preset;
  const started = performance.now();
  const result = simulate(model, { trials: 100_000, seed: 1, distribution: "triangular" });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.message);
  console.log(seconds.toFixed(4));
}

if (process.argv[1]?.endsWith("simulationFirstRun.ts")) main();
