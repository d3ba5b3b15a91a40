/**
 * A sheet plan: everything a writer needs to put a preset into a workbook, built
 * in memory by a pure function and written in one go. Writers (Office.js, the
 * preview's HyperFormula workbook, the exceljs export) only translate it.
 */

/** What a cell holds. Text is always literal text, even when it starts with "=", "+", "-" or "@". */
export type PlannedContent =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "formula"; readonly formula: string }; // starts with "="

/** Visual role of a cell; each writer maps roles to its own styling. */
export type CellRole =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "input" // an assumption: blue
  | "inputLink" // a Low/High assumption that repeats the Base value by formula
  | "reportedAsBase" // a Reported assumption without a reported figure: repeats Base by formula, grey italic
  | "output" // a formula result: black
  | "unit"
  | "source"
  | "note"
  | "link"
  | "check"; // a formula that shows a warning ("Base is above High") when an input's values are out of order, else ""

export interface PlannedCell {
  /** A1 address on the sheet, e.g. "C7". */
  readonly address: string;
  /** 0-based row and column. */
  readonly row: number;
  readonly column: number;
  readonly content: PlannedContent;
  readonly role: CellRole;
  /** Excel number format code; "@" for text. */
  readonly numberFormat?: string;
  readonly hyperlink?: string;
}

export interface PlannedChart {
  readonly title: string;
  readonly type: "columnClustered" | "barClustered";
  /** Range of the category labels, e.g. "A20:A23". */
  readonly categories: string;
  /** One series per scenario column. */
  readonly series: readonly { readonly name: string; readonly range: string }[];
  /** Top-left and bottom-right anchor cells. */
  readonly topLeft: string;
  readonly bottomRight: string;
  readonly numberFormat?: string;
}

/**
 * A warning the sheet itself carries: while `cell` (a check formula) shows any
 * text, the cells of `range` are highlighted. Excel and an exported .xlsx hold
 * it as a conditional format (formula `=$H$7<>""`); the preview highlights the
 * range the same way.
 */
export interface PlannedCheck {
  /** The cells to highlight, e.g. "B7:D7". */
  readonly range: string;
  /** The check formula's cell, e.g. "H7". */
  readonly cell: string;
}

/** The Low, Base and High cells (or row ranges) of one key, and its Reported cell on a sheet with that column. */
export interface ScenarioCells {
  readonly low: string;
  readonly base: string;
  readonly high: string;
  readonly reported?: string;
}

/** Where a timeline landed on the sheet. */
export interface PlannedTimeline {
  /** The header cells Initial, 2026, 2027, ... e.g. "B30:G30". */
  readonly yearsHeader: string;
  /** Each row's range in each scenario block, e.g. { low: "B32:G32", ... }. */
  readonly rows: Readonly<Record<string, ScenarioCells>>;
  /** The cumulative net cash row of each scenario block (of the first summary's net row). */
  readonly cumulative: ScenarioCells;
  /** Each summary's measure cells, Low, Base and High side by side. */
  readonly summaries: readonly {
    readonly label: string;
    readonly net: string;
    readonly measures: Readonly<Partial<Record<"costsPv" | "benefitsPv" | "npv" | "irr" | "payback" | "roi", ScenarioCells>>>;
  }[];
}

export interface SheetPlan {
  readonly presetId: string;
  /** The sheet name wanted; the writer picks the next free one ("Meta 2026 (2)"). */
  readonly sheetName: string;
  /** Cells in row-major order. */
  readonly cells: readonly PlannedCell[];
  /** Used range, e.g. "A1:G40". */
  readonly usedRange: string;
  readonly columnWidths: readonly { readonly column: number; readonly widthPoints: number }[];
  /** Rows frozen at the top. */
  readonly freezeRows: number;
  readonly chart?: PlannedChart;
  /** Warnings the sheet carries, one per input whose Low, Base and High must stay in order. */
  readonly checks?: readonly PlannedCheck[];
  /** Where each input and output lands: key -> { low, base, high } addresses (and `reported` on a sheet with a Reported column). */
  readonly keyCells: Readonly<Record<string, ScenarioCells>>;
  /** Where the timeline landed, for a preset with one. */
  readonly timeline?: PlannedTimeline;
}
