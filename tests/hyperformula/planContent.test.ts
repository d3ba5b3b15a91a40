import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { planToSheetContent } from "../../src/hyperformula/planContent";
import { planSheet, type PlannedCell, type SheetPlan } from "../../src/presets";
import { tinyPreset } from "../presets/helpers";

function planOf(cells: PlannedCell[]): SheetPlan {
  return { presetId: "t", sheetName: "T", cells, usedRange: "A1:A1", columnWidths: [], freezeRows: 0, keyCells: {} };
}

function textCell(row: number, text: string): PlannedCell {
  return { address: `A${row + 1}`, row, column: 0, content: { kind: "text", text }, role: "label", numberFormat: "@" };
}

describe("HyperFormula's leading apostrophe", () => {
  it("makes the rest of a raw string literal text and is itself dropped", () => {
    const engine = createAicostEngine({ S: [["'=1+1", "'+3", "'-3", "'@x", "''quoted", "'TRUE", "'50%", "'2026-04-24", "=1+1", "TRUE"]] });
    try {
      const sheet = engine.getSheetId("S") ?? -1;
      expect(engine.getSheetValues(sheet)[0]).toEqual(["=1+1", "+3", "-3", "@x", "'quoted", "TRUE", "50%", "2026-04-24", 2, true]);
    } finally {
      engine.destroy();
    }
  });
});

describe("planToSheetContent", () => {
  it("writes text with the apostrophe, numbers and formulas as they are, and null elsewhere", () => {
    const plan = planOf([
      textCell(0, "=SUM(A2)"),
      { address: "B2", row: 1, column: 1, content: { kind: "number", value: 2.5 }, role: "input" },
      { address: "C3", row: 2, column: 2, content: { kind: "formula", formula: "=B2*2" }, role: "output" },
    ]);
    expect(planToSheetContent(plan)).toEqual([
      ["'=SUM(A2)", null, null],
      [null, 2.5, null],
      [null, null, "=B2*2"],
    ]);
  });

  it("covers the plan's used range", () => {
    const plan = planSheet(tinyPreset());
    const grid = planToSheetContent(plan);
    const [, end] = plan.usedRange.split(":");
    expect(`${String.fromCharCode(64 + (grid[0]?.length ?? 0))}${grid.length}`).toBe(end);
    expect(new Set(grid.map((row) => row.length)).size).toBe(1);
  });

  it("keeps any text exactly as planned through HyperFormula (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const sheet = evaluatePlan(planOf(texts.map((text, row) => textCell(row, text))));
        return texts.every((text, row) => sheet.valueAt(`A${row + 1}`) === text);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps leading =, +, -, @ and ' as text", () => {
    for (const text of ["=1+1", "+1", "-1", "@A1", "'x", "=AICOST.GPU_TCO(1,1)", "#NUM!", "TRUE"]) {
      expect(evaluatePlan(planOf([textCell(0, text)])).valueAt("A1")).toBe(text);
    }
  });
});
