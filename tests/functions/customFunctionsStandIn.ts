/*
 * A stand-in for the CustomFunctions global that Excel's runtime provides, for
 * running src/functions in Node: the Error class keeps its code and message, the
 * error codes are Excel's, and associate records the id -> function pairs.
 */

export class StandInError {
  readonly type = "CustomFunctionError";
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const standInErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export interface CustomFunctionsStandIn {
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  /** Puts back whatever CustomFunctions was before. */
  restore(): void;
}

/** Installs the stand-in on globalThis.CustomFunctions. */
export function installCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const global = globalThis as unknown as { CustomFunctions?: unknown };
  const had = "CustomFunctions" in global;
  const previous = global.CustomFunctions;
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  global.CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      associated.set(id, fn);
    },
    Error: StandInError,
    ErrorCode: standInErrorCode,
  };
  return {
    associated,
    restore() {
      if (had) global.CustomFunctions = previous;
      else delete global.CustomFunctions;
    },
  };
}
