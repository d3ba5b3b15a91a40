import { hoursInYear } from "./constants";
import type { CalcFunction } from "./spec";

/**
 * Cost in USD of one GPU-hour: totalCost ÷ (gpuCount × years × 8760 × utilization).
 * With utilization 1 it is the cost of every hour, busy or idle; below 1 it is
 * the cost of one used hour, which already carries the idle hours: pass it to
 * SELF_HOST_PRICE with utilization 1, or the idle hours are counted twice.
 */
export function gpuHourCostUsd(totalCostUsd: number, gpuCount: number, years: number, utilization = 1): number {
  return totalCostUsd / (gpuCount * years * hoursInYear * utilization);
}

export const GPU_HOUR_COST: CalcFunction = {
  id: "GPU_HOUR_COST",
  description:
    "Cost of one GPU-hour from a total cost over the cluster's life: with utilization 1, every hour (busy or idle); below 1, one used hour, already carrying the idle hours.",
  resultUnit: "USD per GPU-hour",
  params: [
    { type: "number", name: "total_cost", unit: "USD", description: "Total cost over the life (see AICOST.GPU_TCO).", min: 0 },
    { type: "number", name: "gpu_count", unit: "GPUs", description: "GPUs in the cluster.", greaterThan: 0 },
    { type: "number", name: "years", unit: "years", description: "Life the cost is spread over.", greaterThan: 0 },
    {
      type: "number",
      name: "utilization",
      unit: "fraction 0..1, above 0",
      description:
        "Share of hours the GPUs do useful work; below 1 the result is the cost of a used hour, so give it to SELF_HOST_PRICE with utilization 1.",
      default: 1,
      greaterThan: 0,
      max: 1,
    },
  ],
  examples: [
    { formula: "=AICOST.GPU_HOUR_COST(3504000000, 100000, 4)", args: [3_504_000_000, 100000, 4], result: 1 },
    { formula: "=AICOST.GPU_HOUR_COST(876000, 100, 1, 0.5)", args: [876_000, 100, 1, 0.5], result: 2 },
  ],
  compute: gpuHourCostUsd,
};
