/*
 * The parts a workbook keeps its price data in, read back: a set split at
 * characters of every width, duplicated parts, damaged parts.
 */
import { describe, expect, it } from "vitest";
import {
  priceDataChunkChars,
  priceDataOf,
  priceDataPartsXml,
  priceDataReadBackProblem,
} from "../../src/workbook/priceDataRecord";

const stored = (text: string) => ({
  text,
  fetchedAt: "2026-11-29T23:00:00.000Z",
  source: "https://example.test/data.json?a=1&b=<2>",
});
const set = "k0123456789abcdef0123456789abcdef";

describe("priceDataOf", () => {
  it("reads back text split where a chunk ends inside a surrogate pair, next to escapes and XML's special characters", () => {
    const text = `${"a".repeat(priceDataChunkChars - 1)}😀<&>"\\u0001${"é中".repeat(1000)}😀`;
    const data = stored(JSON.stringify([text]));
    const parts = priceDataPartsXml(data, set);
    expect(parts.length).toBe(2);
    expect(priceDataReadBackProblem(parts, data)).toBeUndefined();
    expect(priceDataOf(parts.map((xml, handle) => ({ handle, xml }))).data).toEqual(data);
  });

  it("reads back a part whose every character XML escapes (an ampersand is five characters as &amp;)", () => {
    const data = stored(JSON.stringify([{ description: "&".repeat(priceDataChunkChars) }]));
    const parts = priceDataPartsXml(data, set);
    expect(priceDataReadBackProblem(parts, data)).toBeUndefined();
  });

  it("uses a set one of whose parts is there twice, the same (the data is all there), and lists the copy as stale", () => {
    const data = stored(JSON.stringify(["x".repeat(priceDataChunkChars + 10)]));
    const parts = priceDataPartsXml(data, set);
    const read = priceDataOf([...parts, parts[0] as string].map((xml, handle) => ({ handle, xml })));
    expect(read.data).toEqual(data);
    expect(read.unreadable).toEqual([]);
    expect(read.stale).toEqual([2]);
  });

  it("ignores a set with two different parts at one place: which is right cannot be told", () => {
    const data = stored(JSON.stringify(["x".repeat(priceDataChunkChars + 10)]));
    const parts = priceDataPartsXml(data, set);
    const other = priceDataPartsXml(stored(JSON.stringify(["y".repeat(priceDataChunkChars + 10)])), set);
    const read = priceDataOf([...parts, other[0] as string].map((xml, handle) => ({ handle, xml })));
    expect(read.data).toBeNull();
    expect(read.unreadable[0]).toMatch(/incomplete/);
  });
});
