/*
 * Seeded draws for the simulation. The random numbers come from pure-rand's
 * xoroshiro128+ (a value passed around, never a global): input j draws from the
 * seed's generator jumped j + 1 times, so each input has a stream of its own and
 * the draws do not depend on how a run is sliced. Triangular draws invert the
 * triangular CDF (arithmetic and a square root, exact in every JavaScript engine).
 * PERT draws use stdlib's beta sampling algorithm (@stdlib/random-base-beta)
 * with its improved-ziggurat normal draws (@stdlib/random-base-improved-ziggurat),
 * both fed by that stream: their logarithms, exponentials and powers are
 * stdlib's own, written in JavaScript, so a draw is the same to the last bit in
 * Node and in a browser (Math.log and Math.pow are not: engines differ in the
 * last bit for some arguments).
 */
import betaSample from "@stdlib/random-base-beta/lib/beta.js";
import improvedZiggurat from "@stdlib/random-base-improved-ziggurat/lib/improved_ziggurat.js";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { InputRange } from "./ranges";

export type DistributionName = "triangular" | "pert";
export const distributionNames: readonly DistributionName[] = ["triangular", "pert"];

/** Seeds are whole numbers from 0 to 2^32 − 1. */
export const maxSeed = 4_294_967_295;

/** A source of draws for one input: call it for the next value, or fill a column with the next values. */
export interface Sampler {
  (): number;
  fill(column: Float64Array): void;
}

/** pure-rand's draw of a float in [0, 1), bound once for the loops below. */
const uniform01 = uniformFloat64;

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
    const uniform = (): number => uniform01(stream);
    const { min: a, mode: c, max: b } = range;
    let next: () => number;
    let fill: (column: Float64Array) => void;
    if (distribution === "triangular") {
      next = () => triangularQuantile(a, c, b, uniform01(stream));
      fill = (column) => {
        for (let i = 0; i < column.length; i++) column[i] = triangularQuantile(a, c, b, uniform01(stream));
      };
    } else {
      const { alpha, beta } = pertShape(a, c, b);
      const normal = improvedZiggurat(uniform, () => stream.next());
      const draw = (): number => betaSample(uniform, normal, alpha, beta);
      next = () => a + draw() * (b - a);
      fill = (column) => {
        for (let i = 0; i < column.length; i++) column[i] = a + draw() * (b - a);
      };
    }
    return Object.assign(next, { fill });
  });
}

/** Fills one column of `count` draws per sampler. */
export function drawColumns(samplers: readonly Sampler[], count: number): Float64Array[] {
  return samplers.map((sampler) => {
    const column = new Float64Array(count);
    sampler.fill(column);
    return column;
  });
}
