import type { Preset } from "../types";
import { companyCoreInputs, companyCoreOutputs } from "./shared";
import { microsoftCapexFirstHalf2026, microsoftServerLife, pressReports, redRookAnalysis } from "./sources";

/** Microsoft's figures as public reporting gives them: the Reported column of the Microsoft presets. */
export const microsoftReported = {
  aiCapex: {
    value: 100_000_000_000,
    source: microsoftCapexFirstHalf2026.id,
    note: "Capital expenditure including finance leases was $72.4B in the first half of fiscal 2026 (July–December 2025), which Nasdaq reported as on course for roughly $100B in the year; Reported holds that yearly figure. The full-year figure, reported after June 2026, is not among the sources here.",
  },
} as const;

/** Where public reporting differs from the analysis; repeated in the big-tech-2026 preset. */
export const microsoftReportingNotes: readonly string[] = [
  "Public reporting disagrees on Microsoft's AI spending: in January 2025 Microsoft said it planned about $80B of AI data-centre investment in its 2025 fiscal year, and its capital expenditure including finance leases was $72.4B in the first half of fiscal 2026 alone (Nasdaq, 2026-02-23), which Nasdaq reported as on course for roughly $100B in the year (2026-02-23): the Reported column holds that $100B against the $55B used here for the year. Inputs without a reported figure repeat Base there, in grey italic.",
  "Microsoft depreciates its servers and network equipment over six years, from four since fiscal 2023 (The Register, 2022-08-02); this model has no useful-life input.",
];

/** Microsoft's 2026 job cut against its AI capital spending, as the Red Rook AI analysis puts it. */
export const microsoft2026: Preset = {
  version: 1,
  id: "microsoft-2026",
  title: "Microsoft 2026: job cuts vs AI capex",
  summary: "What Microsoft's 2026 cut of 23,000 jobs saves each year, set against its AI capital spending.",
  asOf: "2026-04",
  sources: [redRookAnalysis, pressReports, microsoftCapexFirstHalf2026, microsoftServerLife],
  inputs: [
    ...companyCoreInputs({
      costPerEmployeeLabel: "Fully loaded cost per employee",
      costPerEmployeeUsd: 195_000,
      aiCapexUsd: { base: 55_000_000_000 },
      recurringShareNote: 'The analysis\'s "even if half" case, applied as for Meta.',
      reported: microsoftReported,
    }),
    {
      key: "cuts_2023",
      label: "Jobs cut in 2023",
      unit: "employees",
      format: "count",
      base: 10_000,
      source: "red-rook-2026",
    },
  ],
  outputs: [
    ...companyCoreOutputs,
    {
      key: "cumulative_jobs_cut",
      label: "Jobs cut over two rounds (2023, 2026)",
      unit: "employees",
      format: "count",
      formula: "cuts_2023 + jobs_cut",
      note: "No peak-workforce figure is given, so no share of it is computed.",
    },
  ],
  notes: [
    "This sheet reproduces the Red Rook AI analysis; change any input to test another reading.",
    ...microsoftReportingNotes,
    "Recurring AI cost treats a share of one year's capex as a cost that returns every year (depreciation, power, staff); it is the analysis's simplification, not an accounting figure.",
  ],
};
