import { describe, expect, it } from "vitest";
import {
  BLENDED_PRICE,
  evaluateGrid,
  evaluateScalar,
  GPU_HOUR_COST,
  GPU_TCO,
  isCalcError,
  LABOR_SAVINGS,
  MODEL_PRICE,
  type CalcError,
  type GridResult,
} from "../../src/calc";
import { expectError, expectNumber } from "./helpers";

/** The cells of a grid result, errors shown as "kind:param" so whole grids compare at a glance. */
function shape<E extends object>(result: GridResult<E>): (number | string | E)[][] {
  return result.cells.map((row) =>
    row.map((cell) => (typeof cell === "number" ? cell : isCalcError(cell) ? `${cell.kind}:${cell.param}` : cell)),
  );
}

describe("evaluateGrid: broadcasting", () => {
  it("1×1 arguments give a 1×1 result", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[[3]], [[100]]]);
    expect(result).toMatchObject({ rows: 1, columns: 1, errorCount: 0 });
    expect(result.cells).toEqual([[300]]);
  });

  it("plain scalars are 1×1 arguments", () => {
    expect(evaluateGrid(LABOR_SAVINGS, [3, 100]).cells).toEqual([[300]]);
  });

  it("a column (M×1) and a row (1×N) give an M×N table: headcount × cost", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[[100], [200]], [[1000, 2000, 3000]]]);
    expect(result).toMatchObject({ rows: 2, columns: 3, errorCount: 0 });
    expect(result.cells).toEqual([
      [100_000, 200_000, 300_000],
      [200_000, 400_000, 600_000],
    ]);
  });

  it("a 1×1 argument repeats over an M×N one", () => {
    expect(
      evaluateGrid(LABOR_SAVINGS, [
        [
          [1, 2],
          [3, 4],
        ],
        [[10]],
      ]).cells,
    ).toEqual([
      [10, 20],
      [30, 40],
    ]);
  });

  it("M×N arguments of the same size pair cell by cell", () => {
    expect(
      evaluateGrid(LABOR_SAVINGS, [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 100],
          [1000, 10000],
        ],
      ]).cells,
    ).toEqual([
      [10, 200],
      [3000, 40000],
    ]);
  });

  it("a row (1×N) repeats down an M×N argument, a column (M×1) across it", () => {
    expect(
      evaluateGrid(LABOR_SAVINGS, [
        [
          [1, 2],
          [3, 4],
        ],
        [[10, 100]],
      ]).cells,
    ).toEqual([
      [10, 200],
      [30, 400],
    ]);
    expect(
      evaluateGrid(LABOR_SAVINGS, [
        [
          [1, 2],
          [3, 4],
        ],
        [[10], [100]],
      ]).cells,
    ).toEqual([
      [10, 20],
      [300, 400],
    ]);
  });

  it("a range in an optional argument broadcasts too: years 1, 2, 3 across", () => {
    // 10 × (1,000 × years − 500): years 1 → 5,000; 2 → 15,000; 3 → 25,000.
    expect(evaluateGrid(LABOR_SAVINGS, [10, 1000, [[1, 2, 3]], 500]).cells).toEqual([[5000, 15000, 25000]]);
  });

  it("a 1-D array is one row", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[1, 2, 3], 10]);
    expect(result).toMatchObject({ rows: 1, columns: 3 });
    expect(result.cells).toEqual([[10, 20, 30]]);
  });

  it("an empty array is a blank", () => {
    expectError(evaluateGrid(LABOR_SAVINGS, [[], 10]).cells[0]?.[0], "value", "headcount");
    expect(evaluateGrid(LABOR_SAVINGS, [2, 10, [[]]]).cells).toEqual([[20]]);
  });
});

describe("evaluateGrid: sizes that do not fit", () => {
  it("a 2-row column beside a 3-row column leaves the third row #N/A, naming the short argument and its size", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [
      [[1], [2], [3]],
      [[10], [20]],
    ]);
    expect(result).toMatchObject({ rows: 3, columns: 1, errorCount: 1 });
    expect(shape(result)).toEqual([[10], [40], ["na:cost_per_employee"]]);
    const error = result.cells[2]?.[0] as CalcError;
    expect(error.message).toContain("cost_per_employee");
    expect(error.message).toContain("2 row(s) × 1 column(s)");
  });

  it("a 2-column row beside a 3-column row leaves the third column #N/A", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[[1, 2, 3]], [[10, 20]]]);
    expect(shape(result)).toEqual([[10, 40, "na:cost_per_employee"]]);
    expect(result.errorCount).toBe(1);
  });

  it("a 2×2 beside a 3×3 fills only the top-left 2×2", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
    ]);
    expect(shape(result)).toEqual([
      [1, 2, "na:headcount"],
      [3, 4, "na:headcount"],
      ["na:headcount", "na:headcount", "na:headcount"],
    ]);
    expect(result.errorCount).toBe(5);
  });

  it("a 2×3 beside a 3×2 gives 3×3 with only the 2×2 both can fill", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [10, 10],
        [10, 10],
        [10, 10],
      ],
    ]);
    expect(shape(result)).toEqual([
      [10, 20, "na:cost_per_employee"],
      [40, 50, "na:cost_per_employee"],
      ["na:headcount", "na:headcount", "na:headcount"],
    ]);
    expect(result.errorCount).toBe(5);
  });

  it("a ragged range leaves its missing cells #N/A", () => {
    expect(shape(evaluateGrid(LABOR_SAVINGS, [[[1, 2], [3]], 10]))).toEqual([
      [10, 20],
      [30, "na:headcount"],
    ]);
  });
});

describe("evaluateGrid: only the offending cells are errors", () => {
  it("a zero among GPU counts is #NUM! in its own row only", () => {
    const result = evaluateGrid(GPU_HOUR_COST, [8760, [[1], [0], [2]], 1]);
    expect(shape(result)).toEqual([[1], ["num:gpu_count"], [0.5]]);
    expect(result.errorCount).toBe(1);
  });

  it("a bad cell in a row argument spoils its column of the table, nothing else", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[[1], [2]], [["x", 10, -5]]]);
    expect(shape(result)).toEqual([
      ["value:cost_per_employee", 10, "num:cost_per_employee"],
      ["value:cost_per_employee", 20, "num:cost_per_employee"],
    ]);
    expect(result.errorCount).toBe(4);
  });

  it("blanks in an optional range take the default cell by cell", () => {
    // 10 × (1,000 × years): blank → 1 year; 2; "" → 1 year.
    expect(evaluateGrid(LABOR_SAVINGS, [10, 1000, [[null, 2, ""]]]).cells).toEqual([[10000, 20000, 10000]]);
  });

  it("a blank cell in a required range is #VALUE! in its cell", () => {
    expect(shape(evaluateGrid(LABOR_SAVINGS, [[[1, null, 3]], 10]))).toEqual([[10, "value:headcount", 30]]);
  });

  it("a fraction-of default follows its own row: cached price = 10% of that row's input price", () => {
    // All input, all cached: the result is the cached price, 10% of 2 and of 40.
    const result = evaluateGrid(BLENDED_PRICE, [[[2], [40]], 8, 0, 1]);
    expectNumber(result.cells[0]?.[0], 0.2);
    expectNumber(result.cells[1]?.[0], 4);
  });

  it("text parameters broadcast like numbers", () => {
    const result = evaluateGrid(MODEL_PRICE, [[["gpt-5.5"], ["nope"]], [["input", "output"]]]);
    expect(shape(result)).toEqual([
      [5, 30],
      ["na:model", "na:model"],
    ]);
  });

  it("when several arguments of a cell are at fault, the first parameter's error is shown", () => {
    expectError(evaluateScalar(LABOR_SAVINGS, ["x", -1]), "value", "headcount");
    expectError(evaluateGrid(LABOR_SAVINGS, [-1, "x"]).cells[0]?.[0], "num", "headcount");
  });
});

describe("cell values", () => {
  it("blank required arguments (null, undefined, empty text, missing) are #VALUE!, never 0", () => {
    for (const blank of [null, undefined, ""]) {
      expect(expectError(evaluateScalar(GPU_TCO, [blank, 100]), "value", "gpu_count").message).toBe(
        "gpu_count is required, but it is blank",
      );
    }
    expectError(evaluateScalar(GPU_TCO, [8]), "value", "gpu_unit_price");
    expectError(evaluateScalar(GPU_TCO, []), "value", "gpu_count");
  });

  it("a space is text, not a blank, in a number parameter", () => {
    expect(expectError(evaluateScalar(GPU_TCO, [" ", 100]), "value", "gpu_count").message).toContain('the text " "');
  });

  it("booleans are #VALUE!, never 1 or 0", () => {
    expect(expectError(evaluateScalar(GPU_TCO, [true, 100]), "value", "gpu_count").message).toBe(
      "gpu_count must be a number, got TRUE",
    );
    expect(expectError(evaluateScalar(GPU_TCO, [8, 100, false]), "value", "years").message).toBe(
      "years must be a number, got FALSE",
    );
  });

  it("numeric text is #VALUE!, never read as its number", () => {
    expect(expectError(evaluateScalar(GPU_TCO, ["100", 100]), "value", "gpu_count").message).toBe(
      'gpu_count must be a number, got the text "100"',
    );
  });

  it("long text is shortened in the message", () => {
    const error = expectError(evaluateScalar(GPU_TCO, ["x".repeat(100), 100]), "value", "gpu_count");
    expect(error.message).toContain(`"${"x".repeat(40)}…"`);
  });

  it("objects that are not numbers are #VALUE!", () => {
    expectError(evaluateScalar(GPU_TCO, [{ value: 1 }, 100]), "value", "gpu_count");
    expectError(evaluateScalar(GPU_TCO, [new Date(0), 100]), "value", "gpu_count");
  });

  it("-0 reads as 0 and no result is ever -0", () => {
    expect(Object.is(evaluateScalar(LABOR_SAVINGS, [-0, 100]), 0)).toBe(true);
    expect(Object.is(evaluateScalar(LABOR_SAVINGS, [-0, 100, 1, 200]), 0)).toBe(true);
    expect(Object.is(evaluateGrid(LABOR_SAVINGS, [[[-0, 0]], 100, 1, 200]).cells[0]?.[0], 0)).toBe(true);
  });

  it("NaN and ±Infinity are #NUM! with the value in the message", () => {
    expect(expectError(evaluateScalar(GPU_TCO, [Number.NaN, 100]), "num", "gpu_count").message).toContain("NaN");
    expect(expectError(evaluateScalar(GPU_TCO, [8, Infinity]), "num", "gpu_unit_price").message).toContain("Infinity");
    expect(expectError(evaluateScalar(GPU_TCO, [8, 1, -Infinity]), "num", "years").message).toContain("-Infinity");
  });
});

describe("too many arguments", () => {
  it("evaluateScalar answers #VALUE! naming the function and its arity", () => {
    const error = expectError(evaluateScalar(LABOR_SAVINGS, [1, 2, 3, 4, 5]), "value", "");
    expect(error.message).toBe("LABOR_SAVINGS takes at most 4 argument(s), got 5");
  });

  it("evaluateGrid answers one #VALUE! cell", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [[[1], [2]], 2, 3, 4, 5]);
    expect(result).toMatchObject({ rows: 1, columns: 1, errorCount: 1 });
    expectError(result.cells[0]?.[0], "value", "");
  });

  it("trailing omitted arguments up to the arity are fine", () => {
    expect(evaluateScalar(LABOR_SAVINGS, [1, 2, null, null])).toBe(2);
    expect(evaluateGrid(LABOR_SAVINGS, [1, 2, null, null]).cells).toEqual([[2]]);
  });
});

describe("errors of the host spreadsheet pass through", () => {
  class HostError {
    constructor(readonly code: string) {}
  }
  const isHostError = (raw: unknown): raw is HostError => raw instanceof HostError;

  it("a host error in a range reaches its result cell unchanged, the other cells compute", () => {
    const divZero = new HostError("#DIV/0!");
    const result = evaluateGrid(LABOR_SAVINGS, [[[1], [divZero], [3]], 10], isHostError);
    expect(result.cells[0]?.[0]).toBe(10);
    expect(result.cells[1]?.[0]).toBe(divZero);
    expect(result.cells[2]?.[0]).toBe(30);
    expect(result.errorCount).toBe(1);
  });

  it("in an optional argument too, and repeated over a broadcast", () => {
    const ref = new HostError("#REF!");
    const result = evaluateGrid(LABOR_SAVINGS, [[[1, 2]], 10, ref], isHostError);
    expect(result.cells).toEqual([[ref, ref]]);
    expect(result.cells[0]?.[1]).toBe(ref);
    expect(result.errorCount).toBe(2);
  });

  it("an earlier parameter's own fault is shown before a later host error", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [-1, new HostError("#N/A")], isHostError);
    expectError(result.cells[0]?.[0], "num", "headcount");
  });

  it("without the test, a host error is a value that is not a number: #VALUE!", () => {
    const result = evaluateGrid(LABOR_SAVINGS, [new HostError("#DIV/0!"), 10]);
    expectError(result.cells[0]?.[0], "value", "headcount");
  });
});

describe("large ranges", () => {
  it("a full-height column (1,048,576 rows) evaluates without exhausting the stack", () => {
    const rows = 1_048_576;
    const column = Array.from({ length: rows }, (_, i) => [i % 3]);
    const result = evaluateGrid(LABOR_SAVINGS, [column, 2]);
    expect(result).toMatchObject({ rows, columns: 1, errorCount: 0 });
    expect(result.cells[rows - 1]).toEqual([((rows - 1) % 3) * 2]);
  });
});
