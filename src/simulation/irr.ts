/*
 * Excel's IRR for the compiled timeline, trial by trial. The flows are scaled to
 * a largest flow of 1 first (IRR does not depend on their scale, and a solver's
 * absolute tolerance then means the same for cents and billions).
 *
 * Flows whose signs change once (a cost, then returns; or the reverse) have
 * exactly one rate above -100% at which their present value is zero (Descartes'
 * rule of signs, in 1 / (1 + rate)), so every method that finds a root finds that
 * one: it is found by Newton's method kept inside a bracket (bisection when a step
 * would leave it), from 10% as Excel starts, to the last digit the arithmetic
 * allows. Flows whose signs change more than once may have several roots or
 * none; there IRR is Excel's method, as HyperFormula follows it: Newton's method
 * from 10%, at most 50 steps, a step past -100% halved back towards it, and
 * #NUM! when it does not settle. Either way only a true root from -100% to
 * 100,000% a year counts.
 *
 * formulajs's IRR (@formulajs/formulajs) is not used: it takes about two
 * microseconds a call, and its search for a bracket runs forever on some flows
 * ([0.823, -0.891, 0.294], which have no root; [1, -2.7e-10, 0]).
 */
import type { TrialError } from "./columns";

const noIrr: TrialError = {
  code: "#NUM!",
  message: "IRR finds no rate from -100% to 100,000% a year at which the net cash flows' present value is zero",
};

const noSignChange: TrialError = {
  code: "#NUM!",
  message: "IRR needs net cash flows with a negative and a positive year; every year here has the same sign, or none has cash",
};

/** The highest rate that counts: 1000, that is 100,000% a year. */
const highestRate = 1000;

/** The present value of flows at a rate, the first undiscounted. */
function npvAt(flows: readonly number[], rate: number): number {
  let npv = 0;
  let factor = 1;
  for (const flow of flows) {
    npv += flow / factor;
    factor *= 1 + rate;
  }
  return npv;
}

/**
 * True when `rate` is a root of the flows (scaled to a largest flow of 1): their
 * present value is within 1e-9 of zero there, or changes sign within 1e-9
 * (relative) of it, where the present value is steep.
 */
export function isRoot(flows: readonly number[], rate: number): boolean {
  if (Math.abs(npvAt(flows, rate)) <= 1e-9) return true;
  const step = 1e-9 * Math.max(1, Math.abs(rate));
  return npvAt(flows, rate - step) * npvAt(flows, rate + step) <= 0;
}

/** How many times the signs of the flows change, zeros skipped. */
export function signChanges(flows: readonly number[]): number {
  let last = 0;
  let changes = 0;
  for (const flow of flows) {
    if (flow === 0) continue;
    const sign = flow > 0 ? 1 : -1;
    if (last !== 0 && sign !== last) changes++;
    last = sign;
  }
  return changes;
}

/**
 * The one root of flows whose signs change once, in (-1, 1000]; undefined for
 * other flows, or when the root is beyond 1000.
 */
export function singleRoot(flows: readonly number[]): number | undefined {
  return signChanges(flows) === 1 ? rootAfterOneChange(flows) : undefined;
}

/** singleRoot for flows already known to change sign once. */
function rootAfterOneChange(flows: readonly number[]): number | undefined {
  const first = (flows.find((flow) => flow !== 0) as number) > 0 ? 1 : -1;
  // Above the root the present value has the sign of the first flow (it dominates as the rate grows), below it the other.
  const atHighest = npvAt(flows, highestRate);
  if (atHighest === 0) return highestRate;
  if ((atHighest > 0 ? 1 : -1) !== first) return undefined; // the root is beyond 1000
  let below = -1;
  let above = highestRate;
  let rate = 0.1;
  for (let step = 0; step < 200; step++) {
    const discount = 1 / (1 + rate);
    let npv = 0;
    let slope = 0;
    let factor = 1;
    for (let k = 0; k < flows.length; k++) {
      const flow = flows[k] as number;
      npv += flow * factor;
      slope -= k * flow * factor * discount;
      factor *= discount;
    }
    if (npv === 0) return rate;
    if ((npv > 0 ? 1 : -1) === first) above = rate;
    else below = rate;
    const next = rate - npv / slope;
    if (Math.abs(next - rate) <= 1e-15 * Math.max(1, Math.abs(next))) return next;
    rate = next > below && next < above ? next : (below + above) / 2;
  }
  return undefined;
}

/**
 * Excel's method for IRR, as HyperFormula follows it (for flows whose signs
 * change more than once): Newton's method from 10%, at most 50 steps; a step past
 * -100% goes halfway from the rate to -100% instead; settled when the present
 * value or the step is below 1e-10. Undefined when it does not settle.
 */
export function excelNewtonIrr(flows: readonly number[]): number | undefined {
  let rate = 0.1;
  for (let step = 0; step < 50; step++) {
    let npv = 0;
    let slope = 0;
    for (let k = 0; k < flows.length; k++) {
      const factor = (1 + rate) ** k;
      if (!Number.isFinite(factor) || factor === 0) return undefined;
      const flow = flows[k] as number;
      npv += flow / factor;
      if (k > 0) slope -= (k * flow) / (factor * (1 + rate));
    }
    if (Math.abs(npv) < 1e-10) return rate;
    if (Math.abs(slope) < 1e-10) return undefined;
    let next = rate - npv / slope;
    if (!Number.isFinite(next)) return undefined;
    if (next <= -1) next = (rate - 1) / 2;
    if (Math.abs(next - rate) < 1e-10) return next;
    rate = next;
  }
  return undefined;
}

/** Excel's IRR of one trial's flows (changed in place: scaled to a largest flow of 1). */
export function irrOfFlows(flows: number[]): number | TrialError {
  let largest = 0;
  for (const flow of flows) if (Math.abs(flow) > largest) largest = Math.abs(flow);
  if (largest > 0) for (let k = 0; k < flows.length; k++) flows[k] = (flows[k] as number) / largest;
  const changes = signChanges(flows);
  if (changes === 0) return noSignChange;
  const rate = changes === 1 ? rootAfterOneChange(flows) : excelNewtonIrr(flows);
  if (rate === undefined || !(rate > -1 && rate <= highestRate) || !isRoot(flows, rate)) return noIrr;
  return rate === 0 ? 0 : rate;
}
