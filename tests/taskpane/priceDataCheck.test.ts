/*
 * The pane's price data check (src/taskpane/priceDataCheck.ts): what it accepts
 * is what the workbook keeps (the data written out as canonical JSON), and that
 * must pass the same checks when the workbook is opened again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { priceDataMaxBytes } from "../../src/calc/priceDataStore";
import { examinePriceData, installStored, storedOf, useBuiltIn } from "../../src/taskpane/priceDataCheck";
import { file, model, provider } from "../fixtures/badPriceData";

afterEach(() => useBuiltIn());

describe("examinePriceData", () => {
  it("refuses a file under the size limit whose numbers, written out as the workbook keeps them, take it over the limit", async () => {
    // "1e15" and "1e20" are written out in full (16 and 21 digits): the kept data is about twice the file.
    const tier = '{"start":1e15,"price":1e20}';
    const head = file([provider([model({ input_mtok: { base: 1, tiers: [] }, output_mtok: 1 })])]);
    const count = Math.floor((priceDataMaxBytes - head.length - 100) / (tier.length + 1));
    const text = head.replace('"tiers":[]', `"tiers":[${Array.from({ length: count }, () => tier).join(",")}]`);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(priceDataMaxBytes);
    const examined = await examinePriceData(text, "2026-11-29T23:00:00.000Z", "https://example.test/data.json");
    expect(examined.ok).toBe(false);
    if (!examined.ok) expect(examined.reason).toMatch(/over the limit/);
  }, 60_000);

  it("accepts a small file and what the workbook keeps of it installs again", async () => {
    const text = JSON.stringify([provider([model({ input_mtok: 1e20, output_mtok: 2 })])], null, 2);
    const examined = await examinePriceData(text, "2026-11-29T23:00:00.000Z", "https://example.test/data.json");
    if (!examined.ok) throw new Error(examined.reason);
    const again = await installStored(storedOf(examined.data));
    expect(again.ok).toBe(true);
  });
});
