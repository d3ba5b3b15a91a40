/**
 * The price catalog: @pydantic/genai-prices, its data bundled at build time.
 * This is the one module that holds and replaces the package's data and prices
 * with it (the price list, catalogListing.ts, and the checks of new data,
 * priceData.ts, call calcPrice only on data passed to them). Matching a model id to a
 * provider and a model, choosing the price in force at a moment (prices that
 * start on a date, time-of-day prices) and applying long-context tiers are all
 * the package's own code (`calcPrice`); nothing here re-implements them.
 *
 * @see https://github.com/pydantic/genai-prices
 */
import {
  calcPrice,
  REMOTE_DATA_JSON_URL,
  updatePrices,
  waitForUpdate,
  type ModelInfo,
  type ModelPrice,
  type Provider,
  type TieredPrices,
  type Usage,
} from "@pydantic/genai-prices";
import { latestPriceStartDate } from "./catalog";
import { installedPriceData, priceDataVersion, reportBuiltInPriceInfo } from "./priceDataStore";
import { isTieredPrice, priceKeyOfKind, type PriceKind } from "./priceKinds";

/** The installed package version (checked against its package.json by a test). */
export const genaiPricesVersion = "0.1.8";
/**
 * The day that version was published on npm (`npm view @pydantic/genai-prices
 * time`): the date of the price data built in, which the package itself does
 * not carry. Changed together with the version.
 */
export const genaiPricesPublishedOn = "2026-09-23";

/** Where genai-prices publishes its data file (the URL the package exports). */
export const genaiPricesDataUrl: string = REMOTE_DATA_JSON_URL;

/** A model resolved once for a provider and a moment: the prices in force then. */
export interface ResolvedModel {
  readonly provider: Provider;
  readonly model: ModelInfo;
  /** The prices in force at the moment, as genai-prices chose them. */
  readonly price: ModelPrice;
  /** A one-model provider carrying exactly `price`, so pricing a usage needs no matching again. */
  readonly pinned: Provider;
}

function pin(provider: Provider, model: ModelInfo, price: ModelPrice): Provider {
  return {
    id: provider.id,
    name: provider.name,
    api_pattern: provider.api_pattern,
    models: [{ id: model.id, name: model.name, match: { starts_with: "" }, prices: price }],
  };
}

/**
 * The model genai-prices prices for this id, provider (undefined: the model id
 * decides, as in genai-prices) and moment, or null when it knows none. Throws
 * what genai-prices throws for data it cannot use.
 */
function resolveModelNow(model: string, providerId: string | undefined, at: Date): ResolvedModel | null {
  const found = calcPrice({}, model, providerId === undefined ? { timestamp: at } : { providerId, timestamp: at });
  if (found === null) return null;
  return {
    provider: found.provider,
    model: found.model,
    price: found.model_price,
    pinned: pin(found.provider, found.model, found.model_price),
  };
}

const resolvedMemo = new Map<string, ResolvedModel | null>();
/** Resolutions remembered across calls (a recalculation asks for the same ones again); cleared when full. */
const resolvedMemoSize = 5000;

/**
 * The model genai-prices prices for this id, provider (undefined: the model id
 * decides, as in genai-prices) and moment, or null when it knows none. Throws
 * what genai-prices throws for data it cannot use. Remembered per (model,
 * provider, moment): call forgetResolvedModels after replacing genai-prices' data.
 */
export function resolveModel(model: string, providerId: string | undefined, at: Date): ResolvedModel | null {
  followPriceDataStore();
  const key = `${model.trim().toLowerCase()}\u0000${providerId?.trim().toLowerCase() ?? ""}\u0000${at.getTime()}`;
  const known = resolvedMemo.get(key);
  if (known !== undefined) return known;
  const found = resolveModelNow(model, providerId, at);
  if (resolvedMemo.size >= resolvedMemoSize) resolvedMemo.clear();
  resolvedMemo.set(key, found);
  return found;
}

/** Forgets remembered resolutions: after genai-prices' data is replaced (updatePrices). */
export function forgetResolvedModels(): void {
  resolvedMemo.clear();
}

/**
 * USD for a usage of a resolved model: genai-prices' `calcPrice` on the prices
 * resolved for the moment. Equal, to the last bit, to `calcPrice(usage, model,
 * { providerId, timestamp })`, because the same code runs on the same prices.
 */
export function usageCostUsd(resolved: ResolvedModel, usage: Usage): number {
  const result = calcPrice(usage, resolved.model.id, { provider: resolved.pinned });
  if (result === null) throw new Error(`genai-prices did not price ${resolved.model.id} again`);
  return result.total_price;
}

/**
 * Which of a tiered price's figures applies to a request of `promptTokens`
 * prompt tokens, as genai-prices decides it: a probe prices one million output
 * tokens at a tier schedule whose figures are the tier numbers (0 for the base,
 * 1 for the lowest tier...), so calcPrice's answer is the tier it chose.
 */
function tierFigure(resolved: ResolvedModel, tiered: TieredPrices, promptTokens: number): number {
  const tiers = [...tiered.tiers].sort((a, b) => a.start - b.start);
  const probe: Provider = {
    id: resolved.provider.id,
    name: resolved.provider.name,
    api_pattern: resolved.provider.api_pattern,
    models: [
      {
        id: resolved.model.id,
        match: { starts_with: "" },
        prices: {
          output_mtok: { base: 0, tiers: tiers.map((t, i) => ({ start: t.start, price: i + 1 })) } as TieredPrices,
        },
      },
    ],
  };
  const result = calcPrice({ input_tokens: promptTokens, output_tokens: 1_000_000 }, resolved.model.id, {
    provider: probe,
  });
  const index = Math.round(result?.total_price ?? 0);
  return index === 0 ? tiered.base : (tiers[index - 1]?.price ?? Number.NaN);
}

/**
 * USD per million tokens of one kind, for a request of `promptTokens` prompt
 * tokens (long-context tiers), or null when the model lists no such price.
 */
export function listedPriceUsdPerMillion(
  resolved: ResolvedModel,
  kind: PriceKind,
  promptTokens: number,
): number | null {
  const value = resolved.price[priceKeyOfKind[kind]];
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  if (isTieredPrice(value)) return tierFigure(resolved, value, promptTokens);
  return null;
}

let loaded: readonly Provider[] | undefined;
const loading: Promise<readonly Provider[]> = waitForUpdate().then((providers) => {
  loaded = providers ?? [];
  reportBuiltInPriceInfo({
    version: genaiPricesVersion,
    dataDate: latestPriceStartDate(loaded),
    modelCount: loaded.reduce((sum, provider) => sum + provider.models.length, 0),
  });
  return loaded;
});

/** The version of the shared price data store (priceDataStore.ts) this copy of genai-prices holds the data of. */
let followedVersion = 0;
/** Whether this copy's genai-prices holds data installed from the store (not its built-in data). */
let holdsInstalled = false;

/**
 * Brings this copy's genai-prices to the data the shared store says is in use
 * (installed data, or the built-in data), and forgets every remembered
 * resolution when it changes. Cheap when nothing changed (one comparison):
 * called before anything prices or lists the catalog.
 */
export function followPriceDataStore(): void {
  const version = priceDataVersion();
  if (version === followedVersion) return;
  const data = installedPriceData();
  if (data === null) {
    if (holdsInstalled) {
      // The built-in data comes back once its promise has settled (a microtask after loading; before any call).
      if (loaded === undefined) return;
      const builtIn = loaded;
      updatePrices(({ setProviderData }) => setProviderData([...builtIn]));
      holdsInstalled = false;
    }
  } else {
    try {
      updatePrices(({ setProviderData }) => setProviderData([...data.providers]));
      holdsInstalled = true;
    } catch {
      // genai-prices refused data the checks accepted: this copy keeps what it had.
    }
  }
  followedVersion = version;
  resolvedMemo.clear();
}

/**
 * The bundled catalog: every provider with its models. genai-prices hands its
 * data out through a promise; it resolves as soon as the script has run (a
 * microtask), before Excel can call a function.
 */
export function loadBundledProviders(): Promise<readonly Provider[]> {
  return loading;
}

/** The catalog genai-prices prices with now: installed data (priceDataStore.ts) when there is any, else the bundled catalog. */
export function providersInUse(): readonly Provider[] | undefined {
  followPriceDataStore();
  return installedPriceData()?.providers ?? loaded;
}

export type { ModelInfo, ModelPrice, Provider, TieredPrices, Usage };
