/*
 * Shared checks for the calc tests: numbers compared with a relative tolerance,
 * errors compared by kind and parameter, and the bad inputs every number
 * parameter must refuse.
 */
import { describe, expect, it } from "vitest";
import { evaluateScalar, isCalcError, type CalcError, type CalcErrorKind, type CalcFunction } from "../../src/calc";

/** Relative tolerance for hand-computed values: a few ulps of a double. */
export const relativeTolerance = 1e-12;

export function expectNumber(actual: unknown, expected: number, tolerance = relativeTolerance): void {
  if (isCalcError(actual)) throw new Error(`expected ${expected}, got ${actual.kind} error: ${actual.message}`);
  expect(typeof actual).toBe("number");
  const value = actual as number;
  expect(Number.isFinite(value)).toBe(true);
  expect(Math.abs(value - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** Asserts a CalcError of `kind` for `param`, whose message names the parameter (when there is one). */
export function expectError(actual: unknown, kind: CalcErrorKind, param: string): CalcError {
  if (!isCalcError(actual))
    throw new Error(`expected a ${kind} error for ${param || "the result"}, got ${String(actual)}`);
  expect({ kind: actual.kind, param: actual.param }).toEqual({ kind, param });
  if (param !== "") expect(actual.message).toContain(param);
  return actual;
}

/** The arguments of `valid` with argument `index` replaced (padding with null, as Excel passes omitted arguments). */
export function withArgument(valid: readonly unknown[], index: number, raw: unknown): unknown[] {
  const args = Array.from({ length: Math.max(valid.length, index + 1) }, (_, i) =>
    i < valid.length ? valid[i] : null,
  );
  args[index] = raw;
  return args;
}

/**
 * For every number parameter of `fn`: text, numeric text, booleans and objects
 * are #VALUE!, NaN and ±Infinity are #NUM!, and a blank is #VALUE! when the
 * parameter is required. Each error names the parameter and quotes what it got.
 */
export function describeTypeChecks(fn: CalcFunction, valid: readonly unknown[]): void {
  describe(`${fn.id}: inputs of the wrong type`, () => {
    it("accepts the valid arguments the checks start from", () => {
      expect(isCalcError(evaluateScalar(fn, valid))).toBe(false);
    });

    fn.params.forEach((param, index) => {
      if (param.type !== "number") return;
      const name = param.name;

      it(`${name}: text is #VALUE! quoting the text`, () => {
        const error = expectError(evaluateScalar(fn, withArgument(valid, index, "abc")), "value", name);
        expect(error.message).toContain('"abc"');
      });

      it(`${name}: numeric text ("100") is #VALUE!, not read as 100`, () => {
        const error = expectError(evaluateScalar(fn, withArgument(valid, index, "100")), "value", name);
        expect(error.message).toContain('"100"');
      });

      it(`${name}: TRUE and FALSE are #VALUE!, not read as 1 and 0`, () => {
        expect(expectError(evaluateScalar(fn, withArgument(valid, index, true)), "value", name).message).toContain(
          "TRUE",
        );
        expect(expectError(evaluateScalar(fn, withArgument(valid, index, false)), "value", name).message).toContain(
          "FALSE",
        );
      });

      it(`${name}: NaN, Infinity and -Infinity are #NUM!`, () => {
        expectError(evaluateScalar(fn, withArgument(valid, index, Number.NaN)), "num", name);
        expectError(evaluateScalar(fn, withArgument(valid, index, Infinity)), "num", name);
        expectError(evaluateScalar(fn, withArgument(valid, index, -Infinity)), "num", name);
      });

      if (param.default === undefined) {
        it(`${name}: a blank (null, undefined or "") is #VALUE!, not read as 0`, () => {
          for (const blank of [null, undefined, ""]) {
            const error = expectError(evaluateScalar(fn, withArgument(valid, index, blank)), "value", name);
            expect(error.message).toContain("blank");
          }
        });
      } else {
        it(`${name}: a blank (null, undefined or "") takes the default, as if it were typed`, () => {
          const fallback = param.default;
          if (fallback === undefined) throw new Error("unreachable: an optional parameter has a default");
          const typed =
            typeof fallback === "number"
              ? fallback
              : (valid[fn.params.findIndex((p) => p.name === fallback.fractionOf)] as number) * fallback.fraction;
          const expected = evaluateScalar(fn, withArgument(valid, index, typed));
          expect(isCalcError(expected)).toBe(false);
          for (const blank of [null, undefined, ""]) {
            expect(evaluateScalar(fn, withArgument(valid, index, blank))).toEqual(expected);
          }
          // Omitted at the end of the call: the same default.
          const truncated = withArgument(valid, index, typed).slice(0, index + 1);
          expect(evaluateScalar(fn, truncated.slice(0, index))).toEqual(evaluateScalar(fn, truncated));
        });
      }
    });
  });
}

/** Asserts `fn`'s own documented examples: formula text matches the arguments, and the result holds. */
export function describeDocumentedExamples(fn: CalcFunction): void {
  describe(`${fn.id}: documented examples`, () => {
    it("has at least two", () => {
      expect(fn.examples.length).toBeGreaterThanOrEqual(2);
    });
    for (const example of fn.examples) {
      it(`${example.formula} = ${example.result}`, () => {
        const shown = example.args.map((a) => (typeof a === "string" ? `"${a}"` : String(a))).join(", ");
        expect(example.formula).toBe(`=AICOST.${fn.id}(${shown})`);
        expectNumber(evaluateScalar(fn, example.args), example.result);
      });
    }
  });
}
