/*
 * Price data in Chromium, under the pages' real Content-Security-Policies:
 * the task pane and the preview may fetch genai-prices' published data URL
 * and nothing else off their own origin (a fetch to another origin is blocked
 * by the policy itself, with a violation of connect-src). In the preview, at
 * Excel's narrowest pane width and in the dark theme, Check for newer prices
 * downloads the data (answered here by a stand-in for the real server: tests
 * have no internet), says what it found, and the page neither overflows nor
 * reports an error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBundledProviders, publishedPriceDataUrl } from "../../src/calc";
import { haveChromium, launchChromium, serveDirectory, type BrowserSession, type StaticServer } from "./browser";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { priceDataOrigin, taskpanePolicy, previewPolicy } = require("../../scripts/webpack/contentSecurityPolicy.cjs") as {
  priceDataOrigin: string;
  taskpanePolicy: string;
  previewPolicy: string;
};

const connectSources = (policy: string): string[] =>
  (policy.split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "connect-src") ?? []).slice(1);

describe("the policies' connect-src", () => {
  it("allows exactly the pages' own origin and the origin of genai-prices' data URL, for the task pane and the preview", () => {
    expect(priceDataOrigin).toBe(new URL(publishedPriceDataUrl).origin);
    expect(connectSources(taskpanePolicy)).toEqual(["'self'", priceDataOrigin]);
    expect(connectSources(previewPolicy)).toEqual(["'self'", priceDataOrigin]);
    const built = readFileSync(join(inject("distDir"), "preview.html"), "utf8");
    expect(built).toContain(`connect-src 'self' ${priceDataOrigin};`);
  });
});

describe.skipIf(!haveChromium())("fetching under the policies, in Chromium", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let data: string;

  beforeAll(async () => {
    server = await serveDirectory(inject("distDir"));
    browser = await launchChromium(server.origin);
    data = JSON.stringify(await loadBundledProviders());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Answers genai-prices' data URL (the real one is on the internet) and any other origin's URL alike, so only the policy can block. */
  async function standIns(page: Page): Promise<string[]> {
    const reached: string[] = [];
    await page.route(`${priceDataOrigin}/**`, (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: data });
    });
    await page.route("https://example.com/**", (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: "[]" });
    });
    return reached;
  }

  async function tryFetches(page: Page): Promise<{ data: string; other: string; violations: string[] }> {
    return page.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      const attempt = (target: string): Promise<string> =>
        fetch(target).then(
          (response) => `ok ${response.status}`,
          (error: Error) => `failed ${error.name}`,
        );
      const result = { data: await attempt(url), other: await attempt("https://example.com/data.json"), violations };
      await new Promise((done) => setTimeout(done, 100));
      return result;
    }, publishedPriceDataUrl);
  }

  for (const pageName of ["taskpane.html", "preview.html"]) {
    it(`${pageName}: the data URL is fetched; another origin is blocked by connect-src`, async () => {
      const page = await browser.newPage();
      const reached = await standIns(page);
      await page.goto(`${server.origin}/${pageName}`);
      const outcome = await tryFetches(page);
      expect(outcome.data).toBe("ok 200");
      expect(outcome.other).toBe("failed TypeError");
      expect(outcome.violations).toEqual([expect.stringMatching(/^connect-src https:\/\/example\.com/)]);
      expect(reached).toEqual([publishedPriceDataUrl]);
      await page.close();
    });
  }

  it("the preview at 320 px in the dark theme: Check for newer prices downloads, checks and says what it found, with nothing overflowing", async () => {
    const problemsBefore = browser.problems.console.length;
    const page = await browser.newPage();
    const reached = await standIns(page);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${server.origin}/preview.html?theme=dark`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => {
      const layout = document.querySelector<HTMLElement>(".preview") as HTMLElement;
      layout.style.gridTemplateColumns = "320px";
      for (const hidden of document.querySelectorAll<HTMLElement>(".workbook, .preview-banner")) hidden.style.display = "none";
    });
    const check = page.locator('#taskpane-root fluent-button[data-action="check-prices"]');
    // Ready once the section's content (a chunk of its own) has read the workbook's kept data.
    await expect.poll(() => check.evaluate((el) => !el.hasAttribute("disabled")), { timeout: 10_000 }).toBe(true);
    await check.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#taskpane-root .pane .status").textContent(), { timeout: 20_000 })
      .toMatch(/same data as the data in use/);
    expect(reached).toEqual([publishedPriceDataUrl]);
    // The check is over: it can be run again, and focus is on what to do next.
    expect(await check.evaluate((el) => el.hasAttribute("disabled"))).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe("discard-prices");
    const overflow = await page.evaluate(() => {
      const section = document.querySelector<HTMLElement>("#taskpane-root .price-data") as HTMLElement;
      return { section: section.scrollWidth - section.clientWidth, page: document.documentElement.scrollWidth - 320 };
    });
    expect(overflow.section).toBeLessThanOrEqual(0);
    expect(overflow.page).toBeLessThanOrEqual(0);
    // Fluent's buttons fade between states: the picture waits for them to settle.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(__dirname, "..", "..", "test-results", "screenshots", "price-data-320-dark.png") });
    expect(browser.problems.console.slice(problemsBefore)).toEqual([]);
    await page.close();
  });
  it("the preview: a reload in the middle of a download keeps nothing, and the built-in data stays in use", async () => {
    const page = await browser.newPage();
    let answered = 0;
    await page.route(`${priceDataOrigin}/**`, async (route) => {
      await new Promise((done) => setTimeout(done, 2000));
      answered++;
      await route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: data }).catch(() => undefined);
    });
    await page.goto(`${server.origin}/preview.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const check = page.locator('#taskpane-root fluent-button[data-action="check-prices"]');
    await expect.poll(() => check.evaluate((el) => !el.hasAttribute("disabled")), { timeout: 10_000 }).toBe(true);
    await check.click();
    await page.waitForSelector("#taskpane-root .price-data .run-progress:not([hidden])");
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => check.evaluate((el) => !el.hasAttribute("disabled")), { timeout: 10_000 }).toBe(true);
    expect(await page.locator("#taskpane-root .price-data-in-use").textContent()).toMatch(/^Built-in data in use/);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("aicost.preview.priceData.")));
    expect(kept).toEqual([]);
    expect(answered).toBeLessThanOrEqual(1);
    await page.close();
  });
});
