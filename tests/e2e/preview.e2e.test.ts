/*
 * The preview host end to end, in Debian's Chromium, against the production build
 * (tests/globalSetup.ts): load every preset from the task pane and check its
 * outputs in the grid against the calc module; type formulas, a bad input and an
 * edit; every feature of the pane for your own models (save as preset, your
 * models kept across a reload, export as a download and import, a refused file,
 * freeze for sharing, renaming a sheet); hostile text shown as text; and no
 * console error, dialog, failed request, CSP violation or request off the server.
 *
 * Without /usr/bin/chromium the tests are skipped with a warning, except under CI
 * (process.env.CI), where that is a failure. AICOST_SCREENSHOTS=1 also writes
 * docs/screenshots/*.png.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { evaluateScalar, GPU_HOUR_COST, GPU_TCO, gpuTcoUsd, isCalcError } from "../../src/calc";
import { irrNoRateMessage } from "../../src/preview/errorMessages";
import { freeSheetName } from "../../src/workbook/sheetName";
import { builtInPresets, findPreset, planSheet, presetToFileText, scenarios, type Preset, type Scenario } from "../../src/presets";
import { sheetScenariosOf } from "../../src/presets/types";
import { hostilePreset } from "../fixtures/hostileText";
import { largestPresetFile, scripts } from "../fixtures/largestPresets";
import { chromiumPath, haveChromium, launchChromium, serveDirectory, type BrowserSession, type StaticServer } from "./browser";
import { evaluateOutputs, expectedCellText, expectedOutputs, isExpectedError, type Expected } from "./expectedOutputs";

const chromiumMissing = !haveChromium();
const screenshots = process.env.AICOST_SCREENSHOTS === "1";
const screenshotDir = resolve(__dirname, "..", "..", "docs", "screenshots");

if (chromiumMissing && !process.env.CI) {
  console.warn(
    [
      "",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      `!! The preview's browser tests are SKIPPED: no Chromium at ${chromiumPath}.`,
      "!! To run them, install Debian's Chromium:  sudo apt-get install chromium",
      "!! (or point AICOST_CHROMIUM at a Chromium binary). Under CI they fail instead.",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "",
    ].join("\n"),
  );
}

describe.runIf(chromiumMissing && Boolean(process.env.CI))("preview host in Chromium (CI)", () => {
  it("has Chromium to run in", () => {
    throw new Error(`Chromium is missing at ${chromiumPath}; CI must install it (apt-get install chromium).`);
  });
});

function cell(page: Page, address: string) {
  return page.locator(`#grid td[data-address="${address}"]`);
}

async function valueOf(page: Page, address: string): Promise<string | null> {
  return cell(page, address).getAttribute("data-value");
}

/** Selects a cell through the name box, types into it as a user does, and presses Enter. */
async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await page.fill("#name-box", address);
  await page.press("#name-box", "Enter");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function activeSheet(page: Page): Promise<string | null> {
  return page.locator('#sheet-tabs [role="tab"][aria-selected="true"]').getAttribute("data-sheet-name");
}

async function loadPreset(page: Page, preset: Preset, expectedSheet: string): Promise<void> {
  await page.click(`fluent-button[data-preset-id="${preset.id}"]`);
  await page.waitForSelector(`#grid[data-sheet-name="${expectedSheet}"]`);
  expect(await activeSheet(page)).toBe(expectedSheet);
}

/** Checks a grid cell against an expected value: numbers to 1e-9 relative, text exactly, errors by code. */
async function expectCell(page: Page, address: string, expected: Expected, label: string): Promise<void> {
  const actual = await valueOf(page, address);
  if (typeof expected === "number") {
    const number = Number(actual);
    expect(Number.isFinite(number), `${label} at ${address} is ${actual}`).toBe(true);
    expect(Math.abs(number - expected), `${label} at ${address}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else {
    expect(actual, `${label} at ${address}`).toBe(expectedCellText(expected));
  }
}

const meta = findPreset("meta-2026") as Preset;
const malformedDir = resolve(__dirname, "..", "presets", "malformed");

function pane(page: Page) {
  return page.locator("#taskpane-root");
}

async function paneStatus(page: Page): Promise<string> {
  return (await pane(page).locator(".pane .status").textContent()) ?? "";
}

/** Waits for the pane's status to say something matching `pattern`, and returns it. */
async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  await expect.poll(() => paneStatus(page), { timeout: 10_000 }).toMatch(pattern);
  return paneStatus(page);
}

/** Picks a file for "Import a preset file…" through the browser's file chooser. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), pane(page).locator('fluent-button[data-action="import"]').click()]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
}

function userCard(page: Page, id: string) {
  return pane(page).locator(`li[data-preset-kind="user"][data-card-id="${id}"]`);
}

async function formulaBarAt(page: Page, address: string): Promise<string> {
  await page.fill("#name-box", address);
  await page.press("#name-box", "Enter");
  return page.inputValue("#formula-bar");
}

/** Renames a sheet as a user does: double-click its tab, type, Enter. */
async function renameSheet(page: Page, from: string, to: string): Promise<void> {
  await page.dblclick(`#sheet-tabs [data-sheet-name="${from}"]`);
  await page.fill("#sheet-tabs input.sheet-rename", to);
  await page.press("#sheet-tabs input.sheet-rename", "Enter");
  await page.waitForSelector(`#sheet-tabs [data-sheet-name="${to}"]`);
}

describe.skipIf(chromiumMissing)("preview host in Chromium", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await serveDirectory(inject("distDir"));
    browser = await launchChromium(server.origin);
    if (screenshots) mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let dialogs: string[];

  beforeEach(async () => {
    browser.problems.console.length = 0;
    browser.problems.requests.length = 0;
    dialogs = [];
    page = await browser.newPage();
    // An alert() from injected markup would open a dialog: record it (and dismiss it so the page goes on).
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/preview.html`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterEach(async () => {
    // Each test starts with no presets of the user's: the browser profile is shared between tests.
    await page.evaluate(() => localStorage.clear());
    await page.close();
    expect(browser.problems.console, "console errors").toEqual([]);
    expect(browser.problems.requests, "failed or refused requests").toEqual([]);
    expect(dialogs, "dialogs").toEqual([]);
  });

  it("keeps the frozen rows' own row numbers beside them when the sheet scrolls down (the rows scrolled under them do not show through)", async () => {
    const timeline = findPreset("meta-2026-5y") as Preset;
    const plan = planSheet(timeline);
    await loadPreset(page, timeline, plan.sheetName);
    await page.click('[data-testid="chart-link"]');
    await expect.poll(() => page.locator("#grid").evaluate((grid) => grid.scrollTop)).toBeGreaterThan(200);
    const numbersShown = await page.locator("#grid tr.frozen th.row-header").evaluateAll((headers) =>
      headers.map((th) => {
        const box = th.getBoundingClientRect();
        const shown = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return shown?.closest("th")?.textContent ?? "";
      }),
    );
    expect(numbersShown).toEqual(Array.from({ length: plan.freezeRows }, (_, r) => String(r + 1)));
  });

  it("opens offline with an empty Sheet1, a content security policy and the task pane", async () => {
    expect(await page.locator("#sheet-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet-name")))).toEqual(["Sheet1"]);
    expect(await activeSheet(page)).toBe("Sheet1");
    expect(await valueOf(page, "A1")).toBe("");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    const scripts = await page.locator("script").evaluateAll((list) => list.map((s) => s.getAttribute("src") ?? "inline"));
    expect(scripts.every((src) => src !== "inline" && !/^https?:/.test(src))).toBe(true);
    expect(await page.locator("fluent-button[data-preset-id]").count()).toBe(builtInPresets.length);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("undefined");
  });

  it("computes a typed AICOST formula and shows the formula in the formula bar", async () => {
    const formula = "=AICOST.GPU_TCO(100000, 27500, 3, 250000000)";
    await typeInto(page, "B2", formula);
    expect(Number(await valueOf(page, "B2"))).toBe(gpuTcoUsd(100000, 27500, 3, 250000000));
    expect(await cell(page, "B2").textContent()).not.toBe("");
    // Enter moved the selection down; the formula is there when the cell is selected again.
    expect(await page.inputValue("#name-box")).toBe("B3");
    await cell(page, "B2").click();
    expect(await page.inputValue("#formula-bar")).toBe(formula);
    // Any formula HyperFormula knows, and references to other cells.
    await typeInto(page, "C2", "=B2/1000000000+SUM(1,2)");
    expect(Number(await valueOf(page, "C2"))).toBeCloseTo(gpuTcoUsd(100000, 27500, 3, 250000000) / 1e9 + 3, 9);
    // The same check through the calc module's own example.
    const example = GPU_TCO.examples[0];
    if (!example) throw new Error("GPU_TCO has no example");
    await typeInto(page, "D2", example.formula);
    expect(Number(await valueOf(page, "D2"))).toBe(example.result);
  });

  it("shows #NUM! for a bad input, with the calc module's message on hover", async () => {
    await typeInto(page, "A1", "=AICOST.GPU_HOUR_COST(1, 0, 1)");
    const expected = evaluateScalar(GPU_HOUR_COST, [1, 0, 1]);
    if (!isCalcError(expected)) throw new Error("GPU_HOUR_COST(1, 0, 1) should fail");
    expect(await valueOf(page, "A1")).toBe("#NUM!");
    expect(await cell(page, "A1").textContent()).toBe("#NUM!");
    expect(await cell(page, "A1").getAttribute("title")).toBe(expected.message);
    // HyperFormula's own errors show too.
    await typeInto(page, "A2", "=1/0");
    expect(await valueOf(page, "A2")).toBe("#DIV/0!");
    await typeInto(page, "A3", "=NOSUCHFUNCTION(1)");
    expect(await valueOf(page, "A3")).toBe("#NAME?");
    // IRR's #NUM! says why, as the help in Excel does.
    await typeInto(page, "A4", "=IRR({100, 50, 60})");
    expect(await valueOf(page, "A4")).toBe("#NUM!");
    expect(await cell(page, "A4").getAttribute("title")).toBe(irrNoRateMessage);
  });

  for (const preset of builtInPresets) {
    it(`loads ${preset.id} from the task pane with outputs matching the calc module and a chart`, async () => {
      const plan = planSheet(preset);
      const sheetName = freeSheetName(plan.sheetName, ["Sheet1"]);
      await loadPreset(page, preset, sheetName);
      for (const scenario of scenarios) {
        const expected = expectedOutputs(preset, scenario);
        for (const output of preset.outputs) {
          const address = plan.keyCells[output.key]?.[scenario];
          if (!address) throw new Error(`${preset.id}: no cell for ${output.key}`);
          await expectCell(page, address, expected.get(output.key) as Expected, `${output.key} (${scenario})`);
        }
      }
      // Inputs are blue, as in Excel.
      const firstInput = preset.inputs[0];
      const inputAddress = firstInput ? plan.keyCells[firstInput.key]?.base : undefined;
      if (inputAddress) expect(await cell(page, inputAddress).evaluate((td) => getComputedStyle(td).color)).toBe("rgb(0, 0, 255)");
      // One bar per scenario and category, showing the plotted cells' values.
      const chart = plan.chart;
      if (chart) {
        const bars = page.locator('svg[data-testid="chart"] rect[data-series]');
        const categories = await page.locator("svg[data-testid=chart] .chart-category").count();
        expect(await bars.count()).toBe(chart.series.length * categories);
        const first = chart.series[0];
        if (!first) throw new Error("a chart without series");
        const firstCell = first.range.split(":")[0] as string;
        expect(await bars.first().getAttribute("data-value")).toBe(await valueOf(page, firstCell));
      }
      // The pane reports the sheet it loaded into.
      await expect.poll(() => page.locator(".pane .status").textContent()).toContain(sheetName);
    });
  }

  it("loads a preset twice into a free name and keeps the first copy", async () => {
    const preset = builtInPresets[0] as Preset;
    const name = planSheet(preset).sheetName;
    await loadPreset(page, preset, name);
    await loadPreset(page, preset, `${name} (2)`);
    expect(await page.locator("#sheet-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet-name")))).toEqual([
      "Sheet1",
      name,
      `${name} (2)`,
    ]);
    await page.click(`#sheet-tabs [data-sheet-name="${name}"]`);
    expect(await activeSheet(page)).toBe(name);
  });

  /** A page of the preview whose workbook script (hyperformula.js) is answered only when the test says, or fails. */
  async function pageWithHeldWorkbook(outcome: "held" | "failing"): Promise<{ page: Page; release: () => void }> {
    const held = await browser.newPage();
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    await held.route("**/hyperformula.js", async (route) => {
      if (outcome === "failing") return route.abort("failed");
      await released;
      return route.continue();
    });
    await held.goto(`${server.origin}/preview.html`, { waitUntil: "commit" });
    return { page: held, release };
  }

  it("is usable before its workbook opens: a Load clicked while the workbook's scripts load is carried out once they have", async () => {
    const { page: early, release } = await pageWithHeldWorkbook("held");
    try {
      const load = early.locator(`fluent-button[data-action="load"][data-preset-id="${meta.id}"]`);
      await load.click();
      await waitForStatus(early, new RegExp(`^Loading “${meta.title.replace(/[()]/g, "\\$&")}” into a new sheet…$`));
      expect(await early.evaluate(() => document.body.dataset.ready)).toBeUndefined();
      expect(await early.locator("#grid").getAttribute("aria-busy")).toBe("true");
      expect(await early.locator("#preview-status").textContent()).toBe("Opening the workbook…");
      // Nothing typed is lost: the name box and the formula bar wait for the workbook.
      expect(await early.locator("#name-box").isDisabled()).toBe(true);
      expect(await early.locator("#formula-bar").isDisabled()).toBe(true);
      release();
      await early.waitForSelector('#grid[data-sheet-name="Meta 2026"]');
      await waitForStatus(early, /^Loaded into sheet 'Meta 2026'$/);
      expect(await early.evaluate(() => document.body.dataset.ready)).toBe("true");
      expect(await activeSheet(early)).toBe("Meta 2026");
      expect(await early.locator("#sheet-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet-name")))).toEqual([
        "Sheet1",
        "Meta 2026",
      ]);
      expect(await early.locator("#grid").getAttribute("aria-busy")).toBeNull();
      expect(await early.locator("#preview-status").textContent()).toBe("");
      expect(await early.locator("#name-box").isEnabled()).toBe(true);
      await typeInto(early, "B2", "=1+1");
      expect(await valueOf(early, "B2")).toBe("2");
    } finally {
      await early.close();
    }
  });

  it("says why, and does not hang, when the workbook's script fails to load; a reload opens it", async () => {
    const { page: broken } = await pageWithHeldWorkbook("failing");
    try {
      await broken.waitForSelector('body[data-ready="failed"]');
      const reason = /^The preview's workbook could not be opened: its script hyperformula\.js did not load \(the server could not be reached or refused it\)\. Reload the page to try again\.$/;
      expect(await broken.locator("#preview-status").textContent()).toMatch(reason);
      await broken.locator(`fluent-button[data-action="load"][data-preset-id="${meta.id}"]`).click();
      await expect.poll(() => paneStatus(broken)).toMatch(reason);
      // The request the test failed, and the browser's own line about it, are the only problems.
      expect(browser.problems.requests).toEqual([`failed: ${server.origin}/hyperformula.js (net::ERR_FAILED)`]);
      expect(browser.problems.console.every((line) => /Failed to load resource|hyperformula\.js/.test(line)), browser.problems.console.join("\n")).toBe(true);
      browser.problems.requests.length = 0;
      browser.problems.console.length = 0;
      await broken.unroute("**/hyperformula.js");
      await broken.reload();
      await broken.waitForSelector('body[data-ready="true"]');
      expect(await broken.locator("#preview-status").textContent()).toBe("");
      await loadPreset(broken, meta, "Meta 2026");
    } finally {
      await broken.close();
    }
  });

  it("recalculates outputs and the chart when an assumption is edited", async () => {
    const preset = builtInPresets.find((p) => p.inputs.some((i) => i.format !== "fraction")) as Preset;
    const plan = planSheet(preset);
    await loadPreset(page, preset, plan.sheetName);
    const input = preset.inputs.find((i) => i.format !== "fraction") as Preset["inputs"][number];
    const edited = input.base * 3 + 7;
    await typeInto(page, plan.keyCells[input.key]?.base as string, String(edited));
    for (const scenario of scenarios as readonly Scenario[]) {
      const inputs = new Map<string, Expected>();
      for (const i of preset.inputs) {
        const value = scenario === "base" ? i.base : (i[scenario] ?? i.base);
        // Low and High repeat Base by formula where the preset gives no range, so they follow the edit.
        inputs.set(i.key, i.key === input.key && (scenario === "base" || i[scenario] === undefined) ? edited : value);
      }
      const expected = evaluateOutputs(preset, inputs);
      for (const output of preset.outputs) {
        const address = plan.keyCells[output.key]?.[scenario] as string;
        await expectCell(page, address, expected.get(output.key) as Expected, `${output.key} (${scenario}) after the edit`);
      }
    }
    const chart = plan.chart;
    const first = chart?.series[0];
    if (first) {
      const firstCell = first.range.split(":")[0] as string;
      expect(await page.locator('svg[data-testid="chart"] rect[data-series]').first().getAttribute("data-value")).toBe(await valueOf(page, firstCell));
    }
    // Typing the original value back restores every output.
    await typeInto(page, plan.keyCells[input.key]?.base as string, String(input.base));
    const restored = expectedOutputs(preset, "base");
    for (const output of preset.outputs) {
      const value = restored.get(output.key) as Expected;
      if (!isExpectedError(value)) await expectCell(page, plan.keyCells[output.key]?.base as string, value, `${output.key} restored`);
    }
  });

  it("selects the cell under the pointer, also where a label's text runs on over it", async () => {
    const preset = builtInPresets[0] as Preset;
    const plan = planSheet(preset);
    await loadPreset(page, preset, plan.sheetName);
    // A2 holds a long subtitle and B2 is empty, so the subtitle's text is drawn over B2.
    expect(plan.cells.some((c) => c.address === "A2" && c.content.kind === "text" && c.content.text.length > 60)).toBe(true);
    expect(plan.cells.some((c) => c.address === "B2")).toBe(false);
    const box = await cell(page, "B2").boundingBox();
    if (!box) throw new Error("B2 is not on screen");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.inputValue("#name-box")).toBe("B2");
    await page.keyboard.type("=1+2");
    await page.keyboard.press("Enter");
    expect(await valueOf(page, "B2")).toBe("3");
  });

  it("moves between sheets with the name box and keeps each sheet's cells", async () => {
    await typeInto(page, "B2", "42");
    const preset = builtInPresets[0] as Preset;
    await loadPreset(page, preset, planSheet(preset).sheetName);
    await page.fill("#name-box", "Sheet1!B2");
    await page.press("#name-box", "Enter");
    expect(await activeSheet(page)).toBe("Sheet1");
    expect(await valueOf(page, "B2")).toBe("42");
    expect(await page.inputValue("#formula-bar")).toBe("42");
    await page.fill("#name-box", "not a cell");
    await page.press("#name-box", "Enter");
    await expect.poll(() => page.locator("#preview-status").textContent()).toContain("not a cell reference");
  });

  it("saves an edited sheet as a preset of yours, lists it, and loads it into a new sheet with the edited value", async () => {
    const plan = planSheet(meta);
    await loadPreset(page, meta, plan.sheetName);
    const capex = plan.keyCells.ai_capex?.base as string;
    await typeInto(page, capex, "63000000000");
    expect(await valueOf(page, capex)).toBe("63000000000");

    // The pane finds the sheet again after a rename.
    await renameSheet(page, plan.sheetName, "Capex up");
    await pane(page).locator('fluent-button[data-action="refresh"]').click();
    await expect.poll(() => pane(page).locator(".model-name").allTextContents()).toEqual(["Capex up"]);

    await pane(page).locator('fluent-button[data-action="open-save"]').click();
    expect(await pane(page).locator(".save-form input").inputValue()).toBe("Capex up");
    await pane(page).locator('.save-form fluent-button[data-action="save"]').click();
    await waitForStatus(page, /^Saved “Capex up” as a preset of yours/);
    const card = userCard(page, "capex-up");
    expect(await card.locator("h3").textContent()).toBe("Capex up");
    expect(await pane(page).locator('ul[aria-label="Your models"] li').count()).toBe(1);

    await card.locator('fluent-button[data-action="load"]').click();
    await page.waitForSelector('#grid[data-sheet-name="Capex up (2)"]');
    expect(await valueOf(page, capex)).toBe("63000000000");
    expect(await cell(page, capex).textContent()).toBe("$63.0B");
    // Results follow the edited assumption: capex is the denominator of labor savings as a share of it.
    const share = plan.keyCells.savings_share_of_capex?.base;
    if (share !== undefined) {
      const savings = Number(await valueOf(page, plan.keyCells.labor_savings?.base as string));
      expect(Number(await valueOf(page, share))).toBeCloseTo(savings / 63e9, 12);
    }

    // A reload keeps your presets (the browser's storage), but not the workbook.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => userCard(page, "capex-up").count()).toBe(1);
    expect(await page.locator("#sheet-tabs [role=tab]").count()).toBe(1);
  });

  it("exports a preset as a download and imports the file back", async () => {
    expect(await pane(page).locator(".prompt dialog").isVisible()).toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane(page).locator(`fluent-button[data-action="export"][data-target-id="${meta.id}"]`).click(),
    ]);
    expect(download.suggestedFilename()).toBe("meta-2026.json");
    const text = readFileSync(await download.path(), "utf8");
    expect(text).toBe(presetToFileText(meta));
    await waitForStatus(page, /^Exported “Meta 2026: job cuts vs AI capex” as meta-2026\.json\.$/);

    await importFile(page, download.suggestedFilename(), text);
    await waitForStatus(page, /^Imported “Meta 2026: job cuts vs AI capex” from meta-2026\.json as a preset of yours\./);
    // A built-in's id is never shadowed: the import gets a new one.
    const card = userCard(page, "meta-2026-2");
    expect(await card.locator("h3").textContent()).toBe(meta.title);
    expect(await page.locator("#sheet-tabs [role=tab]").count()).toBe(1); // imported, not loaded
    await card.locator('fluent-button[data-action="load"]').click();
    await page.waitForSelector(`#grid[data-sheet-name="${planSheet(meta).sheetName}"]`);

    // The same file again: the pane asks before it replaces anything, and keeps both when told to.
    await importFile(page, download.suggestedFilename(), text);
    await expect.poll(() => pane(page).locator(".prompt dialog").isVisible()).toBe(true);
    expect(await pane(page).locator(".prompt p").textContent()).toContain(`A preset of yours is already called “${meta.title}”.`);
    await pane(page).locator('fluent-button[data-action="conflict-keep"]').click();
    await expect.poll(() => userCard(page, "meta-2026-3").count()).toBe(1);
    expect(await pane(page).locator(".prompt dialog").isVisible()).toBe(false);
  });

  it("refuses a malformed file with the reason and where it is, and stores nothing", async () => {
    const expected = JSON.parse(readFileSync(join(malformedDir, "expected.json"), "utf8")) as Record<string, { message: string }>;
    for (const name of ["trailing-comma.json", "formula-dde.json"]) {
      await importFile(page, name, readFileSync(join(malformedDir, name), "utf8"));
      const shown = await waitForStatus(page, new RegExp(`^Not imported: ${name.replace(/\./g, "\\.")}: `));
      expect(shown).toContain(expected[name]?.message ?? "(missing)");
      expect(await pane(page).locator(".pane .status").getAttribute("data-kind")).toBe("error");
    }
    expect(await pane(page).locator('li[data-preset-kind="user"]').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("aicost.")).length)).toBe(0);
  });

  it("freezes a loaded model into a copy whose results are plain numbers, leaving the original live", async () => {
    const plan = planSheet(meta);
    await loadPreset(page, meta, plan.sheetName);
    await pane(page).locator('fluent-button[data-action="freeze"]').click();
    const frozenName = `${plan.sheetName} (values)`;
    await page.waitForSelector(`#grid[data-sheet-name="${frozenName}"]`);
    expect(await page.locator("#sheet-tabs [role=tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet-name")))).toEqual([
      "Sheet1",
      plan.sheetName,
      frozenName,
    ]);
    const status = await waitForStatus(page, /^Froze/);
    const aicostOutputs = meta.outputs.filter((o) => o.formula.includes("AICOST."));
    // One AICOST cell per scenario column: Low, Base, High, and Reported (meta-2026 has that column).
    expect(status).toContain(`${sheetScenariosOf(meta).length * aicostOutputs.length} AICOST formulas replaced by their values`);
    expect(await cell(page, "A4").textContent()).toMatch(/^Values frozen on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC from preset meta-2026 /);

    const frozenBar = new Map<string, string>();
    for (const output of aicostOutputs) {
      for (const scenario of sheetScenariosOf(meta)) {
        const address = plan.keyCells[output.key]?.[scenario] as string;
        const bar = await formulaBarAt(page, address);
        expect(bar, `${output.key} (${scenario})`).not.toMatch(/AICOST/i);
        expect(Number.isFinite(Number(bar)) && bar.trim() !== "", `${output.key} (${scenario}): ${bar}`).toBe(true);
        frozenBar.set(address, bar);
      }
    }
    // The original still computes: its formula bar shows the AICOST formula, and the same value.
    await page.click(`#sheet-tabs [data-sheet-name="${plan.sheetName}"]`);
    for (const [address, bar] of frozenBar) {
      expect(await formulaBarAt(page, address)).toMatch(/^=.*AICOST\./);
      expect(Number(await valueOf(page, address))).toBe(Number(bar));
    }
  });

  it("keeps the largest preset file in every script after it is imported, across a reload, and loads it", async () => {
    for (const script of scripts) {
      const file = largestPresetFile(script);
      const id = `largest-${script}`;
      await importFile(page, `${id}.json`, file);
      await waitForStatus(page, new RegExp(`^Imported “Largest ${script}” from ${id}\\.json as a preset of yours\\.`));
      await expect.poll(() => userCard(page, id).count()).toBe(1);
      expect(await pane(page).locator(".notice-warning").allTextContents()).toEqual([]);
    }
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    for (const script of scripts) await expect.poll(() => userCard(page, `largest-${script}`).count()).toBe(1);
    expect(await pane(page).locator(".notice-warning").allTextContents()).toEqual([]);
    await userCard(page, "largest-emoji").locator('fluent-button[data-action="load"]').click();
    await page.waitForSelector('#grid[data-sheet-name="Largest emoji"]');
  });

  it("shows hostile text as literal text in the grid, the tabs and the pane, injecting no markup", async () => {
    const hostile = hostilePreset();
    await importFile(page, "hostile.json", presetToFileText(hostile));
    await waitForStatus(page, /^Imported /);
    await userCard(page, hostile.id).locator('fluent-button[data-action="load"]').click();
    await waitForStatus(page, /^Loaded into sheet /);
    const plan = planSheet(hostile);
    const texts = plan.cells.flatMap((c) => (c.content.kind === "text" ? [{ address: c.address, text: c.content.text }] : []));
    const shown = await page.evaluate(
      (wanted) => wanted.map(({ address }) => document.querySelector(`#grid td[data-address="${address}"]`)?.textContent ?? null),
      texts,
    );
    expect(shown).toEqual(texts.map((t) => t.text));
    const tab = page.locator('#sheet-tabs [role="tab"][aria-selected="true"]');
    expect(await tab.textContent()).toBe(await tab.getAttribute("data-sheet-name"));
    expect(await pane(page).locator(".model-name").textContent()).toBe(await activeSheet(page));
    expect(await userCard(page, hostile.id).locator("h3").textContent()).toBe(hostile.title);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll("img, iframe, object, embed").length,
      scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? "inline"),
      handlers: document.querySelectorAll("[onerror], [onload], [onclick], [onmouseover]").length,
      svgs: [...document.querySelectorAll("svg")].map((s) => s.getAttribute("data-testid")),
    }));
    // preview.js alone: webpack removes the script element of each chunk it loads (the workbook's) once it has run.
    expect(injected).toEqual({ images: 0, scripts: ["preview.js"], handlers: 0, svgs: ["chart"] });
  });

  it.runIf(screenshots)("takes the screenshots in docs/screenshots", async () => {
    // A fixed clock, so the dates shown (and which prices count as stale) do not depend on the day the pictures are taken.
    await page.clock.setFixedTime(new Date(Date.UTC(2026, 4, 2, 9, 5)));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const plan = planSheet(meta);
    const jobsCut = plan.keyCells.jobs_cut?.base as string;
    await loadPreset(page, meta, plan.sheetName);
    // A preset of the user's, saved from an edited sheet, so that the pane shows every section.
    await typeInto(page, jobsCut, "15000");
    await pane(page).locator('fluent-button[data-action="open-save"]').click();
    await pane(page).locator(".save-form input").fill("Meta, fewer cuts");
    await pane(page).locator('.save-form fluent-button[data-action="save"]').click();
    await waitForStatus(page, /^Saved “Meta, fewer cuts”/);
    await typeInto(page, jobsCut, String(meta.inputs.find((i) => i.key === "jobs_cut")?.base));
    await page.fill("#name-box", "C7");
    await page.press("#name-box", "Enter");
    const scrollPaneTo = (selector: string | null) =>
      page.evaluate((target) => {
        // The pane scrolls its own body, under its status line.
        const root = document.querySelector<HTMLElement>("#taskpane-root .pane-scroll") as HTMLElement;
        const section = target === null ? null : document.querySelector<HTMLElement>(target);
        root.scrollTop = section === null ? 0 : section.offsetTop - root.offsetTop;
      }, selector);
    await scrollPaneTo(null);
    await page.screenshot({ path: join(screenshotDir, "preview-model.png") });
    await page.evaluate(() => {
      const grid = document.getElementById("grid") as HTMLElement;
      const layer = document.querySelector<HTMLElement>(".chart-layer");
      if (layer) grid.scrollLeft = layer.offsetLeft + layer.offsetWidth + 24 - grid.clientWidth;
    });
    // Further down the pane: your models, the sheets loaded from models, and where the prices come from.
    await pane(page).locator("details.prices summary").click();
    await scrollPaneTo('.pane-section[aria-labelledby$="-yours"]');
    await page.screenshot({ path: join(screenshotDir, "preview-chart.png") });
    await pane(page).locator("details.prices summary").click();
    // The pane alone (docs/screenshots/taskpane.png) is taken by tests/e2e/pane.e2e.test.ts, at 350 px in the light theme.
  });
});
