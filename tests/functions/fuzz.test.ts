/*
 * The custom functions fuzzed through the edge Excel calls: the exported
 * wrappers in src/functions/functions.ts, each parameter a 2-D range and an
 * omitted optional parameter null (or left off the end of the call), with the
 * CustomFunctions stand-in installed.
 * At least 100,000 generated calls per function, with cells of every sort
 * (valid, huge, tiny, negative, ±0, NaN, ±Infinity, text, numeric text, blanks,
 * booleans, objects) in ranges of random shapes, broadcast-compatible or not.
 *
 * Every call must return an M×N array (M, N the largest heights and widths of
 * the arguments) whose every cell is a finite number or a #VALUE!, #NUM! or #N/A
 * error, #VALUE! and #N/A with a message naming a parameter or a model; and each
 * cell must be what the scalar evaluator gives for the arguments that serve it.
 *
 * The seed is fixed so a failure reproduces; fast-check prints the seed and the
 * path of the failing case. AICOST_FUZZ_SEED picks another seed to explore.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calcError,
  calcFunctions,
  checkCell,
  evaluateScalar,
  evaluateTime,
  timeFunctions,
  excelErrorCode,
  isCalcError,
  LABOR_SAVINGS,
  messages,
  priceCatalog,
  priceKinds,
  type CalcError,
  type CalcFunction,
  type NumberParamSpec,
  type ParamSpec,
  type TimeFunction,
  type TimeParamSpec,
} from "../../src/calc";
import {
  blendedPrice,
  depreciation,
  gpuCashFlows,
  gpuHourCost,
  gpuPowerCost,
  gpuTco,
  laborSavings,
  modelPrice,
  payback,
  presentValue,
  roi,
  savingsCashFlows,
  selfHostPrice,
  tokenCost,
  tokenCostCashFlows,
} from "../../src/functions/functions";
import { installCustomFunctionsStandIn, StandInError, type CustomFunctionsStandIn } from "./customFunctionsStandIn";

/** Generated calls per function: the floor this suite promises, never lowered to save time. */
const fuzzRuns = 100_000;
const seed = Number(process.env.AICOST_FUZZ_SEED ?? 20_260_424);
/** Generous: 100,000 calls take a few seconds per function on two cores. */
const fuzzTimeoutMs = 300_000;

type ExcelWrapper = (...args: unknown[]) => unknown;

/** The exported wrapper Excel calls for each function id. */
const wrappers: Readonly<Record<string, ExcelWrapper>> = {
  LABOR_SAVINGS: laborSavings as ExcelWrapper,
  TOKEN_COST: tokenCost as ExcelWrapper,
  BLENDED_PRICE: blendedPrice as ExcelWrapper,
  MODEL_PRICE: modelPrice as ExcelWrapper,
  GPU_TCO: gpuTco as ExcelWrapper,
  GPU_POWER_COST: gpuPowerCost as ExcelWrapper,
  GPU_HOUR_COST: gpuHourCost as ExcelWrapper,
  SELF_HOST_PRICE: selfHostPrice as ExcelWrapper,
};

function wrapperFor(fn: CalcFunction): ExcelWrapper {
  const wrapper = wrappers[fn.id];
  if (wrapper === undefined) throw new Error(`no wrapper for ${fn.id}`);
  return wrapper;
}

let standIn: CustomFunctionsStandIn;
beforeAll(() => {
  standIn = installCustomFunctionsStandIn();
});
afterAll(() => standIn.restore());

// ---------------------------------------------------------------------------
// Cells

const models = priceCatalog.map((entry) => entry.model);

/** Text in a mix of upper and lower case, as a user might type it, sometimes padded with spaces. */
function anyCase(values: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...values), fc.nat(), fc.constantFrom("", " ", "  ")).map(([text, caseBits, pad]) => {
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      out += (caseBits >> (i % 30)) & 1 ? ch.toUpperCase() : ch;
    }
    return pad + out + pad;
  });
}

/** A number in a parameter's declared domain, magnitudes limited to [floor, largest]. */
function inDomain(param: NumberParamSpec, floor: number, largest: number): fc.Arbitrary<number> {
  const max = Math.min(param.max ?? Infinity, largest);
  if (param.greaterThan !== undefined) {
    const bound = param.greaterThan;
    const min = bound + Math.max(floor, Math.abs(bound) * Number.EPSILON * 2);
    return fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max));
  }
  if (param.min === undefined) throw new Error(`${param.name} has no lower bound; the generators assume one`);
  const min = param.min;
  return fc.oneof(
    fc.double({ min, max, noNaN: true }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e6)) }),
    // -0 is inside a domain that starts at 0 (-0 >= 0), and reads as 0.
    fc.constantFrom(min, max, ...(min === 0 ? [-0] : [])),
  );
}

/** Model and kind pairs that have a price in the catalog. */
const pricedPairs = priceCatalog.flatMap((entry) =>
  priceKinds
    .filter((kind) => (kind === "cached_input" ? entry.cachedInputUsdPerMillion !== null : true))
    .map((kind) => [entry.model, kind] as const),
);

/** A valid cell for a parameter, anywhere in its domain (huge values may overflow the result to #NUM!). */
function validCell(param: ParamSpec): fc.Arbitrary<unknown> {
  if (param.type === "number") {
    const value = inDomain(param, Number.MIN_VALUE, Number.MAX_VALUE);
    return param.default === undefined
      ? value
      : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: blank });
  }
  if (param.name === "model") return anyCase(models);
  return anyCase(param.oneOf ?? ["x"]);
}

const blank = fc.constantFrom(null, undefined, "");

const specialNumbers = fc.constantFrom(
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e308,
  -1e308,
  1e200,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  1e-300,
  Number.EPSILON,
  0,
  -0,
  -1,
  Number.NaN,
  Infinity,
  -Infinity,
);

const text = fc.oneof(
  // Numeric text: text, never read as its number.
  fc.constantFrom("0", "100", "-1", "1e3", " 5 ", "-0", "0x10", "1,000", "50%", "$5", "1e999", "NaN", "Infinity"),
  fc.constantFrom("", " ", "\t", "TRUE", "FALSE", "#N/A", "#VALUE!", "null", "undefined"),
  anyCase([...models, ...priceKinds]),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);

/** Objects Excel would not send, and one that looks like an error value. */
const objects = fc.constantFrom<unknown>(
  {},
  [],
  [[1]],
  new Date(0),
  { value: 1 },
  { valueOf: () => 1, toString: () => "1" },
  Object.create(null),
  new StandInError("#N/A", "an error value as an argument"),
);

/** A cell of any sort: valid ones most often, and every kind of fault. */
function anyCell(param: ParamSpec): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: validCell(param) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: specialNumbers },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: objects },
  );
}

// ---------------------------------------------------------------------------
// Shapes

/**
 * How one argument is passed: omitted (null, or left off the call), a single
 * cell (1×1), a row (1×N), a column (M×1), the full M×N, or a size of its own
 * that may not broadcast. Cells cycle through a short generated list, which
 * keeps generation cheap while large ranges still mix every sort of cell.
 */
type ArgumentKind = "null" | "missing" | "cell" | "row" | "column" | "full" | "other";

interface ArgumentPlan {
  readonly kind: ArgumentKind;
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly unknown[];
}

interface CallPlan {
  readonly rows: number;
  readonly columns: number;
  readonly args: readonly ArgumentPlan[];
}

function argumentPlan(param: ParamSpec, cell: fc.Arbitrary<unknown>): fc.Arbitrary<ArgumentPlan> {
  const kinds: fc.WeightedArbitrary<ArgumentKind>[] = [
    { weight: 6, arbitrary: fc.constant("cell") },
    { weight: 1, arbitrary: fc.constant("row") },
    { weight: 1, arbitrary: fc.constant("column") },
    { weight: 1, arbitrary: fc.constant("full") },
    { weight: 1, arbitrary: fc.constant("other") },
  ];
  if (param.default !== undefined) {
    kinds.push({ weight: 2, arbitrary: fc.constant("null") }, { weight: 1, arbitrary: fc.constant("missing") });
  }
  return fc.record({
    kind: fc.oneof(...kinds),
    rows: fc.integer({ min: 1, max: 5 }),
    columns: fc.integer({ min: 1, max: 5 }),
    cells: fc.array(cell, { minLength: 1, maxLength: 6 }),
  });
}

function callPlan(fn: CalcFunction, cell: (param: ParamSpec) => fc.Arbitrary<unknown>): fc.Arbitrary<CallPlan> {
  return fc.record({
    rows: fc.integer({ min: 1, max: 4 }),
    columns: fc.integer({ min: 1, max: 4 }),
    args: fc.tuple(...fn.params.map((param) => argumentPlan(param, cell(param)))),
  });
}

function grid(rows: number, columns: number, cells: readonly unknown[]): unknown[][] {
  const out: unknown[][] = [];
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < columns; c++) row.push(cells[k++ % cells.length]);
    out.push(row);
  }
  return out;
}

/** The arguments as Excel passes them: 2-D arrays, null for an omitted optional one; trailing missing ones left off. */
function materialize(plan: CallPlan): unknown[] {
  const args = plan.args.map((arg): unknown => {
    switch (arg.kind) {
      case "null":
        return null;
      case "missing":
        return undefined;
      case "cell":
        return grid(1, 1, arg.cells);
      case "row":
        return grid(1, plan.columns, arg.cells);
      case "column":
        return grid(plan.rows, 1, arg.cells);
      case "full":
        return grid(plan.rows, plan.columns, arg.cells);
      case "other":
        return grid(arg.rows, arg.columns, arg.cells);
    }
  });
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return args;
}

// ---------------------------------------------------------------------------
// The oracle and the checks

function sizeOf(arg: unknown): { rows: number; columns: number } {
  if (!Array.isArray(arg)) return { rows: 1, columns: 1 };
  return { rows: arg.length, columns: (arg[0] as unknown[]).length };
}

/**
 * What cell (r, c) must hold: the scalar evaluation of the cells that serve it.
 * Where an argument cannot serve the cell (neither 1 nor the result's size), the
 * cell is #N/A for that argument, unless an earlier argument's cell already has
 * an error of its own (arguments are checked in order).
 */
function expectedCell(fn: CalcFunction, args: readonly unknown[], r: number, c: number): number | CalcError {
  const picked: unknown[] = [];
  for (let p = 0; p < fn.params.length; p++) {
    const arg = args[p];
    if (arg === null || arg === undefined) {
      picked.push(null);
      continue;
    }
    const { rows, columns } = sizeOf(arg);
    const row = rows === 1 ? 0 : r;
    const column = columns === 1 ? 0 : c;
    if (row >= rows || column >= columns) {
      const earlier = evaluateScalar(fn, picked);
      const earlierNames = fn.params.slice(0, p).map((q) => q.name);
      if (isCalcError(earlier) && earlier.kind !== "na" && earlierNames.includes(earlier.param)) return earlier;
      const name = (fn.params[p] as ParamSpec).name;
      return calcError("na", name, messages.outsideArgument(name, rows, columns));
    }
    picked.push((arg as unknown[][])[row]?.[column]);
  }
  return evaluateScalar(fn, picked);
}

function describeCell(cell: unknown): string {
  if (cell instanceof StandInError) return `${cell.code} ${JSON.stringify(cell.message)}`;
  if (typeof cell === "number") return Object.is(cell, -0) ? "-0" : String(cell);
  return `${typeof cell} ${String(cell)}`;
}

const allowedCodes = new Set(["#VALUE!", "#NUM!", "#N/A"]);

/** The rule for any cell, independent of the oracle: a finite number (never -0), or an allowed error. */
function cellProblem(fn: CalcFunction, cell: unknown): string | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return `a non-finite number ${cell}`;
    if (Object.is(cell, -0)) return "-0";
    return undefined;
  }
  if (!(cell instanceof StandInError))
    return `a cell that is neither a number nor a CustomFunctions.Error: ${describeCell(cell)}`;
  if (!allowedCodes.has(cell.code)) return `the error code ${cell.code}`;
  if (cell.code === "#NUM!") return undefined;
  const message = cell.message ?? "";
  if (message.trim() === "") return `${cell.code} without a message`;
  const named = fn.params.some((p) => message.includes(p.name)) || models.some((m) => message.includes(m));
  return named ? undefined : `${cell.code} whose message names no parameter and no model: ${message}`;
}

function sameCell(actual: unknown, expected: number | CalcError): boolean {
  if (typeof expected === "number") return Object.is(actual, expected);
  if (!(actual instanceof StandInError)) return false;
  const message = expected.kind === "num" ? undefined : expected.message;
  return actual.code === excelErrorCode[expected.kind] && actual.message === message;
}

/** Tallies what the calls gave, so a generator that stopped reaching a branch shows up. */
interface Tally {
  numbers: number;
  errors: Map<string, number>;
  multiCell: number;
  allNumbersMultiCell: number;
}

function newTally(): Tally {
  return { numbers: 0, errors: new Map(), multiCell: 0, allNumbersMultiCell: 0 };
}

/** Calls the wrapper as Excel does and checks the whole result; throws a description of the first fault. */
function checkCall(fn: CalcFunction, args: readonly unknown[], tally: Tally): void {
  let result: unknown;
  try {
    result = wrapperFor(fn)(...args);
  } catch (error) {
    throw new Error(`${fn.id} threw: ${String(error)}`, { cause: error });
  }
  let rows = 1;
  let columns = 1;
  for (const arg of args) {
    const size = sizeOf(arg);
    rows = Math.max(rows, size.rows);
    columns = Math.max(columns, size.columns);
  }
  if (!Array.isArray(result) || result.length !== rows) {
    throw new Error(`${fn.id}: expected ${rows} row(s), got ${Array.isArray(result) ? result.length : typeof result}`);
  }
  let errorCells = 0;
  for (let r = 0; r < rows; r++) {
    const row: unknown = result[r];
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(
        `${fn.id}: row ${r} should have ${columns} cell(s), got ${Array.isArray(row) ? row.length : typeof row}`,
      );
    }
    for (let c = 0; c < columns; c++) {
      const cell: unknown = row[c];
      const problem = cellProblem(fn, cell);
      if (problem !== undefined) throw new Error(`${fn.id} cell (${r}, ${c}): ${problem}`);
      const expected = expectedCell(fn, args, r, c);
      if (!sameCell(cell, expected)) {
        const shown =
          typeof expected === "number" ? String(expected) : `${excelErrorCode[expected.kind]} ${expected.message}`;
        throw new Error(`${fn.id} cell (${r}, ${c}): got ${describeCell(cell)}, expected ${shown}`);
      }
      if (cell instanceof StandInError) {
        errorCells++;
        tally.errors.set(cell.code, (tally.errors.get(cell.code) ?? 0) + 1);
      } else {
        tally.numbers++;
      }
    }
  }
  if (rows * columns > 1) {
    tally.multiCell++;
    if (errorCells === 0) tally.allNumbersMultiCell++;
  }
}

// ---------------------------------------------------------------------------
// The properties

describe("every wrapper is the one for its function", () => {
  it("each calc function has a wrapper taking exactly its parameters", () => {
    for (const fn of calcFunctions) expect(wrapperFor(fn).length, fn.id).toBe(fn.params.length);
    expect(Object.keys(wrappers).sort()).toEqual(calcFunctions.map((fn) => fn.id).sort());
  });
});

describe(`any input, through the Excel wrappers (${fuzzRuns.toLocaleString("en-US")} calls per function)`, () => {
  for (const fn of calcFunctions) {
    it(
      `${fn.id} never throws; gives an M×N array of finite numbers and #VALUE!/#NUM!/#N/A, each cell as evaluateScalar says`,
      () => {
        const tally = newTally();
        // Half the calls use valid cells only, so broadcasts of clean ranges are as common as faults.
        const plans = fc.oneof(callPlan(fn, validCell), callPlan(fn, anyCell));
        fc.assert(
          fc.property(plans, (plan) => {
            checkCall(fn, materialize(plan), tally);
          }),
          { numRuns: fuzzRuns, seed },
        );
        // The generators reached every outcome: numbers, each error, clean and faulty multi-cell results.
        expect(tally.numbers).toBeGreaterThan(fuzzRuns);
        expect(tally.errors.get("#VALUE!") ?? 0).toBeGreaterThan(1000);
        // MODEL_PRICE has no number parameter and its prices are finite: it never gives #NUM!.
        if (fn.params.some((p) => p.type === "number")) expect(tally.errors.get("#NUM!") ?? 0).toBeGreaterThan(1000);
        expect(tally.errors.get("#N/A") ?? 0).toBeGreaterThan(1000);
        expect(tally.allNumbersMultiCell).toBeGreaterThan(1000);
        expect(tally.multiCell - tally.allNumbersMultiCell).toBeGreaterThan(1000);
      },
      fuzzTimeoutMs,
    );
  }
});

/** Magnitudes for the valid-input property, chosen so that no result can exceed the largest double. */
const largestValid = 1e50;
const smallestDivisor = 1e-50;

/** A valid scalar argument as Excel passes it, with the scalar evaluateScalar gets. */
interface ValidArgument {
  readonly excel: unknown;
  readonly scalar: unknown;
}

function validArgument(param: ParamSpec): fc.Arbitrary<ValidArgument> {
  if (param.type === "text") throw new Error("text arguments come in model and kind pairs");
  const value = inDomain(param, smallestDivisor, largestValid).map((v): ValidArgument => ({ excel: [[v]], scalar: v }));
  if (param.default === undefined) return value;
  const omitted = fc.constantFrom<ValidArgument>(
    { excel: null, scalar: null },
    { excel: [[null]], scalar: null },
    { excel: [[""]], scalar: "" },
  );
  return fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: omitted });
}

function validArguments(fn: CalcFunction): fc.Arbitrary<ValidArgument[]> {
  if (fn.params.every((p) => p.type === "number")) return fc.tuple(...fn.params.map(validArgument));
  // MODEL_PRICE: a model and a kind it has a price for, in any case and padding.
  return fc
    .tuple(fc.constantFrom(...pricedPairs), fc.nat(), fc.constantFrom("", " "))
    .map(([[model, kind], caseBits, pad]) => {
      const shown = caseBits & 1 ? model.toUpperCase() : model;
      const kindShown = caseBits & 2 ? kind.toUpperCase() : kind;
      return [
        { excel: [[pad + shown]], scalar: pad + shown },
        { excel: [[kindShown + pad]], scalar: kindShown + pad },
      ];
    });
}

describe(`valid scalar inputs, through the Excel wrappers (${fuzzRuns.toLocaleString("en-US")} calls per function)`, () => {
  for (const fn of calcFunctions) {
    const oneTimeIndex =
      fn === LABOR_SAVINGS ? fn.params.findIndex((p) => p.name === "one_time_cost_per_employee") : -1;
    it(
      `${fn.id} gives a 1×1 finite number equal to evaluateScalar's${fn === LABOR_SAVINGS ? " (negative only with a one-time cost)" : ", never negative"}`,
      () => {
        fc.assert(
          fc.property(validArguments(fn), (args) => {
            const result = wrapperFor(fn)(...args.map((a) => a.excel));
            const scalars = args.map((a) => a.scalar);
            if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0]) || result[0].length !== 1) {
              throw new Error(`${fn.id}: not a 1×1 array: ${JSON.stringify(result)}`);
            }
            const cell: unknown = result[0][0];
            if (typeof cell !== "number" || !Number.isFinite(cell) || Object.is(cell, -0)) {
              throw new Error(`${fn.id}: expected a finite number, got ${describeCell(cell)}`);
            }
            const oneTime = oneTimeIndex < 0 ? undefined : scalars[oneTimeIndex];
            const mayBeNegative = typeof oneTime === "number" && oneTime > 0;
            if (cell < 0 && !mayBeNegative) throw new Error(`${fn.id}: a negative cost ${cell}`);
            const expected = evaluateScalar(fn, scalars);
            if (!Object.is(cell, expected))
              throw new Error(`${fn.id}: got ${cell}, evaluateScalar gives ${JSON.stringify(expected)}`);
          }),
          { numRuns: fuzzRuns, seed },
        );
      },
      fuzzTimeoutMs,
    );
  }
});

// ---------------------------------------------------------------------------
// The time functions: rows over years per scenario, and series reduced to a number.

const timeWrappers: Readonly<Record<string, ExcelWrapper>> = {
  GPU_CASH_FLOWS: gpuCashFlows as ExcelWrapper,
  SAVINGS_CASH_FLOWS: savingsCashFlows as ExcelWrapper,
  TOKEN_COST_CASH_FLOWS: tokenCostCashFlows as ExcelWrapper,
  DEPRECIATION: depreciation as ExcelWrapper,
  PRESENT_VALUE: presentValue as ExcelWrapper,
  PAYBACK: payback as ExcelWrapper,
  ROI: roi as ExcelWrapper,
};

function timeWrapperFor(fn: TimeFunction): ExcelWrapper {
  const wrapper = timeWrappers[fn.id];
  if (wrapper === undefined) throw new Error(`no wrapper for ${fn.id}`);
  return wrapper;
}

/** A valid cell for a time parameter: years and refresh_years whole numbers in range, series amounts of either sign. */
function validTimeCell(param: TimeParamSpec): fc.Arbitrary<unknown> {
  if (param.type === "series") {
    return fc.oneof(
      // Costs are amounts spent: mostly positive, so ROI has a denominator.
      { weight: 6, arbitrary: fc.double({ min: param.name === "costs" ? 0 : -1e12, max: 1e12, noNaN: true }) },
      { weight: 1, arbitrary: blank },
    );
  }
  if (param.type === "number" && param.integer === true) {
    const value = fc.integer({ min: param.min ?? 0, max: param.max ?? 50 });
    return param.default === undefined
      ? value
      : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: blank });
  }
  return validCell(param);
}

function anyTimeCell(param: TimeParamSpec): fc.Arbitrary<unknown> {
  const asNumber: ParamSpec =
    param.type === "series"
      ? { type: "number", name: param.name, unit: param.unit, description: "", min: -1e12 }
      : param;
  return fc.oneof(
    { weight: 5, arbitrary: validTimeCell(param) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: specialNumbers },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 60 }) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: objects },
    { weight: 1, arbitrary: asNumber.type === "number" ? fc.double() : fc.constant(null) },
  );
}

interface TimeCallPlan {
  readonly args: readonly {
    readonly kind: "null" | "missing" | "cell" | "column" | "row" | "block";
    readonly rows: number;
    readonly columns: number;
    readonly cells: readonly unknown[];
  }[];
}

function timeCallPlan(
  fn: TimeFunction,
  cell: (param: TimeParamSpec) => fc.Arbitrary<unknown>,
): fc.Arbitrary<TimeCallPlan> {
  return fc.record({
    args: fc.tuple(
      ...fn.params.map((param: TimeParamSpec) => {
        const series = param.type === "series";
        const optional = param.type !== "series" && param.default !== undefined;
        const kinds: fc.WeightedArbitrary<TimeCallPlan["args"][number]["kind"]>[] = [
          { weight: series ? 1 : 6, arbitrary: fc.constant("cell") },
          { weight: 2, arbitrary: fc.constant("column") },
          { weight: series ? 6 : 1, arbitrary: fc.constant("row") },
          { weight: 1, arbitrary: fc.constant("block") },
        ];
        if (optional)
          kinds.push({ weight: 2, arbitrary: fc.constant("null") }, { weight: 1, arbitrary: fc.constant("missing") });
        return fc.record({
          kind: fc.oneof(...kinds),
          rows: fc.integer({ min: 2, max: 4 }),
          columns: fc.integer({ min: 2, max: 7 }),
          cells: fc.array(cell(param), { minLength: 1, maxLength: 8 }),
        });
      }),
    ),
  });
}

function materializeTime(plan: TimeCallPlan): unknown[] {
  const args = plan.args.map((arg): unknown => {
    switch (arg.kind) {
      case "null":
        return null;
      case "missing":
        return undefined;
      case "cell":
        return grid(1, 1, arg.cells);
      case "column":
        return grid(arg.rows, 1, arg.cells);
      case "row":
        return grid(1, arg.columns, arg.cells);
      case "block":
        return grid(arg.rows, arg.columns, arg.cells);
    }
  });
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return args;
}

/** A series as the rule reads it: blanks are 0; text, booleans or other objects #VALUE!, NaN or ±Infinity #NUM!. */
function readSeries(param: TimeParamSpec, cells: readonly unknown[]): number[] | CalcError {
  const out: number[] = [];
  for (const raw of cells) {
    if (raw === null || raw === undefined || raw === "") out.push(0);
    else if (typeof raw !== "number") return calcError("value", param.name, messages.notANumber(param.name, raw));
    else if (!Number.isFinite(raw)) return calcError("num", param.name, messages.notFinite(param.name, raw));
    else out.push(raw);
  }
  return out;
}

/**
 * The values that serve result cell (r, c), from the documented reading of
 * ranges, checked in parameter order (the first fault wins and is returned).
 * For a row function every cell of row r has the same serving values.
 */
function servingValues(fn: TimeFunction, args: readonly unknown[], r: number, c: number): unknown[] | CalcError {
  const values: unknown[] = [];
  for (let p = 0; p < fn.params.length; p++) {
    const param = fn.params[p] as TimeParamSpec;
    const arg = args[p];
    const outside = (rows: number, columns: number) =>
      calcError("na", param.name, messages.outsideArgument(param.name, rows, columns));
    if (arg === null || arg === undefined) {
      if (param.type === "series") {
        values.push([[0]]); // a blank series argument is one blank cell: a year with no cash
        continue;
      }
      const checked = checkCell(param, null);
      if (isCalcError(checked)) return checked;
      values.push(null);
      continue;
    }
    const { rows, columns } = sizeOf(arg);
    const cells = arg as unknown[][];
    const list = rows === 1 ? (cells[0] as unknown[]) : cells.map((row) => row[0]);
    if (param.type === "series") {
      const series = rows === 1 || columns === 1 ? list : r < rows ? (cells[r] as unknown[]) : undefined;
      if (series === undefined) return outside(rows, columns);
      const read = readSeries(param, series);
      if (isCalcError(read)) return read;
      values.push([read]);
      continue;
    }
    let raw: unknown;
    if (fn.shape === "row") {
      if (rows > 1 && columns > 1)
        return calcError("value", param.name, messages.notScenarioList(param.name, rows, columns));
      if (list.length > 1 && r >= list.length) return outside(rows, columns);
      raw = list.length === 1 ? list[0] : list[r];
    } else {
      const row = rows === 1 ? 0 : r;
      const column = columns === 1 ? 0 : c;
      if (row >= rows || column >= columns) return outside(rows, columns);
      raw = cells[row]?.[column];
    }
    const checked = checkCell(param, raw);
    if (isCalcError(checked)) return checked;
    values.push(raw);
  }
  return values;
}

/** What result cell (r, c) of a series function must hold: the call with its serving values alone. */
function expectedSeriesCell(fn: TimeFunction, args: readonly unknown[], r: number, c: number): number | CalcError {
  const values = servingValues(fn, args, r, c);
  if (isCalcError(values)) return values;
  return evaluateTime(fn, values).cells[0]?.[0] as number | CalcError;
}

/**
 * What result row r of a row function must hold: the scenario's own row (the
 * call with its values alone), a fault filling the whole row, and #N/A past
 * the scenario's last year when other scenarios have more years.
 */
function expectedTimeRow(
  fn: TimeFunction,
  args: readonly unknown[],
  r: number,
  columns: number,
): (number | CalcError)[] {
  const values = servingValues(fn, args, r, 0);
  if (isCalcError(values)) return new Array<number | CalcError>(columns).fill(values);
  const own = evaluateTime(fn, values).cells[0] as (number | CalcError)[];
  if (isCalcError(own[0])) return new Array<number | CalcError>(columns).fill(own[0]);
  const years = values[fn.params.findIndex((p) => p.name === "years")];
  const past = calcError("na", "years", messages.shorterRow(Number(years)));
  return Array.from({ length: columns }, (_, c) => (c < own.length ? (own[c] as number | CalcError) : past));
}

/** The width the rows must have: the largest valid years (plus the start cell), or 1. */
function expectedWidth(fn: TimeFunction, args: readonly unknown[]): number {
  if (fn.shape === "series") return 1;
  const yearsIndex = fn.params.findIndex((p) => p.name === "years");
  const arg = args[yearsIndex];
  const param = fn.params[yearsIndex] as ParamSpec;
  const { rows, columns } = sizeOf(arg);
  if (rows > 1 && columns > 1) return 1;
  const cells = arg as unknown[][];
  const list = rows === 1 ? (cells[0] as unknown[]) : cells.map((row) => row[0]);
  let width = 1;
  for (const raw of list) {
    const checked = checkCell(param, raw);
    if (typeof checked === "number") width = Math.max(width, checked + (fn.startCell ? 1 : 0));
  }
  return width;
}

function expectedTimeSize(fn: TimeFunction, args: readonly unknown[]): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  fn.params.forEach((param: TimeParamSpec, p) => {
    const arg = args[p];
    if (arg === null || arg === undefined) return;
    const size = sizeOf(arg);
    const list = size.rows === 1 || size.columns === 1;
    if (fn.shape === "row") rows = Math.max(rows, list ? size.rows * size.columns : 1);
    else if (param.type === "series") rows = Math.max(rows, list ? 1 : size.rows);
    else {
      rows = Math.max(rows, size.rows);
      columns = Math.max(columns, size.columns);
    }
  });
  return { rows, columns: fn.shape === "row" ? expectedWidth(fn, args) : columns };
}

function timeCellProblem(fn: TimeFunction, cell: unknown): string | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return `a non-finite number ${cell}`;
    if (Object.is(cell, -0)) return "-0";
    return undefined;
  }
  if (!(cell instanceof StandInError))
    return `a cell that is neither a number nor a CustomFunctions.Error: ${describeCell(cell)}`;
  if (!["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"].includes(cell.code)) return `the error code ${cell.code}`;
  if (cell.code === "#NUM!" || cell.code === "#DIV/0!")
    return cell.message === undefined ? undefined : `${cell.code} with a message`;
  const message = cell.message ?? "";
  return fn.params.some((p) => message.includes(p.name)) || message.includes(fn.id)
    ? undefined
    : `${cell.code} whose message names no parameter: ${message}`;
}

function checkTimeCall(fn: TimeFunction, args: readonly unknown[], tally: Tally): void {
  let result: unknown;
  try {
    result = timeWrapperFor(fn)(...args);
  } catch (error) {
    throw new Error(`${fn.id} threw: ${String(error)}`, { cause: error });
  }
  const where = `${fn.id}(${JSON.stringify(args)})`;
  const { rows, columns } = expectedTimeSize(fn, args);
  if (!Array.isArray(result) || result.length !== rows) throw new Error(`${where}: expected ${rows} row(s)`);
  let errorCells = 0;
  result.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== columns) throw new Error(`${where}: row ${r} is not ${columns} wide`);
    const expectedRow = fn.shape === "row" ? expectedTimeRow(fn, args, r, columns) : undefined;
    row.forEach((cell: unknown, c) => {
      const problem = timeCellProblem(fn, cell);
      if (problem !== undefined) throw new Error(`${where} cell (${r}, ${c}): ${problem}`);
      const expected = expectedRow?.[c] ?? expectedSeriesCell(fn, args, r, c);
      if (isCalcError(expected)) {
        const code = excelErrorCode[expected.kind];
        const message = expected.kind === "value" || expected.kind === "na" ? expected.message : undefined;
        if (!(cell instanceof StandInError) || cell.code !== code || cell.message !== message) {
          throw new Error(`${where} cell (${r}, ${c}): got ${describeCell(cell)}, expected ${code} ${message ?? ""}`);
        }
      } else if (!Object.is(cell, expected)) {
        throw new Error(`${where} cell (${r}, ${c}): got ${describeCell(cell)}, expected ${expected}`);
      }
      if (cell instanceof StandInError) {
        errorCells++;
        tally.errors.set(cell.code, (tally.errors.get(cell.code) ?? 0) + 1);
      } else {
        tally.numbers++;
      }
    });
  });
  if (rows * columns > 1) {
    tally.multiCell++;
    if (errorCells === 0) tally.allNumbersMultiCell++;
  }
}

describe(`the time functions, through the Excel wrappers (${fuzzRuns.toLocaleString("en-US")} calls per function)`, () => {
  it("each time function has a wrapper taking exactly its parameters", () => {
    for (const fn of timeFunctions) expect(timeWrapperFor(fn).length, fn.id).toBe(fn.params.length);
    expect(Object.keys(timeWrappers).sort()).toEqual(timeFunctions.map((fn) => fn.id).sort());
  });

  for (const fn of timeFunctions) {
    it(
      `${fn.id} never throws; every cell a finite number or #VALUE!/#NUM!/#N/A/#DIV/0!, each as the call of its own scenario or series gives`,
      () => {
        const tally = newTally();
        const plans = fc.oneof(timeCallPlan(fn, validTimeCell), timeCallPlan(fn, anyTimeCell));
        fc.assert(
          fc.property(plans, (plan) => {
            checkTimeCall(fn, materializeTime(plan), tally);
          }),
          { numRuns: fuzzRuns, seed },
        );
        expect(tally.numbers).toBeGreaterThan(fuzzRuns);
        expect(tally.errors.get("#VALUE!") ?? 0).toBeGreaterThan(fuzzRuns / 100);
        expect(tally.errors.get("#NUM!") ?? 0).toBeGreaterThan(fuzzRuns / 100);
        expect(tally.errors.get("#N/A") ?? 0).toBeGreaterThan(fuzzRuns / 100);
        if (fn.id === "ROI") expect(tally.errors.get("#DIV/0!") ?? 0).toBeGreaterThan(fuzzRuns / 1000);
        expect(tally.allNumbersMultiCell).toBeGreaterThan(fuzzRuns / 100);
        expect(tally.multiCell - tally.allNumbersMultiCell).toBeGreaterThan(fuzzRuns / 100);
      },
      fuzzTimeoutMs,
    );
  }
});
