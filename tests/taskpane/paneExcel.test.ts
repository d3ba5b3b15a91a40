// @vitest-environment happy-dom
/*
 * The pane wired to the Excel host on the Excel API stand-in, driven the way a
 * user drives it: clicks, a typed name, a picked file. Hostile text goes in
 * through the pane and must land in cells as literal text; nothing the user
 * made (sheets, cells, names, other add-ins' parts) is ever changed, also when
 * an action fails half way.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/excel/officeHost";
import { sheetOriginNamespace, userPresetNamespace } from "../../src/workbook/workbookRecords";
import { findPreset, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { mountPane } from "../../src/taskpane/pane";
import { FakeExcel, type InitialSheet, type InitialWorkbook } from "../excel/fakeExcel";
import { hyperFormulaEvaluator } from "../excel/fakeEvaluator";
import { hostilePreset } from "../fixtures/hostileText";

const userSheets: InitialSheet[] = [
  { name: "Budget", cells: { A1: "Line", B1: 1200, C1: "=B1*2", A2: "'=not a formula" }, names: { LocalRate: "=0.07" } },
  { name: "Notes", cells: { A1: "=HYPERLINK(\"https://example.com\")", B3: "TRUE" } },
];
const userWorkbook: InitialWorkbook = {
  names: { TaxRate: "=0.25", BudgetTotal: "=Budget!$B$1" },
  customXmlParts: ['<settings xmlns="http://example.com/other-add-in"><theme>dark</theme></settings>'],
};
const meta = findPreset("meta-2026") as Preset;
const now = new Date(Date.UTC(2026, 4, 2, 9, 5));

let root: HTMLElement;
let excel: FakeExcel;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
  excel = new FakeExcel(userSheets, userWorkbook);
  excel.evaluator = hyperFormulaEvaluator();
});

afterEach(() => {
  root.remove();
});

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const status = (): HTMLElement => root.querySelector('[role="status"]') as HTMLElement;
const click = (selector: string): void => {
  const button = root.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`nothing matches ${selector}; status: ${status().textContent}`);
  button.click();
};

async function mount(): Promise<void> {
  mountPane(root, createOfficeHost(excel.environment()), { now: () => now, saveFile: () => undefined });
  await flush();
}

function chooseFile(text: string, name: string): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event("change"));
}

async function saveAs(name: string): Promise<void> {
  click('fluent-button[data-action="open-save"]');
  const input = root.querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new Event("input"));
  click('fluent-button[data-action="save"]');
  await flush();
}

/** What the user made: their sheets, the workbook's names, the parts of other add-ins. */
function userPart(addInSheets: readonly string[] = []) {
  const snapshot = excel.snapshot();
  return {
    sheets: snapshot.sheets.filter((s) => !addInSheets.includes(s.name)),
    names: snapshot.names,
    parts: snapshot.customXmlParts.filter((p) => p.namespaceUri !== userPresetNamespace && p.namespaceUri !== sheetOriginNamespace),
  };
}

async function storedPresets(): Promise<readonly Preset[]> {
  const store = createOfficeHost(excel.environment()).userPresets;
  if (!store) throw new Error("no store");
  return (await store.list()).presets.map((p) => p.preset);
}

describe("the hostile-text corpus through the pane into the workbook", () => {
  it("imports, loads, saves and freezes it with every cell holding the literal text, touching nothing of the user's", async () => {
    const before = userPart();
    await mount();
    const hostile = hostilePreset();

    chooseFile(presetToFileText(hostile), "hostile.json");
    await flush();
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    expect(await storedPresets()).toEqual([hostile]);
    expect(excel.sheetNames()).toEqual(["Budget", "Notes"]); // imported, not loaded

    click(`fluent-button[data-action="load"][data-preset-kind="user"][data-preset-id="${hostile.id}"]`);
    await flush();
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    const sheetName = excel.sheetNames()[2] as string;
    for (const planned of planSheet(hostile).cells) {
      const content = excel.cell(sheetName, planned.address).content;
      if (planned.content.kind === "text") expect(content, planned.address).toMatchObject({ kind: "text", text: planned.content.text });
      if (planned.content.kind === "formula") expect(content, planned.address).toEqual({ kind: "formula", formula: planned.content.formula });
    }
    expect(root.querySelector(".model-name")?.textContent).toBe(sheetName);

    const hostileName = "<img src=x onerror=alert(1)> =cmd|' /C calc'!A0";
    await saveAs(hostileName);
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    const saved = (await storedPresets()).find((p) => p.title === hostileName);
    expect(saved?.inputs).toEqual(hostile.inputs);
    expect(saved?.outputs).toEqual(hostile.outputs);
    expect(saved?.sources).toEqual(hostile.sources);

    click('fluent-button[data-action="freeze"]');
    await flush();
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    const frozenName = excel.sheetNames()[3] as string;
    expect(frozenName).toBe(`${sheetName} (values)`);
    const line = `Values frozen on 2026-05-02 09:05 UTC from preset ${hostile.id} (${hostile.title}); AICOST formulas replaced by their values.`;
    expect(excel.cell(frozenName, "A4").content).toMatchObject({ kind: "text", text: line });
    for (const planned of planSheet(hostile).cells) {
      if (planned.content.kind === "text") expect(excel.cell(frozenName, planned.address).content, planned.address).toMatchObject({ text: planned.content.text });
    }

    expect(userPart([sheetName, frozenName])).toEqual(before);
    expect(root.querySelector("img, script, svg")).toBeNull();
  });
});

describe("nothing the user made is touched", () => {
  it("an import of a malformed file writes nothing at all", async () => {
    await mount();
    const before = excel.snapshot();
    const calls = excel.calls.length;
    chooseFile('{"version": 1, "id": "x", "title": "=1+1", "inputs": "not a list"}', "malformed.json");
    await flush();
    expect(status().textContent).toMatch(/^Not imported: malformed\.json: /);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.calls.slice(calls).filter((c) => /add|delete|formulas|values|name\(/.test(c))).toEqual([]);
  });

  it("a load that fails half way leaves the workbook as it was, and the pane says so", async () => {
    await mount();
    const before = excel.snapshot();
    excel.failOn("Range.formulas", { message: "Payload too large" });
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toMatch(/Payload too large.*removed; the workbook is unchanged/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("a freeze that fails half way removes its copy and leaves the workbook as it was", async () => {
    await mount();
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    const before = excel.snapshot();
    excel.failOn("Range.formulas", { message: "The workbook is protected" });
    click('fluent-button[data-action="freeze"]');
    await flush();
    expect(status().textContent).toMatch(/The workbook is protected.*partial copy was removed/);
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("save as preset through the pane", () => {
  it("reads the value the user typed into the sheet, also after the sheet was renamed", async () => {
    await mount();
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    const sheetName = excel.sheetNames()[2] as string;
    const at = planSheet(meta).keyCells.ai_capex as { low: string; base: string; high: string };
    excel.typeInto(sheetName, at.base, "63000000000");
    excel.renameSheet(sheetName, "Capex up");
    click('fluent-button[data-action="refresh"]');
    await flush();
    expect(root.querySelector(".model-name")?.textContent).toBe("Capex up");

    await saveAs("Capex up");
    const saved = (await storedPresets())[0];
    const capex = saved?.inputs.find((i) => i.key === "ai_capex");
    expect([capex?.low, capex?.base, capex?.high]).toEqual([60_000_000_000, 63_000_000_000, 65_000_000_000]);
    expect(saved?.id).toBe("capex-up");
    expect(saved?.notes?.at(-1)).toBe("Saved on 2026-05-02 from the sheet “Capex up”, loaded from the preset meta-2026; assumptions changed: ai_capex.");
  });
});
