/*
 * Every command and every refusal, run in-process through runCli with captured
 * streams: exit status, stdout, stderr, and what is left on disk.
 */
import * as nodeFs from "node:fs/promises";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sheetAsJson, sheetAsTable } from "../../src/cli/commands";
import type { CliFs } from "../../src/cli/io";
import { evaluatePlan } from "../../src/hyperformula/evaluatePlan";
import { builtInPresets, formatForDisplay, planSheet, presetFileMaxBytes } from "../../src/presets";
import type { Preset } from "../../src/presets/types";
import { fixtureValues } from "./fixturePlan";
import { runAicost, type Run } from "./harness";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-cli-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function run(argv: string[], fs: CliFs = nodeFs, cwd: string = folder): Promise<Run> {
  return runAicost(argv, { fs, cwd });
}

/** Exit 1, nothing on stdout, one line on stderr matching `pattern`. */
function expectRefusal(result: Run, pattern: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^aicost: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

const presetIds = builtInPresets.map((preset) => preset.id);

/** The first preset with one more output whose formula is out of its function's domain. */
const brokenPreset: Preset = {
  ...(builtInPresets[0] as Preset),
  outputs: [
    ...(builtInPresets[0]?.outputs ?? []),
    {
      key: "broken_output",
      label: "Deliberately out of domain",
      unit: "USD",
      format: "usd",
      formula: "AICOST.LABOR_SAVINGS(-1, 1)",
    },
  ],
};
const firstId = presetIds[0] ?? "";

it("has presets to run the commands on", () => {
  expect(presetIds.length).toBeGreaterThan(0);
});

describe("list", () => {
  it("prints one preset a line: id, title, as-of date in aligned columns", async () => {
    const result = await run(["list"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(builtInPresets.length);
    const titleColumns = new Set<number>();
    const dateColumns = new Set<number>();
    builtInPresets.forEach((preset, i) => {
      const line = lines[i] ?? "";
      expect(line.startsWith(`${preset.id} `)).toBe(true);
      titleColumns.add(line.indexOf(preset.title, preset.id.length));
      dateColumns.add(line.lastIndexOf(preset.asOf));
      expect(line.endsWith(preset.asOf)).toBe(true);
    });
    expect(titleColumns.size).toBe(1);
    expect(dateColumns.size).toBe(1);
    expect([...titleColumns][0]).toBeGreaterThan(Math.max(...presetIds.map((id) => id.length)));
  });
});

describe("show", () => {
  it.each(presetIds)("%s: prints each row with its labels and formatted values", async (id) => {
    const result = await run(["show", id]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const plan = planSheet(builtInPresets.find((p) => p.id === id) as Preset);
    const values = fixtureValues(plan);
    const lines = result.stdout.split("\n");
    const rows = new Map<number, string[]>();
    for (const cell of plan.cells) {
      const value = values.get(cell.address) ?? null;
      const shown = formatForDisplay(value, cell.numberFormat);
      rows.set(cell.row, [...(rows.get(cell.row) ?? []), shown]);
    }
    // Each planned row is one line holding its cells' displayed text in order (long text may be cut with "…").
    for (const [, shownCells] of [...rows].sort(([a], [b]) => a - b)) {
      const line = lines.find((candidate) => {
        let from = 0;
        for (const shown of shownCells) {
          const probe = shown.length > 20 ? shown.slice(0, 20) : shown;
          const at = candidate.indexOf(probe, from);
          if (at === -1) return false;
          from = at + probe.length;
        }
        return true;
      });
      expect(line, `a line showing ${JSON.stringify(shownCells)}`).toBeDefined();
    }
  });

  it("shows an error value as its code, in the table and in JSON", () => {
    const line = sheetAsTable(brokenPreset)
      .split("\n")
      .find((l) => l.includes("Deliberately out of domain"));
    expect(line).toMatch(/#NUM!/);
    const json = sheetAsJson(brokenPreset);
    const address = planSheet(brokenPreset).keyCells.broken_output?.base;
    expect(json.cells.find((c) => c.address === address)).toEqual({
      address,
      value: "#NUM!",
      formula: "=AICOST.LABOR_SAVINGS(-1, 1)",
    });
  });

  it.each(presetIds)("%s --json: one JSON object with every non-empty cell as HyperFormula evaluates it", async (id) => {
    const result = await run(["show", id, "--json"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const parsed = JSON.parse(result.stdout) as {
      id: string;
      title: string;
      sheet: string;
      cells: { address: string; value: unknown; formula?: string }[];
    };
    const preset = builtInPresets.find((p) => p.id === id) as Preset;
    const plan = planSheet(preset);
    expect(Object.keys(parsed).sort()).toEqual(["cells", "id", "sheet", "title"]);
    expect(parsed).toMatchObject({ id, title: preset.title, sheet: plan.sheetName });

    const evaluated = evaluatePlan(plan);
    const reference = fixtureValues(plan);
    expect(parsed.cells.map((c) => c.address)).toEqual(plan.cells.map((c) => c.address));
    const positions = plan.cells.map((c) => [c.row, c.column] as const);
    const sorted = [...positions].sort(([r1, c1], [r2, c2]) => r1 - r2 || c1 - c2);
    expect(positions).toEqual(sorted);
    plan.cells.forEach((planned, i) => {
      const cell = parsed.cells[i];
      if (planned.content.kind === "formula") expect(cell?.formula).toBe(planned.content.formula);
      else expect(cell).not.toHaveProperty("formula");
      const fromEvaluator = evaluated.valueAt(planned.address) ?? null;
      const expected = typeof fromEvaluator === "object" && fromEvaluator !== null ? fromEvaluator.error : fromEvaluator;
      expect(cell?.value, planned.address).toEqual(expected);
      const independent = reference.get(planned.address) ?? null;
      const independentPlain = typeof independent === "object" && independent !== null ? independent.error : independent;
      expect(cell?.value, `${planned.address} (own engine)`).toEqual(independentPlain);
      expect(["number", "string", "boolean"].includes(typeof cell?.value) || cell?.value === null).toBe(true);
    });
    expect(parsed.cells.some((c) => c.formula !== undefined && typeof c.value === "number")).toBe(true);
  });
});

describe("export", () => {
  it.each(presetIds)("%s: writes the sheet with formulas, cached values, formats, styles and links", async (id) => {
    const out = join(folder, `${id}.xlsx`);
    const result = await run(["export", id, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote [^\n]+\.xlsx[^\n]*\n$/);
    expect(readdirSync(folder)).toEqual([`${id}.xlsx`]);

    const plan = planSheet(builtInPresets.find((p) => p.id === id) as Preset);
    const reference = fixtureValues(plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(plan.sheetName);
    expect(sheet).toBeDefined();
    if (sheet === undefined) return;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: plan.freezeRows });

    let formulas = 0;
    let inputs = 0;
    for (const planned of plan.cells) {
      const cell = sheet.getCell(planned.address);
      if (planned.numberFormat !== undefined) expect(cell.numFmt, planned.address).toBe(planned.numberFormat);
      if (planned.content.kind === "formula") {
        formulas++;
        expect(`=${cell.formula}`).toBe(planned.content.formula);
        const expected = reference.get(planned.address);
        if (typeof expected === "object" && expected !== null) expect(cell.result).toEqual({ error: expected.error });
        else if (expected === "") expect(cell.result, planned.address).toBeUndefined(); // exceljs stores no empty text result; Excel shows the cell blank
        else expect(cell.result, planned.address).toBe(expected);
      }
      if (planned.role === "input") {
        inputs++;
        expect(cell.font?.color?.argb, planned.address).toBe("FF0000FF");
      }
      if (planned.role === "output") expect(cell.font?.color?.argb, planned.address).toBe("FF000000");
      if (planned.role === "header") expect(cell.font?.bold, planned.address).toBe(true);
      if (planned.hyperlink !== undefined) expect(cell.hyperlink, planned.address).toBe(planned.hyperlink);
    }
    expect(formulas).toBeGreaterThan(0);
    expect(inputs).toBeGreaterThan(0);
  });

  it("has a preset with a linked source, so the hyperlink check above runs", () => {
    expect(builtInPresets.some((preset) => planSheet(preset).cells.some((c) => c.hyperlink !== undefined))).toBe(true);
  });

  it("resolves a relative --out against the working folder and replaces an existing file", async () => {
    writeFileSync(join(folder, "model.xlsx"), "old");
    const result = await run(["export", firstId, "--out=model.xlsx"]);
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, "model.xlsx"));
    expect(workbook.worksheets).toHaveLength(1);
    expect(readdirSync(folder)).toEqual(["model.xlsx"]);
  });
});

describe("refusals: exit 1, one line on stderr, nothing on stdout, nothing left on disk", () => {
  it("an unknown preset id, listing the known ids", async () => {
    const result = await run(["show", "no-such-preset"]);
    expectRefusal(result, /unknown preset "no-such-preset"/);
    for (const id of presetIds) expect(result.stderr).toContain(id);
    expectRefusal(await run(["show", "no-such-preset", "--json"]), /unknown preset/);
    expectRefusal(await run(["export", "no-such-preset", "--out", "x.xlsx"]), /unknown preset/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a missing argument", async () => {
    expectRefusal(await run(["show"]), /missing preset id/);
    expectRefusal(await run(["export"]), /missing preset id/);
    expectRefusal(await run(["export", firstId]), /missing --out/);
    expectRefusal(await run(["export", firstId, "--out"]), /--out needs a value/);
  });

  it("an unknown command or option", async () => {
    expectRefusal(await run(["frobnicate"]), /unknown command "frobnicate"/);
    expectRefusal(await run(["show", firstId, "--csv"]), /unknown option "--csv" for show/);
    expectRefusal(await run(["list", "--json"]), /unknown option "--json" for list/);
    expectRefusal(await run(["--json"]), /unknown option "--json"/);
  });

  it("an --out that is not a .xlsx file", async () => {
    expectRefusal(await run(["export", firstId, "--out", "model.csv"]), /must name a \.xlsx file/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("an --out in a folder that does not exist", async () => {
    const out = join(folder, "missing", "model.xlsx");
    expectRefusal(await run(["export", firstId, "--out", out]), /folder "[^"]*missing" does not exist/);
    expect(existsSync(join(folder, "missing"))).toBe(false);
  });

  it("an --out under a file (/dev/null/x.xlsx)", async () => {
    expectRefusal(await run(["export", firstId, "--out", "/dev/null/x.xlsx"]), /"\/dev\/null" is not a folder/);
  });

  it("an --out in a folder the process may not write to", async () => {
    const denied: CliFs = {
      ...nodeFs,
      access: async () => {
        throw Object.assign(new Error("EACCES: permission denied, access"), { code: "EACCES" });
      },
    };
    expectRefusal(await run(["export", firstId, "--out", "model.xlsx"], denied), /is not writable/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("an --out that is a folder: refused before anything is written", async () => {
    mkdirSync(join(folder, "taken.xlsx"));
    expectRefusal(await run(["export", firstId, "--out", "taken.xlsx"]), /"[^"]*taken\.xlsx" is a folder/);
    expect(readdirSync(folder)).toEqual(["taken.xlsx"]);
    expect(readdirSync(join(folder, "taken.xlsx"))).toEqual([]);
  });

  it("a write that fails half-way: the temporary file is removed and the old file kept", async () => {
    writeFileSync(join(folder, "model.xlsx"), "old");
    const failing: CliFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" });
      },
    };
    expectRefusal(await run(["export", firstId, "--out", "model.xlsx"], failing), /could not write .*model\.xlsx.*EIO/);
    expect(readdirSync(folder)).toEqual(["model.xlsx"]);
    expect(await nodeFs.readFile(join(folder, "model.xlsx"), "utf8")).toBe("old");
  });
});

describe("help", () => {
  it("--help prints the usage on stdout and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: aicost <command>/);
    for (const word of [
      "list",
      "preset <id>",
      "show <id>",
      "--json",
      "show --file <preset.json>",
      "export <id> --out <file.xlsx>",
      "export --file <preset.json> --out <file.xlsx>",
      "--values",
      "--file, -f <file>",
      `${presetFileMaxBytes / 1024} KB`,
    ]) {
      expect(result.stdout).toContain(word);
    }
    expect(result.stdout).toMatch(/cannot\s+write charts/);
    expect(result.stdout).toMatch(/An existing file is\s+replaced/);
  });

  it("--help gives tornado's default output as the README and the command do: a timeline's first NPV, else the last charted output an input moves", async () => {
    const result = await run(["--help"]);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toContain("(default: the model's first NPV if it has a timeline, else the last charted output an input with a range moves)");
  });

  it("no command prints the usage on stderr and exits 1", async () => {
    const result = await run([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage: aicost <command>/);
  });
});
