import { defaultCachedInputFractionOfInput } from "./constants";
import type { CalcFunction } from "./spec";

/**
 * Blended USD per million tokens for a mix of input, cached input and output:
 * outputShare × output + (1 − outputShare) × ((1 − cachedInputShare) × input + cachedInputShare × cached).
 * Shares are fractions 0..1.
 */
export function blendedPriceUsdPerMillion(
  inputUsdPerMillion: number,
  outputUsdPerMillion: number,
  outputShare: number,
  cachedInputShare = 0,
  cachedInputUsdPerMillion: number = inputUsdPerMillion * defaultCachedInputFractionOfInput,
): number {
  const inputBlend = (1 - cachedInputShare) * inputUsdPerMillion + cachedInputShare * cachedInputUsdPerMillion;
  return outputShare * outputUsdPerMillion + (1 - outputShare) * inputBlend;
}

export const BLENDED_PRICE: CalcFunction = {
  id: "BLENDED_PRICE",
  description: "Blended price per million tokens for a mix of input, cached input and output tokens.",
  resultUnit: "USD per million tokens",
  params: [
    { type: "number", name: "input_usd_per_million", unit: "USD per million tokens", description: "Input (prompt) price.", min: 0 },
    { type: "number", name: "output_usd_per_million", unit: "USD per million tokens", description: "Output (completion) price.", min: 0 },
    {
      type: "number",
      name: "output_share",
      unit: "fraction 0..1 of all tokens",
      description: "Share of tokens that are output, as a fraction (0.2 for 20%).",
      min: 0,
      max: 1,
    },
    {
      type: "number",
      name: "cached_input_share",
      unit: "fraction 0..1 of input tokens",
      description: "Share of input tokens served from the prompt cache.",
      default: 0,
      min: 0,
      max: 1,
    },
    {
      type: "number",
      name: "cached_input_usd_per_million",
      unit: "USD per million tokens",
      description: "Cached input price.",
      default: { fractionOf: "input_usd_per_million", fraction: defaultCachedInputFractionOfInput },
      defaultSource:
        "10% of the input price, OpenAI's usual cached-input discount; DeepSeek's is 2% or less, so take the price from AICOST.MODEL_PRICE(model, \"cached_input\")",
      min: 0,
    },
  ],
  examples: [
    { formula: "=AICOST.BLENDED_PRICE(5, 30, 0.4)", args: [5, 30, 0.4], result: 15 },
    { formula: "=AICOST.BLENDED_PRICE(5, 30, 0.2, 0.5)", args: [5, 30, 0.2, 0.5], result: 8.2 },
  ],
  compute: blendedPriceUsdPerMillion,
};
