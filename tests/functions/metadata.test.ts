/*
 * functions.json, as the production build generates it from the JSDoc in
 * src/functions/functions.ts, must say what the calc spec says: the same ids,
 * parameter names, order and optional flags, each parameter's unit in
 * parentheses, and each default.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { calcFunctions, priceKinds, timeFunctions, type TimeParamSpec } from "../../src/calc";

interface MetadataParameter {
  name: string;
  description?: string;
  optional?: boolean;
  type?: string;
  dimensionality?: string;
  customEnumId?: string;
}
interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
}
interface Metadata {
  functions: MetadataFunction[];
  enums?: { id: string; type: string; values: { name: string; stringValue: string; tooltip?: string }[] }[];
}

let distDir: string;
let metadata: Metadata;
beforeAll(() => {
  distDir = inject("distDir");
  metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Metadata;
});

function entryFor(id: string): MetadataFunction {
  const entry = metadata.functions.find((f) => f.id === id);
  if (!entry) throw new Error(`${id} is not in functions.json`);
  return entry;
}

/** What the description must say about the default: "Default 1.25", or "Default 10%" for a share of another argument. */
function defaultText(param: TimeParamSpec): string | undefined {
  if (param.type === "series" || param.default === undefined) return undefined;
  if (typeof param.default === "number" || typeof param.default === "string") return `Default ${param.default}`;
  return `Default ${param.default.fraction * 100}%`;
}

describe("functions.json", () => {
  it("lists exactly the calc functions' ids and then the time functions', in the same order, each named as its id", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual([...calcFunctions, ...timeFunctions].map((f) => f.id));
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  for (const fn of [...calcFunctions, ...timeFunctions]) {
    describe(fn.id, () => {
      it("has a description ending in its result unit in parentheses", () => {
        const description = entryFor(fn.id).description ?? "";
        expect(description.trim().length).toBeGreaterThan(20);
        expect(description).toContain(`(${fn.resultUnit})`);
      });

      it("has a help URL to its own page, and the build emits that page", () => {
        const helpUrl = entryFor(fn.id).helpUrl ?? "";
        expect(helpUrl).toMatch(/^https:\/\//);
        const page = `help/${fn.id.toLowerCase()}.html`;
        expect(helpUrl.endsWith(`/${page}`)).toBe(true);
        expect(existsSync(join(distDir, page))).toBe(true);
      });

      it("has the spec's parameters: names, order and optional flags", () => {
        const parameters = entryFor(fn.id).parameters;
        expect(parameters.map((p) => p.name)).toEqual(fn.params.map((p) => p.name));
        expect(parameters.map((p) => p.optional === true)).toEqual(
          fn.params.map((p: TimeParamSpec) => p.type !== "series" && p.default !== undefined),
        );
      });

      it("takes a single value or a range in every parameter, and returns a range", () => {
        for (const p of entryFor(fn.id).parameters) expect(p.dimensionality).toBe("matrix");
      });

      fn.params.forEach((param: TimeParamSpec, index: number) => {
        it(`${param.name}: the description has the unit "(${param.unit})"${defaultText(param) !== undefined ? " and the default" : ""}`, () => {
          const description = entryFor(fn.id).parameters[index]?.description ?? "";
          expect(description.length).toBeGreaterThan(param.unit.length + 2);
          expect(description).toContain(`(${param.unit})`);
          const expectedDefault = defaultText(param);
          if (expectedDefault === undefined) {
            expect(description).not.toMatch(/\bDefault\b/);
          } else {
            expect(description).toContain(expectedDefault);
            if (param.type === "number" && param.defaultSource !== undefined) {
              expect(description).toContain(param.defaultSource);
            }
          }
        });
      });
    });
  }

  it("MODEL_PRICE's kind offers the PriceKind list, with exactly the catalog's kinds", () => {
    const kind = entryFor("MODEL_PRICE").parameters.find((p) => p.name === "kind");
    expect(kind?.customEnumId).toBe("PriceKind");
    const priceKind = metadata.enums?.find((e) => e.id === "PriceKind");
    expect(priceKind?.type).toBe("string");
    expect(priceKind?.values.map((v) => v.stringValue)).toEqual([...priceKinds]);
    for (const value of priceKind?.values ?? []) expect(value.tooltip?.trim()).toBeTruthy();
  });
});
