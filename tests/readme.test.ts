/*
 * The README's function reference is checked against the model: every worked
 * example (a table row whose first cell is a formula like `=AICOST.GPU_TCO(8, 25000)`
 * and whose second cell is its result) is parsed, without eval, and evaluated;
 * each function's syntax line and parameter table must match its spec; the
 * sensitivity table and the price catalog must match what the code computes
 * and holds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DetailedCellError, ErrorType, type CellValue } from "hyperformula";
import {
  calcFunctions,
  evaluateGrid,
  evaluateScalar,
  excelErrorCode,
  findCalcFunction,
  findTimeFunction,
  isCalcError,
  LABOR_SAVINGS,
  priceCatalog,
  timeFunctions,
  type CalcErrorKind,
  type CalcFunction,
  type ModelPriceEntry,
  type ParamSpec,
  type TimeFunction,
  type TimeParamSpec,
} from "../src/calc";
import { createAicostEngine } from "../src/hyperformula/aicostPlugin";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const lines = readme.split(/\r?\n/);

/** The cells of a Markdown table row, or undefined when the line is not one (or is the |---| rule). */
function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|") || !trimmed.endsWith("|")) return undefined;
  const cells = trimmed
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.trim());
  return cells.every((cell) => /^:?-{3,}:?$/.test(cell)) ? undefined : cells;
}

/** The lines of a section: from its heading to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const end = lines.findIndex(
    (line, i) => i > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 9) <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

// ---------------------------------------------------------------------------------------------
// A formula reader for the examples: numbers, quoted text and omitted arguments only. No eval.

type Argument = number | string | null;

export function parseArguments(text: string): Argument[] {
  if (text.trim() === "") return [];
  const args: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
      current += ch;
    } else if (ch === "," && !quoted) {
      args.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (quoted) throw new Error(`unclosed quote in (${text})`);
  args.push(current);
  return args.map((raw) => {
    const arg = raw.trim();
    if (arg === "") return null;
    const textMatch = /^"((?:[^"]|"")*)"$/.exec(arg);
    if (textMatch) return (textMatch[1] as string).replace(/""/g, '"');
    if (/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(arg)) return Number(arg);
    throw new Error(`cannot read the argument ${arg}: examples may use only numbers and "quoted text"`);
  });
}

interface ExpectedNumber {
  readonly value: number;
  /** Half a unit in the last digit shown: results may be rounded for display. */
  readonly tolerance: number;
}

function parseResult(text: string): ExpectedNumber | CalcErrorKind {
  const code = (Object.entries(excelErrorCode) as [CalcErrorKind, string][]).find(([, shown]) => shown === text);
  if (code) return code[0];
  const match = /^(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match)
    throw new Error(`cannot read the result "${text}": write a number like 3,500,000,000 or an error code like #NUM!`);
  const decimals = match[3]?.length ?? 0;
  const value = Number(`${match[1]}${(match[2] as string).replace(/,/g, "")}.${match[3] ?? "0"}`);
  return { value, tolerance: 0.5 * 10 ** -decimals };
}

interface Example {
  readonly line: number;
  readonly formula: string;
  readonly fn: CalcFunction;
  readonly args: Argument[];
  readonly expected: ExpectedNumber | CalcErrorKind;
}

const formulaCell = /^`(=AICOST\.([A-Za-z_]+)\((.*)\))`$/;

/** A worked example of a time function: any formula (ranges, DATE, nested calls), evaluated in HyperFormula. */
interface TimeExample {
  readonly line: number;
  readonly formula: string;
  readonly fn: TimeFunction;
  /** The cells it spills from left to right ("a; b; c" in the README), or the error it gives. */
  readonly expected: ExpectedNumber[] | CalcErrorKind;
}

function parseRow(text: string): ExpectedNumber[] | CalcErrorKind {
  const cells = text.split(";").map((cell) => parseResult(cell.trim()));
  if (cells.length === 1 && typeof cells[0] === "string") return cells[0];
  return cells.map((cell) => {
    if (typeof cell === "string") throw new Error(`"${text}": an error code stands alone`);
    return cell;
  });
}

function readTimeExamples(): TimeExample[] {
  const examples: TimeExample[] = [];
  lines.forEach((line, index) => {
    const cells = tableCells(line);
    const match = cells && formulaCell.exec(cells[0] as string);
    const fn = match && findTimeFunction(match[2] as string);
    if (!cells || !match || !fn) return;
    examples.push({ line: index + 1, formula: match[1] as string, fn, expected: parseRow(cells[1] ?? "") });
  });
  return examples;
}

const kindOfErrorType: Partial<Record<ErrorType, CalcErrorKind>> = {
  [ErrorType.VALUE]: "value",
  [ErrorType.NUM]: "num",
  [ErrorType.NA]: "na",
  [ErrorType.DIV_BY_ZERO]: "div0",
};

function expectShown(value: CellValue | undefined, expected: ExpectedNumber | CalcErrorKind, where: string): void {
  if (typeof expected === "string") {
    if (!(value instanceof DetailedCellError)) throw new Error(`${where}: expected ${expected}, got ${String(value)}`);
    expect(kindOfErrorType[value.type], where).toBe(expected);
    return;
  }
  if (typeof value !== "number") throw new Error(`${where}: expected ${expected.value}, got ${JSON.stringify(value)}`);
  expect(Math.abs(value - expected.value), `${where}: ${value}`).toBeLessThanOrEqual(
    expected.tolerance + 1e-12 * Math.abs(expected.value),
  );
}

function readExamples(): Example[] {
  const examples: Example[] = [];
  lines.forEach((line, index) => {
    const cells = tableCells(line);
    const match = cells && formulaCell.exec(cells[0] as string);
    if (!cells || !match || findTimeFunction(match[2] as string)) return;
    const fn = findCalcFunction(match[2] as string);
    if (!fn) throw new Error(`README line ${index + 1}: no function ${match[2]}`);
    examples.push({
      line: index + 1,
      formula: match[1] as string,
      fn,
      args: parseArguments(match[3] as string),
      expected: parseResult(cells[1] ?? ""),
    });
  });
  return examples;
}

describe("the example reader", () => {
  it("reads numbers, quoted text with doubled quotes, and omitted arguments", () => {
    expect(parseArguments('8, 25000, , 1e3, -0.5, "a, ""b""", ""')).toEqual([8, 25000, null, 1000, -0.5, 'a, "b"', ""]);
  });
  it("refuses anything else", () => {
    expect(() => parseArguments("A1, 2")).toThrow(/cannot read/);
    expect(() => parseArguments("TRUE")).toThrow(/cannot read/);
    expect(() => parseArguments("1+1")).toThrow(/cannot read/);
    expect(() => parseArguments('"open')).toThrow(/unclosed/);
  });
  it("reads results with thousands separators and decimals, and error codes", () => {
    expect(parseResult("3,500,000,000")).toEqual({ value: 3_500_000_000, tolerance: 0.5 });
    expect(parseResult("-3,000,000")).toEqual({ value: -3_000_000, tolerance: 0.5 });
    const rounded = parseResult("0.4444");
    expect(rounded).toMatchObject({ value: 0.4444 });
    expect(typeof rounded === "object" && rounded.tolerance).toBeCloseTo(0.00005, 12);
    expect(parseResult("#NUM!")).toBe("num");
    expect(parseResult("#N/A")).toBe("na");
    expect(parseResult("#VALUE!")).toBe("value");
    expect(() => parseResult("3.5B")).toThrow(/cannot read/);
    expect(() => parseResult("1,00")).toThrow(/cannot read/);
  });
});

describe("README worked examples", () => {
  const examples = readExamples();

  it("has at least two worked examples with a numeric result for every function", () => {
    for (const fn of calcFunctions) {
      const numeric = examples.filter((e) => e.fn === fn && typeof e.expected !== "string");
      expect(numeric.length, `${fn.id} has ${numeric.length} worked example(s) with a number`).toBeGreaterThanOrEqual(
        2,
      );
    }
  });

  for (const example of examples) {
    const shown = typeof example.expected === "string" ? excelErrorCode[example.expected] : example.expected.value;
    it(`line ${example.line}: ${example.formula} gives ${shown}`, () => {
      const result = evaluateScalar(example.fn, example.args);
      if (typeof example.expected === "string") {
        expect(isCalcError(result) ? result.kind : result).toBe(example.expected);
      } else {
        if (isCalcError(result)) throw new Error(`${example.formula}: ${result.kind} error: ${result.message}`);
        expect(Math.abs(result - example.expected.value)).toBeLessThanOrEqual(
          example.expected.tolerance + 1e-12 * Math.abs(example.expected.value),
        );
      }
    });
  }
});

describe("README worked examples of the time functions, evaluated as formulas in HyperFormula", () => {
  const examples = readTimeExamples();

  it("has at least two worked examples with numbers for every time function", () => {
    for (const fn of timeFunctions) {
      const numeric = examples.filter((e) => e.fn === fn && typeof e.expected !== "string");
      expect(numeric.length, `${fn.id} has ${numeric.length} worked example(s) with numbers`).toBeGreaterThanOrEqual(2);
    }
  });

  for (const example of examples) {
    it(`line ${example.line}: ${example.formula}`, () => {
      const engine = createAicostEngine({ Sheet1: [[example.formula]] });
      try {
        const row = engine.getSheetValues(0)[0] ?? [];
        const where = `README line ${example.line}`;
        if (typeof example.expected === "string") {
          // A fault fills the row it spills (as wide as years asks for), every cell the same error.
          expect(row.length).toBeGreaterThanOrEqual(1);
          for (const cell of row) expectShown(cell, example.expected as CalcErrorKind, where);
        } else {
          expect(row, where).toHaveLength(example.expected.length);
          example.expected.forEach((expected, i) => expectShown(row[i], expected, `${where}, cell ${i + 1}`));
        }
      } finally {
        engine.destroy();
      }
    });
  }
});

describe("README cash-flow layout", () => {
  const body = () => section("### Reading the cash-flow layout");
  const address = (text: string) => {
    const match = /^([A-Z])(\d+)$/.exec(text);
    if (!match) throw new Error(`not a cell address: ${text}`);
    return { col: (match[1] as string).charCodeAt(0) - 65, row: Number(match[2]) - 1 };
  };

  it("each formula, placed in its cell of one sheet, shows what the README says, and the sheet table agrees", () => {
    const formulas = body()
      .map(tableCells)
      .filter((cells): cells is string[] => cells !== undefined && /^[A-Z]\d+$/.test(cells[0] ?? ""));
    expect(formulas.length).toBeGreaterThanOrEqual(9);
    const sheet: (string | number | null)[][] = Array.from({ length: 12 }, () => Array<null>(8).fill(null));
    for (const [cell, formula] of formulas) {
      const { row, col } = address(cell as string);
      (sheet[row] as (string | number | null)[])[col] = (formula as string).replace(/^`|`$/g, "");
    }
    const engine = createAicostEngine({ Sheet1: sheet });
    try {
      const values = engine.getSheetValues(0);
      for (const [cell, formula, shown] of formulas) {
        const { row, col } = address(cell as string);
        const expected = parseRow(shown ?? "");
        if (typeof expected === "string") throw new Error(`${cell}: an error in the layout example`);
        expected.forEach((want, i) => expectShown(values[row]?.[col + i], want, `${cell} ${formula} cell ${i + 1}`));
      }
      // The sheet drawn above the formulas shows the same numbers in rows 2 to 4.
      const drawn = body()
        .map(tableCells)
        .filter((cells): cells is string[] => cells !== undefined && /^[2-4]$/.test(cells[0] ?? ""));
      expect(drawn).toHaveLength(3);
      for (const cells of drawn) {
        const row = Number(cells[0]) - 1;
        cells.slice(2).forEach((text, i) => {
          const want = parseResult(text);
          if (typeof want === "string") throw new Error("no errors in the drawn sheet");
          expectShown(values[row]?.[1 + i], want, `row ${row + 1}, column ${String.fromCharCode(66 + i)}`);
        });
      }
    } finally {
      engine.destroy();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The function reference: syntax lines and parameter tables.

function formatBound(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
}

/** How the "Allowed" column states a number parameter's domain. */
function allowedText(param: TimeParamSpec): string | undefined {
  if (param.type !== "number") return undefined;
  const upper = param.max === undefined ? undefined : formatBound(param.max);
  if (param.greaterThan !== undefined) {
    const lower = `above ${formatBound(param.greaterThan)}`;
    return upper === undefined ? lower : `${lower}, at most ${upper}`;
  }
  const lower = formatBound(param.min ?? -Infinity);
  return upper === undefined ? `${lower} or more` : `${lower} to ${upper}`;
}

function defaultText(param: TimeParamSpec): string {
  if (param.type === "series" || param.default === undefined) return "required";
  if (typeof param.default === "object") return `${param.default.fraction * 100}% of \`${param.default.fractionOf}\``;
  return String(param.default);
}

describe("README function reference", () => {
  it("keeps the quick-start commands", () => {
    expect(readme).toContain("    npm install && npm start");
    expect(readme).toContain("    npm install && npm test");
  });

  for (const fn of [...calcFunctions, ...timeFunctions]) {
    describe(`AICOST.${fn.id}`, () => {
      const body = () => section(`### AICOST.${fn.id}`);
      const params: readonly TimeParamSpec[] = fn.params;

      it("has a syntax line with optional parameters in brackets", () => {
        const names = params.map((p) => (defaultText(p) === "required" ? p.name : `[${p.name}]`));
        expect(body().map((l) => l.trim())).toContain(`=AICOST.${fn.id}(${names.join(", ")})`);
      });

      it("names its result unit", () => {
        expect(body().join(" ").replace(/\s+/g, " ")).toContain(`Result in ${fn.resultUnit}:`);
      });

      it("has a parameter table matching the spec: names in order, units, domain and defaults with their sources", () => {
        const rows = body()
          .map(tableCells)
          .filter((cells): cells is string[] => cells !== undefined && /^`[a-z_]+`$/.test(cells[0] ?? ""));
        expect(rows.map((cells) => (cells[0] as string).slice(1, -1))).toEqual(params.map((p) => p.name));
        rows.forEach((cells, index) => {
          const param = params[index] as TimeParamSpec;
          const [, unit, allowed, fallback] = cells;
          expect(unit, `${param.name} unit`).toBe(param.unit);
          const domain = allowedText(param);
          if (domain !== undefined)
            expect(allowed?.startsWith(domain), `${param.name}: "${allowed}" should start "${domain}"`).toBe(true);
          expect(fallback?.startsWith(defaultText(param)), `${param.name}: default "${fallback}"`).toBe(true);
          if (param.type === "number" && param.defaultSource !== undefined)
            expect(fallback).toContain(param.defaultSource);
        });
      });
    });
  }

  it("the domain wording itself follows the bounds", () => {
    const bounded = (extra: object): ParamSpec => ({ type: "number", name: "x", unit: "u", description: "", ...extra });
    expect(allowedText(bounded({ min: 0 }))).toBe("0 or more");
    expect(allowedText(bounded({ min: 0, max: 8784 }))).toBe("0 to 8,784");
    expect(allowedText(bounded({ greaterThan: 0, max: 1 }))).toBe("above 0, at most 1");
  });
});

// ---------------------------------------------------------------------------------------------
// The sensitivity table and the price catalog.

describe("README sensitivity table", () => {
  it("is what LABOR_SAVINGS spills for the column and row it shows", () => {
    const body = section("## Ranges and spilling");
    expect(body.join("\n")).toContain("`=AICOST.LABOR_SAVINGS(A2:A4, B1:D1)`");
    const sheet = body
      .map(tableCells)
      .filter((cells): cells is string[] => cells !== undefined && /^\d+$/.test(cells[0] ?? ""));
    const number = (text: string | undefined) => Number((text ?? "").replace(/,/g, ""));
    const costs = sheet[0]?.slice(2).map(number) ?? [];
    const headcounts = sheet.slice(1).map((cells) => number(cells[1]));
    const shown = sheet.slice(1).map((cells) => cells.slice(2).map(number));
    expect(costs.length).toBe(3);
    expect(headcounts.length).toBe(3);
    const result = evaluateGrid(LABOR_SAVINGS, [headcounts.map((h) => [h]), [costs]]);
    expect(result.cells).toEqual(shown);
  });
});

describe("README price catalog", () => {
  const rows = () =>
    section("## Price catalog")
      .map(tableCells)
      .filter((cells): cells is string[] => cells !== undefined && cells[0] !== "Model");

  it("lists every catalog entry once, in the catalog's order", () => {
    expect(rows().map((cells) => cells[0])).toEqual(priceCatalog.map((e) => e.model));
  });

  for (const entry of priceCatalog as readonly ModelPriceEntry[]) {
    it(`${entry.model}: provider, prices, checked date and linked sources match the catalog`, () => {
      const cells = rows().find((c) => c[0] === entry.model) ?? [];
      const [, provider, input, cached, output, checked, sources] = cells;
      expect(provider).toBe(entry.provider);
      expect(Number(input)).toBe(entry.inputUsdPerMillion);
      if (entry.cachedInputUsdPerMillion === null) expect(cached).toBe("—");
      else expect(Number(cached)).toBe(entry.cachedInputUsdPerMillion);
      expect(Number(output)).toBe(entry.outputUsdPerMillion);
      expect(checked).toBe(entry.checked);
      const links = [...(sources ?? "").matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ name: m[1], url: m[2] }));
      expect(links).toEqual(entry.sources.map((s) => ({ name: s.name, url: s.url })));
    });
  }

  it("explains the deepseek-v4-flash disagreement with both figures", () => {
    const text = section("## Price catalog").join("\n");
    const note = text.slice(text.indexOf("- deepseek-v4-flash"));
    expect(note).toMatch(/disagree/);
    expect(note).toContain("$0.0028");
    expect(note).toContain("$0.028");
  });
});

describe("README: what the tests cover", () => {
  it("counts the malformed preset files the tests refuse as there are in the corpus", () => {
    const corpus = readdirSync(join(__dirname, "presets", "malformed")).filter((name) => name.endsWith(".json") && name !== "expected.json");
    const stated = /(\d+)\s+malformed preset files are each refused/.exec(readme.replace(/\s+/g, " "));
    expect(stated, "the README states how many malformed preset files are refused").not.toBeNull();
    expect(Number(stated?.[1])).toBe(corpus.length);
  });
});
