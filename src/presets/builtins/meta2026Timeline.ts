import type { Preset, PresetOutput } from "../types";
import { meta2026, metaReportingNotes } from "./meta2026";
import { companyCoreOutputs, teiDiscountRateInput } from "./shared";
import { forresterTei, metaCapexGuidance2026, metaForm10K2024, metaForm10K2024Filing, metaLayoffsMay2026, pressReports, redRookAnalysis } from "./sources";

const coreInputKeys = new Set(["jobs_cut", "cost_per_employee", "ai_capex", "recurring_share"]);

/** The core outputs without their chart: a preset with a timeline charts its cumulative net cash. */
const coreOutputs: PresetOutput[] = companyCoreOutputs.map((output) => {
  const { chart, ...rest } = output;
  void chart;
  return rest;
});

/** Meta's 2026 AI capex against its job cut over five years, the capex seen three ways. */
export const meta2026Timeline: Preset = {
  version: 1,
  id: "meta-2026-5y",
  title: "Meta 2026 over five years: capex three ways",
  summary: "Meta's 2026 job cut against its AI capex over five years, the capex as the analysis's recurring half, as book depreciation over 5.5 years, and over a 3-year economic life.",
  asOf: "2026-04",
  sources: [redRookAnalysis, pressReports, metaForm10K2024, forresterTei, metaLayoffsMay2026, metaCapexGuidance2026, metaForm10K2024Filing],
  inputs: [
    ...meta2026.inputs.filter((input) => coreInputKeys.has(input.key)),
    {
      key: "server_useful_life",
      label: "Servers' useful life in Meta's books",
      unit: "years",
      format: "number",
      base: 5.5,
      source: "meta-10k-2024",
      note: "Servers and network assets, from January 2025.",
      reported: { value: 5.5, source: metaForm10K2024Filing.id, note: "the filing itself: the same 5.5 years." },
    },
    {
      key: "economic_life",
      label: "Economic life of AI hardware",
      unit: "years",
      format: "number",
      base: 3,
      source: "red-rook-2026",
      note: "The analysis's three-year horizon for a GPU cluster; the hardware is replaced when it ends.",
    },
    teiDiscountRateInput,
  ],
  outputs: [
    ...coreOutputs,
    {
      key: "book_depreciation",
      label: "Book depreciation of the AI capex",
      unit: "USD per year",
      format: "usdBillions",
      formula: "ai_capex / server_useful_life",
      note: "Straight line over the servers' useful life: $62.5B over 5.5 years is $11.36B a year.",
    },
    {
      key: "economic_cost",
      label: "AI capex over its economic life, refreshed",
      unit: "USD per year",
      format: "usdBillions",
      formula: "ai_capex / economic_life",
      note: "A fleet replaced as it wears out carries a third of its cost every year.",
    },
    {
      key: "book_depreciation_to_savings",
      label: "Book depreciation ÷ labor savings",
      unit: "ratio",
      format: "ratio",
      formula: "book_depreciation / labor_savings",
      note: 'The analysis\'s "recurring cost is 8× the savings" on a book basis: about 3×.',
    },
    {
      key: "economic_cost_to_savings",
      label: "Economic-life cost ÷ labor savings",
      unit: "ratio",
      format: "ratio",
      formula: "economic_cost / labor_savings",
    },
  ],
  timeline: {
    firstYear: 2026,
    years: 5,
    discountRate: "discount_rate",
    rows: [
      {
        key: "savings_flows",
        label: "Labor savings",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.SAVINGS_CASH_FLOWS(jobs_cut, cost_per_employee, years)",
        note: "A full year of savings from 2026, as the analysis counts them.",
      },
      {
        key: "recurring_cost_flows",
        label: "AI cost: the analysis's recurring half",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.GPU_CASH_FLOWS(0, 0, years, 0, recurring_ai_cost)",
      },
      {
        key: "book_depreciation_flows",
        label: "AI cost: book depreciation over the useful life",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.DEPRECIATION(ai_capex, server_useful_life, years)",
        fromYearOne: true,
      },
      {
        key: "economic_cost_flows",
        label: "AI cost: economic life, refreshed",
        unit: "USD per year",
        format: "usdBillions",
        formula: "AICOST.GPU_CASH_FLOWS(0, 0, years, 0, economic_cost)",
      },
      {
        key: "net_recurring",
        label: "Net: savings − recurring half",
        unit: "USD per year",
        format: "usdBillions",
        formula: "savings_flows - recurring_cost_flows",
      },
      {
        key: "net_book",
        label: "Net: savings − book depreciation",
        unit: "USD per year",
        format: "usdBillions",
        formula: "savings_flows - book_depreciation_flows",
      },
      {
        key: "net_economic",
        label: "Net: savings − economic-life cost",
        unit: "USD per year",
        format: "usdBillions",
        formula: "savings_flows - economic_cost_flows",
      },
    ],
    summaries: [
      { label: "Recurring half (the analysis)", net: "net_recurring", costs: "recurring_cost_flows", benefits: "savings_flows", measures: ["costsPv", "npv", "roi"] },
      { label: "Book depreciation (5.5 years)", net: "net_book", costs: "book_depreciation_flows", benefits: "savings_flows", measures: ["costsPv", "npv", "roi"] },
      { label: "Economic life (3 years, refreshed)", net: "net_economic", costs: "economic_cost_flows", benefits: "savings_flows", measures: ["costsPv", "npv", "roi"] },
    ],
  },
  notes: [
    "The analysis compares a year of labor savings with half of one year's capex recurring every year: the recurring cost is about 8× the savings. Meta's books spread the servers over 5.5 years, $11.36B a year for $62.5B: about 3× the savings. Hardware worn out in about 3 years and replaced costs a third of the fleet every year: about 5.5× the savings.",
    "Each view is a yearly cost set against the yearly savings, with nothing at the start; payback and IRR do not apply to them, so the summary gives present values and ROI.",
    "Book depreciation of 2026's capex alone: later years' capex would add its own depreciation, so the book view is the least that 2026's spending costs each year.",
    ...metaReportingNotes,
  ],
};
