import type { Preset } from "../types";
import { redRookAnalysis } from "./sources";

/** The analysis's productivity paradox: AI spend against labor saved, with and without new AI revenue. */
export const aiParadox: Preset = {
  version: 1,
  id: "ai-paradox",
  title: "The AI productivity paradox",
  summary: "AI spending against the labor it saves, with and without profit from new AI revenue.",
  asOf: "2026-04",
  sources: [redRookAnalysis],
  inputs: [
    {
      key: "ai_spend",
      label: "AI spend",
      unit: "USD",
      format: "usdBillions",
      base: 10_000_000_000,
      source: "red-rook-2026",
    },
    {
      key: "labor_saved",
      label: "Labor cost saved",
      unit: "USD",
      format: "usdBillions",
      base: 4_000_000_000,
      source: "red-rook-2026",
    },
    {
      key: "new_ai_profit",
      label: "Incremental profit from new AI revenue",
      unit: "USD",
      format: "usdBillions",
      base: 15_000_000_000,
      source: "red-rook-2026",
    },
  ],
  outputs: [
    {
      key: "net_without_revenue",
      label: "Net effect without new revenue",
      unit: "USD",
      format: "usdBillions",
      formula: "labor_saved - ai_spend",
      chart: true,
    },
    {
      key: "net_with_revenue",
      label: "Net effect with new revenue",
      unit: "USD",
      format: "usdBillions",
      formula: "labor_saved + new_ai_profit - ai_spend",
      chart: true,
    },
  ],
  notes: [
    "This sheet reproduces the Red Rook AI analysis's illustration: cost cutting alone does not pay for the AI spend; new revenue can.",
    "The figures are the analysis's round illustration, not one company's accounts. The analysis gives no ranges, so the Low and High columns repeat Base until you enter your own.",
  ],
};
