/*
 * The AICOST functions as a HyperFormula function plugin, calling the same calc
 * module as the Excel custom functions, with the same broadcasting and the same
 * errors. Used by the preview host, the command line and the tests.
 * HyperFormula is GPL-3.0 (licence key "gpl-v3"): this module must never be
 * imported by the bundle Excel loads (src/functions, src/taskpane).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import {
  calcFunctions,
  evaluateGrid,
  evaluateTime,
  functionNamespace,
  isCalcError,
  isOptional,
  messages,
  timeFunctions,
  timeResultSize,
  type CalcError,
  type CalcFunction,
  type GridResult,
  type TimeFunction,
} from "../calc";

type Ast = Parameters<FunctionPlugin["evaluateAst" & keyof FunctionPlugin]>[0];

const errorTypeOfKind: Readonly<Record<CalcError["kind"], ErrorType>> = {
  value: ErrorType.VALUE,
  num: ErrorType.NUM,
  na: ErrorType.NA,
  div0: ErrorType.DIV_BY_ZERO,
};

function toCellError(error: CalcError): CellError {
  return new CellError(errorTypeOfKind[error.kind], error.message);
}

function isCellError(raw: unknown): raw is CellError {
  return raw instanceof CellError;
}

/** HyperFormula's internal values to plain cell values: empty -> null, rich numbers -> numbers. */
function toPlain(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (typeof value === "object" && value !== null && !(value instanceof CellError) && "val" in value) {
    return (value as { val: number }).val;
  }
  return value;
}

function toPlainArgument(arg: unknown): unknown {
  if (arg instanceof SimpleRangeValue) return arg.data.map((row) => row.map(toPlain));
  return toPlain(arg);
}

type AnyFunction = CalcFunction | TimeFunction;

function methodName(fn: AnyFunction): string {
  return `aicost_${fn.id}`;
}

function sizeMethodName(fn: AnyFunction): string {
  return `aicostSize_${fn.id}`;
}

/** The HyperFormula name of a function: "AICOST.GPU_TCO". */
export function formulaName(fn: AnyFunction): string {
  return `${functionNamespace}.${fn.id}`;
}

const allFunctions: readonly AnyFunction[] = [...calcFunctions, ...timeFunctions];

/** A number typed into a formula (5, or -0.3 as a negated number), else undefined. */
function literalNumber(ast: unknown): number | undefined {
  const node = ast as { type?: string; value?: unknown; value_?: unknown; operator?: string };
  if (node.type === "NUMBER" && typeof node.value === "number") return node.value;
  if (node.type === "MINUS_UNARY_OP") {
    const inner = literalNumber(node.value);
    return inner === undefined ? undefined : -inner;
  }
  if (node.type === "PLUS_UNARY_OP") return literalNumber(node.value);
  return undefined;
}

function toResultValue<E extends object>(result: GridResult<E>): unknown {
  const cells = result.cells.map((row) => row.map((cell) => (isCalcError(cell) ? toCellError(cell) : cell)));
  if (result.rows === 1 && result.columns === 1) return cells[0]?.[0];
  return SimpleRangeValue.onlyValues(cells as never);
}

export class AicostPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    allFunctions.map((fn) => [
      formulaName(fn),
      {
        method: methodName(fn),
        sizeOfResultArrayMethod: sizeMethodName(fn),
        vectorizationForbidden: true,
        parameters: fn.params.map((param) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: param.type !== "series" && isOptional(param),
        })),
      },
    ]),
  );

  /** Evaluates one AICOST call: a plain value for a 1×1 result, a spilled array otherwise. */
  protected evaluateAicost(fn: CalcFunction, ast: Ast, state: unknown): unknown {
    const plugin = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, impl: (...args: unknown[]) => unknown): unknown;
      metadata(name: string): unknown;
    };
    return plugin.runFunction((ast as { args: unknown }).args, state, plugin.metadata(formulaName(fn)), (...args) =>
      toResultValue(evaluateGrid(fn, args.map(toPlainArgument), isCellError)),
    );
  }

  /**
   * Evaluates one time-function call. HyperFormula fixes a formula's spill size
   * before evaluating it, so a row function's `years` must be a number typed
   * into the formula; otherwise the call is #VALUE! with a message saying so.
   */
  protected evaluateAicostTime(fn: TimeFunction, ast: Ast, state: unknown): unknown {
    const plugin = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, impl: (...args: unknown[]) => unknown): unknown;
      metadata(name: string): unknown;
    };
    if (fn.shape === "row" && this.timeSize(fn, ast, state) === undefined) {
      // Text typed as years ("3") is text, as everywhere else; anything else is a reference the spill cannot be sized by.
      const yearsArgument = (ast as { args: unknown[] }).args[fn.params.findIndex((param) => param.name === "years")] as { type?: string; value?: unknown } | undefined;
      if (yearsArgument?.type === "STRING") return new CellError(ErrorType.VALUE, messages.notANumber("years", yearsArgument.value));
      return new CellError(ErrorType.VALUE, messages.yearsNotInFormula(formulaName(fn)));
    }
    return plugin.runFunction((ast as { args: unknown }).args, state, plugin.metadata(formulaName(fn)), (...args) =>
      toResultValue(evaluateTime(fn, args.map(toPlainArgument), isCellError)),
    );
  }

  private timeSize(fn: TimeFunction, ast: Ast, state: unknown): { rows: number; columns: number } | undefined {
    const plugin = this as unknown as { arraySizeForAst(ast: unknown, state: unknown): ArraySize };
    const args = (ast as { args: unknown[] }).args;
    const sizes = args.map((arg) => {
      if ((arg as { type?: string }).type === "EMPTY") return undefined;
      const size = plugin.arraySizeForAst(arg, state);
      return { rows: size.height, columns: size.width };
    });
    const yearsIndex = fn.params.findIndex((param) => param.name === "years");
    const years = yearsIndex < 0 ? undefined : literalNumber(args[yearsIndex]);
    return timeResultSize(fn, sizes, years);
  }

  /** The spill size of a time function: scenario rows by years, or series by rates. */
  protected sizeOfAicostTime(fn: TimeFunction, ast: Ast, state: unknown): ArraySize {
    const size = this.timeSize(fn, ast, state);
    if (size === undefined || (size.rows === 1 && size.columns === 1)) return ArraySize.scalar();
    return new ArraySize(size.columns, size.rows);
  }

  /** The spill size: the largest height and width among the arguments. */
  protected sizeOfAicost(ast: Ast, state: unknown): ArraySize {
    const plugin = this as unknown as { arraySizeForAst(ast: unknown, state: unknown): ArraySize };
    const args = (ast as { args: unknown[] }).args;
    let width = 1;
    let height = 1;
    for (const arg of args) {
      const size = plugin.arraySizeForAst(arg, state);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    }
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

for (const fn of timeFunctions) {
  Object.defineProperty(AicostPlugin.prototype, methodName(fn), {
    value(this: AicostPlugin, ast: Ast, state: unknown) {
      return this.evaluateAicostTime(fn, ast, state);
    },
  });
  Object.defineProperty(AicostPlugin.prototype, sizeMethodName(fn), {
    value(this: AicostPlugin, ast: Ast, state: unknown) {
      return this.sizeOfAicostTime(fn, ast, state);
    },
  });
}

for (const fn of calcFunctions) {
  Object.defineProperty(AicostPlugin.prototype, methodName(fn), {
    value(this: AicostPlugin, ast: Ast, state: unknown) {
      return this.evaluateAicost(fn, ast, state);
    },
  });
  Object.defineProperty(AicostPlugin.prototype, sizeMethodName(fn), {
    value(this: AicostPlugin, ast: Ast, state: unknown) {
      return this.sizeOfAicost(ast, state);
    },
  });
}

/** Function names for the language packs, identical in every language. */
export const aicostTranslations = {
  enGB: Object.fromEntries(allFunctions.map((fn) => [formulaName(fn), formulaName(fn)])),
};

let registered = false;

/** Registers the AICOST plugin with HyperFormula once per realm. */
export function registerAicostPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(AicostPlugin, aicostTranslations);
  registered = true;
}

/** The licence HyperFormula runs under here (GPL-3.0). */
export const hyperFormulaLicenseKey = "gpl-v3";

/** A HyperFormula instance with the AICOST functions, configured like Excel. */
export function createAicostEngine(sheets: Record<string, (string | number | boolean | null)[][]> = {}): HyperFormula {
  registerAicostPlugin();
  return HyperFormula.buildFromSheets(
    sheets,
    {
      licenseKey: hyperFormulaLicenseKey,
      useArrayArithmetic: true,
      evaluateNullToZero: true,
      smartRounding: false,
    },
    booleanNames,
  );
}

/**
 * HyperFormula knows the functions TRUE() and FALSE() but not Excel's bare
 * TRUE and FALSE in a formula (`=IF(A1>0,TRUE,FALSE)` would be #NAME?): two
 * workbook names stand for them.
 */
const booleanNames = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];
