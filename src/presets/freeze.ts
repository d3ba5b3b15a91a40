/**
 * Freezing a model sheet for sharing: a copy that works without the add-in.
 * Every formula that uses an AICOST function becomes the value it shows now;
 * every other formula stays, since it keeps working once the AICOST cells it
 * refers to hold values. One pure function serves the Excel host, the preview
 * and the command line; each reads its sheet's cells, calls `freezeSheet` and
 * writes the cells it returns into the copy.
 *
 * Errors. An AICOST cell that shows an error keeps showing that error, so the
 * formulas that depend on it show what they showed before. Excel cannot take
 * an error as a constant through its API, so the frozen cell holds the error
 * literal as a formula, `=#NUM!`, which calls no function and needs no add-in
 * (Excel and HyperFormula read it; only #NULL! is unknown to HyperFormula, and
 * AICOST functions never return it). The message of a custom function's error
 * is lost, as it would be with any constant. An error that has no literal
 * (#SPILL!, #CALC!, #FIELD!, ...) is frozen as its code as text. A cell still
 * calculating (#BUSY!, #GETTING_DATA) cannot be frozen: the result says which,
 * and the host should wait for them and try again.
 */
import { functionNamespace } from "../calc/signatures";

/** A cell's value as the host reads it; an error as its code ("#NUM!") and, when the host has it, its message. */
export type SheetCellValue = number | string | boolean | null | { readonly error: string; readonly message?: string };

/** One cell of a sheet as the host reads it. */
export interface SheetCell {
  /** A1 address, e.g. "C7". */
  readonly address: string;
  /** The formula, starting with "=", when the cell holds one; absent for a constant. */
  readonly formula?: string;
  /** The value the cell shows now (for a formula, its result). */
  readonly value: SheetCellValue;
}

/** Where the sheet came from and when it is frozen; the date is a parameter so that tests can fix it. */
export interface FreezeOrigin {
  readonly presetId: string;
  readonly presetTitle: string;
  readonly frozenAt: Date;
}

export interface FrozenSheet {
  /**
   * The cells of the frozen copy, one per cell given and in the same order.
   * A cell without a formula is a constant: a writer puts a string in as
   * literal text, even one that starts with "=", "+", "-" or "@".
   */
  readonly cells: readonly SheetCell[];
  /** The line to put on the sheet, e.g. under the title. */
  readonly line: string;
  /** Addresses of the cells whose AICOST formulas were replaced, in the order given. */
  readonly frozen: readonly string[];
}

export type FreezeResult =
  | { readonly ok: true; readonly value: FrozenSheet }
  | { readonly ok: false; readonly error: { readonly message: string; readonly addresses: readonly string[] } };

/** Errors that a formula can write as a literal (ECMA-376 error constants). */
const errorLiterals: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);
/** Values that mean "not calculated yet". */
const pendingErrors: ReadonlySet<string> = new Set(["#BUSY!", "#GETTING_DATA"]);

const namespacePrefix = `${functionNamespace}.`;
/** The prefix that .xlsx files put before functions from add-ins that the writer did not know. */
const unknownFunctionPrefix = "_XLUDF.";

const identifierStart = /[A-Za-z_\\]/;
const identifierRun = /[A-Za-z0-9_.\\]*/y;
const numberRun = /[0-9A-Za-z_.]*/y;

function skipQuoted(formula: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) {
        i += 2; // a doubled quote stands for one
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}

function skipBrackets(formula: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === "'") i++; // inside a structured reference, ' escapes the next character
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/**
 * True when a formula uses an AICOST function: a name that starts with
 * "AICOST." in any case (also after the "_xludf." prefix of .xlsx files),
 * outside "text", 'sheet names' and [structured references].
 *
 * @example
 *   callsAicost("=ROUND(aicost.gpu_tco(A1, A2), 0)") //=> true
 *   callsAicost('="AICOST.GPU_TCO is a function"')    //=> false
 */
export function callsAicost(formula: string): boolean {
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      i = skipQuoted(formula, i, ch);
    } else if (ch === "[") {
      i = skipBrackets(formula, i);
    } else if (ch >= "0" && ch <= "9") {
      numberRun.lastIndex = i;
      i += (numberRun.exec(formula)?.[0] ?? "").length || 1;
    } else if (identifierStart.test(ch)) {
      identifierRun.lastIndex = i + 1;
      const name = ch + (identifierRun.exec(formula)?.[0] ?? "");
      let upper = name.toUpperCase();
      if (upper.startsWith(unknownFunctionPrefix)) upper = upper.slice(unknownFunctionPrefix.length);
      if (upper.startsWith(namespacePrefix)) return true;
      i += name.length;
    } else {
      i++;
    }
  }
  return false;
}

const twoDigits = (n: number): string => String(n).padStart(2, "0");

/** A moment as "YYYY-MM-DD HH:MM UTC". */
export function utcMinuteText(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())} ` +
    `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`
  );
}

/** The line a frozen sheet carries. */
export function frozenLine(origin: FreezeOrigin): string {
  return (
    `Values frozen on ${utcMinuteText(origin.frozenAt)} from preset ${origin.presetId} (${origin.presetTitle}); ` +
    `${functionNamespace} formulas replaced by their values.`
  );
}

/** The frozen form of an AICOST cell. */
function frozenCell(cell: SheetCell): SheetCell {
  const value = cell.value;
  if (typeof value === "object" && value !== null) {
    const code = value.error.toUpperCase();
    if (errorLiterals.has(code)) return { address: cell.address, formula: `=${code}`, value };
    return { address: cell.address, value: value.error };
  }
  return { address: cell.address, value };
}

/**
 * The cells of a sheet's frozen copy: each formula that uses an AICOST
 * function replaced by its current value (an error by its error literal, see
 * above), everything else as given. Fails, changing nothing, when the date is
 * invalid or an AICOST cell is still calculating.
 *
 * @example
 *   freezeSheet(
 *     [{ address: "C9", formula: "=AICOST.LABOR_SAVINGS(C5, C6)", value: 3.795e9 }, { address: "C10", formula: "=C9*2", value: 7.59e9 }],
 *     { presetId: "meta-2026", presetTitle: "Meta 2026", frozenAt: new Date(Date.UTC(2026, 3, 24, 9, 5)) },
 *   )
 *   //=> ok, cells [{ address: "C9", value: 3.795e9 }, { address: "C10", formula: "=C9*2", value: 7.59e9 }],
 *   //   line "Values frozen on 2026-04-24 09:05 UTC from preset meta-2026 (Meta 2026); AICOST formulas replaced by their values."
 */
export function freezeSheet(cells: readonly SheetCell[], origin: FreezeOrigin): FreezeResult {
  if (Number.isNaN(origin.frozenAt.getTime())) {
    return { ok: false, error: { message: "the time of freezing is not a valid date", addresses: [] } };
  }
  const pending: string[] = [];
  const frozen: string[] = [];
  const out = cells.map((cell): SheetCell => {
    if (cell.formula === undefined || !callsAicost(cell.formula)) return cell;
    const value = cell.value;
    if (typeof value === "object" && value !== null && pendingErrors.has(value.error.toUpperCase())) pending.push(cell.address);
    frozen.push(cell.address);
    return frozenCell(cell);
  });
  if (pending.length > 0) {
    const shown = pending.length > 10 ? `${pending.slice(0, 10).join(", ")} and ${pending.length - 10} more` : pending.join(", ");
    return {
      ok: false,
      error: { message: `these cells are still calculating: ${shown}; wait for them to finish, then freeze again`, addresses: pending },
    };
  }
  return { ok: true, value: { cells: out, line: frozenLine(origin), frozen } };
}
