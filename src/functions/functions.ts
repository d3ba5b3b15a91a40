/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value; the model validates it. */
/*
 * The AICOST custom functions. The JSDoc on each function is what Excel shows
 * (custom-functions-metadata-plugin turns it into functions.json); the ids after
 * @customfunction are stored in workbooks and never change. Every parameter is a
 * matrix so it takes a single value or a range; results broadcast like Excel's
 * own arithmetic. Omitted optional parameters arrive as null.
 */
import {
  BLENDED_PRICE,
  GPU_HOUR_COST,
  GPU_POWER_COST,
  GPU_TCO,
  LABOR_SAVINGS,
  MODEL_PRICE,
  SELF_HOST_PRICE,
  TOKEN_COST,
  USAGE_COST,
} from "../calc";
import { callForExcel } from "./excelResult";

/**
 * Which list price MODEL_PRICE returns.
 * @customenum {string}
 */
export enum PriceKind {
  /** Input (prompt) tokens. */
  input = "input",
  /** Input tokens read from the prompt cache. */
  cached_input = "cached_input",
  /** Input tokens written to the prompt cache. */
  cache_write = "cache_write",
  /** Output (completion) tokens. */
  output = "output",
}

/**
 * Labor cost saved by cutting jobs, net of one-time costs such as severance (USD).
 * @customfunction LABOR_SAVINGS
 * @helpurl https://localhost:3000/help/labor_savings.html
 * @param headcount Jobs cut (employees).
 * @param cost_per_employee Fully loaded annual cost of one employee: salary, benefits, stock and overhead (USD per employee per year).
 * @param [years] Years of savings counted (years). Default 1.
 * @param [one_time_cost_per_employee] One-time cost of each cut, such as severance (USD per employee). Default 0.
 * @returns headcount × (cost_per_employee × years − one_time_cost_per_employee), in USD.
 */
export function laborSavings(
  headcount: any[][],
  cost_per_employee: any[][],
  years?: any[][],
  one_time_cost_per_employee?: any[][],
): any[][] {
  return callForExcel(LABOR_SAVINGS, [headcount, cost_per_employee, years, one_time_cost_per_employee]);
}

/**
 * Inference cost of a fleet of AI agents over a period (USD).
 * @customfunction TOKEN_COST
 * @helpurl https://localhost:3000/help/token_cost.html
 * @param tokens_per_hour Tokens one agent uses in an hour (tokens per hour per agent).
 * @param agents Agents running (agents).
 * @param usd_per_million_tokens Price of a million tokens, a blended input/output price (USD per million tokens).
 * @param [hours_per_day] Hours a day each agent runs, 0 to 24 (hours per day). Default 24.
 * @param [days] Days counted (days). Default 365.
 * @returns tokens_per_hour × agents × hours_per_day × days × usd_per_million_tokens ÷ 1,000,000, in USD.
 */
export function tokenCost(
  tokens_per_hour: any[][],
  agents: any[][],
  usd_per_million_tokens: any[][],
  hours_per_day?: any[][],
  days?: any[][],
): any[][] {
  return callForExcel(TOKEN_COST, [tokens_per_hour, agents, usd_per_million_tokens, hours_per_day, days]);
}

/**
 * Blended price per million tokens for a mix of input, cached input and output tokens (USD per million tokens).
 * @customfunction BLENDED_PRICE
 * @helpurl https://localhost:3000/help/blended_price.html
 * @param input_usd_per_million Input (prompt) price (USD per million tokens).
 * @param output_usd_per_million Output (completion) price (USD per million tokens).
 * @param output_share Share of tokens that are output, 0.2 for 20% (fraction 0..1 of all tokens).
 * @param [cached_input_share] Share of input tokens served from the prompt cache (fraction 0..1 of input tokens). Default 0.
 * @param [cached_input_usd_per_million] Cached input price (USD per million tokens). Default 10% of the input price, OpenAI's usual cached-input discount; DeepSeek's is 2% or less, so take the price from AICOST.MODEL_PRICE(model, "cached_input").
 * @returns The blended price in USD per million tokens.
 */
export function blendedPrice(
  input_usd_per_million: any[][],
  output_usd_per_million: any[][],
  output_share: any[][],
  cached_input_share?: any[][],
  cached_input_usd_per_million?: any[][],
): any[][] {
  return callForExcel(BLENDED_PRICE, [
    input_usd_per_million,
    output_usd_per_million,
    output_share,
    cached_input_share,
    cached_input_usd_per_million,
  ]);
}

/**
 * List price per million tokens of a model from genai-prices, at a moment and for a prompt size (USD per million tokens).
 * @customfunction MODEL_PRICE
 * @helpurl https://localhost:3000/help/model_price.html
 * @param model Model id in any case, such as "gpt-5.5" (model id, text).
 * @param kind Which price: "input", "cached_input", "cache_write" or "output" (price kind, text).
 * @param [as_of] Moment whose prices apply, such as "2026-04-24" or "2026-04-24T13:00Z"; a whole date means noon UTC that day, and some prices depend on the time of day (Excel date or date-time (UTC), or ISO text). Default now.
 * @param [prompt_tokens] Prompt size of the request, for prices that rise above a context length (tokens). Default 0.
 * @param [provider] Provider, such as "openai" or "deepseek" (genai-prices provider id, text). Default blank: the model id decides.
 * @returns The list price in USD per million tokens; #N/A with the closest model ids for an unknown model, #N/A for a price the model does not list.
 */
export function modelPrice(
  model: any[][],
  kind: PriceKind[][],
  as_of?: any[][],
  prompt_tokens?: any[][],
  provider?: any[][],
): any[][] {
  return callForExcel(MODEL_PRICE, [model, kind, as_of, prompt_tokens, provider]);
}

/**
 * Cost of a model's usage at genai-prices' list prices: input_tokens counts ALL input tokens, and cache_read_tokens and cache_write_tokens are parts of it (USD).
 * @customfunction USAGE_COST
 * @helpurl https://localhost:3000/help/usage_cost.html
 * @param model Model id in any case, such as "gpt-5.5" (model id, text).
 * @param input_tokens All input (prompt) tokens, the cached ones included (tokens).
 * @param output_tokens Output (completion) tokens, reasoning included (tokens).
 * @param [cache_read_tokens] Of input_tokens, those read from the prompt cache; with cache_write_tokens at most input_tokens, else #NUM! (tokens). Default 0.
 * @param [cache_write_tokens] Of input_tokens, those written to the prompt cache (tokens). Default 0.
 * @param [provider] Provider, such as "openai" or "anthropic" (genai-prices provider id, text). Default blank: the model id decides.
 * @param [as_of] Moment whose prices apply, such as "2026-04-24" or "2026-04-24T13:00Z"; a whole date means noon UTC that day, and some prices depend on the time of day (Excel date or date-time (UTC), or ISO text). Default now.
 * @returns USD for the usage, exactly as genai-prices' calcPrice gives it (one request's tiers: price each request size separately); #N/A for an unknown model.
 */
export function usageCost(
  model: any[][],
  input_tokens: any[][],
  output_tokens: any[][],
  cache_read_tokens?: any[][],
  cache_write_tokens?: any[][],
  provider?: any[][],
  as_of?: any[][],
): any[][] {
  return callForExcel(USAGE_COST, [
    model,
    input_tokens,
    output_tokens,
    cache_read_tokens,
    cache_write_tokens,
    provider,
    as_of,
  ]);
}

/**
 * Total cost of ownership of a GPU cluster over its life: hardware plus yearly power and operating costs (USD).
 * @customfunction GPU_TCO
 * @helpurl https://localhost:3000/help/gpu_tco.html
 * @param gpu_count GPUs in the cluster (GPUs).
 * @param gpu_unit_price Purchase price of one GPU (USD per GPU).
 * @param [years] Operating life counted (years). Default 3.
 * @param [power_cost_per_year] Electricity for the whole cluster, see AICOST.GPU_POWER_COST (USD per year). Default 0.
 * @param [other_costs_per_year] Staff, networking, space and other operations (USD per year). Default 0.
 * @param [capex_markup] Servers, networking and build-out bought with the GPUs, 0.5 for 50% (fraction of GPU hardware cost). Default 0.
 * @returns gpu_count × gpu_unit_price × (1 + capex_markup) + years × (power_cost_per_year + other_costs_per_year), in USD.
 */
export function gpuTco(
  gpu_count: any[][],
  gpu_unit_price: any[][],
  years?: any[][],
  power_cost_per_year?: any[][],
  other_costs_per_year?: any[][],
  capex_markup?: any[][],
): any[][] {
  return callForExcel(GPU_TCO, [gpu_count, gpu_unit_price, years, power_cost_per_year, other_costs_per_year, capex_markup]);
}

/**
 * Yearly electricity cost of a GPU cluster, including data-centre overhead (USD per year).
 * @customfunction GPU_POWER_COST
 * @helpurl https://localhost:3000/help/gpu_power_cost.html
 * @param gpu_count GPUs in the cluster (GPUs).
 * @param watts_per_gpu All-in power per GPU, including its share of CPUs, memory and networking (watts per GPU).
 * @param usd_per_kwh Electricity price (USD per kWh).
 * @param [pue] Power usage effectiveness, facility power ÷ IT power (ratio, 1 or more). Default 1.25, Epoch AI's figure for non-hyperscale data centres.
 * @param [load_factor] Average draw as a fraction of the all-in power (fraction 0..1). Default 1.
 * @param [hours_per_year] Hours powered in a year (hours per year). Default 8760.
 * @returns gpu_count × watts_per_gpu ÷ 1000 × pue × load_factor × hours_per_year × usd_per_kwh, in USD per year.
 */
export function gpuPowerCost(
  gpu_count: any[][],
  watts_per_gpu: any[][],
  usd_per_kwh: any[][],
  pue?: any[][],
  load_factor?: any[][],
  hours_per_year?: any[][],
): any[][] {
  return callForExcel(GPU_POWER_COST, [gpu_count, watts_per_gpu, usd_per_kwh, pue, load_factor, hours_per_year]);
}

/**
 * Cost of one GPU-hour from a total cost over the cluster's life: with utilization 1, every hour (busy or idle); below 1, one used hour, already carrying the idle hours (USD per GPU-hour).
 * @customfunction GPU_HOUR_COST
 * @helpurl https://localhost:3000/help/gpu_hour_cost.html
 * @param total_cost Total cost over the life, see AICOST.GPU_TCO (USD).
 * @param gpu_count GPUs in the cluster, above 0 (GPUs).
 * @param years Life the cost is spread over, above 0 (years).
 * @param [utilization] Share of hours the GPUs do useful work; below 1 the result is the cost of a used hour, so give it to SELF_HOST_PRICE with utilization 1 (fraction 0..1, above 0). Default 1.
 * @returns total_cost ÷ (gpu_count × years × 8760 × utilization), in USD per GPU-hour.
 */
export function gpuHourCost(total_cost: any[][], gpu_count: any[][], years: any[][], utilization?: any[][]): any[][] {
  return callForExcel(GPU_HOUR_COST, [total_cost, gpu_count, years, utilization]);
}

/**
 * Cost per million tokens of serving a model on your own GPUs; utilization counts idle hours once: here, or in GPU_HOUR_COST, not both (USD per million tokens).
 * @customfunction SELF_HOST_PRICE
 * @helpurl https://localhost:3000/help/self_host_price.html
 * @param gpu_hour_cost All-in cost of one GPU-hour of every hour, busy or idle: a rental price, or AICOST.GPU_HOUR_COST with utilization 1 (USD per GPU-hour).
 * @param tokens_per_second_per_gpu Serving throughput of one GPU at full load, above 0 (tokens per second per GPU).
 * @param [utilization] Share of GPU time spent serving; leave it at 1 when gpu_hour_cost already is the cost of a used hour (fraction 0..1, above 0). Default 1.
 * @returns gpu_hour_cost ÷ (tokens_per_second_per_gpu × 3600 × utilization) × 1,000,000, in USD per million tokens.
 */
export function selfHostPrice(gpu_hour_cost: any[][], tokens_per_second_per_gpu: any[][], utilization?: any[][]): any[][] {
  return callForExcel(SELF_HOST_PRICE, [gpu_hour_cost, tokens_per_second_per_gpu, utilization]);
}
