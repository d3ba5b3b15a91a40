/**
 * The pane's price data work, loaded on first use (its own chunk: it carries
 * genai-prices, which checkPriceData prices every model with): downloading a
 * data file with a size limit, checking it as untrusted input, saying how it
 * compares with the data in use, and installing accepted data in the store
 * every copy of the calc module prices with (src/calc/priceDataStore.ts).
 */
import { latestPriceStartDate } from "../calc/catalog";
import { genaiPricesVersion, loadBundledProviders } from "../calc/genaiPrices";
import { checkPriceData } from "../calc/priceData";
import {
  installedPriceData,
  installPriceData,
  priceDataMaxBytes,
  useBuiltInPriceData,
  type InstalledPriceData,
  type PriceDataInfo,
} from "../calc/priceDataStore";
import type { StoredPriceData } from "../workbook/host";

export type Refusal = { readonly ok: false; readonly reason: string };

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  /** The size limit in bytes; priceDataMaxBytes by default. */
  readonly maxBytes?: number;
  /** Called as bytes arrive, with the size the server announced, if any. */
  readonly onProgress?: (bytes: number, total: number | undefined) => void;
  /** The fetch to use (the page's by default). */
  readonly fetch?: typeof fetch;
}

const megabytes = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${bytes.toLocaleString("en-US")} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Downloads a data file: refused when the server answers with an error, when
 * it announces more than the limit (before reading any of it), when more than
 * the limit arrives (the download stops there), when it is not UTF-8 text, or
 * when the network fails. An abort rejects with the signal's reason.
 */
export async function downloadPriceData(url: string, options: DownloadOptions = {}): Promise<{ readonly ok: true; readonly text: string } | Refusal> {
  const maxBytes = options.maxBytes ?? priceDataMaxBytes;
  const signal = options.signal;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal, cache: "no-store", credentials: "omit", redirect: "follow" });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: `the download failed (${error instanceof Error ? error.message : String(error)}): check the network connection` };
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
  }
  const announced = response.headers.get("content-length");
  const total = announced !== null && /^\d+$/.test(announced.trim()) ? Number(announced) : undefined;
  if (total !== undefined && total > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `the file is ${megabytes(total)}, over the limit of ${megabytes(maxBytes)}` };
  }
  const body = response.body;
  if (body === null) return { ok: false, reason: "the server sent no file" };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return { ok: false, reason: `the file is over the limit of ${megabytes(maxBytes)}; the download was stopped` };
      }
      chunks.push(value);
      options.onProgress?.(received, total);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: `the download broke off (${error instanceof Error ? error.message : String(error)})` };
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "the file is not UTF-8 text" };
  }
}

/** What the data in use is, for the pane. */
export interface DataInUse {
  readonly kind: "builtIn" | "downloaded";
  readonly dataDate: string | null;
  readonly modelCount: number;
  /** The genai-prices version (built-in data). */
  readonly version?: string;
  readonly info?: PriceDataInfo;
}

export async function dataInUse(): Promise<DataInUse> {
  const installed = installedPriceData();
  if (installed !== null) return { kind: "downloaded", dataDate: installed.info.dataDate, modelCount: installed.info.modelCount, info: installed.info };
  const bundled = await loadBundledProviders();
  return {
    kind: "builtIn",
    dataDate: latestPriceStartDate(bundled),
    modelCount: bundled.reduce((sum, provider) => sum + provider.models.length, 0),
    version: genaiPricesVersion,
  };
}

/** How a checked file compares with the data in use. */
export type Comparison = "newer" | "older" | "same" | "sameDate";

export interface Examined {
  readonly ok: true;
  readonly data: InstalledPriceData;
  readonly comparison: Comparison;
  readonly inUse: DataInUse;
}

/** Checks a file's text as untrusted input; when it passes, the data ready to install and how it compares with the data in use. */
export async function examinePriceData(text: string, fetchedAt: string, source: string): Promise<Examined | Refusal> {
  const checked = checkPriceData(text);
  if (!checked.ok) {
    const first = checked.issues[0];
    return { ok: false, reason: `${first?.path ? `${first.path} ` : ""}${first?.message ?? "invalid"} (${checked.issues.length} issue(s) found)` };
  }
  const canonical = JSON.stringify(checked.providers);
  // The workbook keeps the data written out (numbers in full: "1e20" is 21 digits), and checks that text when it is
  // opened again: data that would not pass then is refused now.
  const keptBytes = new TextEncoder().encode(canonical).length;
  if (keptBytes > priceDataMaxBytes) {
    return { ok: false, reason: `written out as the workbook keeps it, the data is ${keptBytes} bytes, over the limit of ${priceDataMaxBytes} bytes` };
  }
  const data: InstalledPriceData = {
    providers: checked.providers,
    canonical,
    info: { dataDate: latestPriceStartDate(checked.providers), fetchedAt, source, providerCount: checked.providers.length, modelCount: checked.modelCount },
  };
  const inUse = await dataInUse();
  const installed = installedPriceData();
  const bundled = installed === null ? JSON.stringify(await loadBundledProviders()) : installed.canonical;
  let comparison: Comparison;
  if (canonical === bundled) comparison = "same";
  else if (data.info.dataDate === inUse.dataDate) comparison = "sameDate";
  else if (inUse.dataDate === null || (data.info.dataDate !== null && data.info.dataDate > inUse.dataDate)) comparison = "newer";
  else comparison = "older";
  return { ok: true, data, comparison, inUse };
}

/** The record of examined data, as a workbook keeps it. */
export function storedOf(data: InstalledPriceData): StoredPriceData {
  return { text: data.canonical, fetchedAt: data.info.fetchedAt, source: data.info.source };
}

/** Installs checked data: every AICOST function prices with it from its next call. */
export function install(data: InstalledPriceData): void {
  installPriceData(data);
}

/** Back to the built-in data. */
export function useBuiltIn(): void {
  useBuiltInPriceData();
}

/** Checks the data a workbook keeps and installs it, or says why it is ignored (the built-in data is then used). */
export async function installStored(stored: StoredPriceData): Promise<{ readonly ok: true; readonly data: InstalledPriceData } | Refusal> {
  const examined = await examinePriceData(stored.text, stored.fetchedAt, stored.source);
  if (!examined.ok) {
    useBuiltInPriceData();
    return examined;
  }
  installPriceData(examined.data);
  return { ok: true, data: examined.data };
}
