/*
 * Seeded draws for the simulation. The random numbers come from pure-rand's
 * xoroshiro128+ (a value passed around, never a global): input j draws from the
 * seed's generator jumped j + 1 times, so each input has a stream of its own and
 * the draws do not depend on how a run is sliced. PERT draws use d3-random's
 * beta sampler fed by that stream; triangular draws invert the triangular CDF.
 */
import { randomBeta } from "d3-random";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { InputRange } from "./ranges";

export type DistributionName = "triangular" | "pert";
export const distributionNames: readonly DistributionName[] = ["triangular", "pert"];

/** Seeds are whole numbers from 0 to 2^32 − 1. */
export const maxSeed = 4_294_967_295;

/** A source of draws for one input: call it for the next value. */
export type Sampler = () => number;

/**
 * The triangular distribution's quantile function (inverse CDF) for
 * minimum a, mode c, maximum b, at probability u in [0, 1).
 */
export function triangularQuantile(a: number, c: number, b: number, u: number): number {
  const width = b - a;
  if (width === 0) return a;
  const split = (c - a) / width;
  return u < split ? a + Math.sqrt(u * width * (c - a)) : b - Math.sqrt((1 - u) * width * (b - c));
}

/** PERT's beta shape parameters (the classic weight of 4 on the mode). */
export function pertShape(a: number, c: number, b: number): { alpha: number; beta: number } {
  const width = b - a;
  return { alpha: 1 + (4 * (c - a)) / width, beta: 1 + (4 * (b - c)) / width };
}

/** One seeded sampler per varying input, in the order given. */
export function createSamplers(ranges: readonly InputRange[], seed: number, distribution: DistributionName): Sampler[] {
  const root = xoroshiro128plus(seed);
  return ranges.map((range) => {
    root.jump();
    const stream = root.clone();
    const uniform = (): number => uniformFloat64(stream);
    const { min: a, mode: c, max: b } = range;
    if (distribution === "triangular") return () => triangularQuantile(a, c, b, uniform());
    const { alpha, beta } = pertShape(a, c, b);
    const draw = randomBeta.source(uniform)(alpha, beta);
    return () => a + draw() * (b - a);
  });
}

/** Fills one column of `count` draws per sampler. */
export function drawColumns(samplers: readonly Sampler[], count: number): Float64Array[] {
  return samplers.map((sample) => {
    const column = new Float64Array(count);
    for (let i = 0; i < count; i++) column[i] = sample();
    return column;
  });
}
