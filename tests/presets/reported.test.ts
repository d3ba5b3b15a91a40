/*
 * The Reported scenario: an optional reported figure per input, with a source
 * of its own; a fourth column after High on the sheet of a preset that has one;
 * the built-ins' reported figures and the analysis's contradictions the notes
 * correct with numbers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { builtInPresets, findPreset, parsePreset, parsePresetFile, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { presetJsonSchema } from "../../src/presets/jsonSchema";
import { planColumns, planColumnsOf } from "../../src/presets/plan";
import { inputRanges } from "../../src/simulation/ranges";
import { tinyPreset } from "./helpers";

/** The tiny preset with a reported figure on its first input only, from a second, linked source. */
function tinyWithReported(reported: Record<string, unknown> = { value: 90, source: "src-b", note: "as reported" }): Record<string, unknown> {
  const preset = tinyPreset();
  return {
    ...preset,
    sources: [...preset.sources, { id: "src-b", title: "Report B", publisher: "Publisher B", date: "2026-05-04", url: "https://example.com/b" }],
    inputs: [{ ...preset.inputs[0], reported }, ...preset.inputs.slice(1)],
  };
}

describe("the preset schema and reported figures", () => {
  it("accepts an input with a reported value and its own source, and a preset file keeps it", () => {
    const result = parsePreset(tinyWithReported());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.inputs[0]?.reported).toEqual({ value: 90, source: "src-b", note: "as reported" });
    const back = parsePresetFile(presetToFileText(result.value));
    expect(back.ok && back.value).toEqual(result.value);
  });

  it("keeps presets without reported figures valid, as before", () => {
    expect(parsePreset(tinyPreset()).ok).toBe(true);
  });

  it.each([
    ["without a source", { value: 90 }, "inputs[0].reported.source: is required"],
    ["with an unknown source", { value: 90, source: "nowhere" }, 'inputs[0].reported.source: unknown source "nowhere"; sources: src-a, src-b'],
    ["with text for a value", { value: "8,000", source: "src-b" }, 'inputs[0].reported.value: expected a finite number, got "8,000"'],
    ["without a value", { source: "src-b" }, "inputs[0].reported.value: is required"],
    ["with a field that does not belong", { value: 90, source: "src-b", url: "https://example.com" }, "inputs[0].reported.url: is not a known field"],
    ["as a bare number", 90, "inputs[0].reported: expected an object, got 90"],
  ])("refuses a reported figure %s", (_what, reported, message) => {
    const result = parsePreset(tinyWithReported(reported as Record<string, unknown>));
    expect(result.ok || result.issues.map((i) => i.message)).toContain(message);
  });

  it("refuses an infinite reported value", () => {
    const result = parsePreset(tinyWithReported({ value: Infinity, source: "src-b" }));
    expect(result.ok || result.error.message).toBe("inputs[0].reported.value: expected a finite number, got Infinity");
  });

  it("is described by the JSON Schema: accepted and refused alike", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(presetJsonSchema());
    expect(validate(tinyWithReported())).toBe(true);
    expect(validate(tinyWithReported({ value: 90 }))).toBe(false);
    expect(validate(tinyWithReported({ value: "90", source: "src-b" }))).toBe(false);
  });

  it("needs no order against Low, Base and High: a reported figure outside the range is what the column is for", () => {
    expect(parsePreset(tinyWithReported({ value: 1_000_000, source: "src-b" })).ok).toBe(true);
  });
});

describe("the sheet of a preset with reported figures on some inputs only", () => {
  const preset = parsePreset(tinyWithReported());
  if (!preset.ok) throw new Error(preset.error.message);
  const plan = planSheet(preset.value);
  const cell = (address: string) => plan.cells.find((c) => c.address === address);
  const sheet = evaluatePlan(plan);

  it("writes Reported after High and moves Unit, Source, Note and the check one column right", () => {
    expect(planColumnsOf(preset.value)).toEqual({ ...planColumns, reported: 4, unit: 5, source: 6, note: 7, check: 8 });
    expect(plan.cells.filter((c) => c.row === plan.freezeRows - 1).map((c) => (c.content.kind === "text" ? c.content.text : ""))).toEqual([
      "Assumptions",
      "Low",
      "Base",
      "High",
      "Reported",
      "Unit",
      "Source",
      "Note",
    ]);
  });

  it("holds the reported figure as an input, and repeats Base by formula, grey italic and noted, where nothing is reported", () => {
    const headcount = plan.keyCells.headcount;
    const cost = plan.keyCells.cost;
    expect(cell(headcount?.reported ?? "")).toMatchObject({ role: "input", content: { kind: "number", value: 90 } });
    expect(cell(cost?.reported ?? "")).toMatchObject({ role: "reportedAsBase", content: { kind: "formula", formula: `=${cost?.base}` } });
    const costRow = Number(cost?.base.slice(1));
    expect(cell(`H${costRow}`)?.content).toEqual({ kind: "text", text: "Reported: as Base, no reported figure." });
    const headRow = Number(headcount?.base.slice(1));
    expect(cell(`H${headRow}`)?.content).toEqual({ kind: "text", text: "Reported (Report B, 2026-05-04): as reported" });
  });

  it("computes the outputs in the Reported column by the same formulas", () => {
    expect(cell(plan.keyCells.savings?.reported ?? "")?.content).toEqual({ kind: "formula", formula: `=AICOST.LABOR_SAVINGS(E${plan.keyCells.headcount?.base.slice(1)}, E${plan.keyCells.cost?.base.slice(1)})` });
    expect(sheet.valueAt(plan.keyCells.savings?.reported ?? "")).toBe(90 * 150_000);
    expect(sheet.valueAt(plan.keyCells.double_savings?.reported ?? "")).toBe(2 * 90 * 150_000);
  });

  it("checks only Low, Base and High for order, and charts Reported as a fourth series", () => {
    expect(plan.checks?.map((c) => c.range)).toEqual(preset.value.inputs.map((_, i) => `B${plan.freezeRows + 1 + i}:D${plan.freezeRows + 1 + i}`));
    expect(plan.chart?.series.map((s) => s.name)).toEqual(["Low", "Base", "High", "Reported"]);
    expect(plan.chart?.topLeft.charAt(0)).toBe("J"); // right of the check column I
  });

  it("lists each reported figure with its source's date and link under Sources", () => {
    const header = plan.cells.find((c) => c.content.kind === "text" && c.content.text === "Reported figures");
    if (header === undefined) throw new Error("no Reported figures block");
    const row = plan.cells.filter((c) => c.row === header.row + 1);
    expect(row.map((c) => c.content)).toEqual([
      { kind: "text", text: "Headcount" },
      { kind: "formula", formula: `=${plan.keyCells.headcount?.reported}` },
      { kind: "text", text: "Publisher B" },
      { kind: "text", text: "2026-05-04" },
      { kind: "text", text: "https://example.com/b" },
    ]);
    expect(row.at(-1)?.hyperlink).toBe("https://example.com/b");
    expect(plan.cells.some((c) => c.row === header.row + 2 && c.column > 0)).toBe(false); // cost has no reported figure
  });

  it("never makes Reported a range: the uncertainty tools read Low and High only", () => {
    const ranges = inputRanges(preset.value);
    expect(ranges.ok && ranges.varying.map((r) => [r.key, r.low, r.high, r.min, r.max])).toEqual([["headcount", 80, 120, 80, 120]]);
  });

  it("leaves a preset without reported figures exactly as before: no fourth column", () => {
    const before = planSheet(tinyPreset());
    expect(planColumnsOf(tinyPreset())).toBe(planColumns);
    expect(before.cells.some((c) => c.content.kind === "text" && c.content.text === "Reported")).toBe(false);
    expect(before.keyCells.headcount).toEqual({ low: "B6", base: "C6", high: "D6" });
    expect(before.columnWidths).toHaveLength(8);
  });
});

describe("the built-ins' reported figures", () => {
  const reportedOf = (id: string) => Object.fromEntries((findPreset(id) as Preset).inputs.flatMap((i) => (i.reported === undefined ? [] : [[i.key, i.reported.value]])));

  it("each stands on a source of its own with a date and a link", () => {
    for (const preset of builtInPresets) {
      for (const input of preset.inputs) {
        if (input.reported === undefined) continue;
        const source = preset.sources.find((s) => s.id === input.reported?.source);
        expect(source?.url, `${preset.id}/${input.key}`).toMatch(/^https:\/\//);
        expect(source?.date, `${preset.id}/${input.key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(input.reported.source).not.toBe(input.source);
      }
    }
  });

  it("Meta: about 8,000 jobs cut and $115B–$135B of 2026 capex guidance (midpoint $125B); servers over 5.5 years", () => {
    expect(reportedOf("meta-2026")).toEqual({ jobs_cut: 8_000, ai_capex: 125_000_000_000 });
    expect(reportedOf("meta-2026-5y")).toEqual({ jobs_cut: 8_000, ai_capex: 125_000_000_000, server_useful_life: 5.5 });
    const jobs = (findPreset("meta-2026") as Preset).inputs.find((i) => i.key === "jobs_cut");
    expect(jobs?.reported?.note).toContain("10% of staff, from 20 May 2026");
    expect(jobs?.reported?.note).toContain("6,000 open roles");
  });

  it("Microsoft: fiscal 2026 capex as reported at the half year, on course for roughly $100B; its other rows in big-tech-2026 repeat Base", () => {
    expect(reportedOf("microsoft-2026")).toEqual({ ai_capex: 100_000_000_000 });
    expect(reportedOf("big-tech-2026")).toEqual({ meta_jobs_cut: 8_000, meta_ai_capex: 125_000_000_000, msft_ai_capex: 100_000_000_000 });
    const capex = (findPreset("microsoft-2026") as Preset).inputs.find((i) => i.key === "ai_capex");
    expect(capex?.reported?.note).toContain("$72.4B in the first half of fiscal 2026");
    expect(planColumnsOf(findPreset("microsoft-2026") as Preset).reported).toBeDefined();
    const plan = planSheet(findPreset("big-tech-2026") as Preset);
    expect(plan.cells.find((c) => c.address === plan.keyCells.msft_ai_capex?.reported)?.role).not.toBe("reportedAsBase");
    expect(plan.cells.find((c) => c.address === plan.keyCells.msft_jobs_cut?.reported)?.role).toBe("reportedAsBase");
  });

  it("keep Low, Base and High as the analysis gives them", () => {
    const meta = findPreset("meta-2026") as Preset;
    const capex = meta.inputs.find((i) => i.key === "ai_capex");
    expect([capex?.low, capex?.base, capex?.high]).toEqual([60e9, 62.5e9, 65e9]);
    expect(meta.inputs.find((i) => i.key === "jobs_cut")?.base).toBe(23_000);
  });

  it("meta-2026: the Reported column's labor savings are 8,000 × $165,000 = $1.32B a year, the recurring cost 47.3× them (as the README says)", () => {
    const plan = planSheet(findPreset("meta-2026") as Preset);
    const sheet = evaluatePlan(plan);
    expect(sheet.valueAt(plan.keyCells.labor_savings?.reported ?? "")).toBe(1_320_000_000);
    expect(sheet.valueAt(plan.keyCells.recurring_ai_cost?.reported ?? "")).toBe(62_500_000_000);
    const ratio = sheet.cells.find((c) => c.cell.address === plan.keyCells.recurring_cost_to_savings?.reported);
    expect(ratio?.display).toBe("47.3x");
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain("Meta's cut saves $1.32B a year (8,000 × $165,000) against a recurring cost of $62.5B, 47.3× the savings");
  });
});

describe("where the analysis contradicts itself", () => {
  const cluster = findPreset("gpu-cluster-100k") as Preset;
  const meta = findPreset("meta-2026") as Preset;
  const clusterPlan = planSheet(cluster);
  const clusterSheet = evaluatePlan(clusterPlan);
  const metaPlan = planSheet(meta);
  const annual = (s: "low" | "base" | "high") => clusterSheet.valueAt(clusterPlan.keyCells.annual_cost?.[s] ?? "") as number;
  const savings = evaluatePlan(metaPlan).valueAt(metaPlan.keyCells.labor_savings?.base ?? "") as number;

  it("the cluster's annual cost is $1.17B–$1.33B ($3.5B–$4B over three years), not the $1.2B–$1.4B the analysis states", () => {
    expect(annual("low")).toBeCloseTo(3.5e9 / 3, 0);
    expect(annual("high")).toBeCloseTo(4e9 / 3, 0);
    expect((annual("low") / 1e9).toFixed(2)).toBe("1.17");
    expect((annual("high") / 1e9).toFixed(2)).toBe("1.33");
  });

  it("that cost is 31%–35% of Meta's labor savings, not comparable to or larger than them", () => {
    expect(savings).toBe(3_795_000_000);
    expect(Math.round((annual("low") / savings) * 100)).toBe(31);
    expect(Math.round((annual("high") / savings) * 100)).toBe(35);
  });

  it("both models' notes say so with these numbers", () => {
    for (const preset of [cluster, meta]) {
      const note = (preset.notes ?? []).find((n) => n.includes("contradicts itself"));
      expect(note, preset.id).toBeDefined();
      for (const figure of ["$1.2B–$1.4B", "$1.17B–$1.33B", "comparable to, or larger than", "$3.795B", "31%–35%"]) expect(note, figure).toContain(figure);
    }
  });
});
