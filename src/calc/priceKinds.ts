import type { TieredPrices } from "@pydantic/genai-prices";

/** The token prices MODEL_PRICE gives, and the genai-prices price key of each. */
export const priceKeyOfKind = {
  input: "input_mtok",
  cached_input: "cache_read_mtok",
  cache_write: "cache_write_mtok",
  output: "output_mtok",
} as const;

export type PriceKind = keyof typeof priceKeyOfKind;

export const priceKinds = Object.keys(priceKeyOfKind) as readonly PriceKind[];

/** Whether a genai-prices price figure is tiered by prompt length (a base price and tiers) rather than one number. */
export function isTieredPrice(value: unknown): value is TieredPrices {
  return typeof value === "object" && value !== null && "base" in value && Array.isArray((value as TieredPrices).tiers);
}
