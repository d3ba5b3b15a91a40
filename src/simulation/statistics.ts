/*
 * Summary statistics of a simulated output, over the trials that gave a number.
 * Percentiles use Excel's PERCENTILE.INC: rank p × (n − 1) in the sorted values,
 * interpolated linearly between neighbours. The standard deviation is the sample
 * one (Excel's STDEV.S). The order statistics are found by selection
 * (quickselect, Floyd–Rivest), not a full sort: the same values, in a fraction
 * of the time.
 */
import quickselect from "quickselect";

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
    return { mean: min, stdev: 0, min, max, p5: min, p10: min, p50: min, p90: min, p95: min, probabilityPositive: min > 0 ? 1 : 0 };
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
  const [p5, p10, p50, p90, p95] = percentilesInc(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as [number, number, number, number, number];
  return { mean, stdev, min, max, p5, p10, p50, p90, p95, probabilityPositive: positive / n };
}

/** lower + f × (upper − lower), without overflow where the difference is beyond the largest number. */
function between(lower: number, upper: number, f: number): number {
  const difference = upper - lower;
  return Number.isFinite(difference) ? lower + f * difference : lower * (1 - f) + upper * f;
}

const ascending = (a: number, b: number): number => a - b;

/**
 * PERCENTILE.INC of unsorted values at several p (each 0 to 1), by selection on
 * a copy: the middle rank is selected first, then the ranks below it on the
 * part left of it and the ranks above on the part right of it, and so on; the
 * value just above a rank (for interpolation) is the least of the values
 * between that rank and the next selected one.
 */
export function percentilesInc(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const copy = Float64Array.from(values);
  const ranks = [...new Set(ps.map((p) => Math.floor(p * (n - 1))))].sort((a, b) => a - b);
  const selectAll = (lo: number, hi: number, from: number, to: number): void => {
    if (from > to || lo > hi) return;
    const middle = (from + to) >> 1;
    const rank = ranks[middle] as number;
    quickselect(copy as unknown as number[], rank, lo, hi, ascending);
    selectAll(lo, rank - 1, from, middle - 1);
    selectAll(rank + 1, hi, middle + 1, to);
  };
  selectAll(0, n - 1, 0, ranks.length - 1);
  return ps.map((p) => {
    const rank = p * (n - 1);
    const below = Math.floor(rank);
    const lower = copy[below] as number;
    if (rank === below || below + 1 >= n) return lower;
    const next = ranks.find((r) => r > below) ?? n - 1;
    let upper = Infinity;
    for (let i = below + 1; i <= next; i++) if ((copy[i] as number) < upper) upper = copy[i] as number;
    return between(lower, upper, rank - below);
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
    const bin = Math.min(binCount - 1, Math.floor(overflows ? (v / binCount - min / binCount) / width : (v - min) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ from: min + i * width, to: i === binCount - 1 ? max : min + (i + 1) * width, count }));
}
