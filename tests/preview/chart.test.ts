// @vitest-environment happy-dom
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisScale, chartData, renderChart, wrapLabel } from "../../src/preview/chart";
import type { PlannedChart } from "../../src/presets";
import type { PreviewValue } from "../../src/preview/workbook";

const chart: PlannedChart = {
  title: "Test chart",
  type: "columnClustered",
  categories: "A2:A4",
  series: [
    { name: "Low", range: "B2:B4" },
    { name: "Base", range: "C2:C4" },
  ],
  topLeft: "E2",
  bottomRight: "J12",
  numberFormat: '$#,##0.0,,,"B"',
};

const sheet: Record<string, PreviewValue[][]> = {
  "A2:A4": [["Savings"], ["Cost"], ["Net"]],
  "B2:B4": [[1e9], [2e9], [-1e9]],
  "C2:C4": [[1.5e9], [{ error: "#NUM!", message: "bad" }], [null]],
};

describe("axisScale", () => {
  it("covers zero and every value with a round step", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 12 }), (values) => {
        const { min, max, step } = axisScale(values);
        expect(min).toBeLessThanOrEqual(Math.min(0, ...values));
        expect(max).toBeGreaterThanOrEqual(Math.max(0, ...values));
        expect(step).toBeGreaterThan(0);
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
        expect((max - min) / step).toBeLessThanOrEqual(12);
      }),
    );
  });

  it("gives 0 to 1 when every value is zero", () => {
    expect(axisScale([0, 0])).toEqual({ min: 0, max: 1, step: 0.2 });
  });
});

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("Net", 10, 2)).toEqual(["Net"]);
  });

  it("wraps at spaces and ends an overlong label with an ellipsis", () => {
    expect(wrapLabel("Net annual effect (labor savings minus recurring AI cost)", 20, 2)).toEqual(["Net annual effect", "(labor savings minu…"]);
  });
});

describe("chartData", () => {
  const read = (range: string) => sheet[range];

  it("reads categories and one series per scenario, numbers only", () => {
    const data = chartData(chart, read);
    expect(data.categories).toEqual(["Savings", "Cost", "Net"]);
    expect(data.series.map((s) => s.name)).toEqual(["Low", "Base"]);
    expect(data.series[0]?.values).toEqual([1e9, 2e9, -1e9]);
    expect(data.series[1]?.values).toEqual([1.5e9, null, null]);
    expect(data.series[1]?.raw).toEqual(["1500000000", "#NUM!", ""]);
  });

  it("refuses a range it cannot read", () => {
    expect(() => chartData({ ...chart, categories: "nonsense" }, read)).toThrow(/nonsense/);
  });
});

describe("renderChart", () => {
  it("draws one bar per series and category, with hooks and the formatted axis", () => {
    const svg = renderChart(document, chartData(chart, (range) => sheet[range]), 480, 300);
    const bars = [...svg.querySelectorAll("rect[data-series]")];
    expect(bars).toHaveLength(6);
    expect(bars.map((b) => `${b.getAttribute("data-series")}:${b.getAttribute("data-category")}=${b.getAttribute("data-value")}`)).toEqual([
      "Low:Savings=1000000000",
      "Base:Savings=1500000000",
      "Low:Cost=2000000000",
      "Base:Cost=#NUM!",
      "Low:Net=-1000000000",
      "Base:Net=",
    ]);
    // A negative bar hangs below zero: it is as tall as the positive bar of the same size.
    const height = (i: number) => Number(bars[i]?.getAttribute("height"));
    expect(height(4)).toBeCloseTo(height(0), 6);
    expect(height(3)).toBe(0);
    const labels = [...svg.querySelectorAll(".chart-axis text")].map((t) => t.textContent);
    expect(labels).toContain("$0.0B");
    expect(labels).toContain("$2.0B");
    expect(svg.getAttribute("data-testid")).toBe("chart");
    expect(svg.querySelector(".chart-title")?.textContent).toBe("Test chart");
  });

  it("writes every bar's value beside it and keeps a bar far smaller than the largest visible", () => {
    const tiny: Record<string, PreviewValue[][]> = { "A2:A4": [["Self-hosted"], ["GPT-5.5 API"], ["DeepSeek API"]], "B2:B4": [[0.39], [15], [0.2]], "C2:C4": [[0.39], [15], [0.2]] };
    const svg = renderChart(document, chartData({ ...chart, numberFormat: "$#,##0.00" }, (range) => tiny[range]), 480, 300);
    expect([...svg.querySelectorAll(".chart-value")].map((t) => t.textContent)).toEqual(["$0.39", "$0.39", "$15.00", "$15.00", "$0.20", "$0.20"]);
    for (const bar of svg.querySelectorAll("rect[data-series]")) expect(Number(bar.getAttribute("height"))).toBeGreaterThanOrEqual(2);
  });

  it("shows a category label of several words whole, over up to three lines", () => {
    const long: Record<string, PreviewValue[][]> = {
      "A2:A4": [["Net annual effect (labor savings − recurring AI cost)"], ["Self-hosted cost per million tokens"], ["DeepSeek V4 Flash API blended price"]],
      "B2:B4": [[1], [2], [3]],
      "C2:C4": [[1], [2], [3]],
    };
    const svg = renderChart(document, chartData(chart, (range) => long[range]), 560, 320);
    for (const label of svg.querySelectorAll(".chart-category")) {
      expect([...label.querySelectorAll("tspan")].map((t) => t.textContent).join(" ")).toBe(label.querySelector("title")?.textContent);
    }
  });

  it("lays bars along the horizontal axis for a bar chart", () => {
    const svg = renderChart(document, chartData({ ...chart, type: "barClustered" }, (range) => sheet[range]), 480, 300);
    const bar = svg.querySelector('rect[data-series="Low"][data-category="Cost"]');
    expect(Number(bar?.getAttribute("width"))).toBeGreaterThan(Number(bar?.getAttribute("height")));
  });
});
