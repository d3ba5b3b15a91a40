/**
 * The list prices the built-in presets were analysed with (2026-04-24), in USD
 * per million tokens, each with its sources. MODEL_PRICE and USAGE_COST do not
 * read this table: they read genai-prices (genaiPrices.ts), and a test checks
 * that genai-prices gives these same figures at noon UTC on each `checked` date.
 */

export interface PriceSource {
  readonly name: string;
  readonly url: string;
}

export interface ModelPriceEntry {
  /** Model id as the provider's API names it; matched without regard to case. */
  readonly model: string;
  readonly provider: string;
  readonly inputUsdPerMillion: number;
  /** null where the provider lists no cached-input price. */
  readonly cachedInputUsdPerMillion: number | null;
  readonly outputUsdPerMillion: number;
  /** ISO date (YYYY-MM-DD) the price was checked against its sources. */
  readonly checked: string;
  readonly sources: readonly [PriceSource, ...PriceSource[]];
  /** Conditions and disagreements between sources. */
  readonly note?: string;
}

const genaiPrices: PriceSource = { name: "genai-prices (Pydantic)", url: "https://github.com/pydantic/genai-prices" };
const llmPrices: PriceSource = { name: "llm-prices", url: "https://www.llm-prices.com/" };
const modelsDev: PriceSource = { name: "models.dev", url: "https://models.dev/" };

export const priceCatalog = [
  {
    model: "gpt-5.5",
    provider: "OpenAI",
    inputUsdPerMillion: 5,
    cachedInputUsdPerMillion: 0.5,
    outputUsdPerMillion: 30,
    checked: "2026-04-24",
    sources: [genaiPrices, llmPrices, modelsDev],
    note: "Prices for prompts up to 272k tokens of context.",
  },
  {
    model: "gpt-5.5-pro",
    provider: "OpenAI",
    inputUsdPerMillion: 30,
    cachedInputUsdPerMillion: null,
    outputUsdPerMillion: 180,
    checked: "2026-04-24",
    sources: [genaiPrices],
    note: "No cached-input price is listed.",
  },
  {
    model: "deepseek-v4-flash",
    provider: "DeepSeek",
    inputUsdPerMillion: 0.14,
    cachedInputUsdPerMillion: 0.0028,
    outputUsdPerMillion: 0.28,
    checked: "2026-04-24",
    sources: [genaiPrices, modelsDev],
    note: "Sources disagree on the cached-input price: genai-prices and models.dev list 0.0028, llm-prices lists 0.028.",
  },
  {
    model: "deepseek-v4-pro",
    provider: "DeepSeek",
    inputUsdPerMillion: 0.435,
    cachedInputUsdPerMillion: 0.003625,
    outputUsdPerMillion: 0.87,
    checked: "2026-04-24",
    sources: [genaiPrices],
  },
] as const satisfies readonly ModelPriceEntry[];

export function knownModels(): string[] {
  return priceCatalog.map((entry) => entry.model);
}

export function findModel(model: string): ModelPriceEntry | undefined {
  const wanted = model.trim().toLowerCase();
  return (priceCatalog as readonly ModelPriceEntry[]).find((entry) => entry.model.toLowerCase() === wanted);
}
