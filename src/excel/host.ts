import type { SheetPlan } from "../presets/plan.types";

/** What loading a plan did. */
export interface LoadOutcome {
  /** The sheet actually created (the wanted name, or the next free one). */
  readonly sheetName: string;
}

/**
 * The task pane talks to a workbook only through this interface: Office.js in
 * Excel, a HyperFormula workbook in the preview host. A load never overwrites
 * or deletes anything that exists; a failed load leaves the workbook as it was.
 */
export interface WorkbookHost {
  /** "Excel" or "Preview", for messages. */
  readonly name: string;
  /** Why this host cannot load models (a missing requirement set), or null when it can. */
  requirementProblem(): string | null;
  /** Adds a new sheet for the plan, activates it, and returns its name. */
  loadPlan(plan: SheetPlan): Promise<LoadOutcome>;
}
