import { evaluateGrid, type CalcError, type CalcErrorKind, type CalcFunction, type GridArgument } from "../calc";

/**
 * The one place where model errors become Excel errors. `#VALUE!` and `#N/A`
 * carry their message into Excel; `#NUM!` cannot show one (Excel's rule), so its
 * message reaches users through the command line and the task pane instead.
 */
function excelErrorCode(kind: CalcErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

export function toExcelError(error: CalcError): CustomFunctions.Error {
  const code = excelErrorCode(error.kind);
  return error.kind === "num" ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, error.message);
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
  const result = evaluateGrid(fn, args);
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
