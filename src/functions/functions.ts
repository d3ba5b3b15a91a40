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
  DEPRECIATION,
  GPU_CASH_FLOWS,
  GPU_HOUR_COST,
  GPU_POWER_COST,
  GPU_TCO,
  LABOR_SAVINGS,
  MODEL_PRICE,
  PAYBACK,
  PRESENT_VALUE,
  ROI,
  SAVINGS_CASH_FLOWS,
  SELF_HOST_PRICE,
  TOKEN_COST,
  TOKEN_COST_CASH_FLOWS,
} from "../calc";
import { callForExcel, callTimeForExcel } from "./excelResult";

/**
 * Which list price MODEL_PRICE returns.
 * @customenum {string}
 */
export enum PriceKind {
  /** Input (prompt) tokens. */
  input = "input",
  /** Input tokens served from the prompt cache. */
  cached_input = "cached_input",
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
 * @param [cached_input_usd_per_million] Cached input price (USD per million tokens). Default 10% of the input price, the discount OpenAI and DeepSeek list for cached input.
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
 * List price per million tokens of a model, from the built-in price catalog (USD per million tokens).
 * @customfunction MODEL_PRICE
 * @helpurl https://localhost:3000/help/model_price.html
 * @param model Model id in any case, such as "gpt-5.5" (model id, text).
 * @param kind Which price: "input", "cached_input" or "output" (price kind, text).
 * @returns The list price in USD per million tokens; #N/A for an unknown model or a price the catalog lacks.
 */
export function modelPrice(model: any[][], kind: PriceKind[][]): any[][] {
  return callForExcel(MODEL_PRICE, [model, kind]);
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
 * Cost of one used GPU-hour, from a total cost over the cluster's life (USD per GPU-hour).
 * @customfunction GPU_HOUR_COST
 * @helpurl https://localhost:3000/help/gpu_hour_cost.html
 * @param total_cost Total cost over the life, see AICOST.GPU_TCO (USD).
 * @param gpu_count GPUs in the cluster, above 0 (GPUs).
 * @param years Life the cost is spread over, above 0 (years).
 * @param [utilization] Share of hours the GPUs do useful work (fraction 0..1, above 0). Default 1.
 * @returns total_cost ÷ (gpu_count × years × 8760 × utilization), in USD per GPU-hour.
 */
export function gpuHourCost(total_cost: any[][], gpu_count: any[][], years: any[][], utilization?: any[][]): any[][] {
  return callForExcel(GPU_HOUR_COST, [total_cost, gpu_count, years, utilization]);
}

/**
 * Cost per million tokens of serving a model on your own GPUs (USD per million tokens).
 * @customfunction SELF_HOST_PRICE
 * @helpurl https://localhost:3000/help/self_host_price.html
 * @param gpu_hour_cost All-in cost of one GPU-hour, see AICOST.GPU_HOUR_COST (USD per GPU-hour).
 * @param tokens_per_second_per_gpu Serving throughput of one GPU at full load, above 0 (tokens per second per GPU).
 * @param [utilization] Share of GPU time spent serving (fraction 0..1, above 0). Default 1.
 * @returns gpu_hour_cost ÷ (tokens_per_second_per_gpu × 3600 × utilization) × 1,000,000, in USD per million tokens.
 */
export function selfHostPrice(gpu_hour_cost: any[][], tokens_per_second_per_gpu: any[][], utilization?: any[][]): any[][] {
  return callForExcel(SELF_HOST_PRICE, [gpu_hour_cost, tokens_per_second_per_gpu, utilization]);
}

/*
 * The time functions. A cash-flow row has years + 1 cells: the start (year 0,
 * "Initial"), then years 1..N, so rows add and subtract cell by cell. A single
 * value in each argument gives one row; a column (or row) of scenario values
 * gives one row per value. Conventions as Forrester's TEI: the start
 * undiscounted, each year's cash at its end, ROI = net ÷ costs.
 */

/**
 * Cash spent on a GPU cluster per year, a row from the start (year 0) to year N: hardware at the start and at each refresh, running costs every year, less the residual value in the last year (USD per year, a row from the start (year 0) to year N).
 * @customfunction GPU_CASH_FLOWS
 * @helpurl https://localhost:3000/help/gpu_cash_flows.html
 * @param gpu_count GPUs in the cluster (GPUs).
 * @param gpu_unit_price Purchase price of one GPU (USD per GPU).
 * @param years Years covered after the start, a whole number from 1 to 50 (years).
 * @param [power_cost_per_year] Electricity for the whole cluster, see AICOST.GPU_POWER_COST (USD per year). Default 0.
 * @param [other_costs_per_year] Staff, networking, space and other operations (USD per year). Default 0.
 * @param [capex_markup] Servers, networking and build-out bought with the GPUs, 0.5 for 50% (fraction of GPU hardware cost). Default 0.
 * @param [refresh_years] The hardware is bought again at the end of every this many years, 0 for never (years). Default 0.
 * @param [residual_share] Share of the last hardware purchase recovered in the last year, 0 to 1 (fraction 0..1 of the hardware cost). Default 0.
 * @returns A row of years + 1 cells in USD; with no refresh and no residual it sums to AICOST.GPU_TCO.
 */
export function gpuCashFlows(
  gpu_count: any[][],
  gpu_unit_price: any[][],
  years: any[][],
  power_cost_per_year?: any[][],
  other_costs_per_year?: any[][],
  capex_markup?: any[][],
  refresh_years?: any[][],
  residual_share?: any[][],
): any[][] {
  return callTimeForExcel(GPU_CASH_FLOWS, [
    gpu_count,
    gpu_unit_price,
    years,
    power_cost_per_year,
    other_costs_per_year,
    capex_markup,
    refresh_years,
    residual_share,
  ]);
}

/**
 * Labor cost saved by cutting jobs per year: one-time costs at the start as a negative saving, a partial first year, then yearly savings (USD per year, a row from the start (year 0) to year N).
 * @customfunction SAVINGS_CASH_FLOWS
 * @helpurl https://localhost:3000/help/savings_cash_flows.html
 * @param headcount Jobs cut (employees).
 * @param cost_per_employee Fully loaded annual cost of one employee in year 1 (USD per employee per year).
 * @param years Years of savings covered after the start, a whole number from 1 to 50 (years).
 * @param [first_year_fraction] Share of year 1 the cut is in effect, 226/365 for a cut effective 20 May (fraction 0..1 of a year). Default 1.
 * @param [annual_cost_growth] Yearly growth of the cost per employee after year 1, 0.03 for 3% (fraction per year). Default 0.
 * @param [one_time_cost_per_employee] One-time cost of each cut, such as severance, paid at the start (USD per employee). Default 0.
 * @returns A row of years + 1 cells in USD; with the defaults it sums to AICOST.LABOR_SAVINGS.
 */
export function savingsCashFlows(
  headcount: any[][],
  cost_per_employee: any[][],
  years: any[][],
  first_year_fraction?: any[][],
  annual_cost_growth?: any[][],
  one_time_cost_per_employee?: any[][],
): any[][] {
  return callTimeForExcel(SAVINGS_CASH_FLOWS, [
    headcount,
    cost_per_employee,
    years,
    first_year_fraction,
    annual_cost_growth,
    one_time_cost_per_employee,
  ]);
}

/**
 * Inference cost per year from the tokens used in year 1 and their price, each changing by a fixed rate a year (USD per year, a row from the start (year 0) to year N).
 * @customfunction TOKEN_COST_CASH_FLOWS
 * @helpurl https://localhost:3000/help/token_cost_cash_flows.html
 * @param tokens_per_year Tokens used in year 1 (tokens per year).
 * @param usd_per_million_tokens Price of a million tokens in year 1 (USD per million tokens).
 * @param years Years covered after the start, a whole number from 1 to 50 (years).
 * @param [price_change_per_year] Yearly change of the price, -0.3 for prices falling 30% a year (fraction per year). Default 0.
 * @param [volume_growth_per_year] Yearly growth of the tokens used, 0.5 for 50% more each year (fraction per year). Default 0.
 * @returns A row of years + 1 cells in USD, nothing at the start; year 1 equals AICOST.TOKEN_COST over a year.
 */
export function tokenCostCashFlows(
  tokens_per_year: any[][],
  usd_per_million_tokens: any[][],
  years: any[][],
  price_change_per_year?: any[][],
  volume_growth_per_year?: any[][],
): any[][] {
  return callTimeForExcel(TOKEN_COST_CASH_FLOWS, [
    tokens_per_year,
    usd_per_million_tokens,
    years,
    price_change_per_year,
    volume_growth_per_year,
  ]);
}

/**
 * Book depreciation of an asset per year, years 1 to N with no start cell: straight line, double-declining balance switching to straight line as Excel's VDB, or sum of years' digits (USD per year, a row for years 1 to N (no start cell)).
 * @customfunction DEPRECIATION
 * @helpurl https://localhost:3000/help/depreciation.html
 * @param cost Purchase cost of the asset (USD).
 * @param useful_life_years Useful life, above 0, such as 5.5 for Meta's servers (years).
 * @param years Years shown, a whole number from 1 to 50 (years).
 * @param [method] "straight_line", "declining_balance" or "sum_of_years" (method, text). Default straight_line.
 * @param [salvage] Value at the end of the useful life, at most the cost (USD). Default 0.
 * @param [first_year_fraction] Share of year 1 the asset is in service, above 0 and at most 1, like Excel's DB months ÷ 12 (fraction of a year). Default 1.
 * @returns A row of years cells in USD; over the whole life it sums to cost − salvage.
 */
export function depreciation(
  cost: any[][],
  useful_life_years: any[][],
  years: any[][],
  method?: any[][],
  salvage?: any[][],
  first_year_fraction?: any[][],
): any[][] {
  return callTimeForExcel(DEPRECIATION, [cost, useful_life_years, years, method, salvage, first_year_fraction]);
}

/**
 * Present value of a row of cash flows, the first at the start undiscounted, then one at the end of each year: first + NPV(rate, rest), but a blank is a year with no cash (USD).
 * @customfunction PRESENT_VALUE
 * @helpurl https://localhost:3000/help/present_value.html
 * @param cash_flows One row or column of cash flows from the start; several rows give one result per row (USD per year, from the start (year 0)).
 * @param discount_rate Discount rate, above -1, 0.1 for 10% a year; a row or column of rates gives a value per rate (fraction per year).
 * @returns Σ cash_flows[k] ÷ (1 + discount_rate)^k for k from 0, in USD.
 */
export function presentValue(cash_flows: any[][], discount_rate: any[][]): any[][] {
  return callTimeForExcel(PRESENT_VALUE, [cash_flows, discount_rate]);
}

/**
 * Years until the cumulative net cash, discounted when a rate is given, first reaches zero, interpolated within the year it turns (years).
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/help/payback.html
 * @param net_cash_flows One row or column of net cash (benefits − costs) from the start; several rows give one result per row (USD per year, from the start (year 0)).
 * @param [discount_rate] Discount rate, above -1, 0.1 for 10% a year (fraction per year). Default 0.
 * @returns Years to pay back: 0 when the start is not negative; #N/A when it does not pay back within the years given.
 */
export function payback(net_cash_flows: any[][], discount_rate?: any[][]): any[][] {
  return callTimeForExcel(PAYBACK, [net_cash_flows, discount_rate]);
}

/**
 * Return on investment, TEI's definition: (PV of benefits − PV of costs) ÷ PV of costs (fraction (1 for 100%)).
 * @customfunction ROI
 * @helpurl https://localhost:3000/help/roi.html
 * @param costs One row or column of costs from the start, positive amounts spent (USD per year, from the start (year 0)).
 * @param benefits One row or column of benefits from the start, on the same years as the costs (USD per year, from the start (year 0)).
 * @param [discount_rate] Discount rate, above -1, 0.1 for 10% a year (fraction per year). Default 0.
 * @returns The return as a fraction; #DIV/0! when the costs' present value is 0.
 */
export function roi(costs: any[][], benefits: any[][], discount_rate?: any[][]): any[][] {
  return callTimeForExcel(ROI, [costs, benefits, discount_rate]);
}
