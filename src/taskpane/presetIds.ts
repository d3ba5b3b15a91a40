/**
 * Ids and names for the user's presets: an id made from the name the user
 * types, and where a new preset goes among the ones that exist. A user preset
 * never takes a built-in preset's id (it gets a new one), and never replaces
 * another user preset without asking (a taken id or name is a conflict the
 * pane asks about). Pure.
 */
import { presetKeyMaxLength, presetTextMaxLength } from "../presets/schema";
import type { Preset } from "../presets/types";

/** The longest id made from a name; far below the limit of a preset file's ids. */
const idMaxLength = Math.min(60, presetKeyMaxLength);

/**
 * A kebab-case id from a name: accents dropped, anything but letters and
 * digits a hyphen, "preset" before a name that starts with a digit or has no
 * letter or digit at all.
 *
 * @example presetIdFromName("Meta 2026 — fewer cuts") //=> "meta-2026-fewer-cuts"
 */
export function presetIdFromName(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const id = plain === "" ? "preset" : /^[0-9]/.test(plain) ? `preset-${plain}` : plain;
  return id.slice(0, idMaxLength).replace(/-+$/, "");
}

/** `id`, or "id-2", "id-3", ... : the first not taken. */
export function freePresetId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, idMaxLength - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const titleKey = (title: string): string => title.trim().toLowerCase();

/** `title`, or "title (2)", "title (3)", ... : the first that no preset in the list has (ignoring case). */
export function freeTitle(title: string, presets: readonly Preset[]): string {
  const taken = new Set(presets.map((p) => titleKey(p.title)));
  if (!taken.has(titleKey(title))) return title;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${title.slice(0, presetTextMaxLength - suffix.length)}${suffix}`;
    if (!taken.has(titleKey(candidate))) return candidate;
  }
}

export interface Placement {
  /** The preset to store: the candidate, with a new id if its id is a built-in one. */
  readonly preset: Preset;
  /** A user preset with the same id or the same name: the user decides between replacing it and keeping both. */
  readonly conflict?: Preset;
}

/** Where a new user preset goes. */
export function placePreset(candidate: Preset, userPresets: readonly Preset[], builtIns: readonly Preset[]): Placement {
  const builtInIds = new Set(builtIns.map((p) => p.id));
  const allIds = new Set([...builtInIds, ...userPresets.map((p) => p.id)]);
  const preset = builtInIds.has(candidate.id) ? { ...candidate, id: freePresetId(candidate.id, allIds) } : candidate;
  const conflict =
    userPresets.find((p) => p.id === preset.id) ?? userPresets.find((p) => titleKey(p.title) === titleKey(preset.title));
  return conflict === undefined ? { preset } : { preset, conflict };
}

/** The candidate, made to replace `existing`: it takes the existing preset's id. */
export function asReplacement(candidate: Preset, existing: Preset): Preset {
  return { ...candidate, id: existing.id };
}

/** The candidate, made to sit beside every preset there is: a free id and a free name. */
export function asCopy(candidate: Preset, userPresets: readonly Preset[], builtIns: readonly Preset[]): Preset {
  const taken = new Set([...builtIns, ...userPresets].map((p) => p.id));
  return { ...candidate, id: freePresetId(candidate.id, taken), title: freeTitle(candidate.title, userPresets) };
}
