/**
 * The catalog as a list of prices at a moment, searchable: one row per model of
 * each provider, with its token prices in USD per million tokens (null where
 * the model lists none), its long-context tiers and the date its price started.
 * The price in force is chosen by genai-prices' own calcPrice (dated and
 * time-of-day prices), over the data passed in. Host-neutral: the command line
 * prints it; the task pane's price browser will show it.
 */
import { calcPrice, type ModelInfo, type ModelPrice, type Provider } from "@pydantic/genai-prices";
import { isTieredPrice, priceKeyOfKind, priceKinds, type PriceKind } from "./priceKinds";

export interface PriceTier {
  readonly kind: PriceKind;
  /** The tier's price applies to requests of more than this many prompt tokens. */
  readonly abovePromptTokens: number;
  readonly usdPerMillion: number;
}

export interface CatalogRow {
  readonly provider: string;
  readonly model: string;
  readonly name: string;
  readonly inputUsdPerMillion: number | null;
  readonly cachedInputUsdPerMillion: number | null;
  readonly cacheWriteUsdPerMillion: number | null;
  readonly outputUsdPerMillion: number | null;
  readonly tiers: readonly PriceTier[];
  /** The start date (YYYY-MM-DD) of the dated price in force, or null when the price has no start date. */
  readonly startsOn: string | null;
}

export interface ListOptions {
  /** Text the provider id, model id or model name contains (case ignored). */
  readonly search?: string;
  /** A provider id (case ignored). */
  readonly provider?: string;
  /** The moment whose prices to list. */
  readonly at: Date;
}

/** The prices genai-prices puts in force for this model at `at` (the model alone, so its own match rules do not matter). */
function pricesAt(provider: Provider, model: ModelInfo, at: Date): ModelPrice | null {
  const alone: Provider = { id: provider.id, name: provider.name, api_pattern: provider.api_pattern, models: [{ ...model, match: { starts_with: "" } }] };
  try {
    return calcPrice({}, model.id, { provider: alone, timestamp: at })?.model_price ?? null;
  } catch {
    return null;
  }
}

/** The dated price in force: the start date of the conditional price whose prices genai-prices chose. */
function startOf(model: ModelInfo, price: ModelPrice): string | null {
  if (!Array.isArray(model.prices)) return null;
  const chosen = model.prices.find((conditional) => conditional.prices === price);
  if (chosen?.constraint?.type === "start_date") return chosen.constraint.start_date;
  return null;
}

function rowOf(provider: Provider, model: ModelInfo, price: ModelPrice): CatalogRow {
  const figures = {} as Record<PriceKind, number | null>;
  const tiers: PriceTier[] = [];
  for (const kind of priceKinds) {
    const value = price[priceKeyOfKind[kind]];
    if (typeof value === "number") figures[kind] = value;
    else if (isTieredPrice(value)) {
      figures[kind] = value.base;
      for (const tier of [...value.tiers].sort((a, b) => a.start - b.start)) {
        tiers.push({ kind, abovePromptTokens: tier.start, usdPerMillion: tier.price });
      }
    } else figures[kind] = null;
  }
  return {
    provider: provider.id,
    model: model.id,
    name: model.name ?? model.id,
    inputUsdPerMillion: figures.input,
    cachedInputUsdPerMillion: figures.cached_input,
    cacheWriteUsdPerMillion: figures.cache_write,
    outputUsdPerMillion: figures.output,
    tiers,
    startsOn: startOf(model, price),
  };
}

/** Whether a provider id, model id and model name meet the search text and provider of `options` (case ignored; the text is not a pattern). */
function matches(providerId: string, modelId: string, name: string | undefined, options: Omit<ListOptions, "at">): boolean {
  const wantedProvider = options.provider?.trim().toLowerCase() ?? "";
  if (wantedProvider !== "" && providerId !== wantedProvider) return false;
  const search = options.search?.trim().toLowerCase() ?? "";
  return search === "" || `${providerId} ${modelId} ${name ?? ""}`.toLowerCase().includes(search);
}

/** Whether a listed row meets a search text and provider, as `listCatalog` filters: to search rows already listed. */
export function catalogRowMatches(row: CatalogRow, options: Omit<ListOptions, "at">): boolean {
  return matches(row.provider, row.model, row.name, options);
}

/** Every model of the catalog (filtered by provider and search text) with its prices at `at`, in catalog order. */
export function listCatalog(providers: readonly Provider[], options: ListOptions): CatalogRow[] {
  const rows: CatalogRow[] = [];
  for (const provider of providers) {
    for (const model of provider.models) {
      if (!matches(provider.id, model.id, model.name, options)) continue;
      const price = pricesAt(provider, model, options.at);
      if (price !== null) rows.push(rowOf(provider, model, price));
    }
  }
  return rows;
}

/** Whether a model's price depends on the time of day (some of its prices hold only between given UTC times). */
export function hasTimeOfDayPrices(model: ModelInfo): boolean {
  return Array.isArray(model.prices) && model.prices.some((conditional) => conditional.constraint?.type === "time_of_date");
}
