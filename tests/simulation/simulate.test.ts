import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { builtInPresets } from "../../src/presets";
import {
  createSamplers,
  drawColumns,
  histogram,
  percentileInc,
  pertShape,
  simulate,
  startSimulation,
  summarize,
  triangularQuantile,
  type SimulationSettings,
} from "../../src/simulation";
import { presetWith } from "./helpers";

const settings = (over: Partial<SimulationSettings> = {}): SimulationSettings => ({ trials: 20_000, seed: 7, distribution: "triangular", ...over });

/** The triangular CDF, written from its definition, to check the quantile function against. */
function triangularCdf(a: number, c: number, b: number, x: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? ((x - a) ** 2) / ((b - a) * (c - a)) : 1 - ((b - x) ** 2) / ((b - a) * (b - c));
}

const triangularMean = (a: number, c: number, b: number) => (a + b + c) / 3;
const triangularVariance = (a: number, c: number, b: number) => (a * a + b * b + c * c - a * b - a * c - b * c) / 18;

describe("triangular draws", () => {
  it("the quantile function inverts the triangular CDF", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (a, t, width, u) => {
        const b = a + width;
        const c = a + t * width;
        const x = triangularQuantile(a, c, b, u);
        expect(x).toBeGreaterThanOrEqual(a);
        expect(x).toBeLessThanOrEqual(b);
        expect(triangularCdf(a, c, b, x)).toBeCloseTo(u, 6);
      }),
    );
  });

  it("a single input's simulated percentiles match its inverse CDF, within the sampling error of the trials", () => {
    const preset = presetWith([{ base: 30, low: 10, high: 100 }], [{ formula: "x0" }]);
    const trials = 100_000;
    const run = simulate(preset, settings({ trials }));
    if (!run.ok) throw new Error(run.message);
    const out = run.result.outputs[0]!;
    // A quantile's standard error is sqrt(p(1-p)/n) / f(x_p); allow 5 of them.
    const density = (x: number) => (x <= 30 ? (2 * (x - 10)) / (90 * 20) : (2 * (100 - x)) / (90 * 70));
    for (const [p, got] of [[0.05, out.p5], [0.1, out.p10], [0.5, out.p50], [0.9, out.p90], [0.95, out.p95]] as const) {
      const exact = triangularQuantile(10, 30, 100, p);
      const tolerance = (5 * Math.sqrt((p * (1 - p)) / trials)) / density(exact);
      expect(Math.abs((got as number) - exact), `p${p * 100}`).toBeLessThan(tolerance);
    }
    expect(out.min).toBeGreaterThanOrEqual(10);
    expect(out.max).toBeLessThanOrEqual(100);
  });

  it("an output linear in its inputs has the analytic mean and variance (sum of triangular moments)", () => {
    const ranges = [
      { a: 10, c: 30, b: 100 },
      { a: -50, c: -40, b: 20 },
      { a: 1e6, c: 1.5e6, b: 1.6e6 },
    ];
    const weights = [2, -3, 0.001];
    const preset = presetWith(
      ranges.map((r) => ({ base: r.c, low: r.a, high: r.b })),
      [{ formula: "2*x0 - 3*x1 + x2/1000 + 7" }],
    );
    const trials = 200_000;
    const run = simulate(preset, settings({ trials, seed: 99 }));
    if (!run.ok) throw new Error(run.message);
    const out = run.result.outputs[0]!;
    const mean = 7 + ranges.reduce((s, r, i) => s + weights[i]! * triangularMean(r.a, r.c, r.b), 0);
    const variance = ranges.reduce((s, r, i) => s + weights[i]! ** 2 * triangularVariance(r.a, r.c, r.b), 0);
    const sd = Math.sqrt(variance);
    // 5 standard errors of the mean; the sample variance's standard error is at most sigma^2 * sqrt(2/n) for kurtosis <= 3.
    expect(Math.abs(out.mean! - mean)).toBeLessThan((5 * sd) / Math.sqrt(trials));
    expect(Math.abs(out.stdev! ** 2 - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / trials));
  });
});

describe("PERT draws", () => {
  it("have PERT's mean (a + 4c + b) / 6 and stay within the range", () => {
    const preset = presetWith([{ base: 30, low: 10, high: 100 }], [{ formula: "x0" }]);
    const trials = 100_000;
    const run = simulate(preset, settings({ trials, distribution: "pert" }));
    if (!run.ok) throw new Error(run.message);
    const out = run.result.outputs[0]!;
    const { alpha, beta } = pertShape(10, 30, 100);
    const variance = ((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1))) * 90 ** 2;
    expect(Math.abs(out.mean! - (10 + 4 * 30 + 100) / 6)).toBeLessThan((5 * Math.sqrt(variance)) / Math.sqrt(trials));
    expect(Math.abs(out.stdev! ** 2 - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / trials));
    expect(out.min).toBeGreaterThanOrEqual(10);
    expect(out.max).toBeLessThanOrEqual(100);
  });
});

describe("percentiles", () => {
  it("follow Excel's PERCENTILE.INC, as HyperFormula and formulajs compute it", () => {
    const engine = createAicostEngine({ S: [[null]] });
    try {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 0.05, 0.1, 0.5, 0.9, 0.95, 1), (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const ours = percentileInc(sorted, p);
          engine.setSheetContent(0, [...values.map((v) => [v]), [`=PERCENTILE.INC(A1:A${values.length}, ${p})`]]);
          const theirs = engine.getCellValue({ sheet: 0, row: values.length, col: 0 }) as number;
          expect(ours).toBeCloseTo(theirs, 3);
          expect(ours).toBeCloseTo(formulajs.PERCENTILEINC(values, p) as number, 3);
        }),
        { numRuns: 200 },
      );
    } finally {
      engine.destroy();
    }
  });

  it("the summary's standard deviation is Excel's STDEV.S and its probability counts values above zero", () => {
    const values = Float64Array.of(-2, 0, 1, 5, 9.5);
    const s = summarize(values)!;
    expect(s.stdev).toBeCloseTo(formulajs.STDEV.S([...values]) as number, 12);
    expect(s.mean).toBeCloseTo(2.7, 12);
    expect(s.probabilityPositive).toBe(3 / 5);
  });
});

describe("reproducibility", () => {
  const preset = builtInPresets.find((p) => p.id === "self-host-vs-api")!;

  it("the same seed gives the same numbers to the last digit, however the run is sliced", () => {
    const whole = simulate(preset, settings({ trials: 12_345 }));
    const started = startSimulation(preset, settings({ trials: 12_345 }));
    if (!whole.ok || !started.ok) throw new Error("refused");
    while (!started.run.step(777));
    expect(JSON.stringify(started.run.result().outputs)).toBe(JSON.stringify(whole.result.outputs));
    for (const output of preset.outputs) expect(started.run.result().valuesOf(output.key)).toEqual(whole.result.valuesOf(output.key));
  });

  it("different seeds give different draws; the distribution changes the draws", () => {
    const a = simulate(preset, settings({ seed: 1 }));
    const b = simulate(preset, settings({ seed: 2 }));
    const c = simulate(preset, settings({ seed: 1, distribution: "pert" }));
    if (!a.ok || !b.ok || !c.ok) throw new Error("refused");
    const key = "self_host_price";
    expect(a.result.valuesOf(key)).not.toEqual(b.result.valuesOf(key));
    expect(a.result.valuesOf(key)).not.toEqual(c.result.valuesOf(key));
  });

  it("each input draws from a stream of its own: adding an input leaves the others' draws alone", () => {
    const one = createSamplers([{ key: "a", label: "a", low: 0, high: 1, min: 0, mode: 0.5, max: 1 }], 5, "triangular");
    const two = createSamplers(
      [
        { key: "a", label: "a", low: 0, high: 1, min: 0, mode: 0.5, max: 1 },
        { key: "b", label: "b", low: 0, high: 1, min: 0, mode: 0.5, max: 1 },
      ],
      5,
      "triangular",
    );
    expect(drawColumns(one, 100)[0]).toEqual(drawColumns(two, 100)[0]);
  });
});

describe("refusals and failing trials", () => {
  const preset = presetWith([{ base: 500, low: -1000, high: 1000 }], [{ formula: "AICOST.SELF_HOST_PRICE(2, x0)" }, { formula: "x0 * 2" }]);

  it("trials, seed and distribution outside their ranges are refused with the range", () => {
    for (const trials of [99, 1_000_001, 1000.5, Number.NaN]) {
      const r = startSimulation(preset, settings({ trials }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain("from 100 to 1,000,000");
    }
    const seed = startSimulation(preset, settings({ seed: -1 }));
    expect(seed.ok || seed.message).toContain("seed must be a whole number from 0 to 4,294,967,295");
    const dist = startSimulation(preset, settings({ distribution: "normal" as never }));
    expect(dist.ok || dist.message).toContain("triangular or pert");
  });

  it("a Base outside its range is refused, naming the input", () => {
    const bad = { ...preset, inputs: [{ ...preset.inputs[0]!, base: 5000, derived: true }] };
    const r = startSimulation(bad, settings());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("Input 0 (x0)");
  });

  it("trials whose output is an error are counted with their reason; the statistics cover the rest and are never NaN", () => {
    const trials = 10_000;
    const run = simulate(preset, settings({ trials }));
    if (!run.ok) throw new Error(run.message);
    const draws = run.result.valuesOf("y1").map((v) => v / 2);
    const nonPositive = draws.filter((v) => v <= 0).length;
    const out = run.result.outputs[0]!;
    expect(nonPositive).toBeGreaterThan(1000);
    expect(out.failedTrials).toBe(nonPositive);
    expect(out.countedTrials).toBe(trials - nonPositive);
    expect(out.failures[0]?.code).toBe("#NUM!");
    expect(out.failures.reduce((s, f) => s + f.trials, 0)).toBe(nonPositive);
    for (const stat of [out.mean, out.stdev, out.min, out.max, out.p5, out.p50, out.p95, out.probabilityPositive]) expect(Number.isFinite(stat)).toBe(true);
  });

  it("failures are listed most frequent first, and reasons failing as often in the order the trials first gave them", () => {
    const one = presetWith([{ base: 1, low: 0, high: 2 }], [{ formula: "x0" }]);
    const a = { code: "#NUM!" as const, message: "a" };
    const b = { code: "#N/A" as const, message: "b" };
    const c = { code: "#NUM!" as const, message: "c" };
    const d = { code: "#DIV/0!" as const, message: "d" };
    // Trial i fails with the reason at i % 10; a, b and c fail 20 trials each of 100, d 10.
    const reasons = [a, b, c, undefined, d, a, b, c, undefined, undefined];
    const model = {
      preset: one,
      outputs: [{ key: "y0", label: "Output 0", format: "usd" as const }],
      run: ({ trials }: { trials: number }) => {
        const values = new Float64Array(trials).fill(1);
        const errors = Array.from({ length: trials }, (_, i) => reasons[i % 10]);
        errors.forEach((error, i) => {
          if (error !== undefined) values[i] = NaN;
        });
        return new Map([["y0", { kind: "varying" as const, values, errors }]]);
      },
    };
    const started = startSimulation(one, settings({ trials: 100 }), model as unknown as Parameters<typeof startSimulation>[2]);
    if (!started.ok) throw new Error(started.message);
    while (!started.run.step(30));
    const out = started.run.result().outputs[0]!;
    expect(out.failures).toEqual([
      { ...a, trials: 20 },
      { ...b, trials: 20 },
      { ...c, trials: 20 },
      { ...d, trials: 10 },
    ]);
  });

  it("an output that fails in every trial has no statistics and says why", () => {
    const always = presetWith([{ base: 1, low: 0, high: 2 }], [{ formula: "x0 / (x0 - x0)" }]);
    const run = simulate(always, settings({ trials: 100 }));
    if (!run.ok) throw new Error(run.message);
    const out = run.result.outputs[0]!;
    expect(out.countedTrials).toBe(0);
    expect(out.mean).toBeUndefined();
    expect(out.failures).toEqual([{ code: "#DIV/0!", message: expect.stringContaining("division by zero"), trials: 100 }]);
  });
});

describe("percentiles by selection", () => {
  it("equal PERCENTILE.INC over the fully sorted values, for any values and ranks", async () => {
    const { percentilesInc } = await import("../../src/simulation");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(0, 1, 1, 1)), { minLength: 1, maxLength: 3000 }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, ps) => {
          const sorted = Float64Array.from(values).sort();
          const ascending = [...ps].sort((a, b) => a - b);
          expect(percentilesInc(Float64Array.from(values), ascending)).toEqual(ascending.map((p) => percentileInc(sorted, p)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("percentiles of many values, by buckets", () => {
  it("equal PERCENTILE.INC over the sorted values for spread, clustered, tied, skewed and huge values", async () => {
    const { percentilesInc } = await import("../../src/simulation");
    const rand = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { numRuns: 60_000, seed: 5 });
    let at = 0;
    const next = (): number => rand[at++ % rand.length] as number;
    const cases: [string, number[]][] = [
      ["spread", Array.from({ length: 50_000 }, () => next() * 2e9 - 1e9)],
      // Nearly every value in one bucket of the first pass, so buckets are split again.
      ["a cluster and far outliers", Array.from({ length: 40_000 }, (_, i) => (i % 1000 === 0 ? 1e15 * (next() - 0.5) : 1 + next() * 1e-9))],
      ["ties", Array.from({ length: 30_000 }, () => Math.floor(next() * 5))],
      ["one value and one other", Array.from({ length: 20_000 }, (_, i) => (i === 7 ? -3 : 2))],
      ["skewed", Array.from({ length: 30_000 }, () => Math.exp(next() * 60))],
      ["near the largest number", Array.from({ length: 10_000 }, () => (2 * next() - 1) * 1.7e308)],
      // A spread so small that buckets per unit of it overflow (1024 / 5e-321 is beyond the largest number).
      ["within the smallest numbers", Array.from({ length: 1_000 }, () => Math.floor(next() * 1000) * 5e-324)],
      ["a tiny spread", Array.from({ length: 3_000 }, () => 1e-310 + Math.floor(next() * 1e4) * 1e-320)],
      ["a few", [3, 1, 2]],
    ];
    const ps = [0, 0.05, 0.1, 0.25, 0.5, 0.9, 0.95, 0.999, 1];
    for (const [name, values] of cases) {
      const sorted = Float64Array.from(values).sort();
      expect(percentilesInc(Float64Array.from(values), ps), name).toEqual(ps.map((p) => percentileInc(sorted, p)));
      // Any order of the ps.
      const shuffled = [0.9, 0.05, 0.5];
      expect(percentilesInc(Float64Array.from(values), shuffled), name).toEqual(shuffled.map((p) => percentileInc(sorted, p)));
    }
  });

  it("equal PERCENTILE.INC over the sorted values whose spread is too small to divide into buckets", async () => {
    // A spread below 1024 / the largest number (about 5.7e-306): the buckets' scale, 1024 / spread, is infinite.
    const { percentilesInc } = await import("../../src/simulation");
    const cases: [string, number[]][] = [
      ["two tiny values", Array.from({ length: 600 }, (_, i) => (i % 2 === 1 ? 1e-310 : 0))],
      ["steps of the least number", Array.from({ length: 2_000 }, (_, i) => (i % 7) * 5e-324)],
      ["a cluster near 1e-300", Array.from({ length: 2_000 }, (_, i) => 1e-300 + (i % 13) * 1e-310)],
    ];
    const ps = [0.05, 0.1, 0.5, 0.9, 0.95];
    for (const [name, values] of cases) {
      const sorted = Float64Array.from(values).sort();
      expect(percentilesInc(Float64Array.from(values), ps), name).toEqual(ps.map((p) => percentileInc(sorted, p)));
    }
  });
});

describe("statistics of an output no draw moves", () => {
  it("are that value, with no spread, as Excel's functions give for a constant column", () => {
    const s = summarize(new Float64Array(1000).fill(-2.5))!;
    expect(s).toEqual({ mean: -2.5, stdev: 0, min: -2.5, max: -2.5, p5: -2.5, p10: -2.5, p50: -2.5, p90: -2.5, p95: -2.5, probabilityPositive: 0 });
    expect(formulajs.STDEV.S(new Array(1000).fill(-2.5))).toBe(0);
    expect(summarize(Float64Array.of(7))!.probabilityPositive).toBe(1);
  });
});

describe("statistics of outputs near the limits of a number", () => {
  it("a present value at a discount rate near -100% (1e180 and more) has a finite mean, spread and histogram, never NaN or Infinity", () => {
    for (const scale of [1e180, 1e300, 1e307]) {
      const values = Float64Array.from({ length: 1001 }, (_, i) => ((i % 7) - 3) * scale + (i % 2) * scale);
      const s = summarize(values)!;
      for (const [name, v] of Object.entries(s)) expect(Number.isFinite(v), `${name} at ${scale}: ${v}`).toBe(true);
      // Excel's STDEV.S of the same values scaled down, scaled back up.
      const expected = (formulajs.STDEV.S([...values].map((v) => v / scale)) as number) * scale;
      expect(s.stdev / expected).toBeCloseTo(1, 12);
      const bins = histogram(values);
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
      for (const bin of bins) expect(Number.isFinite(bin.from) && Number.isFinite(bin.to), `${bin.from} to ${bin.to}`).toBe(true);
    }
  });
});
