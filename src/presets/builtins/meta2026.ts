import type { Preset } from "../types";
import { companyCoreInputs, companyCoreOutputs } from "./shared";
import { metaCapexGuidance2026, metaLayoffsMay2026, pressReports, redRookAnalysis } from "./sources";

/** Meta's figures as public reporting gives them: the Reported column of the Meta presets. */
export const metaReported = {
  jobsCut: {
    value: 8_000,
    source: metaLayoffsMay2026.id,
    note: "about 8,000 jobs, 10% of staff, from 20 May 2026; 6,000 open roles closed as well, not counted here as jobs cut.",
  },
  aiCapex: {
    value: 125_000_000_000,
    source: metaCapexGuidance2026.id,
    note: "Meta's guidance for all of its 2026 capital expenditure (finance-lease principal included), $115B–$135B, given on 28 January 2026; Reported holds the midpoint.",
  },
} as const;

/** Where public reporting differs from the analysis; repeated in the big-tech-2026 preset. */
export const metaReportingNotes: readonly string[] = [
  "Public reporting disagrees with the analysis, side by side in the Reported column: about 8,000 jobs (10% of staff) cut from 20 May 2026, with 6,000 open roles closed (NG Times, 2026-05-04), against the analysis's 23,000; Meta's guidance for its total 2026 capital expenditure, $115B–$135B (28 January 2026, $125B at the midpoint), against the analysis's $60B–$65B, the range Meta had given for 2025. Inputs without a reported figure repeat Base there, in grey italic.",
  "Meta's quarterly filings put its headcount at about 87,000 at the 2022 peak; the analysis's figure of about 107,000 is kept as given.",
];

/** Where the analysis contradicts its own figures (a GPU cluster's annual cost against Meta's labor savings); repeated in the gpu-cluster-100k preset. */
export const clusterCostContradiction =
  "The analysis contradicts itself on the 100,000-GPU cluster: it gives the cluster's annual cost as $1.2B–$1.4B, while its own $3.5B–$4B over three years is $1.17B–$1.33B a year; and it calls that cost comparable to, or larger than, Meta's labor savings, while by its own numbers (23,000 × $165,000 = $3.795B a year) it is 31%–35% of them. The models here follow the figures: the gpu-cluster-100k sheet's Annual cost is $1.17B (Low), $1.25B (Base), $1.33B (High).";

/** Meta's 2026 job cut against its AI capital spending, as the Red Rook AI analysis puts it. */
export const meta2026: Preset = {
  version: 1,
  id: "meta-2026",
  title: "Meta 2026: job cuts vs AI capex",
  summary: "What Meta's 2026 cut of 23,000 jobs saves each year, set against its AI capital spending.",
  asOf: "2026-04",
  sources: [redRookAnalysis, pressReports, metaLayoffsMay2026, metaCapexGuidance2026],
  inputs: [
    ...companyCoreInputs({
      costPerEmployeeLabel: "Fully loaded cost per employee (2025 estimate)",
      costPerEmployeeUsd: 165_000,
      aiCapexUsd: { base: 62_500_000_000, low: 60_000_000_000, high: 65_000_000_000, note: "The analysis gives $60B–$65B; Base is the midpoint." },
      recurringShareNote: 'The analysis\'s "even if half" case.',
      reported: metaReported,
    }),
    {
      key: "cuts_2022",
      label: "Jobs cut in late 2022",
      unit: "employees",
      format: "count",
      base: 11_000,
      source: "red-rook-2026",
    },
    {
      key: "cuts_2023",
      label: "Jobs cut in 2023",
      unit: "employees",
      format: "count",
      base: 10_000,
      source: "red-rook-2026",
    },
    {
      key: "peak_workforce",
      label: "Peak workforce",
      unit: "employees",
      format: "count",
      base: 107_000,
      source: "red-rook-2026",
      note: '"About 107,000" in the analysis.',
    },
  ],
  outputs: [
    ...companyCoreOutputs,
    {
      key: "cumulative_jobs_cut",
      label: "Jobs cut over three rounds (2022, 2023, 2026)",
      unit: "employees",
      format: "count",
      formula: "cuts_2022 + cuts_2023 + jobs_cut",
    },
    {
      key: "cumulative_share_of_peak",
      label: "Jobs cut over three rounds as a share of peak workforce",
      unit: "fraction of peak workforce",
      format: "fraction",
      formula: "cumulative_jobs_cut / peak_workforce",
    },
  ],
  notes: [
    "This sheet reproduces the Red Rook AI analysis; change any input to test another reading.",
    ...metaReportingNotes,
    clusterCostContradiction,
    "Recurring AI cost treats a share of one year's capex as a cost that returns every year (depreciation, power, staff); it is the analysis's simplification, not an accounting figure.",
  ],
};
