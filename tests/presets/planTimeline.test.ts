/*
 * The timeline part of a sheet plan: years across the columns, a block of rows
 * per scenario, the summary side by side, the chart of cumulative net cash.
 */
import { describe, expect, it } from "vitest";
import { builtInPresets, parsePresetFile, planSheet, presetToFileText, scenarios, type Preset } from "../../src/presets";
import { sheetScenariosOf } from "../../src/presets/types";
import { cellAddress, parseCellAddress } from "../../src/presets/address";

const timelinePresets = builtInPresets.filter((p) => p.timeline !== undefined);

function at(address: string): { row: number; column: number } {
  const position = parseCellAddress(address);
  if (position === undefined) throw new Error(address);
  return position;
}

describe("the built-in models with a timeline", () => {
  it("are ai-paradox-5y, meta-2026-5y and ai-business-case", () => {
    expect(timelinePresets.map((p) => p.id)).toEqual(["ai-paradox-5y", "meta-2026-5y", "ai-business-case"]);
  });

  it.each(timelinePresets.map((p) => [p.id, p] as const))("%s round-trips through the preset file", (_id, preset) => {
    const read = parsePresetFile(presetToFileText(preset));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual(preset);
  });
});

describe.each(timelinePresets.map((p) => [p.id, p] as const))("planSheet(%s): the timeline", (_id, preset: Preset) => {
  const timeline = preset.timeline;
  if (timeline === undefined) throw new Error("no timeline");
  const plan = planSheet(preset);
  const planned = plan.timeline;
  if (planned === undefined) throw new Error("no planned timeline");
  const cells = new Map(plan.cells.map((c) => [c.address, c]));
  const header = at(planned.yearsHeader.split(":")[0] ?? "");

  it("heads the year columns Initial, then each calendar year", () => {
    const texts = Array.from({ length: timeline.years + 1 }, (_, k) => {
      const content = cells.get(cellAddress(header.row, header.column + k))?.content;
      return content?.kind === "text" ? content.text : undefined;
    });
    expect(texts).toEqual(["Initial", ...Array.from({ length: timeline.years }, (_, k) => String(timeline.firstYear + k))]);
  });

  it("plans every cell of every row in each scenario block, Low above Base above High, one range per row", () => {
    for (const row of timeline.rows) {
      const ranges = planned.rows[row.key];
      if (ranges === undefined) throw new Error(row.key);
      const rowsOf = scenarios.map((s) => at(ranges[s].split(":")[0] ?? "").row);
      expect(rowsOf[0]).toBeLessThan(rowsOf[1] as number);
      expect(rowsOf[1]).toBeLessThan(rowsOf[2] as number);
      for (const scenario of scenarios) {
        const [first, last] = ranges[scenario].split(":").map(at);
        expect(first?.column).toBe(header.column);
        expect(last?.column).toBe(header.column + timeline.years);
        for (let k = 0; k <= timeline.years; k++) {
          const cell = cells.get(cellAddress(first?.row ?? -1, header.column + k));
          expect(cell?.role, `${row.key} ${scenario} ${k}`).toBe("output");
          expect(cell?.numberFormat).toBeDefined();
        }
      }
    }
  });

  it("types years as a number into each formula, refers to rows by ranges and never by #", () => {
    for (const cell of plan.cells) {
      if (cell.content.kind !== "formula") continue;
      expect(cell.content.formula, cell.address).not.toContain("#");
      expect(cell.content.formula, cell.address).not.toMatch(/\byears\b/);
    }
    const first = timeline.rows[0];
    const firstCell = cells.get(planned.rows[first?.key ?? ""]?.base.split(":")[0] ?? "");
    expect(firstCell?.content.kind === "formula" ? firstCell.content.formula : "").toMatch(new RegExp(`^=INDEX\\(AICOST\\.[A-Z_]+\\(.*\\b${timeline.years}\\b.*\\), 1, 1\\)$`));
  });

  it("reads each summary measure over the scenario's own rows, at the scenario's discount rate", () => {
    const rate = plan.keyCells[timeline.discountRate];
    if (rate === undefined) throw new Error("no rate");
    timeline.summaries.forEach((summary, i) => {
      const cellsOf = planned.summaries[i]?.measures ?? {};
      expect(Object.keys(cellsOf).sort()).toEqual([...summary.measures].sort());
      for (const scenario of scenarios) {
        const formula = (m: keyof typeof cellsOf): string => {
          const content = cells.get(cellsOf[m]?.[scenario] ?? "")?.content;
          return content?.kind === "formula" ? content.formula : "";
        };
        const net = planned.rows[summary.net]?.[scenario] ?? "";
        const costs = planned.rows[summary.costs ?? ""]?.[scenario] ?? "";
        const benefits = planned.rows[summary.benefits ?? ""]?.[scenario] ?? "";
        if (summary.measures.includes("npv")) expect(formula("npv")).toBe(`=AICOST.PRESENT_VALUE(${net}, ${rate[scenario]})`);
        if (summary.measures.includes("irr")) expect(formula("irr")).toBe(`=IRR(${net})`);
        if (summary.measures.includes("payback")) expect(formula("payback")).toBe(`=AICOST.PAYBACK(${net})`);
        if (summary.measures.includes("roi")) expect(formula("roi")).toBe(`=AICOST.ROI(${costs}, ${benefits}, ${rate[scenario]})`);
        if (summary.measures.includes("costsPv")) expect(formula("costsPv")).toBe(`=AICOST.PRESENT_VALUE(${costs}, ${rate[scenario]})`);
        if (summary.measures.includes("benefitsPv")) expect(formula("benefitsPv")).toBe(`=AICOST.PRESENT_VALUE(${benefits}, ${rate[scenario]})`);
      }
    });
  });

  it("charts cumulative net cash per scenario over the years, in rows of its own", () => {
    const chart = plan.chart;
    if (chart === undefined) throw new Error("no chart");
    expect(chart.categories).toBe(planned.yearsHeader);
    expect(chart.series).toEqual(sheetScenariosOf(preset).map((s) => ({ name: s[0]?.toUpperCase() + s.slice(1), range: planned.cumulative[s] })));
    const top = at(chart.topLeft);
    const bottom = at(chart.bottomRight);
    const covered = plan.cells.filter((c) => c.row >= top.row && c.row <= bottom.row && c.column >= top.column && c.column <= bottom.column);
    expect(covered).toEqual([]);
  });
});
