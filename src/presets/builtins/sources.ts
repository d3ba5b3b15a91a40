/**
 * Sources shared by several built-in presets. A source carries a URL only where
 * the address is one we can stand behind; otherwise it names the publication.
 */
import type { PresetSource } from "../types";

/** The analysis most built-in presets reproduce. */
export const redRookAnalysis: PresetSource = {
  id: "red-rook-2026",
  title: "Meta's 23,000-Person Cut and the AI Productivity Paradox",
  shortTitle: "Red Rook AI analysis",
  publisher: "Red Rook AI",
  date: "2026",
};

/** The news reporting the analysis cites for the 2026 job cuts and AI spending. */
export const pressReports: PresetSource = {
  id: "press-2026-04",
  title: "Reporting on the 2026 job cuts and AI spending, as cited by the Red Rook AI analysis",
  shortTitle: "Press reports, April 2026",
  publisher: "Reuters; Business Insider; Fortune; BBC News; Ars Technica",
  date: "2026-04",
};

/** OpenAI's published API prices (GPT-5.5: $5 input, $30 output per million tokens). */
export const openAiPricing: PresetSource = {
  id: "openai-pricing",
  title: "OpenAI API pricing: GPT-5.5",
  shortTitle: "OpenAI API pricing",
  publisher: "OpenAI",
  date: "2026-04",
  url: "https://openai.com/api/pricing/",
};

/** Meta's annual report: servers and network assets depreciated over 5.5 years from fiscal 2025. */
export const metaForm10K2024: PresetSource = {
  id: "meta-10k-2024",
  title: "Meta Platforms, Inc. Form 10-K for fiscal year 2024: useful lives of servers and network assets extended to 5.5 years from January 2025",
  shortTitle: "Meta Form 10-K, FY2024",
  publisher: "Meta Platforms, Inc. (filed with the SEC)",
  date: "2025-01",
};

/** Forrester's Total Economic Impact method: costs and benefits risk-adjusted, discounted at 10% a year. */
export const forresterTei: PresetSource = {
  id: "forrester-tei",
  title: "Forrester Total Economic Impact (TEI) method: risk-adjusted costs and benefits over three years, discounted at 10% a year",
  shortTitle: "Forrester TEI method",
  publisher: "Forrester Research",
  date: "2025",
};
