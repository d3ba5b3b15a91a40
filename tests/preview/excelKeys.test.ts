// @vitest-environment happy-dom
/*
 * The preview's grid reads and shows values as Excel does and answers Excel's
 * keys: numbers fit their cells, typed input becomes numbers with formats,
 * Ctrl+Home, Ctrl+arrow, Shift+arrow, Ctrl+C / Ctrl+V, Ctrl+Z and F6.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gpuTcoUsd } from "../../src/calc";
import { findPreset, planSheet, type Preset } from "../../src/presets";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { clipboardTextToRows, rangeToClipboardText } from "../../src/preview/workbookView";
import { byId, mountPreviewPage, td } from "./page";

let workbook: PreviewWorkbook;
let host: HyperFormulaHost;

function key(target: HTMLElement, keyName: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}): void {
  target.dispatchEvent(new KeyboardEvent("keydown", { key: keyName, bubbles: true, cancelable: true, ...modifiers }));
}

/** Selects a cell through the name box, types into it and presses Enter, as a user does. */
function typeInto(address: string, text: string): void {
  const nameBox = byId<HTMLInputElement>("name-box");
  nameBox.value = address;
  key(nameBox, "Enter");
  const bar = byId<HTMLInputElement>("formula-bar");
  key(byId("grid"), text.charAt(0));
  bar.value = text;
  key(bar, "Enter");
}

function nameBox(): string {
  return byId<HTMLInputElement>("name-box").value;
}

/** A clipboard event carrying text, as the browser sends for Ctrl+C and Ctrl+V. */
function clipboardEvent(type: "copy" | "cut" | "paste", text = ""): { event: Event; data: Map<string, string> } {
  const data = new Map<string, string>([["text/plain", text]]);
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, "clipboardData", {
    value: { setData: (format: string, value: string) => data.set(format, value), getData: (format: string) => data.get(format) ?? "" },
  });
  return { event, data };
}

beforeEach(() => {
  ({ workbook, host } = mountPreviewPage('<div class="pane"><button type="button" id="first-pane-button">Load</button></div>'));
});

afterEach(() => workbook.engine.destroy());

describe("numbers fit their cells", () => {
  it("shows the README's GPU_TCO example in a default-width cell as 3.5E+09, never a clipped 35000000", () => {
    typeInto("B2", "=AICOST.GPU_TCO(100000, 27500, 3, 250000000)");
    expect(Number(td("B2").dataset.value)).toBe(gpuTcoUsd(100000, 27500, 3, 250000000));
    expect(td("B2").textContent).toBe("3.5E+09");
  });

  it("shows a formatted number too wide for its column as ####", () => {
    typeInto("A1", "$170,000,000,000");
    expect(td("A1").dataset.value).toBe("170000000000");
    expect(td("A1").textContent).toMatch(/^#{4,}$/);
  });
});

describe("typing as in Excel", () => {
  it("reads $170,000, 65,000, 20% and 1.5E+9 as numbers and shows them as typed", () => {
    typeInto("A1", "$170,000");
    typeInto("A2", "65,000");
    typeInto("A3", "20%");
    typeInto("A4", "1.5E+9");
    typeInto("A5", "(1,000)");
    typeInto("A6", "=SUM(A1:A5)");
    expect(["A1", "A2", "A3", "A4", "A5"].map((a) => td(a).dataset.value)).toEqual(["170000", "65000", "0.2", "1500000000", "-1000"]);
    expect(["A1", "A2", "A3", "A4", "A5"].map((a) => td(a).textContent)).toEqual(["$170,000", "65,000", "20%", "1.50E+09", "-1,000"]);
    expect(Number(td("A6").dataset.value)).toBeCloseTo(170000 + 65000 + 0.2 + 1.5e9 - 1000, 6);
  });

  it("takes 40 typed into a percent cell as 40%", async () => {
    const preset = findPreset("self-host-vs-api") as Preset;
    const plan = planSheet(preset);
    await host.loadPlan(plan);
    const address = plan.keyCells.utilization?.base as string;
    typeInto(address, "40");
    expect(td(address).dataset.value).toBe("0.4");
    expect(td(address).textContent).toBe("40.0%");
  });

  it("says what is wrong with a formula that cannot be read, in Excel's words", () => {
    typeInto("A1", "=SUM(1,2");
    expect(byId("preview-status").textContent).toBe('A1: There\'s a problem with this formula: a closing parenthesis ")" is missing.');
    expect(td("A1").title).not.toMatch(/token|RParen/);
  });
});

describe("Excel's keys", () => {
  beforeEach(() => {
    // A block of data: A1:C4 filled, with a gap in column A at row 6.
    const sheet = workbook.activeSheetId;
    workbook.enterRange(sheet, 0, 0, [
      ["Item", "Low", "High"],
      ["GPUs", "1", "2"],
      ["Power", "3", "4"],
      ["Staff", "5", "6"],
    ]);
    workbook.enter(sheet, 6, 0, "Total");
  });

  it("Ctrl+arrow goes to the edge of the data, then to the next data; Ctrl+Home goes home", () => {
    const grid = byId("grid");
    key(grid, "ArrowDown", { ctrlKey: true });
    expect(nameBox()).toBe("A4");
    key(grid, "ArrowDown", { ctrlKey: true });
    expect(nameBox()).toBe("A7");
    key(grid, "ArrowRight", { ctrlKey: true });
    expect(nameBox()).not.toBe("A7");
    key(grid, "Home", { ctrlKey: true });
    expect(nameBox()).toBe("A1");
    key(grid, "ArrowRight", { ctrlKey: true });
    expect(nameBox()).toBe("C1");
    key(grid, "End", { ctrlKey: true });
    expect(nameBox()).toBe("C7");
  });

  it("Shift+arrow selects a range; Ctrl+C puts it on the clipboard as tab-separated text; Ctrl+V pastes it", () => {
    const grid = byId("grid");
    key(grid, "ArrowDown", { shiftKey: true });
    key(grid, "ArrowRight", { shiftKey: true });
    expect(document.querySelectorAll("#grid td.in-range")).toHaveLength(4);
    const copy = clipboardEvent("copy");
    grid.dispatchEvent(copy.event);
    expect(copy.data.get("text/plain")).toBe("Item\tLow\r\nGPUs\t1\r\n");
    const nameInput = byId<HTMLInputElement>("name-box");
    nameInput.value = "E10";
    key(nameInput, "Enter");
    grid.dispatchEvent(clipboardEvent("paste", "Cost\t$1,200\r\nShare\t15%\r\n").event);
    expect(["E10", "F10", "E11", "F11"].map((a) => td(a).dataset.value)).toEqual(["Cost", "1200", "Share", "0.15"]);
    expect(td("F10").textContent).toBe("$1,200");
  });

  it("Ctrl+V of a range copied in the preview pastes its formulas with their references moved, as Excel does", () => {
    const grid = byId("grid");
    workbook.enter(workbook.activeSheetId, 1, 3, "=B2+C2");
    const nameInput = byId<HTMLInputElement>("name-box");
    nameInput.value = "D2";
    key(nameInput, "Enter");
    grid.dispatchEvent(clipboardEvent("copy").event);
    key(grid, "ArrowDown");
    grid.dispatchEvent(clipboardEvent("paste", "3\r\n").event);
    expect(workbook.editText(workbook.activeSheetId, 2, 3)).toBe("=B3+C3");
    expect(td("D3").dataset.value).toBe("7");
  });

  it("Ctrl+Z undoes the last edits, a paste as one", () => {
    const grid = byId("grid");
    typeInto("B2", "100");
    typeInto("B3", "200");
    key(grid, "z", { ctrlKey: true });
    expect(td("B3").dataset.value).toBe("3");
    expect(nameBox()).toBe("B3");
    key(grid, "z", { ctrlKey: true });
    expect(td("B2").dataset.value).toBe("1");
  });

  it("Ctrl+X puts the range on the clipboard and clears it; Ctrl+Z brings it back", () => {
    const grid = byId("grid");
    key(grid, "ArrowRight", { shiftKey: true });
    const cut = clipboardEvent("cut");
    grid.dispatchEvent(cut.event);
    expect(cut.data.get("text/plain")).toBe("Item\tLow\r\n");
    expect(["A1", "B1"].map((a) => td(a).dataset.value)).toEqual(["", ""]);
    key(grid, "z", { ctrlKey: true });
    expect(["A1", "B1"].map((a) => td(a).dataset.value)).toEqual(["Item", "Low"]);
  });

  it("Delete clears the selected range", () => {
    const grid = byId("grid");
    key(grid, "ArrowRight", { shiftKey: true });
    key(grid, "ArrowDown", { shiftKey: true });
    key(grid, "Delete");
    expect(["A1", "B1", "A2", "B2", "C1"].map((a) => td(a).dataset.value)).toEqual(["", "", "", "", "High"]);
  });

  it("F6 leaves the grid for the task pane, and F6 in the pane comes back", () => {
    const grid = byId("grid");
    grid.focus();
    key(grid, "F6");
    expect(document.activeElement?.id).toBe("first-pane-button");
    key(byId("first-pane-button"), "F6");
    expect(document.activeElement).toBe(grid);
  });
});

describe("the clipboard's text", () => {
  it("reads back what it writes, tabs, line breaks and quotes included", () => {
    const rows = [["a\tb", 'say "hi"'], ["line\nbreak", ""]];
    expect(clipboardTextToRows(rangeToClipboardText(rows))).toEqual(rows);
  });
});

describe("the status line", () => {
  it("forgets a message about a cell when another sheet shows", () => {
    typeInto("A1", "=SUM(1,2");
    expect(byId("preview-status").textContent).not.toBe("");
    workbook.addBlankSheet();
    expect(byId("preview-status").textContent).toBe("");
  });
});
