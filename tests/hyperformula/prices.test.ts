/*
 * USAGE_COST and MODEL_PRICE in HyperFormula (the preview and the command line):
 * the same results as genai-prices' calcPrice, with dates typed into cells,
 * ranges that spill, and the same errors.
 */
import { calcPrice } from "@pydantic/genai-prices";
import { DetailedCellError } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBundledProviders } from "../../src/calc";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";

beforeAll(async () => {
  await loadBundledProviders();
});

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

describe("AICOST.USAGE_COST and AICOST.MODEL_PRICE in HyperFormula", () => {
  it("price a usage as calcPrice does, with the date typed into a cell", () => {
    const engine = createAicostEngine({
      Sheet1: [
        ["gpt-5.5", 60000, 1500, 45000, "2026-04-24", '=AICOST.USAGE_COST(A1, B1, C1, D1, 0, "openai", E1)'],
        ["deepseek-v4-flash", 60000, 1500, 45000, "2026-09-01", "=AICOST.USAGE_COST(A2, B2, C2, D2, , , E2)"],
        ["deepseek-v4-flash", 60000, 1500, 45000, "2026-09-01T02:00Z", '=AICOST.USAGE_COST(A3, B3, C3, D3, , , "2026-09-01T02:00Z")'],
      ],
    });
    const value = (row: number) => engine.getCellValue({ sheet: 0, row, col: 5 });
    const usage = { input_tokens: 60000, output_tokens: 1500, cache_read_tokens: 45000, cache_write_tokens: 0 };
    expect(value(0)).toBe(calcPrice(usage, "gpt-5.5", { providerId: "openai", timestamp: noon("2026-04-24") })?.total_price);
    expect(value(1)).toBe(calcPrice(usage, "deepseek-v4-flash", { timestamp: noon("2026-09-01") })?.total_price);
    expect(value(2)).toBe(calcPrice(usage, "deepseek-v4-flash", { timestamp: new Date("2026-09-01T02:00:00Z") })?.total_price);
    engine.destroy();
  });

  it("spill over a column of request sizes, across GPT-5.5's long-context tier", () => {
    const engine = createAicostEngine({
      Sheet1: [[271_999], [272_000], [1_000_000], ['=AICOST.MODEL_PRICE("gpt-5.5", "input", "2026-04-24", A1:A3)']],
    });
    expect(engine.getCellValue({ sheet: 0, row: 3, col: 0 })).toBe(5);
    expect(engine.getCellValue({ sheet: 0, row: 4, col: 0 })).toBe(10);
    expect(engine.getCellValue({ sheet: 0, row: 5, col: 0 })).toBe(10);
    engine.destroy();
  });

  it("give #N/A with the closest model ids for an unknown model, and #NUM! for more cached than input tokens", () => {
    const engine = createAicostEngine({
      Sheet1: [['=AICOST.MODEL_PRICE("gtp-5.5", "input")', "=AICOST.USAGE_COST(\"gpt-5.5\", 10, 1, 11)"]],
    });
    const unknown = engine.getCellValue({ sheet: 0, row: 0, col: 0 });
    expect(unknown).toBeInstanceOf(DetailedCellError);
    expect((unknown as DetailedCellError).value).toBe("#N/A");
    expect((unknown as DetailedCellError).message).toMatch(/closest model ids: .*gpt-5\.5/);
    expect((engine.getCellValue({ sheet: 0, row: 0, col: 1 }) as DetailedCellError).value).toBe("#NUM!");
    engine.destroy();
  });
});
