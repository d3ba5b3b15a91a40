import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { PRESENT_VALUE, evaluateTime, isCalcError } from "../../src/calc";
import { expectError, expectNumber } from "./helpers";
import { valueOf } from "./timeHelpers";

const run = (...args: unknown[]) => valueOf(PRESENT_VALUE, args);
const flows = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 51 });

describe("PRESENT_VALUE", () => {
  for (const example of PRESENT_VALUE.examples) {
    it(`${example.formula}`, () => expectNumber(run(...example.args), example.result as number, 1e-9));
  }

  it("equals first + NPV(rate, rest), Excel's NPV as formulajs computes it", () => {
    fc.assert(
      fc.property(flows, fc.double({ min: -0.5, max: 1, noNaN: true }), (cash, rate) => {
        const [first, ...rest] = cash as [number, ...number[]];
        const npv = formulajs.NPV(rate, ...rest) as number;
        expectNumber(run([cash], rate), first + npv, 1e-9);
      }),
      { numRuns: 1000, seed: 20_260_424 },
    );
  });

  it("equals first + NPV(rate, rest) as HyperFormula computes it", () => {
    const hf = HyperFormula.buildFromArray([[-1000, 300, 420, 680, 0.08, "=A1+NPV(E1,B1:D1)"]], {
      licenseKey: "gpl-v3",
      smartRounding: false,
    });
    try {
      expectNumber(run([[-1000, 300, 420, 680]], 0.08), hf.getCellValue({ sheet: 0, row: 0, col: 5 }) as number, 1e-12);
    } finally {
      hf.destroy();
    }
  });

  it("a blank is a year with no cash, where Excel's NPV would skip it and shift the later years", () => {
    expectNumber(run([[-100, null, 121]], 0.1), 0);
    expectNumber(run([[-100, "", 121]], 0.1), 0);
    // Excel's NPV over (blank, 121) skips the blank: 121 / 1.1 = 110, so =first + NPV gives 10.
    expect(-100 + 121 / 1.1).toBeCloseTo(10, 9);
  });

  it("reads a column as one series, and a block as one series per row", () => {
    expectNumber(run([[-100], [110]], 0.1), 0);
    const block = evaluateTime(PRESENT_VALUE, [
      [
        [-100, 110],
        [-100, 121],
      ],
      0.1,
    ]);
    expect([block.rows, block.columns]).toEqual([2, 1]);
    expectNumber(block.cells[0]?.[0], 0);
    expectNumber(block.cells[1]?.[0], 10);
  });

  it("a row of rates gives a value per rate; with a block, a table (series down, rates across)", () => {
    const table = evaluateTime(PRESENT_VALUE, [
      [
        [-100, 110],
        [-100, 121],
      ],
      [[0, 0.1]],
    ]);
    expect(table.cells.some((row) => row.some(isCalcError))).toBe(false);
    expectNumber(table.cells[0]?.[0], 10, 1e-12);
    expectNumber(table.cells[0]?.[1], 0, 1e-12);
    expectNumber(table.cells[1]?.[0], 21, 1e-12);
    expectNumber(table.cells[1]?.[1], 10, 1e-12);
    const perRate = evaluateTime(PRESENT_VALUE, [[[-100, 110]], [[0], [0.1]]]);
    expect([perRate.rows, perRate.columns]).toEqual([2, 1]);
    expectNumber(perRate.cells[1]?.[0], 0);
  });

  it("bad inputs: text in the flows #VALUE!, NaN #NUM!, a rate of -1 or less #NUM!, a blank rate #VALUE!", () => {
    expect(expectError(run([[-100, "x", 3]], 0.1), "value", "cash_flows").message).toContain('"x"');
    expectError(run([[-100, true]], 0.1), "value", "cash_flows");
    expectError(run([[-100, Number.NaN]], 0.1), "num", "cash_flows");
    expectError(run([[-100, 110]], -1), "num", "discount_rate");
    expectError(run([[-100, 110]], null), "value", "discount_rate");
    // A blank argument is one blank cell, as a one-cell range holding a blank: no cash.
    expect(run(null, 0.1)).toBe(0);
  });
});
