/*
 * The row fast path of evaluateGrid (one argument varying along the row, every
 * argument valid) must agree with evaluateScalar cell by cell for every arity,
 * whichever argument varies, including results that overflow to #NUM!.
 */
import { describe, expect, it } from "vitest";
import { calcFunctions, evaluateGrid, evaluateScalar, isCalcError, type CalcFunction, type Scalar } from "../../src/calc";

function validArgs(fn: CalcFunction): Scalar[] {
  return [...(fn.examples[fn.examples.length - 1]?.args ?? [])];
}

function varyingRow(value: Scalar): Scalar[] {
  if (typeof value === "string") return [value, value.toUpperCase(), ` ${value} `];
  return [value, value * 2, value === 0 ? 1 : value / 4, 1e300];
}

describe("evaluateGrid: one argument varying along a row", () => {
  for (const fn of calcFunctions) {
    const args = validArgs(fn);
    args.forEach((value, varying) => {
      it(`${fn.id}: ${fn.params[varying]?.name} varies`, () => {
        const row = varyingRow(value);
        const gridArgs = args.map((a, i) => (i === varying ? [row] : [[a]]));
        const result = evaluateGrid(fn, gridArgs);
        expect(result.rows).toBe(1);
        expect(result.columns).toBe(row.length);
        row.forEach((cellValue, c) => {
          const scalarArgs = args.map((a, i) => (i === varying ? cellValue : a));
          const expected = evaluateScalar(fn, scalarArgs);
          const cell = result.cells[0]?.[c];
          if (isCalcError(expected)) {
            expect(isCalcError(cell) && cell.kind).toBe(expected.kind);
          } else {
            expect(cell).toBe(expected);
          }
        });
        expect(result.errorCount).toBe(result.cells[0]?.filter((c) => typeof c !== "number").length);
      });
    });
  }

  it("turns an overflowing cell into #NUM! and leaves the rest of the row", () => {
    const fn = calcFunctions.find((f) => f.id === "LABOR_SAVINGS") as CalcFunction;
    const result = evaluateGrid(fn, [[[1e300]], [[1e300, 2, 3]]]);
    const [first, second, third] = result.cells[0] ?? [];
    expect(isCalcError(first) && first.kind).toBe("num");
    expect(second).toBe(2e300);
    expect(third).toBe(3e300);
    expect(result.errorCount).toBe(1);
  });
});
