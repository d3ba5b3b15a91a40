/*
 * The preview's WorkbookHost: loads a sheet plan into the HyperFormula workbook
 * the way the Excel host loads it into Excel. The same checks of the plan
 * (planWorkbookWrite), the same free sheet name ("Meta 2026 (2)"), the same
 * cells, formulas, number formats, roles, links, widths, frozen rows and chart;
 * the new sheet is activated. A load that fails removes what it added, so the
 * workbook is as it was.
 */
import type { LoadOutcome, WorkbookHost } from "../excel/host";
import { freeSheetName } from "../excel/sheetName";
import { planWorkbookWrite } from "../excel/writePlan";
import { planToSheetContent } from "../hyperformula/planContent";
import type { SheetPlan } from "../presets/plan.types";
import { lookKey, type CellLook, type PreviewWorkbook, type SheetLayout } from "./workbook";

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, "");
}

/** The layout a plan brings, for the cells and sheet features HyperFormula does not keep. */
export function layoutOf(plan: SheetPlan): SheetLayout {
  const looks = new Map<string, CellLook>();
  for (const cell of plan.cells) {
    looks.set(lookKey(cell.row, cell.column), {
      role: cell.role,
      ...(cell.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }),
      ...(cell.hyperlink === undefined ? {} : { hyperlink: cell.hyperlink }),
    });
  }
  return {
    columnWidthsPoints: new Map(plan.columnWidths.map(({ column, widthPoints }) => [column, widthPoints])),
    freezeRows: plan.freezeRows,
    looks,
    ...(plan.chart ? { chart: plan.chart } : {}),
  };
}

export class HyperFormulaHost implements WorkbookHost {
  readonly name = "Preview";

  constructor(readonly workbook: PreviewWorkbook) {}

  requirementProblem(): string | null {
    return null;
  }

  async loadPlan(plan: SheetPlan): Promise<LoadOutcome> {
    const planned = planWorkbookWrite(plan);
    if (!planned.ok) throw new Error(`Cannot load "${plan.sheetName}": ${planned.problems.join(" ")}`);
    const content = planToSheetContent(plan);
    const layout = layoutOf(plan);
    const engine = this.workbook.engine;
    const sheetName = freeSheetName(plan.sheetName, engine.getSheetNames());

    let sheetId: number | undefined;
    try {
      sheetId = engine.getSheetId(engine.addSheet(sheetName));
      if (sheetId === undefined) throw new Error(`the sheet "${sheetName}" was not created`);
      engine.setSheetContent(sheetId, content);
      const chart = plan.chart;
      if (chart) {
        for (const range of [chart.categories, ...chart.series.map((s) => s.range)]) {
          if (this.workbook.range(range, sheetId)?.start.sheet !== sheetId) {
            throw new Error(`the chart range "${range}" is not a range of the sheet`);
          }
        }
      }
    } catch (error) {
      const reason = `Loading "${plan.sheetName}" into the preview failed: ${messageOf(error)}.`;
      if (sheetId !== undefined && engine.getSheetName(sheetId) !== undefined) engine.removeSheet(sheetId);
      throw new Error(`${reason} The workbook is unchanged.`, { cause: error });
    }
    this.workbook.adoptSheet(sheetId, layout);
    return { sheetName };
  }
}
