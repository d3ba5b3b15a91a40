/**
 * What USAGE_COST and MODEL_PRICE are (parameters, units, documented examples),
 * without their arithmetic, which calls genai-prices (priceFunctions.ts). The
 * task pane checks formulas against these and so stays free of the catalog.
 */
import { priceKinds } from "./priceKinds";
import type { CalcSignature, MomentParamSpec, TextParamSpec } from "./spec";

const asOf: MomentParamSpec = {
  type: "moment",
  name: "as_of",
  unit: "Excel date or date-time (UTC), or ISO text",
  description:
    'Moment whose prices apply: an Excel date or date-time, read as UTC, or ISO text such as "2026-04-24" or "2026-04-24T13:00Z". ' +
    "A whole date means noon UTC that day (some prices depend on the time of day).",
  default: "now",
};

const provider: TextParamSpec = {
  type: "text",
  name: "provider",
  unit: "genai-prices provider id, text",
  description:
    'genai-prices provider id, such as "openai", "anthropic" or "deepseek"; blank: the model id decides, as in genai-prices.',
  default: "",
};

export const USAGE_COST_SIGNATURE: CalcSignature = {
  id: "USAGE_COST",
  description:
    "Cost of a model's usage (one request, or tokens summed over requests of one size) at genai-prices' list prices.",
  resultUnit: "USD",
  params: [
    {
      type: "text",
      name: "model",
      unit: "model id, text",
      description: 'Model id, any case, such as "gpt-5.5" or "claude-sonnet-4-5".',
    },
    {
      type: "number",
      name: "input_tokens",
      unit: "tokens",
      description:
        "All input (prompt) tokens, including the cached ones counted in cache_read_tokens and cache_write_tokens.",
      min: 0,
    },
    {
      type: "number",
      name: "output_tokens",
      unit: "tokens",
      description: "Output (completion) tokens, reasoning included.",
      min: 0,
    },
    {
      type: "number",
      name: "cache_read_tokens",
      unit: "tokens",
      description: "Of input_tokens, those read from the prompt cache.",
      default: 0,
      min: 0,
    },
    {
      type: "number",
      name: "cache_write_tokens",
      unit: "tokens",
      description: "Of input_tokens, those written to the prompt cache.",
      default: 0,
      min: 0,
    },
    provider,
    asOf,
  ],
  examples: [
    {
      formula: '=AICOST.USAGE_COST("gpt-5.5", 100000, 2000, 80000, 0, "openai", "2026-04-24")',
      args: ["gpt-5.5", 100_000, 2000, 80_000, 0, "openai", "2026-04-24"],
      result: 0.2,
    },
    {
      formula: '=AICOST.USAGE_COST("deepseek-v4-flash", 1000000, 1000000, 0, 0, "", "2026-04-24")',
      args: ["deepseek-v4-flash", 1_000_000, 1_000_000, 0, 0, "", "2026-04-24"],
      result: 0.42,
    },
  ],
};

const kind: TextParamSpec = {
  type: "text",
  name: "kind",
  unit: "price kind, text",
  description: 'Which price: "input", "cached_input", "cache_write" or "output".',
  oneOf: priceKinds,
};

export const MODEL_PRICE_SIGNATURE: CalcSignature = {
  id: "MODEL_PRICE",
  description: "List price per million tokens of a model, from genai-prices, at a moment and for a prompt size.",
  resultUnit: "USD per million tokens",
  params: [
    { type: "text", name: "model", unit: "model id, text", description: 'Model id, any case, such as "gpt-5.5".' },
    kind,
    asOf,
    {
      type: "number",
      name: "prompt_tokens",
      unit: "tokens",
      description: "Prompt size of the request, for prices that rise above a context length (long-context tiers).",
      default: 0,
      min: 0,
    },
    provider,
  ],
  examples: [
    { formula: '=AICOST.MODEL_PRICE("gpt-5.5", "output")', args: ["gpt-5.5", "output"], result: 30 },
    {
      formula: '=AICOST.MODEL_PRICE("DeepSeek-V4-Flash", "input", "2026-04-24")',
      args: ["DeepSeek-V4-Flash", "input", "2026-04-24"],
      result: 0.14,
    },
    {
      formula: '=AICOST.MODEL_PRICE("gpt-5.5", "input", "2026-04-24", 300000)',
      args: ["gpt-5.5", "input", "2026-04-24", 300_000],
      result: 10,
    },
  ],
};
