import { yearsParam, type RowFunction } from "./timeSpec";

/**
 * Labor savings as a row of `years + 1` cells, in USD: the one-time cost of the
 * cuts at the start as a negative saving, −headcount × oneTimeCostPerEmployee;
 * year 1 saves firstYearFraction of a year, headcount × costPerEmployee ×
 * firstYearFraction; year k ≥ 2 saves headcount × costPerEmployee ×
 * (1 + annualCostGrowth)^(k−1). With the defaults the row sums to
 * laborSavingsUsd(headcount, costPerEmployee, years, oneTimeCostPerEmployee).
 */
export function savingsCashFlowsUsd(
  headcount: number,
  costPerEmployeeUsdPerYear: number,
  years: number,
  firstYearFraction = 1,
  annualCostGrowth = 0,
  oneTimeCostPerEmployeeUsd = 0,
): number[] {
  const yearlyUsd = headcount * costPerEmployeeUsdPerYear;
  const row = [-headcount * oneTimeCostPerEmployeeUsd, yearlyUsd * firstYearFraction];
  for (let year = 2; year <= years; year++) row.push(yearlyUsd * (1 + annualCostGrowth) ** (year - 1));
  return row;
}

export const SAVINGS_CASH_FLOWS: RowFunction = {
  shape: "row",
  id: "SAVINGS_CASH_FLOWS",
  description:
    "Labor cost saved by cutting jobs, year by year: one-time costs at the start as a negative saving, a partial first year, then yearly savings growing with the cost of labor.",
  resultUnit: "USD per year, a row from the start (year 0) to year N",
  startCell: true,
  params: [
    { type: "number", name: "headcount", unit: "employees", description: "Jobs cut.", min: 0 },
    {
      type: "number",
      name: "cost_per_employee",
      unit: "USD per employee per year",
      description: "Fully loaded annual cost of one employee in year 1: salary, benefits, stock and overhead.",
      min: 0,
    },
    yearsParam("Years of savings covered after the start, a whole number from 1 to 50."),
    {
      type: "number",
      name: "first_year_fraction",
      unit: "fraction 0..1 of a year",
      description: "Share of year 1 the cut is in effect: a cut effective 20 May saves 226/365 of its first year.",
      default: 1,
      min: 0,
      max: 1,
    },
    {
      type: "number",
      name: "annual_cost_growth",
      unit: "fraction per year",
      description: "Yearly growth of the cost per employee after year 1, 0.03 for 3%.",
      default: 0,
      min: -1,
    },
    {
      type: "number",
      name: "one_time_cost_per_employee",
      unit: "USD per employee",
      description: "One-time cost of each cut, such as severance, paid at the start.",
      default: 0,
      min: 0,
    },
  ],
  examples: [
    {
      formula: "=AICOST.SAVINGS_CASH_FLOWS(1000, 150000, 3, , , 50000)",
      args: [1000, 150000, 3, "", "", 50000],
      result: [-50_000_000, 150_000_000, 150_000_000, 150_000_000],
    },
    {
      formula: "=AICOST.SAVINGS_CASH_FLOWS(1000, 100000, 3, 0.5, 0.1)",
      args: [1000, 100000, 3, 0.5, 0.1],
      result: [0, 50_000_000, 110_000_000, 121_000_000],
    },
  ],
  compute: savingsCashFlowsUsd,
};
