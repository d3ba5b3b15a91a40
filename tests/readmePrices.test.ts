/*
 * The README's figures about prices: the catalog it names (version, size, newest
 * dated price), the self-hosting chain worked through GPU_HOUR_COST and
 * SELF_HOST_PRICE, and the agent workload priced with USAGE_COST.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  catalogModelIds,
  evaluateScalar,
  GPU_HOUR_COST,
  genaiPricesPublishedOn,
  genaiPricesVersion,
  latestPriceStartDate,
  loadBundledProviders,
  SELF_HOST_PRICE,
  USAGE_COST,
  type Provider,
} from "../src/calc";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8").replace(/\s+/g, " ");
let providers: readonly Provider[];

beforeAll(async () => {
  providers = await loadBundledProviders();
});

function number(result: unknown): number {
  if (typeof result !== "number") throw new Error(`expected a number, got ${JSON.stringify(result)}`);
  return result;
}

describe("README: the price catalog", () => {
  it("names the genai-prices version, its size and its newest dated price", () => {
    const models = providers.reduce((sum, p) => sum + p.models.length, 0);
    expect(readme).toContain(`genai-prices ${genaiPricesVersion}**, ${providers.length} providers and ${models.toLocaleString("en-US")} models`);
    expect(catalogModelIds(providers).length).toBeLessThanOrEqual(models);
    expect(readme).toContain(`Its newest dated price starts on ${latestPriceStartDate(providers) ?? "none"}`);
  });

  it("names, for the pane's price list, the data's version and date and the number of providers", () => {
    expect(readme).toContain(`models of ${providers.length} providers`);
    expect(readme).toContain(`"genai-prices ${genaiPricesVersion}, data ${genaiPricesPublishedOn}"`);
    expect(readme).toContain(`(${genaiPricesVersion}: ${genaiPricesPublishedOn})`);
    expect(readme).toContain('`=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")`');
  });
});

describe("README: from a GPU cluster to a price per token", () => {
  const hour = (utilization?: number) => number(evaluateScalar(GPU_HOUR_COST, [3_504_000_000, 100_000, 4, utilization]));
  const perToken = (gpuHour: number, utilization?: number) => number(evaluateScalar(SELF_HOST_PRICE, [gpuHour, 3600, utilization]));

  it("shows both correct chains and the wrong one", () => {
    expect(readme).toContain("=AICOST.SELF_HOST_PRICE(AICOST.GPU_HOUR_COST(3504000000, 100000, 4), 3600, 0.55)");
    expect(readme).toContain("=AICOST.SELF_HOST_PRICE(AICOST.GPU_HOUR_COST(3504000000, 100000, 4, 0.55), 3600)");
    expect(readme).toContain("=AICOST.SELF_HOST_PRICE(AICOST.GPU_HOUR_COST(3504000000, 100000, 4, 0.55), 3600, 0.55)");
  });

  it("utilization given once, in either function, gives the same price; given twice it overstates by 1 ÷ utilization", () => {
    const right = perToken(hour(), 0.55);
    expect(perToken(hour(0.55))).toBeCloseTo(right, 12);
    expect(readme).toContain(`is $${right.toFixed(4)} per million tokens`);
    const wrong = perToken(hour(0.55), 0.55);
    expect(readme).toContain(`counts the idle hours twice: $${wrong.toFixed(4)}, ${(wrong / right).toFixed(2)}× too high`);
    expect(wrong / right).toBeCloseTo(1 / 0.55, 12);
  });
});

describe("README: an agent workload priced by usage", () => {
  const requestsPerYear = 30 * 24 * 365 * 10_000;
  const millions = (usd: number, digits: number) => `$${(usd / 1e6).toFixed(digits)}M`;
  const request = (model: string, asOf: string, provider = "") => number(evaluateScalar(USAGE_COST, [model, 60_000, 1500, 45_000, 0, provider, asOf]));

  it("gives the fleet's yearly bill at the analysis's date and at later prices", () => {
    expect(readme).toContain(`is ${millions(request("gpt-5.5", "2026-04-24", "openai") * requestsPerYear, 1)} a year at the analysis's date`);
    expect(readme).toContain(`${millions(request("deepseek-v4-flash", "2026-04-24") * requestsPerYear, 2)} a year at the 2026-04-24 prices`);
    expect(readme).toContain(`${millions(request("deepseek-v4-flash", "2026-11-29") * requestsPerYear, 1)} at the off-peak prices from 2026-08-17`);
    expect(readme).toContain(`${millions(request("deepseek-v4-flash", "2026-11-29T02:00Z") * requestsPerYear, 1)} at peak prices`);
  });
});
