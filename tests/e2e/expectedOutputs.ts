/*
 * What each preset output should be, computed without a spreadsheet: the
 * output's formula (numbers, "text", keys, + - * / ^, AICOST calls) evaluated
 * here over the scenario's input values, each AICOST call going straight to the
 * calc module. The preview's grid (HyperFormula) is checked against this.
 */
import { calcFunctions, evaluateScalar, excelErrorCode, functionNamespace, isCalcError } from "../../src/calc";
import { tokenizeFormula, type Preset, type Scenario } from "../../src/presets";
import type { FormulaToken } from "../../src/presets/formula";

/** An error as a spreadsheet shows it: its code and the message behind it. */
export interface ExpectedError {
  readonly code: string;
  readonly message: string;
}

export type Expected = number | string | ExpectedError;

type Value = Expected;

export function isExpectedError(value: unknown): value is ExpectedError {
  return typeof value === "object" && value !== null && "code" in value;
}

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: readonly FormulaToken[],
    private readonly lookup: (key: string) => Value,
  ) {}

  private peek(): FormulaToken | undefined {
    return this.tokens[this.at];
  }

  private take(): FormulaToken {
    const token = this.tokens[this.at++];
    if (!token) throw new Error("the formula ends too early");
    return token;
  }

  parse(): Value {
    const value = this.sum();
    if (this.peek()) throw new Error(`unexpected ${this.peek()?.text}`);
    return value;
  }

  // Excel's precedence: + - below * /, below ^, below unary minus.
  private sum(): Value {
    let left = this.product();
    for (let t = this.peek(); t?.kind === "operator" && (t.text === "+" || t.text === "-"); t = this.peek()) {
      this.take();
      left = arithmetic(t.text, left, this.product());
    }
    return left;
  }

  private product(): Value {
    let left = this.power();
    for (let t = this.peek(); t?.kind === "operator" && (t.text === "*" || t.text === "/"); t = this.peek()) {
      this.take();
      left = arithmetic(t.text, left, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    for (let t = this.peek(); t?.kind === "operator" && t.text === "^"; t = this.peek()) {
      this.take();
      left = arithmetic("^", left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    const t = this.peek();
    if (t?.kind === "operator" && (t.text === "-" || t.text === "+")) {
      this.take();
      const operand = this.unary();
      return t.text === "-" ? arithmetic("*", -1, operand) : operand;
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.take();
    switch (t.kind) {
      case "number":
        return Number(t.text);
      case "string":
        return t.text.slice(1, -1).replace(/""/g, '"');
      case "key":
        return this.lookup(t.text);
      case "open": {
        const value = this.sum();
        if (this.take().kind !== "close") throw new Error("missing )");
        return value;
      }
      case "function": {
        if (this.take().kind !== "open") throw new Error("missing ( after a function name");
        const args: Value[] = [];
        if (this.peek()?.kind !== "close") {
          for (;;) {
            args.push(this.sum());
            if (this.peek()?.kind !== "comma") break;
            this.take();
          }
        }
        if (this.take().kind !== "close") throw new Error("missing )");
        const fn = calcFunctions.find((f) => `${functionNamespace}.${f.id}` === t.text.toUpperCase());
        if (!fn) throw new Error(`unknown function ${t.text}`);
        const error = args.find(isExpectedError);
        if (error) return error;
        const result = evaluateScalar(fn, args);
        return isCalcError(result) ? { code: excelErrorCode[result.kind], message: result.message } : result;
      }
      default:
        throw new Error(`unexpected ${t.text}`);
    }
  }
}

function arithmetic(operator: string, left: Value, right: Value): Value {
  if (isExpectedError(left)) return left;
  if (isExpectedError(right)) return right;
  if (typeof left !== "number" || typeof right !== "number") throw new Error("arithmetic on text");
  switch (operator) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return right === 0 ? { code: "#DIV/0!", message: "division by zero" } : left / right;
    default:
      return left ** right;
  }
}

/** Every output of a preset in one scenario, keyed by output key. Inputs without a low or high value repeat the base. */
export function expectedOutputs(preset: Preset, scenario: Scenario): Map<string, Expected> {
  const values = new Map<string, Value>();
  for (const input of preset.inputs) {
    values.set(input.key, scenario === "low" ? (input.low ?? input.base) : scenario === "high" ? (input.high ?? input.base) : input.base);
  }
  return evaluateOutputs(preset, values);
}

/** The outputs given input values (for checking a recalculation after an edit). */
export function evaluateOutputs(preset: Preset, inputs: ReadonlyMap<string, Value>): Map<string, Expected> {
  const values = new Map(inputs);
  const outputs = new Map<string, Expected>();
  for (const output of preset.outputs) {
    const tokenized = tokenizeFormula(output.formula);
    if (!tokenized.ok) throw new Error(`${preset.id}.${output.key}: ${tokenized.fault.message}`);
    const tokens = tokenized.tokens.filter((t) => t.kind !== "space");
    const value = new Parser(tokens, (key) => {
      const found = values.get(key);
      if (found === undefined) throw new Error(`${preset.id}.${output.key}: unknown key ${key}`);
      return found;
    }).parse();
    values.set(output.key, value);
    outputs.set(output.key, value);
  }
  return outputs;
}

/** How the grid's data-value shows an expected value: the number, the text, or the error code. */
export function expectedCellText(value: Expected): string {
  return isExpectedError(value) ? value.code : String(value);
}
