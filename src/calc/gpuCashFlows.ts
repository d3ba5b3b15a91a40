import { GPU_TCO } from "./gpuTco";
import type { ParamSpec } from "./spec";
import { yearsParam, type RowFunction } from "./timeSpec";

/** GPU_TCO's count, price, running costs and markup, the same parameters here. */
const [gpuCountParam, gpuUnitPriceParam, , ...gpuRunningCostParams] = GPU_TCO.params as [ParamSpec, ParamSpec, ParamSpec, ...ParamSpec[]];

/**
 * Cash spent on a GPU cluster, as a row of `years + 1` cells (start, then years
 * 1..N), in USD: the hardware, gpuCount × gpuUnitPrice × (1 + capexMarkup), at
 * the start and again at the end of every `refreshYears`-th year before the
 * last; running costs (power and other) in each year 1..N; less
 * `residualShare` of the last hardware purchase in the last year. With no
 * refresh and no residual the row sums to gpuTcoUsd of the same arguments.
 */
export function gpuCashFlowsUsd(
  gpuCount: number,
  gpuUnitPriceUsd: number,
  years: number,
  powerCostUsdPerYear = 0,
  otherCostsUsdPerYear = 0,
  capexMarkup = 0,
  refreshYears = 0,
  residualShare = 0,
): number[] {
  const hardwareUsd = gpuCount * gpuUnitPriceUsd * (1 + capexMarkup);
  const runningUsdPerYear = powerCostUsdPerYear + otherCostsUsdPerYear;
  const row = [hardwareUsd];
  for (let year = 1; year <= years; year++) {
    const refresh = refreshYears > 0 && year < years && year % refreshYears === 0;
    row.push(runningUsdPerYear + (refresh ? hardwareUsd : 0));
  }
  row[years] = (row[years] as number) - residualShare * hardwareUsd;
  return row;
}

export const GPU_CASH_FLOWS: RowFunction = {
  shape: "row",
  id: "GPU_CASH_FLOWS",
  description:
    "Cash spent on a GPU cluster year by year: hardware at the start and at each refresh, running costs every year, less the residual value in the last year.",
  resultUnit: "USD per year, a row from the start (year 0) to year N",
  startCell: true,
  params: [
    gpuCountParam,
    gpuUnitPriceParam,
    yearsParam("Years covered after the start, a whole number from 1 to 50."),
    ...gpuRunningCostParams,
    {
      type: "number",
      name: "refresh_years",
      unit: "years",
      description: "The hardware is bought again at the end of every this many years; 0 never.",
      default: 0,
      min: 0,
      max: 50,
      integer: true,
    },
    {
      type: "number",
      name: "residual_share",
      unit: "fraction 0..1 of the hardware cost",
      description: "Share of the last hardware purchase recovered (resold) in the last year.",
      default: 0,
      min: 0,
      max: 1,
    },
  ],
  examples: [
    {
      formula: "=AICOST.GPU_CASH_FLOWS(1000, 30000, 6, 2000000, 1000000, 0.5, 3, 0.2)",
      args: [1000, 30000, 6, 2_000_000, 1_000_000, 0.5, 3, 0.2],
      result: [45_000_000, 3_000_000, 3_000_000, 48_000_000, 3_000_000, 3_000_000, -6_000_000],
    },
    {
      formula: "=AICOST.GPU_CASH_FLOWS(100000, 27500, 3, 250000000)",
      args: [100000, 27500, 3, 250_000_000],
      result: [2_750_000_000, 250_000_000, 250_000_000, 250_000_000],
    },
  ],
  compute: gpuCashFlowsUsd,
};
