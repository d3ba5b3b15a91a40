/**
 * Reading a genai-prices catalog (its providers and models, passed in as data):
 * the closest model ids to a mistyped one, the providers' ids, the newest dated
 * price. Pure: the data comes from the caller (the bundled catalog or a file).
 */
import type { ModelInfo, Provider } from "@pydantic/genai-prices";

/** Levenshtein distance, with a cap: returns `cap + 1` as soon as the distance must exceed it. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Model ids of the catalog (of one provider when `providerId` is given), each once, in catalog order. */
export function catalogModelIds(providers: readonly Provider[], providerId?: string): string[] {
  const wanted = providerId?.trim().toLowerCase();
  const ids = new Set<string>();
  for (const provider of providers) {
    if (wanted !== undefined && provider.id !== wanted) continue;
    for (const model of provider.models) ids.add(model.id);
  }
  return [...ids];
}

/**
 * The catalog's model ids closest to `text` (case ignored): ids that contain it
 * or that it contains first, then by edit distance; at most `count`.
 */
const closestMemo = new WeakMap<readonly Provider[], Map<string, string[]>>();
/** Distinct texts remembered per catalog: the same cells ask again on every recalculation. */
const closestMemoSize = 2000;

export function closestModelIds(providers: readonly Provider[], text: string, count = 5, providerId?: string): string[] {
  let memo = closestMemo.get(providers);
  if (memo === undefined) {
    memo = new Map();
    closestMemo.set(providers, memo);
  }
  const key = `${count}\u0000${providerId ?? ""}\u0000${text}`;
  const known = memo.get(key);
  if (known !== undefined) return [...known];
  const found = computeClosestModelIds(providers, text, count, providerId);
  if (memo.size >= closestMemoSize) memo.clear();
  memo.set(key, found);
  return [...found];
}

function computeClosestModelIds(providers: readonly Provider[], text: string, count: number, providerId?: string): string[] {
  const wanted = text.trim().toLowerCase();
  const cap = Math.max(3, Math.ceil(wanted.length / 2));
  const scored: { id: string; score: number }[] = [];
  for (const id of catalogModelIds(providers, providerId)) {
    const lower = id.toLowerCase();
    const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    const distance = editDistance(wanted, lower, cap);
    if (!contains && distance > cap) continue;
    scored.push({ id, score: (contains ? 0 : 1000) + distance });
  }
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, count).map((s) => s.id);
}

/** The provider with this id, if the catalog lists one. */
export function findCatalogProvider(providers: readonly Provider[], providerId: string): Provider | undefined {
  const wanted = providerId.trim().toLowerCase();
  return providers.find((p) => p.id === wanted);
}

/** Every dated price's start date (YYYY-MM-DD) in a model's prices. */
export function startDates(model: ModelInfo): string[] {
  if (!Array.isArray(model.prices)) return [];
  const dates: string[] = [];
  for (const conditional of model.prices) {
    if (conditional.constraint?.type === "start_date") dates.push(conditional.constraint.start_date);
  }
  return dates;
}

/**
 * The newest start date of any dated price in the catalog (YYYY-MM-DD), or null
 * when it has none: the date of the latest price change the data records (it
 * may be in the future, for a change already announced).
 */
export function latestPriceStartDate(providers: readonly Provider[]): string | null {
  let latest: string | null = null;
  for (const provider of providers) {
    for (const model of provider.models) {
      for (const date of startDates(model)) if (latest === null || date > latest) latest = date;
    }
  }
  return latest;
}
