/*
 * A genai-prices data file as untrusted input: the bundled catalog, written out
 * as JSON, is accepted; a corpus of bad files is each refused with a message
 * that says where and why.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkPriceData, loadBundledProviders, priceDataMaxBytes, type Provider } from "../../src/calc";

let bundled: readonly Provider[];
beforeAll(async () => {
  bundled = await loadBundledProviders();
});

const provider = (models: unknown[], extra: object = {}) => ({ id: "acme", name: "Acme", api_pattern: "https://api\\.acme\\.test", models, ...extra });
const model = (prices: unknown, extra: object = {}) => ({ id: "acme-1", match: { equals: "acme-1" }, prices, ...extra });
const file = (value: unknown) => JSON.stringify(value);

/** Bad files, each with the path its first issue names and words its message contains. */
const corpus: readonly (readonly [name: string, text: string, path: string, says: RegExp])[] = [
  ["not JSON", "{providers: }", "", /not JSON/],
  ["empty file", "", "", /not JSON/],
  ["an object, not a list", file({ providers: [] }), "", /list of providers/],
  ["no providers", file([]), "", /1 to 1000 providers/],
  ["a provider that is a string", file(["acme"]), "[0]", /must be a provider/],
  ["a provider without an id", file([{ ...provider([model({ input_mtok: 1 })]), id: undefined }]), "[0].id", /text/],
  ["models not a list", file([provider({} as unknown as unknown[])]), "[0].models", /list/],
  ["a negative price", file([provider([model({ input_mtok: -1 })])]), "[0].models[0].prices.input_mtok", /0 or more/],
  ["a price as text", file([provider([model({ input_mtok: "1.5" })])]), "[0].models[0].prices.input_mtok", /finite price/],
  ["an infinite price", '[{"id":"acme","name":"Acme","api_pattern":"x","models":[{"id":"m","match":{"equals":"m"},"prices":{"input_mtok":1e999}}]}]', "[0].models[0].prices.input_mtok", /finite price/],
  ["a tier with a negative start", file([provider([model({ input_mtok: { base: 1, tiers: [{ start: -5, price: 2 }] } })])]), "[0].models[0].prices.input_mtok.tiers[0]", /whole-number start/],
  ["a tier without a price", file([provider([model({ input_mtok: { base: 1, tiers: [{ start: 5 }] } })])]), "[0].models[0].prices.input_mtok.tiers[0]", /finite price/],
  ["a start date that is no date", file([provider([model([{ prices: { input_mtok: 1 } }, { constraint: { start_date: "2026-13-45", type: "start_date" }, prices: { input_mtok: 2 } }])])]), "[0].models[0].prices[1].constraint", /start date/],
  ["a time window without times", file([provider([model([{ prices: { input_mtok: 1 } }, { constraint: { type: "time_of_date" }, prices: { input_mtok: 2 } }])])]), "[0].models[0].prices[1].constraint", /time-of-day/],
  ["an unknown match rule", file([provider([model({ input_mtok: 1 }, { match: { like: "acme%" } })])]), "[0].models[0].match", /unknown match rule/],
  ["a regex that does not compile", file([provider([model({ input_mtok: 1 }, { match: { regex: "acme(" } })])]), "[0].models[0].match.regex", /not a valid regular expression/],
  ["a regex with a nested quantifier", file([provider([model({ input_mtok: 1 }, { match: { regex: "^(a+)+$" } })])]), "[0].models[0].match.regex", /backtracking/],
  ["match rules nested too deep", file([provider([model({ input_mtok: 1 }, { match: JSON.parse(`${'{"or":['.repeat(20)}{"equals":"x"}${"]}".repeat(20)}`) })])]), `[0].models[0].match${".or[0]".repeat(13)}`, /more than 12 deep/],
  ["a price genai-prices cannot use (a child price without its parent)", file([provider([model({ cache_write_1h_mtok: 6, output_mtok: 1 })])]), "[0].models[0].prices", /genai-prices cannot price it/],
  ["too large", `[${" ".repeat(priceDataMaxBytes)}]`, "", /over the limit/],
];

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
