/* The plan behind `export --values`, on the hand-written fixture plan. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freezePlan, frozenLineRow } from "../../src/cli/frozenPlan";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import type { PlannedCell } from "../../src/presets";
import { fixturePlan, fixtureValues } from "./fixturePlan";
import { fixedNow, runAicost } from "./harness";

const origin = { presetId: "fixture", presetTitle: "Fixture model", frozenAt: fixedNow };

function rows(...indexes: number[]): PlannedCell[] {
  return indexes.map((row) => ({ address: `A${row + 1}`, row, column: 0, content: { kind: "text", text: "x" }, role: "label" }));
}

describe("frozenLineRow", () => {
  it("is the first empty row under the first row, within ten rows", () => {
    expect(frozenLineRow(rows(0, 1, 2, 4, 5))).toBe(3);
    expect(frozenLineRow(rows(0, 15))).toBe(1);
    expect(frozenLineRow(rows(3, 4, 6))).toBe(5);
  });

  it("is two rows under the last when no row in reach is empty", () => {
    expect(frozenLineRow(rows(...Array.from({ length: 13 }, (_, i) => i), 20))).toBe(22);
    expect(frozenLineRow(rows(0))).toBe(2);
    expect(frozenLineRow([])).toBe(0);
  });
});

describe("freezePlan on the fixture plan", () => {
  const result = freezePlan(evaluatePlan(fixturePlan), origin);
  if (!result.ok) throw new Error(result.message);
  const frozen = result.value;
  const byAddress = new Map(frozen.plan.cells.map((cell) => [cell.address, cell]));
  const reference = fixtureValues();

  it("replaces each AICOST formula by its value, an error by its error literal", () => {
    expect(frozen.frozen).toEqual(["C9", "D9", "E9", "C10"]);
    for (const address of ["C9", "D9", "E9"]) {
      expect(byAddress.get(address)?.content, address).toEqual({ kind: "number", value: reference.get(address) });
      expect(byAddress.get(address)?.role).toBe("output");
    }
    expect(byAddress.get("C10")?.content).toEqual({ kind: "formula", formula: "=#NUM!" });
    expect(frozen.valueAt("C10")).toMatchObject({ error: "#NUM!" });
  });

  it("keeps the other formulas, with their values to cache", () => {
    expect(byAddress.get("E5")?.content).toEqual({ kind: "formula", formula: "=D5" });
    expect(frozen.valueAt("E5")).toBe(2000);
  });

  it("keeps every other cell as planned, and adds the line in the first empty row under the title", () => {
    for (const cell of fixturePlan.cells) {
      if (!frozen.frozen.includes(cell.address)) expect(byAddress.get(cell.address)).toBe(cell);
    }
    expect(frozen.lineAddress).toBe("A3");
    expect(byAddress.get("A3")).toMatchObject({ content: { kind: "text", text: frozen.line }, role: "note", numberFormat: "@" });
    expect(frozen.line).toBe("Values frozen on 2026-04-24 09:05 UTC from preset fixture (Fixture model); AICOST formulas replaced by their values.");
    expect(frozen.plan.cells).toHaveLength(fixturePlan.cells.length + 1);
    const order = frozen.plan.cells.map((c) => c.row * 100 + c.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(frozen.plan.usedRange).toBe(fixturePlan.usedRange);
  });

  it("refuses an invalid date", () => {
    const refused = freezePlan(evaluatePlan(fixturePlan), { ...origin, frozenAt: new Date(Number.NaN) });
    expect(refused).toEqual({ ok: false, message: "the time of freezing is not a valid date" });
  });
});

describe("export --values with a clock that gives no valid date", () => {
  it("is refused, and no file is written", async () => {
    const folder = mkdtempSync(join(tmpdir(), "aicost-frozen-"));
    try {
      const result = await runAicost(["export", "meta-2026", "--values", "--out", "x.xlsx"], { cwd: folder, now: new Date(Number.NaN) });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe('aicost: could not freeze the values of "meta-2026": the time of freezing is not a valid date\n');
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
