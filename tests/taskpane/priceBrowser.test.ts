// @vitest-environment happy-dom
/*
 * "All model prices" in the pane: loaded on first open (a failed load says
 * so, and reopening retries), searched by text, provider and as-of date with a
 * bounded list and a live count, flagged stale when the data is older than 90
 * days, and inserting a model's prices at the selection, never over anything.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCatalog, loadBundledProviders, genaiPricesPublishedOn, genaiPricesVersion } from "../../src/calc";
import { mountPane } from "../../src/taskpane/pane";
import { priceBrowserSectionWith, type PriceBrowserModule } from "../../src/taskpane/priceBrowser";
import * as browserModule from "../../src/taskpane/priceBrowserView";
import { shownRows } from "../../src/taskpane/priceBrowserView";
import { MemoryHost } from "./memoryHost";

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => root.remove());

const flush = async (rounds = 10): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
/** A day the built-in data is fresh (it is dated genaiPricesPublishedOn), and one long after. */
const fresh = new Date(`${genaiPricesPublishedOn}T12:00:00`);
const late = new Date(new Date(`${genaiPricesPublishedOn}T12:00:00`).getTime() + 120 * 86_400_000);

const loadNow = (): Promise<PriceBrowserModule> => Promise.resolve(browserModule);

async function open(host: MemoryHost, options: { now?: Date; load?: () => Promise<PriceBrowserModule> } = {}): Promise<HTMLDetailsElement> {
  const now = options.now ?? fresh;
  mountPane(root, host, { now: () => now, sections: [priceBrowserSectionWith(options.load ?? loadNow)] });
  const details = root.querySelector<HTMLDetailsElement>("details.price-browser");
  if (details === null) throw new Error("no price browser");
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  for (let i = 0; i < 100 && root.querySelector(".price-count") === null && root.querySelector(".price-browser-failed") === null; i++) await flush(2);
  return details;
}

const count = (): string => root.querySelector(".price-count")?.textContent ?? "";
const rows = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(".price-browser-list li")];
const status = (): string => root.querySelector(".status")?.textContent ?? "";

async function type(suffix: string, value: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>(`[id$="-prices-${suffix}"]`);
  if (input === null) throw new Error(`no ${suffix} field`);
  input.value = value;
  input.dispatchEvent(new Event("input"));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await flush(2);
}

function choose(provider: string): void {
  const select = root.querySelector<HTMLSelectElement>('[id$="-prices-provider"]');
  if (select === null) throw new Error("no provider field");
  select.value = provider;
  select.dispatchEvent(new Event("change"));
}

describe("All model prices", () => {
  it("loads nothing until opened, then lists the first rows of the whole catalog with the data's version and date", async () => {
    let loads = 0;
    mountPane(root, new MemoryHost(), { now: () => fresh, sections: [priceBrowserSectionWith(() => (loads++, loadNow()))] });
    expect(loads).toBe(0);
    expect(root.querySelector(".price-count")).toBeNull();
    await open(new MemoryHost());
    const total = listCatalog(await loadBundledProviders(), { at: fresh }).length;
    expect(total).toBeGreaterThan(1500);
    expect(rows()).toHaveLength(shownRows);
    expect(count()).toBe(`Showing ${shownRows} of ${total} models: refine the search to see the others.`);
    expect(root.querySelector(".price-count")?.getAttribute("aria-live")).toBe("polite");
    expect(root.querySelector(".price-browser-body")?.textContent).toContain(`genai-prices ${genaiPricesVersion} (data of ${genaiPricesPublishedOn})`);
    expect(root.querySelector(".price-data-stale")).toBeNull();
    for (const id of ["search", "provider", "as-of"]) {
      const control = root.querySelector(`[id$="-prices-${id}"]`);
      expect(root.querySelector(`label[for="${control?.id}"]`), id).not.toBeNull();
    }
  });

  it("searches provider, model id and name as plain text, filters by provider, and shows each price, tier and start date", async () => {
    await open(new MemoryHost());
    await type("search", "GPT-5.5");
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().every((li) => `${li.dataset.provider} ${li.dataset.model} ${li.querySelector("h3")?.textContent}`.toLowerCase().includes("gpt-5.5"))).toBe(true);
    choose("openai");
    const openai = rows().find((li) => li.dataset.model === "gpt-5.5");
    expect(rows().every((li) => li.dataset.provider === "openai")).toBe(true);
    expect(openai?.textContent).toContain("Input $5.00 · Cached input $0.50 · Cache write not listed · Output $30.00 per million tokens");
    expect(openai?.textContent).toContain("input $10.00 for prompts of 272,000 tokens or more");
    expect(count()).toMatch(/^Showing \d+ models?\.$/);

    await type("search", "(");
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().every((li) => li.querySelector("h3")?.textContent?.includes("("))).toBe(true);
    for (const hostile of ["gpt.5", "[a-z]+", "\\", "🙂", "x".repeat(500)]) {
      await type("search", hostile);
      expect(count(), hostile).toBe("No model matches. Try a shorter search or all providers.");
      expect(rows()).toHaveLength(0);
    }
    await type("search", "deepseek-v4-flash");
    choose("");
    expect(rows().some((li) => li.dataset.model === "deepseek-v4-flash")).toBe(true);
  });

  it("lists the prices in force on an as-of date, and says when the date cannot be read", async () => {
    await open(new MemoryHost());
    await type("search", "deepseek-v4-flash");
    choose("deepseek");
    await type("as-of", "2026-04-24");
    const before = rows()[0]?.textContent ?? "";
    await type("as-of", "2026-09-01");
    const after = rows()[0]?.textContent ?? "";
    expect(after).toContain("Price in force since 2026-08-17");
    expect(before).not.toBe(after);
    await type("as-of", "24/04/2026");
    expect(count()).toBe("“24/04/2026” is not a date: type one such as 2026-04-24, or leave it blank for now.");
    expect(rows()).toHaveLength(0);
  });

  it("says when a model's price depends on the time of day, and at which time (UTC) the listed price holds", async () => {
    // 20:00 UTC: DeepSeek Chat's off-peak hours in the data, when its listed price is the discounted one.
    await open(new MemoryHost(), { now: new Date(`${genaiPricesPublishedOn}T20:00:00Z`) });
    await type("search", "deepseek-chat");
    choose("deepseek");
    const chat = (): HTMLElement | undefined => rows().find((li) => li.dataset.model === "deepseek-chat");
    expect(chat()?.querySelector(".price-time-of-day")?.textContent).toBe(
      "The price depends on the time of day: this is the price at 20:00 UTC. Formulas as of now follow the clock.",
    );
    await type("as-of", "2026-04-24");
    expect(chat()?.querySelector(".price-time-of-day")?.textContent).toBe(
      "The price depends on the time of day: this is the price at 12:00 UTC. Formulas as of now follow the clock.",
    );
    await type("search", "gpt-5.5");
    choose("openai");
    expect(rows().length).toBeGreaterThan(0);
    expect(root.querySelector(".price-time-of-day")).toBeNull();
  });

  it("inserts, for a model whose price depends on the time of day, a line saying so under its title", async () => {
    const host = new MemoryHost();
    host.selection = { row: 0, column: 0 };
    await open(host, { now: new Date(`${genaiPricesPublishedOn}T20:00:00Z`) });
    await type("search", "deepseek-chat");
    choose("deepseek");
    const insert = (): void => rows().find((li) => li.dataset.model === "deepseek-chat")?.querySelector<HTMLElement>('[data-action="insert-price"]')?.click();
    insert();
    await flush();
    const texts = [...host.activeCells.values()].filter((v): v is string => typeof v === "string" && !v.startsWith("="));
    expect(texts).toContain("The price depends on the time of day (UTC): these formulas, as of now, follow the clock.");
    host.selection = { row: 0, column: 5 };
    await type("as-of", "2026-04-24");
    insert();
    await flush();
    expect([...host.activeCells.values()]).toContain("The price depends on the time of day: these formulas read it at 12:00 UTC.");
  });

  it("marks the as-of field invalid while its text is not a date, for screen readers", async () => {
    await open(new MemoryHost());
    const asOf = (): HTMLInputElement | null => root.querySelector<HTMLInputElement>('[id$="-prices-as-of"]');
    expect(asOf()?.getAttribute("aria-invalid")).not.toBe("true");
    await type("as-of", "yesterday");
    expect(asOf()?.getAttribute("aria-invalid")).toBe("true");
    expect(asOf()?.getAttribute("aria-describedby")?.split(" ")).toContain(root.querySelector(".price-count")?.id);
    await type("as-of", "2026-04-24");
    expect(asOf()?.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("flags the data as possibly stale more than 90 days after its date", async () => {
    await open(new MemoryHost(), { now: late });
    expect(root.querySelector(".price-data-stale")?.textContent).toContain(`this price data is of ${genaiPricesPublishedOn}, more than 90 days ago`);
  });

  it("inserts a model's prices at the selection as MODEL_PRICE formulas for its provider, and refuses a place in use, changing nothing", async () => {
    const host = new MemoryHost();
    host.selection = { row: 1, column: 1 };
    await open(host);
    await type("search", "gpt-5.5");
    choose("openai");
    const index = rows().findIndex((li) => li.dataset.model === "gpt-5.5");
    rows()[index]?.querySelector<HTMLElement>('[data-action="insert-price"]')?.click();
    await flush();
    expect(status()).toBe("Inserted the prices of GPT-5.5 (openai) into Sheet1!B2:C10 as AICOST.MODEL_PRICE formulas.");
    expect(host.activeCells.get("3,2")).toBe('=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")');
    expect(host.activeCells.get("5,2")).toBe("not listed");
    const written = new Map(host.activeCells);

    rows()[index]?.querySelector<HTMLElement>('[data-action="insert-price"]')?.click();
    await flush();
    expect(status()).toBe("Not inserted: Sheet1!B2:C10 is in use (B2, B3, B4, C4, B5 hold something), and nothing was changed. Select an empty place and try again.");
    expect(host.activeCells).toEqual(written);
    expect(host.inserts).toHaveLength(1);
  });

  it("takes a double-click on Insert as one insert: its second click does not report the block just written as in the way", async () => {
    const host = new MemoryHost();
    host.selection = { row: 1, column: 1 };
    await open(host);
    await type("search", "gpt-5.5");
    choose("openai");
    const button = rows().find((li) => li.dataset.model === "gpt-5.5")?.querySelector<HTMLElement>('[data-action="insert-price"]');
    expect(button).toBeTruthy();
    for (const detail of [1, 2]) {
      button?.dispatchEvent(new MouseEvent("click", { bubbles: true, detail }));
      await flush();
    }
    expect(status()).toBe("Inserted the prices of GPT-5.5 (openai) into Sheet1!B2:C10 as AICOST.MODEL_PRICE formulas.");
    expect(host.inserts).toHaveLength(1);
  });

  it("refuses a block that would run off the sheet", async () => {
    const host = new MemoryHost();
    host.selection = { row: 1_048_575, column: 16_383 };
    await open(host);
    await type("search", "gpt-5.5");
    rows()[0]?.querySelector<HTMLElement>('[data-action="insert-price"]')?.click();
    await flush();
    expect(status()).toMatch(/^Not inserted: the prices need Sheet1!XFD1048576:XFE\d+, which runs past the sheet's last row or column\./);
    expect(host.activeCells.size).toBe(0);
  });

  it("shows a failed load as a message, and loads again when reopened", async () => {
    let fail = true;
    const details = await open(new MemoryHost(), { load: () => (fail ? Promise.reject(new Error("Loading chunk 12 failed.")) : loadNow()) });
    const failed = root.querySelector(".price-browser-failed");
    expect(failed?.getAttribute("role")).toBe("alert");
    expect(failed?.textContent).toBe("The price list could not be loaded: Loading chunk 12 failed. Close and open this section to try again.");
    fail = false;
    details.open = false;
    details.dispatchEvent(new Event("toggle"));
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    for (let i = 0; i < 100 && root.querySelector(".price-count") === null; i++) await flush(2);
    expect(root.querySelector(".price-browser-failed")).toBeNull();
    expect(rows()).toHaveLength(shownRows);
  });

  it("offers no insert for a model that lists no price at all (its block would hold no formula), and says why", async () => {
    await open(new MemoryHost());
    await type("search", "deepseek-chat:free");
    choose("openrouter");
    const free = rows().find((li) => li.dataset.model === "deepseek/deepseek-chat:free");
    expect(free?.textContent).toContain("Input not listed · Cached input not listed · Cache write not listed · Output not listed");
    expect(free?.querySelector('[data-action="insert-price"]')).toBeNull();
    expect(free?.querySelector(".price-note")?.textContent).toBe("Not insertable: genai-prices lists no token price for this model, so there is no formula to insert.");
  });

  it("offers no insert for a model id MODEL_PRICE reads as another model, and says why", async () => {
    await open(new MemoryHost());
    await type("search", "ft:gpt-4o");
    choose("openai");
    const fineTuned = rows().find((li) => li.dataset.model === "ft:gpt-4o");
    expect(fineTuned?.querySelector('[data-action="insert-price"]')).toBeNull();
    expect(fineTuned?.textContent).toContain("Not insertable: AICOST.MODEL_PRICE reads this model id as another model (or none)");
  });

  it("offers no insert where the host cannot insert", async () => {
    const host = new MemoryHost();
    Object.defineProperty(host, "insertAtSelection", { value: undefined });
    await open(host);
    expect(rows()).toHaveLength(shownRows);
    expect(root.querySelector('[data-action="insert-price"]')).toBeNull();
  });
});
