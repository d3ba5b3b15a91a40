/*
 * The built-in models with a timeline, planned and evaluated in HyperFormula,
 * against the calc module called directly with the preset's input values: every
 * cash-flow cell, the cumulative net cash, and each summary measure both as the
 * calc module computes it from rows built here and as it computes it from the
 * sheet's own rows. Then the headline figures, checked by hand.
 */
import { describe, expect, it } from "vitest";
import {
  depreciationUsd,
  gpuCashFlowsUsd,
  paybackYears,
  presentValueUsd,
  roiFraction,
  savingsCashFlowsUsd,
  tokenCostCashFlowsUsd,
} from "../../src/calc";
import { evaluatePlan, type EvaluatedSheet, type EvaluatedValue } from "../../src/hyperformula/evaluatePlan";
import { builtInPresets, findPreset, planSheet, type Preset } from "../../src/presets";
import { sheetScenariosOf, type SheetScenario } from "../../src/presets/types";
import { parseCellAddress, cellAddress } from "../../src/presets/address";
import { inputValues } from "../presets/helpers";

type Values = Record<string, number>;
type Rows = Record<string, number[]>;

function get(v: Values, key: string): number {
  const value = v[key];
  if (value === undefined) throw new Error(`no input "${key}"`);
  return value;
}
function row(value: number[] | { message: string }): number[] {
  if (!Array.isArray(value)) throw new Error(value.message);
  return value;
}
const add = (...rows: number[][]): number[] => (rows[0] ?? []).map((_, k) => rows.reduce((sum, r) => sum + (r[k] as number), 0));
const minus = (a: number[], b: number[]): number[] => a.map((x, k) => x - (b[k] as number));
const times = (a: number[], f: number): number[] => a.map((x) => x * f);

/** Each timeline row, built here from the calc module, in the preset's own terms. */
const rowExpectations: Readonly<Record<string, (v: Values, years: number) => Rows>> = {
  "ai-paradox-5y": (v, years) => {
    const spend = gpuCashFlowsUsd(1, get(v, "ai_spend"), years, 0, get(v, "ai_spend") * get(v, "recurring_share"));
    const labor = savingsCashFlowsUsd(1, get(v, "labor_saved"), years);
    const profit = savingsCashFlowsUsd(1, get(v, "new_ai_profit"), years);
    return {
      ai_spend_flows: spend,
      labor_saved_flows: labor,
      new_profit_flows: profit,
      net_without_revenue: minus(labor, spend),
      benefits_with_revenue: add(labor, profit),
      net_with_revenue: minus(add(labor, profit), spend),
    };
  },
  "meta-2026-5y": (v, years) => {
    const savings = savingsCashFlowsUsd(get(v, "jobs_cut"), get(v, "cost_per_employee"), years);
    const recurring = gpuCashFlowsUsd(0, 0, years, 0, get(v, "ai_capex") * get(v, "recurring_share"));
    const book = [0, ...row(depreciationUsd(get(v, "ai_capex"), get(v, "server_useful_life"), years))];
    const economic = gpuCashFlowsUsd(0, 0, years, 0, get(v, "ai_capex") / get(v, "economic_life"));
    return {
      savings_flows: savings,
      recurring_cost_flows: recurring,
      book_depreciation_flows: book,
      economic_cost_flows: economic,
      net_recurring: minus(savings, recurring),
      net_book: minus(savings, book),
      net_economic: minus(savings, economic),
    };
  },
  "ai-business-case": (v, years) => {
    const tokensPerYear = get(v, "agents") * get(v, "tokens_per_agent_per_hour") * get(v, "hours_per_day") * get(v, "days_per_year");
    const tokens = tokenCostCashFlowsUsd(tokensPerYear, get(v, "blended_price"), years, get(v, "token_price_change"));
    const gpus = gpuCashFlowsUsd(get(v, "gpu_count"), get(v, "gpu_unit_price"), years);
    const implementation = gpuCashFlowsUsd(1, get(v, "implementation_cost"), years);
    const training = gpuCashFlowsUsd(1, get(v, "training_initial"), years, 0, get(v, "training_per_year"));
    const labor = savingsCashFlowsUsd(get(v, "jobs_saved"), get(v, "cost_per_employee"), years, get(v, "first_year_fraction"));
    const productivity = savingsCashFlowsUsd(1, get(v, "productivity_gain"), years, get(v, "first_year_fraction"));
    const costs = times(add(tokens, gpus, implementation, training), 1 + get(v, "cost_risk"));
    const benefits = times(add(labor, productivity), 1 - get(v, "benefit_risk"));
    return {
      token_costs: tokens,
      gpu_costs: gpus,
      implementation_costs: implementation,
      training_costs: training,
      total_costs: costs,
      labor_benefits: labor,
      productivity_benefits: productivity,
      total_benefits: benefits,
      net_cash_flow: minus(benefits, costs),
    };
  },
};

function close(actual: EvaluatedValue, expected: number, where: string, relative = 1e-12): void {
  if (typeof actual !== "number") throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** A measure's value or error code as the calc module gives it. */
function measureOf(value: number | { kind: string }): number | string {
  if (typeof value === "number") return value;
  return { na: "#N/A", num: "#NUM!", div0: "#DIV/0!", value: "#VALUE!" }[value.kind] ?? value.kind;
}

/** Excel's IRR where the net row changes sign (the rate at which its present value is 0); #NUM! where it never does. */
function checkIrr(actual: EvaluatedValue, net: readonly number[], where: string): void {
  const signs = new Set(net.filter((x) => x !== 0).map(Math.sign));
  if (signs.size < 2) {
    expect(typeof actual === "object" && actual !== null ? actual.error : actual, where).toBe("#NUM!");
    return;
  }
  if (typeof actual !== "number") throw new Error(`${where}: expected an IRR, got ${JSON.stringify(actual)}`);
  const scale = net.reduce((s, x) => s + Math.abs(x), 0);
  expect(Math.abs(presentValueUsd(net, actual)) / scale, where).toBeLessThan(1e-9);
}

function rangeValues(sheet: EvaluatedSheet, range: string): EvaluatedValue[] {
  const [first, last] = range.split(":").map((a) => parseCellAddress(a));
  if (first === undefined || last === undefined) throw new Error(range);
  return Array.from({ length: last.column - first.column + 1 }, (_, k) => sheet.valueAt(cellAddress(first.row, first.column + k)));
}
const numbers = (values: EvaluatedValue[]): number[] =>
  values.map((x) => {
    if (typeof x !== "number") throw new Error(`not a number: ${JSON.stringify(x)}`);
    return x;
  });

const timelinePresets = builtInPresets.filter((p) => p.timeline !== undefined);

describe.each(timelinePresets.map((p) => [p.id, p] as const))("evaluatePlan(planSheet(%s)): the timeline", (id, preset: Preset) => {
  const timeline = preset.timeline;
  if (timeline === undefined) throw new Error("no timeline");
  const plan = planSheet(preset);
  const sheet = evaluatePlan(plan);
  const planned = plan.timeline;
  if (planned === undefined) throw new Error("no planned timeline");

  it("has an independent expectation for every row", () => {
    const rows = rowExpectations[id]?.(inputValues(preset, "base"), timeline.years) ?? {};
    expect(Object.keys(rows).sort()).toEqual(timeline.rows.map((r) => r.key).sort());
  });

  // Low, Base, High, and Reported on a sheet with that column (meta-2026-5y).
  describe.each(sheetScenariosOf(preset))("%s", (scenario: SheetScenario) => {
    const v = inputValues(preset, scenario);
    const rows = rowExpectations[id]?.(v, timeline.years) ?? {};
    const rate = get(v, timeline.discountRate);

    it("computes every cell of every row as the calc module does", () => {
      for (const r of timeline.rows) {
        const expected = rows[r.key] ?? [];
        expect(expected).toHaveLength(timeline.years + 1);
        rangeValues(sheet, planned.rows[r.key]?.[scenario] ?? "").forEach((value, k) => close(value, expected[k] as number, `${r.key} ${scenario} year ${k}`));
      }
    });

    it("adds up the first summary's net row into the cumulative net cash", () => {
      const net = rows[timeline.summaries[0]?.net ?? ""] ?? [];
      let running = 0;
      rangeValues(sheet, planned.cumulative[scenario] ?? "").forEach((value, k) => {
        running += net[k] as number;
        close(value, running, `cumulative ${scenario} year ${k}`);
      });
    });

    it("computes each summary measure as the calc module does, from the rows built here and from the sheet's rows", () => {
      timeline.summaries.forEach((summary, i) => {
        const cellsOf = planned.summaries[i]?.measures ?? {};
        const fromSheet = (key: string | undefined): number[] => numbers(rangeValues(sheet, planned.rows[key ?? ""]?.[scenario] ?? ""));
        const here = (key: string | undefined): number[] => rows[key ?? ""] ?? [];
        for (const measure of summary.measures) {
          const address = cellsOf[measure]?.[scenario] ?? "";
          const actual = sheet.valueAt(address);
          const where = `${summary.label} ${measure} ${scenario} (${address})`;
          if (measure === "irr") {
            checkIrr(actual, here(summary.net), where);
            continue;
          }
          for (const rowsOf of [here, fromSheet]) {
            const expected = measureOf(
              {
                costsPv: () => presentValueUsd(rowsOf(summary.costs), rate),
                benefitsPv: () => presentValueUsd(rowsOf(summary.benefits), rate),
                npv: () => presentValueUsd(rowsOf(summary.net), rate),
                payback: () => paybackYears(rowsOf(summary.net)),
                roi: () => roiFraction(rowsOf(summary.costs), rowsOf(summary.benefits), rate),
              }[measure](),
            );
            if (typeof expected === "string") expect(typeof actual === "object" && actual !== null ? actual.error : actual, where).toBe(expected);
            else close(actual, expected, where, 1e-11);
          }
        }
      });
    });
  });
});

function sheetOf(id: string): { sheet: EvaluatedSheet; planned: NonNullable<ReturnType<typeof planSheet>["timeline"]>; keyCells: ReturnType<typeof planSheet>["keyCells"] } {
  const plan = planSheet(findPreset(id) as Preset);
  if (plan.timeline === undefined) throw new Error("no timeline");
  return { sheet: evaluatePlan(plan), planned: plan.timeline, keyCells: plan.keyCells };
}

describe("timeline figures, checked by hand", () => {
  it("meta-2026-5y: $62.5B over 5.5 years is $11.36B a year of book depreciation, about 3× the savings against the analysis's 8×", () => {
    const { sheet, planned, keyCells } = sheetOf("meta-2026-5y");
    const value = (key: string): EvaluatedValue => sheet.valueAt(keyCells[key]?.base ?? "");
    // 62,500,000,000 / 5.5 = 11,363,636,363.64
    close(value("book_depreciation"), 11_363_636_363.636364, "book depreciation", 1e-12);
    // 23,000 × 165,000 = 3,795,000,000 saved a year; 62.5B × 0.5 = 31.25B recurring: 8.23×
    close(value("recurring_cost_to_savings"), 31_250_000_000 / 3_795_000_000, "recurring ÷ savings");
    expect(value("recurring_cost_to_savings")).toBeCloseTo(8.23, 2);
    // 11.3636B / 3.795B = 2.994: about 3×
    expect(value("book_depreciation_to_savings")).toBeCloseTo(2.994, 3);
    // 62.5B / 3 = 20.83B a year over a 3-year economic life: 5.4897×
    expect(value("economic_cost_to_savings")).toBeCloseTo(5.4897, 4);
    // The book depreciation row: nothing at the start, then 11.36B in each of the five years.
    const bookRow = rangeValues(sheet, planned.rows.book_depreciation_flows?.base ?? "");
    expect(bookRow[0]).toBe(0);
    for (const year of bookRow.slice(1)) close(year, 62_500_000_000 / 5.5, "book row");
    // NPV of savings − book depreciation at 10%: (3.795B − 11.3636B) × 3.790787 (the 5-year annuity factor at 10%)
    const annuity = (1 - 1.1 ** -5) / 0.1;
    close(sheet.valueAt(planned.summaries[1]?.measures.npv?.base ?? ""), (3_795_000_000 - 62_500_000_000 / 5.5) * annuity, "book NPV", 1e-12);
  });

  it("ai-paradox-5y: without new revenue the Base case never pays back; with it, it pays back in 10/14 of a year", () => {
    const { sheet, planned } = sheetOf("ai-paradox-5y");
    const annuity = (1 - 1.1 ** -5) / 0.1; // 3.790787
    const [without, withRevenue] = planned.summaries;
    // Base: −10B at the start, then 4B saved − 5B recurring = −1B a year.
    close(sheet.valueAt(without?.measures.npv?.base ?? ""), -10e9 - 1e9 * annuity, "NPV without revenue");
    expect(sheet.valueAt(without?.measures.payback?.base ?? "")).toMatchObject({ error: "#N/A" });
    // Low (spent once): −10B, then +4B a year: paid back after 2.5 years.
    close(sheet.valueAt(without?.measures.payback?.low ?? ""), 2.5, "payback Low");
    // With revenue: −10B, then 4B + 15B − 5B = 14B a year.
    close(sheet.valueAt(withRevenue?.measures.npv?.base ?? ""), -10e9 + 14e9 * annuity, "NPV with revenue");
    close(sheet.valueAt(withRevenue?.measures.payback?.base ?? ""), 10 / 14, "payback with revenue");
  });

  it("ai-business-case: the agent fleet's three-year case, by hand", () => {
    const { sheet, planned } = sheetOf("ai-business-case");
    // Costs: tokens 10,000 × 50,000 × 24 × 365 = 4.38e12 tokens at $15/M = 65.7M a year;
    // implementation 5M and training 1M at the start, training 0.5M a year; raised 10% for risk.
    const costs = [(5e6 + 1e6) * 1.1, (65.7e6 + 0.5e6) * 1.1, (65.7e6 + 0.5e6) * 1.1, (65.7e6 + 0.5e6) * 1.1]; // 6.6M, 72.82M × 3
    // Benefits: 1,000 jobs × $165,000 = 165M and 20M productivity, half of it in year 1; lowered 15% for risk.
    const benefits = [0, (82.5e6 + 10e6) * 0.85, (165e6 + 20e6) * 0.85, (165e6 + 20e6) * 0.85]; // 0, 78.625M, 157.25M, 157.25M
    const net = [-6.6e6, 78.625e6 - 72.82e6, 157.25e6 - 72.82e6, 157.25e6 - 72.82e6]; // −6.6M, 5.805M, 84.43M, 84.43M
    const costsRow = numbers(rangeValues(sheet, planned.rows.total_costs?.base ?? ""));
    const benefitsRow = numbers(rangeValues(sheet, planned.rows.total_benefits?.base ?? ""));
    const netRow = numbers(rangeValues(sheet, planned.rows.net_cash_flow?.base ?? ""));
    costs.forEach((x, k) => close(costsRow[k] as number, x, `costs ${k}`));
    benefits.forEach((x, k) => close(benefitsRow[k] as number, x, `benefits ${k}`));
    net.forEach((x, k) => close(netRow[k] as number, x, `net ${k}`));
    // At 10%: PV of costs 6.6M + 72.82M × (1/1.1 + 1/1.21 + 1/1.331) = 6.6M + 72.82M × 2.486852 = 187.6926M (187,692,561.98)
    const factor = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
    const pvCosts = 6.6e6 + 72.82e6 * factor;
    expect(pvCosts).toBeCloseTo(187_692_561.98, 1);
    // PV of benefits 78.625M / 1.1 + 157.25M / 1.21 + 157.25M / 1.331 = 71.4773M + 129.9587M + 118.1443M = 319.5802M (319,580,202.85)
    const pvBenefits = 78.625e6 / 1.1 + 157.25e6 / 1.21 + 157.25e6 / 1.331;
    expect(pvBenefits).toBeCloseTo(319_580_202.85, 1);
    const [summary] = planned.summaries;
    close(sheet.valueAt(summary?.measures.costsPv?.base ?? ""), pvCosts, "PV of costs");
    close(sheet.valueAt(summary?.measures.benefitsPv?.base ?? ""), pvBenefits, "PV of benefits");
    // NPV = 319.58M − 187.69M = 131.89M (131,887,640.87); ROI = 131.89M / 187.69M = 70.27%
    close(sheet.valueAt(summary?.measures.npv?.base ?? ""), pvBenefits - pvCosts, "NPV");
    close(sheet.valueAt(summary?.measures.roi?.base ?? ""), (pvBenefits - pvCosts) / pvCosts, "ROI");
    expect(sheet.valueAt(summary?.measures.roi?.base ?? "")).toBeCloseTo(0.7027, 4);
    // Payback: −6.6M, then −0.795M after year 1; year 2 brings 84.43M: 1 + 0.795 / 84.43 years
    close(sheet.valueAt(summary?.measures.payback?.base ?? ""), 1 + 0.795e6 / 84.43e6, "payback");
  });
});

