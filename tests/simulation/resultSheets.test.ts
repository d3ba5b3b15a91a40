import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { builtInPresets } from "../../src/presets";
import { simulate, simulationSheetPlan, tornado, tornadoSheetPlan } from "../../src/simulation";
import { planWorkbookWrite } from "../../src/workbook/writePlan";

const now = new Date(Date.UTC(2026, 10, 29, 12, 0));
const preset = builtInPresets.find((p) => p.id === "self-host-vs-api")!;

function rangeValues(sheet: ReturnType<typeof evaluatePlan>, range: string): unknown[] {
  const [from, to] = range.split(":") as [string, string];
  const column = from.replace(/\d+/g, "");
  const start = Number(from.replace(/\D+/g, ""));
  const end = Number(to.replace(/\D+/g, ""));
  return Array.from({ length: end - start + 1 }, (_, i) => sheet.valueAt(`${column}${start + i}`));
}

describe("result sheets", () => {
  it("the tornado sheet holds the swings as numbers, its chart plots the output at each end, and every writer accepts it", () => {
    const t = tornado(preset, "self_host_price");
    if (!t.ok) throw new Error(t.message);
    const plan = tornadoSheetPlan(preset, t.tornado, now);
    expect(planWorkbookWrite(plan).ok).toBe(true);
    const sheet = evaluatePlan(plan);
    expect(rangeValues(sheet, plan.chart!.categories)).toEqual(t.tornado.inputs.map((b) => b.label));
    expect(rangeValues(sheet, plan.chart!.series[0]!.range)).toEqual(t.tornado.inputs.map((b) => b.outputAtLow));
    expect(rangeValues(sheet, plan.chart!.series[1]!.range)).toEqual(t.tornado.inputs.map((b) => b.outputAtHigh));
    expect(plan.cells.every((c) => c.content.kind !== "formula")).toBe(true);
    expect(plan.cells.some((c) => c.content.kind === "text" && c.content.text.includes("2026-11-29 12:00 UTC"))).toBe(true);
  });

  it("the simulation sheet records the run's settings, a row of statistics per output, and a histogram whose counts add up to the counted trials", () => {
    const run = simulate(preset, { trials: 5000, seed: 3, distribution: "pert" });
    if (!run.ok) throw new Error(run.message);
    const plan = simulationSheetPlan(preset, run.result, "self_host_price", now);
    expect(planWorkbookWrite(plan).ok).toBe(true);
    const sheet = evaluatePlan(plan);
    const texts = plan.cells.filter((c) => c.content.kind === "text").map((c) => (c.content as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(["Trials", "Seed", "Distribution", "pert", "self-host-vs-api"]));
    const counts = rangeValues(sheet, plan.chart!.series[0]!.range) as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(run.result.outputs.find((o) => o.key === "self_host_price")!.countedTrials);
    const means = plan.cells.filter((c) => c.column === 1 && c.content.kind === "number").map((c) => (c.content as { value: number }).value);
    for (const o of run.result.outputs) expect(means).toContain(o.mean);
  });
});

describe("histogram bin labels", () => {
  it("carry as many decimals as tell neighbouring bins apart, in the output's own format", async () => {
    const { withDecimals } = await import("../../src/simulation");
    expect(withDecimals('$#,##0.0,,,"B"', 3)).toBe('$#,##0.000,,,"B"');
    expect(withDecimals('0.0"x"', 2)).toBe('0.00"x"');
    expect(withDecimals("#,##0", 2)).toBe("#,##0.00");
    expect(withDecimals("0.0%", 0)).toBe("0%");
    const narrow = builtInPresets.find((p) => p.id === "meta-2026-5y")!;
    const run = simulate(narrow, { trials: 5000, seed: 1, distribution: "triangular" });
    if (!run.ok) throw new Error(run.message);
    // Its last output, economic-life cost ÷ labor savings, spans 5.3x to 5.6x: every bin looked "5.3x to 5.3x" in one decimal.
    const keyOf = run.result.outputs[run.result.outputs.length - 1]!.key;
    const plan = simulationSheetPlan(narrow, run.result, keyOf, now);
    const sheet = evaluatePlan(plan);
    const labels = rangeValues(sheet, plan.chart!.categories) as string[];
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/^(.+) to \1$/);
  });
});
