/*
 * A genai-prices data file as untrusted input: the bundled catalog, written out
 * as JSON, is accepted; a corpus of bad files is each refused with a message
 * that says where and why.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkPriceData, loadBundledProviders, type Provider } from "../../src/calc";
import { badPriceDataCorpus, file, model, provider } from "../fixtures/badPriceData";

let bundled: readonly Provider[];
beforeAll(async () => {
  bundled = await loadBundledProviders();
});

const corpus = badPriceDataCorpus;

describe("checkPriceData", () => {
  it("accepts genai-prices' own data, written out as JSON, with every model", () => {
    const result = checkPriceData(JSON.stringify(bundled));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.modelCount).toBe(bundled.reduce((sum, p) => sum + p.models.length, 0));
  });

  it("accepts a small valid file with dated, hourly and tiered prices", () => {
    const prices = [
      { prices: { input_mtok: 1, output_mtok: 2 } },
      { constraint: { start_date: "2026-08-17", type: "start_date" }, prices: { input_mtok: { base: 1.5, tiers: [{ start: 200_000, price: 3 }] }, output_mtok: 3 } },
      { constraint: { start_time: "01:00:00Z", end_time: "04:00:00Z", type: "time_of_date" }, prices: { input_mtok: 3, output_mtok: 6 } },
    ];
    const result = checkPriceData(file([provider([model(prices)])]));
    expect(result.ok).toBe(true);
  });

  for (const [name, text, path, says] of corpus) {
    it(`refuses ${name}, saying where and why`, () => {
      const result = checkPriceData(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues[0]?.path).toBe(path);
      expect(result.issues[0]?.message).toMatch(says);
      expect(result.issues.length).toBeLessThanOrEqual(20);
    });
  }
});
