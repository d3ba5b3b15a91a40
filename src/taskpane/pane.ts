/**
 * The task pane: the built-in company models, each with a Load button that
 * plans the preset's sheet and hands it to a WorkbookHost. The same code runs
 * in Excel (the Office.js host) and in the browser preview (a HyperFormula
 * host). Preset text only ever reaches the page through textContent and
 * attributes, never as HTML.
 */
import type { WorkbookHost } from "../excel/host";
import { builtInPresets } from "../presets/builtIns";
import { planSheet } from "../presets/plan";
import type { Preset } from "../presets/types";

type StatusKind = "idle" | "progress" | "success" | "error";

let paneCount = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; id?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.id !== undefined) node.id = options.id;
  return node;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function presetCard(preset: Preset, idPrefix: string, index: number): HTMLLIElement {
  const titleId = `${idPrefix}-title-${index}`;
  const card = element("li", { className: "preset-card" });
  card.append(
    element("h2", { className: "preset-title", text: preset.title, id: titleId }),
    element("p", { className: "preset-summary", text: preset.summary }),
    element("p", {
      className: "preset-meta",
      text: `As of ${preset.asOf} · ${plural(preset.sources.length, "source", "sources")}`,
    }),
  );
  const button = element("button", { className: "load-button", text: "Load into new sheet" });
  button.type = "button";
  button.dataset.presetId = preset.id;
  button.setAttribute("aria-describedby", titleId);
  card.append(button);
  return card;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  const text = String(error);
  return text.trim() === "" ? "Loading failed for an unknown reason." : text;
}

/** Renders the pane into `root`, replacing what it held, and wires its buttons to `host`. */
export function mountPane(root: HTMLElement, host: WorkbookHost): void {
  const idPrefix = `aicost-pane-${++paneCount}`;
  const presets = builtInPresets;
  const problem = host.requirementProblem();

  const pane = element("section", { className: "pane" });
  pane.setAttribute("aria-labelledby", `${idPrefix}-heading`);

  const header = element("header", { className: "pane-header" });
  header.append(
    element("h1", { text: "Company models", id: `${idPrefix}-heading` }),
    element("p", {
      className: "pane-intro",
      text: "Load a sourced model into a new sheet. Blue cells are assumptions you can change; black cells are formulas. Nothing already in the workbook is changed.",
    }),
  );
  pane.append(header);

  if (problem !== null) {
    const notice = element("p", { className: "notice notice-warning", text: problem });
    notice.setAttribute("role", "alert");
    pane.append(notice);
  }

  // Above the list, so a long list never hides the outcome of a load.
  const status = element("p", { className: "status", id: `${idPrefix}-status` });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  pane.append(status);

  const list = element("ul", { className: "preset-list" });
  list.setAttribute("aria-label", "Company models");
  presets.forEach((preset, index) => list.append(presetCard(preset, idPrefix, index)));
  pane.append(list);

  const buttons = [...list.querySelectorAll<HTMLButtonElement>("button[data-preset-id]")];
  let loading = false;

  const setStatus = (kind: StatusKind, text: string): void => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const setBusy = (busy: boolean): void => {
    loading = busy;
    pane.setAttribute("aria-busy", String(busy));
    for (const button of buttons) button.disabled = busy || problem !== null;
  };

  setBusy(false);
  setStatus("idle", "");

  list.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest<HTMLButtonElement>("button[data-preset-id]");
    if (button === null || loading || problem !== null || button.disabled) return;
    const preset = presets.find((p) => p.id === button.dataset.presetId);
    if (preset === undefined) return;
    void load(preset);
  });

  async function load(preset: Preset): Promise<void> {
    setBusy(true);
    setStatus("progress", `Loading “${preset.title}” into a new sheet…`);
    try {
      const outcome = await host.loadPlan(planSheet(preset));
      setStatus("success", `Loaded into sheet '${outcome.sheetName}'`);
    } catch (error) {
      setStatus("error", messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  root.replaceChildren(pane);
}
