/*
 * The calculation for many cases at once: the trials of a simulation, each a
 * column of numbers. The same arithmetic and checks as the one-case functions,
 * in loops over the cases (a simulation's hot path); kept apart from the
 * functions a workbook loads, which never need them.
 */
import { checkCell } from "./evaluate";
import type { ParamSpec } from "./spec";

/**
 * presentValueUsd (presentValue.ts) for many cases at once: year k's flows are
 * `cashFlowsUsd[k]`, one per case or one number for every case, the rate
 * likewise. Each case takes the same operations in the same order as
 * presentValueUsd, so its result is the same to the last bit; the loops run
 * year by year over the cases instead of case by case.
 */
export function presentValuesUsd(
  cashFlowsUsd: readonly (Float64Array | number)[],
  discountRate: Float64Array | number,
  cases: number,
): Float64Array {
  const pvUsd = new Float64Array(cases);
  if (typeof discountRate === "number") {
    let factor = 1;
    for (const flows of cashFlowsUsd) {
      if (typeof flows === "number") {
        if (flows !== 0) {
          const flowPvUsd = flows / factor;
          for (let i = 0; i < cases; i++) pvUsd[i] = (pvUsd[i] as number) + flowPvUsd;
        }
      } else {
        for (let i = 0; i < cases; i++) {
          const flowUsd = flows[i] as number;
          if (flowUsd !== 0) pvUsd[i] = (pvUsd[i] as number) + flowUsd / factor;
        }
      }
      factor *= 1 + discountRate;
    }
    return pvUsd;
  }
  const factors = new Float64Array(cases).fill(1);
  for (const flows of cashFlowsUsd) {
    if (typeof flows === "number") {
      if (flows !== 0) for (let i = 0; i < cases; i++) pvUsd[i] = (pvUsd[i] as number) + flows / (factors[i] as number);
    } else {
      for (let i = 0; i < cases; i++) {
        const flowUsd = flows[i] as number;
        if (flowUsd !== 0) pvUsd[i] = (pvUsd[i] as number) + flowUsd / (factors[i] as number);
      }
    }
    for (let i = 0; i < cases; i++) factors[i] = (factors[i] as number) * (1 + (discountRate[i] as number));
  }
  return pvUsd;
}

/**
 * True when every one of `values` passes a number parameter's checks unchanged
 * (finite, within its bounds, not -0; whole when it must be), as checkCell
 * (evaluate.ts) would find one by one. The bounds make an interval, so the
 * least and the greatest value are checked, each as checkCell checks it; a parameter that must be whole,
 * a NaN or a -0 sends the values to be checked one by one (false).
 */
export function numbersPassUnchanged(param: ParamSpec, values: Float64Array): boolean {
  if (param.type !== "number" || param.integer === true || values.length === 0) return false;
  let least = Infinity;
  let greatest = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value !== value || (value === 0 && 1 / value < 0)) return false;
    if (value < least) least = value;
    if (value > greatest) greatest = value;
  }
  return checkCell(param, least) === least && checkCell(param, greatest) === greatest;
}

/**
 * paybackYears (payback.ts) for many cases at once, undiscounted or at one rate
 * for all: the same operations in the same order for each case, so the same
 * years to the last bit; NaN where the cash never pays back within the years
 * (paybackYears's #N/A, which the caller builds once).
 */
export function paybackYearsMany(
  netCashFlowsUsd: readonly (Float64Array | number)[],
  discountRate: number,
  cases: number,
): Float64Array {
  const years = new Float64Array(cases);
  const at = (flows: Float64Array | number | undefined, i: number): number =>
    flows === undefined ? 0 : typeof flows === "number" ? flows : (flows[i] as number);
  for (let i = 0; i < cases; i++) {
    let cumulativeUsd = at(netCashFlowsUsd[0], i);
    if (cumulativeUsd >= 0) {
      years[i] = 0;
      continue;
    }
    let paidBack = NaN;
    let factor = 1;
    for (let year = 1; year < netCashFlowsUsd.length; year++) {
      factor *= 1 + discountRate;
      const yearUsd = at(netCashFlowsUsd[year], i);
      const flowUsd = yearUsd === 0 ? 0 : yearUsd / factor;
      const beforeUsd = cumulativeUsd;
      cumulativeUsd += flowUsd;
      if (cumulativeUsd >= 0) {
        paidBack = year - 1 + Math.min(1, -beforeUsd / flowUsd);
        break;
      }
    }
    years[i] = paidBack;
  }
  return years;
}
