/**
 * The small formula language of preset outputs: numbers, "text", keys of inputs
 * and earlier outputs, AICOST function calls, parentheses and + - * / ^.
 * Formulas are tokenized and checked, never evaluated here: the planner swaps
 * each key for a cell address and the spreadsheet does the arithmetic.
 */
import { quoteCharacter } from "./quote";

export type FormulaToken =
  | { readonly kind: "space"; readonly text: string; readonly position: number }
  | {
      readonly kind: "number";
      readonly text: string;
      readonly position: number;
    }
  | {
      readonly kind: "string";
      readonly text: string;
      readonly position: number;
    }
  /** An identifier followed by "(": a function name such as AICOST.LABOR_SAVINGS. */
  | {
      readonly kind: "function";
      readonly text: string;
      readonly position: number;
    }
  /** Any other identifier: a key of an input or output. */
  | { readonly kind: "key"; readonly text: string; readonly position: number }
  | {
      readonly kind: "operator";
      readonly text: "+" | "-" | "*" | "/" | "^";
      readonly position: number;
    }
  | {
      readonly kind: "open" | "close" | "comma";
      readonly text: string;
      readonly position: number;
    };

/** A fault in a formula, with the 0-based character position it was found at. */
export interface FormulaFault {
  readonly position: number;
  readonly message: string;
}

export type TokenizeResult =
  { readonly ok: true; readonly tokens: readonly FormulaToken[] } | { readonly ok: false; readonly fault: FormulaFault };

const spacePattern = /[ \t]+/y;
const numberPattern = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const identifierPattern = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

function nextNonSpace(text: string, position: number): string | undefined {
  let i = position;
  while (text[i] === " " || text[i] === "\t") i++;
  return text[i];
}

/** Splits a formula into tokens; the tokens' texts joined give back the formula exactly. */
export function tokenizeFormula(formula: string): TokenizeResult {
  const tokens: FormulaToken[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    const space = matchAt(spacePattern, formula, i);
    if (space !== undefined) {
      tokens.push({ kind: "space", text: space, position: i });
      i += space.length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= formula.length)
          return {
            ok: false,
            fault: {
              position: i,
              message: 'text that opens with " is never closed',
            },
          };
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2; // "" is a quote inside text
            continue;
          }
          break;
        }
        j++;
      }
      tokens.push({
        kind: "string",
        text: formula.slice(i, j + 1),
        position: i,
      });
      i = j + 1;
      continue;
    }
    const number = matchAt(numberPattern, formula, i);
    if (number !== undefined) {
      tokens.push({ kind: "number", text: number, position: i });
      i += number.length;
      continue;
    }
    const identifier = matchAt(identifierPattern, formula, i);
    if (identifier !== undefined) {
      const kind = nextNonSpace(formula, i + identifier.length) === "(" ? "function" : "key";
      tokens.push({ kind, text: identifier, position: i });
      i += identifier.length;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "*" || ch === "/" || ch === "^") {
      tokens.push({ kind: "operator", text: ch, position: i });
    } else if (ch === "(") {
      tokens.push({ kind: "open", text: ch, position: i });
    } else if (ch === ")") {
      tokens.push({ kind: "close", text: ch, position: i });
    } else if (ch === ",") {
      tokens.push({ kind: "comma", text: ch, position: i });
    } else {
      return {
        ok: false,
        fault: {
          position: i,
          message: `unexpected character ${quoteCharacter(formula.slice(i))}`,
        },
      };
    }
    i++;
  }
  return { ok: true, tokens };
}

/** A function call found in a formula. */
export interface FormulaCall {
  readonly name: string;
  readonly argumentCount: number;
  readonly position: number;
}

/** What a well-formed formula refers to. */
export interface FormulaShape {
  /** Keys in order of first appearance. */
  readonly keys: readonly string[];
  readonly calls: readonly FormulaCall[];
}

/**
 * The deepest nesting a formula may have: each parenthesis, function call and
 * sign (+ or -) in front of a value is one level, so "-(-a)" is 3 deep. Excel
 * takes 64 levels of nested functions and HyperFormula about 120 parentheses
 * (fewer where the stack is smaller); presets need 3 or 4.
 */
export const formulaMaxNesting = 32;
/**
 * The most operators (+ - * / ^ between two values) a formula may have: the
 * evaluators recurse once per operator of a chain, and HyperFormula takes
 * about 1,300; presets need a handful.
 */
export const formulaMaxOperators = 200;

export type ParseFormulaResult = { readonly ok: true; readonly shape: FormulaShape } | { readonly ok: false; readonly fault: FormulaFault };

class FormulaSyntaxError extends Error {
  constructor(readonly fault: FormulaFault) {
    super(fault.message);
  }
}

function describeToken(token: FormulaToken | undefined): string {
  return token === undefined ? "the end of the formula" : JSON.stringify(token.text);
}

/**
 * Checks a formula's grammar:
 *   expression := unary (("+" | "-" | "*" | "/" | "^") unary)*
 *   unary      := ("+" | "-")* primary
 *   primary    := number | "text" | key | function "(" [expression ("," expression)*] ")" | "(" expression ")"
 * and lists the keys and calls it holds. A number must be finite, the nesting
 * at most `formulaMaxNesting` deep and the operators at most `formulaMaxOperators`.
 */
export function parseFormula(formula: string): ParseFormulaResult {
  if (formula.trim() === "")
    return {
      ok: false,
      fault: { position: 0, message: "the formula is blank" },
    };
  if (formula.trimStart().startsWith("=")) {
    return {
      ok: false,
      fault: {
        position: formula.indexOf("="),
        message: 'write the formula without a leading "="',
      },
    };
  }
  const tokenized = tokenizeFormula(formula);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens.filter((t) => t.kind !== "space");
  const keys: string[] = [];
  const calls: FormulaCall[] = [];
  let at = 0;
  let depth = 0;
  let operators = 0;

  const peek = (): FormulaToken | undefined => tokens[at];
  const fail = (message: string): never => {
    throw new FormulaSyntaxError({
      position: peek()?.position ?? formula.length,
      message,
    });
  };
  const expect = (kind: FormulaToken["kind"], what: string): void => {
    if (peek()?.kind !== kind) fail(`expected ${what}, found ${describeToken(peek())}`);
    at++;
  };

  /** Enters one level of nesting at the current token; refuses it beyond the limit, before recursing any deeper. */
  const nest = (): void => {
    depth++;
    if (depth > formulaMaxNesting) {
      fail(`is nested more than ${formulaMaxNesting} levels deep (each parenthesis, function call and sign in front of a value is a level)`);
    }
  };

  const primary = (): void => {
    const token = peek();
    if (token === undefined) return fail("the formula ends where a value is expected");
    switch (token.kind) {
      case "number":
        if (!Number.isFinite(Number(token.text))) {
          const shown = token.text.length > 24 ? `${token.text.slice(0, 24)}…` : token.text;
          fail(`the number ${shown} is too large to hold (beyond ±1.8e308); Excel shows #NUM! for it`);
        }
        at++;
        return;
      case "string":
        // Excel reads "" as a quote inside text; HyperFormula (the preview and the command line) cannot.
        if (token.text.slice(1, -1).includes('""')) fail('a quotation mark inside text ("") is not allowed: the preview and the command line cannot read it');
        at++;
        return;
      case "key":
        if (!keys.includes(token.text)) keys.push(token.text);
        at++;
        return;
      case "open":
        nest();
        at++;
        expression();
        expect("close", '")"');
        depth--;
        return;
      case "function": {
        nest();
        at++;
        expect("open", '"("');
        let argumentCount = 0;
        if (peek()?.kind !== "close") {
          expression();
          argumentCount = 1;
          while (peek()?.kind === "comma") {
            at++;
            expression();
            argumentCount++;
          }
        }
        expect("close", `")" to close ${token.text}(`);
        depth--;
        calls.push({
          name: token.text,
          argumentCount,
          position: token.position,
        });
        return;
      }
      default:
        return fail(`expected a value, found ${describeToken(token)}`);
    }
  };
  const unary = (): void => {
    const outer = depth;
    while (peek()?.kind === "operator" && (peek()?.text === "+" || peek()?.text === "-")) {
      nest();
      at++;
    }
    primary();
    depth = outer;
  };
  function expression(): void {
    unary();
    while (peek()?.kind === "operator") {
      operators++;
      if (operators > formulaMaxOperators) fail(`has more than ${formulaMaxOperators} operators (+ - * / ^); split it into several outputs`);
      at++;
      unary();
    }
  }

  try {
    expression();
    if (at < tokens.length) fail(`unexpected ${describeToken(peek())}`);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, fault: error.fault };
    throw error;
  }
  return { ok: true, shape: { keys, calls } };
}

/**
 * Replaces every key in a formula with the text `replace` gives it, leaving
 * function names, numbers and text literals as they are (a number's exponent
 * written with a lowercase "e", "1E+3" as "1e+3", which every engine reads). Throws on a formula
 * that does not tokenize (validated presets never hold one).
 */
export function replaceKeys(formula: string, replace: (key: string) => string): string {
  return keyTemplate(formula).fill(replace);
}

/** A formula read once and written many times with other cells for its keys (see replaceKeys). */
export interface KeyTemplate {
  /** Whether the formula calls a function. */
  readonly callsFunction: boolean;
  /** The formula with every key replaced by the text `replace` gives it, as replaceKeys writes it. */
  fill(replace: (key: string) => string): string;
}

/** Tokenizes `formula` once, for a planner that writes it in many cells. Throws as replaceKeys does. */
export function keyTemplate(formula: string): KeyTemplate {
  const tokenized = tokenizeFormula(formula);
  if (!tokenized.ok) throw new Error(`cannot read formula ${JSON.stringify(formula)}: ${tokenized.fault.message}`);
  const tokens = tokenized.tokens;
  return {
    callsFunction: tokens.some((token) => token.kind === "function"),
    // A number's exponent is written with a lowercase "e": Excel reads both, HyperFormula only that one.
    fill: (replace) => tokens.map((token) => (token.kind === "key" ? replace(token.text) : token.kind === "number" ? token.text.toLowerCase() : token.text)).join(""),
  };
}
