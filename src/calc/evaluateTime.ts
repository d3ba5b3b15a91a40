import { checkCell, type ForeignErrorTest, type GridArgument, type GridResult } from "./evaluate";
import { messages } from "./messages";
import { calcError, isCalcError, type CalcError } from "./result";
import type { ParamSpec, Scalar } from "./spec";
import type { RowFunction, SeriesFunction, SeriesParamSpec, TimeFunction } from "./timeSpec";

/**
 * How the time functions read ranges, shared by every edge.
 *
 * Row functions (GPU_CASH_FLOWS, SAVINGS_CASH_FLOWS, TOKEN_COST_CASH_FLOWS,
 * DEPRECIATION) give one row over years per scenario. Each argument is one
 * value or a list of scenario values: a column (or a row) of K values gives K
 * result rows, the i-th from the i-th value; a single value serves every row.
 * Lists of different lengths leave the rows a shorter list cannot serve `#N/A`,
 * as Excel's arithmetic does; a block of several rows and columns is `#VALUE!`.
 * Every row is as wide as the largest `years` given (plus the start cell); a
 * scenario with fewer years is `#N/A` past its last year. A fault in a
 * scenario's arguments makes its whole row that error; other rows are unharmed.
 *
 * Series functions (PRESENT_VALUE, PAYBACK, ROI) read each series argument as
 * one series when it is one row or one column, and as one series per row when
 * it has several rows and several columns (a block of scenario rows). The
 * series then count as a column, which broadcasts with the number arguments
 * like Excel's arithmetic: a single rate gives one result per series, a row of
 * rates a table (series down, rates across), a column of rates one rate per
 * series. Inside a series a blank is a year with no cash (0), text or a boolean
 * is `#VALUE!`, and an error value from the sheet is passed through.
 */

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "";
}

/** An argument as rows of cells: a scalar is 1×1, a 1-D array one row, an empty array one blank. */
function asRows(arg: GridArgument): readonly (readonly unknown[])[] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    if (Array.isArray(arg[0])) {
      const rows = arg as unknown[][];
      return rows[0]?.length === 0 && rows.length === 1 ? [[null]] : rows;
    }
    return [arg as unknown[]];
  }
  return [[arg]];
}

interface Size {
  readonly rows: number;
  readonly columns: number;
}

function sizeOfRows(rows: readonly (readonly unknown[])[]): Size {
  let columns = 0; // a loop, not Math.max(...): a full-height column would overflow the call stack
  for (const row of rows) if (row.length > columns) columns = row.length;
  return { rows: rows.length, columns: Math.max(columns, 1) };
}

/** A list of K values: a row or column of K cells, or one value. Anything else is not a list. */
function isList(size: Size): boolean {
  return size.rows === 1 || size.columns === 1;
}

function listLength(size: Size): number {
  return isList(size) ? size.rows * size.columns : 1;
}

/** The cells of a list in order: a row's cells, or a column's first cells (a missing one blank). */
function listCells(rows: readonly (readonly unknown[])[]): readonly unknown[] {
  return rows.length === 1 ? (rows[0] as readonly unknown[]) : rows.map((row) => row[0]);
}

type Cell<E> = Scalar | CalcError | E;

function checkOrPass<E extends object>(param: ParamSpec, raw: unknown, isForeignError?: ForeignErrorTest<E>): Cell<E> {
  return isForeignError?.(raw) ? raw : checkCell(param, raw);
}

function isValue<E>(cell: Cell<E>): cell is Scalar {
  return typeof cell === "number" || typeof cell === "string";
}

function finiteRow(fn: RowFunction, row: readonly number[]): number[] | CalcError {
  const out: number[] = new Array<number>(row.length);
  for (let i = 0; i < row.length; i++) {
    const value = row[i] as number;
    if (!Number.isFinite(value)) return calcError("num", "", messages.resultNotFinite(fn.id));
    out[i] = value === 0 ? 0 : value;
  }
  return out;
}

function tooManyArguments<E extends object>(fn: TimeFunction, count: number): GridResult<E> {
  const error = calcError("value", "", messages.tooManyArguments(fn.id, fn.params.length, count));
  return { rows: 1, columns: 1, cells: [[error]], errorCount: 1 };
}

/** The width of a row function's result for a `years` value that passed validation. */
function rowWidth(fn: RowFunction, years: number): number {
  return years + (fn.startCell ? 1 : 0);
}

/** Evaluates a row function over the arguments a spreadsheet passed: one result row per scenario. */
export function evaluateRows<E extends object = never>(
  fn: RowFunction,
  args: readonly GridArgument[],
  isForeignError?: ForeignErrorTest<E>,
): GridResult<E> {
  if (args.length > fn.params.length) return tooManyArguments(fn, args.length);
  const lists = fn.params.map((param, p) => {
    const raw = args[p];
    if (raw === null || raw === undefined) return { size: { rows: 1, columns: 1 }, cells: [checkOrPass(param, null)] };
    const rows = asRows(raw);
    const size = sizeOfRows(rows);
    if (!isList(size)) {
      return {
        size,
        cells: [calcError("value", param.name, messages.notScenarioList(param.name, size.rows, size.columns))],
      };
    }
    return { size, cells: listCells(rows).map((cell) => checkOrPass(param, cell, isForeignError)) };
  });
  let scenarios = 1;
  for (const list of lists) if (list.cells.length > scenarios) scenarios = list.cells.length;
  const yearsIndex = fn.params.findIndex((param) => param.name === "years");

  const rowsIn: { values: Scalar[] | undefined; error: CalcError | E | undefined; years: number | undefined }[] = [];
  let columns = 1;
  for (let r = 0; r < scenarios; r++) {
    const values: Scalar[] = [];
    let error: CalcError | E | undefined;
    let years: number | undefined;
    lists.forEach((list, p) => {
      const param = fn.params[p] as ParamSpec;
      const cell =
        list.cells.length === 1
          ? list.cells[0]
          : r < list.cells.length
            ? list.cells[r]
            : calcError("na", param.name, messages.outsideArgument(param.name, list.size.rows, list.size.columns));
      if (cell !== undefined && isValue(cell)) {
        values.push(cell);
        if (p === yearsIndex && typeof cell === "number") years = cell;
      } else if (error === undefined) {
        error = cell as CalcError | E;
      }
    });
    if (years !== undefined) columns = Math.max(columns, rowWidth(fn, years));
    rowsIn.push({ values: error === undefined ? values : undefined, error, years });
  }

  let errorCount = 0;
  const cells = rowsIn.map(({ values, error, years }) => {
    let result: readonly number[] | CalcError | E;
    if (values === undefined) {
      result = error as CalcError | E;
    } else {
      const computed = (fn.compute as (...a: Scalar[]) => readonly number[] | CalcError)(...values);
      result = isCalcError(computed) ? computed : finiteRow(fn, computed);
    }
    const out: (number | CalcError | E)[] = new Array<number | CalcError | E>(columns);
    if (Array.isArray(result)) {
      const row = result as readonly number[];
      const past = calcError("na", "years", messages.shorterRow(years ?? 0));
      for (let c = 0; c < columns; c++) out[c] = c < row.length ? (row[c] as number) : past;
      errorCount += columns - row.length;
    } else {
      out.fill(result as CalcError | E);
      errorCount += columns;
    }
    return out;
  });
  return { rows: scenarios, columns, cells, errorCount };
}

/** One series checked: its numbers, or the first fault in it. */
function checkSeries<E extends object>(
  param: SeriesParamSpec,
  cells: readonly unknown[],
  isForeignError?: ForeignErrorTest<E>,
): number[] | CalcError | E {
  const out: number[] = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i];
    if (isForeignError?.(raw)) return raw;
    if (isBlank(raw)) {
      out[i] = 0;
    } else if (typeof raw !== "number") {
      return calcError("value", param.name, messages.notANumber(param.name, raw));
    } else if (!Number.isFinite(raw)) {
      return calcError("num", param.name, messages.notFinite(param.name, raw));
    } else {
      out[i] = raw === 0 ? 0 : raw;
    }
  }
  return out;
}

type SeriesCell<E> = number[] | Scalar | CalcError | E;

interface CheckedArgument<E> {
  /** The size the argument counts as in the broadcast: series count × 1 for a series. */
  readonly rows: number;
  readonly columns: number;
  /** The size of the range as given, for messages. */
  readonly given: Size;
  readonly cells: SeriesCell<E>[][];
}

/** The series in one range: one for a row or column, one per row for a block. */
function seriesOf(rows: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  const size = sizeOfRows(rows);
  return isList(size) ? [listCells(rows)] : rows.slice();
}

/** Evaluates a series function: one number per series (and per rate), broadcast like Excel's arithmetic. */
export function evaluateSeries<E extends object = never>(
  fn: SeriesFunction,
  args: readonly GridArgument[],
  isForeignError?: ForeignErrorTest<E>,
): GridResult<E> {
  if (args.length > fn.params.length) return tooManyArguments(fn, args.length);
  let rows = 1;
  let columns = 1;
  const checked: CheckedArgument<E>[] = fn.params.map((param, p) => {
    const raw = args[p];
    let argument: CheckedArgument<E>;
    if (param.type === "series") {
      // A blank argument is one blank cell, a year with no cash, as a one-cell range holding a blank is:
      // a spreadsheet passes both the same way.
      const grid = asRows(raw);
      const series = seriesOf(grid);
      argument = {
        rows: series.length,
        columns: 1,
        given: sizeOfRows(grid),
        cells: series.map((cells) => [checkSeries(param, cells, isForeignError)]),
      };
    } else {
      const grid = raw === null || raw === undefined ? [[null]] : asRows(raw);
      const size = sizeOfRows(grid);
      argument = {
        ...size,
        given: size,
        cells: grid.map((row) => row.map((cell) => checkOrPass(param, cell, isForeignError))),
      };
    }
    rows = Math.max(rows, argument.rows);
    columns = Math.max(columns, argument.columns);
    return argument;
  });

  const compute = fn.compute as (...a: (number[] | Scalar)[]) => number | CalcError;
  let errorCount = 0;
  const cells: (number | CalcError | E)[][] = [];
  for (let r = 0; r < rows; r++) {
    const out: (number | CalcError | E)[] = [];
    for (let c = 0; c < columns; c++) {
      const values: (number[] | Scalar)[] = [];
      let error: CalcError | E | undefined;
      for (let p = 0; p < checked.length && error === undefined; p++) {
        const arg = checked[p] as CheckedArgument<E>;
        const row = arg.rows === 1 ? 0 : r;
        const column = arg.columns === 1 ? 0 : c;
        const cell = arg.cells[row]?.[column];
        if (cell === undefined) {
          const name = (fn.params[p] as SeriesParamSpec | ParamSpec).name;
          error = calcError("na", name, messages.outsideArgument(name, arg.given.rows, arg.given.columns));
        } else if (Array.isArray(cell) || typeof cell === "number" || typeof cell === "string") {
          values.push(cell);
        } else {
          error = cell;
        }
      }
      let result: number | CalcError | E;
      if (error !== undefined) {
        result = error;
      } else {
        const value = compute(...values);
        result =
          isCalcError(value) || Number.isFinite(value)
            ? value === 0
              ? 0
              : value
            : calcError("num", "", messages.resultNotFinite(fn.id));
      }
      if (typeof result !== "number") errorCount++;
      out.push(result);
    }
    cells.push(out);
  }
  return { rows, columns, cells, errorCount };
}

/** Evaluates any time function over the arguments a spreadsheet passed. */
export function evaluateTime<E extends object = never>(
  fn: TimeFunction,
  args: readonly GridArgument[],
  isForeignError?: ForeignErrorTest<E>,
): GridResult<E> {
  return fn.shape === "row" ? evaluateRows(fn, args, isForeignError) : evaluateSeries(fn, args, isForeignError);
}

/**
 * The size of a time function's result from the sizes of its arguments alone,
 * for an engine that must know it before evaluating (HyperFormula). A row
 * function's width depends on the value of `years`: pass it when the formula
 * holds it as a number, or undefined when it is not known, and the answer is
 * then undefined too.
 */
export function timeResultSize(
  fn: TimeFunction,
  argSizes: readonly (Size | undefined)[],
  years?: unknown,
): Size | undefined {
  if (argSizes.length > fn.params.length) return { rows: 1, columns: 1 };
  if (fn.shape === "row") {
    let rows = 1;
    for (const size of argSizes) if (size !== undefined) rows = Math.max(rows, listLength(size));
    const param = fn.params.find((p) => p.name === "years") as ParamSpec;
    if (years === undefined) return undefined;
    const checked = checkCell(param, years);
    return { rows, columns: typeof checked === "number" ? rowWidth(fn, checked) : 1 };
  }
  let rows = 1;
  let columns = 1;
  fn.params.forEach((param, p) => {
    const size = argSizes[p];
    if (size === undefined) return;
    if (param.type === "series") {
      rows = Math.max(rows, isList(size) ? 1 : size.rows);
    } else {
      rows = Math.max(rows, size.rows);
      columns = Math.max(columns, size.columns);
    }
  });
  return { rows, columns };
}
