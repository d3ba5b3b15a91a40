import type { CalcFunction } from "./spec";

/** Labor savings in USD: headcount × (cost per employee × years − one-time cost per employee). */
export function laborSavingsUsd(
  headcount: number,
  costPerEmployeeUsdPerYear: number,
  years = 1,
  oneTimeCostPerEmployeeUsd = 0,
): number {
  return headcount * (costPerEmployeeUsdPerYear * years - oneTimeCostPerEmployeeUsd);
}

export const LABOR_SAVINGS: CalcFunction = {
  id: "LABOR_SAVINGS",
  description: "Labor cost saved by cutting jobs, net of one-time costs such as severance.",
  resultUnit: "USD",
  params: [
    { type: "number", name: "headcount", unit: "employees", description: "Jobs cut.", min: 0 },
    {
      type: "number",
      name: "cost_per_employee",
      unit: "USD per employee per year",
      description: "Fully loaded annual cost of one employee: salary, benefits, stock and overhead.",
      min: 0,
    },
    { type: "number", name: "years", unit: "years", description: "Years of savings counted.", default: 1, min: 0 },
    {
      type: "number",
      name: "one_time_cost_per_employee",
      unit: "USD per employee",
      description: "One-time cost of each cut, such as severance.",
      default: 0,
      min: 0,
    },
  ],
  examples: [
    { formula: "=AICOST.LABOR_SAVINGS(23000, 165000)", args: [23000, 165000], result: 3_795_000_000 },
    { formula: "=AICOST.LABOR_SAVINGS(1000, 150000, 3, 50000)", args: [1000, 150000, 3, 50000], result: 400_000_000 },
  ],
  compute: laborSavingsUsd,
};
