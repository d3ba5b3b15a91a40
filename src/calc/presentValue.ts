import { discountRateParam, type SeriesFunction } from "./timeSpec";

/**
 * Present value in USD of cash flows at the start and the end of each year:
 * Σ cashFlows[k] ÷ (1 + discountRate)^k, the first undiscounted. Equal to
 * Excel's `=first + NPV(rate, rest)` when no cell is blank.
 */
export function presentValueUsd(cashFlowsUsd: readonly number[], discountRate: number): number {
  let pvUsd = 0;
  let factor = 1;
  for (const flowUsd of cashFlowsUsd) {
    if (flowUsd !== 0) pvUsd += flowUsd / factor; // a zero flow adds nothing, even where the factor underflows
    factor *= 1 + discountRate;
  }
  return pvUsd;
}

export const PRESENT_VALUE: SeriesFunction = {
  shape: "series",
  id: "PRESENT_VALUE",
  description:
    "Present value of a row of cash flows: the first at the start, undiscounted, then one at the end of each year (first + NPV(rate, rest)).",
  resultUnit: "USD",
  params: [
    {
      type: "series",
      name: "cash_flows",
      unit: "USD per year, from the start (year 0)",
      description: "One row or column of cash flows; a blank is a year with no cash. Several rows: one result per row.",
    },
    discountRateParam(false),
  ],
  examples: [
    {
      formula: "=AICOST.PRESENT_VALUE({-1000, 500, 500, 500}, 0.1)",
      args: [[-1000, 500, 500, 500], 0.1],
      result: 243.4259954921112,
    },
    { formula: "=AICOST.PRESENT_VALUE({-100, 110}, 0.1)", args: [[-100, 110], 0.1], result: 0 },
  ],
  compute: presentValueUsd,
};
