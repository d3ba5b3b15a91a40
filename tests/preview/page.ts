/*
 * The preview page in a happy-dom document: the page's own markup, a
 * HyperFormula workbook with an empty Sheet1, its host, and the grid's view
 * mounted on it, as the preview's script mounts them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { WorkbookView } from "../../src/preview/workbookView";

const page = readFileSync(join(__dirname, "..", "..", "src", "preview", "preview.html"), "utf8");

/** The element of the page with this id (throws when there is none). */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found as T;
}

/** The grid's cell at an A1 address (throws when it is not shown). */
export function td(address: string): HTMLTableCellElement {
  const found = document.querySelector<HTMLTableCellElement>(`#grid td[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address}`);
  return found;
}

/**
 * Puts the page's body in the document and mounts the view on a new workbook.
 * `paneHtml`, when given, fills the task pane's root, and the view is told of it (F6 moves there).
 */
export function mountPreviewPage(paneHtml?: string): { workbook: PreviewWorkbook; host: HyperFormulaHost } {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";
  if (paneHtml !== undefined) byId("taskpane-root").innerHTML = paneHtml;
  const workbook = new PreviewWorkbook(createAicostEngine({ Sheet1: [] }));
  const host = new HyperFormulaHost(workbook);
  new WorkbookView(workbook, {
    grid: byId("grid"),
    nameBox: byId<HTMLInputElement>("name-box"),
    formulaBar: byId<HTMLInputElement>("formula-bar"),
    tabs: byId("sheet-tabs"),
    status: byId("preview-status"),
    ...(paneHtml === undefined ? {} : { pane: byId("taskpane-root") }),
  }).mount();
  return { workbook, host };
}
