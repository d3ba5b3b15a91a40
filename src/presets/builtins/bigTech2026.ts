import { replaceKeys } from "../formula";
import type { Preset, PresetInput, PresetOutput, PresetSource } from "../types";
import { meta2026, metaReportingNotes } from "./meta2026";
import { microsoft2026, microsoftReportingNotes } from "./microsoft2026";
import { redRookAnalysis } from "./sources";

/**
 * Meta and Microsoft side by side. The company figures are taken from their own
 * presets, keys prefixed (jobs_cut -> meta_jobs_cut), so each figure is stated once.
 */
function prefixed(company: Preset, prefix: string, name: string): { inputs: PresetInput[]; outputs: PresetOutput[] } {
  const rename = (key: string): string => `${prefix}_${key}`;
  return {
    inputs: company.inputs.map((input) => ({
      ...input,
      key: rename(input.key),
      label: `${name}: ${input.label}`,
    })),
    outputs: company.outputs.map(({ chart: _chart, ...output }) => ({
      ...output,
      key: rename(output.key),
      label: `${name}: ${output.label}`,
      formula: replaceKeys(output.formula, rename),
    })),
  };
}

function uniqueSources(...lists: (readonly PresetSource[])[]): PresetSource[] {
  const byId = new Map<string, PresetSource>();
  for (const source of lists.flat()) if (!byId.has(source.id)) byId.set(source.id, source);
  return [...byId.values()];
}

const meta = prefixed(meta2026, "meta", "Meta");
const msft = prefixed(microsoft2026, "msft", "Microsoft");

export const bigTech2026: Preset = {
  version: 1,
  id: "big-tech-2026",
  title: "Big Tech 2026: Meta and Microsoft",
  summary: "Meta's and Microsoft's 2026 job cuts and AI capital spending side by side, and combined.",
  asOf: "2026-04",
  sources: uniqueSources(meta2026.sources, microsoft2026.sources),
  inputs: [...meta.inputs, ...msft.inputs],
  outputs: [
    ...meta.outputs,
    ...msft.outputs,
    {
      key: "combined_labor_savings",
      label: "Combined annual labor savings",
      unit: "USD per year",
      format: "usdBillions",
      formula: "meta_labor_savings + msft_labor_savings",
      chart: true,
    },
    {
      key: "combined_ai_capex",
      label: "Combined AI capex, 2026",
      unit: "USD",
      format: "usdBillions",
      formula: "meta_ai_capex + msft_ai_capex",
      chart: true,
    },
    {
      key: "combined_savings_share_of_capex",
      label: "Combined labor savings as a share of combined AI capex",
      unit: "fraction of AI capex",
      format: "fraction",
      formula: "combined_labor_savings / combined_ai_capex",
    },
  ],
  notes: [
    `Each company's inputs are those of its own preset (meta-2026, microsoft-2026), from the ${redRookAnalysis.publisher} analysis; change any of them here.`,
    ...metaReportingNotes.map((note) => `Meta: ${note}`),
    ...microsoftReportingNotes.map((note) => `Microsoft: ${note}`),
    "Recurring AI cost treats a share of one year's capex as a cost that returns every year; it is the analysis's simplification, not an accounting figure.",
  ],
};
