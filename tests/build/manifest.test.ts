import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { manifestSchemaDir, validateManifestXml } from "../../scripts/manifestSchema.mjs";

type Outcome = { skipped: true; reason: string } | { skipped: false; valid: boolean; errors: string[] };
const validate = validateManifestXml as (xml: string, name?: string) => Promise<Outcome>;

const repoRoot = resolve(__dirname, "../..");
const sourceManifest = readFileSync(join(repoRoot, "manifest.xml"), "utf8");

/** Vitest's skip: the test is reported as skipped, never as passed. */
type Skip = (note?: string) => never;

/** Validates, or skips the test (loudly, and counted as skipped) where the schemas are not at hand. */
async function schemaCheck(xml: string, name: string, skip: Skip): Promise<{ valid: boolean; errors: string[] }> {
  const outcome = await validate(xml, name);
  if (outcome.skipped) {
    console.warn(`\n*** SKIPPED: ${name} schema check: ${outcome.reason} ***\n`);
    return skip(`${name} schema check: ${outcome.reason}`);
  }
  return outcome;
}

async function expectValid(xml: string, name: string, skip: Skip): Promise<void> {
  const outcome = await schemaCheck(xml, name, skip);
  expect(outcome.errors).toEqual([]);
  expect(outcome.valid).toBe(true);
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schemas", async ({ skip }) => {
    console.info(`manifest schemas: ${String(manifestSchemaDir())}`);
    await expectValid(sourceManifest, "manifest.xml", skip);
  });

  it("is refused by the schema check when an element is misplaced", async ({ skip }) => {
    const broken = sourceManifest.replace("<Permissions>ReadWriteDocument</Permissions>", "");
    expect(broken).not.toBe(sourceManifest);
    const outcome = await schemaCheck(broken, "broken.xml", skip);
    expect(outcome.valid).toBe(false);
  });

  it("declares a shared runtime with a long lifetime and the AICOST namespace", () => {
    expect(sourceManifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(sourceManifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(sourceManifest).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">/);
    expect(sourceManifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="AICOST"\/>/);
    expect(sourceManifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  it("defines every resource id it refers to", () => {
    const referenced = [...sourceManifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = new Set([...sourceManifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(defined, `resid ${id}`).toContain(id);
  });
});

describe("the production build", () => {
  const dist = inject("distDir");
  const built = readFileSync(join(dist, "manifest.xml"), "utf8");

  it("leaves no localhost URL in the manifest or the function metadata", () => {
    expect(sourceManifest.match(/localhost/g)?.length ?? 0).toBeGreaterThan(1);
    expect(built).not.toMatch(/localhost/);
    expect(readFileSync(join(dist, "functions.json"), "utf8")).not.toMatch(/localhost/);
  });

  it("asks for no AppDomains: the add-in navigates nowhere but its own pages", () => {
    expect(built).not.toMatch(/<AppDomains?\b/);
  });

  it("uses https URLs only", () => {
    const urls = [...built.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("still validates after the URLs are rewritten", async ({ skip }) => {
    await expectValid(built, "dist/manifest.xml", skip);
  });

  it("serves a help page for every function's @helpurl", () => {
    const metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    for (const fn of metadata.functions) {
      expect(fn.helpUrl, fn.id).toMatch(new RegExp(`/help/${fn.id.toLowerCase()}\\.html$`));
      const page = readFileSync(join(dist, "help", `${fn.id.toLowerCase()}.html`), "utf8");
      expect(page).toContain(`AICOST.${fn.id}`);
    }
  });
});
