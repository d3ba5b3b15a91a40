/*
 * The task pane in Chromium, as the preview shows it (the add-in's own pane
 * code and CSS), at the widths Excel's pane takes (320, 400 and 600 px) and in
 * both of Office's themes: nothing overflows sideways, no two sibling controls
 * overlap, the status line never lies over a card, every state passes an
 * axe-core audit, and the keyboard reaches and works every action, with
 * dialogs that keep focus and give it back. Screenshots of every width and
 * theme are written to test-results/screenshots/ (and, with
 * AICOST_SCREENSHOTS=1, the README's picture to docs/screenshots/taskpane.png).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findPreset, presetToFileText, type Preset } from "../../src/presets";
import { chromiumArgs, chromiumPath, haveChromium, launchChromium, serveDirectory, type BrowserSession, type StaticServer } from "./browser";

const repoRoot = resolve(__dirname, "..", "..");
const shotDir = join(repoRoot, "test-results", "screenshots");
const meta = findPreset("meta-2026") as Preset;
const widths = [320, 400, 600] as const;
const themes = ["light", "dark"] as const;
const longTitle = "Capital expenditure scenario with an exceptionally long descriptive title-that-keeps-going-without-spaces-anywhere-in-it";

/** Shows only the task pane, `width` px wide (the preview lays it out beside the workbook). */
async function paneOnly(page: Page, width: number, height = 900): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.evaluate((w) => {
    const layout = document.querySelector<HTMLElement>(".preview") as HTMLElement;
    layout.style.gridTemplateColumns = `${w}px`;
    for (const hidden of document.querySelectorAll<HTMLElement>(".workbook, .preview-banner")) hidden.style.display = "none";
  }, width);
}

/** Opens the preview in `theme`, with no presets of the user's (the browser profile is shared between tests). */
async function open(page: Page, origin: string, theme: string): Promise<void> {
  await page.goto(`${origin}/preview.html?theme=${theme}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

async function statusText(page: Page): Promise<string> {
  return (await page.locator("#taskpane-root .pane .status").textContent()) ?? "";
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(pattern);
}

/** Opens "All model prices" (its script loads then) and searches it. */
async function searchPrices(page: Page, text: string): Promise<void> {
  await page.locator("#taskpane-root details.price-browser summary").click();
  await page.locator("#taskpane-root .price-count").waitFor();
  await page.locator('#taskpane-root input[id$="-prices-search"]').fill(text);
  await expect.poll(() => page.locator("#taskpane-root .price-count").textContent(), { timeout: 10_000 }).toMatch(/^Showing \d+ models?\.$/);
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator('#taskpane-root fluent-button[data-action="import"]').click()]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
}

/** A pane with every section filled: a loaded sheet, and a preset of the user's with a long title. */
async function fill(page: Page): Promise<void> {
  await page.click(`#taskpane-root fluent-button[data-preset-id="${meta.id}"]`);
  await waitForStatus(page, /^Loaded into sheet /);
  await importFile(page, "long.json", presetToFileText({ ...meta, id: "long-title", title: longTitle }));
  await waitForStatus(page, /^Imported /);
}

/**
 * What is wrong with the layout: sideways overflow of the pane or of any
 * element in it, and pairs of visible sibling controls or cards whose boxes
 * overlap.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.getElementById("taskpane-root") as HTMLElement;
    const scroller = root.querySelector<HTMLElement>(".pane-scroll") as HTMLElement;
    if (scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`the pane scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    const edge = root.getBoundingClientRect().right;
    const name = (el: Element): string => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}[${(el.textContent ?? "").trim().slice(0, 30)}]`;
    for (const el of root.querySelectorAll<HTMLElement>(".pane *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest("fluent-dialog")) continue;
      if (box.right > edge + 0.5) problems.push(`${name(el)} is cut at the right edge (${box.right} > ${edge})`);
    }
    const boxes = (selector: string): Element[][] => [...root.querySelectorAll(selector)].map((parent) => [...parent.children]);
    for (const group of [...boxes(".card-actions"), ...boxes(".section-actions"), ...boxes(".preset-list"), ...boxes(".dialog-actions"), ...boxes(".preset-card"), ...boxes(".pane-scroll")]) {
      const shown = group.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !el.closest("fluent-dialog");
      });
      for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length; j++) {
          const a = (shown[i] as Element).getBoundingClientRect();
          const b = (shown[j] as Element).getBoundingClientRect();
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          if (overlap) problems.push(`${name(shown[i] as Element)} overlaps ${name(shown[j] as Element)}`);
        }
      }
    }
    // A date never breaks at its hyphens.
    for (const fact of root.querySelectorAll<HTMLElement>(".fact")) {
      if (fact.getClientRects().length > 1) problems.push(`${name(fact)} wraps`);
    }
    return problems;
  });
}

const chromiumMissing = !haveChromium();

describe.skipIf(chromiumMissing)("the task pane's layout, in Chromium", () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await serveDirectory(inject("distDir"));
    browser = await launchChromium(server.origin);
    mkdirSync(shotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of themes) {
    it(`fits 320, 400 and 600 px in the ${theme} theme, with long titles, and nothing overlaps (screenshots in test-results/screenshots)`, async () => {
      const page = await browser.newPage();
      await open(page, server.origin, theme);
      await fill(page);
      await page.locator("#taskpane-root details.prices summary").click();
      await searchPrices(page, "gpt-5.5");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      for (const width of widths) {
        await paneOnly(page, width, 2400);
        await page.locator("#taskpane-root .pane-scroll").evaluate((el) => el.scrollTo(0, 0));
        expect(await layoutProblems(page), `${width} px, ${theme}`).toEqual([]);
        await page.locator(".taskpane-frame").screenshot({ path: join(shotDir, `taskpane-${width}-${theme}.png`) });
        await page.locator("#taskpane-root details.price-browser").screenshot({ path: join(shotDir, `taskpane-prices-${width}-${theme}.png`) });
      }
      // A hostile search (500 characters, regular-expression characters, an emoji) finds nothing and breaks no layout.
      await page.locator('#taskpane-root input[id$="-prices-search"]').fill(`${"(.*)[".repeat(100)}🙂`);
      await expect.poll(() => page.locator("#taskpane-root .price-count").textContent(), { timeout: 10_000 }).toBe("No model matches. Try a shorter search or all providers.");
      await paneOnly(page, 320, 2400);
      expect(await layoutProblems(page), `320 px, ${theme}, hostile search`).toEqual([]);
      // The dark theme is dark: the pane's background and text come from Fluent's dark tokens.
      const background = await page.evaluate(() => getComputedStyle(document.querySelector(".pane") as Element).backgroundColor);
      expect(background).toBe(theme === "dark" ? "rgb(41, 41, 41)" : "rgb(255, 255, 255)");
      await page.close();
      expect(browser.problems.console).toEqual([]);
      expect(browser.problems.requests).toEqual([]);
    });
  }

  it.runIf(process.env.AICOST_SCREENSHOTS === "1")("takes the README's picture: the pane in Excel's light theme at 350 px (docs/screenshots/taskpane.png)", async () => {
    const page = await browser.newPage();
    // A fixed clock, so the dates shown (and which prices count as stale) do not depend on the day the picture is taken.
    await page.clock.setFixedTime(new Date(Date.UTC(2026, 4, 2, 9, 5)));
    await open(page, server.origin, "light");
    await page.click(`#taskpane-root fluent-button[data-preset-id="${meta.id}"]`);
    await waitForStatus(page, /^Loaded into sheet /);
    await importFile(page, "meta-fewer-cuts.json", presetToFileText({ ...meta, id: "meta-fewer-cuts", title: "Meta, fewer cuts" }));
    await waitForStatus(page, /^Imported /);
    await page.click(`#taskpane-root fluent-button[data-preset-id="${meta.id}"]`);
    await waitForStatus(page, /^Loaded into sheet /);
    await paneOnly(page, 350, 900);
    const height = await page.evaluate(() => {
      for (const link of document.querySelectorAll<HTMLElement>(".theme-toggle")) link.style.display = "none";
      const frame = document.querySelector<HTMLElement>(".taskpane-frame") as HTMLElement;
      const scroller = document.querySelector<HTMLElement>("#taskpane-root .pane-scroll") as HTMLElement;
      return frame.offsetHeight - scroller.clientHeight + scroller.scrollHeight;
    });
    await paneOnly(page, 350, Math.ceil(height) + 2);
    expect(await layoutProblems(page)).toEqual([]);
    await page.locator(".taskpane-frame").screenshot({ path: join(repoRoot, "docs", "screenshots", "taskpane.png") });
    await page.close();
  });

  it("keeps the status line off the cards: scrolled to any card, the line's box never meets a card's visible box", async () => {
    const page = await browser.newPage();
    await open(page, server.origin, "light");
    await paneOnly(page, 320, 500);
    await page.click(`#taskpane-root fluent-button[data-preset-id="${meta.id}"]`);
    await waitForStatus(page, /^Loaded into sheet /);
    const overlaps = await page.evaluate(async () => {
      const status = document.querySelector<HTMLElement>("#taskpane-root .pane .status") as HTMLElement;
      const cards = [...document.querySelectorAll<HTMLElement>("#taskpane-root .preset-card")];
      const first = cards[0] as HTMLElement;
      let scroller: HTMLElement | null = first.parentElement;
      while (scroller !== null && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      if (scroller === null) return ["nothing scrolls"];
      const found: string[] = [];
      for (let top = 0; top <= scroller.scrollHeight; top += 40) {
        scroller.scrollTop = top;
        await new Promise((done) => requestAnimationFrame(() => done(undefined)));
        const view = scroller.getBoundingClientRect();
        const line = status.getBoundingClientRect();
        for (const card of cards) {
          const box = card.getBoundingClientRect();
          const visibleTop = Math.max(box.top, view.top);
          const visibleBottom = Math.min(box.bottom, view.bottom);
          if (visibleBottom <= visibleTop) continue;
          if (Math.min(line.bottom, visibleBottom) - Math.max(line.top, visibleTop) > 0.5) found.push(`scrolled ${top}px: the status covers ${card.dataset.cardId}`);
        }
      }
      return found;
    });
    expect(overlaps).toEqual([]);
    expect(await statusText(page)).toMatch(/^Loaded into sheet /);
    await page.close();
  });

  it("works by keyboard: Tab reaches each action in reading order, Enter runs it, and a dialog keeps focus and gives it back", async () => {
    const page = await browser.newPage();
    await open(page, server.origin, "light");
    const active = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el === null ? "" : `${el.dataset.action ?? el.tagName.toLowerCase()}:${el.dataset.presetId ?? el.dataset.targetId ?? ""}`;
      });
    // From the preview's own controls, Tab reaches the pane's first card: Load, then Export.
    await page.locator("#taskpane-root .pane-scroll").evaluate((el) => (el as HTMLElement).closest(".taskpane-frame")?.querySelector("a")?.focus());
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press("Tab");
      seen.push(await active());
    }
    const first = (await page.locator("#taskpane-root fluent-button[data-action=load]").first().getAttribute("data-preset-id")) as string;
    expect(seen).toEqual([`load:${first}`, `export:${first}`]);
    // Visible focus: Fluent draws a focus ring (an outline or a box shadow) on the focused button.
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(ring.outline !== "none" || ring.shadow !== "none", JSON.stringify(ring)).toBe(true);
    // Enter on Load loads.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await waitForStatus(page, /^Loaded into sheet /);

    await importFile(page, "mine.json", presetToFileText({ ...meta, id: "mine", title: "Mine" }));
    await waitForStatus(page, /^Imported /);
    const remove = page.locator('#taskpane-root fluent-button[data-action="remove"][data-target-id="mine"]');
    await remove.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => active()).toBe("cancel-remove:");
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("fluent-dialog") !== null), `Tab ${i + 1} in the dialog`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => active()).toBe("remove:mine");
    expect(await page.locator('#taskpane-root li[data-card-id="mine"]').count()).toBe(1);
    await page.close();
  });
});

describe.skipIf(chromiumMissing)("an axe-core audit of every state of the pane", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let userDataDir: string;
  const axeSource = readFileSync(join(repoRoot, "node_modules", "axe-core", "axe.min.js"), "utf8");

  beforeAll(async () => {
    server = await serveDirectory(inject("distDir"));
    userDataDir = mkdtempSync(join(tmpdir(), "aicost-axe-"));
    // The page's CSP refuses inline script; the audit alone injects axe, so this context bypasses it.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs],
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  /**
   * The audit's violations in `scope`, once the pane has finished what it was
   * doing. With a modal dialog open the scope is the dialog: everything else
   * is inert then (axe cannot see the inertness a modal <dialog> gives the
   * rest of the page, and would count the backdrop's dimming as low contrast);
   * the same content was audited, undimmed, in the states before.
   */
  async function audit(page: Page, scope = "#taskpane-root"): Promise<string[]> {
    await page.locator('#taskpane-root .pane[aria-busy="false"]').waitFor();
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async (include) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run({ include: [[include]] }, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
    }, scope);
  }

  for (const theme of themes) {
    it(`finds no violation in the ${theme} theme: empty, loaded, with presets of the user's, with an error, and with each dialog open`, async () => {
      const page = await context.newPage();
      await open(page, server.origin, theme);
      const results: Record<string, string[]> = {};
      results.empty = await audit(page);

      await page.click(`#taskpane-root fluent-button[data-preset-id="${meta.id}"]`);
      await waitForStatus(page, /^Loaded into sheet /);
      results.loaded = await audit(page);

      await importFile(page, "mine.json", presetToFileText({ ...meta, id: "mine", title: "Mine" }));
      await waitForStatus(page, /^Imported /);
      results.userPresets = await audit(page);

      await importFile(page, "broken.json", '{"id": 3}');
      await waitForStatus(page, /^Not imported/);
      results.error = await audit(page);

      await page.locator('#taskpane-root fluent-button[data-action="remove"][data-target-id="mine"]').click();
      await page.locator("#taskpane-root .confirm dialog[open]").waitFor();
      results.removeDialog = await audit(page, "#taskpane-root .confirm");
      await page.keyboard.press("Escape");

      await importFile(page, "mine.json", presetToFileText({ ...meta, id: "mine", title: "Mine" }));
      await page.locator("#taskpane-root .prompt dialog[open]").waitFor();
      results.conflictDialog = await audit(page, "#taskpane-root .prompt");
      await page.locator('#taskpane-root fluent-button[data-action="conflict-cancel"]').click();

      await page.locator('#taskpane-root fluent-button[data-action="open-save"]').click();
      await page.locator("#taskpane-root .save-form").waitFor();
      results.saveForm = await audit(page);

      await page.locator("#taskpane-root details.prices summary").click();
      results.prices = await audit(page);

      await searchPrices(page, "gpt-5.5");
      results.priceBrowser = await audit(page);
      // The loaded model's sheet is active with A1 selected: the insert is refused, and nothing changes.
      const insert = page.locator('#taskpane-root .price-browser-list fluent-button[data-action="insert-price"]').first();
      await insert.focus();
      await page.keyboard.press("Enter");
      await waitForStatus(page, /^Not inserted: .*!A1:B\d+ is in use \(A1, /);
      // Focus stays on the button, for the keyboard user who pressed it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-action") ?? document.activeElement?.tagName)).toBe("insert-price");
      results.priceRefused = await audit(page);
      await page.locator("#name-box").fill("H40");
      await page.locator("#name-box").press("Enter");
      await insert.click();
      await waitForStatus(page, /^Inserted the prices of .* into .*!H40:I\d+ as AICOST\.MODEL_PRICE formulas\.$/);
      results.priceInserted = await audit(page);

      expect(results).toEqual({ empty: [], loaded: [], userPresets: [], error: [], removeDialog: [], conflictDialog: [], saveForm: [], prices: [], priceBrowser: [], priceRefused: [], priceInserted: [] });
      await page.close();
    });
  }
});
