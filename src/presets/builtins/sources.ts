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

// Public reporting and filings behind the Reported column: each a dated, linked source of its own.

/** Meta's 2026 cut as reported: about 8,000 jobs (10% of staff) from 20 May 2026, and 6,000 open roles cancelled. */
export const metaLayoffsMay2026: PresetSource = {
  id: "ngtimes-2026-05-04",
  title: "Report on Meta's layoffs of about 8,000 employees (10%) from 20 May 2026, with 6,000 open roles cancelled",
  shortTitle: "NG Times, Meta layoffs",
  publisher: "NG Times",
  date: "2026-05-04",
  url: "https://ngtimes.org/2026/05/04/meta-sets-a-may-twentieth-layoff-window-amid-the-capex-buildout",
};

/** Meta's guidance for its 2026 capital expenditure, given with its Q4 2025 results: $115B to $135B. */
export const metaCapexGuidance2026: PresetSource = {
  id: "fool-2026-01-28",
  title: "1 Massive Number From Meta Platforms' Earnings Report Every Investor Needs to See",
  shortTitle: "Motley Fool, Meta 2026 capex guidance",
  publisher: "The Motley Fool (Daniel Sparks), via Finviz",
  date: "2026-01-28",
  url: "https://finviz.com/news/290961/1-massive-number-from-meta-platforms-earnings-report-every-investor-needs-to-see",
};

/** Meta's Form 10-K for 2024 as filed: servers and network assets depreciated over 5.5 years from January 2025. */
export const metaForm10K2024Filing: PresetSource = {
  id: "meta-10k-2024-filed",
  title: "Meta Platforms, Inc. Form 10-K for fiscal year 2024, as filed with the SEC on 30 January 2025",
  shortTitle: "Meta Form 10-K, FY2024 (filed)",
  publisher: "Meta Platforms, Inc., via CapEdge",
  date: "2025-01-30",
  url: "https://capedge.com/filing/1326801/0001326801-25-000017/META-10K-2024FY",
};

/** Microsoft's servers and network equipment depreciated over six years (from four) from fiscal 2023. */
export const microsoftServerLife: PresetSource = {
  id: "register-2022-08-02",
  title: "Microsoft extends life of cloud servers from four to six years",
  shortTitle: "The Register, Microsoft server life",
  publisher: "The Register",
  date: "2022-08-02",
  url: "https://forums.theregister.com/forum/all/2022/08/02/microsoft_server_life_extension/",
};

/** Microsoft's capital expenditure in the first half of fiscal 2026: $72.4B including finance leases. */
export const microsoftCapexFirstHalf2026: PresetSource = {
  id: "nasdaq-2026-02-23",
  title: "Report on Microsoft's fiscal second-quarter 2026 results: capex and finance leases of $72.4B in the first half of fiscal 2026",
  shortTitle: "Nasdaq, Microsoft FY2026 H1 capex",
  publisher: "Nasdaq",
  date: "2026-02-23",
  url: "https://www.nasdaq.com/articles/msft-stock-vulnerable-rising-capex-pressure-ai-spending",
};
