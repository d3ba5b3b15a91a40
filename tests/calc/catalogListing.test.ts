import { beforeAll, describe, expect, it } from "vitest";
import { catalogRowMatches, evaluateScalar, hasTimeOfDayPrices, listCatalog, loadBundledProviders, MODEL_PRICE, type ModelInfo, type Provider } from "../../src/calc";

let providers: readonly Provider[];
beforeAll(async () => {
  providers = await loadBundledProviders();
});

const at = (iso: string) => new Date(iso);

describe("listCatalog", () => {
  it("lists a model's prices at a moment, null where none is listed, with its tiers", () => {
    const [gpt] = listCatalog(providers, { search: "gpt-5.5-pro", provider: "openai", at: at("2026-04-24T12:00:00Z") });
    expect(gpt).toMatchObject({
      provider: "openai",
      model: "gpt-5.5-pro",
      inputUsdPerMillion: 30,
      cachedInputUsdPerMillion: null,
      cacheWriteUsdPerMillion: null,
      outputUsdPerMillion: 180,
      startsOn: null,
    });
    expect(gpt?.tiers).toEqual([
      { kind: "input", abovePromptTokens: 271_999, usdPerMillion: 60 },
      { kind: "output", abovePromptTokens: 271_999, usdPerMillion: 270 },
    ]);
  });

  it("picks the price in force as genai-prices does: before and after a dated change, in and out of peak hours", () => {
    const flash = (iso: string) => listCatalog(providers, { search: "deepseek-v4-flash", provider: "deepseek", at: at(iso) })[0];
    expect(flash("2026-04-24T12:00:00Z")).toMatchObject({ inputUsdPerMillion: 0.14, startsOn: null });
    expect(flash("2026-09-01T12:00:00Z")).toMatchObject({ inputUsdPerMillion: 0.22, outputUsdPerMillion: 0.66, startsOn: "2026-08-17" });
    expect(flash("2026-09-01T02:00:00Z")).toMatchObject({ inputUsdPerMillion: 0.44, startsOn: null });
  });

  it("tells the models whose price depends on the time of day (hasTimeOfDayPrices)", () => {
    const model = (provider: string, id: string): ModelInfo => {
      const found = providers.find((p) => p.id === provider)?.models.find((m) => m.id === id);
      expect(found, `${provider} ${id}`).toBeDefined();
      return found as ModelInfo;
    };
    expect(hasTimeOfDayPrices(model("deepseek", "deepseek-chat"))).toBe(true);
    expect(hasTimeOfDayPrices(model("deepseek", "deepseek-v4-flash"))).toBe(true);
    expect(hasTimeOfDayPrices(model("openai", "gpt-5.5"))).toBe(false);
    expect(hasTimeOfDayPrices(model("anthropic", "claude-opus-4-5"))).toBe(false);
  });

  it("agrees with MODEL_PRICE for every model of a provider that MODEL_PRICE resolves to itself", () => {
    const moment = "2026-09-01T12:00:00Z";
    for (const row of listCatalog(providers, { provider: "anthropic", at: at(moment) })) {
      const result = evaluateScalar(MODEL_PRICE, [row.model, "input", moment, 0, row.provider]);
      if (typeof result === "number") expect(result, row.model).toBe(row.inputUsdPerMillion);
    }
  });

  it("searches provider ids, model ids and names, in any case; an unknown provider lists nothing", () => {
    const all = listCatalog(providers, { at: at("2026-04-24T12:00:00Z") });
    expect(all.length).toBeGreaterThan(1500);
    const sonnet = listCatalog(providers, { search: "SONNET", at: at("2026-04-24T12:00:00Z") });
    expect(sonnet.length).toBeGreaterThan(3);
    expect(sonnet.every((r) => `${r.provider} ${r.model} ${r.name}`.toLowerCase().includes("sonnet"))).toBe(true);
    expect(listCatalog(providers, { provider: "nope", at: at("2026-04-24T12:00:00Z") })).toEqual([]);
  });

  it("filters rows already listed exactly as it filters the catalog (catalogRowMatches), regular-expression characters as plain text", () => {
    const moment = at("2026-04-24T12:00:00Z");
    const all = listCatalog(providers, { at: moment });
    for (const options of [{ search: "SONNET" }, { search: " gpt-5 " }, { provider: "OpenAI" }, { provider: "anthropic", search: "4.5" }, { search: "gpt.5" }, { search: "(" }, { search: "🙂" }]) {
      expect(all.filter((row) => catalogRowMatches(row, options)), JSON.stringify(options)).toEqual(listCatalog(providers, { at: moment, ...options }));
    }
    expect(all.filter((row) => catalogRowMatches(row, { search: "gpt.5" }))).toEqual([]);
  });
});
