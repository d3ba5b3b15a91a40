/**
 * The price data every copy of the calc module prices with, shared through one
 * store on globalThis (under a Symbol.for key). In Excel's shared runtime
 * taskpane.html loads functions.js and taskpane.js, two webpack entries, each
 * with its own copy of genai-prices and of this module; a module-level
 * variable would be one copy's alone. The store is the bridge: the pane
 * installs accepted data here, and every copy's genaiPrices.ts compares the
 * store's version with the one it last installed before it prices, and hands
 * the store's providers to its own genai-prices (updatePrices) when they differ.
 *
 * Only data that checkPriceData accepted may be installed. This module imports
 * nothing (no genai-prices), so the pane's first chunk can read it cheaply.
 */
import type { Provider } from "@pydantic/genai-prices";

/** Where genai-prices publishes its data file (checked against the package's REMOTE_DATA_JSON_URL by a test). */
export const publishedPriceDataUrl = "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json";

/** The largest data file accepted: genai-prices' own is about 1 MB. */
export const priceDataMaxBytes = 8 * 1024 * 1024;

/** What the pane says about installed data. */
export interface PriceDataInfo {
  /** The newest start date of any dated price in it (YYYY-MM-DD), or null: the date of the data. */
  readonly dataDate: string | null;
  /** When it was fetched (ISO 8601, UTC). */
  readonly fetchedAt: string;
  /** Where it was fetched from. */
  readonly source: string;
  readonly providerCount: number;
  readonly modelCount: number;
}

/** What the built-in data is, as the copy of genaiPrices.ts that loads first reports it. */
export interface BuiltInPriceInfo {
  readonly version: string;
  readonly dataDate: string | null;
  readonly modelCount: number;
}

export interface InstalledPriceData {
  readonly providers: readonly Provider[];
  readonly info: PriceDataInfo;
  /** The data as canonical JSON (JSON.stringify of what was accepted): compared to tell the same data again. */
  readonly canonical: string;
}

interface SharedPriceData {
  /** Bumped by every install and every return to the built-in data; 0 is the built-in data from the start. */
  version: number;
  data: InstalledPriceData | null;
  builtIn: BuiltInPriceInfo | undefined;
}

const storeKey = Symbol.for("aicost.priceData/1");

function shared(): SharedPriceData {
  const holder = globalThis as unknown as Record<symbol, SharedPriceData | undefined>;
  let store = holder[storeKey];
  if (store === undefined || typeof store !== "object" || typeof store.version !== "number") {
    store = { version: 0, data: null, builtIn: undefined };
    holder[storeKey] = store;
  }
  return store;
}

/** Makes every copy of the calc module price with `data` from its next call on. The data must have passed checkPriceData. */
export function installPriceData(data: InstalledPriceData): void {
  const store = shared();
  store.data = data;
  store.version++;
}

/** Makes every copy price with its built-in genai-prices data again. */
export function useBuiltInPriceData(): void {
  const store = shared();
  if (store.data === null) return;
  store.data = null;
  store.version++;
}

/** The installed data, or null while the built-in data is in use. */
export function installedPriceData(): InstalledPriceData | null {
  return shared().data;
}

/** A number that changes whenever the data in use changes. */
export function priceDataVersion(): number {
  return shared().version;
}

/** The built-in data's description, once a copy of genaiPrices.ts has loaded it; else undefined. */
export function builtInPriceInfo(): BuiltInPriceInfo | undefined {
  return shared().builtIn;
}

/** Records the built-in data's description (the first copy to load it says; every copy bundles the same package). */
export function reportBuiltInPriceInfo(info: BuiltInPriceInfo): void {
  const store = shared();
  if (store.builtIn === undefined) store.builtIn = info;
}
