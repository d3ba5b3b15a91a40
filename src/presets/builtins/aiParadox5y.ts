import { teiDiscountRateInput } from "./shared";
import type { Preset } from "../types";
import { aiParadox } from "./aiParadox";
import { forresterTei, redRookAnalysis } from "./sources";

const [aiSpend, laborSaved, newAiProfit] = aiParadox.inputs;

/** The analysis's productivity paradox as a five-year case: the spend at the start, part of it again every year. */
export const aiParadox5y: Preset = {
  version: 1,
  id: "ai-paradox-5y",
  title: "The AI productivity paradox over five years",
  summary: "The $10B AI spend against $4B of labor saved and $15B of new AI profit a year, over five years at 10%: net, NPV and payback with and without the new revenue.",
  asOf: "2026-04",
  sources: [redRookAnalysis, forresterTei],
  inputs: [
    { ...(aiSpend as Preset["inputs"][number]), label: "AI spend at the start", note: "Spent at the start (Initial)." },
    { ...(laborSaved as Preset["inputs"][number]), label: "Labor cost saved each year", unit: "USD per year", note: "Saved in each of years 1 to 5." },
    { ...(newAiProfit as Preset["inputs"][number]), label: "Incremental profit from new AI revenue each year", unit: "USD per year", note: "Earned in each of years 1 to 5." },
    {
      key: "recurring_share",
      label: "Share of the AI spend that recurs each year",
      unit: "fraction of AI spend",
      format: "fraction",
      base: 0.5,
      low: 0,
      high: 1,
      source: "red-rook-2026",
      note: 'The analysis\'s "even if half" of AI spending recurs; Low: spent once, High: spent again every year.',
    },
    teiDiscountRateInput,
  ],
  outputs: [
    {
      key: "one_year_net_without_revenue",
      label: "One year, as the analysis puts it: net without new revenue",
      unit: "USD",
      format: "usdBillions",
      formula: "labor_saved - ai_spend",
    },
    {
      key: "one_year_net_with_revenue",
      label: "One year, as the analysis puts it: net with new revenue",
      unit: "USD",
      format: "usdBillions",
      formula: "labor_saved + new_ai_profit - ai_spend",
    },
    {
      key: "recurring_spend",
      label: "AI spend recurring each year",
      unit: "USD per year",
      format: "usdBillions",
      formula: "ai_spend * recurring_share",
    },
  ],
  timeline: {
    firstYear: 2026,
    years: 5,
    discountRate: "discount_rate",
    rows: [
      {
        key: "ai_spend_flows",
        label: "AI spend",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.GPU_CASH_FLOWS(1, ai_spend, years, 0, recurring_spend)",
        note: "The spend at the start as one purchase, its recurring share as a running cost in each year.",
      },
      {
        key: "labor_saved_flows",
        label: "Labor cost saved",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.SAVINGS_CASH_FLOWS(1, labor_saved, years)",
      },
      {
        key: "new_profit_flows",
        label: "Profit from new AI revenue",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.SAVINGS_CASH_FLOWS(1, new_ai_profit, years)",
      },
      {
        key: "net_without_revenue",
        label: "Net without new revenue",
        unit: "USD per year",
        format: "usdBillions",
        formula: "labor_saved_flows - ai_spend_flows",
      },
      {
        key: "benefits_with_revenue",
        label: "Labor saved and new profit",
        unit: "USD per year",
        format: "usdBillions",
        formula: "labor_saved_flows + new_profit_flows",
      },
      {
        key: "net_with_revenue",
        label: "Net with new revenue",
        unit: "USD per year",
        format: "usdBillions",
        formula: "benefits_with_revenue - ai_spend_flows",
      },
    ],
    summaries: [
      { label: "Without new revenue", net: "net_without_revenue", costs: "ai_spend_flows", benefits: "labor_saved_flows", measures: ["npv", "irr", "payback", "roi"] },
      { label: "With new revenue", net: "net_with_revenue", costs: "ai_spend_flows", benefits: "benefits_with_revenue", measures: ["npv", "irr", "payback", "roi"] },
    ],
  },
  notes: [
    "This sheet turns the Red Rook AI analysis's one-year illustration into five years: the $10B is spent at the start, and the recurring share of it again in each year; labor savings and new profit arrive in each of years 1 to 5. The one-year ai-paradox model stays as the analysis gives it.",
    "The analysis gives no timing and no ranges: the timing here is a stated reading, and only the recurring share varies between Low (spent once), Base (half recurs, the analysis's \"even if half\") and High (all of it recurs).",
    "Payback shows #N/A when the cumulative net cash never reaches zero within five years; IRR shows #NUM! when the net row never turns positive.",
  ],
};
