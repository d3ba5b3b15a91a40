/*
 * Timeline models in the simulation: rows, INDEX into a function's row, ranges
 * of row cells, arithmetic across rows and the summary measures compiled to one
 * number per trial, each checked against HyperFormula on the model's own sheet.
 */
import * as formulajs from "@formulajs/formulajs";
import { DetailedCellError } from "hyperformula";
import { describe, expect, it } from "vitest";
import { builtInPresets, type Preset, type PresetTimeline } from "../../src/presets";
import {
  compileModel,
  defaultTornadoOutput,
  evaluateOnce,
  isTrialError,
  modelOutputs,
  paybackSentence,
  simulate,
  tornado,
  valueAt,
  type ConstantValue,
} from "../../src/simulation";
import { modelSheet, presetWith, sheetCellOf } from "./helpers";

type Cell = number | { code: string };

const fromEngine = (raw: unknown): Cell => (raw instanceof DetailedCellError ? { code: raw.value } : (raw as number));
const fromCompiled = (value: ConstantValue): Cell => (isTrialError(value) ? { code: value.code } : (value as number));

/** Compiled and HyperFormula values of every result of a preset, for the given Base inputs. */
function bothWays(preset: Preset, values: ReadonlyMap<string, number>): { key: string; compiled: Cell; sheet: Cell }[] {
  const { plan, engine, at } = modelSheet(preset);
  try {
    engine.batch(() => {
      for (const [key, value] of values) engine.setCellContents(at(plan.keyCells[key]!.base), value);
    });
    const compiled = evaluateOnce(compileModel(preset), values);
    return modelOutputs(preset).map((output) => ({
      key: output.key,
      compiled: fromCompiled(compiled.get(output.key) as ConstantValue),
      sheet: fromEngine(engine.getCellValue(at(sheetCellOf(plan, output, "base")))),
    }));
  } finally {
    engine.destroy();
  }
}

function expectClose(actual: Cell, expected: Cell, what: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      Math.max(1, Math.abs(expected)) * 1e-9,
    );
  } else {
    expect(actual, what).toEqual(expected);
  }
}

/** A four-year business case: an upfront cost x0 and a yearly cost x1, yearly benefits x2. */
const cashTimeline = (rows: PresetTimeline["rows"] = []): PresetTimeline => ({
  firstYear: 2026,
  years: 4,
  discountRate: "x3",
  rows: [
    {
      key: "costs",
      label: "Costs",
      unit: "USD per year",
      format: "usd",
      formula: "AICOST.GPU_CASH_FLOWS(1, x0, years, 0, x1)",
    },
    {
      key: "benefits",
      label: "Benefits",
      unit: "USD per year",
      format: "usd",
      formula: "AICOST.SAVINGS_CASH_FLOWS(1, x2, years)",
    },
    { key: "net", label: "Net", unit: "USD per year", format: "usd", formula: "benefits - costs" },
    ...rows,
  ],
  summaries: [
    {
      label: "Case",
      net: "net",
      costs: "costs",
      benefits: "benefits",
      measures: ["costsPv", "benefitsPv", "npv", "irr", "payback", "roi"],
    },
  ],
});

const cashInputs = [
  { base: 1000, low: 500, high: 3000 },
  { base: 100, low: 50, high: 150 },
  { base: 500, low: 0, high: 700 },
  { base: 0.1, low: 0, high: 0.2, format: "fraction" as const },
];

function cashPreset(rows?: PresetTimeline["rows"]): Preset {
  return presetWith(cashInputs, [{ formula: "x2 - x1" }], "cash-model", cashTimeline(rows));
}

describe("timeline results", () => {
  it("are listed after the outputs, keyed by net row and measure; a tornado defaults to the first NPV", () => {
    const paradox = builtInPresets.find((p) => p.id === "ai-paradox-5y")!;
    const keys = modelOutputs(paradox).map((o) => o.key);
    expect(keys.slice(0, paradox.outputs.length)).toEqual(paradox.outputs.map((o) => o.key));
    expect(keys).toContain("net_with_revenue.irr");
    expect(defaultTornadoOutput(paradox)).toBe("net_without_revenue.npv");
    expect(defaultTornadoOutput(builtInPresets.find((p) => p.id === "ai-business-case")!)).toBe("net_cash_flow.npv");
    expect(compileModel(paradox).outputs.map((o) => o.key)).toEqual(keys);
  });

  it("equal HyperFormula for cash that pays back, never pays back, and has no IRR", () => {
    const preset = cashPreset();
    const cases: [string, number[]][] = [
      ["pays back", [1000, 100, 500, 0.1]],
      ["pays back at once", [-10, 100, 500, 0.1]],
      ["never pays back, no IRR", [1000, 100, 0, 0.1]],
      ["never pays back within 4 years", [1000, 100, 200, 0.05]],
      ["negative rate", [1000, 100, 500, -0.5]],
      ["rate of -100%", [1000, 100, 500, -1]],
      ["huge flows", [1e300, 1e299, 5e299, 0.1]],
    ];
    for (const [name, inputs] of cases) {
      const values = new Map(inputs.map((v, i) => [`x${i}`, v]));
      for (const { key, compiled, sheet } of bothWays(preset, values)) expectClose(compiled, sheet, `${name}: ${key}`);
    }
    // Where every flow is below its absolute tolerance (1e-10), HyperFormula's IRR stops at its guess, 10%;
    // the compiled IRR solves the flows scaled, as for any other scale.
    const tiny = bothWays(
      preset,
      new Map([
        ["x0", 1e-12],
        ["x1", 1e-13],
        ["x2", 5e-13],
      ]),
    );
    for (const { key, compiled, sheet } of tiny)
      if (key !== "net.irr") expectClose(compiled, sheet, `tiny flows: ${key}`);
    expect(tiny.find((r) => r.key === "net.irr")?.sheet).toBe(0.1);
    expect(tiny.find((r) => r.key === "net.irr")?.compiled).toBeCloseTo(
      formulajs.IRR([-1000, 400, 400, 400, 400]) as number,
      9,
    );
    const never = bothWays(preset, new Map([["x2", 0]]));
    expect(never.find((r) => r.key === "net.irr")?.compiled).toEqual({ code: "#NUM!" });
    expect(never.find((r) => r.key === "net.payback")?.compiled).toEqual({ code: "#N/A" });
  });

  it("an input that sets a cash-flow row's years: trials with different row lengths each give what the trial gives alone (#REF! past a row's end), in a run, a tornado and a simulation", () => {
    const life = { base: 4, low: 3, high: 4, format: "number" as const };
    const base = cashTimeline([
      { key: "capex", label: "Capex", unit: "USD per year", format: "usd", formula: "AICOST.GPU_CASH_FLOWS(1, x0, x4)" },
      { key: "net2", label: "Net of capex", unit: "USD per year", format: "usd", formula: "benefits - capex" },
    ]);
    const timeline: PresetTimeline = {
      ...base,
      summaries: [...base.summaries, { label: "Capex", net: "net2", costs: "capex", benefits: "benefits", measures: ["npv", "payback"] }],
    };
    // Directly, and through an output (y1 = x4 + 0) as the row's years.
    for (const [id, outputs, years] of [
      ["row-length", [{ formula: "x2 - x1" }], "x4"],
      ["row-length-output", [{ formula: "x2 - x1" }, { formula: "x4 + 0" }], "y1"],
    ] as const) {
      const preset = presetWith([...cashInputs, life], outputs, id, {
        ...timeline,
        rows: timeline.rows.map((r) => (r.key === "capex" ? { ...r, formula: `AICOST.GPU_CASH_FLOWS(1, x0, ${years})` } : r)),
      });
      const model = compileModel(preset);
      const x4 = [3, 4, 2, 4, 3];
      const x0 = [500, 1000, 3000, 700, 900];
      const run = model.run({ trials: 5, draws: new Map([["x4", Float64Array.from(x4)], ["x0", Float64Array.from(x0)]]) });
      for (let i = 0; i < 5; i++) {
        const values = new Map([["x4", x4[i]!], ["x0", x0[i]!]]);
        const once = evaluateOnce(model, values);
        for (const [key, column] of run) expect(valueAt(column, i), `${id} trial ${i} ${key}`).toEqual(once.get(key));
        // (HyperFormula cannot check these: its engine needs a row function's years typed into the formula.)
      }
      expect(valueAt(run.get("net2.npv")!, 0)).toMatchObject({ code: "#REF!" });
      // The tornado swings the input to 3 (a shorter row) and 4, each as the sheet gives it.
      const swings = tornado(preset, "net2.npv");
      if (!swings.ok) throw new Error(swings.message);
      const bar = swings.tornado.inputs.find((b) => b.key === "x4")!;
      expect(bar.outputAtLow).toMatchObject({ code: "#REF!" });
      expect(bar.outputAtHigh).toEqual(evaluateOnce(model, new Map([["x4", 4]])).get("net2.npv"));
      // A simulation runs, its failed trials named.
      const simulated = simulate(preset, { trials: 500, seed: 1, distribution: "triangular" });
      if (!simulated.ok) throw new Error(simulated.message);
      expect(simulated.result.outputs.find((o) => o.key === "net2.npv")!.failedTrials).toBeGreaterThan(0);
    }
  });

  it("IRR solves the flows scaled: the same rate at any scale, and #NUM! beyond 100,000% a year", () => {
    const preset = cashPreset();
    const irr = (x: number[]) =>
      evaluateOnce(compileModel(preset), new Map(x.map((v, i) => [`x${i}`, v]))).get("net.irr");
    const expected = formulajs.IRR([-1000, 400, 400, 400, 400]) as number;
    expect(irr([1000, 100, 500, 0.1])).toBeCloseTo(expected, 9);
    expect(irr([1e-12, 1e-13, 5e-13, 0.1])).toBeCloseTo(expected, 9);
    // Unscaled, formulajs "solves" flows below its 1e-10 tolerance at its first guess, 10%.
    expect(formulajs.IRR([-1e-12, 4e-13, 4e-13, 4e-13, 4e-13])).toBe(0.1);
    // The root of [-1, 2000, 0, 0, 0] is 199,900% a year: formulajs stops at 1000 (not a root); the compiled IRR says #NUM!.
    expect(formulajs.IRR([-1, 2000, 0, 0, 0])).toBe(1000);
    expect(irr([1, -2000, 0, 0.1])).toMatchObject({ code: "#NUM!" });
  });

  it("rows that call a scalar function, a series function, depreciation from year one, and rows of rows equal HyperFormula", () => {
    const preset = cashPreset([
      {
        key: "scaled",
        label: "Scaled",
        unit: "USD per year",
        format: "usd",
        formula: "AICOST.SAVINGS_CASH_FLOWS(1, x2, years) * AICOST.LABOR_SAVINGS(1, 2)",
      },
      {
        key: "pv_row",
        label: "PV in every year",
        unit: "USD",
        format: "usd",
        formula: "net * 0 + AICOST.PRESENT_VALUE(net, x3)",
      },
      {
        key: "book",
        label: "Depreciation",
        unit: "USD per year",
        format: "usd",
        formula: "AICOST.DEPRECIATION(x0, 3, years)",
        fromYearOne: true,
      },
      {
        key: "after_book",
        label: "Net after depreciation",
        unit: "USD per year",
        format: "usd",
        formula: "benefits - book - pv_row / 10",
      },
    ]);
    const timeline = preset.timeline!;
    const withSummaries: Preset = {
      ...preset,
      timeline: {
        ...timeline,
        summaries: [
          ...timeline.summaries,
          { label: "Scaled", net: "scaled", measures: ["npv", "payback"] },
          { label: "PV row", net: "pv_row", measures: ["npv"] },
          {
            label: "Book",
            net: "after_book",
            costs: "book",
            benefits: "benefits",
            measures: ["npv", "irr", "payback", "roi"],
          },
        ],
      },
    };
    for (const inputs of [
      [1000, 100, 500, 0.1],
      [0, 0, 0, 0],
      [-1000, 100, 500, 0.3],
      [1000, 100, 500, -1],
    ]) {
      const values = new Map(inputs.map((v, i) => [`x${i}`, v]));
      for (const { key, compiled, sheet } of bothWays(withSummaries, values))
        expectClose(compiled, sheet, `${inputs.join(",")}: ${key}`);
    }
  });

  it("a row shorter than the timeline is #REF! past its end, as Excel's INDEX gives (HyperFormula gives #NUM!)", () => {
    const preset = cashPreset([
      {
        key: "short",
        label: "Two years",
        unit: "USD per year",
        format: "usd",
        formula: "AICOST.GPU_CASH_FLOWS(1, x0, 2)",
      },
    ]);
    const withSummary: Preset = {
      ...preset,
      timeline: { ...preset.timeline!, summaries: [{ label: "Short", net: "short", measures: ["npv"] }] },
    };
    const npv = bothWays(withSummary, new Map()).find((r) => r.key === "short.npv");
    expect(npv?.compiled).toEqual({ code: "#REF!" });
    expect(npv?.sheet).toEqual({ code: "#NUM!" });
  });

  it("trials that do not pay back are counted with their reason; the statistics cover the rest and read as a share that pays back", () => {
    const preset = cashPreset();
    const run = simulate(preset, { trials: 20_000, seed: 7, distribution: "triangular" });
    if (!run.ok) throw new Error(run.message);
    const payback = run.result.outputs.find((o) => o.key === "net.payback")!;
    expect(payback.failedTrials).toBeGreaterThan(0);
    expect(payback.countedTrials).toBeGreaterThan(0);
    expect(payback.countedTrials + payback.failedTrials).toBe(20_000);
    expect(payback.failures.map((f) => f.code)).toEqual(["#N/A"]);
    expect(payback.failures[0]?.message).toContain("does not pay back within 4 years");
    for (const value of [payback.mean, payback.stdev, payback.p5, payback.p50, payback.p95, payback.min, payback.max]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(payback.max).toBeLessThanOrEqual(4);
    const output = modelOutputs(preset).find((o) => o.key === "net.payback")!;
    const sentence = paybackSentence(output, payback.countedTrials, 20_000);
    expect(sentence).toBe(
      `pays back within 4 years in ${((payback.countedTrials / 20_000) * 100).toFixed(1)}% of trials`,
    );
    const irr = run.result.outputs.find((o) => o.key === "net.irr")!;
    expect(irr.failures.every((f) => f.code === "#NUM!")).toBe(true);
    expect(Number.isFinite(irr.mean)).toBe(true);
    expect(paybackSentence(modelOutputs(preset)[0]!, 1, 1)).toBeUndefined(); // a one-year output is not a payback
  });
});
