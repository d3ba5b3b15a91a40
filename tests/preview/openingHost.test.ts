// @vitest-environment happy-dom
/*
 * The preview's host while its workbook opens (src/preview/openingHost.ts): it
 * has every member the open host has; a call made before the workbook is open
 * is carried out once it is, in order, and none is lost; before then it answers
 * the pane's first questions as the open host would; and a workbook that cannot
 * be opened makes every call that needs it fail with the reason, never hang.
 * Through the pane too: a Load clicked before the workbook opens loads the sheet.
 */
import { describe, expect, it } from "vitest";
import { findPreset, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { OpeningHost } from "../../src/preview/openingHost";
import { previewStoragePrefix } from "../../src/preview/presetRecords";
import { mountPane } from "../../src/taskpane/pane";
import type { WorkbookHost } from "../../src/workbook/host";
import { userPresetXml } from "../../src/workbook/workbookRecords";
import { MemoryStorage, newHost } from "./helpers";

const meta = findPreset("meta-2026") as Preset;
const now = new Date(Date.UTC(2026, 4, 2, 9, 5));

/** A workbook that opens when the test says so (or fails to). */
function deferredOpening(): {
  opening: Promise<WorkbookHost>;
  open: (host: WorkbookHost) => void;
  fail: (error: unknown) => void;
} {
  let open: (host: WorkbookHost) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const opening = new Promise<WorkbookHost>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { opening, open, fail };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((done) => setTimeout(done, 0));
};

/** What only one of the two hosts keeps for itself: its workbook, and how it waits for the workbook. */
const ownMembers = new Set(["workbook", "records", "priceDataParts", "sheetOf", "open", "opened", "whenOpen", "forward", "forwardIn"]);

/** Every member of a host, with the members of its stores ("userPresets.list"), and what each is. */
function shape(host: WorkbookHost): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(host)) {
    if (ownMembers.has(name)) continue;
    if (typeof value === "object" && value !== null) {
      for (const [inner, innerValue] of Object.entries(value)) found[`${name}.${inner}`] = typeof innerValue;
    } else found[name] = typeof value;
  }
  for (let proto = Object.getPrototypeOf(host); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor" && !ownMembers.has(name))
        found[name] = typeof (host as unknown as Record<string, unknown>)[name];
    }
  }
  return found;
}

/** A stored record of a preset of the user's, as the preview keeps it in the browser's storage. */
function storeRecord(storage: MemoryStorage, key: string, preset: Preset, savedAt: string): void {
  storage.setItem(previewStoragePrefix + key, userPresetXml({ preset, savedAt }));
}

describe("OpeningHost, the preview's host while its workbook opens", () => {
  it("has every member the open host has, and the same name, requirement and words on where presets are kept", () => {
    const { host: open } = newHost();
    const opening = new OpeningHost(new Promise<WorkbookHost>(() => undefined));
    // A member added to HyperFormulaHost and not forwarded here fails this, naming it.
    expect(shape(opening)).toEqual(shape(open));
    expect(opening.name).toBe(open.name);
    expect(opening.requirementProblem()).toBe(open.requirementProblem());
    expect(opening.userPresets.keptWhere).toEqual(open.userPresets.keptWhere);
    expect(opening.priceData.keptWhere).toBe(open.priceData?.keptWhere);
  });

  it("carries out a load asked for before the workbook is open once it opens, and lists the sheet then", async () => {
    const { opening, open } = deferredOpening();
    const host = new OpeningHost(opening);
    const origin = { preset: meta, kind: "builtIn" as const, loadedAt: now.toISOString() };
    let settled = false;
    const loading = host.loadPlan(planSheet(meta), origin).finally(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    const { workbook, host: openHost } = newHost();
    open(openHost);
    expect(await loading).toEqual({ sheetName: "Meta 2026", sheetId: expect.any(String) });
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Meta 2026"]);
    expect(workbook.activeSheetName).toBe("Meta 2026");
    expect((await host.listModels()).map((m) => m.sheetName)).toEqual(["Meta 2026"]);
    expect(await host.listModels()).toEqual(await openHost.listModels());
  });

  it("carries out calls asked for before it opens in the order they were asked", async () => {
    const { opening, open } = deferredOpening();
    const host = new OpeningHost(opening);
    const loads = [host.loadPlan(planSheet(meta)), host.loadPlan(planSheet(meta)), host.loadPlan(planSheet(meta))];
    const { host: openHost } = newHost();
    open(openHost);
    expect((await Promise.all(loads)).map((outcome) => outcome.sheetName)).toEqual([
      "Meta 2026",
      "Meta 2026 (2)",
      "Meta 2026 (3)",
    ]);
  });

  it("lists no loaded sheets before it opens, as the workbook it opens has none", async () => {
    const { opening, open } = deferredOpening();
    const host = new OpeningHost(opening);
    expect(await host.listModels()).toEqual([]);
    const { host: openHost } = newHost();
    open(openHost);
    await flush();
    expect(await openHost.listModels()).toEqual([]);
  });

  it("lists the user's presets from the browser's storage before it opens, as the open host lists them, damaged records included", async () => {
    const storage = new MemoryStorage();
    storeRecord(storage, "a", { ...meta, id: "mine-a", title: "Mine A" }, "2026-05-01T09:00:00.000Z");
    storeRecord(storage, "b", { ...meta, id: "mine-b", title: "Mine B" }, "2026-05-02T09:00:00.000Z");
    storage.setItem(`${previewStoragePrefix}c`, "<not a preset");
    storage.setItem("someone-else", "not ours");
    const { opening, open } = deferredOpening();
    const host = new OpeningHost(opening, { storage });
    const before = await host.userPresets.list();
    expect(before.presets.map((p) => p.preset.title)).toEqual(["Mine A", "Mine B"]);
    expect(before.unreadable).toHaveLength(1);
    const { host: openHost } = newHost({ Sheet1: [] }, storage);
    expect(before).toEqual(await openHost.userPresets.list());
    open(openHost);
    await flush();
    expect(await host.userPresets.list()).toEqual(before);
  });

  it("saves a preset asked for before it opens once it opens, and lists it from then on", async () => {
    const storage = new MemoryStorage();
    const { opening, open } = deferredOpening();
    const host = new OpeningHost(opening, { storage });
    const mine = { ...meta, id: "mine", title: "Mine" };
    const saving = host.userPresets.save(mine, { replace: false, savedAt: now.toISOString() });
    await flush();
    expect(storage.entries()).toEqual([]);
    open(newHost({ Sheet1: [] }, storage).host);
    expect(await saving).toEqual({ saved: true });
    expect((await host.userPresets.list()).presets.map((p) => presetToFileText(p.preset))).toEqual([
      presetToFileText(mine),
    ]);
    expect(await host.userPresets.remove("mine")).toBe(true);
    expect((await host.userPresets.list()).presets).toEqual([]);
  });

  it("fails every call that needs the workbook, with the reason, when it cannot be opened", async () => {
    const storage = new MemoryStorage();
    storeRecord(storage, "a", { ...meta, id: "mine-a", title: "Mine A" }, "2026-05-01T09:00:00.000Z");
    const { opening, fail } = deferredOpening();
    const host = new OpeningHost(opening, { storage });
    const loading = host.loadPlan(planSheet(meta));
    fail(new Error("Loading chunk 563 failed.\n(error: http://localhost:3000/hyperformula.js)"));
    const reason =
      /^The preview's workbook could not be opened: Loading chunk 563 failed\.\n\(error: http:\/\/localhost:3000\/hyperformula\.js\)\. Reload the page to try again\.$/;
    await expect(loading).rejects.toThrow(reason);
    await expect(host.loadPlan(planSheet(meta))).rejects.toThrow(reason);
    await expect(host.userPresets.save(meta, { replace: false, savedAt: now.toISOString() })).rejects.toThrow(reason);
    await expect(host.whenOpen()).rejects.toThrow(reason);
    // What needs no workbook still answers.
    expect((await host.userPresets.list()).presets.map((p) => p.preset.title)).toEqual(["Mine A"]);
    expect(await host.listModels()).toEqual([]);
  });
});

describe("the pane over the opening host", () => {
  it("is usable at once, and a Load clicked before the workbook opens loads the sheet once it opens", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById("root") as HTMLElement;
    const { opening, open } = deferredOpening();
    mountPane(root, new OpeningHost(opening), { now: () => now });
    await flush();
    const button = root.querySelector<HTMLElement & { disabled?: boolean }>(
      `[data-action="load"][data-preset-id="${meta.id}"]`,
    );
    expect(button).not.toBeNull();
    expect(button?.disabled).not.toBe(true);
    button?.click();
    await flush();
    const status = (): string => root.querySelector('[role="status"]')?.textContent ?? "";
    expect(status()).toBe(`Loading “${meta.title}” into a new sheet…`);
    const { workbook, host: openHost } = newHost();
    open(openHost);
    await flush();
    expect(status()).toBe("Loaded into sheet 'Meta 2026'");
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Meta 2026"]);
    // The sections listing loaded sheets now list it.
    expect([...root.querySelectorAll(".model-name")].map((name) => name.textContent)).toContain("Meta 2026");
  });

  it("says why a Load fails when the workbook cannot be opened", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById("root") as HTMLElement;
    const { opening, fail } = deferredOpening();
    mountPane(root, new OpeningHost(opening), { now: () => now });
    await flush();
    root.querySelector<HTMLElement>(`[data-action="load"][data-preset-id="${meta.id}"]`)?.click();
    fail(new Error("Loading chunk 563 failed."));
    await flush();
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(
      /^The preview's workbook could not be opened: Loading chunk 563 failed\. Reload the page to try again\.$/,
    );
    expect(
      root.querySelector<HTMLElement & { disabled?: boolean }>(`[data-action="load"][data-preset-id="${meta.id}"]`)
        ?.disabled,
    ).not.toBe(true);
  });
});
