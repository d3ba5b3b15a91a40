// @vitest-environment happy-dom
/*
 * The pane's controls for "your own models": export and import, the user's
 * presets (load, remove with a confirmation), save as preset with a name typed
 * into the pane, conflicts, freeze, and the price catalog; every feature shown
 * only where the host has it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LoadOutcome, WorkbookHost } from "../../src/workbook/host";
import { priceCatalog } from "../../src/calc/priceCatalog";
import { builtInPresets, findPreset, planSheet, presetFileMaxBytes, presetToFileText, type Preset } from "../../src/presets";
import { mountPane, type PaneOptions } from "../../src/taskpane/pane";
import { isStale } from "../../src/taskpane/priceCatalogView";
import { daysSince, formatUsd, staleAfterDays } from "../../src/taskpane/priceFormat";
import { hostilePreset, hostileTexts } from "../fixtures/hostileText";
import { MemoryHost } from "./memoryHost";

let root: HTMLElement;
const today = new Date(2026, 4, 2, 10, 30); // 2 May 2026, local time
const meta = findPreset("meta-2026") as Preset;
const mine = (id: string, title: string): Preset => ({ ...meta, id, title });

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  root.remove();
  vi.restoreAllMocks();
});

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
/** Flushes until `done` holds (or gives up, leaving the assertions after it to say what is wrong): a save loads the code that reads a sheet back on first use, which can take longer than a few ticks on a busy machine. */
const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !done(); i++) await flush();
};
const status = (): HTMLElement => root.querySelector('[role="status"]') as HTMLElement;
const action = (name: string, within: ParentNode = root): HTMLButtonElement[] => [...within.querySelectorAll<HTMLButtonElement>(`fluent-button[data-action="${name}"]`)];
const first = (name: string, within: ParentNode = root): HTMLButtonElement => {
  const found = action(name, within)[0];
  if (!found) throw new Error(`no button for ${name}; status: ${status().textContent}`);
  return found;
};
const userCard = (id: string): HTMLElement => root.querySelector(`li[data-preset-kind="user"][data-card-id="${id}"]`) as HTMLElement;
const section = (title: string): HTMLElement | undefined =>
  [...root.querySelectorAll<HTMLElement>("section.pane-section")].find((s) => s.querySelector("h2")?.textContent === title);

async function mount(host: WorkbookHost, options: PaneOptions = {}): Promise<{ saved: { name: string; text: string }[] }> {
  const saved: { name: string; text: string }[] = [];
  mountPane(root, host, { now: () => today, saveFile: (name, text) => saved.push({ name, text }), ...options });
  await flush();
  return { saved };
}

function chooseFile(file: File): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new Event("change"));
}

const jsonFile = (text: string, name = "preset.json"): File => new File([text], name, { type: "application/json" });

describe("a host without the optional features", () => {
  class LoadOnlyHost implements WorkbookHost {
    readonly name = "Load only";
    requirementProblem(): string | null {
      return null;
    }
    async loadPlan(plan: { sheetName: string }): Promise<LoadOutcome> {
      return { sheetName: plan.sheetName };
    }
  }

  it("shows neither your models nor the sheets, but still exports and shows the prices", async () => {
    const { saved } = await mount(new LoadOnlyHost());
    expect(section("Your models")).toBeUndefined();
    expect(section("Sheets loaded from models")).toBeUndefined();
    expect(root.querySelector('input[type="file"]')).toBeNull();
    expect(action("export")).toHaveLength(builtInPresets.length);
    first("export").click();
    expect(saved).toHaveLength(1);
    expect(root.querySelector("details.prices")).not.toBeNull();
  });
});

describe("export", () => {
  it("offers a built-in preset as its preset file, named by its id", async () => {
    const { saved } = await mount(new MemoryHost());
    const button = root.querySelector<HTMLButtonElement>(`fluent-button[data-action="export"][data-target-id="${meta.id}"]`) as HTMLButtonElement;
    button.click();
    expect(saved).toEqual([{ name: "meta-2026.json", text: presetToFileText(meta) }]);
    expect(status().textContent).toBe(`Exported “${meta.title}” as meta-2026.json.`);
  });

  it("downloads through a Blob, an object URL and an <a download>, by default", async () => {
    const created: Blob[] = [];
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      created.push(blob as Blob);
      return "blob:test-url";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    mountPane(root, new MemoryHost(), { now: () => today });
    await flush();
    first("export").click();
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual([{ href: "blob:test-url", download: `${builtInPresets[0]?.id}.json` }]);
    expect(await created[0]?.text()).toBe(presetToFileText(builtInPresets[0] as Preset));
    expect(document.querySelector("a[download]")).toBeNull(); // the link does not stay in the page
  });

  it("exports a user preset too", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: mine("my-meta", "My Meta"), savedAt: "2026-05-01T09:00:00.000Z" }];
    const { saved } = await mount(host);
    first("export", userCard("my-meta")).click();
    expect(saved).toEqual([{ name: "my-meta.json", text: presetToFileText(mine("my-meta", "My Meta")) }]);
  });
});

describe("your models", () => {
  it("lists the presets stored in the workbook beside the built-in ones, marked as yours, and loads one the same way", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: mine("my-meta", "My Meta"), savedAt: "2026-05-01T09:00:00.000Z" }];
    await mount(host);
    const card = userCard("my-meta");
    expect(card.querySelector("h3")?.textContent).toBe("My Meta");
    expect(card.querySelector(".badge")?.textContent).toBe("Yours");
    expect(card.textContent).toContain("saved 2026-05-01");
    first("load", card).click();
    await flush();
    expect(host.loads).toHaveLength(1);
    expect(host.loads[0]?.origin).toEqual({ preset: mine("my-meta", "My Meta"), kind: "user", loadedAt: today.toISOString() });
    expect(status().textContent).toBe("Loaded into sheet 'My Meta'");
  });

  it("records the origin of a built-in load too, and lists the new sheet", async () => {
    const host = new MemoryHost();
    await mount(host);
    root.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${meta.id}"]`)?.click();
    await flush();
    expect(host.loads[0]?.origin).toEqual({ preset: meta, kind: "builtIn", loadedAt: today.toISOString() });
    const sheets = section("Sheets loaded from models") as HTMLElement;
    expect([...sheets.querySelectorAll(".model-name")].map((n) => n.textContent)).toEqual(["Meta 2026"]);
    expect(sheets.textContent).toContain(`From “${meta.title}” · loaded 2026-05-02`);
  });

  it("says there are none yet, and shows a warning for each stored preset it cannot read", async () => {
    const host = new MemoryHost();
    host.unreadable = ["A preset stored in this workbook could not be read: version: 2 is not supported."];
    await mount(host);
    const yours = section("Your models") as HTMLElement;
    expect(yours.textContent).toContain("None yet.");
    expect(yours.querySelector(".notice-warning")?.textContent).toBe(host.unreadable[0]);
  });

  it("removes a preset only after a confirmation step in the pane, and Cancel removes nothing", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: mine("my-meta", "My Meta"), savedAt: "2026-05-01T09:00:00.000Z" }];
    const confirmSpy = vi.fn(() => true);
    Object.defineProperty(window, "confirm", { value: confirmSpy, configurable: true });
    await mount(host);
    first("remove", userCard("my-meta")).click();
    expect(host.calls).not.toContain("remove");
    expect(userCard("my-meta").querySelector(".confirm")?.textContent).toContain("Remove “My Meta” from this workbook?");
    expect(document.activeElement).toBe(first("cancel-remove"));
    first("cancel-remove").click();
    expect(userCard("my-meta").querySelector(".confirm")).toBeNull();
    expect(host.calls).not.toContain("remove");

    first("remove", userCard("my-meta")).click();
    first("confirm-remove").click();
    await flush();
    expect(host.calls).toContain("remove");
    expect(host.stored).toEqual([]);
    expect(userCard("my-meta")).toBeNull();
    expect(status().textContent).toBe("Removed “My Meta” from this workbook.");
    expect(confirmSpy).not.toHaveBeenCalled();
  });
});

describe("import", () => {
  it("shows what is wrong and where in a refused file, lists every problem, and writes nothing", async () => {
    const host = new MemoryHost();
    await mount(host);
    const broken = { ...JSON.parse(presetToFileText(meta)), asOf: "soon", title: "" };
    chooseFile(jsonFile(JSON.stringify(broken), "broken.json"));
    await flush();
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toMatch(/^Not imported: broken\.json: (title|asOf): /);
    const issues = [...root.querySelectorAll(".issues li")].map((li) => li.textContent);
    expect(issues.some((t) => t?.startsWith("asOf: "))).toBe(true);
    expect(issues.some((t) => t?.startsWith("title: "))).toBe(true);
    expect(host.calls.filter((c) => c === "save")).toEqual([]);
    expect(host.loads).toEqual([]);
  });

  it("refuses text that is not JSON with its line and column", async () => {
    const host = new MemoryHost();
    await mount(host);
    chooseFile(jsonFile('{\n  "version": 1,\n  oops\n}', "bad.json"));
    await flush();
    expect(status().textContent).toMatch(/^Not imported: bad\.json: preset: not valid JSON at line 3, column 3/);
    expect(host.calls).not.toContain("save");
  });

  it("refuses a file over the size limit without reading it", async () => {
    const host = new MemoryHost();
    await mount(host);
    const big = jsonFile("x".repeat(presetFileMaxBytes + 1), "big.json");
    const read = vi.spyOn(big, "text");
    chooseFile(big);
    await flush();
    expect(read).not.toHaveBeenCalled();
    expect(status().textContent).toContain("over the limit of 262,144 bytes");
    expect(host.calls).not.toContain("save");
  });

  it("stores an accepted file as a preset of yours without loading it", async () => {
    const host = new MemoryHost();
    await mount(host);
    chooseFile(jsonFile(presetToFileText(mine("shared-model", "Shared model")), "shared.json"));
    await flush();
    expect(host.stored.map((s) => [s.preset.id, s.preset.title, s.savedAt])).toEqual([["shared-model", "Shared model", today.toISOString()]]);
    expect(host.loads).toEqual([]);
    expect(userCard("shared-model")).not.toBeNull();
    expect(status().textContent).toBe("Imported “Shared model” from shared.json as a preset of yours. Load it from “Your models”. It is kept in this workbook: save the workbook to keep it.");
  });

  it("gives a file carrying a built-in preset's id a new id rather than shadowing the built-in", async () => {
    const host = new MemoryHost();
    await mount(host);
    chooseFile(jsonFile(presetToFileText(meta), "meta-2026.json"));
    await flush();
    expect(host.stored.map((s) => s.preset.id)).toEqual(["meta-2026-2"]);
    expect(host.stored[0]?.preset.title).toBe(meta.title);
  });

  it("asks before replacing a preset of yours with the same id or name: Replace, Keep both, or Cancel", async () => {
    const host = new MemoryHost();
    const original = { preset: mine("shared-model", "Shared model"), savedAt: "2026-05-01T09:00:00.000Z" };
    host.stored = [original];
    await mount(host);
    const incoming = { ...mine("shared-model", "Shared model"), summary: "A newer version." };

    chooseFile(jsonFile(presetToFileText(incoming)));
    await flush();
    const prompt = root.querySelector<HTMLElement>(".prompt") as HTMLElement;
    expect(prompt.hidden).toBe(false);
    expect(prompt.textContent).toContain("A preset of yours is already called “Shared model”.");
    expect(document.activeElement).toBe(first("conflict-cancel"));
    first("conflict-cancel").click();
    expect(prompt.hidden).toBe(true);
    expect(host.stored).toEqual([original]);

    chooseFile(jsonFile(presetToFileText(incoming)));
    await flush();
    first("conflict-keep").click();
    await flush();
    expect(host.stored.map((s) => [s.preset.id, s.preset.title])).toEqual([
      ["shared-model", "Shared model"],
      ["shared-model-2", "Shared model (2)"],
    ]);

    chooseFile(jsonFile(presetToFileText({ ...incoming, id: "other-id" })));
    await flush();
    expect(prompt.textContent).toContain("“Shared model”"); // same name, other id: still a conflict
    first("conflict-replace").click();
    await flush();
    expect(host.stored.find((s) => s.preset.id === "shared-model")?.preset.summary).toBe("A newer version.");
    expect(host.stored).toHaveLength(2);
  });

  it("asks again when the workbook gained a preset with that id meanwhile (the store reports a conflict)", async () => {
    const host = new MemoryHost();
    await mount(host);
    host.stored = [{ preset: mine("late", "Someone else's"), savedAt: "2026-05-01T09:00:00.000Z" }];
    vi.spyOn(host.userPresets, "list").mockResolvedValue({ presets: [], unreadable: [] });
    chooseFile(jsonFile(presetToFileText(mine("late", "Mine"))));
    await flush();
    expect(root.querySelector<HTMLElement>(".prompt")?.textContent).toContain("“Someone else's”");
    expect(host.stored.map((s) => s.preset.title)).toEqual(["Someone else's"]);
  });
});

describe("save as preset", () => {
  async function loadedHost(): Promise<MemoryHost> {
    const host = new MemoryHost();
    await mount(host);
    root.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${meta.id}"]`)?.click();
    await flush();
    return host;
  }

  it("asks for a name in the pane (not window.prompt), reads the sheet and stores the edited values", async () => {
    const promptSpy = vi.fn(() => "typed into a dialog");
    Object.defineProperty(window, "prompt", { value: promptSpy, configurable: true });
    const host = await loadedHost();
    const sheet = host.sheets[0];
    if (!sheet) throw new Error("no sheet");
    const base = planSheet(meta).keyCells.jobs_cut?.base as string;
    sheet.cells.set(base, { address: base, value: 12_000 });

    first("open-save").click();
    const input = root.querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
    expect(input.value).toBe("Meta 2026");
    expect(document.activeElement).toBe(input);
    // Fluent's text input labels its inner <input> with its own content (slotted into its <label>).
    expect(input.textContent).toBe("Name for your preset");
    input.value = "Meta, fewer cuts";
    input.dispatchEvent(new Event("input"));
    first("save").click();
    await until(() => host.stored.length > 0 || status().dataset.kind === "error");

    expect(promptSpy).not.toHaveBeenCalled();
    expect(host.calls).toContain("readModel");
    expect(host.stored).toHaveLength(1);
    const saved = host.stored[0]?.preset;
    expect(saved?.id).toBe("meta-fewer-cuts");
    expect(saved?.title).toBe("Meta, fewer cuts");
    expect(saved?.inputs.find((i) => i.key === "jobs_cut")?.base).toBe(12_000);
    expect(saved?.asOf).toBe("2026-05-02");
    expect(status().textContent).toBe("Saved “Meta, fewer cuts” as a preset of yours from the sheet 'Meta 2026'. It is kept in this workbook: save the workbook to keep it.");
    expect(root.querySelector(".save-form")).toBeNull();
    expect(userCard("meta-fewer-cuts")).not.toBeNull();
  });

  it("submits with Enter (the form's submit) too", async () => {
    const host = await loadedHost();
    first("open-save").click();
    const form = root.querySelector<HTMLFormElement>(".save-form") as HTMLFormElement;
    form.dispatchEvent(new Event("submit", { cancelable: true, bubbles: true }));
    await until(() => host.stored.length > 0 || status().dataset.kind === "error");
    expect(host.stored.map((s) => s.preset.title)).toEqual(["Meta 2026"]);
  });

  it("refuses a blank name and a sheet whose inputs are not numbers, naming the cell, and stores nothing", async () => {
    const host = await loadedHost();
    first("open-save").click();
    const input = root.querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
    input.value = "   ";
    input.dispatchEvent(new Event("input"));
    first("save").click();
    await flush();
    expect(status().textContent).toBe("Give your preset a name.");
    expect(host.calls).not.toContain("readModel");

    const base = planSheet(meta).keyCells.cost_per_employee?.base as string;
    host.sheets[0]?.cells.set(base, { address: base, value: "about 165k" });
    input.value = "Broken";
    input.dispatchEvent(new Event("input"));
    first("save").click();
    await until(() => status().textContent?.startsWith("Not saved") === true);
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toBe(`Not saved: ${base} (Base of “Fully loaded cost per employee (2025 estimate)”): expected a number, found "about 165k"`);
    expect(host.stored).toEqual([]);
    expect(root.querySelector(".save-form")).not.toBeNull(); // the user can fix the sheet and try again
  });

  it("asks before replacing a preset of yours with the same name, and never takes a built-in id", async () => {
    const host = await loadedHost();
    host.stored = [{ preset: mine("mine", "Mine"), savedAt: "2026-05-01T09:00:00.000Z" }];
    first("open-save").click();
    const input = root.querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
    input.value = "mine";
    input.dispatchEvent(new Event("input"));
    first("save").click();
    await flush();
    expect(root.querySelector<HTMLElement>(".prompt")?.hidden).toBe(false);
    first("conflict-replace").click();
    await flush();
    expect(host.stored.map((s) => [s.preset.id, s.preset.title])).toEqual([["mine", "mine"]]);

    first("open-save").click();
    const again = root.querySelector<HTMLInputElement>(".save-form fluent-text-input") as HTMLInputElement;
    again.value = "Meta 2026"; // "meta-2026" is a built-in id
    again.dispatchEvent(new Event("input"));
    first("save").click();
    await flush();
    expect(host.stored.map((s) => s.preset.id)).toEqual(["mine", "meta-2026-2"]);
  });
});

describe("freeze", () => {
  it("freezes the chosen sheet at the pane's clock and names the new sheet", async () => {
    const host = new MemoryHost();
    await mount(host);
    root.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${meta.id}"]`)?.click();
    await flush();
    first("freeze").click();
    await flush();
    expect(host.freezes.map((f) => [f.model.sheetName, f.now])).toEqual([["Meta 2026", today]]);
    expect(status().textContent).toBe(
      "Froze “Meta 2026” into the new sheet 'Meta 2026 (values)': 3 AICOST formulas replaced by their values. The original sheet is unchanged.",
    );
  });

  it("shows the host's error", async () => {
    const host = new MemoryHost();
    await mount(host);
    root.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${meta.id}"]`)?.click();
    await flush();
    host.failNext = { method: "freezeModel", error: new Error("Freezing failed: the workbook is protected. The partial copy was removed.") };
    first("freeze").click();
    await flush();
    expect(status().dataset.kind).toBe("error");
    expect(status().textContent).toBe("Freezing failed: the workbook is protected. The partial copy was removed.");
  });
});

describe("busy and unavailable", () => {
  it("disables every control while an action runs", async () => {
    const host = new MemoryHost();
    host.stored = [{ preset: mine("my-meta", "My Meta"), savedAt: "2026-05-01T09:00:00.000Z" }];
    await mount(host);
    const release = host.hold("loadPlan");
    root.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${meta.id}"]`)?.click();
    await flush();
    const all = [...root.querySelectorAll<HTMLButtonElement>("fluent-button[data-action]")];
    expect(all.length).toBeGreaterThan(builtInPresets.length * 2);
    expect(all.every((b) => b.disabled)).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).toBe(true);
    release();
    await flush();
    expect([...root.querySelectorAll<HTMLButtonElement>("fluent-button[data-action]")].every((b) => !b.disabled)).toBe(true);
  });

  it("with a requirement problem, touches nothing in the workbook and offers only export and the prices", async () => {
    const host = new MemoryHost("Needs ExcelApi 1.7.");
    await mount(host);
    expect(host.calls).toEqual([]);
    expect(section("Your models")).toBeUndefined();
    expect(section("Sheets loaded from models")).toBeUndefined();
    expect(action("export").every((b) => !b.disabled)).toBe(true);
    expect(action("load").every((b) => b.disabled)).toBe(true);
  });

  it("shows an error when the workbook cannot be read at start", async () => {
    const host = new MemoryHost();
    host.failNext = { method: "list", error: new Error("Reading your presets from the workbook failed: busy.") };
    await mount(host);
    expect(status().textContent).toBe("Reading your presets from the workbook failed: busy.");
  });
});

describe("hostile text in the pane", () => {
  it("shows every hostile title, summary and sheet name as text and never as markup", async () => {
    const host = new MemoryHost();
    const hostile = hostilePreset();
    host.stored = hostileTexts
      .filter((h) => h.inPreset === "oneLine")
      .map((h, i) => ({ preset: { ...hostile, id: `hostile-${i + 1}`, title: h.text, summary: h.text }, savedAt: "2026-05-01T09:00:00.000Z" }));
    await mount(host);
    for (const { preset } of host.stored) {
      expect(userCard(preset.id).querySelector("h3")?.textContent).toBe(preset.title);
      expect(userCard(preset.id).querySelector(".preset-summary")?.textContent).toBe(preset.summary);
    }
    first("load", userCard("hostile-22")).click(); // "<img src=x onerror=alert(1)>"
    await flush();
    expect(root.querySelector(".model-name")?.textContent).toBe(host.sheets[0]?.name);
    first("remove", userCard("hostile-23")).click();
    expect(userCard("hostile-23").querySelector(".confirm p")?.textContent).toContain(host.stored[22]?.preset.title);
    expect(root.querySelector("img, script, svg, b")).toBeNull();
  });
});

describe("where the prices come from", () => {
  it("lists every catalog entry with its prices, sources, the date checked and how long ago", async () => {
    await mount(new MemoryHost(), { now: () => new Date(2026, 4, 2) });
    const entries = [...root.querySelectorAll<HTMLElement>(".price-entry")];
    expect(entries.map((e) => e.dataset.model)).toEqual(priceCatalog.map((e) => e.model));
    const first = priceCatalog[0];
    const item = entries[0] as HTMLElement;
    expect(item.textContent).toContain(`Input ${formatUsd(first.inputUsdPerMillion)}`);
    expect(item.textContent).toContain(`output ${formatUsd(first.outputUsdPerMillion)} per million tokens`);
    expect(item.textContent).toContain(`Checked ${first.checked} (8 days ago)`);
    expect([...item.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href"), a.rel])).toEqual(
      first.sources.map((s) => [s.name, s.url, "noopener noreferrer"]),
    );
    expect(root.textContent).toContain("cached input not listed"); // gpt-5.5-pro has none
    expect(root.querySelectorAll("[data-stale]")).toHaveLength(0);
    expect(root.querySelector("details.prices summary")?.textContent).toBe("Where the prices come from");
  });

  it("flags an entry checked more than 90 days before today as possibly stale, and counts them in the summary", async () => {
    // Every entry was checked on 2026-04-24; 91 days later is 2026-07-24.
    await mount(new MemoryHost(), { now: () => new Date(2026, 6, 24) });
    expect(root.querySelectorAll("[data-stale]")).toHaveLength(priceCatalog.length);
    expect(root.querySelector(".price-stale")?.textContent).toMatch(/^Possibly stale: checked more than 90 days ago/);
    expect(root.querySelector("details.prices summary")?.textContent).toBe(`Where the prices come from ${priceCatalog.length} possibly stale`);
  });

  it("counts calendar days in the user's time zone: 90 days is not stale, 91 is", () => {
    expect(staleAfterDays).toBe(90);
    expect(daysSince("2026-04-24", new Date(2026, 6, 23, 23, 59))).toBe(90);
    expect(isStale({ checked: "2026-04-24" }, new Date(2026, 6, 23, 23, 59))).toBe(false);
    expect(isStale({ checked: "2026-04-24" }, new Date(2026, 6, 24, 0, 1))).toBe(true);
    expect(daysSince("2025-12-31", new Date(2026, 0, 1))).toBe(1);
    expect(isStale({ checked: "not a date" }, today)).toBe(true);
  });

  it("writes prices with the digits they need", () => {
    expect(formatUsd(5)).toBe("$5.00");
    expect(formatUsd(0.14)).toBe("$0.14");
    expect(formatUsd(0.003625)).toBe("$0.003625");
    expect(formatUsd(0.0028)).toBe("$0.0028");
  });
});
