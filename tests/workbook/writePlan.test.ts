import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveringRectangles, isWebUrl, planWorkbookWrite, textEntry } from "../../src/workbook/writePlan";
import { parseFakeRange, readAsTyped } from "../excel/fakeExcel";
import { cell, fixturePlan, hostileTexts } from "../excel/fixtures";

describe("textEntry", () => {
  it("keeps every hostile text as literal text under Excel's reading of typed input", () => {
    for (const t of hostileTexts) {
      const { entry, numberFormat } = textEntry(t);
      expect(readAsTyped(entry, numberFormat ?? "General"), JSON.stringify(t.slice(0, 40))).toMatchObject({ kind: "text", text: t });
    }
  });

  it("keeps every hostile text that does not begin with a letter literal even where the text format is ignored", () => {
    for (const t of hostileTexts.filter((h) => !/^\p{L}/u.test(h))) {
      expect(readAsTyped(textEntry(t).entry, "General"), JSON.stringify(t.slice(0, 40))).toMatchObject({ kind: "text", text: t });
    }
  });

  it("prefixes an apostrophe only where the cell keeps the General format", () => {
    for (const t of hostileTexts) {
      const { entry, numberFormat } = textEntry(t);
      if (entry !== t) {
        expect(entry).toBe(`'${t}`);
        expect(numberFormat).toBeNull();
      } else {
        expect(numberFormat).toBe("@");
      }
    }
  });

  it("leaves ordinary labels unprefixed, with the text format", () => {
    expect(textEntry("Jobs cut")).toEqual({ entry: "Jobs cut", numberFormat: "@" });
    expect(textEntry("Élan")).toEqual({ entry: "Élan", numberFormat: "@" });
  });
});

describe("coveringRectangles", () => {
  it("merges a block of cells into one rectangle", () => {
    const cells = [];
    for (let row = 4; row <= 6; row++) for (let column = 1; column <= 3; column++) cells.push({ row, column });
    expect(coveringRectangles(cells)).toEqual([{ top: 4, left: 1, bottom: 6, right: 3 }]);
  });

  it("covers exactly the given cells, without overlap", () => {
    const point = fc.record({ row: fc.integer({ min: 0, max: 12 }), column: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), (cells) => {
        const wanted = new Set(cells.map((c) => `${c.row},${c.column}`));
        const covered: string[] = [];
        for (const r of coveringRectangles(cells)) {
          for (let row = r.top; row <= r.bottom; row++) for (let column = r.left; column <= r.right; column++) covered.push(`${row},${column}`);
        }
        expect(covered.length).toBe(new Set(covered).size);
        expect(new Set(covered)).toEqual(wanted);
      }),
    );
  });
});

describe("planWorkbookWrite", () => {
  it("lays the fixture into one formulas array and one number-format array over its used range", () => {
    const result = planWorkbookWrite(fixturePlan());
    if (!result.ok) throw new Error(result.problems.join("; "));
    const write = result.write;
    expect(write.areaAddress).toBe("A1:G14");
    expect(write.formulas).toHaveLength(14);
    expect(write.formulas.every((row) => row.length === 7)).toBe(true);
    expect(write.formulas[4]?.[2]).toBe(2000); // C5
    expect(write.formulas[9]?.[1]).toBe("=B5*B6"); // B10
    expect(write.formulas[2]?.[0]).toBeNull(); // A3 is not planned: left alone
    expect(write.numberFormats[5]?.[2]).toBe("$#,##0"); // C6
    expect(write.columnWidths).toEqual([
      { address: "A:A", widthPoints: 200 },
      { address: "B:D", widthPoints: 80 },
      { address: "E:F", widthPoints: 150 },
      { address: "G:G", widthPoints: 300 },
    ]);
    expect(write.hyperlinks).toEqual([{ address: "G14", url: "https://example.com/annual-report-2025" }]);
  });

  it("styles the inputs with two range operations, not one per cell", () => {
    const result = planWorkbookWrite(fixturePlan());
    if (!result.ok) throw new Error(result.problems.join("; "));
    const blue = result.write.styles.filter((s) => s.style.fontColor === "#0000FF").map((s) => s.address);
    expect(blue.sort()).toEqual(["B5:D5", "B7:D7", "C6"].sort());
  });

  it("refuses a plan with a number Excel cannot store, a formula in text format, or a bad chart range", () => {
    const plan = fixturePlan();
    const bad = {
      ...plan,
      cells: [
        ...plan.cells,
        cell("A30", { kind: "number", value: Number.NaN }, "input"),
        cell("A31", { kind: "formula", formula: "=1" }, "output", { numberFormat: "@" }),
        cell("A32", { kind: "text", text: "y".repeat(32_768) }, "note"),
      ],
      chart: { ...(plan.chart as NonNullable<typeof plan.chart>), categories: "Sheet1!A1:A2" },
    };
    const result = planWorkbookWrite(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join("\n")).toMatch(/A30.*NaN/);
    expect(result.problems.join("\n")).toMatch(/A31.*text format/);
    expect(result.problems.join("\n")).toMatch(/A32.*32768 characters/);
    expect(result.problems.join("\n")).toMatch(/Sheet1!A1:A2/);
  });

  it("refuses a cell whose address disagrees with its row and column", () => {
    const plan = fixturePlan();
    const wrong = { ...plan, cells: [...plan.cells, { ...cell("A40", { kind: "text", text: "x" }, "note"), row: 41 }] };
    const result = planWorkbookWrite(wrong);
    expect(result.ok).toBe(false);
  });

  it("links only http and https URLs", () => {
    expect(isWebUrl("https://example.com/a")).toBe(true);
    expect(isWebUrl("http://example.com")).toBe(true);
    expect(isWebUrl("javascript:alert(1)")).toBe(false);
    expect(isWebUrl("file:///etc/passwd")).toBe(false);
    expect(isWebUrl("not a url")).toBe(false);
  });

  it("gives style ranges that are valid addresses inside the used range", () => {
    const result = planWorkbookWrite(fixturePlan());
    if (!result.ok) throw new Error(result.problems.join("; "));
    const area = parseFakeRange(result.write.areaAddress);
    for (const { address } of result.write.styles) {
      const b = parseFakeRange(address);
      expect(b, address).toBeDefined();
      expect(b && area && b.top >= area.top && b.bottom <= area.bottom && b.left >= area.left && b.right <= area.right).toBe(true);
    }
  });
});
