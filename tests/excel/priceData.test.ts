/*
 * The price data the Excel host keeps in the workbook: custom XML parts of at
 * most 1 MB of data each, each written and read back in a sync of its own;
 * "kept" only once every part reads back; the old data goes only then; a set
 * that is incomplete or damaged is ignored with a message; nothing else in the
 * workbook (other add-ins' parts, the user's presets) is touched.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/excel/officeHost";
import type { PriceDataKeeper, StoredPriceData } from "../../src/workbook/host";
import { priceDataChunkChars, priceDataNamespace, priceDataPartsXml } from "../../src/workbook/priceDataRecord";
import { FakeExcel } from "./fakeExcel";

const otherPart = '<settings xmlns="http://example.com/other-add-in"><theme>dark</theme></settings>';

function setUp(): { excel: FakeExcel; keeper: PriceDataKeeper } {
  const excel = new FakeExcel([{ name: "Sheet1" }], { customXmlParts: [otherPart] });
  const keeper = createOfficeHost(excel.environment()).priceData as PriceDataKeeper;
  return { excel, keeper };
}

const pricePartCount = (excel: FakeExcel): number => excel.workbook.customXmlParts.filter((p) => p.namespaceUri === priceDataNamespace).length;

/** Data whose text crosses two part boundaries, with what XML must escape and an emoji on the first boundary. */
function bigData(fetchedAt = "2026-11-29T12:00:00.000Z"): StoredPriceData {
  const head = `[{"note":"a < b && c > d ]]> \ufffe`;
  const filler = "x".repeat(priceDataChunkChars - head.length - 1);
  return { text: `${head}${filler}😀${"y".repeat(priceDataChunkChars + 10)}"}]`, fetchedAt, source: "https://example.test/data.json?a=1&b=2" };
}

describe("the Excel host's price data", () => {
  it("keeps data of more than 2 MB as three parts, each added and read back in its own sync, and reads it back the same", async () => {
    const { excel, keeper } = setUp();
    const data = bigData();
    await keeper.keep(data);
    expect(pricePartCount(excel)).toBe(3);
    expect(excel.calls.filter((call) => call.startsWith("CustomXmlPartCollection.add")).length).toBe(3);
    const read = await keeper.read();
    expect(read.unreadable).toEqual([]);
    expect(read.data?.fetchedAt).toBe(data.fetchedAt);
    expect(read.data?.source).toBe(data.source);
    expect(JSON.parse(read.data?.text ?? "")).toEqual(JSON.parse(data.text));
    // Another add-in's part is untouched.
    expect(excel.workbook.customXmlParts.some((p) => p.namespaceUri === "http://example.com/other-add-in")).toBe(true);
  });

  it("replaces kept data only once the new parts read back; a part Excel does not keep as written leaves the old data kept", async () => {
    const { excel, keeper } = setUp();
    const first: StoredPriceData = { text: '[{"a":1}]', fetchedAt: "2026-11-01T00:00:00.000Z", source: "https://example.test/1" };
    await keeper.keep(first);
    excel.storesXmlAs = (xml) => xml.replace("😀", "?");
    await expect(keeper.keep(bigData())).rejects.toThrow(/does not read back.*prices in use are unchanged/);
    expect((await keeper.read()).data).toEqual(first);
    expect(pricePartCount(excel)).toBe(1);
    excel.storesXmlAs = (xml) => xml;
    const second: StoredPriceData = { text: '[{"a":2}]', fetchedAt: "2026-11-29T00:00:00.000Z", source: "https://example.test/2" };
    await keeper.keep(second);
    expect((await keeper.read()).data).toEqual(second);
    expect(pricePartCount(excel)).toBe(1);
  });

  it("keeps the new data when the old parts cannot be deleted afterwards: readers take the newest set", async () => {
    const { excel, keeper } = setUp();
    const first: StoredPriceData = { text: '[{"a":1}]', fetchedAt: "2026-11-01T00:00:00.000Z", source: "https://example.test/1" };
    await keeper.keep(first);
    excel.failOn("CustomXmlPart.delete");
    const second: StoredPriceData = { text: '[{"a":2}]', fetchedAt: "2026-11-29T00:00:00.000Z", source: "https://example.test/2" };
    await keeper.keep(second);
    expect((await keeper.read()).data).toEqual(second);
  });

  it("removes the kept data, and says when there was none", async () => {
    const { excel, keeper } = setUp();
    expect(await keeper.remove()).toBe(false);
    await keeper.keep(bigData());
    expect(await keeper.remove()).toBe(true);
    expect(pricePartCount(excel)).toBe(0);
    expect((await keeper.read()).data).toBeNull();
    expect(excel.workbook.customXmlParts.length).toBe(1);
  });

  it("ignores an incomplete set and a damaged part, with a message each, and uses a complete set beside them", async () => {
    const good: StoredPriceData = { text: '[{"a":1}]', fetchedAt: "2026-11-01T00:00:00.000Z", source: "s" };
    const incomplete = priceDataPartsXml(bigData("2026-12-01T00:00:00.000Z"), "k0123456789abcdef0123456789abcdef").slice(0, 2);
    const excel = new FakeExcel([{ name: "Sheet1" }], {
      customXmlParts: [
        ...priceDataPartsXml(good, "kfedcba9876543210fedcba9876543210"),
        ...incomplete,
        `<aicostPriceData xmlns="${priceDataNamespace}" set="nope" index="0" count="1">[]</aicostPriceData>`,
      ],
    });
    const read = await (createOfficeHost(excel.environment()).priceData as PriceDataKeeper).read();
    expect(read.data).toEqual(good);
    expect(read.unreadable).toEqual([
      "Price data stored in this workbook could not be read: a part has no valid set key.",
      "Price data stored in this workbook is incomplete (a part is missing) and is ignored.",
    ]);
  });

  it("recalculates the whole workbook (Application.calculate Full)", async () => {
    const { excel, keeper } = setUp();
    await keeper.recalculate();
    expect(excel.calculations).toEqual(["Full"]);
  });
});
