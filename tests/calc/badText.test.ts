/*
 * Bad text in an argument, however long and however often repeated: every
 * message quotes at most 40 characters of it (then "…"), and a range that
 * repeats a value builds its error, message included, once per distinct value,
 * not once per cell, for a fault found by the checks (text where a number
 * belongs, a kind not in the list) and for one found by the function (an
 * unknown model).
 */
import { describe, expect, it } from "vitest";
import {
  calcFunctions,
  evaluateGrid,
  evaluateScalar,
  isCalcError,
  knownModels,
  LABOR_SAVINGS,
  messages,
  MODEL_PRICE,
  quoteText,
  quotedTextMaxLength,
  type CalcError,
  type GridResult,
} from "../../src/calc";

/** A fresh string per call, as Excel passes each cell of a range: equal text, never the same string. */
const fresh = (text: string): string => text.split("").join("");

function errorsOf<E extends object>(result: GridResult<E>): CalcError[] {
  return result.cells.flat().map((cell) => {
    if (!isCalcError(cell)) throw new Error(`expected an error, got ${String(cell)}`);
    return cell;
  });
}

describe("messages quote at most 40 characters of a value", () => {
  it("MODEL_PRICE: a 32,767-character unknown model name", () => {
    const name = "m".repeat(32_767);
    const error = evaluateScalar(MODEL_PRICE, [name, "input"]);
    if (!isCalcError(error)) throw new Error("expected #N/A");
    expect(error).toMatchObject({ kind: "na", param: "model" });
    expect(error.message).toContain(`"${"m".repeat(40)}…"`);
    expect(error.message).not.toContain("m".repeat(41));
    // As long as the message for a one-letter name, plus the 40 quoted characters and the "…".
    expect(error.message.length).toBe(messages.unknownModel("m", knownModels()).length + 40);
  });

  it.each(calcFunctions.flatMap((fn) => fn.params.map((param, index) => [fn.id, param.name, index] as const)))(
    "%s: 10,000 characters of text in %s",
    (id, _name, index) => {
      const fn = calcFunctions.find((f) => f.id === id);
      if (fn === undefined) throw new Error(id);
      const args: unknown[] = [...(fn.examples[0]?.args ?? [])];
      args[index] = "y".repeat(10_000);
      const result = evaluateScalar(fn, args);
      expect(isCalcError(result)).toBe(true);
      if (isCalcError(result)) expect(result.message).not.toContain("y".repeat(quotedTextMaxLength + 1));
    },
  );

  it("quoteText: short text whole, long text cut to 40 characters and an ellipsis, never inside a character", () => {
    expect(quoteText("gpt-0")).toBe('"gpt-0"');
    expect(quoteText("x".repeat(40))).toBe(`"${"x".repeat(40)}"`);
    expect(quoteText("x".repeat(41))).toBe(`"${"x".repeat(40)}…"`);
    // 39 letters and an emoji (two UTF-16 units) are 41 units: the emoji goes whole, never half of it.
    expect(quoteText(`${"x".repeat(39)}💸 and more`)).toBe(`"${"x".repeat(39)}…"`);
    expect(quoteText(`${"x".repeat(38)}💸 and more`)).toBe(`"${"x".repeat(38)}💸…"`);
  });
});

describe("a range that repeats bad text builds one error per distinct value", () => {
  const size = 200;

  it("MODEL_PRICE: one unknown model in every cell is one error, built once", () => {
    const name = "unknown-".padEnd(1_000, "z");
    const range = Array.from({ length: size }, () => Array.from({ length: size }, () => fresh(name)));
    const result = evaluateGrid(MODEL_PRICE, [range, [["input"]]]);
    expect(result).toMatchObject({ rows: size, columns: size, errorCount: size * size });
    const errors = errorsOf(result);
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]).toMatchObject({ kind: "na", param: "model" });
  });

  it("MODEL_PRICE: two names alternating are two errors, each naming its own", () => {
    const names = ["first-unknown", "second-unknown"];
    const range = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => fresh(names[(r + c) % 2] as string)));
    const errors = errorsOf(evaluateGrid(MODEL_PRICE, [range, "output"]));
    expect(new Set(errors).size).toBe(2);
    expect(errors[0]?.message).toContain('"first-unknown"');
    expect(errors[1]?.message).toContain('"second-unknown"');
    // Valid cells among them still compute.
    const mixed = evaluateGrid(MODEL_PRICE, [[["gpt-5.5", fresh("nope"), fresh("gpt-5.5"), fresh("nope")]], "output"]);
    expect(mixed.cells[0]?.[0]).toBe(30);
    expect(mixed.cells[0]?.[2]).toBe(30);
    expect(mixed.cells[0]?.[1]).toBe(mixed.cells[0]?.[3]);
  });

  it("MODEL_PRICE: a kind that is not in the list, in every cell, is one error", () => {
    const kinds = Array.from({ length: size }, () => Array.from({ length: size }, () => fresh("total")));
    const errors = errorsOf(evaluateGrid(MODEL_PRICE, ["gpt-5.5", kinds]));
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]).toMatchObject({ kind: "value", param: "kind" });
  });

  it("LABOR_SAVINGS: text where a number belongs, in every cell, is one error", () => {
    const headcount = Array.from({ length: size }, () => Array.from({ length: size }, () => fresh("not a number")));
    const errors = errorsOf(evaluateGrid(LABOR_SAVINGS, [headcount, 100_000]));
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]?.message).toBe('headcount must be a number, got the text "not a number"');
  });

  it("more distinct values than are remembered still each get their own error", () => {
    const count = 70_000;
    const range = [Array.from({ length: count }, (_, i) => `model-${i}`)];
    const errors = errorsOf(evaluateGrid(MODEL_PRICE, [range, "input"]));
    expect(errors).toHaveLength(count);
    for (const i of [0, 1, 65_535, 65_536, count - 1]) expect(errors[i]?.message).toContain(`"model-${i}"`);
  });
});
