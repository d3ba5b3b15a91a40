import { daysInYear, hoursInDay, tokensPerMillion } from "./constants";
import type { CalcFunction } from "./spec";

/** Inference cost in USD of a fleet of agents over a number of days. */
export function tokenCostUsd(
  tokensPerHourPerAgent: number,
  agents: number,
  usdPerMillionTokens: number,
  hoursPerDay: number = hoursInDay,
  days: number = daysInYear,
): number {
  return (tokensPerHourPerAgent * agents * hoursPerDay * days * usdPerMillionTokens) / tokensPerMillion;
}

export const TOKEN_COST: CalcFunction = {
  id: "TOKEN_COST",
  description: "Inference cost of a fleet of AI agents over a period, from tokens per hour and a price per million tokens.",
  resultUnit: "USD",
  params: [
    { type: "number", name: "tokens_per_hour", unit: "tokens per hour per agent", description: "Tokens one agent uses in an hour.", min: 0 },
    { type: "number", name: "agents", unit: "agents", description: "Agents running.", min: 0 },
    {
      type: "number",
      name: "usd_per_million_tokens",
      unit: "USD per million tokens",
      description: "Price of a million tokens (a blended input/output price).",
      min: 0,
    },
    {
      type: "number",
      name: "hours_per_day",
      unit: "hours per day",
      description: "Hours a day each agent runs.",
      default: hoursInDay,
      min: 0,
      max: hoursInDay,
    },
    { type: "number", name: "days", unit: "days", description: "Days counted.", default: daysInYear, min: 0 },
  ],
  examples: [
    { formula: "=AICOST.TOKEN_COST(50000, 10000, 15)", args: [50000, 10000, 15], result: 65_700_000 },
    { formula: "=AICOST.TOKEN_COST(50000, 10000, 15, 8, 250)", args: [50000, 10000, 15, 8, 250], result: 15_000_000 },
  ],
  compute: tokenCostUsd,
};
