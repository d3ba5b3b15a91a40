import type { CalcFunction } from "./spec";

/**
 * Total cost of ownership of a GPU fleet in USD over its life:
 * gpuCount × gpuUnitPrice × (1 + capexMarkup) + years × (powerCostPerYear + otherCostsPerYear).
 */
export function gpuTcoUsd(
  gpuCount: number,
  gpuUnitPriceUsd: number,
  years = 3,
  powerCostUsdPerYear = 0,
  otherCostsUsdPerYear = 0,
  capexMarkup = 0,
): number {
  return gpuCount * gpuUnitPriceUsd * (1 + capexMarkup) + years * (powerCostUsdPerYear + otherCostsUsdPerYear);
}

export const GPU_TCO: CalcFunction = {
  id: "GPU_TCO",
  description: "Total cost of ownership of a GPU cluster over its life: hardware plus yearly power and operating costs.",
  resultUnit: "USD",
  params: [
    { type: "number", name: "gpu_count", unit: "GPUs", description: "GPUs in the cluster.", min: 0 },
    { type: "number", name: "gpu_unit_price", unit: "USD per GPU", description: "Purchase price of one GPU.", min: 0 },
    { type: "number", name: "years", unit: "years", description: "Operating life counted.", default: 3, min: 0 },
    {
      type: "number",
      name: "power_cost_per_year",
      unit: "USD per year",
      description: "Electricity for the whole cluster (see AICOST.GPU_POWER_COST).",
      default: 0,
      min: 0,
    },
    {
      type: "number",
      name: "other_costs_per_year",
      unit: "USD per year",
      description: "Staff, networking, space and other operations.",
      default: 0,
      min: 0,
    },
    {
      type: "number",
      name: "capex_markup",
      unit: "fraction of GPU hardware cost",
      description: "Servers, networking and build-out bought with the GPUs, as a fraction of the GPU cost (0.5 for 50%).",
      default: 0,
      min: 0,
    },
  ],
  examples: [
    {
      formula: "=AICOST.GPU_TCO(100000, 27500, 3, 250000000)",
      args: [100000, 27500, 3, 250_000_000],
      result: 3_500_000_000,
    },
    {
      formula: "=AICOST.GPU_TCO(1000, 30000, 4, 2000000, 1000000, 0.5)",
      args: [1000, 30000, 4, 2_000_000, 1_000_000, 0.5],
      result: 57_000_000,
    },
  ],
  compute: gpuTcoUsd,
};
