import { builtInPresetData } from "./builtins";
import { parsePreset } from "./schema";
import type { Preset } from "./types";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates presets written as data; throws on the first malformed one, naming
 * the preset and every issue, so a bad built-in fails at load, not on a sheet.
 */
export function validatePresets(data: readonly unknown[]): readonly Preset[] {
  const presets: Preset[] = [];
  data.forEach((raw, index) => {
    const result = parsePreset(raw);
    if (!result.ok) {
      const id = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : `#${index}`;
      throw new Error(`built-in preset "${id}" is malformed:\n  ${result.issues.map((i) => i.message).join("\n  ")}`);
    }
    const clash = presets.find((p) => p.id === result.value.id);
    if (clash !== undefined) throw new Error(`built-in preset id "${clash.id}" is used twice`);
    presets.push(deepFreeze(result.value));
  });
  return Object.freeze(presets);
}

/** Every built-in preset, validated when this module loads. */
export const builtInPresets: readonly Preset[] = validatePresets(builtInPresetData);

/** The built-in preset with this id (any case, surrounding spaces ignored), or undefined. */
export function findPreset(id: string): Preset | undefined {
  const wanted = id.trim().toLowerCase();
  return builtInPresets.find((preset) => preset.id === wanted);
}
