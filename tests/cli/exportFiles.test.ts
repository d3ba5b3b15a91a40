/*
 * `export --file` and `export --values`, read back with exceljs: a preset file
 * exports as the built-in does; the frozen workbook has no AICOST formula left,
 * holds HyperFormula's values, computes the same values in an engine without
 * the AICOST functions, and says when and from which preset it was frozen;
 * hostile text stays literal text.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hyperFormulaLicenseKey } from "../../src/hyperformula/aicostPlugin";
import { builtInPresets, planSheet, presetToFileText, type PlannedCell, type Preset, type SheetPlan } from "../../src/presets";
import type { SheetValue } from "../../src/cli/xlsxWorkbook";
import { hostilePreset } from "../fixtures/hostileText";
import { titledSheetNames } from "../fixtures/sheetTitles";
import { tinyPreset } from "../presets/helpers";
import { fixtureValues } from "./fixturePlan";
import { fixedNow, runAicost, type Run, type RunOptions } from "./harness";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-export-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(argv: string[], options: RunOptions = {}): Promise<Run> {
  return runAicost(argv, { cwd: folder, ...options });
}

function presetFile(preset: Preset, name = "mine.json"): string {
  writeFileSync(join(folder, name), presetToFileText(preset));
  return name;
}

async function exported(argv: string[], out: string, options: RunOptions = {}): Promise<{ result: Run; sheet: ExcelJS.Worksheet }> {
  const result = await run([...argv, "--out", out], options);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, out));
  expect(workbook.worksheets).toHaveLength(1);
  return { result, sheet: workbook.worksheets[0] as ExcelJS.Worksheet };
}

/** Every non-empty cell of a sheet by address. */
function cellsOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const cells = new Map<string, ExcelJS.Cell>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, cell);
    });
  });
  return cells;
}

const usesAicost = (formula: string): boolean => /AICOST\./i.test(formula);

/** A value as a plain comparable: an error as its code. */
function plain(value: SheetValue | undefined): number | string | boolean | null {
  if (value === undefined || value === null) return null;
  return typeof value === "object" ? value.error : value;
}

/** What the read-back cell shows: a formula's cached result, or the constant. */
function shown(cell: ExcelJS.Cell): number | string | boolean | null {
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "object" && "error" in raw) return String((raw as { error: unknown }).error);
  if (typeof raw === "object" && "text" in raw) return String((raw as { text: unknown }).text);
  return raw as number | string | boolean;
}

/**
 * The read-back sheet computed by a HyperFormula engine built here from the
 * file's cells alone: what a workbook shows with no AICOST add-in to call.
 */
function recomputed(sheet: ExcelJS.Worksheet): Map<string, number | string | boolean | null> {
  const grid: (string | number | boolean | null)[][] = [];
  const cells = cellsOf(sheet);
  for (const cell of cells.values()) {
    const row = (grid[Number(cell.row) - 1] ??= []);
    const value: unknown = cell.value;
    let raw: string | number | boolean | null;
    if (cell.type === ExcelJS.ValueType.Formula) raw = `=${cell.formula}`;
    else if (typeof value === "string") raw = `'${value}`;
    else if (typeof value === "number" || typeof value === "boolean") raw = value;
    else if (typeof value === "object" && value !== null && "text" in value) raw = `'${String(value.text)}`;
    else throw new Error(`unexpected cell ${cell.address}: ${JSON.stringify(value)}`);
    row[Number(cell.col) - 1] = raw;
  }
  const dense = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  // Configured as the command line's engine is (no rounding of results), without registering the AICOST functions.
  const engine = HyperFormula.buildFromSheets(
    { Frozen: dense },
    { licenseKey: hyperFormulaLicenseKey, useArrayArithmetic: true, evaluateNullToZero: true, smartRounding: false },
  );
  const out = new Map<string, number | string | boolean | null>();
  try {
    const id = engine.getSheetId("Frozen") as number;
    for (const cell of cells.values()) {
      const value = engine.getCellValue({ sheet: id, row: Number(cell.row) - 1, col: Number(cell.col) - 1 });
      out.set(cell.address, value instanceof DetailedCellError ? value.value : (value as number | string | boolean | null));
    }
  } finally {
    engine.destroy();
  }
  return out;
}

/** The first preset with one more output out of its function's domain, so that a value is an error. */
const withError: Preset = {
  ...tinyPreset(),
  id: "tiny-with-error",
  outputs: [
    ...tinyPreset().outputs,
    { key: "broken", label: "Deliberately out of domain", unit: "USD", format: "usd", formula: "AICOST.LABOR_SAVINGS(-1, cost)" },
    { key: "after_broken", label: "Twice the broken value", unit: "USD", format: "usd", formula: "broken * 2" },
  ],
};

const frozenPrefix = (preset: Preset): string =>
  // 2026-04-24 09:05:59 UTC, to the minute.
  `Values frozen on 2026-04-24 09:05 UTC from preset ${preset.id} (${preset.title})`;

describe("export --file", () => {
  it.each(builtInPresets.map((p) => p.id))("%s: the file that preset <id> printed exports as the built-in does", async (id) => {
    writeFileSync(join(folder, "mine.json"), (await run(["preset", id])).stdout);
    const fromId = cellsOf((await exported(["export", id], "a.xlsx")).sheet);
    const fromFile = cellsOf((await exported(["export", "--file", "mine.json"], "b.xlsx")).sheet);
    expect([...fromFile.keys()]).toEqual([...fromId.keys()]);
    for (const [address, cell] of fromId) {
      const other = fromFile.get(address) as ExcelJS.Cell;
      expect(other.value, address).toEqual(cell.value);
      expect(other.numFmt, address).toBe(cell.numFmt);
      expect(other.font, address).toEqual(cell.font);
    }
  });
});

describe("export names its sheet by the task pane's sheet-name rule", () => {
  const inFiles = titledSheetNames.filter(([title]) => !/[\ud800-\udbff](?![\udc00-\udfff])/.test(title));
  it.each(inFiles)("a preset titled %j exports, with and without --values, to a sheet named %j", async (title, name) => {
    const expected = name === "Model" ? tinyPreset().id : name;
    const file = presetFile({ ...tinyPreset(), title });
    for (const values of [[], ["--values"]]) {
      const { result, sheet } = await exported(["export", "--file", file, ...values], "named.xlsx");
      expect(sheet.name).toBe(expected);
      expect(result.stdout).toContain(`(sheet "${expected}"`);
    }
  });
});

describe("export --values", () => {
  const cases: [string, Preset][] = [
    ...builtInPresets.map((p): [string, Preset] => [p.id, p]),
    ["tiny (one AICOST output, one formula over it)", tinyPreset()],
    ["tiny with an error value", withError],
  ];

  it.each(cases)("%s: no AICOST formula left, HyperFormula's values, the frozen line", async (_label, preset) => {
    const plan: SheetPlan = planSheet(preset);
    const reference = fixtureValues(plan);
    const isBuiltIn = builtInPresets.includes(preset);
    const argv = isBuiltIn ? ["export", preset.id, "--values"] : ["export", "--values", "--file", presetFile(preset)];
    const { result, sheet } = await exported(argv, "frozen.xlsx");
    const cells = cellsOf(sheet);

    // No formula calls an AICOST function.
    for (const cell of cells.values()) {
      if (cell.type === ExcelJS.ValueType.Formula) expect(usesAicost(cell.formula), cell.address).toBe(false);
    }

    // Every planned cell shows the value HyperFormula computed; AICOST cells hold it as a constant.
    let replaced = 0;
    for (const planned of plan.cells) {
      const cell = cells.get(planned.address);
      const expected = plain(reference.get(planned.address));
      expect(cell, planned.address).toBeDefined();
      if (cell === undefined) continue;
      // exceljs stores no empty text result (a check with no warning): the cell reads back blank, as Excel shows it.
      expect(shown(cell), planned.address).toEqual(expected === "" && planned.role === "check" ? null : expected);
      if (planned.numberFormat !== undefined) expect(cell.numFmt, planned.address).toBe(planned.numberFormat);
      if (planned.content.kind === "formula" && usesAicost(planned.content.formula)) {
        replaced++;
        if (typeof expected === "number") expect(cell.type, planned.address).toBe(ExcelJS.ValueType.Number);
        else expect(cell.formula, planned.address).toBe(String(expected)); // an error literal, e.g. #NUM!
      } else if (planned.content.kind === "formula") {
        expect(`=${cell.formula}`, planned.address).toBe(planned.content.formula);
      }
    }
    if (!isBuiltIn) expect(replaced).toBeGreaterThan(0);
    expect(result.stdout).toContain(`${replaced} AICOST formula${replaced === 1 ? "" : "s"} replaced`);

    // Without the add-in, the workbook computes the same values.
    const again = recomputed(sheet);
    for (const planned of plan.cells) {
      expect(again.get(planned.address), planned.address).toEqual(plain(reference.get(planned.address)));
    }

    // The line, in column A, in a row under the title that the plan leaves empty, above the tables.
    const lines = [...cells.values()].filter((cell) => typeof cell.value === "string" && cell.value.startsWith("Values frozen on "));
    expect(lines).toHaveLength(1);
    const line = lines[0] as ExcelJS.Cell;
    expect(line.value).toBe(`${frozenPrefix(preset)}; AICOST formulas replaced by their values.`);
    expect(line.col).toBe(1);
    expect(plan.cells.some((c: PlannedCell) => c.row === Number(line.row) - 1)).toBe(false);
    expect(Number(line.row) - 1).toBeGreaterThan(0);
    expect(Number(line.row) - 1).toBeLessThan(plan.freezeRows);
    expect(cells.size).toBe(plan.cells.length + 1);
  });

  it("keeps the error of an AICOST cell as an error literal that later formulas still see", async () => {
    const plan = planSheet(withError);
    const { sheet } = await exported(["export", "--file", presetFile(withError), "--values"], "frozen.xlsx");
    const broken = plan.keyCells.broken?.base ?? "";
    const after = plan.keyCells.after_broken?.base ?? "";
    expect(sheet.getCell(broken).formula).toBe("#NUM!");
    expect(sheet.getCell(broken).result).toEqual({ error: "#NUM!" });
    expect(sheet.getCell(after).formula).toMatch(/^[A-Z]+\d+ \* 2$/);
    expect(sheet.getCell(after).result).toEqual({ error: "#NUM!" });
  });

  it("dates the line by the clock it is given", async () => {
    const now = new Date(Date.UTC(2027, 0, 2, 3, 4));
    const { sheet } = await exported(["export", "meta-2026", "--values"], "frozen.xlsx", { now });
    const texts = [...cellsOf(sheet).values()].map((cell) => cell.value);
    expect(texts).toContain(`Values frozen on 2027-01-02 03:04 UTC from preset meta-2026 (${builtInPresets.find((p) => p.id === "meta-2026")?.title}); AICOST formulas replaced by their values.`);
    expect(fixedNow.getTime()).not.toBe(now.getTime());
  });

  it("without --values keeps the AICOST formulas", async () => {
    const { sheet } = await exported(["export", "--file", presetFile(tinyPreset())], "live.xlsx");
    const formulas = [...cellsOf(sheet).values()].filter((cell) => cell.type === ExcelJS.ValueType.Formula).map((cell) => cell.formula);
    expect(formulas.some(usesAicost)).toBe(true);
    expect([...cellsOf(sheet).values()].some((cell) => String(cell.value).startsWith("Values frozen"))).toBe(false);
  });

  it("leaves no file behind when the file is refused", async () => {
    writeFileSync(join(folder, "bad.json"), "{ not json");
    const result = await run(["export", "--file", "bad.json", "--out", "x.xlsx", "--values"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(readdirSync(folder)).toEqual(["bad.json"]);
  });
});

describe("hostile text through export --file", () => {
  const preset = hostilePreset();
  const plan = planSheet(preset);
  const textCells = plan.cells.filter((c) => c.content.kind === "text");

  it("is a preset with text in many cells", () => {
    expect(textCells.length).toBeGreaterThan(50);
    expect(textCells.some((c) => c.content.kind === "text" && c.content.text.startsWith("="))).toBe(true);
  });

  it.each([
    ["export", []],
    ["export --values", ["--values"]],
  ])("%s: every text reads back as the same literal text, and no text became a formula", async (_label, extra) => {
    const { sheet } = await exported(["export", "--file", presetFile(preset), ...extra], "hostile.xlsx");
    const cells = cellsOf(sheet);
    for (const planned of textCells) {
      if (planned.content.kind !== "text") continue;
      const cell = cells.get(planned.address);
      expect(cell, planned.address).toBeDefined();
      if (cell === undefined) continue;
      if (planned.hyperlink !== undefined) {
        expect(cell.type, planned.address).toBe(ExcelJS.ValueType.Hyperlink);
        expect(cell.text, planned.address).toBe(planned.content.text);
        expect(cell.hyperlink, planned.address).toBe(planned.hyperlink);
      } else {
        expect(cell.type, planned.address).toBe(ExcelJS.ValueType.String);
        expect(cell.value, planned.address).toBe(planned.content.text);
      }
    }
    const plannedFormulas = new Set(plan.cells.filter((c) => c.content.kind === "formula").map((c) => c.address));
    for (const cell of cells.values()) {
      if (cell.type === ExcelJS.ValueType.Formula) expect(plannedFormulas.has(cell.address), cell.address).toBe(true);
    }
  });

  it("show --file --json gives every text back unchanged", async () => {
    const result = await run(["show", "--json", "--file", presetFile(preset)]);
    expect(result.status).toBe(0);
    const byAddress = new Map((JSON.parse(result.stdout) as { cells: { address: string; value: unknown }[] }).cells.map((c) => [c.address, c.value]));
    for (const planned of textCells) {
      if (planned.content.kind === "text") expect(byAddress.get(planned.address), planned.address).toBe(planned.content.text);
    }
  });
});
