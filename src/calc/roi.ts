import { messages } from "./messages";
import { presentValueUsd } from "./presentValue";
import { calcError, type CalcError } from "./result";
import { discountRateParam, type SeriesFunction } from "./timeSpec";

/**
 * Return on investment as Forrester's TEI defines it: (PV of benefits − PV of
 * costs) ÷ PV of costs, each the present value with the start undiscounted.
 * `#DIV/0!` when the costs' present value is 0; `#VALUE!` when costs and benefits
 * cover different numbers of years (a range one column short would otherwise
 * give a plausible return on misaligned years).
 */
export function roiFraction(
  costsUsd: readonly number[],
  benefitsUsd: readonly number[],
  discountRate = 0,
): number | CalcError {
  if (benefitsUsd.length !== costsUsd.length) return calcError("value", "benefits", messages.seriesLengthsDiffer("benefits", benefitsUsd.length, "costs", costsUsd.length));
  const costsPvUsd = presentValueUsd(costsUsd, discountRate);
  if (costsPvUsd === 0) return calcError("div0", "costs", messages.costsZero());
  if (costsPvUsd < 0) return calcError("num", "costs", messages.costsNegative(costsPvUsd));
  return (presentValueUsd(benefitsUsd, discountRate) - costsPvUsd) / costsPvUsd;
}

export const ROI: SeriesFunction = {
  shape: "series",
  id: "ROI",
  description: "Return on investment, TEI's definition: (PV of benefits − PV of costs) ÷ PV of costs.",
  resultUnit: "fraction (1 for 100%)",
  params: [
    {
      type: "series",
      name: "costs",
      unit: "USD per year, from the start (year 0)",
      description: "One row or column of costs, positive amounts spent. Several rows: one result per row.",
    },
    {
      type: "series",
      name: "benefits",
      unit: "USD per year, from the start (year 0)",
      description: "One row or column of benefits, positive amounts saved or earned, on the same years as the costs (as many cells).",
    },
    discountRateParam(true),
  ],
  examples: [
    {
      formula: "=AICOST.ROI({100, 50, 50}, {0, 150, 150})",
      args: [
        [100, 50, 50],
        [0, 150, 150],
      ],
      result: 0.5,
    },
    { formula: "=AICOST.ROI({100, 110}, {0, 330}, 0.1)", args: [[100, 110], [0, 330], 0.1], result: 0.5 },
  ],
  compute: roiFraction,
};
