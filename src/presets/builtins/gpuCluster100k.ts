import type { Preset } from "../types";
import { clusterCostContradiction } from "./meta2026";
import { redRookAnalysis } from "./sources";

/**
 * Staff, networking and operations are not given separately by the analysis:
 * it gives the GPU price, the power bill and a 3-year total of $3.5B–$4B. Each
 * column's figure is what that column's total leaves after GPUs and power:
 *   Low:  ($3.5B  − 100,000 × $25,000 − 3 × $200M) ÷ 3 = $133.3M a year
 *   Base: ($3.75B − 100,000 × $27,500 − 3 × $250M) ÷ 3 =  $83.3M a year
 *   High: ($4.0B  − 100,000 × $30,000 − 3 × $300M) ÷ 3 =  $33.3M a year
 */
const lifeYears = 3;
const otherCostsUsdPerYear = {
  low: (3_500_000_000 - 100_000 * 25_000 - lifeYears * 200_000_000) / lifeYears,
  base: (3_750_000_000 - 100_000 * 27_500 - lifeYears * 250_000_000) / lifeYears,
  high: (4_000_000_000 - 100_000 * 30_000 - lifeYears * 300_000_000) / lifeYears,
};

/** A 100,000-GPU cluster: hardware, power and operations over a 3-year life. */
export const gpuCluster100k: Preset = {
  version: 1,
  id: "gpu-cluster-100k",
  title: "GPU cluster: 100,000 GPUs over 3 years",
  summary: "Total cost of ownership of a 100,000-GPU (H200/B200-class) cluster, per year and per GPU-hour.",
  asOf: "2026-04",
  sources: [redRookAnalysis],
  inputs: [
    {
      key: "gpu_count",
      label: "GPUs (H200/B200 class)",
      unit: "GPUs",
      format: "count",
      base: 100_000,
      source: "red-rook-2026",
    },
    {
      key: "gpu_unit_price",
      label: "Price per GPU",
      unit: "USD per GPU",
      format: "usd",
      base: 27_500,
      low: 25_000,
      high: 30_000,
      source: "red-rook-2026",
      note: "The analysis gives $25,000–$30,000; Base is the midpoint.",
    },
    {
      key: "power_cost_per_year",
      label: "Power per year",
      unit: "USD per year",
      format: "usdMillions",
      base: 250_000_000,
      low: 200_000_000,
      high: 300_000_000,
      source: "red-rook-2026",
      note: "The analysis gives $200M–$300M a year; Base is the midpoint.",
    },
    {
      key: "years",
      label: "Operating life",
      unit: "years",
      format: "count",
      base: 3,
      source: "red-rook-2026",
    },
    {
      key: "other_costs_per_year",
      label: "Staff, networking and operations per year",
      unit: "USD per year",
      format: "usdMillions",
      base: otherCostsUsdPerYear.base,
      low: otherCostsUsdPerYear.low,
      high: otherCostsUsdPerYear.high,
      derived: true,
      source: "red-rook-2026",
      note:
        "Derived: not given separately by the analysis. Each column is what the analysis's 3-year total leaves after GPUs and power in that column: " +
        "Low ($3.5B − $2.5B − 3 × $200M) ÷ 3 = $133.3M, Base ($3.75B − $2.75B − 3 × $250M) ÷ 3 = $83.3M, High ($4B − $3B − 3 × $300M) ÷ 3 = $33.3M a year. " +
        "Low is the largest because the analysis's total range is narrower than its GPU and power ranges.",
    },
  ],
  outputs: [
    {
      key: "hardware_cost",
      label: "GPU hardware cost",
      unit: "USD",
      format: "usdBillions",
      formula: "gpu_count * gpu_unit_price",
      chart: true,
    },
    {
      key: "tco",
      label: "Total cost of ownership over the life",
      unit: "USD",
      format: "usdBillions",
      formula: "AICOST.GPU_TCO(gpu_count, gpu_unit_price, years, power_cost_per_year, other_costs_per_year)",
      chart: true,
    },
    {
      key: "annual_cost",
      label: "Annual cost",
      unit: "USD per year",
      format: "usdBillions",
      formula: "tco / years",
      chart: true,
    },
    {
      key: "gpu_hour_cost",
      label: "Cost per GPU-hour",
      unit: "USD per GPU-hour",
      format: "usdPrecise",
      formula: "AICOST.GPU_HOUR_COST(tco, gpu_count, years)",
      note: "Every hour of the life counted (utilization 100%); at lower utilization each used hour costs more.",
    },
  ],
  notes: [
    "This sheet reproduces the Red Rook AI analysis: 100,000 GPUs at $25,000–$30,000 each, power at $200M–$300M a year, a 3-year life, and a 3-year total cost of ownership of $3.5B–$4B.",
    "Staff, networking and operations are derived (see that input's note) so that each column's total cost of ownership is the analysis's: $3.5B (Low), $3.75B (Base, the midpoint) and $4B (High).",
    "The analysis's ranges are not independent: GPUs and power alone span $3.1B (all low) to $3.9B (all high) over three years, $0.8B wide, while its total spans only $0.5B, so the derived operations cost is largest in the Low column. Change any input to see its effect.",
    clusterCostContradiction,
  ],
};
