import type { Preset } from "../types";
import { findModel } from "../../calc/priceCatalog";
import { gpt55PriceInputs } from "./shared";
import { openAiPricing, redRookAnalysis } from "./sources";

const gpt55 = findModel("gpt-5.5") ?? { inputUsdPerMillion: Number.NaN, outputUsdPerMillion: Number.NaN };

/** 10,000 AI agents running around the clock at the analysis's blended token price. */
export const agentFleet10k: Preset = {
  version: 1,
  id: "agent-fleet-10k",
  title: "Agent fleet: 10,000 agents",
  summary: "The yearly token bill of 10,000 AI agents running around the clock, at the analysis's $15 per million tokens.",
  asOf: "2026-04",
  sources: [redRookAnalysis, openAiPricing],
  inputs: [
    {
      key: "agents",
      label: "Agents",
      unit: "agents",
      format: "count",
      base: 10_000,
      source: "red-rook-2026",
    },
    {
      key: "tokens_per_agent_per_hour",
      label: "Tokens per agent per hour",
      unit: "tokens per agent per hour",
      format: "count",
      base: 50_000,
      source: "red-rook-2026",
    },
    {
      key: "blended_price",
      label: "Blended price (the analysis's figure)",
      unit: "USD per million tokens",
      format: "usdPrecise",
      base: 15,
      source: "red-rook-2026",
    },
    {
      key: "hours_per_day",
      label: "Hours per day",
      unit: "hours per day",
      format: "count",
      base: 24,
      source: "red-rook-2026",
    },
    {
      key: "days_per_year",
      label: "Days per year",
      unit: "days",
      format: "count",
      base: 365,
      source: "red-rook-2026",
    },
    ...gpt55PriceInputs("list", gpt55),
  ],
  outputs: [
    {
      key: "tokens_per_day",
      label: "Tokens per day",
      unit: "tokens per day",
      format: "count",
      formula: "agents * tokens_per_agent_per_hour * hours_per_day",
    },
    {
      key: "cost_per_day",
      label: "Cost per day",
      unit: "USD per day",
      format: "usd",
      formula: "tokens_per_day * blended_price / 1000000",
    },
    {
      key: "list_blended_price",
      label: "Blended price from GPT-5.5 list prices",
      unit: "USD per million tokens",
      format: "usdPrecise",
      formula: "AICOST.BLENDED_PRICE(list_input_price, list_output_price, output_share)",
      note: "Beside the analysis's $15: equal when the output share is 0.4.",
    },
    {
      key: "annual_cost",
      label: "Annual cost at the analysis's blended price",
      unit: "USD per year",
      format: "usdMillions",
      formula: "AICOST.TOKEN_COST(tokens_per_agent_per_hour, agents, blended_price, hours_per_day, days_per_year)",
      chart: true,
    },
    {
      key: "annual_cost_at_list_blend",
      label: "Annual cost at the list-price blend",
      unit: "USD per year",
      format: "usdMillions",
      formula: "AICOST.TOKEN_COST(tokens_per_agent_per_hour, agents, list_blended_price, hours_per_day, days_per_year)",
      chart: true,
    },
  ],
  notes: [
    "This sheet reproduces the Red Rook AI analysis: 10,000 agents × 50,000 tokens an hour × 24 hours × 365 days at $15 per million tokens.",
    "The $15 blended price is the analysis's; the list-price blend shows where it comes from. Change the output share to see how the bill moves with the mix of input and output tokens.",
    "The analysis gives no ranges, so the Low and High columns repeat Base until you enter your own.",
  ],
};
