/*
 * Error messages a finance reader can use, in Excel's words: a formula that
 * cannot be read says "There's a problem with this formula" and what is wrong
 * in plain words (not the parser's "Expecting token of type --> RParen <--"),
 * and #DIV/0! says what divided by zero. Pure: the workbook asks the engine for
 * the divisor's value.
 */

/** Excel's opening words for a formula it cannot read. */
export const formulaProblemIntro = "There's a problem with this formula";

/** What is wrong with a formula, in plain words, from HyperFormula's parsing error; `formula` is the text typed. */
export function formulaSyntaxMessage(parserMessage: string, formula: string): string {
  const body = formula.replace(/^=/, "");
  const opened = countOutsideStrings(body, "(");
  const closed = countOutsideStrings(body, ")");
  const quotes = countQuotes(body);
  let what: string;
  const unexpected = /unexpected character: ->(.)<-/.exec(parserMessage);
  const redundant = /Redundant input, expecting EOF but found: (.*)$/m.exec(parserMessage);
  const found = /but found:? (?:--> )?'([^']*)'/.exec(parserMessage);
  if (quotes % 2 === 1) {
    what = 'a text in quotes has no closing quotation mark (")';
  } else if (/-->\s*RParen\s*<--/.test(parserMessage) && found?.[1] === ";") {
    what = 'a semicolon (;) separates arguments where Excel (en-US) uses a comma: write =SUM(1, 2)';
  } else if (/-->\s*RParen\s*<--/.test(parserMessage) || opened > closed) {
    const missing = opened - closed;
    what = missing > 1 ? `${missing} closing parentheses ")" are missing` : 'a closing parenthesis ")" is missing';
  } else if (redundant !== null && redundant[1]?.trim() === ")") {
    what = 'there is a closing parenthesis ")" without an opening one';
  } else if (redundant !== null) {
    what = `"${redundant[1]?.trim() ?? ""}" follows a complete formula: an operator (+, -, *, /) or a comma is missing before it`;
  } else if (unexpected !== null) {
    what = `the character "${unexpected[1] ?? ""}" cannot be used here`;
  } else if (/Expecting: one of these possible Token sequences/.test(parserMessage) && found !== null) {
    what = found[1] === "" ? "the formula ends where a number, a cell or a function is expected" : `"${found[1]}" is where a number, a cell or a function is expected`;
  } else {
    what = "it cannot be read";
  }
  return `${formulaProblemIntro}: ${what}.`;
}

function countOutsideStrings(text: string, character: string): number {
  let count = 0;
  let inString = false;
  for (const c of text) {
    if (c === '"') inString = !inString;
    else if (!inString && c === character) count++;
  }
  return count;
}

function countQuotes(text: string): number {
  return [...text].filter((c) => c === '"').length;
}

const referencePattern = /^(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;
const numberPattern = /^\d+(?:\.\d*)?(?:[eE][+-]?\d+)?%?/;
const namePattern = /^[A-Za-z_][\w.]*/;

/** The operand at the start of `text`: a parenthesized group, a function call, a reference, a number or a name. */
function operandAt(text: string): string | undefined {
  const trimmed = text.replace(/^\s+/, "");
  const sign = /^[-+]*/.exec(trimmed)?.[0] ?? "";
  const rest = trimmed.slice(sign.length);
  const closeFrom = (start: number): number | undefined => {
    let depth = 0;
    let inString = false;
    for (let i = start; i < rest.length; i++) {
      const c = rest[i];
      if (c === '"') inString = !inString;
      else if (inString) continue;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return i + 1;
    }
    return undefined;
  };
  if (rest.startsWith("(")) {
    const end = closeFrom(0);
    return end === undefined ? undefined : sign + rest.slice(0, end);
  }
  const reference = referencePattern.exec(rest)?.[0];
  const name = namePattern.exec(rest)?.[0];
  if (name !== undefined && rest.slice(name.length).startsWith("(")) {
    const end = closeFrom(name.length);
    return end === undefined ? undefined : sign + rest.slice(0, end);
  }
  const operand = reference ?? numberPattern.exec(rest)?.[0] ?? name;
  return operand === undefined ? undefined : sign + operand;
}

/** The divisors of a formula's "/" operators, as written ("B7", "(B7-B8)", "SUM(C1:C3)"); text in quotes is skipped. */
export function divisorsOf(formula: string): string[] {
  const divisors: string[] = [];
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"') inString = !inString;
    else if (!inString && c === "/") {
      const operand = operandAt(formula.slice(i + 1));
      if (operand !== undefined) divisors.push(operand);
    }
  }
  return divisors;
}

/** The cell and range references of a formula, as written; text in quotes is skipped. */
export function referencesOf(formula: string): string[] {
  const outside = formula.replace(/"[^"]*"/g, '""');
  const found: string[] = [];
  const pattern = /(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(])/g;
  for (const match of outside.matchAll(pattern)) {
    const before = outside[(match.index ?? 0) - 1];
    if (before === undefined || !/[\w.]/.test(before)) found.push(match[0]);
  }
  return found;
}

/** What a divisor was when it divided by zero. */
export type DivisorValue = { readonly kind: "zero" } | { readonly kind: "blank" } | { readonly kind: "divZero" } | { readonly kind: "other" };

/**
 * Says what divided by zero in a formula: the first divisor that is 0 or blank,
 * else a referenced cell that itself divides by zero, else the function that did:
 * `functionMessage`, the engine's own message (an AICOST function says why, such as
 * ROI over costs worth 0), or a general one when the function gave none.
 * `valueOf` evaluates a divisor or a reference in the formula's sheet.
 */
export function divisionByZeroMessage(formula: string, valueOf: (expression: string) => DivisorValue, functionMessage = ""): string {
  for (const divisor of divisorsOf(formula)) {
    const value = valueOf(divisor);
    if (value.kind === "zero" || value.kind === "blank") {
      if (/^[-+]*\d/.test(divisor) && numberPattern.exec(divisor.replace(/^[-+]*/, ""))?.[0] === divisor.replace(/^[-+]*/, "")) {
        return "Division by zero: the formula divides by 0.";
      }
      const isReference = referencePattern.exec(divisor)?.[0] === divisor;
      const what = isReference ? `the divisor ${divisor} is ${value.kind === "blank" ? "blank" : "0"}` : `the divisor ${divisor} is 0`;
      return `Division by zero: ${what}${isReference && value.kind === "blank" ? " (a blank cell counts as 0)" : ""}.`;
    }
  }
  for (const reference of referencesOf(formula)) {
    if (valueOf(reference).kind === "divZero") return `Division by zero: it comes from ${reference}, which this formula uses and which shows #DIV/0!.`;
  }
  if (functionMessage !== "") return functionMessage;
  return "Division by zero: a function in this formula divided by 0 (for example MOD with a divisor of 0, or AVERAGE of no numbers).";
}

/**
 * What IRR's #NUM! means, in the words of Excel's help: IRR found no rate,
 * because the cash flows do not change sign or because its search (from the
 * guess, 10% by default) does not reach the rate.
 */
export const irrNoRateMessage =
  "IRR found no rate: the cash flows need at least one negative and one positive value, or the guess is too far from the rate (give IRR a guess closer to it).";

/** The IRR calls of a formula, as written ("IRR(B2:B7, 0.1)"), in any case; MIRR, XIRR and text in quotes are skipped. */
export function irrCallsOf(formula: string): string[] {
  const calls: string[] = [];
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"') inString = !inString;
    else if (inString || !/^IRR\s*\(/i.test(formula.slice(i, i + 12)) || /[\w.!]/.test(formula[i - 1] ?? "")) continue;
    else {
      const call = operandAt(formula.slice(i));
      if (call !== undefined) calls.push(call);
    }
  }
  return calls;
}

/**
 * What a #NUM! that the engine gives without a message means: IRR's "no rate"
 * when an IRR call of the formula itself gives #NUM! (`isNumError` evaluates a
 * call in the formula's sheet), else undefined (the error comes from elsewhere).
 */
export function numErrorMessage(formula: string, isNumError: (expression: string) => boolean): string | undefined {
  return irrCallsOf(formula).some(isNumError) ? irrNoRateMessage : undefined;
}
