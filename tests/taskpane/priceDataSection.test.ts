// @vitest-environment happy-dom
/*
 * "Price data" in the pane, on the preview's HyperFormula workbook, against a
 * local server standing in for genai-prices' (no internet in tests): a good
 * file is checked, compared, kept in the workbook and then priced with by
 * AICOST.MODEL_PRICE; every bad answer (the refused corpus, HTTP errors, an
 * oversized file with and without Content-Length, a network failure) changes
 * nothing and says why; Use built-in prices goes back; a workbook that keeps
 * data prices with it when the pane starts, and ignores it with a message when
 * it no longer passes the checks.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBundledProviders, useBuiltInPriceData, installedPriceData, type Provider } from "../../src/calc";
import { previewPriceDataPrefix } from "../../src/preview/presetRecords";
import { mountPane } from "../../src/taskpane/pane";
import { priceDataSectionWith } from "../../src/taskpane/priceDataSection";
import { badPriceDataCorpus } from "../fixtures/badPriceData";
import { MemoryStorage, newHost } from "../preview/helpers";
import { json, startPriceDataServer, status as httpStatus, type PriceDataServer } from "./priceDataServer";

const formula = '=AICOST.MODEL_PRICE("deepseek-v4-flash", "input", "2026-04-24")';
let server: PriceDataServer;
let goodText: string;
let root: HTMLElement;

/** The bundled data with deepseek-v4-flash's first input price at 0.15 (0.14 built in) and a price announced for 2099. */
async function newerData(): Promise<string> {
  const providers = JSON.parse(JSON.stringify(await loadBundledProviders())) as Provider[];
  const flash = providers.find((p) => p.id === "deepseek")?.models.find((m) => m.id === "deepseek-v4-flash");
  if (flash === undefined || !Array.isArray(flash.prices)) throw new Error("no deepseek-v4-flash with dated prices");
  (flash.prices[0] as { prices: Record<string, number> }).prices.input_mtok = 0.15;
  flash.prices.push({ constraint: { start_date: "2099-01-01", type: "start_date" }, prices: { input_mtok: 9, output_mtok: 9 } } as never);
  return JSON.stringify(providers, null, 1);
}

beforeAll(async () => {
  server = await startPriceDataServer();
  goodText = await newerData();
  server.answer("/good.json", json(goodText));
});
afterAll(() => server.close());

beforeEach(() => {
  useBuiltInPriceData();
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  root.remove();
  useBuiltInPriceData();
});

const flush = async (rounds = 20): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((done) => setTimeout(done, 0));
};
const paneStatus = (): string => root.querySelector('[role="status"]')?.textContent ?? "";
const inUse = (): string => root.querySelector(".price-data-in-use")?.textContent ?? "";
const button = (action: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-action="${action}"]`);
const visible = (action: string): boolean => {
  const found = button(action);
  return found !== null && !found.hidden && found.closest("[hidden]") === null;
};

/** Waits until the section's content has loaded (a chunk of its own) and the status is no longer progress (the check or an action has ended). */
async function settled(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (button("check-prices") === null || button("check-prices")?.hasAttribute("disabled")) {
      await new Promise((done) => setTimeout(done, 5));
      continue;
    }
    const kind = root.querySelector<HTMLElement>('[role="status"]')?.dataset.kind;
    if (kind !== "progress" && root.querySelector(".price-data")?.getAttribute("aria-busy") !== "true") return;
    await new Promise((done) => setTimeout(done, 5));
  }
  throw new Error(`still busy: ${paneStatus()}`);
}

function mount(path: string, options: { storage?: MemoryStorage; maxBytes?: number } = {}) {
  const made = newHost({ Sheet1: [[formula]] }, options.storage);
  const section = priceDataSectionWith({ dataUrl: `${server.origin}${path}`, ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) });
  mountPane(root, made.host, { sections: [section], now: () => new Date("2026-11-29T12:00:00Z") });
  const price = (): unknown => made.workbook.engine.getCellValue({ sheet: 0, row: 0, col: 0 });
  return { ...made, price };
}

async function check(): Promise<void> {
  await settled();
  button("check-prices")?.click();
  await flush(2);
  await settled();
}

describe("Price data in the pane (preview host)", () => {
  it("shows the built-in data in use, and downloads nothing until asked", async () => {
    const before = server.requests.length;
    const { price } = mount("/good.json");
    await flush();
    await settled();
    expect(inUse()).toMatch(/^Built-in data in use/);
    expect(inUse()).toMatch(/, \d{1,3}(,\d{3})+ models\./);
    expect(visible("built-in-prices")).toBe(false);
    expect(server.requests.length).toBe(before);
    expect(price()).toBe(0.14);
  });

  it("checks, says the file is newer, prices change only once it is accepted and kept, and Use built-in prices goes back", async () => {
    const storage = new MemoryStorage();
    const { price, workbook } = mount("/good.json", { storage });
    await flush();
    await check();
    expect(paneStatus()).toMatch(/newer than the data in use/);
    expect(root.querySelector(".price-data-found-text")?.textContent).toMatch(/newest dated price 2099-01-01/);
    // Checked, not accepted: nothing prices with it, nothing is kept.
    expect(price()).toBe(0.14);
    expect(installedPriceData()).toBeNull();
    expect(workbook.priceDataRecords.read()).toEqual([]);

    button("accept-prices")?.click();
    await flush();
    await settled();
    expect(paneStatus()).toMatch(/^Prices updated/);
    expect(price()).toBe(0.15);
    expect(inUse()).toMatch(/^Downloaded data in use: newest dated price 2099-01-01, fetched 2026-11-29/);
    const kept = [...Array(storage.length).keys()].map((i) => storage.key(i) ?? "").filter((key) => key.startsWith(previewPriceDataPrefix));
    expect(kept.length).toBeGreaterThan(0);

    button("built-in-prices")?.click();
    await flush();
    await settled();
    expect(paneStatus()).toMatch(/built-in prices are in use again/);
    expect(price()).toBe(0.14);
    expect(installedPriceData()).toBeNull();
    expect(workbook.priceDataRecords.read()).toEqual([]);
    expect(visible("built-in-prices")).toBe(false);

    // Reverted, then checked again: offered again, as newer.
    await check();
    expect(paneStatus()).toMatch(/newer than the data in use/);
    expect(visible("accept-prices")).toBe(true);
  });

  it("says so when the file is the data in use, and offers nothing to accept", async () => {
    server.answer("/same.json", json(JSON.stringify(await loadBundledProviders())));
    mount("/same.json");
    await flush();
    await check();
    expect(paneStatus()).toMatch(/same data as the data in use/);
    expect(visible("accept-prices")).toBe(false);
  });

  const refusals: [name: string, path: string, setUp: () => void, says: RegExp][] = [
    ["HTTP 404", "/missing.json", () => undefined, /HTTP 404/],
    ["HTTP 500", "/broken.json", () => server.answer("/broken.json", httpStatus(500)), /HTTP 500/],
    ["a file over the limit, announced by Content-Length", "/big.json", () => server.answer("/big.json", json(`[${" ".repeat(5000)}]`)), /over the limit/],
    ["a file over the limit, without Content-Length", "/big-chunked.json", () => server.answer("/big-chunked.json", json(`[${" ".repeat(5000)}]`, { contentLength: false })), /over the limit.*stopped/],
    ["not UTF-8", "/latin1.bin", () => server.answer("/latin1.bin", (_q, r) => r.end(Buffer.from([0x5b, 0xff, 0xfe, 0x5d]))), /not UTF-8/],
  ];
  for (const [name, path, setUp, says] of refusals) {
    it(`refuses ${name}, changing nothing and saying why`, async () => {
      setUp();
      const { price, workbook } = mount(path, { maxBytes: 4096 });
      await flush();
      await check();
      expect(paneStatus()).toMatch(says);
      expect(paneStatus()).toMatch(/prices in use are unchanged/);
      expect(visible("accept-prices")).toBe(false);
      expect(price()).toBe(0.14);
      expect(workbook.priceDataRecords.read()).toEqual([]);
    });
  }

  it("refuses a network failure (the server is gone)", async () => {
    const gone = await startPriceDataServer();
    const origin = gone.origin;
    await gone.close();
    const made = newHost({ Sheet1: [[formula]] });
    mountPane(root, made.host, { sections: [priceDataSectionWith({ dataUrl: `${origin}/data.json` })] });
    await flush();
    await check();
    expect(paneStatus()).toMatch(/download failed.*unchanged/);
    expect(installedPriceData()).toBeNull();
  });

  for (const [name, text, , says] of badPriceDataCorpus.filter(([name]) => name !== "too large")) {
    it(`refuses a downloaded file with ${name}`, async () => {
      const path = `/bad-${encodeURIComponent(name)}.json`;
      server.answer(path, json(text));
      const { price, workbook } = mount(path);
      await flush();
      await check();
      expect(paneStatus()).toMatch(/refused/);
      expect(paneStatus()).toMatch(says);
      expect(price()).toBe(0.14);
      expect(workbook.priceDataRecords.read()).toEqual([]);
    });
  }

  it("ignores a second click while a check runs, and Cancel stops the download with nothing changed", async () => {
    let release: (() => void) | undefined;
    server.answer("/slow.json", (_request, response) => {
      response.setHeader("Content-Length", Buffer.byteLength(goodText));
      response.write(goodText.slice(0, 100));
      release = () => response.end(goodText.slice(100));
    });
    const before = server.requests.filter((p) => p === "/slow.json").length;
    const { price } = mount("/slow.json");
    await flush();
    await settled();
    button("check-prices")?.click();
    button("check-prices")?.click();
    await flush();
    expect(server.requests.filter((p) => p === "/slow.json").length).toBe(before + 1);
    expect(root.querySelector(".run-progress")?.hasAttribute("hidden")).toBe(false);
    root.querySelector<HTMLButtonElement>(".cancel-run")?.click();
    await flush();
    await settled();
    release?.();
    expect(paneStatus()).toMatch(/cancelled.*unchanged/);
    expect(price()).toBe(0.14);
    expect(visible("accept-prices")).toBe(false);
  });

  it("offers no Use built-in prices while a check runs (the check compares with the data in use), and offers it again after", async () => {
    let release: (() => void) | undefined;
    server.answer("/slow-in-use.json", (_request, response) => {
      response.setHeader("Content-Length", Buffer.byteLength(goodText));
      response.write(goodText.slice(0, 100));
      release = () => response.end(goodText.slice(100));
    });
    const storage = new MemoryStorage();
    const { examinePriceData, storedOf } = await import("../../src/taskpane/priceDataCheck");
    const examined = await examinePriceData(goodText, "2026-11-29T11:00:00.000Z", "https://example.test/data.json");
    if (!examined.ok) throw new Error(examined.reason);
    await newHost({ Sheet1: [] }, storage).host.priceData?.keep(storedOf(examined.data));
    mount("/slow-in-use.json", { storage });
    await flush();
    await settled();
    expect(visible("built-in-prices")).toBe(true);
    button("check-prices")?.click();
    await flush();
    expect(button("built-in-prices")?.hasAttribute("disabled")).toBe(true);
    button("built-in-prices")?.click();
    await flush();
    expect(installedPriceData()).not.toBeNull();
    release?.();
    await settled();
    expect(paneStatus()).toMatch(/same data as the data in use/);
    expect(button("built-in-prices")?.hasAttribute("disabled")).toBe(false);
  });

  it("prices with the data a workbook keeps when the pane starts (a reopened workbook), and ignores kept data that no longer passes", async () => {
    const storage = new MemoryStorage();
    const first = mount("/good.json", { storage });
    await flush();
    await check();
    button("accept-prices")?.click();
    await flush();
    await settled();
    expect(first.price()).toBe(0.15);
    root.replaceChildren();

    // Reopened: a fresh process would start with the built-in data.
    useBuiltInPriceData();
    const reopened = mount("/good.json", { storage });
    expect(reopened.price()).toBe(0.14);
    await flush();
    await settled();
    expect(reopened.price()).toBe(0.15);
    expect(inUse()).toMatch(/^Downloaded data in use/);

    // The kept record damaged by hand: a negative price.
    root.replaceChildren();
    useBuiltInPriceData();
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? "";
      if (key.startsWith(previewPriceDataPrefix)) storage.setItem(key, (storage.getItem(key) ?? "").replace('"input_mtok":0.15', '"input_mtok":-0.15'));
    }
    const damaged = mount("/good.json", { storage });
    await flush();
    await settled();
    expect(paneStatus()).toMatch(/no longer passes the checks.*0 or more.*built-in prices are used/);
    expect(damaged.price()).toBe(0.14);
    expect(installedPriceData()).toBeNull();
  });
});
