// @vitest-environment happy-dom
/*
 * The preview's grid in a DOM: the page's own markup, the HyperFormula host and
 * the view. A loaded plan renders every planned cell formatted as Excel would;
 * an edit re-renders only the cells that changed; typing into a cell works.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { roleStyles } from "../../src/workbook/cellStyles";
import { builtInPresets, formatForDisplay, planSheet, type Preset } from "../../src/presets";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import { PreviewWorkbook, rawValueText } from "../../src/preview/workbook";
import { byId, mountPreviewPage, td } from "./page";

let workbook: PreviewWorkbook;
let host: HyperFormulaHost;

/** A CSS colour as "#rrggbb", whether the DOM gives it back as hex or rgb(). */
function toHex(color: string): string {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (!rgb) return color.toLowerCase();
  return `#${rgb.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
}

function key(target: HTMLElement, keyName: string): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: keyName, bubbles: true, cancelable: true }));
}

beforeEach(() => {
  ({ workbook, host } = mountPreviewPage());
});

afterEach(() => workbook.engine.destroy());

describe("WorkbookView", () => {
  it("starts on an empty Sheet1 with A1 selected", () => {
    expect([...document.querySelectorAll("#sheet-tabs [role=tab]")].map((t) => t.getAttribute("data-sheet-name"))).toEqual(["Sheet1"]);
    expect(byId("grid").dataset.sheetName).toBe("Sheet1");
    expect(td("A1").dataset.value).toBe("");
    expect(td("A1").classList.contains("selected")).toBe(true);
    expect(byId<HTMLInputElement>("name-box").value).toBe("A1");
  });

  it("renders a loaded plan's cells with their formats and looks, and its chart", async () => {
    const preset = builtInPresets[0] as Preset;
    const plan = planSheet(preset);
    const { sheetName } = await host.loadPlan(plan);
    expect(byId("grid").dataset.sheetName).toBe(sheetName);
    expect(document.querySelector('#sheet-tabs [aria-selected="true"]')?.getAttribute("data-sheet-name")).toBe(sheetName);
    const sheet = workbook.activeSheetId;
    for (const cell of plan.cells) {
      const element = td(cell.address);
      const value = workbook.value(sheet, cell.row, cell.column);
      expect(element.dataset.value, cell.address).toBe(rawValueText(value));
      expect(element.textContent, cell.address).toBe(formatForDisplay(value, cell.numberFormat));
      const color = roleStyles[cell.role].fontColor;
      if (color !== undefined) expect(toHex(element.style.color), cell.address).toBe(color.toLowerCase());
      if (cell.hyperlink) expect(element.querySelector("a")?.getAttribute("href")).toBe(cell.hyperlink);
    }
    expect(plan.cells.some((c) => c.role === "input" && toHex(td(c.address).style.color) === "#0000ff")).toBe(true);
    const chart = plan.chart;
    if (chart) {
      const categories = workbook.range(chart.categories, sheet);
      if (!categories) throw new Error("no category range");
      const count = (categories.end.row - categories.start.row + 1) * (categories.end.col - categories.start.col + 1);
      expect(document.querySelectorAll('svg[data-testid="chart"] rect[data-series]')).toHaveLength(chart.series.length * count);
    }
  });

  it("re-renders only the cells an edit changes", async () => {
    const preset = builtInPresets[0] as Preset;
    const plan = planSheet(preset);
    await host.loadPlan(plan);
    const input = preset.inputs[0];
    if (!input) throw new Error("no input");
    const base = plan.keyCells[input.key]?.base as string;
    const before = new Map([...document.querySelectorAll<HTMLElement>("#grid td[data-address]")].map((e) => [e.dataset.address, e]));
    const baseCell = plan.cells.find((c) => c.address === base);
    if (!baseCell) throw new Error("no base cell");
    workbook.enter(workbook.activeSheetId, baseCell.row, baseCell.column, String(input.base * 2));
    expect(td(base).dataset.value).toBe(String(input.base * 2));
    // The same elements are still in the grid: nothing was rebuilt.
    for (const element of document.querySelectorAll<HTMLElement>("#grid td[data-address]")) {
      expect(before.get(element.dataset.address)).toBe(element);
    }
  });

  it("keeps frozen rows frozen when their cells change", async () => {
    const plan = planSheet(builtInPresets[0] as Preset);
    await host.loadPlan(plan);
    expect(plan.freezeRows).toBeGreaterThan(0);
    const title = plan.cells.find((c) => c.row === 0);
    if (!title) throw new Error("no cell in the first row");
    const top = td(title.address).style.top;
    expect(top).not.toBe("");
    workbook.enter(workbook.activeSheetId, title.row, title.column, "Renamed");
    expect(td(title.address).dataset.value).toBe("Renamed");
    expect(td(title.address).style.top).toBe(top);
  });

  it("lets a text run on over the empty cells to its right and stops it at the first filled one, as Excel does, also once that one is filled later", () => {
    const sheet = workbook.activeSheetId;
    const long = "A long label that runs on far past the cells to its right";
    /** How far (px) a cell's text may run on past its right edge: its clip-path reaches that far. */
    const over = (address: string): number => {
      const inset = /^inset\(0(?:px)? (-?[\d.]+)px 0(?:px)? 0(?:px)?\)$/.exec(td(address).style.clipPath);
      expect(inset, `${address}: ${td(address).style.clipPath}`).not.toBeNull();
      return -Number(inset?.[1]);
    };
    workbook.enter(sheet, 0, 0, long);
    workbook.enter(sheet, 0, 4, long);
    // Columns B to D are empty and of one width: A1 runs on over the three of them, up to E1.
    const threeColumns = over("A1");
    expect(threeColumns).toBeGreaterThan(0);
    workbook.enter(sheet, 0, 2, long);
    // C1 filled later: A1 now stops at C1 (over B1 alone), and C1 runs on over D1 up to E1.
    expect(over("A1")).toBeCloseTo(threeColumns / 3, 6);
    expect(over("C1")).toBeCloseTo(threeColumns / 3, 6);
    workbook.enter(sheet, 0, 2, "");
    expect(over("A1")).toBeCloseTo(threeColumns, 6);
  });

  it("lets a user select a cell, type a formula and press Enter", () => {
    const grid = byId("grid");
    const bar = byId<HTMLInputElement>("formula-bar");
    td("B3").dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
    expect(byId<HTMLInputElement>("name-box").value).toBe("B3");
    key(grid, "=");
    expect(document.activeElement).toBe(bar);
    bar.value = "=AICOST.LABOR_SAVINGS(10, 1000)";
    key(bar, "Enter");
    expect(td("B3").dataset.value).toBe("10000");
    expect(byId<HTMLInputElement>("name-box").value).toBe("B4");
    // Escape abandons an edit.
    key(grid, "7");
    key(bar, "Escape");
    expect(td("B4").dataset.value).toBe("");
  });

  it("keeps whatever is typed into a text-formatted cell as text, as Excel does", async () => {
    const preset = builtInPresets[0] as Preset;
    const plan = planSheet(preset);
    await host.loadPlan(plan);
    const label = plan.cells.find((c) => c.numberFormat === "@");
    if (!label) throw new Error("no text cell");
    workbook.enter(workbook.activeSheetId, label.row, label.column, "=1+1");
    expect(td(label.address).dataset.value).toBe("=1+1");
    expect(workbook.editText(workbook.activeSheetId, label.row, label.column)).toBe("'=1+1");
  });

  it("shows numbers as typed and letter-first text without an apostrophe in the formula bar", () => {
    const sheet = workbook.activeSheetId;
    workbook.enter(sheet, 0, 0, "42");
    workbook.enter(sheet, 1, 0, "50%");
    workbook.enter(sheet, 2, 0, "'Hello");
    workbook.enter(sheet, 3, 0, "'2026");
    expect([0, 1, 2, 3].map((row) => workbook.editText(sheet, row, 0))).toEqual(["42", "50%", "Hello", "'2026"]);
    expect(workbook.value(sheet, 1, 0)).toBe(0.5);
  });

  it("renames a sheet from a double-click on its tab: Enter renames, Escape cancels, a name Excel refuses is refused", () => {
    const tab = (name: string) => document.querySelector<HTMLElement>(`#sheet-tabs [data-sheet-name="${name}"]`);
    const rename = (name: string, typed: string, finish: string): void => {
      tab(name)?.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
      const input = document.querySelector<HTMLInputElement>("#sheet-tabs input.sheet-rename");
      if (!input) throw new Error("no rename box");
      expect(input.value).toBe(name);
      expect(document.activeElement).toBe(input);
      input.value = typed;
      key(input, finish);
    };
    rename("Sheet1", "<img src=x onerror=alert(1)>", "Enter");
    expect(workbook.sheetNames()).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(tab("<img src=x onerror=alert(1)>")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(document.querySelector("img")).toBeNull();
    expect(byId("grid").dataset.sheetName).toBe("<img src=x onerror=alert(1)>");

    rename("<img src=x onerror=alert(1)>", "Never", "Escape");
    expect(workbook.sheetNames()).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(document.querySelector("#sheet-tabs input")).toBeNull();

    rename("<img src=x onerror=alert(1)>", "Q1/Q2", "Enter");
    expect(workbook.sheetNames()).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(byId("preview-status").textContent).toBe("The sheet keeps its name: A sheet name cannot contain \\ / ? * : [ or ], nor control characters.");
  });

  it("adds a blank sheet from the + button and switches sheets from the tabs", () => {
    byId("add-sheet").click();
    expect(byId("grid").dataset.sheetName).toBe("Sheet2");
    document.querySelector<HTMLElement>('#sheet-tabs [data-sheet-name="Sheet1"]')?.click();
    expect(byId("grid").dataset.sheetName).toBe("Sheet1");
  });
});

describe("an input's check in the preview", () => {
  it("highlights the row's Low, Base and High and shows the warning as soon as Base is typed above High, and clears when put right", async () => {
    const preset = builtInPresets.find((p) => p.id === "meta-2026") as Preset;
    const plan = planSheet(preset);
    await host.loadPlan(plan);
    const at = plan.keyCells.ai_capex as { low: string; base: string; high: string };
    const check = plan.checks?.find((c) => c.range === `${at.low}:${at.high}`);
    if (check === undefined) throw new Error("no check for ai_capex");
    const row = Number(at.base.slice(1)) - 1;
    const warned = (): boolean[] => [at.low, at.base, at.high].map((address) => td(address).classList.contains("check-warning"));
    expect(warned()).toEqual([false, false, false]);
    expect(td(check.cell).textContent).toBe("");

    workbook.enter(workbook.activeSheetId, row, 2, "999000000000"); // Base, far above High
    expect(td(check.cell).textContent).toBe("Base is above High");
    expect(warned()).toEqual([true, true, true]);
    expect(toHex(td(at.high).style.backgroundColor)).toBe("#ffc7ce");
    expect(td(at.low).title).toBe("Base is above High");

    workbook.enter(workbook.activeSheetId, row, 2, String(preset.inputs.find((i) => i.key === "ai_capex")?.base));
    expect(td(check.cell).textContent).toBe("");
    expect(warned()).toEqual([false, false, false]);
  });
});
