import type { Preset } from "../types";
import { companyCoreInputs, companyCoreOutputs } from "./shared";
import { pressReports, redRookAnalysis } from "./sources";

/** Where public reporting differs from the analysis; repeated in the big-tech-2026 preset. */
export const metaReportingNotes: readonly string[] = [
  "Public reporting disagrees: other outlets report different figures for the size of the 2026 cut and for Meta's 2026 capital spending. Meta's guidance for its total 2026 capital expenditure, reported in January 2026, was well above $60B–$65B, the range Meta had given for 2025.",
  "Meta's quarterly filings put its headcount at about 87,000 at the 2022 peak; the analysis's figure of about 107,000 is kept as given.",
];

/** Meta's 2026 job cut against its AI capital spending, as the Red Rook AI analysis puts it. */
export const meta2026: Preset = {
  version: 1,
  id: "meta-2026",
  title: "Meta 2026: job cuts vs AI capex",
  summary: "What Meta's 2026 cut of 23,000 jobs saves each year, set against its AI capital spending.",
  asOf: "2026-04",
  sources: [redRookAnalysis, pressReports],
  inputs: [
    ...companyCoreInputs({
      costPerEmployeeLabel: "Fully loaded cost per employee (2025 estimate)",
      costPerEmployeeUsd: 165_000,
      aiCapexUsd: { base: 62_500_000_000, low: 60_000_000_000, high: 65_000_000_000, note: "The analysis gives $60B–$65B; Base is the midpoint." },
      recurringShareNote: 'The analysis\'s "even if half" case.',
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
    "Recurring AI cost treats a share of one year's capex as a cost that returns every year (depreciation, power, staff); it is the analysis's simplification, not an accounting figure.",
  ],
};
