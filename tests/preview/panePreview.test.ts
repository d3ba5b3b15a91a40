// @vitest-environment happy-dom
/*
 * The preview page in a DOM: the add-in's pane wired to the HyperFormula host,
 * beside the grid, driven the way a user drives it (clicks, a typed name, a
 * picked file). Hostile text goes in through the pane and must land in the
 * workbook and in the grid as literal text; every malformed file is refused
 * with its own message and writes nothing; nothing the user made is changed,
 * also when an action fails half way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { findPreset, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import type { PreviewWorkbook } from "../../src/preview/workbook";
import { WorkbookView } from "../../src/preview/workbookView";
import { mountPane } from "../../src/taskpane/pane";
import { hostilePreset } from "../fixtures/hostileText";
import { minifiedPresetFile } from "../presets/helpers";
import { MemoryStorage, newWorkbook, snapshot, userPart, userSheets } from "./helpers";

const page = readFileSync(join(__dirname, "..", "..", "src", "preview", "preview.html"), "utf8");
const corpusDir = resolve(__dirname, "..", "presets", "malformed");
const expectedRefusals = JSON.parse(readFileSync(join(corpusDir, "expected.json"), "utf8")) as Record<
  string,
  { path: string; message: string }
>;
const meta = findPreset("meta-2026") as Preset;
const now = new Date(Date.UTC(2026, 4, 2, 9, 5));

let storage: MemoryStorage;
let workbook: PreviewWorkbook;
let exported: { name: string; text: string }[];

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found as T;
}

const pane = (): HTMLElement => byId("taskpane-root");
const status = (): HTMLElement => pane().querySelector('[role="status"]') as HTMLElement;
const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((done) => setTimeout(done, 0));
};
const click = (selector: string): void => {
  const button = pane().querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`nothing matches ${selector}; status: ${status().textContent}`);
  button.click();
};

/** Opens the page: the grid and the pane over a workbook holding the user's sheets, presets kept in `storage`. */
async function open(): Promise<void> {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";
  workbook = newWorkbook(userSheets, storage);
  new WorkbookView(workbook, {
    grid: byId("grid"),
    nameBox: byId<HTMLInputElement>("name-box"),
    formulaBar: byId<HTMLInputElement>("formula-bar"),
    tabs: byId("sheet-tabs"),
    status: byId("preview-status"),
  }).mount();
  exported = [];
  mountPane(pane(), new HyperFormulaHost(workbook), {
    now: () => now,
    saveFile: (name, text) => exported.push({ name, text }),
  });
  await flush();
}

beforeEach(async () => {
  storage = new MemoryStorage();
  await open();
});

async function chooseFile(text: string | Uint8Array, name: string): Promise<void> {
  const input = pane().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [new File([text as string | Uint8Array<ArrayBuffer>], name)], configurable: true });
  input.dispatchEvent(new Event("change"));
  await flush();
}

async function saveAs(name: string): Promise<void> {
  click('fluent-button[data-action="open-save"]');
  const input = pane().querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new Event("input"));
  click('fluent-button[data-action="save"]');
  await flush();
  // Reading the sheet back loads on first use (a chunk of its own): wait while the status says the pane is still at it.
  for (let i = 0; i < 500 && status().dataset.kind === "progress"; i++) await new Promise((done) => setTimeout(done, 10));
  await flush();
}

async function storedPresets(): Promise<readonly Preset[]> {
  const store = new HyperFormulaHost(newWorkbook({ Sheet1: [] }, storage)).userPresets;
  return (await store.list()).presets.map((p) => p.preset);
}

function td(address: string): HTMLTableCellElement {
  const found = document.querySelector<HTMLTableCellElement>(`#grid td[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} in the grid`);
  return found;
}

/** Every planned text cell holds its text literally, in HyperFormula and on screen; every formula is the planned one. */
function expectLiteral(sheetName: string, plan: ReturnType<typeof planSheet>, options: { grid: boolean }): void {
  const sheet = workbook.sheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  for (const planned of plan.cells) {
    const at = { sheet, row: planned.row, col: planned.column };
    if (planned.content.kind === "text") {
      expect(workbook.engine.getCellFormula(at), planned.address).toBeUndefined();
      expect(workbook.engine.getCellValue(at), planned.address).toBe(planned.content.text);
      if (options.grid) expect(td(planned.address).textContent, planned.address).toBe(planned.content.text);
    }
  }
}

describe("the hostile-text corpus through the pane into the preview workbook", () => {
  it("imports, loads, saves and freezes it with every cell holding the literal text, in the engine and in the grid", async () => {
    const before = userPart(workbook);
    const hostile = hostilePreset();

    await chooseFile(presetToFileText(hostile), "hostile.json");
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    expect(await storedPresets()).toEqual([hostile]);
    expect(workbook.sheetNames()).toEqual(["Budget", "Notes"]); // imported, not loaded

    click(`fluent-button[data-action="load"][data-preset-kind="user"][data-preset-id="${hostile.id}"]`);
    await flush();
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    const sheetName = workbook.sheetNames()[2] as string;
    expect(byId("grid").dataset.sheetName).toBe(sheetName);
    const plan = planSheet(hostile);
    expectLiteral(sheetName, plan, { grid: true });
    for (const planned of plan.cells) {
      if (planned.content.kind === "formula")
        expect(
          workbook.engine.getCellFormula({
            sheet: workbook.sheetId(sheetName) as number,
            row: planned.row,
            col: planned.column,
          }),
        ).toBe(planned.content.formula);
    }
    expect(pane().querySelector(".model-name")?.textContent).toBe(sheetName);
    expect(document.querySelector(`#sheet-tabs [data-sheet-name]:nth-child(3)`)?.textContent).toBe(sheetName);

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
    const frozenName = workbook.sheetNames()[3] as string;
    expect(frozenName).toBe(`${sheetName} (values)`);
    expect(byId("grid").dataset.sheetName).toBe(frozenName);
    const line = `Values frozen on 2026-05-02 09:05 UTC from preset ${hostile.id} (${hostile.title}); AICOST formulas replaced by their values.`;
    expect(td("A4").textContent).toBe(line);
    expectLiteral(frozenName, plan, { grid: true });

    expect(userPart(workbook)).toEqual(before);
    expect(document.querySelectorAll("img, script, iframe, object, embed")).toHaveLength(0);
    expect(document.querySelectorAll("[onerror], [onload], [onclick]")).toHaveLength(0);
    expect([...document.querySelectorAll("svg")].every((svg) => svg.getAttribute("data-testid") === "chart")).toBe(
      true,
    );
  });
});

describe("every file of the malformed corpus", () => {
  const files = readdirSync(corpusDir).filter((name) => name !== "expected.json");

  it("is refused with its own message, and the import writes nothing at all", async () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const before = { workbook: snapshot(workbook), storage: storage.entries() };
    for (const name of files) {
      await chooseFile(readFileSync(join(corpusDir, name)), name); // the bytes: a file that is not UTF-8 must stay so
      const expected = expectedRefusals[name];
      if (!expected) throw new Error(`${name} is not in expected.json`);
      expect(status().dataset.kind, name).toBe("error");
      expect(status().textContent, name).toMatch(new RegExp(`^Not imported: ${name.replace(/\./g, "\\.")}: `));
      expect(status().textContent, name).toContain(expected.message);
      expect({ workbook: snapshot(workbook), storage: storage.entries() }, name).toEqual(before);
    }
    expect(pane().querySelector('[aria-label="Your models"]')).toBeNull();
    expect(pane().textContent).toContain("None yet.");
  });
});

describe("your models in the preview", () => {
  it("lists the presets a previous page saved in the browser's storage, and loads one", async () => {
    await chooseFile(presetToFileText({ ...meta, id: "kept", title: "Kept between visits" }), "kept.json");
    await open(); // a reload: a new workbook and pane over the same storage
    expect(workbook.sheetNames()).toEqual(["Budget", "Notes"]);
    const card = pane().querySelector('li[data-preset-kind="user"][data-card-id="kept"]');
    expect(card?.querySelector("h3")?.textContent).toBe("Kept between visits");
    click('fluent-button[data-action="load"][data-preset-kind="user"][data-preset-id="kept"]');
    await flush();
    expect(status().textContent).toBe("Loaded into sheet 'Kept between visits'");
    expect(pane().querySelector(".model-name")?.textContent).toBe("Kept between visits");
  });

  it("saves the value typed into the grid, finds the sheet after a rename, and loads the saved preset with that value", async () => {
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    const address = planSheet(meta).keyCells.ai_capex?.base as string;
    const grid = byId("grid");
    const bar = byId<HTMLInputElement>("formula-bar");
    td(address).dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
    grid.dispatchEvent(new KeyboardEvent("keydown", { key: "6", bubbles: true, cancelable: true }));
    bar.value = "63000000000";
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    expect(td(address).dataset.value).toBe("63000000000");

    const tab = document.querySelector<HTMLElement>('#sheet-tabs [data-sheet-name="Meta 2026"]');
    tab?.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    const rename = document.querySelector<HTMLInputElement>("#sheet-tabs input.sheet-rename") as HTMLInputElement;
    rename.value = "Capex up";
    rename.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    click('fluent-button[data-action="refresh"]');
    await flush();
    expect(pane().querySelector(".model-name")?.textContent).toBe("Capex up");

    await saveAs("Capex up");
    expect(status().textContent).toBe(
      "Saved “Capex up” as a preset of yours from the sheet 'Capex up'. It is kept in this browser.",
    );
    const saved = (await storedPresets())[0];
    const capex = saved?.inputs.find((i) => i.key === "ai_capex");
    expect([capex?.low, capex?.base, capex?.high]).toEqual([60_000_000_000, 63_000_000_000, 65_000_000_000]);
    expect(saved?.notes?.at(-1)).toBe(
      "Saved on 2026-05-02 from the sheet “Capex up”, loaded from the preset meta-2026; assumptions changed: ai_capex.",
    );

    click('fluent-button[data-action="load"][data-preset-kind="user"][data-preset-id="capex-up"]');
    await flush();
    expect(byId("grid").dataset.sheetName).toBe("Capex up (2)");
    expect(td(address).dataset.value).toBe("63000000000");
    expect(td(address).textContent).toBe("$63.0B");
  });

  it("exports a preset of yours as its file and imports it back, asking before it replaces anything", async () => {
    await chooseFile(presetToFileText({ ...meta, id: "shared", title: "Shared" }), "shared.json");
    click('fluent-button[data-action="export"][data-preset-kind="user"][data-target-id="shared"]');
    expect(exported).toEqual([
      { name: "shared.json", text: presetToFileText({ ...meta, id: "shared", title: "Shared" }) },
    ]);
    click('fluent-button[data-action="remove"][data-target-id="shared"]');
    click('fluent-button[data-action="confirm-remove"]');
    await flush();
    expect(await storedPresets()).toEqual([]);

    await chooseFile(exported[0]?.text ?? "", "shared.json");
    expect((await storedPresets()).map((p) => p.id)).toEqual(["shared"]);
    await chooseFile(exported[0]?.text ?? "", "shared.json");
    expect(pane().querySelector<HTMLElement>(".prompt")?.hidden).toBe(false);
    click('fluent-button[data-action="conflict-keep"]');
    await flush();
    expect((await storedPresets()).map((p) => [p.id, p.title])).toEqual([
      ["shared", "Shared"],
      ["shared-2", "Shared (2)"],
    ]);
  });
});

describe("the size limit applies to the file the user chose", () => {
  it("imports a 250,254-byte minified file the command line accepts, keeps it, loads it, and exports a file that reads back", async () => {
    const text = minifiedPresetFile(250_254);
    await chooseFile(text, "large.min.json");
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    expect(status().textContent).not.toContain("bytes");
    const kept = await storedPresets();
    expect(kept.map((p) => p.id)).toEqual(["large-minified"]);
    await open(); // a reload reads the record back
    expect(pane().textContent).not.toContain("could not be read");
    expect(pane().querySelector('li[data-preset-kind="user"][data-card-id="large-minified"]')).not.toBeNull();
    click('fluent-button[data-action="export"][data-preset-kind="user"][data-target-id="large-minified"]');
    const exportedText = exported[0]?.text ?? "";
    expect(Buffer.byteLength(exportedText)).toBeLessThanOrEqual(262_144);
    expect(JSON.parse(exportedText)).toEqual(JSON.parse(text));
  });

  it("refuses a file over the limit quoting that file's own size", async () => {
    await chooseFile(`${minifiedPresetFile(250_254)}${" ".repeat(20_000)}`, "large.json");
    expect(status().textContent).toContain("the file is 270,254 bytes, over the limit of 262,144 bytes");
  });

  it("refuses a file that is not UTF-8 with the command line's message, never repairing it", async () => {
    const bytes = Buffer.from(presetToFileText({ ...meta, id: "broken", title: "Broken X" }).replace("Broken X", "Broken \u0000"), "utf8");
    bytes[bytes.indexOf(0)] = 0xff;
    await chooseFile(bytes, "broken.json");
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toMatch(/^Not imported: broken\.json: preset: the file is not UTF-8 text \(line \d+, byte [\d,]+ is not UTF-8\); save it as UTF-8$/);
    expect(await storedPresets()).toEqual([]);
  });
});

describe("nothing the user made is touched", () => {
  it("loading, saving, importing, removing and freezing leave the user's sheets and cells exactly as they were", async () => {
    const before = userPart(workbook);
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    await saveAs("Mine");
    await chooseFile(presetToFileText({ ...meta, id: "other", title: "Other" }), "other.json");
    click('fluent-button[data-action="remove"][data-target-id="other"]');
    click('fluent-button[data-action="confirm-remove"]');
    await flush();
    click('fluent-button[data-action="freeze"]');
    await flush();
    expect(status().dataset.kind, status().textContent ?? "").toBe("success");
    expect(workbook.sheetNames()).toEqual(["Budget", "Notes", "Meta 2026", "Meta 2026 (values)"]);
    expect(userPart(workbook)).toEqual(before);
  });

  it("a load that fails half way leaves the whole workbook as it was, and the pane says so", async () => {
    const before = snapshot(workbook);
    vi.spyOn(workbook.engine, "setSheetContent").mockImplementationOnce(() => {
      throw new Error("Simulated failure");
    });
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toBe(
      'Loading "Meta 2026" into the preview failed: Simulated failure. The workbook is unchanged.',
    );
    expect(snapshot(workbook)).toEqual(before);
    expect(document.querySelectorAll("#sheet-tabs [data-sheet-name]")).toHaveLength(2);
  });

  it("a save the browser's storage refuses stores nothing, and the pane says so", async () => {
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    const before = { workbook: snapshot(workbook), storage: storage.entries() };
    storage.refuseWrites = true;
    await saveAs("Refused");
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toMatch(
      /^Saving "Refused" failed: the browser refused to store it \(.*\)\. Your presets are as they were\.$/,
    );
    expect({ workbook: snapshot(workbook), storage: storage.entries() }).toEqual(before);
  });

  it("a freeze that fails half way removes its copy and leaves the workbook as it was", async () => {
    click(`fluent-button[data-preset-id="${meta.id}"]`);
    await flush();
    const before = snapshot(workbook);
    vi.spyOn(workbook.engine, "setSheetContent").mockImplementationOnce(() => {
      throw new Error("Simulated failure");
    });
    click('fluent-button[data-action="freeze"]');
    await flush();
    expect(status().textContent).toBe(
      'Freezing "Meta 2026" failed: Simulated failure. The partial copy was removed; the workbook is unchanged.',
    );
    expect(snapshot(workbook)).toEqual(before);
  });
});
