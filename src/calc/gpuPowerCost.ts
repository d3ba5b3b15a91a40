import { defaultPue, hoursInLeapYear, hoursInYear, wattsPerKilowatt } from "./constants";
import type { CalcFunction } from "./spec";

/** Yearly electricity cost in USD of a GPU fleet: count × kW per GPU × PUE × load × hours × USD/kWh. */
export function gpuPowerCostUsdPerYear(
  gpuCount: number,
  wattsPerGpu: number,
  usdPerKwh: number,
  pue: number = defaultPue,
  loadFactor = 1,
  hoursPerYear: number = hoursInYear,
): number {
  return ((gpuCount * wattsPerGpu) / wattsPerKilowatt) * pue * loadFactor * hoursPerYear * usdPerKwh;
}

export const GPU_POWER_COST: CalcFunction = {
  id: "GPU_POWER_COST",
  description: "Yearly electricity cost of a GPU cluster, including data-centre overhead (PUE).",
  resultUnit: "USD per year",
  params: [
    { type: "number", name: "gpu_count", unit: "GPUs", description: "GPUs in the cluster.", min: 0 },
    {
      type: "number",
      name: "watts_per_gpu",
      unit: "watts per GPU",
      description: "All-in power per GPU, including its share of CPUs, memory and networking.",
      min: 0,
    },
    { type: "number", name: "usd_per_kwh", unit: "USD per kWh", description: "Electricity price.", min: 0 },
    {
      type: "number",
      name: "pue",
      unit: "ratio, 1 or more",
      description: "Power usage effectiveness: facility power ÷ IT power.",
      default: defaultPue,
      defaultSource: "Epoch AI's figure for non-hyperscale data centres",
      min: 1,
    },
    {
      type: "number",
      name: "load_factor",
      unit: "fraction 0..1",
      description: "Average draw as a fraction of the all-in power.",
      default: 1,
      min: 0,
      max: 1,
    },
    {
      type: "number",
      name: "hours_per_year",
      unit: "hours per year",
      description: "Hours powered in a year.",
      default: hoursInYear,
      min: 0,
      max: hoursInLeapYear,
    },
  ],
  examples: [
    { formula: "=AICOST.GPU_POWER_COST(100000, 1000, 0.1)", args: [100000, 1000, 0.1], result: 109_500_000 },
    {
      formula: "=AICOST.GPU_POWER_COST(1000, 1200, 0.08, 1.1, 0.8)",
      args: [1000, 1200, 0.08, 1.1, 0.8],
      result: 740_044.8,
    },
  ],
  compute: gpuPowerCostUsdPerYear,
};
