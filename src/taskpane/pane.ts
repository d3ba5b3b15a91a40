/**
 * The task pane: a header, the one status line, and the sections listed in
 * ./sections.ts (company models, your models, sheets loaded from models,
 * prices), each in its own file and built through the contract in ./section.ts.
 * The same code runs in Excel (the Office.js host) and in the browser preview
 * (a HyperFormula host); a section whose feature the host lacks is not shown.
 * Preset text only ever reaches the page through textContent and attributes,
 * never as HTML.
 */
import type { WorkbookHost } from "../workbook/host";
import { element, setDisabled } from "./dom";
import { downloadTextFile } from "./presetFiles";
import { messageOf, type PaneContext, type PaneSectionFactory, type PaneTopic } from "./section";
import { paneSections } from "./sections";
import { createStatus } from "./status";
import { createUserPresetSaver } from "./userPresetSaver";

export { presetNameMaxLength } from "./loadedSheets";

export interface PaneOptions {
  /** The clock: when sheets are loaded, presets saved and sheets frozen, and how old the prices are. */
  readonly now?: () => Date;
  /** How an exported preset file reaches the user; a browser download by default. */
  readonly saveFile?: (fileName: string, text: string) => void;
  /** The sections, top to bottom; `paneSections` by default. */
  readonly sections?: readonly PaneSectionFactory[];
}

let paneCount = 0;

/** Renders the pane into `root`, replacing what it held, and wires its controls to `host`. */
export function mountPane(root: HTMLElement, host: WorkbookHost, options: PaneOptions = {}): void {
  const idPrefix = `aicost-pane-${++paneCount}`;
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
  // The status line sits above the scrolling body, in the page flow: a long list never hides the
  // outcome of an action, and the line never lies over a card.
  const status = createStatus(idPrefix);
  const top = element("div", { className: "pane-top" });
  const body = element("div", { className: "pane-scroll" });
  top.append(...status.elements);
  body.append(header);
  pane.append(top, body);
  if (problem !== null) {
    const notice = element("p", { className: "notice notice-warning", text: problem });
    notice.setAttribute("role", "alert");
    body.append(notice);
  }

  let busy = false;
  /** Where focus goes once the running action ends (a disabled control cannot take it before). */
  let focusAfter: string | undefined;
  const listeners: Record<PaneTopic, (() => Promise<void>)[]> = { models: [], presets: [] };

  function applyBusy(): void {
    pane.setAttribute("aria-busy", String(busy));
    for (const control of pane.querySelectorAll<HTMLElement>("[data-action]")) {
      const needsHost = control.dataset.needsHost !== "false";
      setDisabled(control, busy || (needsHost && problem !== null));
    }
    for (const input of pane.querySelectorAll<HTMLInputElement>("input, fluent-text-input")) setDisabled(input, busy);
  }

  async function run(task: () => Promise<void>): Promise<void> {
    busy = true;
    applyBusy();
    try {
      await task();
    } finally {
      busy = false;
      applyBusy();
      if (focusAfter !== undefined) pane.querySelector<HTMLElement>(focusAfter)?.focus();
      focusAfter = undefined;
    }
  }

  const base: Omit<PaneContext, "userPresets"> = {
    host,
    problem,
    idPrefix,
    now: options.now ?? ((): Date => new Date()),
    saveFile: options.saveFile ?? downloadTextFile,
    status,
    busy: () => busy,
    act(task, failure) {
      if (busy) return;
      void run(async () => {
        try {
          await task();
        } catch (error) {
          status.set("error", messageOf(error, failure));
        }
      });
    },
    focus(selector) {
      if (busy) focusAfter = selector;
      else pane.querySelector<HTMLElement>(selector)?.focus();
    },
    rendered: applyBusy,
    async changed(topic) {
      for (const listener of listeners[topic]) await listener();
    },
    onChanged(topic, refresh) {
      listeners[topic].push(refresh);
    },
  };
  const store = problem === null ? host.userPresets : undefined;
  const userPresets = store === undefined ? undefined : createUserPresetSaver(store, base);
  const context: PaneContext = { ...base, userPresets };
  if (userPresets !== undefined) body.append(userPresets.element);

  for (const factory of options.sections ?? paneSections) {
    const section = factory(context);
    if (section !== undefined) body.append(section.element);
  }

  applyBusy();
  root.replaceChildren(pane);

  if (listeners.presets.length > 0 || listeners.models.length > 0) {
    void run(async () => {
      try {
        await context.changed("presets");
        await context.changed("models");
      } catch (error) {
        status.set("error", messageOf(error, "Reading the workbook failed for an unknown reason."));
      }
    });
  }
}
