import { momentOfExcelSerial, momentOfIsoText } from "./asOf";
import { messages } from "./messages";
import { calcError, isCalcError, type CalcError } from "./result";
import {
  computeForCall,
  computeWith,
  type CalcFunction,
  type MomentParamSpec,
  type NumberParamSpec,
  type ParamSpec,
  type Scalar,
  type TextParamSpec,
} from "./spec";

/**
 * Cell semantics, shared by every edge:
 *  - a blank (null, undefined, or empty text) in a required parameter is `#VALUE!`;
 *    in an optional parameter it takes the documented default;
 *  - text or a boolean where a number belongs is `#VALUE!` (never read as 0 or 1);
 *  - a number outside its parameter's domain, NaN or ±Infinity is `#NUM!`;
 *  - a result that is not finite is `#NUM!`.
 */
const OMITTED = Symbol("omitted");
type Checked = Scalar | CalcError | typeof OMITTED;

/**
 * Recognises an error value of the host spreadsheet (such as #DIV/0! from a
 * referenced cell). Such a value is passed through to the result cell unchanged,
 * as Excel passes an argument's error through a formula.
 */
export type ForeignErrorTest<E extends object> = (raw: unknown) => raw is E;

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "";
}

function checkNumber(param: NumberParamSpec, raw: unknown): number | CalcError | typeof OMITTED {
  if (isBlank(raw)) {
    return param.default === undefined ? calcError("value", param.name, messages.requiredBlank(param.name)) : OMITTED;
  }
  if (typeof raw !== "number") return calcError("value", param.name, messages.notANumber(param.name, raw));
  if (!Number.isFinite(raw)) return calcError("num", param.name, messages.notFinite(param.name, raw));
  if (param.min !== undefined && raw < param.min) {
    return calcError("num", param.name, messages.belowMin(param.name, param.min, raw));
  }
  if (param.greaterThan !== undefined && !(raw > param.greaterThan)) {
    return calcError("num", param.name, messages.notAbove(param.name, param.greaterThan, raw));
  }
  if (param.max !== undefined && raw > param.max) {
    return calcError("num", param.name, messages.aboveMax(param.name, param.max, raw));
  }
  if (param.integer === true && !Number.isInteger(raw)) {
    return calcError("num", param.name, messages.notWhole(param.name, raw));
  }
  return raw === 0 ? 0 : raw; // -0 reads as 0
}

function checkText(param: TextParamSpec, raw: unknown): string | CalcError | typeof OMITTED {
  if (isBlank(raw) || (typeof raw === "string" && raw.trim() === "")) {
    return param.default === undefined ? calcError("value", param.name, messages.requiredBlank(param.name)) : OMITTED;
  }
  if (typeof raw !== "string") return calcError("value", param.name, messages.notText(param.name, raw));
  const text = raw.trim();
  if (param.oneOf !== undefined) {
    const match = param.oneOf.find((allowed) => allowed.toLowerCase() === text.toLowerCase());
    if (match === undefined) return calcError("value", param.name, messages.notOneOf(param.name, param.oneOf, raw));
    return match;
  }
  return text;
}

function checkMoment(param: MomentParamSpec, raw: unknown): Scalar | CalcError | typeof OMITTED {
  if (isBlank(raw) || (typeof raw === "string" && raw.trim() === "")) {
    return param.default === undefined ? calcError("value", param.name, messages.requiredBlank(param.name)) : OMITTED;
  }
  // The moment is read here, as every argument is checked, so its fault comes before later arguments'.
  if (typeof raw === "string") {
    const text = raw.trim();
    if (text.toLowerCase() === "now") return text;
    const moment = momentOfIsoText(text, param.name);
    return isCalcError(moment) ? moment : text;
  }
  if (typeof raw !== "number") return calcError("value", param.name, messages.notAMoment(param.name, raw));
  if (!Number.isFinite(raw)) return calcError("num", param.name, messages.notFinite(param.name, raw));
  const moment = momentOfExcelSerial(raw, param.name);
  return isCalcError(moment) ? moment : raw;
}

function checkArgument(param: ParamSpec, raw: unknown): Checked {
  if (param.type === "moment") {
    const checked = checkMoment(param, raw);
    return checked === OMITTED && param.default !== undefined ? param.default : checked;
  }
  if (param.type === "number") {
    const checked = checkNumber(param, raw);
    if (checked === OMITTED && typeof param.default === "number") return param.default;
    return checked;
  }
  const checked = checkText(param, raw);
  return checked === OMITTED && param.default !== undefined ? param.default : checked;
}

/**
 * Checks one cell for a parameter whose default, if any, is a plain value: the
 * validated number or text, the default for a blank optional one, or the error.
 * Used by the evaluators of the time functions, which take whole rows.
 */
export function checkCell(param: ParamSpec, raw: unknown): Scalar | CalcError {
  const checked = checkArgument(param, raw);
  if (checked === OMITTED) throw new Error(`${param.name}: a default taken from another argument is not supported here`);
  return checked;
}

/** Resolves defaults that depend on other arguments (fractionOf) once all are known. */
function resolveOmitted(fn: CalcFunction, values: Scalar[], index: number): Scalar {
  const param = fn.params[index];
  if (param === undefined || param.type !== "number" || param.default === undefined || typeof param.default === "number") {
    throw new Error(`${fn.id}: ${param?.name ?? index} has no default to resolve`);
  }
  const { fractionOf, fraction } = param.default;
  const sourceIndex = fn.params.findIndex((p) => p.name === fractionOf);
  const source = values[sourceIndex];
  if (typeof source !== "number") throw new Error(`${fn.id}: ${fractionOf} is not a number parameter`);
  return source * fraction;
}

function finish(fn: CalcFunction, value: number | CalcError): number | CalcError {
  if (isCalcError(value)) return value;
  if (!Number.isFinite(value)) return calcError("num", "", messages.resultNotFinite(fn.id));
  return value === 0 ? 0 : value;
}

/**
 * Evaluates one function on one set of scalar arguments, as a cell would: `args`
 * in parameter order, missing trailing arguments treated as omitted.
 */
export function evaluateScalar(fn: CalcFunction, args: readonly unknown[]): number | CalcError {
  if (args.length > fn.params.length) {
    return calcError("value", "", messages.tooManyArguments(fn.id, fn.params.length, args.length));
  }
  const values: Scalar[] = [];
  const pending: number[] = [];
  for (let i = 0; i < fn.params.length; i++) {
    const checked = checkArgument(fn.params[i] as ParamSpec, args[i]);
    if (checked === OMITTED) {
      pending.push(i);
      values.push(0);
    } else if (isCalcError(checked)) {
      return checked;
    } else {
      values.push(checked);
    }
  }
  for (const i of pending) values[i] = resolveOmitted(fn, values, i);
  return finish(fn, computeWith(fn, values));
}

/** A 2-D result: every cell a number or an error, with a count of the errors. */
export interface GridResult<E extends object = never> {
  readonly rows: number;
  readonly columns: number;
  readonly cells: (number | CalcError | E)[][];
  readonly errorCount: number;
}

/** An argument as a spreadsheet passes it: a scalar, a 2-D range, or null when omitted. */
export type GridArgument = unknown;

function asGrid(arg: GridArgument): readonly (readonly unknown[])[] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    if (Array.isArray(arg[0])) {
      const rows = arg as unknown[][];
      return rows[0]?.length === 0 ? [[null]] : rows;
    }
    return [arg as unknown[]]; // a 1-D array is one row
  }
  return [[arg]];
}

interface CheckedGrid<E> {
  readonly rows: number;
  readonly columns: number;
  readonly cells: (Checked | E)[][];
}

type Compute = (...args: Scalar[]) => number | CalcError;

/**
 * At most this many distinct values (per parameter) and distinct sets of
 * arguments are remembered in one broadcast: a bound on the memory the
 * remembering takes; beyond it each cell is checked and computed as it comes.
 */
const rememberedValuesMax = 65_536;

/**
 * `checkArgument` for one parameter over a range, remembering its answer per
 * distinct text: a range that repeats bad text (a long unknown name, a word
 * where a number belongs) builds its error and message once, and every cell
 * with that text shares it. Numbers are checked as they come (cheap, and too
 * many distinct ones to be worth remembering).
 */
function checkerFor(param: ParamSpec): (raw: unknown) => Checked {
  const byText = new Map<string, Checked>();
  return (raw) => {
    if (typeof raw !== "string") return checkArgument(param, raw);
    let checked = byText.get(raw);
    if (checked === undefined) {
      checked = checkArgument(param, raw);
      if (byText.size < rememberedValuesMax) byText.set(raw, checked);
    }
    return checked;
  };
}

/**
 * For a function with a text parameter: `compute` remembering its result per
 * distinct set of arguments, so a range of repeated text computes (and builds
 * an error's message) once per distinct value, not once per cell. compute is
 * pure, and the memory lives only as long as one broadcast. Functions of
 * numbers alone compute as they come: their arguments rarely repeat.
 */
function rememberingCompute(fn: CalcFunction): Compute {
  const compute = computeForCall(fn) as Compute;
  const count = fn.params.length;
  if (count === 0 || !fn.params.some((param) => param.type === "text")) return compute;
  const root = new Map<Scalar, unknown>();
  let remembered = 0;
  return (...args: Scalar[]) => {
    let level = root;
    for (let p = 0; p < count - 1; p++) {
      let next = level.get(args[p] as Scalar) as Map<Scalar, unknown> | undefined;
      if (next === undefined) {
        if (remembered >= rememberedValuesMax) return compute(...args);
        next = new Map<Scalar, unknown>();
        level.set(args[p] as Scalar, next);
      }
      level = next;
    }
    const last = args[count - 1] as Scalar;
    let value = level.get(last) as number | CalcError | undefined;
    if (value === undefined) {
      value = compute(...args);
      if (remembered < rememberedValuesMax) {
        level.set(last, value);
        remembered++;
      }
    }
    return value;
  };
}

/**
 * Calls `fn` with the first `count` of `args` (all of them by default), without
 * spreading an array in the common arities: the per-cell and per-trial loops
 * (here and in the simulation) call it on a hot path.
 */
export function callWithArguments<A, R>(fn: (...a: A[]) => R, args: readonly A[], count: number = args.length): R {
  switch (count) {
    case 1:
      return fn(args[0] as A);
    case 2:
      return fn(args[0] as A, args[1] as A);
    case 3:
      return fn(args[0] as A, args[1] as A, args[2] as A);
    case 4:
      return fn(args[0] as A, args[1] as A, args[2] as A, args[3] as A);
    case 5:
      return fn(args[0] as A, args[1] as A, args[2] as A, args[3] as A, args[4] as A);
    case 6:
      return fn(args[0] as A, args[1] as A, args[2] as A, args[3] as A, args[4] as A, args[5] as A);
    default:
      return fn(...(count === args.length ? args : args.slice(0, count)));
  }
}

/**
 * Fills one result row where only the argument at `varyingIndex` changes along
 * the row: the others are read once into locals. Returns the number of errors.
 */
function fillRow(
  fn: CalcFunction,
  compute: Compute,
  values: Scalar[],
  varyingIndex: number,
  paramCount: number,
  cells: readonly Scalar[],
  outRow: (number | CalcError)[],
  columns: number,
): number {
  let errorCount = 0;
  const store = (c: number, value: number | CalcError): void => {
    if (typeof value === "number" && value - value === 0) {
      outRow[c] = value === 0 ? 0 : value;
    } else {
      const cell = finish(fn, value);
      outRow[c] = cell;
      if (typeof cell !== "number") errorCount++;
    }
  };
  const v = values;
  for (let c = 0; c < columns; c++) {
    v[varyingIndex] = cells[c] as Scalar;
    const a0 = v[0] as Scalar;
    const a1 = v[1] as Scalar;
    switch (paramCount) {
      case 2:
        store(c, compute(a0, a1));
        break;
      case 3:
        store(c, compute(a0, a1, v[2] as Scalar));
        break;
      case 4:
        store(c, compute(a0, a1, v[2] as Scalar, v[3] as Scalar));
        break;
      case 5:
        store(c, compute(a0, a1, v[2] as Scalar, v[3] as Scalar, v[4] as Scalar));
        break;
      default:
        store(c, compute(a0, a1, v[2] as Scalar, v[3] as Scalar, v[4] as Scalar, v[5] as Scalar));
    }
  }
  return errorCount;
}

/**
 * The broadcast when every argument cell is a valid number or text and every
 * argument fills the result: no cell can be an error but a non-finite result.
 * Arguments that do not change along a row are set once per row, so the inner
 * loop touches only the arguments that vary by column.
 */
function evaluateFilled(
  fn: CalcFunction,
  checked: readonly CheckedGrid<never>[],
  rows: number,
  columns: number,
): GridResult {
  const paramCount = checked.length;
  const compute = rememberingCompute(fn);
  const values: Scalar[] = new Array<Scalar>(paramCount).fill(0);
  const varying: number[] = [];
  for (let p = 0; p < paramCount; p++) if ((checked[p] as CheckedGrid<never>).columns !== 1) varying.push(p);
  const varyingCount = varying.length;
  const varyingCells: Scalar[][] = new Array<Scalar[]>(varyingCount);
  const out: (number | CalcError)[][] = new Array<(number | CalcError)[]>(rows);
  let errorCount = 0;
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < paramCount; p++) {
      const arg = checked[p] as CheckedGrid<never>;
      const cells = (arg.rows === 1 ? arg.cells[0] : arg.cells[r]) as Scalar[];
      if (arg.columns === 1) values[p] = cells[0] as Scalar;
    }
    for (let k = 0; k < varyingCount; k++) {
      const arg = checked[varying[k] as number] as CheckedGrid<never>;
      varyingCells[k] = (arg.rows === 1 ? arg.cells[0] : arg.cells[r]) as Scalar[];
    }
    const outRow: (number | CalcError)[] = new Array<number | CalcError>(columns);
    if (varyingCount === 1 && paramCount <= 6) {
      // The common sensitivity table: one argument varies along the row. A loop per arity keeps the
      // constant arguments in locals, so the inner loop is one load, one call and one store.
      const cells = varyingCells[0] as Scalar[];
      errorCount += fillRow(fn, compute, values, varying[0] as number, paramCount, cells, outRow, columns);
    } else {
      for (let c = 0; c < columns; c++) {
        for (let k = 0; k < varyingCount; k++) values[varying[k] as number] = (varyingCells[k] as Scalar[])[c] as Scalar;
        const value = callWithArguments(compute, values, paramCount);
        if (typeof value === "number" && value - value === 0) {
          outRow[c] = value === 0 ? 0 : value;
        } else {
          outRow[c] = finish(fn, value);
          if (typeof outRow[c] !== "number") errorCount++;
        }
      }
    }
    out[r] = outRow;
  }
  return { rows, columns, cells: out, errorCount };
}

/**
 * Evaluates a function over ranges with Excel's array broadcasting: arguments of
 * 1×1, 1×N, M×1 or M×N give an M×N result (M and N the largest sizes given). An
 * argument whose size is neither 1 nor the result's leaves the cells it cannot
 * fill as `#N/A`, as Excel's own arithmetic does. Each argument cell is checked
 * once, not once per result cell, and only cells with a fault become errors.
 * Repeated text is checked, and for a function with a text parameter computed,
 * once per distinct value: every cell with the same bad text shares one error.
 */
export function evaluateGrid<E extends object = never>(
  fn: CalcFunction,
  args: readonly GridArgument[],
  isForeignError?: ForeignErrorTest<E>,
): GridResult<E> {
  if (args.length > fn.params.length) {
    const error = calcError("value", "", messages.tooManyArguments(fn.id, fn.params.length, args.length));
    return { rows: 1, columns: 1, cells: [[error]], errorCount: 1 };
  }
  const paramCount = fn.params.length;
  const checked: CheckedGrid<E>[] = [];
  let rows = 1;
  let columns = 1;
  let allValues = true; // every argument cell a number or text, nothing omitted, no ragged range
  for (let p = 0; p < paramCount; p++) {
    const grid = asGrid(args[p]);
    const check = checkerFor(fn.params[p] as ParamSpec);
    const cells = grid.map((row) =>
      row.map((raw): Checked | E => {
        const cell = isForeignError?.(raw) ? raw : check(raw);
        if (typeof cell !== "number" && typeof cell !== "string") allValues = false;
        return cell;
      }),
    );
    let gridColumns = 0; // a loop, not Math.max(...): a full-height column would overflow the call stack
    for (const row of grid) if (row.length > gridColumns) gridColumns = row.length;
    for (const row of grid) if (row.length !== gridColumns) allValues = false; // ragged: some cells are #N/A
    checked.push({ rows: grid.length, columns: gridColumns, cells });
    if (grid.length > rows) rows = grid.length;
    if (gridColumns > columns) columns = gridColumns;
  }

  const fills = (arg: CheckedGrid<E>) =>
    (arg.rows === 1 || arg.rows === rows) && (arg.columns === 1 || arg.columns === columns);
  if (allValues && checked.every(fills)) {
    return evaluateFilled(fn, checked as CheckedGrid<never>[], rows, columns) as GridResult<E>;
  }

  // Per parameter: the row of its checked cells that serves the current result row (undefined when it has
  // none), whether it repeats across columns, and the #N/A it gives where it cannot fill a cell.
  const rowCells: ((Checked | E)[] | undefined)[] = new Array<(Checked | E)[] | undefined>(paramCount);
  const columnStep: number[] = checked.map((arg) => (arg.columns === 1 ? 0 : 1));
  const outside: (CalcError | undefined)[] = new Array<CalcError | undefined>(paramCount);
  const outsideError = (p: number): CalcError => {
    let error = outside[p];
    if (error === undefined) {
      const arg = checked[p] as CheckedGrid<E>;
      const name = (fn.params[p] as ParamSpec).name;
      error = calcError("na", name, messages.outsideArgument(name, arg.rows, arg.columns));
      outside[p] = error;
    }
    return error;
  };

  const compute = rememberingCompute(fn);
  const values: Scalar[] = new Array<Scalar>(paramCount).fill(0);
  const pending: number[] = [];
  const out: (number | CalcError | E)[][] = new Array<(number | CalcError | E)[]>(rows);
  let errorCount = 0;
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < paramCount; p++) {
      const arg = checked[p] as CheckedGrid<E>;
      rowCells[p] = arg.rows === 1 ? arg.cells[0] : r < arg.rows ? arg.cells[r] : undefined;
    }
    const outRow: (number | CalcError | E)[] = new Array<number | CalcError | E>(columns);
    for (let c = 0; c < columns; c++) {
      let error: CalcError | E | undefined;
      let pendingCount = 0;
      for (let p = 0; p < paramCount; p++) {
        const cells = rowCells[p];
        const cell = cells === undefined ? undefined : cells[c * (columnStep[p] as number)];
        if (typeof cell === "number" || typeof cell === "string") {
          values[p] = cell;
        } else if (cell === undefined) {
          error = outsideError(p);
          break;
        } else if (cell === OMITTED) {
          pending[pendingCount++] = p;
          values[p] = 0;
        } else {
          error = cell;
          break;
        }
      }
      let result: number | CalcError | E;
      if (error !== undefined) {
        result = error;
      } else {
        for (let i = 0; i < pendingCount; i++) {
          const p = pending[i] as number;
          values[p] = resolveOmitted(fn, values, p);
        }
        const value = callWithArguments(compute, values, paramCount);
        result = typeof value === "number" && value - value === 0 ? (value === 0 ? 0 : value) : finish(fn, value);
      }
      if (typeof result !== "number") errorCount++;
      outRow[c] = result;
    }
    out[r] = outRow;
  }
  return { rows, columns, cells: out, errorCount };
}
