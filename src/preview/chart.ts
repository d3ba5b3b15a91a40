/*
 * The plan's chart drawn as SVG from the engine's current values: bars per
 * scenario (series) over the categories, as Excel's clustered column and bar
 * charts draw them. chartData is pure; renderChart builds the SVG element.
 */
import { formatForDisplay } from "../presets/display";
import type { PlannedChart } from "../presets/plan.types";
import type { PreviewValue } from "./workbook";

export interface ChartSeriesData {
  readonly name: string;
  /** One value per category: a number, or null where the cell holds no number (an error, text or a blank). */
  readonly values: readonly (number | null)[];
  /** What each cell holds, for the hooks: the number, or the error code. */
  readonly raw: readonly string[];
}

export interface ChartData {
  readonly title: string;
  readonly type: PlannedChart["type"];
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesData[];
  readonly numberFormat?: string;
}

/** Reads a range of the chart's sheet ("A20:A23"), row by row; undefined when it is not a range. */
export type RangeReader = (range: string) => readonly (readonly PreviewValue[])[] | undefined;

/** Excel's default series colours (Office theme accents 1 to 6). */
export const seriesColors: readonly string[] = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

function flatten(cells: readonly (readonly PreviewValue[])[]): PreviewValue[] {
  return cells.flatMap((row) => row);
}

function labelOf(value: PreviewValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value);
}

/** The chart's categories and series from the current values; throws when a range cannot be read. */
export function chartData(chart: PlannedChart, read: RangeReader): ChartData {
  const readRange = (range: string): PreviewValue[] => {
    const cells = read(range);
    if (cells === undefined) throw new Error(`the chart range "${range}" is not a range of this sheet`);
    return flatten(cells);
  };
  const categories = readRange(chart.categories).map(labelOf);
  const series = chart.series.map((s) => {
    const cells = readRange(s.range);
    return {
      name: s.name,
      values: categories.map((_, i) => {
        const cell = cells[i];
        return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
      }),
      raw: categories.map((_, i) => labelOf(cells[i] ?? null)),
    };
  });
  return { title: chart.title, type: chart.type, categories, series, ...(chart.numberFormat ? { numberFormat: chart.numberFormat } : {}) };
}

/** Axis bounds and a round step covering 0 and every value. */
export function axisScale(values: readonly number[], targetTicks = 5): { readonly min: number; readonly max: number; readonly step: number } {
  const low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  // A span too small to divide (all zeros, or values below any meaningful precision) shows 0 to 1.
  if (!(high - low > 1e-9 * Math.max(1, Math.abs(low), Math.abs(high)))) high = low + 1;
  const rough = (high - low) / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normalized = rough / magnitude;
  const step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) * magnitude;
  let min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  // Division can underflow for values far below the step; the axis must still cover them.
  if (min > low) min -= step;
  if (max < high) max += step;
  return { min, max, step };
}

/**
 * Splits a label into at most `maxLines` lines of about `maxChars` characters at
 * spaces, ending the last with "…" when the label is longer.
 */
export function wrapLabel(label: string, maxChars: number, maxLines: number): string[] {
  const words = label.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (candidate.length <= maxChars || line === "") line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines && lines.every((l) => l.length <= maxChars)) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[kept.length - 1] ?? "";
  kept[kept.length - 1] = `${last.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
  return kept;
}

const svgNs = "http://www.w3.org/2000/svg";

type Attributes = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attributes: Attributes, text?: string): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The chart as an SVG element of the given size in CSS pixels. */
export function renderChart(doc: Document, data: ChartData, width: number, height: number): SVGSVGElement {
  const root = svg(doc, "svg", {
    xmlns: svgNs,
    class: "chart",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": data.title,
    "data-testid": "chart",
    "data-chart-type": data.type,
  });
  root.appendChild(svg(doc, "rect", { class: "chart-frame", x: 0.5, y: 0.5, width: width - 1, height: height - 1 }));
  root.appendChild(svg(doc, "text", { class: "chart-title", x: width / 2, y: 22, "text-anchor": "middle" }, data.title));

  const numbers = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = axisScale(numbers);
  const ticks: number[] = [];
  for (let tick = scale.min; tick <= scale.max + scale.step / 2; tick += scale.step) ticks.push(Number(tick.toPrecision(12)));
  const tickLabels = ticks.map((tick) => formatForDisplay(tick, data.numberFormat));
  const horizontal = data.type === "barClustered";

  const longestCategory = Math.max(0, ...data.categories.map((c) => c.length));
  const longestTick = Math.max(0, ...tickLabels.map((t) => t.length));
  const legendHeight = 26;
  // Category labels wrap over up to three lines, so the charted outputs' labels show whole.
  const categoryLines = 3;
  const lineHeight = 12;
  const valueLabelRoom = 14;
  const plot = {
    left: 12 + 6.2 * (horizontal ? Math.min(longestCategory, 24) : longestTick) + 6,
    top: 36 + (horizontal ? 0 : valueLabelRoom),
    right: width - 16 - (horizontal ? 6.2 * Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => (v === null ? 0 : formatForDisplay(v, data.numberFormat).length)))) : 0),
    bottom: height - legendHeight - (horizontal ? 20 : 10 + categoryLines * lineHeight),
  };
  const plotWidth = Math.max(10, plot.right - plot.left);
  const plotHeight = Math.max(10, plot.bottom - plot.top);
  const span = scale.max - scale.min;
  // Position along the value axis, in pixels from the plot's left (bars) or bottom (columns).
  const along = (value: number): number => ((value - scale.min) / span) * (horizontal ? plotWidth : plotHeight);

  const grid = svg(doc, "g", { class: "chart-axis" });
  ticks.forEach((tick, i) => {
    const at = along(tick);
    if (horizontal) {
      const x = plot.left + at;
      grid.appendChild(svg(doc, "line", { x1: x, x2: x, y1: plot.top, y2: plot.bottom, class: "chart-gridline" }));
      grid.appendChild(svg(doc, "text", { x, y: plot.bottom + 14, "text-anchor": "middle" }, tickLabels[i]));
    } else {
      const y = plot.bottom - at;
      grid.appendChild(svg(doc, "line", { x1: plot.left, x2: plot.right, y1: y, y2: y, class: "chart-gridline" }));
      grid.appendChild(svg(doc, "text", { x: plot.left - 6, y: y + 4, "text-anchor": "end" }, tickLabels[i]));
    }
  });
  root.appendChild(grid);

  const categoryCount = Math.max(1, data.categories.length);
  const band = (horizontal ? plotHeight : plotWidth) / categoryCount;
  const seriesCount = Math.max(1, data.series.length);
  const barThickness = (band * 0.7) / seriesCount;
  const zero = along(Math.min(Math.max(0, scale.min), scale.max));
  const bars = svg(doc, "g", { class: "chart-bars" });
  data.categories.forEach((category, c) => {
    // Excel draws the first category of a bar chart at the bottom.
    const bandStart = horizontal ? plot.bottom - (c + 1) * band : plot.left + c * band;
    const lines = wrapLabel(category, horizontal ? 24 : Math.max(4, Math.floor((band - 4) / 6.2)), categoryLines);
    const x = horizontal ? plot.left - 6 : bandStart + band / 2;
    const firstY = horizontal ? bandStart + band / 2 + 4 - ((lines.length - 1) * lineHeight) / 2 : plot.bottom + 16;
    const label = svg(doc, "text", { class: "chart-category", "text-anchor": horizontal ? "end" : "middle" });
    lines.forEach((line, i) => label.appendChild(svg(doc, "tspan", { x, y: firstY + i * lineHeight }, line)));
    label.appendChild(svg(doc, "title", {}, category));
    bars.appendChild(label);
    data.series.forEach((series, s) => {
      const value = series.values[c] ?? null;
      const offset = bandStart + band * 0.15 + s * barThickness;
      // A bar far smaller than the largest still shows (2 pixels at least), and every bar carries its value.
      const length = value === null ? 0 : Math.max(value === 0 ? 0 : 2, Math.abs(along(value) - zero));
      const from = value === null ? zero : Math.min(along(value), zero);
      const rect = horizontal
        ? svg(doc, "rect", { x: plot.left + from, y: offset, width: length, height: barThickness })
        : svg(doc, "rect", { x: offset, y: plot.bottom - from - length, width: barThickness, height: length });
      rect.setAttribute("fill", seriesColors[s % seriesColors.length] ?? "#4472C4");
      rect.setAttribute("data-series", series.name);
      rect.setAttribute("data-category", category);
      rect.setAttribute("data-value", series.raw[c] ?? "");
      rect.appendChild(
        svg(doc, "title", {}, `${series.name}, ${category}: ${value === null ? (series.raw[c] ?? "") : formatForDisplay(value, data.numberFormat)}`),
      );
      bars.appendChild(rect);
      if (value !== null) {
        const label = formatForDisplay(value, data.numberFormat);
        const end = value < 0 ? from : from + length;
        bars.appendChild(
          horizontal
            ? svg(doc, "text", { class: "chart-value", x: plot.left + end + (value < 0 ? -3 : 3), y: offset + barThickness / 2 + 4, "text-anchor": value < 0 ? "end" : "start" }, label)
            : svg(doc, "text", { class: "chart-value", x: offset + barThickness / 2, y: value < 0 ? plot.bottom - end + 11 : plot.bottom - end - 3, "text-anchor": "middle" }, label),
        );
      }
    });
  });
  root.appendChild(bars);
  const axisLine = horizontal
    ? svg(doc, "line", { x1: plot.left + zero, x2: plot.left + zero, y1: plot.top, y2: plot.bottom, class: "chart-zero" })
    : svg(doc, "line", { x1: plot.left, x2: plot.right, y1: plot.bottom - zero, y2: plot.bottom - zero, class: "chart-zero" });
  root.appendChild(axisLine);

  const legend = svg(doc, "g", { class: "chart-legend" });
  const legendItemWidth = 90;
  const legendStart = width / 2 - (data.series.length * legendItemWidth) / 2;
  data.series.forEach((series, s) => {
    const x = legendStart + s * legendItemWidth;
    const y = height - legendHeight / 2 - 4;
    legend.appendChild(svg(doc, "rect", { x, y: y - 5, width: 10, height: 10, fill: seriesColors[s % seriesColors.length] ?? "#4472C4" }));
    legend.appendChild(svg(doc, "text", { x: x + 14, y: y + 4 }, series.name));
  });
  root.appendChild(legend);
  return root;
}
