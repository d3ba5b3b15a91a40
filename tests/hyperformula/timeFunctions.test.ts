/*
 * The time functions in HyperFormula (the engine of the preview and the command
 * line), beside HyperFormula's own implementations of Excel's SLN, SYD, DDB and
 * NPV in the same sheet.
 */
import { DetailedCellError, ErrorType } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/calc";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";

let engine: ReturnType<typeof createAicostEngine> | undefined;
afterEach(() => {
  engine?.destroy();
  engine = undefined;
});

function sheet(rows: (string | number | null)[][]): (string | number | boolean | null | DetailedCellError)[][] {
  engine = createAicostEngine({ Sheet1: rows });
  return engine.getSheetValues(0) as (string | number | boolean | null | DetailedCellError)[][];
}

const years = [1, 2, 3, 4, 5, 6, 7];

describe("DEPRECIATION beside HyperFormula's own SLN, SYD and DDB", () => {
  it("straight line is SLN, sum of years SYD, declining balance DDB until it switches to straight line", () => {
    const values = sheet([
      ['=AICOST.DEPRECIATION(70000, 7, 7, "straight_line", 7000)'],
      years.map((k) => `=SLN(70000, 7000, 7)+0*${k}`),
      ['=AICOST.DEPRECIATION(70000, 7, 7, "sum_of_years", 7000)'],
      years.map((k) => `=SYD(70000, 7000, 7, ${k})`),
      ['=AICOST.DEPRECIATION(70000, 7, 3, "declining_balance", 7000)'],
      [1, 2, 3].map((k) => `=DDB(70000, 7000, 7, ${k})`),
    ]);
    for (const [ours, theirs, count] of [
      [0, 1, 7],
      [2, 3, 7],
      [4, 5, 3],
    ] as const) {
      for (let c = 0; c < count; c++) expect(values[ours]?.[c] as number).toBeCloseTo(values[theirs]?.[c] as number, 6);
    }
  });
});

describe("PRESENT_VALUE beside HyperFormula's NPV", () => {
  it("equals =first + NPV(rate, rest) over the same cells, for a row and for a spilled cash-flow row", () => {
    const values = sheet([
      [-1000, 300, 420, 680, 0.08],
      ["=AICOST.PRESENT_VALUE(A1:D1, E1)", "=A1+NPV(E1, B1:D1)"],
      ["=AICOST.GPU_CASH_FLOWS(10, 30000, 3, 5000)"],
      ["=AICOST.PRESENT_VALUE(A3:D3, 0.1)", "=A3+NPV(0.1, B3:D3)"],
    ]);
    expect(values[1]?.[0] as number).toBeCloseTo(values[1]?.[1] as number, 8);
    expect(values[3]?.[0] as number).toBeCloseTo(values[3]?.[1] as number, 8);
  });
});

describe("spills", () => {
  it("a column of scenario values spills one row per value", () => {
    const values = sheet([[1000], [2000], ["=AICOST.SAVINGS_CASH_FLOWS(A1:A2, 100, 2)"]]);
    expect(values.slice(2)).toEqual([
      [0, 100_000, 100_000],
      [0, 200_000, 200_000],
    ]);
  });

  it("years in a cell reference is #VALUE! saying it must be typed into the formula", () => {
    const values = sheet([[3, "=AICOST.GPU_CASH_FLOWS(1, 100, A1)"]]);
    const cell = values[0]?.[1];
    expect(cell).toBeInstanceOf(DetailedCellError);
    expect((cell as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect((cell as DetailedCellError).message).toBe(messages.yearsNotInFormula("AICOST.GPU_CASH_FLOWS"));
  });

  it("years typed as text is #VALUE! saying it is text, not that it is a cell reference", () => {
    const cell = sheet([['=AICOST.GPU_CASH_FLOWS(1, 30000, "3")']])[0]?.[0];
    expect((cell as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect((cell as DetailedCellError).message).toBe(messages.notANumber("years", "3"));
  });

  it("ROI with no costs is #DIV/0!", () => {
    const cell = sheet([["=AICOST.ROI({0, 0}, {0, 5})"]])[0]?.[0];
    expect((cell as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
  });
});
