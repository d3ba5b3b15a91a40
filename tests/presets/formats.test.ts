import { describe, expect, it } from "vitest";
import { formatForDisplay, numberFormatOf, type ValueFormat } from "../../src/presets";

describe("numberFormatOf", () => {
  it.each([
    ["usd", "$#,##0"],
    ["usdBillions", '$#,##0.0,,,"B"'],
    ["usdMillions", '$#,##0.0,,"M"'],
    ["usdPrecise", "$#,##0.00"],
    ["count", "#,##0"],
    ["fraction", "0.0%"],
    ["ratio", '0.0"x"'],
    ["number", "#,##0.00"],
  ] as const)("%s -> %s", (format: ValueFormat, code) => {
    expect(numberFormatOf(format)).toBe(code);
  });
});

describe("formatForDisplay shows values as Excel does", () => {
  it.each([
    [3_795_000_000, "usdBillions", "$3.8B"],
    [-27_455_000_000, "usdBillions", "-$27.5B"],
    [65_700_000, "usdMillions", "$65.7M"],
    [165_000, "usd", "$165,000"],
    [2.75, "usdPrecise", "$2.75"],
    [23_000, "count", "23,000"],
    [0.5, "fraction", "50.0%"],
    [0.0613, "fraction", "6.1%"],
    [8.2345, "ratio", "8.2x"],
    [1234.567, "number", "1,234.57"],
  ] as const)("%d as %s is %s", (value, format, shown) => {
    expect(formatForDisplay(value, numberFormatOf(format))).toBe(shown);
  });

  it("uses General when no format is given", () => {
    expect(formatForDisplay(1.5)).toBe("1.5");
    expect(formatForDisplay(4_380_000_000_000)).toBe("4.38E+12");
  });

  it("shows text, blanks, booleans and errors", () => {
    expect(formatForDisplay("=not a formula", "@")).toBe("=not a formula");
    expect(formatForDisplay("2026-04", "@")).toBe("2026-04");
    expect(formatForDisplay(null, "$#,##0")).toBe("");
    expect(formatForDisplay(true)).toBe("TRUE");
    expect(formatForDisplay(false, "@")).toBe("FALSE");
    expect(formatForDisplay({ error: "#NUM!" }, "$#,##0")).toBe("#NUM!");
  });
});

describe("formatForDisplay of numbers too large for their digit format", () => {
  it("shows 1e21 and more in scientific notation, never JavaScript's exponent form between the digits", () => {
    expect(formatForDisplay(1e308, "#,##0")).toBe("1.00E+308");
    expect(formatForDisplay(1e22, "$#,##0")).toBe("$1.00E+22");
    expect(formatForDisplay(-2.5e21, "#,##0.00")).toBe("-2.50E+21");
    expect(formatForDisplay(1e20, "#,##0")).toBe("100,000,000,000,000,000,000");
    expect(formatForDisplay(1e308, "General")).toBe("1E+308");
  });
});
