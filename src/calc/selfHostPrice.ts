import { secondsInHour, tokensPerMillion } from "./constants";
import type { CalcFunction } from "./spec";

/** USD per million tokens when serving on your own GPUs: gpuHourCost ÷ (tokens/s × 3600 × utilization) × 1,000,000. */
export function selfHostPriceUsdPerMillion(gpuHourCostUsd: number, tokensPerSecondPerGpu: number, utilization = 1): number {
  return (gpuHourCostUsd / (tokensPerSecondPerGpu * secondsInHour * utilization)) * tokensPerMillion;
}

export const SELF_HOST_PRICE: CalcFunction = {
  id: "SELF_HOST_PRICE",
  description:
    "Cost per million tokens of serving a model on your own GPUs; utilization counts idle hours once: here, or in GPU_HOUR_COST, not both.",
  resultUnit: "USD per million tokens",
  params: [
    {
      type: "number",
      name: "gpu_hour_cost",
      unit: "USD per GPU-hour",
      description:
        "All-in cost of one GPU-hour of every hour, busy or idle: a rental price, or AICOST.GPU_HOUR_COST with utilization 1.",
      min: 0,
    },
    {
      type: "number",
      name: "tokens_per_second_per_gpu",
      unit: "tokens per second per GPU",
      description: "Serving throughput of one GPU at full load.",
      greaterThan: 0,
    },
    {
      type: "number",
      name: "utilization",
      unit: "fraction 0..1, above 0",
      description:
        "Share of GPU time spent serving; leave it at 1 when gpu_hour_cost already is the cost of a used hour.",
      default: 1,
      greaterThan: 0,
      max: 1,
    },
  ],
  examples: [
    { formula: "=AICOST.SELF_HOST_PRICE(3.6, 1000)", args: [3.6, 1000], result: 1 },
    { formula: "=AICOST.SELF_HOST_PRICE(2, 2500, 0.5)", args: [2, 2500, 0.5], result: 0.4444444444444444 },
  ],
  compute: selfHostPriceUsdPerMillion,
};
