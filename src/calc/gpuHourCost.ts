import { hoursInYear } from "./constants";
import type { CalcFunction } from "./spec";

/** Cost in USD of one used GPU-hour: totalCost ÷ (gpuCount × years × 8760 × utilization). */
export function gpuHourCostUsd(totalCostUsd: number, gpuCount: number, years: number, utilization = 1): number {
  return totalCostUsd / (gpuCount * years * hoursInYear * utilization);
}

export const GPU_HOUR_COST: CalcFunction = {
  id: "GPU_HOUR_COST",
  description: "Cost of one used GPU-hour, from a total cost over the cluster's life.",
  resultUnit: "USD per GPU-hour",
  params: [
    { type: "number", name: "total_cost", unit: "USD", description: "Total cost over the life (see AICOST.GPU_TCO).", min: 0 },
    { type: "number", name: "gpu_count", unit: "GPUs", description: "GPUs in the cluster.", greaterThan: 0 },
    { type: "number", name: "years", unit: "years", description: "Life the cost is spread over.", greaterThan: 0 },
    {
      type: "number",
      name: "utilization",
      unit: "fraction 0..1, above 0",
      description: "Share of hours the GPUs do useful work.",
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
