/* Shared helpers for the preset and plan tests. */
import type { Preset } from "../../src/presets";
import type { SheetScenario } from "../../src/presets/types";

/** A mutable deep copy of a preset as plain JSON, for building malformed variants. */
export function jsonCopy(preset: Preset): Record<string, unknown> & {
  inputs: Record<string, unknown>[];
  outputs: Record<string, unknown>[];
  sources: Record<string, unknown>[];
} {
  return JSON.parse(JSON.stringify(preset)) as never;
}

/** The value of every input in one scenario column: its low, high or reported value where given, else its base. */
export function inputValues(preset: Preset, scenario: SheetScenario): Record<string, number> {
  const given = { low: (i: Preset["inputs"][number]) => i.low, high: (i: Preset["inputs"][number]) => i.high, reported: (i: Preset["inputs"][number]) => i.reported?.value, base: () => undefined };
  return Object.fromEntries(preset.inputs.map((input) => [input.key, given[scenario](input) ?? input.base]));
}

/** A small valid preset built in the test, independent of the built-ins. */
export function tinyPreset(): Preset {
  return {
    version: 1,
    id: "tiny-test",
    title: "Tiny: a test preset",
    summary: "Two inputs and two outputs.",
    asOf: "2026-04-24",
    sources: [
      {
        id: "src-a",
        title: "Source A title",
        shortTitle: "Source A",
        publisher: "Publisher A",
        date: "2026-04",
        url: "https://example.com/a",
      },
    ],
    inputs: [
      { key: "headcount", label: "Headcount", unit: "employees", format: "count", base: 100, low: 80, high: 120, source: "src-a" },
      { key: "cost", label: "Cost per employee", unit: "USD per employee per year", format: "usd", base: 150_000, source: "src-a" },
    ],
    outputs: [
      {
        key: "savings",
        label: "Savings",
        unit: "USD per year",
        format: "usdMillions",
        formula: "AICOST.LABOR_SAVINGS(headcount, cost)",
        chart: true,
      },
      {
        key: "double_savings",
        label: "Twice the savings",
        unit: "USD per year",
        format: "usdMillions",
        formula: "savings * 2",
        chart: true,
      },
    ],
    notes: ["A note."],
  };
}

/**
 * A valid preset whose minified file (JSON on one line) is exactly `bytes`
 * bytes of ASCII, with the most inputs and outputs a file may list, so its
 * indented form is some 16 KB larger: what a user's minifier makes of a large
 * model.
 */
export function minifiedPresetFile(bytes: number, options: { readonly inputs?: number; readonly outputs?: number } = {}): string {
  const inputCount = options.inputs ?? 200;
  const outputCount = options.outputs ?? 200;
  const preset = tinyPreset();
  const inputs = Array.from({ length: inputCount }, (_, i) => ({
    key: `input_${i}`,
    label: `Input ${i}`,
    unit: "USD",
    format: "usd",
    base: 100 + i,
    low: 50,
    high: 1000,
    source: "src-a",
    note: "",
  }));
  const outputs = Array.from({ length: outputCount }, (_, i) => ({
    key: `output_${i}`,
    label: `Output ${i}`,
    unit: "USD",
    format: "usd",
    formula: `input_${i % inputCount} * 2`,
  }));
  // The padding goes into the inputs' notes, each at most 2,000 characters.
  const make = (padding: number): string =>
    JSON.stringify({
      ...preset,
      id: "large-minified",
      inputs: inputs.map((input, i) => ({ ...input, note: "x".repeat(Math.floor(padding / inputCount) + (i < padding % inputCount ? 1 : 0)) })),
      outputs,
    });
  const bare = make(inputCount);
  const text = make(inputCount + bytes - bare.length);
  if (text.length !== bytes) throw new Error(`cannot make a file of ${bytes} bytes`);
  return text;
}
