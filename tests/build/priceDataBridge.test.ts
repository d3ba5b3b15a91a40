/*
 * The price data bridge in Excel's shared runtime: taskpane.html loads
 * functions.js and taskpane.js, two webpack entries, each with its own copy of
 * genai-prices and of the calc module (the pane's lazy chunks share the
 * pane's). Here the built scripts are loaded as taskpane.html loads them, in
 * its order, into one page (happy-dom), with office.js and Excel stood in for
 * (Excel by the Excel API stand-in) and the network stood in for by the page's
 * fetch: accepting data in the pane changes what functions.js's MODEL_PRICE
 * returns, Use built-in prices changes it back, and a workbook that keeps data
 * prices with it as soon as the pane starts.
 */
import { readFileSync } from "node:fs";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { Window } from "happy-dom";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadBundledProviders, publishedPriceDataUrl, type Provider } from "../../src/calc";
import { FakeExcel } from "../excel/fakeExcel";
import { StandInError, standInErrorCode } from "../functions/customFunctionsStandIn";
import { functionScripts, type AssociatedFunction } from "./loadFunctions";

/** Where manifest.xml points Excel. */
const paneOrigin = "https://localhost:3000";
let newerText: string;

beforeAll(async () => {
  const providers = JSON.parse(JSON.stringify(await loadBundledProviders())) as Provider[];
  const flash = providers.find((p) => p.id === "deepseek")?.models.find((m) => m.id === "deepseek-v4-flash");
  if (flash === undefined || !Array.isArray(flash.prices)) throw new Error("no deepseek-v4-flash with dated prices");
  (flash.prices[0] as { prices: Record<string, number> }).prices.input_mtok = 0.15;
  newerText = JSON.stringify(providers);
});

interface Runtime {
  readonly window: Window;
  readonly modelPrice: () => unknown;
  readonly fetched: string[];
  click(action: string): void;
  until(test: () => boolean, what: string): Promise<void>;
  status(): string;
}

/** The built scripts that are neither an entry Excel loads nor the preview's: the lazy chunks. */
function lazyChunks(dist: string): string[] {
  const entries = new Set(["functions.js", "taskpane.js", "preview.js", "hyperformula.js"]);
  return readdirSync(dist).filter((file) => file.endsWith(".js") && !entries.has(file));
}

/**
 * taskpane.html's scripts (functions.js, then taskpane.js, in its order) run in
 * one page on `excel`. The pane's lazy chunks are put in the page before
 * taskpane.js, where webpack's runtime finds them already loaded (this page
 * does not fetch scripts); each script also gets its <script src> tag, from
 * which webpack finds where the add-in is served.
 */
async function openRuntime(excel: FakeExcel): Promise<Runtime> {
  const dist = inject("distDir");
  const window = new Window({
    url: `${paneOrigin}/taskpane.html`,
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  // Fluent's buttons ask for ElementInternals, which happy-dom lacks: the least they use.
  (window.HTMLElement.prototype as unknown as { attachInternals: () => unknown }).attachInternals = () => ({
    states: new Set(),
    setFormValue: () => undefined,
    setValidity: () => undefined,
    checkValidity: () => true,
    reportValidity: () => true,
    form: null,
    labels: [],
  });
  const associated = new Map<string, AssociatedFunction>();
  const fetched: string[] = [];
  const environment = excel.environment();
  Object.assign(window, {
    CustomFunctions: { associate: (id: string, fn: AssociatedFunction) => associated.set(id, fn), Error: StandInError, ErrorCode: standInErrorCode },
    Office: {
      HostType: { Excel: "Excel" },
      EventType: { OfficeThemeChanged: "officeThemeChanged" },
      context: { requirements: { isSetSupported: () => true }, document: {} },
      onReady: (callback: (info: { host: string }) => void) => {
        setTimeout(() => callback({ host: "Excel" }), 0);
        return Promise.resolve({ host: "Excel" });
      },
    },
    Excel: { run: environment.run },
    // The network: genai-prices' published URL answers with the newer data; nothing else is reachable.
    fetch: async (url: string) => {
      fetched.push(String(url));
      if (String(url) !== publishedPriceDataUrl) throw new TypeError("Failed to fetch");
      return new window.Response(newerText, { status: 200, headers: { "Content-Length": String(Buffer.byteLength(newerText)) } });
    },
  });
  const document = window.document;
  document.body.innerHTML = '<main id="app" class="app"></main>';
  const scripts = functionScripts(dist);
  expect(scripts).toContain("functions.js");
  for (const script of [...scripts, ...lazyChunks(dist), "taskpane.js"]) {
    const tag = document.createElement("script");
    tag.src = `${paneOrigin}/${script}`;
    document.head.append(tag);
    vm.runInContext(readFileSync(join(dist, script), "utf8"), window as unknown as vm.Context, { filename: script });
  }
  const modelPrice = (): unknown => {
    const fn = associated.get("MODEL_PRICE");
    if (fn === undefined) throw new Error("MODEL_PRICE was not associated");
    return (fn([["deepseek-v4-flash"]], [["input"]], [["2026-04-24"]], null, null) as unknown[][])[0]?.[0];
  };
  const status = (): string => document.querySelector('[role="status"]')?.textContent ?? "";
  const until = async (test: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 1000; i++) {
      if (test()) return;
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`timed out waiting for ${what}; status: ${status()}`);
  };
  const click = (action: string): void => {
    const button = document.querySelector(`[data-action="${action}"]`) as unknown as HTMLElement | null;
    if (button === null) throw new Error(`no ${action} button; status: ${status()}`);
    button.click();
  };
  // The section's content is a chunk of its own, and the check waits for the workbook's kept data to be read.
  await until(() => {
    const check = document.querySelector('[data-action="check-prices"]');
    return check !== null && !check.hasAttribute("disabled");
  }, "the pane");
  return { window, modelPrice, fetched, click, until, status };
}

describe("price data across functions.js and taskpane.js, loaded as taskpane.html loads them", () => {
  it("MODEL_PRICE in functions.js prices with data accepted in the pane, and with the built-in data after Use built-in prices", async () => {
    const excel = new FakeExcel();
    const runtime = await openRuntime(excel);
    try {
      expect(runtime.modelPrice()).toBe(0.14);
      runtime.click("check-prices");
      await runtime.until(() => /Prices checked/.test(runtime.status()), "the check");
      expect(runtime.fetched).toEqual([publishedPriceDataUrl]);
      // Checked, not yet accepted: the functions still price with the built-in data.
      expect(runtime.modelPrice()).toBe(0.14);
      runtime.click("accept-prices");
      await runtime.until(() => /Prices updated/.test(runtime.status()), "keeping the prices");
      expect(runtime.modelPrice()).toBe(0.15);
      expect(excel.calculations).toEqual(["Full"]);

      runtime.click("built-in-prices");
      await runtime.until(() => /built-in prices are in use again/.test(runtime.status()), "going back");
      expect(runtime.modelPrice()).toBe(0.14);
      expect(excel.calculations).toEqual(["Full", "Full"]);
    } finally {
      await runtime.window.happyDOM.close();
    }
  });

  it("a reopened workbook that keeps data: functions.js prices with it once the pane has started, and the workbook is recalculated", async () => {
    const first = new FakeExcel();
    const runtime = await openRuntime(first);
    try {
      runtime.click("check-prices");
      await runtime.until(() => /Prices checked/.test(runtime.status()), "the check");
      runtime.click("accept-prices");
      await runtime.until(() => /Prices updated/.test(runtime.status()), "keeping the prices");
    } finally {
      await runtime.window.happyDOM.close();
    }
    const kept = first.workbook.customXmlParts.map((part) => part.xml);
    expect(kept.length).toBeGreaterThan(0);

    const reopened = new FakeExcel([{ name: "Sheet1" }], { customXmlParts: kept });
    const again = await openRuntime(reopened);
    try {
      await again.until(() => /^Downloaded data in use/.test(again.window.document.querySelector(".price-data-in-use")?.textContent ?? ""), "the kept data");
      expect(again.modelPrice()).toBe(0.15);
      expect(reopened.calculations).toEqual(["Full"]);
      expect(again.fetched).toEqual([]);
    } finally {
      await again.window.happyDOM.close();
    }
  });
});
