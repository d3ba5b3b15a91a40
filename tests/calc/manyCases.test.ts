/*
 * The calculation for many cases at once (a simulation's trials) against the
 * one-case functions it stands for: the same results to the last bit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCell, paybackYears, presentValueUsd } from "../../src/calc";
import { numbersPassUnchanged, paybackYearsMany, presentValuesUsd } from "../../src/calc/manyCases";
import type { NumberParamSpec } from "../../src/calc/spec";

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

/** A year's cash: ordinary amounts, zeros of both signs, and amounts near the limit of a number. */
const year = fc.oneof(
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.constant(0),
  fc.constant(-0),
  fc.double({ min: -1e300, max: 1e300, noNaN: true }),
);

describe("presentValuesUsd, many cases at once", () => {
  it("gives each case presentValueUsd's result to the last bit, flows and rate per case or shared", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.infiniteStream(year),
        fc.infiniteStream(fc.double({ min: -0.999, max: 50, noNaN: true })),
        fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
        (cases, years, flowStream, rateStream, shared) => {
          const flowIterator = flowStream[Symbol.iterator]();
          const rateIterator = rateStream[Symbol.iterator]();
          const next = (it: Iterator<number>): number => it.next().value as number;
          const flows = Array.from({ length: years }, (_, k) =>
            shared[k] ? next(flowIterator) : Float64Array.from({ length: cases }, () => next(flowIterator)),
          );
          const rate = shared[12] ? next(rateIterator) : Float64Array.from({ length: cases }, () => next(rateIterator));
          const all = presentValuesUsd(flows, rate, cases);
          for (let i = 0; i < cases; i++) {
            const one = presentValueUsd(
              flows.map((f) => (typeof f === "number" ? f : (f[i] as number))),
              typeof rate === "number" ? rate : (rate[i] as number),
            );
            expect(same(all[i] as number, one), `case ${i}`).toBe(true);
          }
        },
      ),
      { numRuns: 500, seed: 20_261_130 },
    );
  });
});

describe("numbersPassUnchanged", () => {
  it("is true exactly when checkCell passes every value unchanged", () => {
    const params: NumberParamSpec[] = [
      { type: "number", name: "x", unit: "", description: "" },
      { type: "number", name: "rate", unit: "", description: "", greaterThan: -1 },
      { type: "number", name: "share", unit: "", description: "", min: 0, max: 1 },
      { type: "number", name: "count", unit: "", description: "", min: 0, integer: true },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...params),
        fc.array(
          fc.oneof(fc.double({ min: -3, max: 3 }), fc.constantFrom(-1, 0, -0, 1, 2, Infinity, NaN), fc.integer({ min: -5, max: 5 })),
          { minLength: 1, maxLength: 20 },
        ),
        (param, values) => {
          const every = values.every((v) => Object.is(checkCell(param, v), v));
          const passes = numbersPassUnchanged(param, Float64Array.from(values));
          // It may send values to be checked one by one (false) when they would pass, never the reverse.
          if (passes) expect(every).toBe(true);
          if (every && param.integer !== true && !values.some((v) => Object.is(v, -0))) expect(passes).toBe(true);
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe("paybackYearsMany", () => {
  it("gives each case paybackYears's years to the last bit, NaN where paybackYears says it never pays back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 8 }),
        fc.infiniteStream(year),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.oneof(fc.constant(0), fc.double({ min: -0.9, max: 2, noNaN: true })),
        (cases, years, stream, shared, rate) => {
          const next = stream[Symbol.iterator]();
          const value = (): number => next.next().value as number;
          const flows = Array.from({ length: years }, (_, k) =>
            shared[k] ? value() : Float64Array.from({ length: cases }, value),
          );
          const all = paybackYearsMany(flows, rate, cases);
          for (let i = 0; i < cases; i++) {
            const one = paybackYears(
              flows.map((f) => (typeof f === "number" ? f : (f[i] as number))),
              rate,
            );
            if (typeof one === "number") expect(same(all[i] as number, one), `case ${i}: ${all[i]} vs ${one}`).toBe(true);
            else expect(all[i], `case ${i}`).toBeNaN();
          }
        },
      ),
      { numRuns: 1000, seed: 20_261_130 },
    );
  });
});
