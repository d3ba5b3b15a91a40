/*
 * dist/functions.js must stand alone: loaded into a bare JavaScript realm that has
 * only a CustomFunctions object, it registers every function in functions.json,
 * and each answers as Excel would call it (ranges as 2-D arrays, omitted
 * optional arguments as null).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { calcFunctions, evaluateTime, timeFunctions } from "../../src/calc";
import { StandInError, standInErrorCode } from "../functions/customFunctionsStandIn";

interface Metadata {
  functions: { id: string; parameters: { name: string; optional?: boolean }[] }[];
}

type Fn = (...args: unknown[]) => unknown;

let associated: Map<string, Fn>;
let metadata: Metadata;

beforeAll(() => {
  const dist = inject("distDir");
  metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as Metadata;
  associated = new Map();
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: Fn) => associated.set(id, fn),
      Error: StandInError,
      ErrorCode: standInErrorCode,
    },
  });
  vm.runInContext(readFileSync(join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
});

/** Pads the arguments to the function's arity with null, as Excel passes omitted optional arguments. */
function callAsExcel(id: string, args: readonly unknown[]): unknown {
  const fn = associated.get(id);
  if (!fn) throw new Error(`${id} was not associated`);
  const arity = metadata.functions.find((f) => f.id === id)?.parameters.length ?? 0;
  const padded = Array.from({ length: arity }, (_, i) => (i < args.length ? [[args[i]]] : null));
  return fn(...padded);
}

describe("dist/functions.js in a bare realm", () => {
  it("associates every id listed in functions.json, and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect([...associated.keys()].sort()).toEqual(ids);
    expect(ids).toEqual([...calcFunctions, ...timeFunctions].map((f) => f.id).sort());
  });

  for (const fn of calcFunctions) {
    for (const example of fn.examples) {
      it(`${example.formula} gives ${example.result}`, () => {
        const result = callAsExcel(fn.id, example.args) as number[][];
        expect(result).toHaveLength(1);
        expect(result[0]).toHaveLength(1);
        expect(result[0]?.[0]).toBeCloseTo(example.result, 6);
      });
    }

    it(`${fn.id} answers text in its first parameter with #VALUE! and a message naming it`, () => {
      const args = fn.examples[0]?.args.slice() ?? [];
      args[0] = fn.params[0]?.type === "number" ? "abc" : 42;
      const cell = (callAsExcel(fn.id, args) as unknown[][])[0]?.[0];
      expect(cell).toBeInstanceOf(StandInError);
      expect((cell as StandInError).code).toBe("#VALUE!");
      expect((cell as StandInError).message).toContain(fn.params[0]?.name);
    });
  }

  for (const fn of timeFunctions) {
    for (const example of fn.examples) {
      it(`${example.formula} spills what the calc module gives`, () => {
        // Excel passes a series as a 1×N range and a single value as 1×1.
        const args = example.args.map((arg) => (Array.isArray(arg) ? [arg] : [[arg]]));
        const result = (associated.get(fn.id) as Fn)(...fn.params.map((_, i) => (i < args.length ? args[i] : null)));
        const expected = typeof example.result === "number" ? [[example.result]] : [example.result];
        expect(result).toHaveLength(1);
        const row = (result as number[][])[0] as number[];
        expect(row).toHaveLength((expected[0] as number[]).length);
        row.forEach((cell, i) => expect(cell).toBeCloseTo((expected[0] as number[])[i] as number, 4));
        expect(result).toEqual(evaluateTime(fn, args).cells);
      });
    }
  }

  it("GPU_CASH_FLOWS gives one row per scenario in a column, and #NUM! without a message for a negative count", () => {
    const fn = associated.get("GPU_CASH_FLOWS") as Fn;
    const result = fn([[1], [2], [-1]], [[100]], [[2]], null, null, null, null, null) as unknown[][];
    expect(result.slice(0, 2)).toEqual([
      [100, 0, 0],
      [200, 0, 0],
    ]);
    for (const cell of result[2] ?? []) {
      expect((cell as StandInError).code).toBe("#NUM!");
      expect((cell as StandInError).message).toBeUndefined();
    }
  });

  it("DEPRECIATION answers an unknown method with #VALUE! listing the methods", () => {
    const fn = associated.get("DEPRECIATION") as Fn;
    const cell = (fn([[1000]], [[5]], [[5]], [["linear"]], null, null) as unknown[][])[0]?.[0] as StandInError;
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toContain('"declining_balance"');
  });

  it("PAYBACK gives #N/A with its message, ROI #DIV/0! for zero costs", () => {
    const payback = associated.get("PAYBACK") as Fn;
    const never = (payback([[-100, 10, 10]], null) as unknown[][])[0]?.[0] as StandInError;
    expect([never.code, never.message]).toEqual(["#N/A", expect.stringContaining("within 2 years")]);
    const roi = associated.get("ROI") as Fn;
    expect(((roi([[0, 0]], [[0, 5]], null) as unknown[][])[0]?.[0] as StandInError).code).toBe("#DIV/0!");
  });

  it("spills a sensitivity table from a column and a row", () => {
    const fn = associated.get("LABOR_SAVINGS") as Fn;
    const result = fn([[100], [200]], [[1000, 2000, 3000]], null, null);
    expect(result).toEqual([
      [100_000, 200_000, 300_000],
      [200_000, 400_000, 600_000],
    ]);
  });

  it("marks only the offending cells of a broadcast as errors", () => {
    const fn = associated.get("GPU_HOUR_COST") as Fn;
    const result = fn([[8760]], [[1], [0], [2]], [[1]], null) as unknown[][];
    expect(result[0]?.[0]).toBe(1);
    expect((result[1]?.[0] as StandInError).code).toBe("#NUM!");
    expect(result[2]?.[0]).toBe(0.5);
  });

  it("gives #N/A with the known models for an unknown model", () => {
    const cell = (callAsExcel("MODEL_PRICE", ["gpt-0", "input"]) as unknown[][])[0]?.[0] as StandInError;
    expect(cell.code).toBe("#N/A");
    expect(cell.message).toContain("gpt-5.5");
  });
});
