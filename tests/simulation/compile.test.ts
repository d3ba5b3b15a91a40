/*
 * The compiled path must equal the spreadsheet: every built-in model's every
 * output, in each scenario column and for random input values written into a
 * HyperFormula workbook of the model's own sheet, equals what the compiled
 * closures give for the same inputs.
 */
import fc from "fast-check";
import { DetailedCellError } from "hyperformula";
import { describe, expect, it } from "vitest";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { builtInPresets, scenarios, type Preset } from "../../src/presets";
import { compileModel, evaluateOnce, isTrialError, valueAt, type ConstantValue } from "../../src/simulation/compile";
import { modelOutputs, type ModelOutput } from "../../src/simulation/defaults";
import { modelSheet, sheetCellOf } from "./helpers";

type Cell = number | string | { code: string };

function fromEngine(raw: unknown): Cell {
  if (raw instanceof DetailedCellError) return { code: raw.value };
  if (typeof raw === "number" || typeof raw === "string") return raw;
  throw new Error(`unexpected cell value ${String(raw)}`);
}

function fromCompiled(value: ConstantValue): Cell {
  return isTrialError(value) ? { code: value.code } : value;
}

/**
 * A timeline's summary measure to 1e-9 relative: the present values, payback and
 * ROI are the calc module's own arithmetic over the same cells (equal to the last
 * digit in practice); IRR is formulajs's root finder where the sheet runs
 * HyperFormula's, both stopping within about 1e-10 of the root (relative to 1 for
 * a rate below 100%).
 */
function expectSameMeasure(actual: Cell, expected: Cell, what: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      Math.max(1, Math.abs(expected)) * 1e-9,
    );
  } else {
    expect(actual, what).toEqual(expected);
  }
}

function sameMeasure(actual: Cell, expected: Cell): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(actual - expected) <= Math.max(1, Math.abs(expected)) * 1e-9;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function expectSameOutput(output: ModelOutput, actual: Cell, expected: Cell, what: string): void {
  if (output.timeline === undefined) expectSame(actual, expected, what);
  else expectSameMeasure(actual, expected, what);
}

function expectSame(actual: Cell, expected: Cell, what: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(actual, what).toBeCloseTo(expected, Math.max(0, 12 - Math.ceil(Math.log10(Math.abs(expected) + 1))));
    expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(Math.abs(expected) * 1e-12 + 1e-300);
  } else {
    expect(actual, what).toEqual(expected);
  }
}

/** A HyperFormula workbook holding the model's sheet, with a way to set Base inputs and read Base outputs. */
function sheetEngine(preset: Preset) {
  const { plan, engine, at } = modelSheet(preset);
  return {
    plan,
    engine,
    read: (output: ModelOutput, column: "low" | "base" | "high") =>
      fromEngine(engine.getCellValue(at(sheetCellOf(plan, output, column)))),
    /** The Base cells of a timeline row, as HyperFormula computes them. */
    row: (key: string): Cell[] => {
      const [from, to] = (plan.timeline?.rows[key]?.base as string).split(":") as [string, string];
      const a = at(from);
      const b = at(to);
      return Array.from({ length: b.col - a.col + 1 }, (_, k) =>
        fromEngine(engine.getCellValue({ ...a, col: a.col + k })),
      );
    },
    setBase: (values: ReadonlyMap<string, number>) => {
      engine.batch(() => {
        for (const [key, value] of values) engine.setCellContents(at(plan.keyCells[key]?.base as string), value);
      });
    },
  };
}

/** Where HyperFormula departs from Excel, the compiled path follows Excel. */
const excelWhereHyperFormulaDiffers = new Map<string, { excel: Cell; hyperFormula: Cell }>([
  ["0^0", { excel: { code: "#NUM!" }, hyperFormula: 1 }],
  ["0^-1", { excel: { code: "#DIV/0!" }, hyperFormula: { code: "#NUM!" } }],
]);

describe("compileModel", () => {
  for (const preset of builtInPresets) {
    it(`${preset.id}: every output${preset.timeline === undefined ? "" : " and summary measure"} in every scenario column equals HyperFormula on the model's sheet`, () => {
      const model = compileModel(preset);
      const sheet = sheetEngine(preset);
      try {
        for (const scenario of scenarios) {
          const values = new Map(
            preset.inputs.map((i) => [
              i.key,
              scenario === "low" ? (i.low ?? i.base) : scenario === "high" ? (i.high ?? i.base) : i.base,
            ]),
          );
          const compiled = evaluateOnce(model, values);
          for (const output of modelOutputs(preset)) {
            expectSameOutput(
              output,
              fromCompiled(compiled.get(output.key) as ConstantValue),
              sheet.read(output, scenario),
              `${preset.id}.${output.key} (${scenario})`,
            );
          }
        }
      } finally {
        sheet.engine.destroy();
      }
    });

    it(`${preset.id}: random inputs (any sign, zeros, huge) give the same values or the same error codes as HyperFormula`, () => {
      let irrDepartures = 0;
      let irrComparisons = 0;
      const model = compileModel(preset);
      const sheet = sheetEngine(preset);
      const value = fc.oneof(
        fc.constantFrom(0, -1, 1, 0.5, 1e308, -1e308),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 2 }),
      );
      try {
        fc.assert(
          fc.property(
            fc.array(value, { minLength: preset.inputs.length, maxLength: preset.inputs.length }),
            (drawn) => {
              const values = new Map(
                preset.inputs.map((input, i) => [input.key, (drawn[i] as number) === 0 ? 0 : (drawn[i] as number)]),
              );
              sheet.setBase(values);
              // Run the same values as one column of three identical trials, to exercise the vector path too.
              const draws = new Map([...values].map(([k, v]) => [k, Float64Array.of(v, v, v)]));
              const columns = model.run({ trials: 3, draws });
              for (const output of modelOutputs(preset)) {
                const expected = sheet.read(output, "base");
                for (let t = 0; t < 3; t++) {
                  const actual = fromCompiled(valueAt(columns.get(output.key)!, t));
                  if (output.timeline?.measure === "irr") irrComparisons++;
                  if (output.timeline?.measure === "irr" && !sameMeasure(actual, expected)) {
                    // Two root finders (HyperFormula's 50 Newton steps, formulajs's Newton then bisection) may
                    // part on odd rows: HyperFormula gives up (#NUM!) or stops at its guess when every flow is
                    // below its absolute tolerance (1e-10). Where they part, ours must still be a true root.
                    irrDepartures++;
                    const net = preset.timeline!.summaries[output.timeline.summary]!.net;
                    const flows = sheet.row(net);
                    expect(
                      flows.every((f) => typeof f === "number"),
                      `${output.key}: a row without errors`,
                    ).toBe(true);
                    const largest = Math.max(...flows.map((f) => Math.abs(f as number)));
                    if (typeof actual !== "number") {
                      // #NUM! only where HyperFormula's rate is beyond formulajs's search (above 100,000% a year,
                      // or within 1% of -100% a year, where its search stops short) or is its guess,
                      // kept because every flow is within its absolute tolerance.
                      expect(actual, `${output.key}`).toEqual({ code: "#NUM!" });
                      expect(
                        (expected as number) > 1000 || (expected as number) < -0.99 || largest < 1e-10,
                        `${output.key}: HyperFormula's ${JSON.stringify(expected)} for ${JSON.stringify(flows)}`,
                      ).toBe(true);
                      continue;
                    }
                    const scaled = (flows as number[]).map((f) => f / largest);
                    const npv = (rate: number) => scaled.reduce((sum, f, k) => sum + f / (1 + rate) ** k, 0);
                    const step = 1e-9 * Math.max(1, Math.abs(actual));
                    const root = Math.abs(npv(actual)) <= 1e-9 || npv(actual - step) * npv(actual + step) <= 0;
                    expect(
                      root,
                      `${preset.id}.${output.key}: ${actual} is a root of ${JSON.stringify(flows)} (HyperFormula: ${JSON.stringify(expected)})`,
                    ).toBe(true);
                    continue;
                  }
                  expectSameOutput(output, actual, expected, `${preset.id}.${output.key} trial ${t}`);
                }
              }
            },
          ),
          { numRuns: 150, seed: 20261129 },
        );
        // Odd rows only (the random values include many below 1e-100): most solve alike in both.
        expect(irrDepartures).toBeLessThanOrEqual(irrComparisons * 0.1);
      } finally {
        sheet.engine.destroy();
      }
    });
  }

  it("follows Excel's precedence and error rules, as HyperFormula does (but where HyperFormula departs from Excel)", () => {
    const formulas = [
      "-2^2",
      "2^3^2",
      "-2^0.5",
      "2*-3",
      "1-2-3",
      "8/2/2",
      "2^-1",
      "0^0",
      "0^-1",
      "1/0",
      "(-8)^(1/3)",
      "10^400",
      '"3"+1',
      '"x"+1',
      '-"2"',
      "--3",
      "+-+2",
      "1e308*10",
      "AICOST.LABOR_SAVINGS(-1, 2)",
      "AICOST.LABOR_SAVINGS(1/0, 2)",
      "AICOST.GPU_TCO(8, 25000, , 10000)",
      'AICOST.MODEL_PRICE("gpt-5.5", "output")*2',
      'AICOST.MODEL_PRICE("nope", "output")',
    ];
    const engine = createAicostEngine({ S: [[null]] });
    try {
      for (const formula of formulas) {
        const preset: Preset = {
          ...(builtInPresets[0] as Preset),
          outputs: [{ key: "x", label: "x", unit: "", format: "number", formula }],
        };
        const compiled = fromCompiled(evaluateOnce(compileModel(preset), new Map()).get("x") as ConstantValue);
        engine.setCellContents({ sheet: 0, row: 0, col: 0 }, `=${formula}`);
        const inEngine = fromEngine(engine.getCellValue({ sheet: 0, row: 0, col: 0 }));
        const divergence = excelWhereHyperFormulaDiffers.get(formula);
        if (divergence !== undefined) {
          expect(inEngine, `HyperFormula's ${formula}`).toEqual(divergence.hyperFormula);
          expect(compiled, `Excel's ${formula}`).toEqual(divergence.excel);
          continue;
        }
        expectSame(compiled, inEngine, formula);
      }
    } finally {
      engine.destroy();
    }
  });
});
