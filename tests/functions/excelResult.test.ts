import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calcError, GPU_HOUR_COST, LABOR_SAVINGS, MODEL_PRICE, type CalcFunction } from "../../src/calc";
import { callForExcel, toExcelError } from "../../src/functions/excelResult";
import { installCustomFunctionsStandIn, StandInError, type CustomFunctionsStandIn } from "./customFunctionsStandIn";

let standIn: CustomFunctionsStandIn;
beforeAll(() => {
  standIn = installCustomFunctionsStandIn();
});
afterAll(() => standIn.restore());

function only(cells: unknown[][]): unknown {
  expect(cells).toHaveLength(1);
  expect(cells[0]).toHaveLength(1);
  return cells[0]?.[0];
}

describe("toExcelError", () => {
  it("#VALUE! keeps its message", () => {
    const error = toExcelError(calcError("value", "headcount", "headcount must be a number, got TRUE"));
    expect(error).toBeInstanceOf(StandInError);
    expect(error).toMatchObject({ code: "#VALUE!", message: "headcount must be a number, got TRUE" });
  });

  it("#N/A keeps its message", () => {
    expect(toExcelError(calcError("na", "model", 'unknown model "x"'))).toMatchObject({
      code: "#N/A",
      message: 'unknown model "x"',
    });
  });

  it("#DIV/0! has no message, because Excel shows none for it", () => {
    const error = toExcelError(
      calcError("div0", "costs", "costs: the present value of the costs is 0"),
    ) as unknown as StandInError;
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toBeUndefined();
  });

  it("#NUM! has no message, because Excel shows none for it", () => {
    const error = toExcelError(
      calcError("num", "years", "years must be at least 0, got -1"),
    ) as unknown as StandInError;
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBeUndefined();
  });
});

describe("callForExcel", () => {
  /** Excel passes every argument as a 2-D range and an omitted optional one as null. */
  const call = (fn: CalcFunction, ...args: unknown[]) =>
    callForExcel(
      fn,
      fn.params.map((_, i) => (i < args.length ? args[i] : null)),
    ) as unknown[][];

  it("an error-free result is plain numbers: the same 2-D array of numbers, no wrapping", () => {
    const cells = call(LABOR_SAVINGS, [[100], [200]], [[1000, 2000]]);
    expect(cells).toEqual([
      [100_000, 200_000],
      [200_000, 400_000],
    ]);
    for (const row of cells) for (const cell of row) expect(typeof cell).toBe("number");
  });

  it("a single result is a 1×1 array", () => {
    expect(only(call(LABOR_SAVINGS, [[23000]], [[165000]]))).toBe(3_795_000_000);
  });

  it("maps value -> #VALUE! with the message naming the parameter", () => {
    const cell = only(call(LABOR_SAVINGS, [[true]], [[1]])) as StandInError;
    expect(cell).toBeInstanceOf(StandInError);
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toBe("headcount must be a number, got TRUE");
  });

  it("maps num -> #NUM! without a message", () => {
    const cell = only(call(GPU_HOUR_COST, [[8760]], [[0]], [[1]])) as StandInError;
    expect(cell).toBeInstanceOf(StandInError);
    expect(cell.code).toBe("#NUM!");
    expect(cell.message).toBeUndefined();
  });

  it("maps na -> #N/A with the message listing the known models", () => {
    const cell = only(call(MODEL_PRICE, [["gpt-0"]], [["input"]])) as StandInError;
    expect(cell.code).toBe("#N/A");
    expect(cell.message).toContain("gpt-5.5");
  });

  it("in a mixed grid only the error cells are Excel errors; the numbers stay numbers", () => {
    const cells = call(GPU_HOUR_COST, [[8760]], [[1], [0], ["two"], [2]], [[1]]);
    expect(cells[0]?.[0]).toBe(1);
    expect(cells[1]?.[0]).toMatchObject({ code: "#NUM!" });
    expect(cells[2]?.[0]).toMatchObject({ code: "#VALUE!", message: 'gpu_count must be a number, got the text "two"' });
    expect(cells[3]?.[0]).toBe(0.5);
  });

  it("a range repeating one unknown model gives one short #N/A, shared by every cell", () => {
    const name = "n".repeat(32_767);
    const range = Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => name.split("").join("")));
    const cells = call(MODEL_PRICE, range, [["input"]]).flat();
    expect(new Set(cells).size).toBe(1);
    const cell = cells[0] as StandInError;
    expect(cell.code).toBe("#N/A");
    expect(cell.message).toContain(`"${"n".repeat(40)}…"`);
    expect(cell.message?.length).toBeLessThan(200);
  });

  it("a range that cannot fill the result gives #N/A with a message naming it", () => {
    const cells = call(LABOR_SAVINGS, [[1], [2], [3]], [[10], [20]]);
    expect(cells[2]?.[0]).toMatchObject({ code: "#N/A" });
    expect((cells[2]?.[0] as StandInError).message).toContain("cost_per_employee");
  });
});
