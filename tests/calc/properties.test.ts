/*
 * Properties that hold for every input, checked with fast-check: linearity in
 * counts and prices, no NaN/Infinity ever, no negative cost from valid inputs,
 * a typed error for every invalid input, and the grid evaluator agreeing with
 * the scalar one cell by cell.
 */
import { calcPrice } from "@pydantic/genai-prices";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLENDED_PRICE,
  calcFunctions,
  evaluateGrid,
  evaluateScalar,
  GPU_HOUR_COST,
  GPU_POWER_COST,
  GPU_TCO,
  isCalcError,
  LABOR_SAVINGS,
  MODEL_PRICE,
  priceCatalog,
  priceKinds,
  SELF_HOST_PRICE,
  TOKEN_COST,
  USAGE_COST,
  type CalcFunction,
  type NumberParamSpec,
  type ParamSpec,
} from "../../src/calc";

const runs = { numRuns: 300 };

/** |a − b| within a relative tolerance of the larger. */
function close(a: number, b: number, tolerance = 1e-9): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function numberOf(result: unknown): number {
  if (typeof result !== "number") throw new Error(`expected a number, got ${JSON.stringify(result)}`);
  return result;
}

/** Magnitudes a model meets in practice, kept small enough that no product overflows. */
const largest = 1e9;
const smallestDivisor = 1e-3;

/** A valid value for a number parameter: inside its bounds, with 0 and the bounds themselves likely. */
function validNumber(param: NumberParamSpec): fc.Arbitrary<number> {
  const min = param.greaterThan !== undefined ? Math.max(param.greaterThan, 0) + smallestDivisor : (param.min ?? 0);
  const max = param.max ?? largest;
  return fc.oneof(
    fc.constantFrom(min, max),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e6)) }),
  );
}

/** Moments every preset model has prices at: dates and date-times as serials and as ISO text, or omitted (now). */
const validMoment: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, "", "now", "2026-04-24", "2026-04-24T02:30Z", "2026-08-17T12:00:00+02:00"),
  fc.integer({ min: 46_000, max: 48_000 }),
  fc.double({ min: 46_000, max: 48_000, noNaN: true }),
);

function validArgument(param: ParamSpec): fc.Arbitrary<unknown> {
  if (param.type === "moment") return validMoment;
  if (param.name === "provider") return fc.constantFrom(null, undefined, "");
  if (param.name === "kind") return fc.constantFrom("input", "cached_input", "output", "INPUT", " Output ");
  if (param.type === "number") {
    const value = validNumber(param);
    return param.default === undefined ? value : fc.oneof(value, fc.constantFrom(null, undefined, ""));
  }
  if (param.name === "model") {
    // Models of the catalog that have every price, in any case.
    const complete = priceCatalog.filter((entry) => entry.cachedInputUsdPerMillion !== null).map((e) => e.model);
    return fc.tuple(fc.constantFrom(...complete), fc.boolean()).map(([m, upper]) => (upper ? m.toUpperCase() : m));
  }
  return fc.constantFrom(...(param.oneOf ?? ["x"]));
}

/** USAGE_COST's valid token counts: the cached parts together at most the input tokens. */
const validUsageCostArguments: fc.Arbitrary<unknown[]> = fc
  .tuple(
    validArgument(USAGE_COST.params[0] as ParamSpec),
    fc.integer({ min: 0, max: 2_000_000 }),
    fc.integer({ min: 0, max: 200_000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    validMoment,
  )
  .map(([model, input, output, readShare, writeShare, asOf]) => {
    const read = Math.floor(input * readShare);
    const write = Math.floor((input - read) * writeShare);
    return [model, input, output, read, write, null, asOf];
  });

function validArguments(fn: CalcFunction): fc.Arbitrary<unknown[]> {
  if (fn === USAGE_COST) return validUsageCostArguments;
  return fc.tuple(...fn.params.map(validArgument));
}

/** A number outside a parameter's domain (there is always one: every number parameter has a lower bound). */
function outOfDomain(param: NumberParamSpec): fc.Arbitrary<number> {
  const options: fc.Arbitrary<number>[] = [];
  if (param.min !== undefined) {
    const min = param.min;
    // fast-check orders -0 below 0, so an excluded bound of 0 can still give -0: keep only values truly below.
    options.push(fc.double({ max: min, maxExcluded: true, min: min - 1e6, noNaN: true }).filter((x) => x < min));
  }
  if (param.greaterThan !== undefined) {
    options.push(fc.double({ max: param.greaterThan, min: param.greaterThan - 1e6, noNaN: true }));
  }
  if (param.max !== undefined) {
    const max = param.max;
    options.push(fc.double({ min: max, minExcluded: true, max: max + 1e6, noNaN: true }).filter((x) => x > max));
  }
  options.push(fc.constantFrom(Number.NaN, Infinity, -Infinity));
  return fc.oneof(...options);
}

const wrongType = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.boolean(),
  fc.constantFrom("100", "0", "1e3", " 5 ", "TRUE"),
);

describe("linearity", () => {
  it("LABOR_SAVINGS is linear in headcount: f(k·h) = k·f(h)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (headcount, k, cost, years, oneTime) => {
          const one = numberOf(evaluateScalar(LABOR_SAVINGS, [headcount, cost, years, oneTime]));
          const scaled = numberOf(evaluateScalar(LABOR_SAVINGS, [k * headcount, cost, years, oneTime]));
          return close(scaled, k * one);
        },
      ),
      runs,
    );
  });

  it("TOKEN_COST is linear in agents and in the price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.integer({ min: 0, max: 3650 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (tokens, agents, price, hours, days, k) => {
          const base = numberOf(evaluateScalar(TOKEN_COST, [tokens, agents, price, hours, days]));
          const moreAgents = numberOf(evaluateScalar(TOKEN_COST, [tokens, k * agents, price, hours, days]));
          const higherPrice = numberOf(evaluateScalar(TOKEN_COST, [tokens, agents, k * price, hours, days]));
          return close(moreAgents, k * base) && close(higherPrice, k * base);
        },
      ),
      runs,
    );
  });

  it("GPU_TCO's hardware term is linear in gpu_count and in the unit price; running costs add once per year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (count, price, years, power, other, markup, k) => {
          const running = years * (power + other);
          const base = numberOf(evaluateScalar(GPU_TCO, [count, price, years, power, other, markup]));
          const moreGpus = numberOf(evaluateScalar(GPU_TCO, [k * count, price, years, power, other, markup]));
          const dearer = numberOf(evaluateScalar(GPU_TCO, [count, k * price, years, power, other, markup]));
          const noHardware = numberOf(evaluateScalar(GPU_TCO, [0, price, years, power, other, markup]));
          const tolerance = 1e-9 * Math.max(1, base, moreGpus, dearer);
          return (
            close(noHardware, running) &&
            Math.abs(moreGpus - running - k * (base - running)) <= tolerance &&
            Math.abs(dearer - running - k * (base - running)) <= tolerance
          );
        },
      ),
      runs,
    );
  });

  it("GPU_POWER_COST is linear in gpu_count and in the electricity price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (count, watts, usdPerKwh, k) => {
          const base = numberOf(evaluateScalar(GPU_POWER_COST, [count, watts, usdPerKwh]));
          return (
            close(numberOf(evaluateScalar(GPU_POWER_COST, [k * count, watts, usdPerKwh])), k * base) &&
            close(numberOf(evaluateScalar(GPU_POWER_COST, [count, watts, k * usdPerKwh])), k * base)
          );
        },
      ),
      runs,
    );
  });

  it("GPU_HOUR_COST is linear in total_cost and falls as 1/gpu_count", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (total, count, years, k) => {
          const base = numberOf(evaluateScalar(GPU_HOUR_COST, [total, count, years]));
          return (
            close(numberOf(evaluateScalar(GPU_HOUR_COST, [k * total, count, years])), k * base) &&
            close(numberOf(evaluateScalar(GPU_HOUR_COST, [total, k * count, years])), base / k)
          );
        },
      ),
      runs,
    );
  });

  it("SELF_HOST_PRICE is linear in the GPU-hour cost", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (hourCost, throughput, k) => {
          const base = numberOf(evaluateScalar(SELF_HOST_PRICE, [hourCost, throughput]));
          return close(numberOf(evaluateScalar(SELF_HOST_PRICE, [k * hourCost, throughput])), k * base);
        },
      ),
      runs,
    );
  });

  it("BLENDED_PRICE scales with all its prices together, and lies between the cheapest and dearest price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (input, output, outputShare, cachedShare, cached, k) => {
          const base = numberOf(evaluateScalar(BLENDED_PRICE, [input, output, outputShare, cachedShare, cached]));
          const scaled = numberOf(
            evaluateScalar(BLENDED_PRICE, [k * input, k * output, outputShare, cachedShare, k * cached]),
          );
          const low = Math.min(input, output, cached);
          const high = Math.max(input, output, cached);
          return close(scaled, k * base) && base >= low * (1 - 1e-12) && base <= high * (1 + 1e-12);
        },
      ),
      runs,
    );
  });
});

describe("valid inputs", () => {
  for (const fn of calcFunctions) {
    // LABOR_SAVINGS is the one result that may be negative: one-time costs larger than the
    // savings counted give a net loss, which the model must show rather than hide.
    const mayBeNegative = fn === LABOR_SAVINGS;
    it(`${fn.id} gives a finite${mayBeNegative ? "" : ", non-negative"} number, never -0`, () => {
      fc.assert(
        fc.property(validArguments(fn), (args) => {
          const result = evaluateScalar(fn, args);
          if (typeof result !== "number") return false;
          return Number.isFinite(result) && !Object.is(result, -0) && (mayBeNegative || result >= 0);
        }),
        runs,
      );
    });
  }

  it("LABOR_SAVINGS is negative exactly when the one-time cost exceeds cost × years", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 1e7 }),
        (headcount, cost, years, oneTime) => {
          const result = numberOf(evaluateScalar(LABOR_SAVINGS, [headcount, cost, years, oneTime]));
          return result < 0 === oneTime > cost * years;
        },
      ),
      runs,
    );
  });
});

describe("any input at all", () => {
  const anyCell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324),
    fc.string(),
    fc.boolean(),
    fc.constantFrom(null, undefined, ""),
  );
  for (const fn of calcFunctions) {
    it(`${fn.id} never throws and never gives NaN or ±Infinity: a finite number or a typed error`, () => {
      fc.assert(
        fc.property(fc.array(anyCell, { maxLength: fn.params.length }), (args) => {
          const result = evaluateScalar(fn, args);
          if (typeof result === "number") return Number.isFinite(result);
          return isCalcError(result) && ["value", "num", "na"].includes(result.kind) && result.message.length > 0;
        }),
        runs,
      );
    });
  }
});

describe("invalid inputs give their typed error, naming the parameter", () => {
  for (const fn of calcFunctions) {
    fn.params.forEach((param, index) => {
      if (param.type === "number") {
        it(`${fn.id} ${param.name}: out of domain, NaN or ±Infinity is #NUM!`, () => {
          fc.assert(
            fc.property(validArguments(fn), outOfDomain(param), (valid, bad) => {
              // A copy: fast-check reuses generated values while shrinking, so they must not be mutated.
              const args = valid.slice();
              args[index] = bad;
              const result = evaluateScalar(fn, args);
              return (
                isCalcError(result) &&
                result.kind === "num" &&
                result.param === param.name &&
                result.message.includes(param.name)
              );
            }),
            runs,
          );
        });
        it(`${fn.id} ${param.name}: text or a boolean is #VALUE!`, () => {
          fc.assert(
            fc.property(validArguments(fn), wrongType, (valid, bad) => {
              // A copy: fast-check reuses generated values while shrinking, so they must not be mutated.
              const args = valid.slice();
              args[index] = bad;
              const result = evaluateScalar(fn, args);
              return (
                isCalcError(result) &&
                result.kind === "value" &&
                result.param === param.name &&
                result.message.includes(param.name)
              );
            }),
            runs,
          );
        });
      } else if (param.type === "moment") {
        it(`${fn.id} ${param.name}: a boolean or text that is no date is #VALUE!; a serial outside Excel's dates is #NUM!`, () => {
          fc.assert(
            fc.property(
              validArguments(fn),
              fc.oneof(
                fc.boolean().map((bad) => [bad, "value"] as const),
                fc
                  .constantFrom("2026-02-30", "24/04/2026", "tomorrow", "2026-04-24T25:00Z")
                  .map((bad) => [bad, "value"] as const),
                fc
                  .oneof(
                    fc.double({ max: 1, maxExcluded: true, noNaN: true }),
                    fc.double({ min: 2_958_466, noNaN: true }),
                    fc.constant(60.5),
                  )
                  .map((bad) => [bad, "num"] as const),
              ),
              (valid, [bad, kind]) => {
                const args = valid.slice();
                args[index] = bad;
                const result = evaluateScalar(fn, args);
                return (
                  isCalcError(result) &&
                  result.kind === kind &&
                  result.param === param.name &&
                  result.message.includes(param.name)
                );
              },
            ),
            runs,
          );
        });
      } else {
        it(`${fn.id} ${param.name}: a number or a boolean is #VALUE!`, () => {
          fc.assert(
            fc.property(validArguments(fn), fc.oneof(fc.double(), fc.boolean()), (valid, bad) => {
              // A copy: fast-check reuses generated values while shrinking, so they must not be mutated.
              const args = valid.slice();
              args[index] = bad;
              const result = evaluateScalar(fn, args);
              return isCalcError(result) && result.kind === "value" && result.param === param.name;
            }),
            runs,
          );
        });
      }
    });
  }

  it("MODEL_PRICE: a kind that is not one of its kinds is #VALUE!; a model genai-prices does not price is #N/A", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const kindResult = evaluateScalar(MODEL_PRICE, ["gpt-5.5", text]);
        const isKind = priceKinds.includes(text.trim().toLowerCase() as (typeof priceKinds)[number]);
        const kindOk = isKind
          ? typeof kindResult === "number" ||
            (isCalcError(kindResult) && kindResult.kind === "na" && kindResult.param === "kind")
          : isCalcError(kindResult) && kindResult.kind === "value" && kindResult.param === "kind";
        const modelResult = evaluateScalar(MODEL_PRICE, [text, "input"]);
        const blank = text.trim() === "";
        const priced = !blank && calcPrice({}, text.trim()) !== null;
        const modelOk = priced
          ? typeof modelResult === "number" ||
            (isCalcError(modelResult) && modelResult.kind === "na" && modelResult.param === "kind")
          : isCalcError(modelResult) && modelResult.kind === (blank ? "value" : "na") && modelResult.param === "model";
        return kindOk && modelOk;
      }),
      runs,
    );
  });
});

describe("evaluateGrid agrees with evaluateScalar cell by cell", () => {
  /** A cell of any sort: valid numbers mostly, and every kind of fault. */
  function cellFor(param: ParamSpec): fc.Arbitrary<unknown> {
    const faults =
      param.type === "number"
        ? fc.oneof(fc.constantFrom(null, "", "abc", "100", true, false, Number.NaN, Infinity, -1, -0), fc.double())
        : fc.oneof(fc.constantFrom(null, "", "unknown", 3, true), fc.string());
    return fc.oneof({ weight: 3, arbitrary: validArgument(param) }, { weight: 1, arbitrary: faults });
  }

  /** Broadcast-compatible shapes: each argument 1×1, 1×N, M×1 or M×N for one M×N. */
  const shapedArguments = (fn: CalcFunction) =>
    fc
      .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }) })
      .chain(({ rows, columns }) =>
        fc.tuple(
          ...fn.params.map((param) =>
            fc
              .record({ wholeRows: fc.boolean(), wholeColumns: fc.boolean(), scalar: fc.boolean() })
              .chain(({ wholeRows, wholeColumns, scalar }) => {
                const r = wholeRows ? rows : 1;
                const c = wholeColumns ? columns : 1;
                const grid = fc.array(fc.array(cellFor(param), { minLength: c, maxLength: c }), {
                  minLength: r,
                  maxLength: r,
                });
                // A 1×1 argument may also come as a bare scalar, as from a single cell.
                return r === 1 && c === 1 && scalar ? cellFor(param) : grid;
              }),
          ),
        ),
      );

  function pick(arg: unknown, r: number, c: number): unknown {
    if (!Array.isArray(arg)) return arg;
    const row = (arg.length === 1 ? arg[0] : arg[r]) as unknown[];
    return row.length === 1 ? row[0] : row[c];
  }

  for (const fn of calcFunctions) {
    it(`${fn.id}`, () => {
      fc.assert(
        fc.property(shapedArguments(fn), (args) => {
          const grid = evaluateGrid(fn, args);
          let errors = 0;
          for (let r = 0; r < grid.rows; r++) {
            for (let c = 0; c < grid.columns; c++) {
              const expected = evaluateScalar(
                fn,
                args.map((arg) => pick(arg, r, c)),
              );
              const actual = grid.cells[r]?.[c];
              if (typeof expected !== "number") errors++;
              if (
                typeof expected === "number"
                  ? !Object.is(actual, expected)
                  : JSON.stringify(actual) !== JSON.stringify(expected)
              ) {
                return false;
              }
            }
          }
          const rows = Math.max(1, ...args.map((a) => (Array.isArray(a) ? a.length : 1)));
          const columns = Math.max(1, ...args.map((a) => (Array.isArray(a) ? (a[0] as unknown[]).length : 1)));
          return grid.rows === rows && grid.columns === columns && grid.errorCount === errors;
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe("the generators above can fail", () => {
  it("an out-of-domain value really is outside the domain (checked for every number parameter)", () => {
    for (const fn of calcFunctions) {
      for (const param of fn.params) {
        if (param.type !== "number") continue;
        fc.assert(
          fc.property(outOfDomain(param), (bad) => {
            const inside =
              Number.isFinite(bad) &&
              (param.min === undefined || bad >= param.min) &&
              (param.greaterThan === undefined || bad > param.greaterThan) &&
              (param.max === undefined || bad <= param.max);
            return !inside;
          }),
          { numRuns: 50 },
        );
      }
    }
    expect(true).toBe(true);
  });
});
