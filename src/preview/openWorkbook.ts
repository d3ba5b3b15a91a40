/*
 * The preview's workbook, opened by preview.ts through import() while the task
 * pane mounts: HyperFormula (its own chunk, hyperformula.js), the AICOST
 * functions with the price catalog they read, the workbook starting with an
 * empty "Sheet1", its grid, and the host the pane talks to once it is open.
 * This is most of the preview's JavaScript; keeping it out of preview.js lets
 * the pane be on screen and usable while it loads (see openingHost.ts).
 * HyperFormula is GPL-3.0 and reaches only the preview's files.
 */
import { createAicostEngine } from "../hyperformula/aicostPlugin";
import type { WorkbookHost } from "../workbook/host";
import { HyperFormulaHost } from "./hyperFormulaHost";
import type { RecordStorage } from "./presetRecords";
import { PreviewWorkbook } from "./workbook";
import { WorkbookView, type WorkbookViewElements } from "./workbookView";

/** Builds the workbook, draws it into `elements`, and returns its host. `storage` keeps the user's presets (see presetRecords.ts). */
export function openWorkbook(elements: WorkbookViewElements, storage: RecordStorage | undefined): WorkbookHost {
  const workbook = new PreviewWorkbook(createAicostEngine({ Sheet1: [] }), storage === undefined ? {} : { storage });
  new WorkbookView(workbook, elements).mount();
  return new HyperFormulaHost(workbook);
}
