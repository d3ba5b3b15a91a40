/*
 * The preview reads and shows values as Excel does, in Debian's Chromium at
 * 1440×900 against the production build: numbers never show clipped (measured
 * against their cells), typed currency and percentages are numbers, Excel's keys
 * work (Ctrl+Home, Ctrl+arrow, Shift+arrow, Ctrl+C / Ctrl+V, Ctrl+Z, F6), and a
 * loaded model's chart can be seen without hunting for it, its labels whole.
 * Skipped with a warning without Chromium (preview.e2e.test.ts explains).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { gpuTcoUsd } from "../../src/calc";
import { findPreset, planSheet, type Preset } from "../../src/presets";
import { freeSheetName } from "../../src/workbook/sheetName";
import { haveChromium, launchChromium, serveDirectory, type BrowserSession, type StaticServer } from "./browser";

const chromiumMissing = !haveChromium();

function cell(page: Page, address: string) {
  return page.locator(`#grid td[data-address="${address}"]`);
}

async function select(page: Page, address: string): Promise<void> {
  await page.fill("#name-box", address);
  await page.press("#name-box", "Enter");
}

async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await select(page, address);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** Cells whose shown text is wider than the room inside them (a clipped number), with both widths. */
async function clippedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const td of document.querySelectorAll<HTMLElement>("#grid td.number")) {
      const range = document.createRange();
      range.selectNodeContents(td);
      const textWidth = range.getBoundingClientRect().width;
      const style = getComputedStyle(td);
      const room = td.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      if (textWidth > room + 0.5) clipped.push(`${td.dataset.address} "${td.textContent}" ${textWidth.toFixed(1)}px in ${room.toFixed(1)}px`);
    }
    return clipped;
  });
}

describe.skipIf(chromiumMissing)("the preview as Excel, in Chromium at 1440×900", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    server = await serveDirectory(inject("distDir"));
    browser = await launchChromium(server.origin, { width: 1440, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    browser.problems.console.length = 0;
    browser.problems.requests.length = 0;
    page = await browser.newPage();
    await page.goto(`${server.origin}/preview.html`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterEach(async () => {
    await page.evaluate(() => localStorage.clear());
    await page.close();
    expect(browser.problems.console, "console errors").toEqual([]);
    expect(browser.problems.requests, "failed or refused requests").toEqual([]);
  });

  async function loadPreset(preset: Preset): Promise<string> {
    const sheetName = freeSheetName(planSheet(preset).sheetName, ["Sheet1"]);
    await page.click(`fluent-button[data-preset-id="${preset.id}"]`);
    await page.waitForSelector(`#grid[data-sheet-name="${sheetName}"]`);
    return sheetName;
  }

  it("shows the README's GPU_TCO example in a default-width cell as 3.5E+09, not clipped", async () => {
    await typeInto(page, "B2", "=AICOST.GPU_TCO(100000, 27500, 3, 250000000)");
    expect(Number(await cell(page, "B2").getAttribute("data-value"))).toBe(gpuTcoUsd(100000, 27500, 3, 250000000));
    expect(await cell(page, "B2").textContent()).toBe("3.5E+09");
    // A formatted number too wide for its column shows ####, as Excel does.
    await typeInto(page, "C2", "$170,000,000,000");
    expect(await cell(page, "C2").textContent()).toMatch(/^#{4,}$/);
    expect(await clippedNumbers(page)).toEqual([]);
  });

  it("shows every number of the Self-hosting vs API model whole, 4,380,000,000,000 tokens included", async () => {
    const preset = findPreset("self-host-vs-api") as Preset;
    const plan = planSheet(preset);
    await loadPreset(preset);
    expect(await cell(page, plan.keyCells.fleet_tokens_per_year?.base as string).textContent()).toBe("4,380,000,000,000");
    expect(await clippedNumbers(page)).toEqual([]);
    const hashes = await page.locator("#grid td.number").evaluateAll((tds) => tds.filter((td) => /^#+$/.test(td.textContent ?? "")).map((td) => (td as HTMLElement).dataset.address));
    expect(hashes).toEqual([]);
  });

  it("reads typed $170,000, 20% and 1.5E+9 as numbers, and 40 in a percent cell as 40%", async () => {
    await typeInto(page, "A1", "$170,000");
    await typeInto(page, "A2", "20%");
    await typeInto(page, "A3", "=A1*A2");
    await typeInto(page, "A4", "1.5E+9");
    expect(await cell(page, "A1").textContent()).toBe("$170,000");
    expect(await cell(page, "A2").textContent()).toBe("20%");
    expect(Number(await cell(page, "A3").getAttribute("data-value"))).toBeCloseTo(34000, 9);
    expect(await cell(page, "A4").getAttribute("data-value")).toBe("1500000000");
    const preset = findPreset("self-host-vs-api") as Preset;
    const plan = planSheet(preset);
    await loadPreset(preset);
    const utilization = plan.keyCells.utilization?.base as string;
    await typeInto(page, utilization, "40");
    expect(await cell(page, utilization).getAttribute("data-value")).toBe("0.4");
    expect(await cell(page, utilization).textContent()).toBe("40.0%");
  });

  it("says what is wrong with a formula in Excel's words, and what divided by zero", async () => {
    await typeInto(page, "A1", "=SUM(1,2");
    expect(await page.textContent("#preview-status")).toContain("There's a problem with this formula");
    expect(await cell(page, "A1").getAttribute("title")).not.toMatch(/token|RParen/);
    await typeInto(page, "B1", "=10/B2");
    expect(await cell(page, "B1").getAttribute("title")).toBe("Division by zero: the divisor B2 is blank (a blank cell counts as 0).");
  });

  it("answers Excel's keys: Ctrl+Home, Ctrl+arrow, Shift+arrow, Ctrl+C / Ctrl+V, Ctrl+Z and F6", async () => {
    await typeInto(page, "A1", "Item");
    await typeInto(page, "A2", "GPUs");
    await typeInto(page, "A3", "Power");
    await typeInto(page, "B1", "Cost");
    await typeInto(page, "B2", "100");
    await typeInto(page, "B3", "=B2*2");
    await select(page, "D9");
    await page.keyboard.press("Control+Home");
    expect(await page.inputValue("#name-box")).toBe("A1");
    await page.keyboard.press("Control+ArrowDown");
    expect(await page.inputValue("#name-box")).toBe("A3");
    await page.keyboard.press("Control+ArrowUp");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    expect(await page.locator("#grid td.in-range").count()).toBe(6);
    await page.keyboard.press("Control+C");
    await select(page, "D1");
    await page.keyboard.press("Control+V");
    await expect.poll(() => cell(page, "E3").getAttribute("data-value")).toBe("200");
    expect(await cell(page, "D2").textContent()).toBe("GPUs");
    // The copied formula moved with the paste, as in Excel.
    await select(page, "E3");
    expect(await page.inputValue("#formula-bar")).toBe("=E2*2");
    await page.keyboard.press("Control+Z");
    expect(await cell(page, "E3").getAttribute("data-value")).toBe("");
    await typeInto(page, "B2", "150");
    expect(await cell(page, "B3").getAttribute("data-value")).toBe("300");
    await page.keyboard.press("Control+Z");
    expect(await cell(page, "B3").getAttribute("data-value")).toBe("200");
    await page.keyboard.press("F6");
    expect(await page.evaluate(() => document.getElementById("taskpane-root")?.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("F6");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("grid");
  });

  it("shows where a loaded model's chart is, brings it into view whole, with its category labels whole", async () => {
    const preset = findPreset("self-host-vs-api") as Preset;
    await loadPreset(preset);
    const link = page.locator('[data-testid="chart-link"]');
    expect(await link.isVisible()).toBe(true);
    await link.click();
    const boxes = await page.evaluate(() => {
      const grid = (document.getElementById("grid") as HTMLElement).getBoundingClientRect();
      const chart = (document.querySelector('svg[data-testid="chart"]') as SVGSVGElement).getBoundingClientRect();
      return { grid: { left: grid.left, top: grid.top, right: grid.right, bottom: grid.bottom }, chart: { left: chart.left, top: chart.top, right: chart.right, bottom: chart.bottom } };
    });
    expect(boxes.chart.left).toBeGreaterThanOrEqual(boxes.grid.left);
    expect(boxes.chart.right).toBeLessThanOrEqual(boxes.grid.right);
    expect(boxes.chart.top).toBeGreaterThanOrEqual(boxes.grid.top);
    expect(boxes.chart.bottom).toBeLessThanOrEqual(boxes.grid.bottom);
    const labels = await page.locator("svg[data-testid=chart] .chart-category").evaluateAll((texts) =>
      texts.map((text) => ({
        shown: [...text.querySelectorAll("tspan")].map((t) => t.textContent).join(" "),
        whole: text.querySelector("title")?.textContent ?? "",
        inside: (() => {
          const svg = (text.closest("svg") as SVGSVGElement).getBoundingClientRect();
          const box = text.getBoundingClientRect();
          return box.left >= svg.left && box.right <= svg.right && box.bottom <= svg.bottom;
        })(),
      })),
    );
    for (const label of labels) {
      expect(label.shown).toBe(label.whole);
      expect(label.inside).toBe(true);
    }
    // The chart plots what its title says: cost per million tokens, every bar with its value.
    const title = await page.locator("svg[data-testid=chart] .chart-title").textContent();
    expect(title).toContain("cost per million tokens");
    expect(labels.map((l) => l.whole)).toEqual(["Self-hosted cost per million tokens", "GPT-5.5 API blended price", "DeepSeek V4 Flash API blended price"]);
    expect(await page.locator("svg[data-testid=chart] .chart-value").count()).toBe(9);
  });
});
