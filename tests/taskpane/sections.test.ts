// @vitest-environment happy-dom
/*
 * The pane's sections through their contract (src/taskpane/section.ts): the
 * section list, a new section added with one line, and each built-in section
 * mounted on its own.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtInPresets, findPreset, type Preset } from "../../src/presets";
import type { LoadOutcome, WorkbookHost } from "../../src/workbook/host";
import { companyModelsSection } from "../../src/taskpane/companyModels";
import { actionButton, element } from "../../src/taskpane/dom";
import { loadedSheetsSection } from "../../src/taskpane/loadedSheets";
import { mountPane, type PaneOptions } from "../../src/taskpane/pane";
import { priceBrowserSection } from "../../src/taskpane/priceBrowser";
import { priceDataSection } from "../../src/taskpane/priceDataSection";
import { pricesSection } from "../../src/taskpane/priceCatalogView";
import type { PaneContext, PaneSectionFactory } from "../../src/taskpane/section";
import { paneSections } from "../../src/taskpane/sections";
import { uncertaintySection } from "../../src/taskpane/uncertainty";
import { yourModelsSection } from "../../src/taskpane/yourModels";
import { MemoryHost } from "./memoryHost";

let root: HTMLElement;
const today = new Date(2026, 4, 2, 10, 30);
const meta = findPreset("meta-2026") as Preset;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  root.remove();
});

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const status = (): HTMLElement => root.querySelector('[role="status"]') as HTMLElement;
const control = (selector: string): HTMLElement & { disabled?: boolean } => {
  const found = root.querySelector<HTMLElement & { disabled?: boolean }>(selector);
  if (found === null) throw new Error(`no ${selector}`);
  return found;
};

async function mount(host: WorkbookHost, sections: readonly PaneSectionFactory[], options: PaneOptions = {}): Promise<void> {
  mountPane(root, host, { now: () => today, saveFile: () => undefined, sections, ...options });
  await flush();
}

class LoadOnlyHost implements WorkbookHost {
  readonly name = "Load only";
  requirementProblem(): string | null {
    return null;
  }
  async loadPlan(plan: { sheetName: string }): Promise<LoadOutcome> {
    return { sheetName: plan.sheetName };
  }
}

describe("the section list", () => {
  it("is company models, your models, sheets loaded from models, sensitivity and simulation, prices, all model prices, price data, in that order", async () => {
    // Price data shows only on a host that keeps price data (MemoryHost keeps none).
    expect(paneSections).toEqual([companyModelsSection, yourModelsSection, loadedSheetsSection, uncertaintySection, pricesSection, priceBrowserSection, priceDataSection]);
    await mount(new MemoryHost(), paneSections);
    const order = [...root.querySelectorAll(".pane-scroll > :not(.pane-header, .prompt)")].map((el) => el.getAttribute("aria-label") ?? el.querySelector("h2, .section-title")?.textContent);
    expect(order).toEqual(["Company models", "Your models", "Sheets loaded from models", "Sensitivity and simulation", "Where the prices come from", "All model prices"]);
  });
});

describe("a section added with one line", () => {
  /** A section as another engineer would add one: a button that runs an action through the context, and a list that follows "models". */
  const counted: { refreshes: number; context?: PaneContext } = { refreshes: 0 };
  const countingSection: PaneSectionFactory = (context) => {
    counted.context = context;
    const section = element("section", { className: "pane-section" });
    const list = element("p", { className: "models-seen" });
    const go = actionButton("Go", "go", "secondary");
    const fail = actionButton("Fail", "fail", "secondary");
    section.append(list, go, fail);
    section.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "go") context.act(async () => context.status.set("success", "Went."), "unused");
      if (action === "fail") context.act(() => Promise.reject(new Error("It broke.")), "unused");
    });
    context.onChanged("models", async () => {
      counted.refreshes++;
      list.textContent = String((await context.host.listModels?.())?.length ?? 0);
    });
    return { element: section };
  };

  it("gets the host, the clock and the status line, runs its actions busy, shows their failures, and hears what other sections change", async () => {
    counted.refreshes = 0;
    const host = new MemoryHost();
    await mount(host, [companyModelsSection, countingSection]);
    expect(counted.context?.host).toBe(host);
    expect(counted.context?.now()).toBe(today);
    expect(counted.refreshes).toBe(1); // once when the pane starts
    expect(control(".models-seen").textContent).toBe("0");

    const release = host.hold("loadPlan");
    control(`[data-action="load"][data-preset-id="${meta.id}"]`).click();
    expect(control('[data-action="go"]').disabled).toBe(true); // every action waits while one runs
    release();
    await flush();
    expect(control('[data-action="go"]').disabled).toBe(false);
    expect(counted.refreshes).toBe(2); // the load told the sections listing sheets
    expect(control(".models-seen").textContent).toBe("1");

    control('[data-action="go"]').click();
    await flush();
    expect(status().textContent).toBe("Went.");
    control('[data-action="fail"]').click();
    await flush();
    expect(status().textContent).toBe("It broke.");
    expect(status().dataset.kind).toBe("error");
  });
});

describe("company models, alone", () => {
  it("lists every built-in preset and loads one through the host", async () => {
    const host = new MemoryHost();
    await mount(host, [companyModelsSection]);
    expect([...root.querySelectorAll<HTMLElement>('[data-action="load"]')].map((b) => b.dataset.presetId)).toEqual(builtInPresets.map((p) => p.id));
    control(`[data-action="load"][data-preset-id="${meta.id}"]`).click();
    await flush();
    expect(host.loads.map((l) => l.plan.presetId)).toEqual([meta.id]);
    expect(status().textContent).toBe(`Loaded into sheet '${host.sheets[0]?.name}'`);
  });
});

describe("your models, alone", () => {
  it("is not shown where the host keeps no presets, nor where it cannot load", async () => {
    await mount(new LoadOnlyHost(), [yourModelsSection]);
    expect(root.querySelector(".pane-section")).toBeNull();
    await mount(new MemoryHost("needs ExcelApi 1.7"), [yourModelsSection]);
    expect(root.querySelector(".pane-section")).toBeNull();
  });

  it("lists the stored presets and removes one after the dialog's Yes", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: { ...meta, id: "mine", title: "Mine" }, savedAt: "2026-05-01T09:00:00.000Z" }];
    await mount(host, [yourModelsSection]);
    expect(root.querySelector('li[data-card-id="mine"] h3')?.textContent).toBe("Mine");
    control('[data-action="remove"][data-target-id="mine"]').click();
    const dialog = control("fluent-dialog.confirm");
    expect(dialog.getAttribute("aria-label")).toBe("Remove preset?");
    expect(dialog.getAttribute("type")).toBe("alert");
    control('[data-action="confirm-remove"]').click();
    await flush();
    expect(host.stored).toEqual([]);
    expect(status().textContent).toBe("Removed “Mine” from this workbook.");
  });

  it("closes the dialog with Escape, removing nothing, and gives focus back to Remove", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: { ...meta, id: "mine", title: "Mine" }, savedAt: "2026-05-01T09:00:00.000Z" }];
    await mount(host, [yourModelsSection]);
    control('[data-action="remove"][data-target-id="mine"]').click();
    expect(document.activeElement).toBe(control('[data-action="cancel-remove"]'));
    control("fluent-dialog.confirm").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(root.querySelector("fluent-dialog.confirm")).toBeNull();
    expect(document.activeElement).toBe(control('[data-action="remove"][data-target-id="mine"]'));
    expect(host.stored).toHaveLength(1);
  });
});

describe("sheets loaded from models, alone", () => {
  it("is not shown where the host lists no models", async () => {
    await mount(new LoadOnlyHost(), [loadedSheetsSection]);
    expect(root.querySelector(".pane-section")).toBeNull();
  });

  it("lists a loaded sheet with its loaded date whole, and freezes it", async () => {
    const host = new MemoryHost();
    await mount(host, [companyModelsSection, loadedSheetsSection]);
    expect(root.querySelector(".empty")?.textContent).toBe("No sheet yet: load a model above.");
    control(`[data-action="load"][data-preset-id="${meta.id}"]`).click();
    await flush();
    expect(root.querySelector(".model-name")?.textContent).toBe(host.sheets[0]?.name);
    expect(root.querySelector(".model-item .fact")?.textContent).toBe("loaded 2026-05-02");
    control('[data-action="freeze"]').click();
    await flush();
    expect(host.freezes).toHaveLength(1);
    expect(status().textContent).toMatch(/^Froze /);
  });
});

describe("prices, alone", () => {
  it("shows the catalog, collapsed", async () => {
    await mount(new LoadOnlyHost(), [pricesSection]);
    const details = root.querySelector<HTMLDetailsElement>("details.prices");
    expect(details?.open).toBe(false);
    expect(details?.querySelectorAll(".price-entry").length).toBeGreaterThan(0);
  });
});
