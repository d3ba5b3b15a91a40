import fc from "fast-check";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { evaluatePlan, type EvaluatedValue } from "../../src/hyperformula/evaluatePlan";
import { hyperFormulaLicenseKey, registerAicostPlugin } from "../../src/hyperformula/aicostPlugin";
import {
  builtInPresets,
  callsAicost,
  freezeSheet,
  frozenLine,
  parseCellAddress,
  planSheet,
  utcMinuteText,
  type FreezeOrigin,
  type SheetCell,
  type SheetCellValue,
} from "../../src/presets";
import { tinyPreset } from "./helpers";

const origin: FreezeOrigin = { presetId: "meta-2026", presetTitle: "Meta 2026", frozenAt: new Date(Date.UTC(2026, 3, 24, 9, 5, 59)) };

function frozenCells(cells: readonly SheetCell[], at: FreezeOrigin = origin): readonly SheetCell[] {
  const result = freezeSheet(cells, at);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.cells;
}

describe("callsAicost", () => {
  it.each([
    // The examples in callsAicost's documentation.
    ["=ROUND(aicost.gpu_tco(A1, A2), 0)", true],
    ['="AICOST.GPU_TCO is a function"', false],
    ["=AICOST.GPU_TCO(1, 2, 3)", true],
    ["=aicost.gpu_tco(1)", true],
    ["=ROUND(AiCost.Labor_Savings(C5, C6), 0) + 1", true],
    ["=IFERROR(1/0, AICOST.MODEL_PRICE(\"gpt\", \"input\"))", true],
    ["=_xludf.AICOST.GPU_TCO(1)", true],
    ['="x"&AICOST.TOKEN_COST(1, 2)', true],
    ["=1.5E+3+AICOST.TOKEN_COST(1,2)", true],
    ["=AICOST.GPU_TCO (1)", true],
    ['="AICOST.GPU_TCO(1)"', false],
    ['="say ""AICOST.GPU_TCO(1)"" here"&C1', false],
    ["='AICOST.GPU_TCO(1)'!A1*2", false],
    ["='It''s AICOST.X'!A1", false],
    ["=Table1[AICOST.GPU_TCO]", false],
    ["=Table1[[#This Row],['[AICOST.X]]", false],
    ["=MYAICOST.GPU_TCO(1)", false],
    ["=SUM(C5:C9)*2", false],
    ["=C9*2", false],
    ["=AICOSTS(1)", false],
  ])("%s -> %s", (formula, expected) => {
    expect(callsAicost(formula)).toBe(expected);
  });

  it("ignores AICOST inside any text literal", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (before, after) => {
        const literal = `"${`${before}AICOST.GPU_TCO(1)${after}`.replace(/"/g, '""')}"`;
        expect(callsAicost(`=LEN(${literal})+C1`)).toBe(false);
        expect(callsAicost(`=LEN(${literal})+AICOST.GPU_TCO(C1)`)).toBe(true);
      }),
    );
  });
});

describe("freezeSheet", () => {
  it("does what its documented example says", () => {
    const result = freezeSheet(
      [
        { address: "C9", formula: "=AICOST.LABOR_SAVINGS(C5, C6)", value: 3.795e9 },
        { address: "C10", formula: "=C9*2", value: 7.59e9 },
      ],
      { presetId: "meta-2026", presetTitle: "Meta 2026", frozenAt: new Date(Date.UTC(2026, 3, 24, 9, 5)) },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        cells: [
          { address: "C9", value: 3.795e9 },
          { address: "C10", formula: "=C9*2", value: 7.59e9 },
        ],
        line: "Values frozen on 2026-04-24 09:05 UTC from preset meta-2026 (Meta 2026); AICOST formulas replaced by their values.",
        frozen: ["C9"],
      },
    });
  });

  it("keeps constants and formulas without AICOST exactly as given, in order", () => {
    const cells: SheetCell[] = [
      { address: "A1", value: "=cmd|' /C calc'!A0" },
      { address: "B1", value: 42 },
      { address: "C1", value: true },
      { address: "D1", value: null },
      { address: "E1", formula: "=B1*2", value: 84 },
      { address: "F1", formula: '="AICOST.GPU_TCO(1)"', value: "AICOST.GPU_TCO(1)" },
      { address: "G1", formula: "=1/0", value: { error: "#DIV/0!" } },
      { address: "H1", formula: "=aicost.token_cost(B1, 2)", value: "a text result" },
      { address: "I1", formula: "=AICOST.GPU_TCO(1)", value: false },
      { address: "J1", formula: "=AICOST.GPU_TCO(1)", value: null },
    ];
    expect(frozenCells(cells)).toEqual([
      ...cells.slice(0, 7),
      { address: "H1", value: "a text result" },
      { address: "I1", value: false },
      { address: "J1", value: null },
    ]);
  });

  it.each(["#N/A", "#VALUE!", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!"])(
    "freezes an AICOST cell showing %s as that error literal, which needs no add-in",
    (code) => {
      const value: SheetCellValue = { error: code, message: "from the add-in" };
      const [cell] = frozenCells([{ address: "C9", formula: "=AICOST.GPU_TCO(-1)", value }]);
      expect(cell).toEqual({ address: "C9", formula: `=${code}`, value });
      expect(callsAicost(cell?.formula ?? "")).toBe(false);
    },
  );

  it("freezes an error without a literal as its code in text", () => {
    expect(frozenCells([{ address: "C9", formula: "=AICOST.GPU_TCO(A1:A3)", value: { error: "#SPILL!" } }])).toEqual([
      { address: "C9", value: "#SPILL!" },
    ]);
  });

  it("refuses while AICOST cells are still calculating, naming them", () => {
    const result = freezeSheet(
      [
        { address: "C9", formula: "=AICOST.GPU_TCO(1)", value: { error: "#BUSY!" } },
        { address: "C10", formula: "=AICOST.GPU_TCO(2)", value: 5 },
        { address: "D9", formula: "=AICOST.GPU_TCO(3)", value: { error: "#GETTING_DATA" } },
        { address: "E9", formula: "=B1", value: { error: "#BUSY!" } },
      ],
      origin,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        message: "these cells are still calculating: C9, D9; wait for them to finish, then freeze again",
        addresses: ["C9", "D9"],
      },
    });
  });

  it("refuses an invalid date", () => {
    expect(freezeSheet([], { ...origin, frozenAt: new Date(Number.NaN) }).ok).toBe(false);
  });

  it("writes the time in UTC to the minute, whatever the local time zone", () => {
    // 23:59:59 UTC on 31 December is already the next year east of Greenwich.
    const at = new Date("2025-12-31T23:59:59.999Z");
    expect(utcMinuteText(at)).toBe("2025-12-31 23:59 UTC");
    expect(frozenLine({ presetId: "gpu-cluster-100k", presetTitle: "=1+1 (hostile)", frozenAt: at })).toBe(
      "Values frozen on 2025-12-31 23:59 UTC from preset gpu-cluster-100k (=1+1 (hostile)); AICOST formulas replaced by their values.",
    );
  });

  it("returns one cell per cell given, none calling AICOST, and changes only those that did", () => {
    const formula = fc.oneof(
      fc.constantFrom("=AICOST.GPU_TCO(1)", "=C1*2", '="AICOST.X"', "=aicost.x(1)+1", "=SUM(A1:A2)"),
      fc.string({ maxLength: 12 }).map((s) => `=${s}`),
    );
    const value = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constantFrom("#N/A", "#NUM!", "#SPILL!").map((error) => ({ error })));
    const cell = fc.record({ address: fc.constantFrom("A1", "B2", "C3"), formula: fc.option(formula, { nil: undefined }), value });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (raw) => {
        const cells: SheetCell[] = raw.map((c) => (c.formula === undefined ? { address: c.address, value: c.value } : c));
        const result = freezeSheet(cells, origin);
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.cells).toHaveLength(cells.length);
        result.value.cells.forEach((out, i) => {
          const given = cells[i] as SheetCell;
          expect(out.address).toBe(given.address);
          expect(out.formula === undefined || !callsAicost(out.formula)).toBe(true);
          if (given.formula === undefined || !callsAicost(given.formula)) expect(out).toBe(given);
        });
        expect(result.value.frozen).toEqual(cells.filter((c) => c.formula !== undefined && callsAicost(c.formula)).map((c) => c.address));
      }),
    );
  });
});

/* The frozen copy computes without the add-in what the live sheet shows. */

type Raw = string | number | boolean | null;

function rawOf(cell: SheetCell): Raw {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (typeof value === "string") return `'${value}`; // HyperFormula's mark for literal text
  if (typeof value === "object" && value !== null) throw new Error(`an error constant at ${cell.address}`);
  return value;
}

/** Evaluates cells in a plain HyperFormula workbook; returns each address's value. */
function evaluate(cells: readonly SheetCell[]): Map<string, EvaluatedValue> {
  registerAicostPlugin(); // so that a remaining AICOST call would compute, not fail as #NAME? and hide it
  const positions = cells.map((cell) => {
    const at = parseCellAddress(cell.address);
    if (at === undefined) throw new Error(`not an address: ${cell.address}`);
    return at;
  });
  const rows = Math.max(0, ...positions.map((p) => p.row + 1));
  const columns = Math.max(0, ...positions.map((p) => p.column + 1));
  const grid: Raw[][] = Array.from({ length: rows }, () => new Array<Raw>(columns).fill(null));
  cells.forEach((cell, i) => {
    const at = positions[i] as { row: number; column: number };
    (grid[at.row] as Raw[])[at.column] = rawOf(cell);
  });
  const engine = HyperFormula.buildFromSheets({ S: grid }, { licenseKey: hyperFormulaLicenseKey, evaluateNullToZero: true });
  try {
    const values = new Map<string, EvaluatedValue>();
    cells.forEach((cell, i) => {
      const at = positions[i] as { row: number; column: number };
      const v = engine.getCellValue({ sheet: 0, row: at.row, col: at.column });
      values.set(cell.address, v instanceof DetailedCellError ? { error: v.value, message: v.message } : (v as EvaluatedValue));
    });
    return values;
  } finally {
    engine.destroy();
  }
}

const sameValue = (a: EvaluatedValue | undefined, b: EvaluatedValue | undefined): boolean => {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return a.error === b.error;
  return a === b;
};

describe("a frozen built-in preset", () => {
  it("is a real test: most built-ins call AICOST functions", () => {
    const calling = builtInPresets.filter((preset) =>
      [...preset.outputs, ...(preset.timeline?.rows ?? [])].some((output) => callsAicost(`=${output.formula}`)),
    );
    expect(calling.length).toBeGreaterThanOrEqual(builtInPresets.length - 1);
  });

  it.each(builtInPresets.map((p) => [p.id, p] as const))("%s computes the same values without any AICOST formula", (_id, preset) => {
    const plan = planSheet(preset);
    const live = evaluatePlan(plan);
    const cells: SheetCell[] = live.cells.map(({ cell, value }) =>
      cell.content.kind === "formula" ? { address: cell.address, formula: cell.content.formula, value } : { address: cell.address, value },
    );
    const aicostCells = cells.filter((c) => c.formula !== undefined && callsAicost(c.formula)).length;

    const result = freezeSheet(cells, { presetId: preset.id, presetTitle: preset.title, frozenAt: origin.frozenAt });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.frozen).toHaveLength(aicostCells);
    expect(result.value.cells.filter((c) => c.formula !== undefined && callsAicost(c.formula))).toEqual([]);
    // Formulas without AICOST remain formulas: the frozen sheet still recalculates where it can.
    // (A frozen AICOST error is the error literal as a formula, "=#N/A": not counted as a remaining formula.)
    const frozenAddresses = new Set(result.value.frozen);
    expect(result.value.cells.filter((c) => c.formula !== undefined && !frozenAddresses.has(c.address)).length).toBe(
      cells.filter((c) => c.formula !== undefined).length - aicostCells,
    );

    const frozen = evaluate(result.value.cells);
    const differ = live.cells.filter(({ cell, value }) => !sameValue(value, frozen.get(cell.address))).map(({ cell }) => cell.address);
    expect(differ).toEqual([]);
  });

  it("keeps an AICOST error and the errors that follow from it", () => {
    // LABOR_SAVINGS of a negative headcount is an error; a plain formula over it shows the same error.
    const plan = planSheet({ ...tinyPreset(), inputs: tinyPreset().inputs.map((input, i) => (i === 0 ? { ...input, base: -5, low: -6, high: -4 } : input)) });
    const live = evaluatePlan(plan);
    const errors = live.cells.filter(({ value }) => typeof value === "object" && value !== null);
    expect(errors.length).toBeGreaterThanOrEqual(6); // three scenario columns, two outputs
    const cells: SheetCell[] = live.cells.map(({ cell, value }) =>
      cell.content.kind === "formula" ? { address: cell.address, formula: cell.content.formula, value } : { address: cell.address, value },
    );
    const result = freezeSheet(cells, origin);
    if (!result.ok) throw new Error(result.error.message);
    const frozen = evaluate(result.value.cells);
    for (const { cell, value } of errors) expect(frozen.get(cell.address), cell.address).toMatchObject({ error: (value as { error: string }).error });
  });
});
