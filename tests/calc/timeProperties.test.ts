/*
 * Properties of the time functions, over generated inputs (fast-check):
 * present value falls as the rate rises for positive flows; discounted payback
 * is never shorter than simple payback; and no input, valid or not, gives NaN,
 * Infinity or -0 in any cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateTime, isCalcError, PAYBACK, PRESENT_VALUE, timeFunctions, type TimeParamSpec } from "../../src/calc";

const seed = 20_260_424;
const positiveFlows = fc.array(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 51 });

describe("time function properties", () => {
  it("PRESENT_VALUE falls as the discount rate rises, for positive flows after the start", () => {
    fc.assert(
      fc.property(
        positiveFlows,
        fc.double({ min: -0.9, max: 5, noNaN: true }),
        fc.double({ min: 1e-6, max: 5, noNaN: true }),
        (flows, rate, step) => {
          const low = evaluateTime(PRESENT_VALUE, [[flows], rate]).cells[0]?.[0] as number;
          const high = evaluateTime(PRESENT_VALUE, [[flows], rate + step]).cells[0]?.[0] as number;
          expect(high).toBeLessThanOrEqual(low);
          // Strictly lower, unless the discounted part is too small to move the sum in a double.
          const discounted = low - (flows[0] as number);
          if (discounted > 1e-9 * Math.abs(low)) expect(high).toBeLessThan(low);
        },
      ),
      { numRuns: 2000, seed },
    );
  });

  it("discounted payback is never shorter than simple payback (a cost at the start, then inflows)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (start, inflows, rate) => {
          const flows = [[-start, ...inflows]];
          const simple = evaluateTime(PAYBACK, [flows, 0]).cells[0]?.[0];
          const discounted = evaluateTime(PAYBACK, [flows, rate]).cells[0]?.[0];
          if (isCalcError(simple)) {
            expect(isCalcError(discounted)).toBe(true); // never within the years undiscounted: never discounted
          } else if (!isCalcError(discounted)) {
            expect(discounted as number).toBeGreaterThanOrEqual((simple as number) - 1e-9);
          }
        },
      ),
      { numRuns: 2000, seed },
    );
  });

  const anyCell = fc.oneof(
    { weight: 4, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 60 }) },
    { weight: 1, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        null,
        "",
        "x",
        true,
        "straight_line",
        "declining_balance",
        "sum_of_years",
        1e308,
        -1e308,
      ),
    },
  );
  const anyArgument = fc.oneof(
    anyCell,
    fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => {
      const width = rows[0]?.length ?? 1;
      return rows.map((row) => Array.from({ length: width }, (_, i) => row[i % row.length]));
    }),
  );

  for (const fn of timeFunctions) {
    it(`${fn.id}: no input gives NaN, Infinity or -0; every cell a finite number or an error`, () => {
      fc.assert(
        fc.property(fc.tuple(...fn.params.map((_: TimeParamSpec) => anyArgument)), (args) => {
          const result = evaluateTime(fn, args);
          expect(result.cells).toHaveLength(result.rows);
          let errors = 0;
          for (const row of result.cells) {
            expect(row).toHaveLength(result.columns);
            for (const cell of row) {
              if (isCalcError(cell)) {
                errors++;
                continue;
              }
              if (typeof cell !== "number" || !Number.isFinite(cell) || Object.is(cell, -0)) {
                throw new Error(`${fn.id}(${JSON.stringify(args)}) gave ${String(cell)}`);
              }
            }
          }
          expect(errors).toBe(result.errorCount);
        }),
        { numRuns: 3000, seed },
      );
    });
  }
});
