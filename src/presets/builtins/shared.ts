import type { PresetInput, PresetOutput, PresetReported } from "../types";

/** The figures that differ between the company presets; everything else about the core inputs is shared. */
export interface CompanyFigures {
  readonly costPerEmployeeLabel: string;
  readonly costPerEmployeeUsd: number;
  readonly aiCapexUsd: { readonly base: number; readonly low?: number; readonly high?: number; readonly note?: string };
  readonly recurringShareNote: string;
  /** What public reporting says of the cut and of the capex, where a dated, linked source was found. */
  readonly reported?: { readonly jobsCut?: PresetReported; readonly aiCapex?: PresetReported };
}

/** The inputs companyCoreOutputs reads: jobs_cut, cost_per_employee, ai_capex and recurring_share. */
export function companyCoreInputs(figures: CompanyFigures): PresetInput[] {
  return [
    {
      key: "jobs_cut",
      label: "Jobs cut in 2026",
      unit: "employees",
      format: "count",
      base: 23_000,
      source: "red-rook-2026",
      note:
        figures.reported?.jobsCut === undefined
          ? "As the analysis reports it from April 2026 press reports; no other figure is sourced here."
          : "As the analysis reports it from April 2026 press reports; public reporting differs (the Reported column).",
      ...(figures.reported?.jobsCut === undefined ? {} : { reported: figures.reported.jobsCut }),
    },
    {
      key: "cost_per_employee",
      label: figures.costPerEmployeeLabel,
      unit: "USD per employee per year",
      format: "usd",
      base: figures.costPerEmployeeUsd,
      source: "red-rook-2026",
      note: "Fully loaded: salary, benefits, stock and overhead.",
    },
    {
      key: "ai_capex",
      label: "AI capital expenditure, 2026",
      unit: "USD",
      format: "usdBillions",
      ...figures.aiCapexUsd,
      source: "red-rook-2026",
      ...(figures.reported?.aiCapex === undefined ? {} : { reported: figures.reported.aiCapex }),
    },
    {
      key: "recurring_share",
      label: "Share of AI capex that recurs each year",
      unit: "fraction of AI capex",
      format: "fraction",
      base: 0.5,
      source: "red-rook-2026",
      note: figures.recurringShareNote,
    },
  ];
}

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

/**
 * GPT-5.5's list prices as inputs, from the built-in price catalog, with keys
 * `<prefix>_input_price` and `<prefix>_output_price`, and the output share
 * (`output_share`) that blends them to the analysis's $15 per million tokens.
 */
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
    {
      key: "output_share",
      label: "Output share of tokens",
      unit: "fraction of all tokens",
      format: "fraction",
      base: 0.4,
      source: "red-rook-2026",
      note: "Derived: the analysis gives no split. 0.4 makes the GPT-5.5 list prices blend to exactly its $15: 0.4 × $30 + 0.6 × $5 = $15.",
    },
  ];
}

/** The discount rate of the timeline models: 10%, TEI's usual rate (source id "forrester-tei"). */
export const teiDiscountRateInput: PresetInput = {
  key: "discount_rate",
  label: "Discount rate",
  unit: "fraction per year",
  format: "fraction",
  base: 0.1,
  source: "forrester-tei",
  note: "10%, the rate Forrester's TEI studies use.",
};
