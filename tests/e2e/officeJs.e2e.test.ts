/*
 * The task pane as Excel loads it: dist/taskpane.html with Microsoft's office.js
 * (served from a local copy, since tests have no internet: the
 * @microsoft/office-js package, or the folder named by AICOST_OFFICE_JS_DIR), in
 * Chromium, told by office.js's own host-info parameter that it runs in Excel on
 * Windows. office.js then loads its host scripts and opens its hidden telemetry
 * frame; the pane's Content-Security-Policy must let exactly that through, with
 * no CSP violation and no request anywhere else.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumPath, haveChromium, launchChromium, type BrowserSession } from "./browser";

const repoRoot = resolve(__dirname, "..", "..");
const officeJsDir = resolve(process.env.AICOST_OFFICE_JS_DIR ?? join(repoRoot, "node_modules", "@microsoft", "office-js", "dist"));
const haveOfficeJs = existsSync(join(officeJsDir, "office.js"));
/** Where manifest.xml points Excel (the pane is served over https there, so office.js asks for https scripts). */
const paneOrigin = "https://localhost:3000";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const msAjaxCdn = "https://ajax.aspnetcdn.com/ajax/";
const telemetryHost = "https://telemetryservice.firstpartyapps.oaspapps.com/";
/** What Excel on Windows passes office.js (host, platform, host-script version, locale). */
const excelOnWindows = "Excel$Win32$16.00$en-US$$$$0";

const missing = [
  ...(haveChromium() ? [] : [`Chromium (${chromiumPath})`]),
  ...(haveOfficeJs ? [] : [`office.js (${officeJsDir}: install @microsoft/office-js or set AICOST_OFFICE_JS_DIR)`]),
];
if (missing.length > 0) {
  console.warn(`\n*** SKIPPED: the task pane with Microsoft's office.js: no ${missing.join(", no ")} ***\n`);
}

/** The policy in a page's meta tag, as directive -> sources. */
function metaPolicy(html: string): Map<string, string[]> {
  const content = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
  return new Map(
    content
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? "", sources]),
  );
}

describe("the task pane's Content-Security-Policy for office.js", () => {
  it("allows exactly office.js's telemetry frame, and no other frame", () => {
    const policy = metaPolicy(readFileSync(join(inject("distDir"), "taskpane.html"), "utf8"));
    expect(policy.get("frame-src")).toEqual(["https://telemetryservice.firstpartyapps.oaspapps.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // The one origin besides its own: where genai-prices publishes its price data (Check for newer prices).
    expect(policy.get("connect-src")).toEqual(["'self'", "https://raw.githubusercontent.com"]);
    expect(policy.get("child-src")).toBeUndefined();
    for (const [name, sources] of policy) expect(sources.join(" "), name).not.toMatch(/\*|^https:$|unsafe-eval/);
  });
});

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Answers a request under `prefix` with the file of the same path under `dir`, as a web server would. */
async function fulfillFrom(route: Route, prefix: string, dir: string): Promise<void> {
  const path = new URL(route.request().url()).pathname.slice(new URL(prefix).pathname.length);
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir + sep)) return route.fulfill({ status: 403 });
  const body = await readFile(file).catch(() => undefined);
  if (body === undefined) return route.fulfill({ status: 404, body: "not found" });
  return route.fulfill({ status: 200, contentType: contentTypes[extname(file)] ?? "application/octet-stream", body });
}

describe.skipIf(missing.length > 0)("the task pane with Microsoft's office.js, as in Excel on Windows", () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await launchChromium(paneOrigin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens office.js's telemetry frame with no CSP violation, and reaches nowhere its policy does not name", async () => {
    const dist = resolve(inject("distDir"));
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    // Routes run last-registered first: anything not named below is refused and recorded.
    const elsewhere: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("data:")) return route.fallback();
      elsewhere.push(url);
      return route.abort("blockedbyclient");
    });
    await page.route(`${paneOrigin}/**`, (route) => fulfillFrom(route, `${paneOrigin}/`, dist));
    await page.route(`${officeJsCdn}**`, (route) => fulfillFrom(route, officeJsCdn, officeJsDir));
    const msAjax: string[] = [];
    await page.route(`${msAjaxCdn}**`, (route) => {
      msAjax.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* MicrosoftAjax stand-in */" });
    });
    const framed: string[] = [];
    await page.route(`${telemetryHost}**`, (route) => {
      framed.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>telemetry proxy</title>" });
    });

    await page.goto(`${paneOrigin}/taskpane.html?_host_Info=${excelOnWindows}`);
    // The Windows host script frames the telemetry proxy 3 seconds after it loads.
    await page.waitForTimeout(6000);
    const frames = page.frames().map((frame) => frame.url());

    expect(violations).toEqual([]);
    expect(browser.problems.console.filter((text) => /Content Security Policy|CSP/i.test(text))).toEqual([]);
    const telemetryProxy = `${telemetryHost}telemetryservice/telemetryproxy.html`;
    expect(framed, "office.js never asked for its telemetry frame").toEqual([telemetryProxy]);
    expect(frames).toContain(telemetryProxy);
    expect(msAjax).toEqual(["https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js"]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 60_000);
});
