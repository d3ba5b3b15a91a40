import {
  evaluateGrid,
  evaluateTime,
  type CalcError,
  type CalcErrorKind,
  type CalcFunction,
  type GridArgument,
  type GridResult,
  type TimeFunction,
} from "../calc";

/**
 * The one place where model errors become Excel errors. `#VALUE!` and `#N/A`
 * carry their message into Excel; `#NUM!` and `#DIV/0!` cannot show one (Excel's
 * rule), so their message reaches users through the command line and the task pane instead.
 */
function excelErrorCode(kind: CalcErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    case "div0":
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

export function toExcelError(error: CalcError): CustomFunctions.Error {
  const code = excelErrorCode(error.kind);
  // Excel shows a message only with #VALUE! and #N/A.
  return error.kind === "value" || error.kind === "na"
    ? new CustomFunctions.Error(code, error.message)
    : new CustomFunctions.Error(code);
}

export type ExcelCell = number | CustomFunctions.Error;

/** At most this many distinct errors of one result share their Excel error (a bound on memory). */
const sharedErrorsMax = 65_536;

/**
 * Evaluates `fn` over the arguments Excel passed (scalars or 2-D ranges, null
 * for omitted optional arguments) and returns the 2-D result Excel spills; a
 * 1×1 result shows as a plain value.
 */
export function callForExcel(fn: CalcFunction, args: readonly GridArgument[]): ExcelCell[][] {
  return toExcelCells(evaluateGrid(fn, args));
}

/**
 * Evaluates a time function over the arguments Excel passed: a row over years
 * per scenario for the cash-flow and depreciation functions, a number per
 * series (and rate) for PRESENT_VALUE, PAYBACK and ROI.
 */
export function callTimeForExcel(fn: TimeFunction, args: readonly GridArgument[]): ExcelCell[][] {
  return toExcelCells(evaluateTime(fn, args));
}

function toExcelCells(result: GridResult): ExcelCell[][] {
  if (result.errorCount === 0) return result.cells as number[][];
  // The broadcast shares one error among the cells with the same fault: so do their Excel errors.
  const excelErrors = new Map<CalcError, CustomFunctions.Error>();
  const excelErrorOf = (error: CalcError): CustomFunctions.Error => {
    let excel = excelErrors.get(error);
    if (excel === undefined) {
      excel = toExcelError(error);
      if (excelErrors.size < sharedErrorsMax) excelErrors.set(error, excel);
    }
    return excel;
  };
  return result.cells.map((row) => row.map((cell) => (typeof cell === "number" ? cell : excelErrorOf(cell))));
}
