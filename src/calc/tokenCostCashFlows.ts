import { tokensPerMillion } from "./constants";
import { yearsParam, type RowFunction } from "./timeSpec";

/**
 * A token bill as a row of `years + 1` cells, in USD: nothing at the start; year
 * k pays tokensPerYear × (1 + volumeGrowthPerYear)^(k−1) tokens at
 * usdPerMillionTokens × (1 + priceChangePerYear)^(k−1) per million.
 */
export function tokenCostCashFlowsUsd(
  tokensPerYear: number,
  usdPerMillionTokens: number,
  years: number,
  priceChangePerYear = 0,
  volumeGrowthPerYear = 0,
): number[] {
  const row = [0];
  for (let year = 1; year <= years; year++) {
    const tokens = tokensPerYear * (1 + volumeGrowthPerYear) ** (year - 1);
    const price = usdPerMillionTokens * (1 + priceChangePerYear) ** (year - 1);
    row.push((tokens * price) / tokensPerMillion);
  }
  return row;
}

export const TOKEN_COST_CASH_FLOWS: RowFunction = {
  shape: "row",
  id: "TOKEN_COST_CASH_FLOWS",
  description:
    "Inference cost year by year, from the tokens used in year 1 and their price, each changing by a fixed rate a year.",
  resultUnit: "USD per year, a row from the start (year 0) to year N",
  startCell: true,
  params: [
    {
      type: "number",
      name: "tokens_per_year",
      unit: "tokens per year",
      description: "Tokens used in year 1 (tokens per hour × agents × 24 × 365 for agents running all year).",
      min: 0,
    },
    {
      type: "number",
      name: "usd_per_million_tokens",
      unit: "USD per million tokens",
      description: "Price of a million tokens in year 1 (a blended input/output price).",
      min: 0,
    },
    yearsParam("Years covered after the start, a whole number from 1 to 50."),
    {
      type: "number",
      name: "price_change_per_year",
      unit: "fraction per year",
      description: "Yearly change of the price, −0.3 for prices falling 30% a year.",
      default: 0,
      min: -1,
    },
    {
      type: "number",
      name: "volume_growth_per_year",
      unit: "fraction per year",
      description: "Yearly growth of the tokens used, 0.5 for 50% more each year.",
      default: 0,
      min: -1,
    },
  ],
  examples: [
    {
      formula: "=AICOST.TOKEN_COST_CASH_FLOWS(4380000000000, 15, 3, -0.3)",
      args: [4_380_000_000_000, 15, 3, -0.3],
      result: [0, 65_700_000, 45_990_000, 32_193_000],
    },
    {
      formula: "=AICOST.TOKEN_COST_CASH_FLOWS(1000000000000, 10, 3, -0.5, 1)",
      args: [1_000_000_000_000, 10, 3, -0.5, 1],
      result: [0, 10_000_000, 10_000_000, 10_000_000],
    },
  ],
  compute: tokenCostCashFlowsUsd,
};
