/**
 * A preset is data: a typed, sourced model that the planner turns into a sheet.
 * Every input names the source it comes from; every output is a formula over
 * input and output keys, written once and instantiated for the Low, Base and
 * High columns (and Reported, after High, where an input has a reported figure).
 */

/** How a value is shown. Values stay raw numbers (USD, not USD billions); the format does the scaling. */
export type ValueFormat =
  | "usd" // $1,234,567
  | "usdBillions" // $3.8B (the value is in USD)
  | "usdMillions" // $65.7M (the value is in USD)
  | "usdPrecise" // $2.50 (prices per GPU-hour, per million tokens)
  | "count" // 23,000
  | "fraction" // 50% (the value is a fraction 0..1)
  | "ratio" // 3.1x
  | "number"; // 1,234.56

export interface PresetSource {
  /** Short id that inputs refer to, unique within the preset. */
  readonly id: string;
  readonly title: string;
  /** A few words shown in the Source column of the assumptions table; the title when absent. */
  readonly shortTitle?: string;
  readonly publisher: string;
  /** ISO date of publication: YYYY-MM-DD, YYYY-MM, or YYYY when only the year is known. */
  readonly date: string;
  readonly url?: string;
}

export interface PresetInput {
  /** snake_case identifier used in output formulas; unique within the preset. */
  readonly key: string;
  readonly label: string;
  /** Unit as a reader sees it, e.g. "USD per employee per year". */
  readonly unit: string;
  readonly format: ValueFormat;
  readonly base: number;
  readonly low?: number;
  readonly high?: number;
  /** Id of the source in `sources`. */
  readonly source: string;
  /** e.g. "fully loaded: salary, benefits, stock and overhead", or "derived: ..." */
  readonly note?: string;
  /**
   * A residual the preset derives so that its columns reproduce a source's
   * totals. Its Low and High values follow the scenario columns, not the order
   * of the values, so low <= base <= high is not required of it.
   */
  readonly derived?: boolean;
  /**
   * What public reporting or a filing says, where it differs from (or checks)
   * the analysis: shown in a fourth scenario column, Reported, after High. Its
   * source must carry a date and a link. Not a range: the uncertainty tools
   * read Low and High only.
   */
  readonly reported?: PresetReported;
}

/** A reported figure with its own source. */
export interface PresetReported {
  readonly value: number;
  /** Id of the source in `sources`: the report or filing the value is from. */
  readonly source: string;
  /** e.g. "about 8,000 jobs, 10% of staff, from 20 May 2026". */
  readonly note?: string;
}

export interface PresetOutput {
  /** snake_case identifier; later outputs may refer to earlier ones. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly format: ValueFormat;
  /**
   * A formula over input and output keys with the AICOST functions and plain
   * arithmetic, without the leading "=", e.g. "AICOST.LABOR_SAVINGS(jobs_cut, cost_per_employee)".
   */
  readonly formula: string;
  readonly note?: string;
  /** Plotted in the sheet's chart. */
  readonly chart?: boolean;
}

export interface Preset {
  /** File format version. */
  readonly version: 1;
  /** kebab-case id, e.g. "meta-2026". */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** ISO date the figures are as of (YYYY-MM-DD, YYYY-MM or YYYY). */
  readonly asOf: string;
  readonly sources: readonly PresetSource[];
  readonly inputs: readonly PresetInput[];
  readonly outputs: readonly PresetOutput[];
  /** Caveats, disagreements between sources, how derived values were derived. */
  readonly notes?: readonly string[];
  /** Cash flows over years, laid out below the results with years across the columns. */
  readonly timeline?: PresetTimeline;
}

/**
 * An output that is a row over the timeline's years: the start (Initial) then
 * one cell per year, so rows add and subtract cell by cell.
 */
export interface PresetTimelineRow {
  /** snake_case identifier; later rows may refer to earlier ones. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly format: ValueFormat;
  /**
   * A formula over input keys, output keys (one value each), earlier row keys
   * (the whole row) and `years` (the timeline's number of years, typed into the
   * formula as a number), e.g. "AICOST.SAVINGS_CASH_FLOWS(jobs_cut, cost_per_employee, years)".
   */
  readonly formula: string;
  /**
   * The formula gives years 1..N without a start cell (AICOST.DEPRECIATION):
   * the Initial cell holds 0 and the formula starts in the first year's column.
   */
  readonly fromYearOne?: boolean;
  readonly note?: string;
}

/** A measure read from a net cash-flow row. */
export type TimelineMeasure = "costsPv" | "benefitsPv" | "npv" | "irr" | "payback" | "roi";

/** One line of business case summarised: NPV, IRR, payback and ROI as asked. */
export interface PresetTimelineSummary {
  /** e.g. "Without new revenue". */
  readonly label: string;
  /** Key of the net cash-flow row (benefits − costs). */
  readonly net: string;
  /** Keys of the cost and benefit rows: "costsPv" needs costs, "benefitsPv" benefits, "roi" both. */
  readonly costs?: string;
  readonly benefits?: string;
  readonly measures: readonly TimelineMeasure[];
}

export interface PresetTimeline {
  /** The calendar year of year 1, e.g. 2026; the Initial column comes before it. */
  readonly firstYear: number;
  /** How many years after the start, 1 to 50. */
  readonly years: number;
  /** Key of the input holding the discount rate (a fraction per year). */
  readonly discountRate: string;
  readonly rows: readonly PresetTimelineRow[];
  /** The first summary's net row is charted as cumulative net cash per scenario. */
  readonly summaries: readonly PresetTimelineSummary[];
}

/** The three scenario columns of every model sheet. */
export type Scenario = "low" | "base" | "high";
export const scenarios: readonly Scenario[] = ["low", "base", "high"];

/** The columns of a model sheet: the three scenarios, and Reported after High when a preset has reported figures. */
export type SheetScenario = Scenario | "reported";

/** Whether any input of a preset has a reported figure: its sheet then has a Reported column. */
export function hasReported(preset: Pick<Preset, "inputs">): boolean {
  return preset.inputs.some((input) => input.reported !== undefined);
}

/** The scenario columns of a preset's sheet, in order. */
export function sheetScenariosOf(preset: Pick<Preset, "inputs">): readonly SheetScenario[] {
  return hasReported(preset) ? [...scenarios, "reported"] : scenarios;
}
