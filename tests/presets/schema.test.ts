import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { builtInPresets, parsePreset, validatePresets } from "../../src/presets";
import { builtInPresetData } from "../../src/presets/builtins";
import { presetJsonSchema, presetJsonSchemaText } from "../../src/presets/jsonSchema";
import { jsonCopy, tinyPreset } from "./helpers";

type Mutable = ReturnType<typeof jsonCopy>;

const meta = (): Mutable => {
  const preset = builtInPresets.find((p) => p.id === "meta-2026");
  if (preset === undefined) throw new Error("meta-2026 is missing");
  return jsonCopy(preset);
};

describe("parsePreset accepts", () => {
  it.each(builtInPresetData.map((p) => [p.id, p] as const))("the built-in %s", (_id, preset) => {
    const result = parsePreset(JSON.parse(JSON.stringify(preset)));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.value).toEqual(JSON.parse(JSON.stringify(preset)));
  });

  it("a small preset written in the test", () => {
    expect(parsePreset(tinyPreset()).ok).toBe(true);
  });
});

/** Each case: a change to a valid preset, the path expected, and a phrase the message must hold. */
const malformations: readonly { name: string; change: (p: Mutable) => void; path: string; phrase: string | RegExp }[] = [
  {
    name: "text where a number belongs",
    change: (p) => ((p.inputs[3] as Record<string, unknown>).base = "abc"),
    path: "inputs[3].base",
    phrase: 'expected a finite number, got "abc"',
  },
  {
    name: "an infinite number",
    change: (p) => ((p.inputs[0] as Record<string, unknown>).high = Infinity),
    path: "inputs[0].high",
    phrase: "expected a finite number, got Infinity",
  },
  { name: "an id that is not kebab-case", change: (p) => (p.id = "Meta_2026"), path: "id", phrase: "kebab-case" },
  {
    name: "a key that is not snake_case",
    change: (p) => ((p.inputs[1] as Record<string, unknown>).key = "CostPerEmployee"),
    path: "inputs[1].key",
    phrase: "snake_case",
  },
  { name: "another file version", change: (p) => (p.version = 2), path: "version", phrase: "got 2" },
  {
    name: "a missing field",
    change: (p) => delete (p.inputs[2] as Record<string, unknown>).label,
    path: "inputs[2].label",
    phrase: "is required",
  },
  {
    name: "an unknown field",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formla = "1"),
    path: "outputs[0].formla",
    phrase: "not a known field",
  },
  { name: "no inputs", change: (p) => (p.inputs = []), path: "inputs", phrase: "at least one input" },
  {
    name: "an unknown format",
    change: (p) => ((p.outputs[1] as Record<string, unknown>).format = "percent"),
    path: "outputs[1].format",
    phrase: '"percent"',
  },
  { name: "a date that is not ISO", change: (p) => (p.asOf = "April 2026"), path: "asOf", phrase: "ISO date" },
  {
    name: "a URL that is not http(s)",
    change: (p) => ((p.sources[0] as Record<string, unknown>).url = "ftp://example.com"),
    path: "sources[0].url",
    phrase: "URL",
  },
  { name: "a title on two lines", change: (p) => (p.title = "Meta\n2026"), path: "title", phrase: "one line" },
  {
    name: "a key used twice",
    change: (p) => ((p.outputs[2] as Record<string, unknown>).key = "jobs_cut"),
    path: "outputs[2].key",
    phrase: 'duplicate key "jobs_cut" (first used at inputs[0].key)',
  },
  {
    name: "a source id used twice",
    change: (p) => ((p.sources[1] as Record<string, unknown>).id = (p.sources[0] as Record<string, unknown>).id),
    path: "sources[1].id",
    phrase: "duplicate source id",
  },
  {
    name: "an unknown source",
    change: (p) => ((p.inputs[4] as Record<string, unknown>).source = "nowhere"),
    path: "inputs[4].source",
    phrase: 'unknown source "nowhere"',
  },
  {
    name: "low above base",
    change: (p) => ((p.inputs[2] as Record<string, unknown>).low = 70e9),
    path: "inputs[2].low",
    phrase: "must not exceed base",
  },
  {
    name: "high below base",
    change: (p) => ((p.inputs[2] as Record<string, unknown>).high = 1),
    path: "inputs[2].high",
    phrase: "must not be below base",
  },
  {
    name: "a formula with an unknown key",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "jobs * 2"),
    path: "outputs[0].formula",
    phrase: 'unknown key "jobs"',
  },
  {
    name: "a formula that refers to a later output",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "net_annual_effect + 1"),
    path: "outputs[0].formula",
    phrase: "defined later (outputs[2])",
  },
  {
    name: "a formula that refers to itself",
    change: (p) => ((p.outputs[1] as Record<string, unknown>).formula = "recurring_ai_cost * 2"),
    path: "outputs[1].formula",
    phrase: "its own key",
  },
  {
    name: "a formula that calls an unknown function",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "SUM(jobs_cut)"),
    path: "outputs[0].formula",
    phrase: 'unknown function "SUM"',
  },
  {
    name: "a formula with too few arguments",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "AICOST.LABOR_SAVINGS(jobs_cut)"),
    path: "outputs[0].formula",
    phrase: "takes 2 to 4 arguments, got 1",
  },
  {
    name: "a formula with a leading =",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "=jobs_cut"),
    path: "outputs[0].formula",
    phrase: 'without a leading "="',
  },
  {
    name: "a formula that ends early",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "jobs_cut *"),
    path: "outputs[0].formula",
    phrase: "ends where a value is expected",
  },
  {
    name: "a formula with a stray character",
    change: (p) => ((p.outputs[0] as Record<string, unknown>).formula = "jobs_cut % 2"),
    path: "outputs[0].formula",
    phrase: 'unexpected character "%"',
  },
  {
    name: "charted outputs that are not adjacent",
    change: (p) => ((p.outputs[4] as Record<string, unknown>).chart = true),
    path: "outputs[4].chart",
    phrase: "next to each other",
  },
];

describe("parsePreset rejects", () => {
  it("at least ten distinct malformations", () => {
    expect(new Set(malformations.map((m) => m.path + String(m.phrase))).size).toBeGreaterThanOrEqual(10);
  });

  it.each(malformations.map((m) => [m.name, m] as const))("%s, naming the path", (_name, { change, path, phrase }) => {
    const preset = meta();
    change(preset);
    const result = parsePreset(preset);
    if (result.ok) throw new Error("expected the preset to be rejected");
    const issue = result.issues.find((i) => i.path === path);
    if (issue === undefined) throw new Error(`no issue at ${path}; issues: ${result.issues.map((i) => i.message).join(" | ")}`);
    expect(issue.message.startsWith(`${path}: `)).toBe(true);
    if (typeof phrase === "string") expect(issue.message).toContain(phrase);
    else expect(issue.message).toMatch(phrase);
    expect(result.error).toEqual(result.issues[0]);
  });

  it("values that are not objects", () => {
    for (const value of [null, 42, "meta-2026", []]) {
      const result = parsePreset(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^preset: expected an object, got /);
    }
  });

  it("and reports every issue, not only the first", () => {
    const preset = meta();
    (preset.inputs[0] as Record<string, unknown>).base = "x";
    (preset.inputs[1] as Record<string, unknown>).base = "y";
    const result = parsePreset(preset);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["inputs[0].base", "inputs[1].base"]);
  });
});

describe("built-in validation at load", () => {
  it("throws with the preset id and the issue when a built-in is malformed", () => {
    const broken = meta();
    (broken.inputs[3] as Record<string, unknown>).base = "abc";
    expect(() => validatePresets([tinyPreset(), broken])).toThrow(
      /built-in preset "meta-2026" is malformed:\s+inputs\[3\]\.base: expected a finite number, got "abc"/,
    );
  });

  it("throws when two built-ins share an id", () => {
    expect(() => validatePresets([tinyPreset(), tinyPreset()])).toThrow(/"tiny-test" is used twice/);
  });

  it("freezes what it returns", () => {
    const [preset] = validatePresets([tinyPreset()]);
    expect(Object.isFrozen(preset)).toBe(true);
    expect(Object.isFrozen(preset?.inputs[0])).toBe(true);
  });
});

describe("schema/preset.schema.json", () => {
  const path = resolve(__dirname, "../../schema/preset.schema.json");

  it("is the JSON Schema generated from the valibot schema (regenerate: npx tsx scripts/presetSchema.ts)", () => {
    expect(readFileSync(path, "utf8")).toBe(presetJsonSchemaText());
  });

  it("accepts every built-in and rejects shape errors, as parsePreset does", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(presetJsonSchema());
    for (const preset of builtInPresets) expect(validate(JSON.parse(JSON.stringify(preset))), preset.id).toBe(true);
    for (const index of [0, 2, 4, 5, 6, 7, 8, 9, 10, 11]) {
      const m = malformations[index];
      if (m === undefined) throw new Error(`no malformation ${index}`);
      const preset = meta();
      m.change(preset);
      // Infinity is not JSON: it serialises as null, which is not a number either.
      expect(validate(JSON.parse(JSON.stringify(preset))), m.name).toBe(false);
      expect(parsePreset(preset).ok, m.name).toBe(false);
    }
  });
});

describe("dates are days of the calendar", () => {
  const withAsOf = (asOf: string) => parsePreset({ ...tinyPreset(), asOf });

  it.each([
    ["2026-02-31", "February 2026 has 28 days"],
    ["2026-04-31", "April 2026 has 30 days"],
    ["2100-02-29", "February 2100 has 28 days"],
  ])("refuses %s (%s)", (asOf, reason) => {
    const result = withAsOf(asOf);
    expect(result.ok || result.error.message).toBe(`asOf: expected a date of the calendar, got "${asOf}"; ${reason}`);
  });

  it.each(["2028-02-29", "2000-02-29", "2026-12-31", "2026-02", "2026"])("accepts %s", (asOf) => {
    expect(withAsOf(asOf).ok).toBe(true);
  });

  it("gives a date of the wrong shape one message, not two", () => {
    const result = withAsOf("2026-13-45");
    expect(result.ok || result.issues.map((i) => i.message)).toEqual(['asOf: expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got "2026-13-45"']);
  });
});
