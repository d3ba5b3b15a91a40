/*
 * The preview host's page (dist/preview.html): a HyperFormula workbook with the
 * AICOST functions, starting with an empty "Sheet1", beside the add-in's own task
 * pane (mountPane, the code Excel runs) wired to a HyperFormula-backed host.
 * The workbook lives as long as the page; the user's presets are also kept in
 * the browser's localStorage, so a reload keeps them.
 * No office.js and nothing from the internet: the page works offline.
 * HyperFormula is GPL-3.0 and is bundled into preview.js only.
 */
import { createAicostEngine } from "../hyperformula/aicostPlugin";
import { applyTheme } from "../taskpane/fluent";
import { mountPane } from "../taskpane/pane";
import { themeOfQuery } from "../taskpane/theme";
import { HyperFormulaHost } from "./hyperFormulaHost";
import { PreviewWorkbook } from "./workbook";
import { WorkbookView } from "./workbookView";

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The preview page has no #${id}.`);
  return found;
}

/** The browser's localStorage, or undefined where the browser refuses it (then presets live as long as the page). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function start(): void {
  // Excel's pane wears Office's light or dark theme; the preview shows either (preview.html?theme=dark).
  const theme = themeOfQuery(window.location.search) ?? "light";
  applyTheme(theme);
  const toggle = document.createElement("a");
  toggle.className = "theme-toggle";
  toggle.href = `?theme=${theme === "dark" ? "light" : "dark"}`;
  toggle.textContent = theme === "dark" ? "Light theme" : "Dark theme";
  document.querySelector(".taskpane-title")?.append(toggle);
  const storage = browserStorage();
  const workbook = new PreviewWorkbook(createAicostEngine({ Sheet1: [] }), storage === undefined ? {} : { storage });
  new WorkbookView(workbook, {
    grid: element("grid", HTMLElement),
    nameBox: element("name-box", HTMLInputElement),
    formulaBar: element("formula-bar", HTMLInputElement),
    tabs: element("sheet-tabs", HTMLElement),
    status: element("preview-status", HTMLElement),
    pane: element("taskpane-root", HTMLElement),
  }).mount();
  mountPane(element("taskpane-root", HTMLElement), new HyperFormulaHost(workbook));
  document.body.dataset.ready = "true";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
