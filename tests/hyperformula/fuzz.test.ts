/*
 * The AICOST HyperFormula plugin fuzzed through formulas: each generated call
 * is written as a formula on its own sheet, its arguments literals (numbers,
 * text, TRUE()/FALSE(), inline arrays), blanks, or references to ranges of
 * generated cells on a data sheet (numbers, NaN and ±Infinity, text, numeric
 * text, typed input such as "50%", booleans, blanks, and formulas that give
 * #DIV/0!, #N/A, #NUM! or #VALUE!).
 *
 * Every result must spill to M×N cells (the largest height and width among the
 * arguments), each a finite number or a #VALUE!, #NUM! or #N/A error, or an
 * error passed through from an argument; and each must be what the grid
 * evaluator gives for the values HyperFormula reads from the arguments, except
 * that an argument that is a single error value (a literal error or a 1×1
 * range holding one) is HyperFormula's result for the whole call: the engine
 * returns it before the plugin runs, as it does for its own functions.
 *
 * The seed is fixed so a failure reproduces; fast-check prints the seed and the
 * path of the failing case. AICOST_FUZZ_SEED picks another seed to explore.
 */
import fc from "fast-check";
import { DetailedCellError, ErrorType, type CellValue, type HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import {
  calcFunctions,
  evaluateGrid,
  evaluateTime,
  messages,
  timeFunctions,
  isCalcError,
  priceCatalog,
  type CalcError,
  type CalcFunction,
  type NumberParamSpec,
  type ParamSpec,
  type TimeFunction,
  type TimeParamSpec,
} from "../../src/calc";
import { createAicostEngine, formulaName } from "../../src/hyperformula/aicostPlugin";

const formulaRuns = 2_000;
const seed = Number(process.env.AICOST_FUZZ_SEED ?? 20_260_424);
const fuzzTimeoutMs = 300_000;

const models = priceCatalog.map((entry) => entry.model);

// ---------------------------------------------------------------------------
// Values

/** Text in a mix of upper and lower case, sometimes padded with spaces. */
function anyCase(values: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...values), fc.nat(), fc.constantFrom("", " ")).map(([text, caseBits, pad]) => {
    let out = "";
    for (let i = 0; i < text.length; i++)
      out += (caseBits >> (i % 30)) & 1 ? text.charAt(i).toUpperCase() : text.charAt(i);
    return pad + out + pad;
  });
}

/** A finite number in a parameter's domain, of any magnitude (huge ones may overflow the result to #NUM!). */
function inDomain(param: NumberParamSpec): fc.Arbitrary<number> {
  const max = param.max ?? Number.MAX_VALUE;
  const min = param.greaterThan !== undefined ? Math.max(param.greaterThan, 0) + Number.MIN_VALUE : (param.min ?? 0);
  return fc.oneof(
    fc.double({ min, max, noNaN: true }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e6)) }),
    fc.constantFrom(min, max),
  );
}

const specialNumbers = fc.constantFrom(
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e308,
  Number.MIN_VALUE,
  1e-300,
  0,
  -0,
  -1,
  Number.NaN,
  Infinity,
  -Infinity,
);

/** Text for a formula literal: HyperFormula's string literals hold neither a double quote nor a backslash. */
const literalText = fc.oneof(
  fc.constantFrom("", " ", "0", "100", "-1", "1e3", "TRUE", "#N/A", "input", "output", "cached_input"),
  anyCase(models),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/["\\]/g, "'")),
);

/** A valid value for a parameter, as a literal or a cell. */
function validValue(param: ParamSpec): fc.Arbitrary<number | string> {
  if (param.type === "number") return inDomain(param);
  if (param.name === "model") return anyCase(models);
  return anyCase(param.oneOf ?? ["x"]);
}

/** A literal value of any sort (finite numbers only: a formula cannot spell NaN or Infinity). */
function literalValue(param: ParamSpec): fc.Arbitrary<number | string | boolean> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(param) },
    { weight: 1, arbitrary: specialNumbers.filter(Number.isFinite) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: literalText },
    { weight: 1, arbitrary: fc.boolean() },
  );
}

/** Formulas in data cells whose results are errors (or plain values), to be passed through. */
const dataFormulas = fc.constantFrom("=1/0", "=NA()", "=SQRT(-1)", '="a"*1', "=1+1", '="gpt-5.5"', "=TRUE()");

/** An expression whose value is an error, written as an argument. */
const errorExpression = fc.constantFrom("1/0", "NA()", "SQRT(-1)", '"a"*1');

/** A data cell as written into the sheet (raw content, which HyperFormula parses as typed input). */
function dataCell(param: ParamSpec): fc.Arbitrary<RawCellContent> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(param).map((v) => (typeof v === "string" ? `'${v}` : v)) },
    { weight: 1, arbitrary: specialNumbers },
    { weight: 1, arbitrary: fc.double() },
    // Text, including numeric text, kept as text by the leading apostrophe.
    { weight: 1, arbitrary: fc.oneof(literalText, fc.string({ unit: "binary", maxLength: 6 })).map((s) => `'${s}`) },
    // Typed input that HyperFormula parses: numbers, percentages, currency, booleans.
    { weight: 1, arbitrary: fc.constantFrom("100", "50%", "$5", "1e3", "TRUE", "false", " 7 ", "") },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: dataFormulas },
  );
}

// ---------------------------------------------------------------------------
// Arguments

type FormulaArgument =
  | { readonly kind: "omitted" }
  | { readonly kind: "literal"; readonly value: number | string | boolean }
  | { readonly kind: "error"; readonly expression: string }
  | {
      readonly kind: "array";
      readonly rows: number;
      readonly columns: number;
      readonly cells: readonly (number | string | boolean)[];
    }
  | {
      readonly kind: "range";
      readonly rows: number;
      readonly columns: number;
      readonly cells: readonly RawCellContent[];
      readonly single: boolean;
    };

/** Sizes 1 and the common M or N most often, so that most calls broadcast and some do not. */
const extent = (common: number) => fc.oneof(fc.constant(1), fc.constant(common), fc.integer({ min: 1, max: 4 }));

/** A valid data cell: a valid value (text kept as text), or a blank for an optional parameter. */
function validDataCell(param: ParamSpec): fc.Arbitrary<RawCellContent> {
  const value = validValue(param).map((v) => (typeof v === "string" ? `'${v}` : v));
  return param.default === undefined
    ? value
    : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

/**
 * One argument. A clean argument has valid values only (and is omitted only
 * where that is allowed); any other may hold every sort of value and error.
 */
function formulaArgument(
  param: ParamSpec,
  rows: number,
  columns: number,
  clean: boolean,
): fc.Arbitrary<FormulaArgument> {
  const cells = <T>(cell: fc.Arbitrary<T>) => fc.array(cell, { minLength: 1, maxLength: 6 });
  const value = clean ? validValue(param) : literalValue(param);
  const dataValue = clean ? validDataCell(param) : dataCell(param);
  const omittedWeight = param.default !== undefined ? 3 : clean ? 0 : 1;
  return fc.oneof(
    ...(omittedWeight > 0 ? [{ weight: omittedWeight, arbitrary: fc.constant({ kind: "omitted" as const }) }] : []),
    { weight: 4, arbitrary: value.map((v) => ({ kind: "literal" as const, value: v })) },
    ...(clean
      ? []
      : [{ weight: 1, arbitrary: errorExpression.map((expression) => ({ kind: "error" as const, expression })) }]),
    {
      weight: 1,
      arbitrary: fc
        .record({ rows: extent(rows), columns: extent(columns), cells: cells(value) })
        .map((a) => ({ kind: "array" as const, ...a })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({ rows: extent(rows), columns: extent(columns), cells: cells(dataValue), single: fc.boolean() })
        .map((a) => ({ kind: "range" as const, ...a })),
    },
  );
}

interface FormulaCall {
  readonly args: readonly FormulaArgument[];
  /** Whether omitted optional arguments at the end are left off the formula rather than written as empty. */
  readonly dropTrailing: boolean;
}

function formulaCall(fn: CalcFunction): fc.Arbitrary<FormulaCall> {
  return fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }), clean: fc.boolean() })
    .chain(({ rows, columns, clean }) =>
      fc.record({
        args: fc.tuple(...fn.params.map((param) => formulaArgument(param, rows, columns, clean))),
        dropTrailing: fc.boolean(),
      }),
    );
}

function cycled<T>(cells: readonly T[], rows: number, columns: number): T[][] {
  const out: T[][] = [];
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < columns; c++) row.push(cells[k++ % cells.length] as T);
    out.push(row);
  }
  return out;
}

function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function literal(value: number | string | boolean): string {
  if (typeof value === "boolean") return value ? "TRUE()" : "FALSE()";
  if (typeof value === "string") return `"${value}"`;
  return String(value); // finite: "1e+308", "5e-324", "-1"; -0 is written "0"
}

/** Width of the block each argument's range gets on the data sheet. */
const blockColumns = 5;

interface Built {
  readonly formula: string;
  readonly data: RawCellContent[][];
  /** Each argument's range on the data sheet (A1 style), for the ones that reference one. */
  readonly ranges: (string | undefined)[];
}

function build(fn: CalcFunction | TimeFunction, { args, dropTrailing }: FormulaCall): Built {
  const data: RawCellContent[][] = [];
  const ranges: (string | undefined)[] = [];
  const texts = args.map((arg, p) => {
    ranges.push(undefined);
    switch (arg.kind) {
      case "omitted":
        return "";
      case "literal":
        return literal(arg.value);
      case "error":
        return arg.expression;
      case "array":
        return `{${cycled(arg.cells, arg.rows, arg.columns)
          .map((row) => row.map(literal).join(","))
          .join(";")}}`;
      case "range": {
        const left = p * blockColumns;
        cycled(arg.cells, arg.rows, arg.columns).forEach((row, r) => {
          const dataRow = (data[r] ??= []);
          row.forEach((cell, c) => (dataRow[left + c] = cell));
        });
        const first = `${columnLetters(left)}1`;
        const last = `${columnLetters(left + arg.columns - 1)}${arg.rows}`;
        ranges[p] = `${first}:${last}`;
        return arg.rows === 1 && arg.columns === 1 && arg.single ? `Data!${first}` : `Data!${first}:${last}`;
      }
    }
  });
  // Omitted optional arguments at the end are left off or written as empty; a required one is always written.
  const optional = (p: number) => {
    const param = fn.params[p] as TimeParamSpec;
    return param.type !== "series" && param.default !== undefined;
  };
  while (dropTrailing && texts.length > 0 && texts[texts.length - 1] === "" && optional(texts.length - 1)) texts.pop();
  const dense = data.map((row) => Array.from({ length: args.length * blockColumns }, (_, i) => row[i] ?? null));
  return { formula: `=${formulaName(fn)}(${texts.join(",")})`, data: dense, ranges };
}

function sizeOf(arg: FormulaArgument): { rows: number; columns: number } {
  return arg.kind === "array" || arg.kind === "range"
    ? { rows: arg.rows, columns: arg.columns }
    : { rows: 1, columns: 1 };
}

// ---------------------------------------------------------------------------
// Checks

const kindOfErrorType: Partial<Record<ErrorType, CalcError["kind"]>> = {
  [ErrorType.VALUE]: "value",
  [ErrorType.NUM]: "num",
  [ErrorType.NA]: "na",
};

function describeValue(value: unknown): string {
  if (value instanceof DetailedCellError) return `${value.value} ${JSON.stringify(value.message)}`;
  return `${typeof value} ${String(value)}`;
}

/** The values the plugin must see for an argument: literals as written, ranges as the engine reads them. */
function plainArgument(engine: HyperFormula, dataId: number, arg: FormulaArgument, range: string | undefined): unknown {
  switch (arg.kind) {
    case "omitted":
      return null;
    case "literal":
      return arg.value;
    case "error":
      return engine.calculateFormula(`=${arg.expression}`, dataId);
    case "array":
      return cycled(arg.cells, arg.rows, arg.columns);
    case "range": {
      const cells = engine.simpleCellRangeFromString(range ?? "", dataId);
      if (cells === undefined) throw new Error(`cannot read the range ${range}`);
      return engine.getRangeValues(cells);
    }
  }
}

/** The value of an argument that HyperFormula passes as a single value: a literal or a 1×1 range. */
function singleValue(arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg;
  const rows = arg as unknown[][];
  return rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
}

function isDetailedCellError(value: unknown): value is DetailedCellError {
  return value instanceof DetailedCellError;
}

function checkFormula(engine: HyperFormula, fn: CalcFunction, call: FormulaCall, tally: Map<string, number>): void {
  const dataId = engine.getSheetId("Data") as number;
  const calcId = engine.getSheetId("Calc") as number;
  const { args } = call;
  const { formula, data, ranges } = build(fn, call);
  engine.batch(() => {
    engine.setSheetContent(dataId, data);
    engine.setSheetContent(calcId, [[formula]]);
  });

  const rows = Math.max(1, ...args.map((a) => sizeOf(a).rows));
  const columns = Math.max(1, ...args.map((a) => sizeOf(a).columns));
  const plain = args.map((arg, p) => plainArgument(engine, dataId, arg, ranges[p]));
  // Errors in the arguments may pass through unchanged.
  const inputErrorTypes = new Set<ErrorType>();
  for (const arg of plain) {
    const cells = Array.isArray(arg) ? (arg as unknown[][]).flat() : [arg];
    for (const cell of cells) if (isDetailedCellError(cell)) inputErrorTypes.add(cell.type);
  }
  const expected = evaluateGrid(fn, plain, isDetailedCellError);
  // The first argument that is a single error value is the result of every cell (see the header).
  const scalarError = plain.map(singleValue).find(isDetailedCellError);

  const values: CellValue[][] = engine.getSheetValues(calcId);
  const where = `${formula} with data ${JSON.stringify(data)}`;
  if (values.length !== rows || values.some((row) => row.length !== columns)) {
    throw new Error(`${where}: expected ${rows}×${columns} cells, got ${JSON.stringify(values)}`);
  }
  if (expected.rows !== rows || expected.columns !== columns) {
    throw new Error(
      `${where}: the grid evaluator gives ${expected.rows}×${expected.columns}, the formula spills ${rows}×${columns}`,
    );
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value: unknown = values[r]?.[c];
      const want = scalarError ?? expected.cells[r]?.[c];
      const at = `${where}: cell (${r}, ${c}) is ${describeValue(value)}`;
      if (typeof value === "number") {
        if (!Number.isFinite(value)) throw new Error(`${at}: not finite`);
        if (!Object.is(value, want)) throw new Error(`${at}, expected ${describeValue(want)}`);
        tally.set("number", (tally.get("number") ?? 0) + 1);
        continue;
      }
      if (!isDetailedCellError(value)) throw new Error(`${at}: neither a number nor an error`);
      const ours = kindOfErrorType[value.type] !== undefined;
      if (!ours && !inputErrorTypes.has(value.type))
        throw new Error(`${at}: an error type that is neither ours nor passed through`);
      if (value.type !== ErrorType.NUM && value.message === "" && !inputErrorTypes.has(value.type)) {
        throw new Error(`${at}: no message`);
      }
      if (isCalcError(want)) {
        if (kindOfErrorType[value.type] !== want.kind || value.message !== want.message) {
          throw new Error(`${at}, expected ${want.kind}: ${want.message}`);
        }
      } else if (!(isDetailedCellError(want) && want.type === value.type && want.message === value.message)) {
        throw new Error(`${at}, expected ${describeValue(want)}`);
      }
      tally.set(value.type, (tally.get(value.type) ?? 0) + 1);
    }
  }
}

describe(`the HyperFormula plugin, through formulas (${formulaRuns.toLocaleString("en-US")} per function)`, () => {
  for (const fn of calcFunctions) {
    it(
      `${fn.id} spills M×N cells, each a finite number, #VALUE!/#NUM!/#N/A, or an input's error, as evaluateGrid says`,
      () => {
        const engine = createAicostEngine({ Data: [], Calc: [] });
        const tally = new Map<string, number>();
        try {
          fc.assert(
            fc.property(formulaCall(fn), (call) => {
              checkFormula(engine, fn, call, tally);
            }),
            { numRuns: formulaRuns, seed },
          );
        } finally {
          engine.destroy();
        }
        // The generators reached every outcome.
        expect(tally.get("number") ?? 0).toBeGreaterThan(formulaRuns);
        expect(tally.get(ErrorType.VALUE) ?? 0).toBeGreaterThan(100);
        expect(tally.get(ErrorType.NA) ?? 0).toBeGreaterThan(100);
        expect(tally.get(ErrorType.DIV_BY_ZERO) ?? 0).toBeGreaterThan(10);
        if (fn.params.some((p) => p.type === "number")) expect(tally.get(ErrorType.NUM) ?? 0).toBeGreaterThan(100);
      },
      fuzzTimeoutMs,
    );
  }
});

// ---------------------------------------------------------------------------
// The time functions: the same generated formulas, with `years` typed into the
// formula (HyperFormula fixes a spill's size before evaluating it) except now
// and then, when the call must say that years belongs in the formula.

/** A series cell, or any number parameter, as a number parameter spec the generators above understand. */
function timeNumberSpec(param: TimeParamSpec): ParamSpec {
  if (param.type !== "series") return param;
  return {
    type: "number",
    name: param.name,
    unit: param.unit,
    description: "",
    min: param.name === "costs" ? 0 : -1e12,
    max: 1e12,
  };
}

/** A valid value: whole numbers in range for years and refresh_years. */
function validTimeValue(param: TimeParamSpec): fc.Arbitrary<number | string> {
  if (param.type === "number" && param.integer === true)
    return fc.integer({ min: param.min ?? 0, max: param.max ?? 50 });
  return validValue(timeNumberSpec(param));
}

function timeFormulaArgument(
  fn: TimeFunction,
  param: TimeParamSpec,
  rows: number,
  columns: number,
  clean: boolean,
): fc.Arbitrary<FormulaArgument> {
  if (fn.shape === "row" && param.name === "years") {
    const typed = clean
      ? validTimeValue(param)
      : fc.oneof(
          { weight: 4, arbitrary: validTimeValue(param) },
          { weight: 1, arbitrary: fc.constantFrom(0, 51, 2.5, -1) },
        );
    return fc.oneof(
      { weight: 12, arbitrary: typed.map((value) => ({ kind: "literal" as const, value })) },
      {
        weight: 1,
        arbitrary: fc
          .record({
            rows: extent(rows),
            columns: fc.constant(1),
            cells: fc.array(typed, { minLength: 1, maxLength: 3 }),
            single: fc.boolean(),
          })
          .map((a) => ({ kind: "range" as const, ...a })),
      },
    );
  }
  const spec = timeNumberSpec(param);
  const optional = param.type !== "series" && param.default !== undefined;
  const value = clean ? validTimeValue(param) : literalValue(spec);
  const dataValue: fc.Arbitrary<RawCellContent> = clean
    ? validTimeValue(param).map((v) => (typeof v === "string" ? `'${v}` : v))
    : dataCell(spec);
  const cells = <T>(cell: fc.Arbitrary<T>) => fc.array(cell, { minLength: 1, maxLength: 6 });
  // Series are rows most often (one series), sometimes blocks (one per row).
  const seriesColumns = param.type === "series" ? fc.integer({ min: 1, max: 6 }) : extent(columns);
  return fc.oneof(
    ...(optional ? [{ weight: 3, arbitrary: fc.constant({ kind: "omitted" as const }) }] : []),
    { weight: param.type === "series" ? 1 : 4, arbitrary: value.map((v) => ({ kind: "literal" as const, value: v })) },
    ...(clean
      ? []
      : [{ weight: 1, arbitrary: errorExpression.map((expression) => ({ kind: "error" as const, expression })) }]),
    {
      weight: 2,
      arbitrary: fc
        .record({ rows: extent(rows), columns: seriesColumns, cells: cells(value) })
        .map((a) => ({ kind: "array" as const, ...a })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({ rows: extent(rows), columns: seriesColumns, cells: cells(dataValue), single: fc.boolean() })
        .map((a) => ({ kind: "range" as const, ...a })),
    },
  );
}

function timeFormulaCall(fn: TimeFunction): fc.Arbitrary<FormulaCall> {
  return fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }), clean: fc.boolean() })
    .chain(({ rows, columns, clean }) =>
      fc.record({
        args: fc.tuple(
          ...fn.params.map((param: TimeParamSpec) => timeFormulaArgument(fn, param, rows, columns, clean)),
        ),
        dropTrailing: fc.boolean(),
      }),
    );
}

const kindOfTimeErrorType: Partial<Record<ErrorType, CalcError["kind"]>> = {
  ...kindOfErrorType,
  [ErrorType.DIV_BY_ZERO]: "div0",
};

function checkTimeFormula(engine: HyperFormula, fn: TimeFunction, call: FormulaCall, tally: Map<string, number>): void {
  const dataId = engine.getSheetId("Data") as number;
  const calcId = engine.getSheetId("Calc") as number;
  const { args } = call;
  const { formula, data, ranges } = build(fn, call);
  engine.batch(() => {
    engine.setSheetContent(dataId, data);
    engine.setSheetContent(calcId, [[formula]]);
  });
  const where = `${formula} with data ${JSON.stringify(data)}`;
  const values: CellValue[][] = engine.getSheetValues(calcId);

  const yearsIndex = fn.params.findIndex((p) => p.name === "years");
  const years = args[yearsIndex];
  if (fn.shape === "row" && (years === undefined || years.kind !== "literal" || typeof years.value !== "number")) {
    const cell = values[0]?.[0];
    if (values.length !== 1 || values[0]?.length !== 1 || !isDetailedCellError(cell) || cell.type !== ErrorType.VALUE) {
      throw new Error(`${where}: expected one #VALUE!, got ${JSON.stringify(values)}`);
    }
    expect(cell.message).toBe(messages.yearsNotInFormula(formulaName(fn)));
    tally.set("yearsNotInFormula", (tally.get("yearsNotInFormula") ?? 0) + 1);
    return;
  }

  const plain = args.map((arg, p) => plainArgument(engine, dataId, arg, ranges[p]));
  const inputErrorTypes = new Set<ErrorType>();
  for (const arg of plain) {
    const cells = Array.isArray(arg) ? (arg as unknown[][]).flat() : [arg];
    for (const cell of cells) if (isDetailedCellError(cell)) inputErrorTypes.add(cell.type);
  }
  const expected = evaluateTime(fn, plain, isDetailedCellError);
  const scalarError = plain.map(singleValue).find(isDetailedCellError);
  if (values.length !== expected.rows || values.some((row) => row.length !== expected.columns)) {
    throw new Error(`${where}: expected ${expected.rows}×${expected.columns} cells, got ${JSON.stringify(values)}`);
  }
  for (let r = 0; r < expected.rows; r++) {
    for (let c = 0; c < expected.columns; c++) {
      const value: unknown = values[r]?.[c];
      const want = scalarError ?? expected.cells[r]?.[c];
      const at = `${where}: cell (${r}, ${c}) is ${describeValue(value)}`;
      if (typeof value === "number") {
        if (!Number.isFinite(value)) throw new Error(`${at}: not finite`);
        if (!Object.is(value, want)) throw new Error(`${at}, expected ${describeValue(want)}`);
        tally.set("number", (tally.get("number") ?? 0) + 1);
        continue;
      }
      if (!isDetailedCellError(value)) throw new Error(`${at}: neither a number nor an error`);
      if (isCalcError(want)) {
        if (kindOfTimeErrorType[value.type] !== want.kind || value.message !== want.message) {
          throw new Error(`${at}, expected ${want.kind}: ${want.message}`);
        }
      } else if (!(isDetailedCellError(want) && want.type === value.type && want.message === value.message)) {
        throw new Error(`${at}, expected ${describeValue(want)}`);
      }
      tally.set(value.type, (tally.get(value.type) ?? 0) + 1);
    }
  }
}

describe(`the HyperFormula plugin's time functions, through formulas (${formulaRuns.toLocaleString("en-US")} per function)`, () => {
  for (const fn of timeFunctions) {
    it(
      `${fn.id} spills the rows or values evaluateTime gives, or says years belongs in the formula`,
      () => {
        const engine = createAicostEngine({ Data: [], Calc: [] });
        const tally = new Map<string, number>();
        try {
          fc.assert(
            fc.property(timeFormulaCall(fn), (call) => {
              checkTimeFormula(engine, fn, call, tally);
            }),
            { numRuns: formulaRuns, seed },
          );
        } finally {
          engine.destroy();
        }
        // A series function gives one value per series: fewer cells than a row function's rows.
        expect(tally.get("number") ?? 0).toBeGreaterThan(fn.shape === "row" ? formulaRuns : formulaRuns / 2);
        expect(tally.get(ErrorType.VALUE) ?? 0).toBeGreaterThan(100);
        expect(tally.get(ErrorType.NA) ?? 0).toBeGreaterThan(100);
        expect(tally.get(ErrorType.NUM) ?? 0).toBeGreaterThan(50);
        if (fn.shape === "row") expect(tally.get("yearsNotInFormula") ?? 0).toBeGreaterThan(20);
        if (fn.id === "ROI") expect(tally.get(ErrorType.DIV_BY_ZERO) ?? 0).toBeGreaterThan(10);
      },
      fuzzTimeoutMs,
    );
  }
});
