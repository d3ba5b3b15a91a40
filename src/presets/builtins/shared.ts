import type { PresetInput, PresetOutput } from "../types";

/**
 * The outputs every company preset shares (the analysis's comparison of a job
 * cut's labor savings with AI capital spending), over the inputs jobs_cut,
 * cost_per_employee, ai_capex and recurring_share.
 */
export const companyCoreOutputs: readonly PresetOutput[] = [
  {
    key: "labor_savings",
    label: "Annual labor savings",
    unit: "USD per year",
    format: "usdBillions",
    formula: "AICOST.LABOR_SAVINGS(jobs_cut, cost_per_employee)",
    chart: true,
  },
  {
    key: "recurring_ai_cost",
    label: "Recurring AI cost",
    unit: "USD per year",
    format: "usdBillions",
    formula: "ai_capex * recurring_share",
    chart: true,
  },
  {
    key: "net_annual_effect",
    label: "Net annual effect (labor savings − recurring AI cost)",
    unit: "USD per year",
    format: "usdBillions",
    formula: "labor_savings - recurring_ai_cost",
    note: "Negative when the recurring AI cost exceeds the labor saved.",
    chart: true,
  },
  {
    key: "savings_share_of_capex",
    label: "Labor savings as a share of AI capex",
    unit: "fraction of AI capex",
    format: "fraction",
    formula: "labor_savings / ai_capex",
  },
  {
    key: "recurring_cost_to_savings",
    label: "Recurring AI cost ÷ labor savings",
    unit: "ratio",
    format: "ratio",
    formula: "recurring_ai_cost / labor_savings",
  },
];

/** GPT-5.5's list prices as inputs, from the built-in price catalog, with keys `<prefix>_input_price` and `<prefix>_output_price`. */
export function gpt55PriceInputs(prefix: string, prices: { inputUsdPerMillion: number; outputUsdPerMillion: number }): PresetInput[] {
  return [
    {
      key: `${prefix}_input_price`,
      label: "GPT-5.5 input price",
      unit: "USD per million tokens",
      format: "usdPrecise",
      base: prices.inputUsdPerMillion,
      source: "openai-pricing",
    },
    {
      key: `${prefix}_output_price`,
      label: "GPT-5.5 output price",
      unit: "USD per million tokens",
      format: "usdPrecise",
      base: prices.outputUsdPerMillion,
      source: "openai-pricing",
    },
  ];
}
