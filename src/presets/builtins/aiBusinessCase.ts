import { teiDiscountRateInput } from "./shared";
import type { Preset } from "../types";
import { agentFleet10k } from "./agentFleet10k";
import { forresterTei, redRookAnalysis } from "./sources";

/** The agent-fleet inputs the example's token line reads. */
const fleetKeys = new Set(["agents", "tokens_per_agent_per_hour", "blended_price", "hours_per_day", "days_per_year"]);

/** The template's example figures that no source gives: a team replaces them with its own. */
const exampleFigures = {
  id: "template-example",
  title: "Example figures of the business-case template, to be replaced with a team's own",
  shortTitle: "Template example",
  publisher: "AICOST",
  date: "2026-04",
} as const;

/**
 * A business case in the style of Forrester's Total Economic Impact: Initial
 * and years 1 to 3, cost and benefit lines, each risk-adjusted (costs up,
 * benefits down), discounted at 10%. Filled with the analysis's agent fleet.
 */
export const aiBusinessCase: Preset = {
  version: 1,
  id: "ai-business-case",
  title: "AI business case: a TEI-style template",
  summary: "A three-year business case for an AI project, TEI-style: risk-adjusted costs and benefits, their present values at 10%, NPV, ROI and payback. The example is the analysis's fleet of 10,000 agents.",
  asOf: "2026-04",
  sources: [redRookAnalysis, forresterTei, exampleFigures],
  inputs: [
    ...agentFleet10k.inputs.filter((input) => fleetKeys.has(input.key)),
    {
      key: "token_price_change",
      label: "Change in token prices each year",
      unit: "fraction per year",
      format: "fraction",
      base: 0,
      source: "template-example",
      note: "0 keeps the analysis's $15; -0.3 for prices falling 30% a year.",
    },
    {
      key: "gpu_count",
      label: "GPUs bought",
      unit: "GPUs",
      format: "count",
      base: 0,
      source: "template-example",
      note: "The example fleet runs on an API and buys no GPUs.",
    },
    {
      key: "gpu_unit_price",
      label: "Price per GPU",
      unit: "USD per GPU",
      format: "usd",
      base: 27_500,
      source: "red-rook-2026",
      note: "The analysis's per-GPU price for its 100,000-GPU cluster.",
    },
    {
      key: "implementation_cost",
      label: "Implementation, at the start",
      unit: "USD",
      format: "usdMillions",
      base: 5_000_000,
      source: "template-example",
    },
    {
      key: "training_initial",
      label: "Training, at the start",
      unit: "USD",
      format: "usdMillions",
      base: 1_000_000,
      source: "template-example",
    },
    {
      key: "training_per_year",
      label: "Training, each year",
      unit: "USD per year",
      format: "usdMillions",
      base: 500_000,
      source: "template-example",
    },
    {
      key: "jobs_saved",
      label: "Jobs the agents take over",
      unit: "employees",
      format: "count",
      base: 1_000,
      source: "template-example",
    },
    {
      key: "cost_per_employee",
      label: "Fully loaded cost per employee",
      unit: "USD per employee per year",
      format: "usd",
      base: 165_000,
      source: "red-rook-2026",
      note: "The analysis's figure for Meta (2025 estimate).",
    },
    {
      key: "productivity_gain",
      label: "Productivity gain of the remaining staff",
      unit: "USD per year",
      format: "usdMillions",
      base: 20_000_000,
      source: "template-example",
    },
    {
      key: "first_year_fraction",
      label: "Share of year 1 the benefits run",
      unit: "fraction of a year",
      format: "fraction",
      base: 0.5,
      source: "template-example",
      note: "A ramp-up: half a year of benefits in year 1.",
    },
    {
      key: "cost_risk",
      label: "Risk adjustment of costs (up)",
      unit: "fraction of costs",
      format: "fraction",
      base: 0.1,
      source: "forrester-tei",
    },
    {
      key: "benefit_risk",
      label: "Risk adjustment of benefits (down)",
      unit: "fraction of benefits",
      format: "fraction",
      base: 0.15,
      source: "forrester-tei",
    },
    teiDiscountRateInput,
  ],
  outputs: [
    {
      key: "tokens_per_year",
      label: "Tokens per year",
      unit: "tokens per year",
      format: "count",
      formula: "agents * tokens_per_agent_per_hour * hours_per_day * days_per_year",
    },
  ],
  timeline: {
    firstYear: 2026,
    years: 3,
    discountRate: "discount_rate",
    rows: [
      {
        key: "token_costs",
        label: "Cost: tokens or licences",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.TOKEN_COST_CASH_FLOWS(tokens_per_year, blended_price, years, token_price_change)",
      },
      {
        key: "gpu_costs",
        label: "Cost: GPUs",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.GPU_CASH_FLOWS(gpu_count, gpu_unit_price, years)",
      },
      {
        key: "implementation_costs",
        label: "Cost: implementation",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.GPU_CASH_FLOWS(1, implementation_cost, years)",
        note: "A one-time cost at the start.",
      },
      {
        key: "training_costs",
        label: "Cost: training",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.GPU_CASH_FLOWS(1, training_initial, years, 0, training_per_year)",
      },
      {
        key: "total_costs",
        label: "Total costs, risk-adjusted",
        unit: "USD per year",
        format: "usdMillions",
        formula: "(token_costs + gpu_costs + implementation_costs + training_costs) * (1 + cost_risk)",
      },
      {
        key: "labor_benefits",
        label: "Benefit: labor saved",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.SAVINGS_CASH_FLOWS(jobs_saved, cost_per_employee, years, first_year_fraction)",
      },
      {
        key: "productivity_benefits",
        label: "Benefit: productivity",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.SAVINGS_CASH_FLOWS(1, productivity_gain, years, first_year_fraction)",
      },
      {
        key: "total_benefits",
        label: "Total benefits, risk-adjusted",
        unit: "USD per year",
        format: "usdMillions",
        formula: "(labor_benefits + productivity_benefits) * (1 - benefit_risk)",
      },
      {
        key: "net_cash_flow",
        label: "Net cash flow",
        unit: "USD per year",
        format: "usdMillions",
        formula: "total_benefits - total_costs",
      },
    ],
    summaries: [
      {
        label: "Risk-adjusted",
        net: "net_cash_flow",
        costs: "total_costs",
        benefits: "total_benefits",
        measures: ["costsPv", "benefitsPv", "npv", "roi", "payback", "irr"],
      },
    ],
  },
  notes: [
    "A template: replace the example's figures with your project's. Costs are raised and benefits lowered by their risk adjustments, as TEI does; the start is undiscounted, each year's cash is at its end, and ROI is net ÷ costs.",
    "The token line is the Red Rook AI analysis's fleet: 10,000 agents × 50,000 tokens an hour × 24 hours × 365 days at $15 per million tokens, $65.7M a year. The jobs taken over, implementation, training and productivity figures are examples, not from a source.",
    "Payback shows #N/A when the cumulative net cash never reaches zero within the three years.",
  ],
};
