import { describe, expect, it } from "vitest";
import {
  catalogModelIds,
  closestModelIds,
  genaiPricesPublishedOn,
  genaiPricesVersion,
  latestPriceStartDate,
  loadBundledProviders,
  type Provider,
} from "../../src/calc";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const providers = (): Promise<readonly Provider[]> => loadBundledProviders();

describe("the bundled genai-prices catalog", () => {
  it("is the installed package's version", () => {
    const main = createRequire(import.meta.url).resolve("@pydantic/genai-prices");
    const pkg = JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as { version: string };
    expect(genaiPricesVersion).toBe(pkg.version);
  });

  it("carries the day its version was published on npm, changed together with the version", () => {
    // From `npm view @pydantic/genai-prices time`: a new version needs its own date here and in genaiPrices.ts.
    const published: Record<string, string> = { "0.1.8": "2026-09-23" };
    expect(genaiPricesPublishedOn).toBe(published[genaiPricesVersion]);
  });

  it("lists every provider's models; its newest dated price is a real date", async () => {
    const all = await providers();
    expect(all.length).toBeGreaterThan(30);
    expect(catalogModelIds(all).length).toBeGreaterThan(1000);
    expect(catalogModelIds(all, "deepseek")).toContain("deepseek-v4-flash");
    expect(latestPriceStartDate(all)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(latestPriceStartDate([])).toBeNull();
  });

  it("suggests the closest model ids to a mistyped one, at most as many as asked", async () => {
    const all = await providers();
    expect(closestModelIds(all, "deepseek-v4-flsh")[0]).toBe("deepseek-v4-flash");
    expect(closestModelIds(all, "GPT-5.5-PRO")).toContain("gpt-5.5-pro");
    expect(closestModelIds(all, "claude", 3)).toHaveLength(3);
    expect(closestModelIds(all, "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).toEqual([]);
    expect(
      closestModelIds(all, "gpt-5.5", 5, "deepseek").every((id) => catalogModelIds(all, "deepseek").includes(id)),
    ).toBe(true);
  });
});
