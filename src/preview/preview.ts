/*
 * The preview host's page (dist/preview.html): a HyperFormula workbook with the
 * AICOST functions, starting with an empty "Sheet1", beside the add-in's own task
 * pane (mountPane, the code Excel runs) wired to a HyperFormula-backed host.
 * The workbook lives as long as the page; the user's presets are also kept in
 * the browser's localStorage, so a reload keeps them.
 * The pane is mounted first: the workbook (openWorkbook.ts, with HyperFormula
 * and the price catalog) is imported beside it from this server's own files,
 * and the pane's host (openingHost.ts) waits for it, so a Load clicked while it
 * opens is carried out once it is open. <body data-ready="true"> marks the
 * workbook open, data-ready="failed" a workbook that could not be opened.
 * No office.js and nothing from the internet: the page works offline.
 * HyperFormula is GPL-3.0 and is bundled into the preview's files only.
 */
import { applyTheme } from "../taskpane/fluent";
import { mountPane } from "../taskpane/pane";
import { themeOfQuery } from "../taskpane/theme";
import type { WorkbookHost } from "../workbook/host";
import { OpeningHost } from "./openingHost";

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

/**
 * Runs `task` once the page has painted what it shows now (the pane): the
 * workbook's scripts, which run for a few hundred milliseconds, then never
 * hold back the pane's first paint, even when they come from the browser's
 * cache at once. A hidden page paints nothing, so it runs in 100 ms at most.
 */
function afterFirstPaint(task: () => void): void {
  let started = false;
  const once = (): void => {
    if (started) return;
    started = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/**
 * Why a script of the workbook did not load, in words: webpack's ChunkLoadError
 * ("Loading chunk 563 failed. (error: http://localhost:3000/hyperformula.js)")
 * names the file and whether the server failed it, took too long, or sent a
 * file that is not the chunk this page expects.
 */
function scriptFailure(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== "ChunkLoadError") return error;
  const { request, type } = error as Error & { request?: unknown; type?: unknown };
  const file =
    typeof request === "string"
      ? request
          .replace(/[?#].*$/, "")
          .split("/")
          .pop()
      : undefined;
  const why =
    type === "timeout"
      ? "the server took too long"
      : type === "missing"
        ? "the server sent another version of it: the add-in may have been rebuilt since this page opened"
        : "the server could not be reached or refused it";
  return new Error(`its script ${file ?? "file"} did not load (${why})`, { cause: error });
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
  const elements = {
    grid: element("grid", HTMLElement),
    nameBox: element("name-box", HTMLInputElement),
    formulaBar: element("formula-bar", HTMLInputElement),
    tabs: element("sheet-tabs", HTMLElement),
    status: element("preview-status", HTMLElement),
    pane: element("taskpane-root", HTMLElement),
  };
  // Until the workbook is open there is nothing to type into: the name box and formula bar wait, disabled.
  const opening = "Opening the workbook…";
  elements.grid.setAttribute("aria-busy", "true");
  elements.status.textContent = opening;
  elements.status.dataset.state = "opening";
  elements.nameBox.disabled = true;
  elements.formulaBar.disabled = true;
  let open: (host: Promise<WorkbookHost>) => void = () => undefined;
  const host = new OpeningHost(
    new Promise<WorkbookHost>((resolve) => (open = resolve)),
    storage === undefined ? {} : { storage },
  );
  mountPane(elements.pane, host);
  afterFirstPaint(() =>
    open(
      import(/* webpackChunkName: "previewWorkbook" */ "./openWorkbook").then(
        ({ openWorkbook }) => openWorkbook(elements, storage),
        (error: unknown) => {
          throw scriptFailure(error);
        },
      ),
    ),
  );
  host.whenOpen().then(
    () => {
      elements.grid.removeAttribute("aria-busy");
      elements.nameBox.disabled = false;
      elements.formulaBar.disabled = false;
      delete elements.status.dataset.state;
      if (elements.status.textContent === opening) elements.status.textContent = "";
      document.body.dataset.ready = "true";
    },
    (error: unknown) => {
      elements.grid.removeAttribute("aria-busy");
      delete elements.status.dataset.state;
      const message = error instanceof Error ? error.message : String(error);
      elements.status.textContent = message;
      elements.grid.textContent = message;
      document.body.dataset.ready = "failed";
    },
  );
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
