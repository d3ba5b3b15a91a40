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
import { calcFunctions, evaluateGrid, functionNamespace, isCalcError, isOptional, type CalcError, type CalcFunction } from "../calc";

type Ast = Parameters<FunctionPlugin["evaluateAst" & keyof FunctionPlugin]>[0];

const errorTypeOfKind: Readonly<Record<CalcError["kind"], ErrorType>> = {
  value: ErrorType.VALUE,
  num: ErrorType.NUM,
  na: ErrorType.NA,
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

function methodName(fn: CalcFunction): string {
  return `aicost_${fn.id}`;
}

function sizeMethodName(fn: CalcFunction): string {
  return `aicostSize_${fn.id}`;
}

/** The HyperFormula name of a function: "AICOST.GPU_TCO". */
export function formulaName(fn: CalcFunction): string {
  return `${functionNamespace}.${fn.id}`;
}

export class AicostPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    calcFunctions.map((fn) => [
      formulaName(fn),
      {
        method: methodName(fn),
        sizeOfResultArrayMethod: sizeMethodName(fn),
        vectorizationForbidden: true,
        parameters: fn.params.map((param) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: isOptional(param) })),
      },
    ]),
  );

  /** Evaluates one AICOST call: a plain value for a 1×1 result, a spilled array otherwise. */
  protected evaluateAicost(fn: CalcFunction, ast: Ast, state: unknown): unknown {
    const plugin = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, impl: (...args: unknown[]) => unknown): unknown;
      metadata(name: string): unknown;
    };
    return plugin.runFunction((ast as { args: unknown }).args, state, plugin.metadata(formulaName(fn)), (...args) => {
      const result = evaluateGrid(fn, args.map(toPlainArgument), isCellError);
      const cells = result.cells.map((row) => row.map((cell) => (isCalcError(cell) ? toCellError(cell) : cell)));
      if (result.rows === 1 && result.columns === 1) return cells[0]?.[0];
      return SimpleRangeValue.onlyValues(cells as never);
    });
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
  enGB: Object.fromEntries(calcFunctions.map((fn) => [formulaName(fn), formulaName(fn)])),
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
  return HyperFormula.buildFromSheets(sheets, {
    licenseKey: hyperFormulaLicenseKey,
    useArrayArithmetic: true,
    evaluateNullToZero: true,
    smartRounding: false,
  });
}
