/*
 * Every built-in preset's plan, evaluated in HyperFormula, against the calc
 * module called directly with the preset's input values and plain arithmetic
 * done here: the formulas the planner writes must compute what the preset means.
 */
import { describe, expect, it } from "vitest";
import {
  blendedPriceUsdPerMillion,
  gpuHourCostUsd,
  gpuTcoUsd,
  laborSavingsUsd,
  modelPriceUsdPerMillion,
  selfHostPriceUsdPerMillion,
  tokenCostUsd,
} from "../../src/calc";
import { evaluatePlan, type EvaluatedValue } from "../../src/hyperformula/evaluatePlan";
import { builtInPresets, findPreset, formatForDisplay, planSheet, scenarios, type Preset, type Scenario } from "../../src/presets";
import { inputValues, tinyPreset } from "../presets/helpers";

type Values = Record<string, number>;
type Expectations = (v: Values) => Record<string, number>;

/** Reads a key's value, failing loudly when the preset lacks it. */
function get(v: Values, key: string): number {
  const value = v[key];
  if (value === undefined) throw new Error(`no input "${key}"`);
  return value;
}

/** genai-prices' price on the presets' analysis date, as the presets ask for it. */
function catalogPrice(model: string, kind: "input" | "output"): number {
  const price = modelPriceUsdPerMillion(model, kind, "2026-04-24");
  if (typeof price !== "number") throw new Error(price.message);
  return price;
}

function company(v: Values, p: string, withPeak: boolean): Record<string, number> {
  const labor = laborSavingsUsd(get(v, `${p}jobs_cut`), get(v, `${p}cost_per_employee`));
  const recurring = get(v, `${p}ai_capex`) * get(v, `${p}recurring_share`);
  const cumulative = (withPeak ? get(v, `${p}cuts_2022`) : 0) + get(v, `${p}cuts_2023`) + get(v, `${p}jobs_cut`);
  return {
    [`${p}labor_savings`]: labor,
    [`${p}recurring_ai_cost`]: recurring,
    [`${p}net_annual_effect`]: labor - recurring,
    [`${p}savings_share_of_capex`]: labor / get(v, `${p}ai_capex`),
    [`${p}recurring_cost_to_savings`]: recurring / labor,
    [`${p}cumulative_jobs_cut`]: cumulative,
    ...(withPeak ? { [`${p}cumulative_share_of_peak`]: cumulative / get(v, `${p}peak_workforce`) } : {}),
  };
}

const expectations: Readonly<Record<string, Expectations>> = {
  "meta-2026": (v) => company(v, "", true),
  "microsoft-2026": (v) => company(v, "", false),
  "big-tech-2026": (v) => {
    const meta = company(v, "meta_", true);
    const msft = company(v, "msft_", false);
    const combinedLabor = get(meta, "meta_labor_savings") + get(msft, "msft_labor_savings");
    const combinedCapex = get(v, "meta_ai_capex") + get(v, "msft_ai_capex");
    return {
      ...meta,
      ...msft,
      combined_labor_savings: combinedLabor,
      combined_ai_capex: combinedCapex,
      combined_savings_share_of_capex: combinedLabor / combinedCapex,
    };
  },
  "gpu-cluster-100k": (v) => {
    const tco = gpuTcoUsd(
      get(v, "gpu_count"),
      get(v, "gpu_unit_price"),
      get(v, "years"),
      get(v, "power_cost_per_year"),
      get(v, "other_costs_per_year"),
    );
    return {
      hardware_cost: get(v, "gpu_count") * get(v, "gpu_unit_price"),
      tco,
      annual_cost: tco / get(v, "years"),
      gpu_hour_cost: gpuHourCostUsd(tco, get(v, "gpu_count"), get(v, "years")),
    };
  },
  "agent-fleet-10k": (v) => {
    const tokensPerDay = get(v, "agents") * get(v, "tokens_per_agent_per_hour") * get(v, "hours_per_day");
    const listBlend = blendedPriceUsdPerMillion(get(v, "list_input_price"), get(v, "list_output_price"), get(v, "output_share"));
    const annual = (price: number): number =>
      tokenCostUsd(get(v, "tokens_per_agent_per_hour"), get(v, "agents"), price, get(v, "hours_per_day"), get(v, "days_per_year"));
    return {
      tokens_per_day: tokensPerDay,
      cost_per_day: (tokensPerDay * get(v, "blended_price")) / 1e6,
      list_blended_price: listBlend,
      annual_cost: annual(get(v, "blended_price")),
      annual_cost_at_list_blend: annual(listBlend),
    };
  },
  "self-host-vs-api": (v) => {
    const selfHost = selfHostPriceUsdPerMillion(get(v, "gpu_hour_cost"), get(v, "tokens_per_second_per_gpu"), get(v, "utilization"));
    const api = blendedPriceUsdPerMillion(get(v, "api_input_price"), get(v, "api_output_price"), get(v, "output_share"));
    const dsInput = catalogPrice("deepseek-v4-flash", "input");
    const dsOutput = catalogPrice("deepseek-v4-flash", "output");
    const ds = blendedPriceUsdPerMillion(dsInput, dsOutput, get(v, "output_share"));
    const bill = (price: number): number => (get(v, "fleet_tokens_per_year") * price) / 1e6;
    return {
      self_host_price: selfHost,
      api_blended_price: api,
      deepseek_input_price: dsInput,
      deepseek_output_price: dsOutput,
      deepseek_blended_price: ds,
      api_to_self_host_ratio: api / selfHost,
      deepseek_to_self_host_ratio: ds / selfHost,
      api_annual_bill: bill(api),
      deepseek_annual_bill: bill(ds),
      self_host_annual_bill: bill(selfHost),
    };
  },
  "ai-paradox": (v) => ({
    net_without_revenue: get(v, "labor_saved") - get(v, "ai_spend"),
    net_with_revenue: get(v, "labor_saved") + get(v, "new_ai_profit") - get(v, "ai_spend"),
  }),
  "ai-paradox-5y": (v) => ({
    one_year_net_without_revenue: get(v, "labor_saved") - get(v, "ai_spend"),
    one_year_net_with_revenue: get(v, "labor_saved") + get(v, "new_ai_profit") - get(v, "ai_spend"),
    recurring_spend: get(v, "ai_spend") * get(v, "recurring_share"),
  }),
  "meta-2026-5y": (v) => {
    const core = company({ ...v, cuts_2023: 0 }, "", false);
    const labor = get(core, "labor_savings");
    const book = get(v, "ai_capex") / get(v, "server_useful_life");
    const economic = get(v, "ai_capex") / get(v, "economic_life");
    const { cumulative_jobs_cut: _unused, ...rest } = core;
    void _unused;
    return {
      ...rest,
      book_depreciation: book,
      economic_cost: economic,
      book_depreciation_to_savings: book / labor,
      economic_cost_to_savings: economic / labor,
    };
  },
  "ai-business-case": (v) => ({
    tokens_per_year: get(v, "agents") * get(v, "tokens_per_agent_per_hour") * get(v, "hours_per_day") * get(v, "days_per_year"),
  }),
  "tiny-test": (v) => {
    const savings = laborSavingsUsd(get(v, "headcount"), get(v, "cost"));
    return { savings, double_savings: savings * 2 };
  },
};

function expectClose(actual: EvaluatedValue, expected: number, where: string): void {
  if (typeof actual !== "number") throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

function evaluated(id: string): { preset: Preset; valueOf: (key: string, scenario: Scenario) => EvaluatedValue } {
  const preset = findPreset(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  const plan = planSheet(preset);
  const sheet = evaluatePlan(plan);
  return {
    preset,
    valueOf: (key, scenario) => {
      const at = plan.keyCells[key];
      if (at === undefined) throw new Error(`no key ${key}`);
      return sheet.valueAt(at[scenario]);
    },
  };
}

const cases = [...builtInPresets.map((p) => [p.id, p] as const), ["tiny-test", tinyPreset()] as const];

describe.each(cases)("evaluatePlan(planSheet(%s))", (id, preset: Preset) => {
  const plan = planSheet(preset);
  const sheet = evaluatePlan(plan);

  it("has an independent expectation for every output", () => {
    const expect_ = expectations[id];
    if (expect_ === undefined) throw new Error(`no expectations for ${id}: add them to this test`);
    expect(Object.keys(expect_(inputValues(preset, "base"))).sort()).toEqual(preset.outputs.map((o) => o.key).sort());
  });

  it.each(scenarios)("computes every output in the %s column as the calc module does", (scenario) => {
    const expected = (expectations[id] as Expectations)(inputValues(preset, scenario));
    for (const output of preset.outputs) {
      const at = plan.keyCells[output.key]?.[scenario] ?? "";
      expectClose(sheet.valueAt(at), expected[output.key] as number, `${id} ${output.key} ${scenario} (${at})`);
    }
  });

  const withReported = preset.inputs.some((input) => input.reported !== undefined);
  it.runIf(withReported)("computes every output in the Reported column as the calc module does, from the reported figures and Base elsewhere", () => {
    const values = inputValues(preset, "reported");
    const expected = (expectations[id] as Expectations)(values);
    for (const output of preset.outputs) {
      const at = plan.keyCells[output.key]?.reported ?? "";
      expect(at, output.key).not.toBe("");
      expectClose(sheet.valueAt(at), expected[output.key] as number, `${id} ${output.key} reported (${at})`);
    }
    for (const input of preset.inputs) {
      const at = plan.keyCells[input.key]?.reported ?? "";
      expect(sheet.valueAt(at), `${input.key} (${at})`).toBe(input.reported?.value ?? input.base);
    }
  });

  it("has no error anywhere (but where a timeline's summary expects one) and gives back every planned text and number", () => {
    // A summary's IRR or payback is an error when the net cash never turns: tests/hyperformula/evaluateTimeline.test.ts checks each.
    const summaryCells = new Set(
      (plan.timeline?.summaries ?? []).flatMap((summary) =>
        Object.values(summary.measures).flatMap((at) => [at.low, at.base, at.high, ...(at.reported === undefined ? [] : [at.reported])]),
      ),
    );
    for (const { cell, value, display } of sheet.cells) {
      if (!summaryCells.has(cell.address)) expect(typeof value === "object" && value !== null ? value.error : "ok", cell.address).toBe("ok");
      if (cell.content.kind === "text") expect(value).toBe(cell.content.text);
      if (cell.content.kind === "number") expect(value).toBe(cell.content.value);
      expect(display).toBe(formatForDisplay(value, cell.numberFormat));
    }
  });

  it("repeats Base in Low and High for inputs without a range", () => {
    for (const input of preset.inputs) {
      const at = plan.keyCells[input.key];
      if (at === undefined) throw new Error(input.key);
      expect(sheet.valueAt(at.low)).toBe(input.low ?? input.base);
      expect(sheet.valueAt(at.high)).toBe(input.high ?? input.base);
    }
  });
});

describe("headline figures, checked by hand", () => {
  it("meta-2026: 23,000 jobs × $165,000 = $3,795,000,000 a year in the Base column, shown as $3.8B", () => {
    const { valueOf } = evaluated("meta-2026");
    expect(valueOf("labor_savings", "base")).toBe(3_795_000_000);
    // 23,000 × 165,000 − 62.5B × 0.5 = 3.795B − 31.25B
    expect(valueOf("net_annual_effect", "base")).toBe(-27_455_000_000);
    // 11,000 + 10,000 + 23,000 = 44,000 of about 107,000
    expect(valueOf("cumulative_jobs_cut", "base")).toBe(44_000);
    const plan = planSheet(findPreset("meta-2026") as Preset);
    const cell = evaluatePlan(plan).cells.find((c) => c.cell.address === plan.keyCells.labor_savings?.base);
    expect(cell?.display).toBe("$3.8B");
  });

  it("agent-fleet-10k: 50,000 × 10,000 × 24 × 365 × $15 / 1M = $65,700,000 a year", () => {
    const { valueOf } = evaluated("agent-fleet-10k");
    for (const scenario of scenarios) {
      expect(valueOf("annual_cost", scenario)).toBeCloseTo(65_700_000, 6);
      expect(valueOf("list_blended_price", scenario)).toBeCloseTo(15, 12); // 0.4 × 30 + 0.6 × 5
      expect(valueOf("cost_per_day", scenario)).toBeCloseTo(180_000, 6); // 12 billion tokens a day
    }
  });

  it("gpu-cluster-100k: the columns reproduce the analysis's 3-year TCO of $3.5B (Low), $3.75B (Base) and $4B (High)", () => {
    const { valueOf } = evaluated("gpu-cluster-100k");
    expect(valueOf("tco", "low")).toBeCloseTo(3.5e9, 0); // 100,000 × 25,000 + 3 × (200M + 133.33M)
    expect(valueOf("tco", "base")).toBeCloseTo(3.75e9, 0); // 100,000 × 27,500 + 3 × (250M + 83.33M)
    expect(valueOf("tco", "high")).toBeCloseTo(4e9, 0); // 100,000 × 30,000 + 3 × (300M + 33.33M)
    for (const scenario of scenarios) {
      const tco = valueOf("tco", scenario) as number;
      expect(tco).toBeGreaterThanOrEqual(3.5e9 - 1e-3);
      expect(tco).toBeLessThanOrEqual(4e9 + 1e-3);
    }
  });

  it("gpu-cluster-100k: the derived operations cost is the only input exempt from low <= base <= high", () => {
    // Low needs other costs of (3.5B − 2.5B − 3 × 200M) / 3 = 133.3M a year, High (4B − 3B − 3 × 300M) / 3 = 33.3M.
    const preset = findPreset("gpu-cluster-100k") as Preset;
    const other = preset.inputs.find((i) => i.key === "other_costs_per_year");
    expect(other?.derived).toBe(true);
    expect(other?.low).toBeCloseTo(133_333_333.33, 1);
    expect(other?.high).toBeCloseTo(33_333_333.33, 1);
    const exempt = builtInPresets.flatMap((p) => p.inputs.filter((i) => i.derived === true).map((i) => `${p.id}/${i.key}`));
    expect(exempt).toEqual(["gpu-cluster-100k/other_costs_per_year"]);
  });

  it("self-host-vs-api: GPT-5.5 blends to $15; self-hosting costs cents per million tokens", () => {
    const { valueOf } = evaluated("self-host-vs-api");
    expect(valueOf("api_blended_price", "base")).toBeCloseTo(15, 12);
    // $2.75 ÷ (3,600 tokens/s × 3,600 s × 0.55) × 1M = $0.3858
    expect(valueOf("self_host_price", "base")).toBeCloseTo((2.75 / (3600 * 3600 * 0.55)) * 1e6, 12);
    // DeepSeek V4 Flash: 0.4 × $0.28 + 0.6 × $0.14 = $0.196
    expect(valueOf("deepseek_blended_price", "base")).toBeCloseTo(0.196, 12);
  });

  it("self-host-vs-api: the notes' figures are the sheet's (self-hosting is dearer than DeepSeek V4 Flash's API)", () => {
    const evaluatedSheet = evaluated("self-host-vs-api");
    const valueOf = (key: string, column: Scenario): number => evaluatedSheet.valueOf(key, column) as number;
    const notes = (builtInPresets.find((p) => p.id === "self-host-vs-api")?.notes ?? []).join(" ");
    const ratio = (column: "base" | "low" | "high") => valueOf("deepseek_to_self_host_ratio", column);
    expect(notes).toContain(`$${valueOf("self_host_price", "base").toFixed(3)} per million tokens`);
    expect(notes).toContain(`(${valueOf("api_to_self_host_ratio", "base").toFixed(1)}× cheaper)`);
    expect(notes).toContain(
      `$${valueOf("deepseek_blended_price", "base").toFixed(3)} (the API costs ${ratio("base").toFixed(2)}× the self-hosted price)`,
    );
    expect(notes).toContain(`the DeepSeek ratio is ${ratio("low").toFixed(2)}× and ${ratio("high").toFixed(2)}×`);
    for (const column of ["base", "low", "high"] as const) expect(ratio(column)).toBeLessThan(1);
  });

  it("ai-paradox: $4B − $10B = −$6B without new revenue, +$9B with $15B of it", () => {
    const { valueOf } = evaluated("ai-paradox");
    expect(valueOf("net_without_revenue", "base")).toBe(-6e9);
    expect(valueOf("net_with_revenue", "base")).toBe(9e9);
  });
});

describe("evaluatePlan", () => {
  it("reports errors with their Excel code and message", () => {
    const preset = tinyPreset();
    const broken: Preset = {
      ...preset,
      inputs: [{ ...(preset.inputs[0] as Preset["inputs"][number]), base: -5, low: -6, high: -4 }, ...preset.inputs.slice(1)],
    };
    const plan = planSheet(broken);
    const value = evaluatePlan(plan).valueAt(plan.keyCells.savings?.base ?? "");
    expect(value).toEqual({ error: "#NUM!", message: "headcount must be at least 0, got -5" });
  });

  it("reads empty cells as null and refuses malformed addresses", () => {
    const sheet = evaluatePlan(planSheet(tinyPreset()));
    expect(sheet.valueAt("Z99")).toBeNull();
    expect(() => sheet.valueAt("not-a-cell")).toThrow(/not an A1 cell address/);
  });
});

describe("Excel's TRUE and FALSE in formulas", () => {
  it("read as the booleans, not as unknown names", async () => {
    const { createAicostEngine } = await import("../../src/hyperformula/aicostPlugin");
    const engine = createAicostEngine({ S: [["=IF(1>0,TRUE,FALSE)", "=FALSE", "=AND(TRUE,1)", "=TRUE()", "=NOT(FALSE)"]] });
    try {
      expect(engine.getSheetValues(0)).toEqual([[true, false, true, true, true]]);
    } finally {
      engine.destroy();
    }
  });
});
