import { describe, expect, it } from "vitest";
import { calcFunctions } from "../../src/calc";
import { freeSheetName } from "../../src/workbook/sheetName";
import { titledSheetNames } from "../fixtures/sheetTitles";
import { builtInPresets, numberFormatOf, orderCheckFormula, planSheet, type PlannedCell, type Preset, type SheetPlan } from "../../src/presets";
import { planColumnsOf } from "../../src/presets/plan";
import { sheetScenariosOf } from "../../src/presets/types";
import { parseCellAddress } from "../../src/presets/address";
import { tinyPreset } from "./helpers";

/** A1 address computed here, independently of the planner (columns A..Z suffice for these sheets). */
function a1(row: number, column: number): string {
  if (column > 25) throw new Error("test helper covers columns A..Z only");
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

function byAddress(plan: SheetPlan): Map<string, PlannedCell> {
  return new Map(plan.cells.map((cell) => [cell.address, cell]));
}

function textOf(cell: PlannedCell | undefined): string | undefined {
  return cell?.content.kind === "text" ? cell.content.text : undefined;
}

const functionNames = new Set(calcFunctions.map((fn) => `AICOST.${fn.id}`));
const checkFunctionNames = new Set(["IF", "AND", "ISNUMBER"]);
const cases = [...builtInPresets.map((p) => [p.id, p] as const), ["tiny-test", tinyPreset()] as const];

describe.each(cases)("planSheet(%s)", (_id, preset: Preset) => {
  const plan = planSheet(preset);
  const cells = byAddress(plan);
  const columns = planColumnsOf(preset);
  const withReported = preset.inputs.some((input) => input.reported !== undefined);

  it("gives every cell its own address, matching its row and column, in row-major order", () => {
    expect(cells.size).toBe(plan.cells.length);
    for (const cell of plan.cells) expect(cell.address).toBe(a1(cell.row, cell.column));
    const order = plan.cells.map((c) => c.row * 1000 + c.column);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it("writes formulas that refer only to existing number or formula cells in the same column (or the Base of their row), and to AICOST functions", () => {
    // The timeline's cells read rows across the year columns: tests/presets/planTimeline.test.ts checks them.
    const timelineTop = plan.timeline === undefined ? Infinity : (parseCellAddress(plan.timeline.yearsHeader.split(":")[0] ?? "")?.row ?? 0);
    for (const cell of plan.cells) {
      if (cell.content.kind !== "formula" || cell.row >= timelineTop) continue;
      const formula = cell.content.formula;
      expect(formula.startsWith("=")).toBe(true);
      const withoutText = formula.slice(1).replace(/"(?:[^"]|"")*"/g, '""');
      for (const match of withoutText.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
        const name = match[0];
        const next = withoutText.slice((match.index ?? 0) + name.length).trimStart();
        if (next.startsWith("(")) {
          // A check (see orderCheckFormula) uses Excel's own IF, AND and ISNUMBER; every other formula AICOST functions only.
          const allowed = cell.role === "check" ? checkFunctionNames.has(name) : functionNames.has(name);
          expect(allowed, `${cell.address}: ${name}`).toBe(true);
          continue;
        }
        expect(name, `${cell.address} ${formula}`).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
        const target = cells.get(name);
        expect(target, `${cell.address} refers to empty ${name}`).toBeDefined();
        expect(["number", "formula"]).toContain(target?.content.kind);
        if (cell.role === "check") {
          // A check reads the Low, Base and High of its own row.
          expect(target?.row, `${cell.address} checks its own row`).toBe(cell.row);
          expect([1, 2, 3], `${cell.address} reads Low, Base or High`).toContain(target?.column);
        } else if (cell.role === "inputLink" || cell.role === "reportedAsBase") {
          expect(target?.address, `${cell.address} repeats the Base of its row`).toBe(a1(cell.row, 2));
        } else {
          expect(target?.column, `${cell.address} refers to ${name} in another column`).toBe(cell.column);
        }
      }
    }
  });

  it("puts every key's Low, Base and High where keyCells says, with the right contents", () => {
    expect(Object.keys(plan.keyCells).sort()).toEqual([...preset.inputs.map((i) => i.key), ...preset.outputs.map((o) => o.key)].sort());
    const rows = new Set<number>();
    for (const input of preset.inputs) {
      const at = plan.keyCells[input.key];
      if (at === undefined) throw new Error(input.key);
      const base = cells.get(at.base);
      expect(base?.content).toEqual({ kind: "number", value: input.base });
      expect(base?.role).toBe("input");
      for (const scenario of ["low", "high"] as const) {
        const cell = cells.get(at[scenario]);
        const given = input[scenario];
        if (given === undefined) {
          expect(cell?.content).toEqual({ kind: "formula", formula: `=${at.base}` });
          expect(cell?.role).toBe("inputLink");
        } else {
          expect(cell?.content).toEqual({ kind: "number", value: given });
          expect(cell?.role).toBe("input");
        }
      }
      if (withReported) {
        // The Reported column: the reported figure, or Base repeated by formula in grey italic, never a range.
        const reported = cells.get(at.reported ?? "");
        expect(at.reported).toBe(a1(base?.row ?? -1, 4));
        if (input.reported === undefined) {
          expect(reported?.content).toEqual({ kind: "formula", formula: `=${at.base}` });
          expect(reported?.role).toBe("reportedAsBase");
          expect(textOf(cells.get(a1(base?.row ?? -1, columns.note)))).toMatch(/Reported: as Base, no reported figure\.$/);
        } else {
          expect(reported?.content).toEqual({ kind: "number", value: input.reported.value });
          expect(reported?.role).toBe("input");
        }
      } else {
        expect(at.reported).toBeUndefined();
      }
      expect(textOf(cells.get(a1(base?.row ?? -1, 0)))).toBe(input.label);
      rows.add(base?.row ?? -1);
    }
    for (const output of preset.outputs) {
      const at = plan.keyCells[output.key];
      if (at === undefined) throw new Error(output.key);
      for (const scenario of sheetScenariosOf(preset)) {
        const cell = cells.get(at[scenario] ?? "");
        expect(cell?.content.kind).toBe("formula");
        expect(cell?.role).toBe("output");
        expect(cell?.numberFormat).toBe(numberFormatOf(output.format));
      }
      const row = cells.get(at.base)?.row ?? -1;
      expect(textOf(cells.get(a1(row, 0)))).toBe(output.label);
      rows.add(row);
    }
    expect(rows.size).toBe(preset.inputs.length + preset.outputs.length);
  });

  it("lists on the sheet the source of every input", () => {
    const headerRow = plan.cells.find((c) => c.role === "header" && textOf(c) === "Sources")?.row;
    expect(headerRow).toBeDefined();
    const listed = plan.cells.filter((c) => c.row > (headerRow ?? Infinity) && c.column === 0 && c.role === "source").map(textOf);
    expect(listed).toHaveLength(preset.sources.length);
    for (const input of preset.inputs) {
      const row = cells.get(plan.keyCells[input.key]?.base ?? "")?.row ?? -1;
      const shown = textOf(cells.get(a1(row, withReported ? 6 : 5)));
      expect(listed, input.key).toContain(shown);
      const source = preset.sources.find((s) => s.id === input.source);
      expect(shown).toBe(source?.shortTitle ?? source?.title);
    }
    for (const source of preset.sources.filter((s) => s.url !== undefined)) {
      const link = plan.cells.find((c) => c.hyperlink === source.url);
      expect(link?.role).toBe("link");
      expect(textOf(link)).toBe(source.url);
    }
  });

  it("formats text as text and numbers with their preset format", () => {
    for (const cell of plan.cells) {
      if (cell.content.kind === "text") expect(cell.numberFormat, cell.address).toBe("@");
      else expect(cell.numberFormat, cell.address).not.toBe("@");
    }
  });

  it("frames the sheet: title, used range, frozen header, widths, sheet name", () => {
    expect(cells.get("A1")).toMatchObject({ role: "title", content: { kind: "text", text: preset.title } });
    expect(plan.cells.some((c) => textOf(c)?.includes(preset.asOf))).toBe(true);
    const lastRow = Math.max(...plan.cells.map((c) => c.row));
    const lastColumn = Math.max(...plan.cells.map((c) => c.column));
    expect(plan.usedRange).toBe(`A1:${a1(lastRow, lastColumn)}`);
    const header = plan.cells.filter((c) => c.row === plan.freezeRows - 1).map(textOf);
    if (withReported) {
      expect(header.slice(0, 5)).toEqual(["Assumptions", "Low", "Base", "High", "Reported"]);
      expect(plan.columnWidths.map((w) => w.column)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]); // I holds the checks
    } else {
      expect(header.slice(0, 4)).toEqual(["Assumptions", "Low", "Base", "High"]);
      expect(plan.columnWidths.map((w) => w.column)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]); // H holds the checks
    }
    expect(plan.sheetName.length).toBeGreaterThan(0);
    expect(plan.sheetName.length).toBeLessThanOrEqual(31);
    expect(plan.sheetName).not.toMatch(/[[\]:*?/\\]/);
    expect(plan.presetId).toBe(preset.id);
  });

  it("charts the charted outputs over Low, Base and High", () => {
    if (preset.timeline !== undefined) return; // charts its cumulative net cash: tests/presets/planTimeline.test.ts
    const charted = preset.outputs.filter((o) => o.chart === true);
    if (charted.length === 0) {
      expect(plan.chart).toBeUndefined();
      return;
    }
    const chart = plan.chart;
    if (chart === undefined) throw new Error("no chart");
    expect(chart.type).toBe("columnClustered");
    const rows = charted.map((o) => cells.get(plan.keyCells[o.key]?.base ?? "")?.row ?? -1);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    expect(chart.categories).toBe(`${a1(first, 0)}:${a1(last, 0)}`);
    expect(chart.series).toEqual([
      { name: "Low", range: `${a1(first, 1)}:${a1(last, 1)}` },
      { name: "Base", range: `${a1(first, 2)}:${a1(last, 2)}` },
      { name: "High", range: `${a1(first, 3)}:${a1(last, 3)}` },
      ...(withReported ? [{ name: "Reported", range: `${a1(first, 4)}:${a1(last, 4)}` }] : []),
    ]);
    expect(chart.numberFormat).toBe(numberFormatOf(charted[0]?.format ?? "number"));
    // The chart sits to the right of the tables, over no planned cell.
    const left = chart.topLeft.charCodeAt(0) - 65;
    expect(left).toBeGreaterThan(Math.max(...plan.cells.map((c) => c.column)));
  });

  it("is deterministic", () => {
    expect(JSON.stringify(planSheet(preset))).toBe(JSON.stringify(plan));
  });
});

describe("planSheet with hostile text", () => {
  it("keeps text that looks like a formula as text", () => {
    const preset = tinyPreset();
    const hostile: Preset = {
      ...preset,
      title: '=HYPERLINK("http://x")',
      summary: "+1 and more",
      inputs: [
        { ...(preset.inputs[0] as Preset["inputs"][number]), label: "=SUM(A1:A9)", unit: "-5", note: "@risk" },
        ...preset.inputs.slice(1),
      ],
      notes: ["'quoted", "=1+1"],
    };
    const plan = planSheet(hostile);
    for (const text of ['=HYPERLINK("http://x")', "+1 and more", "=SUM(A1:A9)", "-5", "@risk", "'quoted", "=1+1"]) {
      const cell = plan.cells.find((c) => c.content.kind === "text" && c.content.text === text);
      expect(cell, text).toBeDefined();
      expect(cell?.numberFormat).toBe("@");
    }
    const formulas = plan.cells.filter((c) => c.content.kind === "formula");
    expect(formulas.every((c) => c.role === "output" || c.role === "inputLink" || c.role === "check")).toBe(true);
    expect(formulas.filter((c) => c.role === "check").every((c) => c.content.kind === "formula" && c.content.formula === orderCheckFormula(c.row))).toBe(true);
  });

  it("takes the sheet name from the title before its colon, without forbidden characters", () => {
    expect(planSheet({ ...tinyPreset(), title: "Meta 2026: job cuts vs AI capex" }).sheetName).toBe("Meta 2026");
    expect(planSheet({ ...tinyPreset(), title: "A/B [test]? *x*" }).sheetName).toBe("A B test x");
    expect(planSheet({ ...tinyPreset(), title: "x".repeat(40) }).sheetName).toBe("x".repeat(31));
    expect(planSheet({ ...tinyPreset(), title: ": nothing before" }).sheetName).toBe("tiny-test");
    expect(planSheet({ ...tinyPreset(), title: "[]*?: nothing left" }).sheetName).toBe("tiny-test");
  });

  it.each(titledSheetNames)("names the sheet for the title %j %j, by the workbook's sheet-name rule", (title, name) => {
    const plan = planSheet({ ...tinyPreset(), title });
    expect(plan.sheetName).toBe(name === "Model" ? "tiny-test" : name);
    expect(freeSheetName(plan.sheetName, [])).toBe(plan.sheetName);
  });
});
