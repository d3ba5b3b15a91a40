import type { Preset, PresetInput, PresetOutput } from "../../src/presets";
import { parsePreset } from "../../src/presets";

/** A small valid preset with the given inputs and outputs, checked by the same validator as every file. */
export function presetWith(inputs: readonly Partial<PresetInput>[], outputs: readonly Partial<PresetOutput>[], id = "test-model"): Preset {
  const candidate = {
    version: 1,
    id,
    title: "Test model",
    summary: "A model for the simulation tests.",
    asOf: "2026-11-29",
    sources: [{ id: "s", title: "Test source", publisher: "Test", date: "2026-11-29" }],
    inputs: inputs.map((input, i) => ({ key: `x${i}`, label: `Input ${i}`, unit: "USD", format: "usd", base: 0, source: "s", ...input })),
    outputs: outputs.map((output, i) => ({ key: `y${i}`, label: `Output ${i}`, unit: "USD", format: "usd", formula: "0", ...output })),
  };
  const parsed = parsePreset(candidate);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("; "));
  return parsed.value;
}
