/*
 * The block the price browser inserts for a model: its lines, "not listed"
 * where a price is not (never a 0), and formulas that give the listed price in
 * both engines: the preview's HyperFormula plugin and the Excel function
 * wrapper (src/functions), for every model of a few providers, tiers included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCatalog, loadBundledProviders, type CatalogRow, type Provider } from "../../src/calc";
import { modelPrice } from "../../src/functions/functions";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { formulaPricesRow } from "../../src/taskpane/priceBrowserView";
import { formulaText, modelPriceFormula, priceBlock, usdPerMillionFormat } from "../../src/taskpane/priceBlock";
import { installCustomFunctionsStandIn, type CustomFunctionsStandIn } from "../functions/customFunctionsStandIn";

let providers: readonly Provider[];
let standIn: CustomFunctionsStandIn;
beforeAll(async () => {
  providers = await loadBundledProviders();
  standIn = installCustomFunctionsStandIn();
});
afterAll(() => standIn.restore());

const source = { providerName: "OpenAI", pricingUrl: "https://openai.com/api/pricing/", dataLabel: "genai-prices 0.1.8", dataDate: "2026-09-23", asOf: "now" };
const texts = (block: ReturnType<typeof priceBlock>): unknown[][] =>
  block.map((line) => line.map((cell) => (cell === null ? null : cell.content.kind === "text" ? cell.content.text : cell.content.kind === "formula" ? cell.content.formula : cell.content.value)));

/** The arguments of a MODEL_PRICE formula as the block writes them: text in quotes, the prompt size a number. */
function argsOf(formula: string): (string | number)[] {
  const inner = /^=AICOST\.MODEL_PRICE\((.*)\)$/.exec(formula)?.[1] ?? "";
  return [...inner.matchAll(/"((?:[^"]|"")*)"|(\d+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : Number(m[2])));
}

describe("priceBlock", () => {
  it("writes a title with the data's version and date, the source, one row per price and per tier, and not listed for a missing price", () => {
    const row = listCatalog(providers, { at: new Date("2026-11-29T12:00:00Z"), provider: "openai", search: "gpt-5.5" }).find((r) => r.model === "gpt-5.5") as CatalogRow;
    const block = priceBlock(row, source);
    expect(texts(block)).toEqual([
      ["GPT-5.5 (gpt-5.5), OpenAI: genai-prices 0.1.8, data 2026-09-23", null],
      ["Source: https://openai.com/api/pricing/", null],
      ["Input (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","input","now",0,"openai")'],
      ["Cached input (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","cached_input","now",0,"openai")'],
      ["Cache write (USD per million tokens)", "not listed"],
      ["Output (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","output","now",0,"openai")'],
      ["Input, prompts of 272,000 tokens or more (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","input","now",272000,"openai")'],
      ["Cached input, prompts of 272,000 tokens or more (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","cached_input","now",272000,"openai")'],
      ["Output, prompts of 272,000 tokens or more (USD per million tokens)", '=AICOST.MODEL_PRICE("gpt-5.5","output","now",272000,"openai")'],
    ]);
    expect(block[2]?.[1]?.numberFormat).toBe(usdPerMillionFormat);
    const dated = priceBlock(row, { ...source, asOf: "2026-04-24" });
    expect(texts(dated)[0]?.[0]).toBe("GPT-5.5 (gpt-5.5), OpenAI: genai-prices 0.1.8, data 2026-09-23, prices as of 2026-04-24");
    expect(texts(dated)[2]?.[1]).toBe('=AICOST.MODEL_PRICE("gpt-5.5","input","2026-04-24",0,"openai")');
    const noUrl = priceBlock(row, { providerName: source.providerName, dataLabel: source.dataLabel, dataDate: source.dataDate, asOf: source.asOf });
    expect(texts(noUrl)).toEqual(texts(block).filter((line) => !String(line[0]).startsWith("Source:")));
  });

  it("quotes text in formulas as Excel does", () => {
    expect(formulaText('a "quoted" id')).toBe('"a ""quoted"" id"');
    expect(argsOf(modelPriceFormula({ model: 'x"y', provider: "p" } as CatalogRow, "input", "now"))).toEqual(['x"y', "input", "now", 0, "p"]);
  });

  it("gives, in HyperFormula and in the Excel wrapper alike, the price the list shows, for every insertable model of several providers and dates", () => {
    for (const asOf of ["2026-04-24", "2026-09-01"]) {
      const at = new Date(`${asOf}T12:00:00Z`);
      const listed = listCatalog(providers, { at }).filter((r) => ["openai", "anthropic", "deepseek", "google", "github-copilot"].includes(r.provider));
      // The browser inserts only the rows whose id and provider MODEL_PRICE resolves to the row's own model.
      const rows = listed.filter((r) => formulaPricesRow(r, at));
      expect(rows.length).toBeGreaterThan(100);
      expect(listed.length - rows.length).toBeLessThan(listed.length / 10);
      const formulas: { formula: string; want: number }[] = [];
      for (const row of rows) {
        const block = priceBlock(row, { ...source, asOf });
        for (const line of block) {
          const cell = line[1];
          if (cell?.content.kind !== "formula") continue;
          const [, kind, , prompt] = argsOf(cell.content.formula) as [string, string, string, number, string];
          const tier = row.tiers.find((t) => t.kind === kind && t.abovePromptTokens + 1 === prompt);
          const base = { input: row.inputUsdPerMillion, cached_input: row.cachedInputUsdPerMillion, cache_write: row.cacheWriteUsdPerMillion, output: row.outputUsdPerMillion }[kind];
          formulas.push({ formula: cell.content.formula, want: prompt === 0 ? (base as number) : (tier?.usdPerMillion as number) });
        }
      }
      const engine = createAicostEngine({ Sheet1: formulas.map((f) => [f.formula]) });
      formulas.forEach(({ formula, want }, index) => {
        const args = argsOf(formula);
        const excel = (modelPrice as (...a: unknown[]) => unknown[][])(...args.map((a) => [[a]]))[0]?.[0];
        expect(engine.getCellValue({ sheet: 0, row: index, col: 0 }), formula).toBe(want);
        expect(excel, formula).toBe(want);
      });
      engine.destroy();
    }
  });
});
