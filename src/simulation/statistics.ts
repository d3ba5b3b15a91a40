/*
 * Summary statistics of a simulated output, over the trials that gave a number.
 * Percentiles use Excel's PERCENTILE.INC: rank p × (n − 1) in the sorted values,
 * interpolated linearly between neighbours. The standard deviation is the sample
 * one (Excel's STDEV.S). The order statistics are found without sorting every
 * value: the values are counted into equal-width buckets from the least to the
 * greatest, and only the few buckets that hold the wanted ranks are sorted. The
 * same values as a full sort, in a fraction of the time.
 */

export interface OutputStatistics {
  readonly mean: number;
  readonly stdev: number;
  readonly min: number;
  readonly max: number;
  readonly p5: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  /** Share of the counted trials whose value is above zero, 0..1. */
  readonly probabilityPositive: number;
}

/** PERCENTILE.INC over values sorted ascending; p from 0 to 1. */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = p * (n - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  if (below + 1 >= n) return lower;
  const upper = sorted[below + 1] as number;
  return between(lower, upper, rank - below);
}

/** Statistics of the values (unsorted; not changed). Null when there are none. */
export function summarize(values: Float64Array): OutputStatistics | null {
  const n = values.length;
  if (n === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // An output no draw moves (most outputs of a model with few ranges): every statistic is that value.
  if (min === max) {
    return {
      mean: min,
      stdev: 0,
      min,
      max,
      p5: min,
      p10: min,
      p50: min,
      p90: min,
      p95: min,
      probabilityPositive: min > 0 ? 1 : 0,
    };
  }
  let sum = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    sum += v;
    if (v > 0) positive++;
  }
  let mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  let stdev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  if (!Number.isFinite(mean) || !Number.isFinite(stdev)) {
    // Values near the limit of a number (a present value at a rate near -100%): their sum or their
    // squares overflow, though the mean and spread do not. The same sums over the values scaled to at
    // most 1, scaled back.
    const scale = Math.max(Math.abs(min), Math.abs(max));
    let scaledSum = 0;
    for (let i = 0; i < n; i++) scaledSum += (values[i] as number) / scale;
    const scaledMean = scaledSum / n;
    let scaledSquares = 0;
    for (let i = 0; i < n; i++) {
      const d = (values[i] as number) / scale - scaledMean;
      scaledSquares += d * d;
    }
    mean = scaledMean * scale;
    stdev = n > 1 ? Math.sqrt(scaledSquares / (n - 1)) * scale : 0;
  }
  const [p5, p10, p50, p90, p95] = percentilesInc(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean, stdev, min, max, p5, p10, p50, p90, p95, probabilityPositive: positive / n };
}

/** lower + f × (upper − lower), without overflow where the difference is beyond the largest number. */
function between(lower: number, upper: number, f: number): number {
  const difference = upper - lower;
  return Number.isFinite(difference) ? lower + f * difference : lower * (1 - f) + upper * f;
}

/** Buckets for the order statistics: enough that the few sorted ones are small, few enough to count in cache. */
const selectionBuckets = 1024;
/** Values this few are sorted outright. */
const sortedOutright = 512;

/**
 * The values of the given ranks (0 for the least) in the values' ascending order,
 * without sorting them all. Bucket k holds the values v with
 * ⌊(v − least) × scale⌋ = k, which rises with v, so the buckets are in the
 * values' order: the value of rank r is in the bucket where the running count
 * passes r, at r less the count before it. A bucket that still holds many values
 * (a cluster, or an outlier that stretches the spread) is split again the same
 * way; few values are sorted. Values whose spread is beyond the largest number,
 * or too small for a finite scale, are sorted.
 */
function valuesOfRanks(values: Float64Array, ranks: readonly number[], depth: number): number[] {
  const n = values.length;
  let least = Infinity;
  let greatest = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < least) least = v;
    if (v > greatest) greatest = v;
  }
  if (least === greatest) return ranks.map(() => least);
  const spread = greatest - least;
  // A spread beyond the largest number, or below 1024 / the largest number (values near 1e-306 and
  // below, where 1024 / spread is infinite), has no finite scale: such values are sorted.
  const scale = selectionBuckets / spread;
  if (n <= sortedOutright || depth > 4 || !Number.isFinite(spread) || !Number.isFinite(scale)) {
    const sorted = Float64Array.from(values).sort();
    return ranks.map((rank) => sorted[rank] as number);
  }
  const last = selectionBuckets - 1;
  // The bucket of each value, once; the greatest value goes in the last bucket.
  const bucketOfValue = new Uint16Array(n);
  const counts = new Uint32Array(selectionBuckets);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(((values[i] as number) - least) * scale);
    const bucket = k > last ? last : k;
    bucketOfValue[i] = bucket;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  const starts = new Uint32Array(selectionBuckets + 1);
  for (let k = 0; k < selectionBuckets; k++) starts[k + 1] = (starts[k] as number) + (counts[k] as number);
  const bucketOfRank = (rank: number): number => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid + 1] as number) > rank) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // Each bucket holding a wanted rank gets a slot, where its values are gathered.
  const slotOf = new Int32Array(selectionBuckets).fill(-1);
  const slots: { bucket: number; values: Float64Array; ranks: number[] }[] = [];
  const slotOfRank = ranks.map((rank) => {
    const k = bucketOfRank(rank);
    if (slotOf[k] === -1) {
      slotOf[k] = slots.length;
      slots.push({ bucket: k, values: new Float64Array(counts[k] as number), ranks: [] });
    }
    const slot = slotOf[k] as number;
    (slots[slot] as { ranks: number[] }).ranks.push(rank - (starts[k] as number));
    return slot;
  });
  const filled = new Uint32Array(slots.length);
  for (let i = 0; i < n; i++) {
    const slot = slotOf[bucketOfValue[i] as number] as number;
    if (slot >= 0) (slots[slot] as { values: Float64Array }).values[(filled[slot] as number)++] = values[i] as number;
  }
  const found = slots.map((slot) => valuesOfRanks(slot.values, slot.ranks, depth + 1));
  const taken = new Uint32Array(slots.length);
  return slotOfRank.map((slot) => (found[slot] as number[])[(taken[slot] as number)++] as number);
}

/** PERCENTILE.INC of unsorted values (not changed) at several p (each 0 to 1). */
export function percentilesInc(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const ranks = [
    ...new Set(
      ps.flatMap((p) => {
        const below = Math.floor(p * (n - 1));
        return below + 1 < n ? [below, below + 1] : [below];
      }),
    ),
  ].sort((a, b) => a - b);
  const found = valuesOfRanks(values, ranks, 0);
  const valueOfRank = (rank: number): number => found[ranks.indexOf(rank)] as number;
  return ps.map((p) => {
    const rank = p * (n - 1);
    const below = Math.floor(rank);
    const lower = valueOfRank(below);
    if (rank === below || below + 1 >= n) return lower;
    return between(lower, valueOfRank(below + 1), rank - below);
  });
}

export interface HistogramBin {
  /** Lower edge (inclusive) and upper edge (exclusive, but the last bin includes the maximum). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Equal-width bins from the minimum to the maximum of the values. */
export function histogram(values: Float64Array, binCount = 20): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: values.length }];
  // Edges from values near the limit of a number: the range (max − min) itself may overflow, its share per bin does not.
  const overflows = !Number.isFinite(max - min);
  const width = overflows ? max / binCount - min / binCount : (max - min) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (const v of values) {
    const bin = Math.min(
      binCount - 1,
      Math.floor(overflows ? (v / binCount - min / binCount) / width : (v - min) / width),
    );
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((count, i) => ({
    from: min + i * width,
    to: i === binCount - 1 ? max : min + (i + 1) * width,
    count,
  }));
}
