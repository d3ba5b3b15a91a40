/*
 * Choices the pane makes before the simulation code is loaded, kept apart from
 * it (and from the price catalog its compiled formulas call).
 */
import type { Preset } from "../presets/types";

/** The output a tornado shows when none is named: the last charted output, else the last output. */
export function defaultTornadoOutput(preset: Preset): string {
  const charted = preset.outputs.filter((o) => o.chart === true);
  return (charted[charted.length - 1] ?? preset.outputs[preset.outputs.length - 1])?.key ?? "";
}
