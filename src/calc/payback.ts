import { messages } from "./messages";
import { calcError, type CalcError } from "./result";
import { discountRateParam, type SeriesFunction } from "./timeSpec";

/**
 * Years from the start until the cumulative net cash (discounted at
 * `discountRate`, the start undiscounted) first reaches zero, interpolated
 * linearly within the year in which it turns: 0 when the start is not
 * negative, `#N/A` when it never does within the years given.
 */
export function paybackYears(netCashFlowsUsd: readonly number[], discountRate = 0): number | CalcError {
  let cumulativeUsd = netCashFlowsUsd[0] ?? 0;
  if (cumulativeUsd >= 0) return 0;
  let factor = 1;
  for (let year = 1; year < netCashFlowsUsd.length; year++) {
    factor *= 1 + discountRate;
    const yearUsd = netCashFlowsUsd[year] as number;
    const flowUsd = yearUsd === 0 ? 0 : yearUsd / factor;
    const beforeUsd = cumulativeUsd;
    cumulativeUsd += flowUsd;
    if (cumulativeUsd >= 0) return year - 1 + Math.min(1, -beforeUsd / flowUsd);
  }
  return calcError("na", "net_cash_flows", messages.neverPaysBack(netCashFlowsUsd.length - 1));
}

export const PAYBACK: SeriesFunction = {
  shape: "series",
  id: "PAYBACK",
  description:
    "Years until the cumulative net cash, discounted when a rate is given, first reaches zero, interpolated within the year it turns.",
  resultUnit: "years",
  params: [
    {
      type: "series",
      name: "net_cash_flows",
      unit: "USD per year, from the start (year 0)",
      description:
        "One row or column of net cash (benefits − costs), the start first. Several rows: one result per row.",
    },
    discountRateParam(true),
  ],
  examples: [
    { formula: "=AICOST.PAYBACK({-1000, 400, 400, 400})", args: [[-1000, 400, 400, 400]], result: 2.5 },
    {
      formula: "=AICOST.PAYBACK({-100, 55, 66.55}, 0.1)",
      args: [[-100, 55, 66.55], 0.1],
      result: 1 + 50 / 55,
    },
  ],
  compute: paybackYears,
};
