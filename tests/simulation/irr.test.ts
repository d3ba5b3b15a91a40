/*
 * The compiled timeline's IRR: for flows whose signs change once, the one root
 * there is, as formulajs's and HyperFormula's IRR find it; for flows whose signs
 * change more than once, Excel's method as HyperFormula follows it.
 */
import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { excelNewtonIrr, irrOfFlows, isRoot, signChanges, singleRoot } from "../../src/simulation/irr";

const scaled = (flows: readonly number[]): number[] => {
  const largest = Math.max(...flows.map(Math.abs));
  return flows.map((f) => (largest > 0 ? f / largest : f));
};

const npv = (flows: readonly number[], rate: number): number => flows.reduce((sum, f, k) => sum + f / (1 + rate) ** k, 0);

/** Flows whose signs change once: an outlay (some years of it), then returns; or the reverse. */
const oneSignChange = fc
  .tuple(
    fc.array(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.oneof(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.constant(0)), { minLength: 1, maxLength: 30 }),
    fc.boolean(),
  )
  .filter(([, returns]) => returns.some((r) => r > 0))
  .map(([outlays, returns, loan]) => {
    const flows = [...outlays.map((o) => -o), ...returns];
    return loan ? flows.map((f) => (f === 0 ? 0 : -f)) : flows;
  });

describe("singleRoot, the solver for flows whose signs change once", () => {
  it("finds the rate HyperFormula's IRR finds, where it finds one", () => {
    const cases = fc.sample(oneSignChange, { numRuns: 2000, seed: 20_261_130 }).map(scaled);
    const sheet = hyperFormulaIrr(cases);
    let compared = 0;
    cases.forEach((unit, i) => {
      const expected = sheet[i];
      // Where HyperFormula's Newton steps found no rate at which the present value changes sign, it found
      // no root. (Its stopping rule, a present value within 1e-10, accepts rates that are none where the
      // first flows are tiny.)
      if (expected === "error" || expected === undefined) return;
      if (expected > 1000) {
        // Beyond 100,000% a year IRR is #NUM! here, as formulajs gave; HyperFormula's Newton steps may get there.
        expect(irrOfFlows([...unit])).toMatchObject({ code: "#NUM!" });
        return;
      }
      const step = 1e-8 * Math.max(1, Math.abs(expected));
      if (npv(unit, expected - step) * npv(unit, expected + step) > 0) return;
      compared++;
      const rate = singleRoot(unit);
      expect(rate, JSON.stringify(unit)).toBeDefined();
      expect(isRoot(unit, rate as number)).toBe(true);
      // HyperFormula stops once the present value or its step is below 1e-10: its rate is as close to
      // the root as the present value's slope there allows. This solver's is at least as close.
      const slope = Math.abs(npv(unit, expected + 1e-7) - npv(unit, expected - 1e-7)) / 2e-7;
      expect(Math.abs(npv(unit, rate as number))).toBeLessThanOrEqual(Math.max(Math.abs(npv(unit, expected)), 1e-14));
      expect(Math.abs((rate as number) - expected), JSON.stringify(unit)).toBeLessThanOrEqual(
        2e-10 / slope + 2e-10 * Math.max(1, Math.abs(expected)),
      );
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it("finds the rate formulajs's IRR finds for an investment that pays back", () => {
    for (const flows of [
      [-1000, 400, 400, 400, 400],
      [-1, 0.2, 0.25, 0.3, 0.35, 0.4],
      [-5e9, -1e9, 2e9, 3e9, 4e9],
      [100, -30, -30, -30, -30],
    ]) {
      const unit = scaled(flows);
      expect(Math.abs((singleRoot(unit) as number) - (formulajs.IRR(unit) as number))).toBeLessThan(1e-9);
    }
  });

  it("gives the same rate as HyperFormula's IRR for an investment that pays back", () => {
    const flows = [-1000, 300, 420, 680, 0, 90];
    const hf = HyperFormula.buildFromArray([[...flows, "=IRR(A1:F1)"]], { licenseKey: "gpl-v3", smartRounding: false });
    try {
      const sheet = hf.getCellValue({ sheet: 0, row: 0, col: 6 }) as number;
      expect(irrOfFlows([...flows])).toBeCloseTo(sheet, 12);
    } finally {
      hf.destroy();
    }
  });

  it("answers only flows whose signs change once", () => {
    expect(singleRoot([-1, 3, -2.5, 0.1])).toBeUndefined();
    expect(singleRoot([-1, -1, -1])).toBeUndefined();
    expect(singleRoot([1, 0, 2])).toBeUndefined();
    expect(singleRoot([0, 0, 0])).toBeUndefined();
    expect([[-1, 0, 2], [0, -1, 3, 0], [1, -1, 1], [-1, 1, -1, 1], [0, 0]].map(signChanges)).toEqual([1, 1, 2, 3, 0]);
  });

  it("finds none beyond formulajs's search (100,000% a year), where IRR is #NUM!", () => {
    expect(singleRoot([-1, 2000, 0, 0, 0])).toBeUndefined();
    expect(irrOfFlows([-1, 2000, 0, 0, 0])).toMatchObject({ code: "#NUM!" });
  });

  it("finds roots near -100% and near the top of the search", () => {
    for (const rate of [-0.999, -0.9, -0.5, 0, 1e-9, 0.25, 10, 500, 999]) {
      const flows = [-1, ...Array.from({ length: 4 }, () => 0), (1 + rate) ** 5];
      const found = singleRoot(flows);
      expect(found, `rate ${rate}`).toBeDefined();
      expect(Math.abs((found as number) - rate), `rate ${rate}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(rate)));
    }
  });

  it("depends on the flows alone: the same flows give the same rate to the last bit, at any scale", () => {
    fc.assert(
      fc.property(oneSignChange, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (flows, scale) => {
        const once = irrOfFlows([...flows]);
        expect(irrOfFlows([...flows])).toEqual(once);
        const rescaled = irrOfFlows(flows.map((f) => f * scale));
        if (typeof once === "number" && typeof rescaled === "number")
          expect(Math.abs(rescaled - once)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(once)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

/** A column's letters, 0 for A. */
const columnName = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26));

/** HyperFormula's IRR of each row of flows (its default guess, 10%), or "error". */
function hyperFormulaIrr(rows: readonly (readonly number[])[]): (number | "error")[] {
  const width = Math.max(...rows.map((r) => r.length));
  const hf = HyperFormula.buildFromArray(
    rows.map((r, i) => [
      ...r,
      ...Array.from({ length: width - r.length }, () => null),
      `=IRR(A${i + 1}:${columnName(r.length - 1)}${i + 1})`,
    ]),
    { licenseKey: "gpl-v3", smartRounding: false },
  );
  try {
    return rows.map((_, i) => {
      const value = hf.getCellValue({ sheet: 0, row: i, col: width });
      return typeof value === "number" ? value : "error";
    });
  } finally {
    hf.destroy();
  }
}

describe("irrOfFlows", () => {
  it("for flows whose signs change more than once, is HyperFormula's IRR, or #NUM! where it finds none", () => {
    const rows = fc.sample(
      fc
        .array(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(0)), { minLength: 3, maxLength: 8 })
        .filter((flows) => signChanges(flows) > 1 && flows.some((f) => Math.abs(f) > 0.1)),
      { numRuns: 300, seed: 11 },
    );
    const sheet = hyperFormulaIrr(rows);
    let roots = 0;
    rows.forEach((flows, i) => {
      const expected = sheet[i];
      const rate = irrOfFlows([...flows]);
      if (expected === "error" || expected! > 1000 || !isRoot(scaled(flows), expected!)) {
        expect(rate, JSON.stringify(flows)).toMatchObject({ code: "#NUM!" });
      } else {
        roots++;
        expect(typeof rate, JSON.stringify(flows)).toBe("number");
        expect(Math.abs((rate as number) - expected!), JSON.stringify(flows)).toBeLessThan(1e-8 * Math.max(1, Math.abs(expected!)));
      }
    });
    expect(roots).toBeGreaterThan(30);
  });

  it("returns #NUM! at once for flows on which formulajs's IRR runs forever", () => {
    // Two sign changes and no root: formulajs's search for a bracket doubles a negative rate without end.
    expect(excelNewtonIrr([0.823, -0.891, 0.294])).toBeUndefined();
    expect(irrOfFlows([823, -891, 294])).toMatchObject({ code: "#NUM!" });
    const flows = [0.522, 0.229, 0.462, -0.993, 0.371];
    const [sheet] = hyperFormulaIrr([flows]);
    const rate = irrOfFlows([...flows]);
    if (sheet === "error") expect(rate).toMatchObject({ code: "#NUM!" });
    else expect(rate as number).toBeCloseTo(sheet as number, 9);
  });

  it("is #NUM! for flows that never change sign", () => {
    expect(irrOfFlows([100, 200, 300])).toMatchObject({ code: "#NUM!" });
    expect(irrOfFlows([0, 0, 0])).toMatchObject({ code: "#NUM!" });
  });
});
