/*
 * Types for the two sampling algorithms the simulation takes from stdlib
 * without their factories (which bring argument checking, seeding and state
 * for a generator of their own: about 120 KB the simulation does not need).
 */
declare module "@stdlib/random-base-beta/lib/beta.js" {
  /** A beta(alpha, beta) draw from uniform draws in [0, 1) and standard normal draws. */
  function sample(randu: () => number, randn: () => number, alpha: number, beta: number): number;
  export = sample;
}

declare module "@stdlib/random-base-improved-ziggurat/lib/improved_ziggurat.js" {
  /** A standard normal sampler (improved ziggurat) from uniform draws in [0, 1) and 32-bit integer draws. */
  function wrap(randu: () => number, randi: () => number): () => number;
  export = wrap;
}
