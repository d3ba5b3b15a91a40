/*
 * Which inputs of a model vary, and over what range. An input varies when its
 * Low and High differ; its range runs from the smaller to the larger of the two
 * (a derived input's Low may be its larger value), with Base as the most likely
 * value. An input without a Low or High repeats Base there and stays fixed.
 */
import type { Preset, PresetInput } from "../presets/types";

export interface InputRange {
  readonly key: string;
  readonly label: string;
  /** The input's Low and High values as the sheet holds them (Base where the sheet repeats it). */
  readonly low: number;
  readonly high: number;
  /** The triangle's minimum, mode and maximum. */
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

export type RangesResult =
  | { readonly ok: true; readonly varying: readonly InputRange[]; readonly fixed: readonly PresetInput[] }
  | { readonly ok: false; readonly message: string };

export function inputRanges(preset: Preset): RangesResult {
  const varying: InputRange[] = [];
  const fixed: PresetInput[] = [];
  for (const input of preset.inputs) {
    const low = input.low ?? input.base;
    const high = input.high ?? input.base;
    const min = Math.min(low, high);
    const max = Math.max(low, high);
    if (min === max && min === input.base) {
      fixed.push(input);
      continue;
    }
    if (input.base < min || input.base > max) {
      return {
        ok: false,
        message: `${input.label} (${input.key}): its Base, ${input.base}, lies outside its range from ${min} to ${max}; make Base a value between Low and High`,
      };
    }
    varying.push({ key: input.key, label: input.label, low, high, min, mode: input.base, max });
  }
  return { ok: true, varying, fixed };
}
