import { describe, expect, it } from "vitest";
import { ROI, evaluateTime, isCalcError } from "../../src/calc";
import { expectError, expectNumber } from "./helpers";
import { valueOf } from "./timeHelpers";

const run = (...args: unknown[]) => valueOf(ROI, args);

describe("ROI, TEI's definition", () => {
  for (const example of ROI.examples) {
    it(`${example.formula}`, () => expectNumber(run(...example.args), example.result as number, 1e-12));
  }

  it("is (PV benefits − PV costs) ÷ PV costs at the rate given", () => {
    const costs = [500, 100, 100, 100];
    const benefits = [0, 400, 400, 400];
    const pv = (row: number[]) => row.reduce((total, value, k) => total + value / 1.1 ** k, 0);
    expectNumber(run([costs], [benefits], 0.1), (pv(benefits) - pv(costs)) / pv(costs), 1e-12);
  });

  it("costs of zero are #DIV/0!", () => {
    expectError(run([[0, 0, 0]], [[0, 10, 10]]), "div0", "costs");
    expectError(run([[null, null]], [[0, 10]]), "div0", "costs");
  });

  it("costs whose present value is negative are #NUM!", () => {
    expectError(run([[-10, 0]], [[0, 10]]), "num", "costs");
  });

  it("costs and benefits over different numbers of years are #VALUE!, not a return on misaligned rows", () => {
    expectError(run([[100, 50, 50]], [[0, 150]]), "value", "benefits");
    expectError(run([[100, 50]], [[0, 150, 150]]), "value", "benefits");
    expectError(run([[100, 50, 50]], 300), "value", "benefits");
  });

  it("scenario rows of costs and benefits give one ROI per row", () => {
    const result = evaluateTime(ROI, [
      [
        [100, 0],
        [100, 100],
      ],
      [
        [0, 150],
        [0, 400],
      ],
    ]);
    expect(result.cells.map((row) => row.map((cell) => (isCalcError(cell) ? cell.kind : cell)))).toEqual([[0.5], [1]]);
  });
});
