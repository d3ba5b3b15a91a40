/** The token prices MODEL_PRICE gives, and the genai-prices price key of each. */
export const priceKeyOfKind = {
  input: "input_mtok",
  cached_input: "cache_read_mtok",
  cache_write: "cache_write_mtok",
  output: "output_mtok",
} as const;

export type PriceKind = keyof typeof priceKeyOfKind;

export const priceKinds = Object.keys(priceKeyOfKind) as readonly PriceKind[];
