/*
 * Writes schema/preset.schema.json from the valibot preset schema, or with
 * --check exits 1 when the committed file differs from what would be written.
 *   npx tsx scripts/presetSchema.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { presetJsonSchemaText } from "../src/presets/jsonSchema";

const presetSchemaPath = resolve(__dirname, "..", "schema", "preset.schema.json");

function main(): void {
  const wanted = presetJsonSchemaText();
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(presetSchemaPath, "utf8");
    } catch {
      // a missing file differs
    }
    if (committed !== wanted) {
      console.error(`${presetSchemaPath} is out of date: run npx tsx scripts/presetSchema.ts`);
      process.exitCode = 1;
      return;
    }
    console.log(`${presetSchemaPath} is up to date`);
    return;
  }
  writeFileSync(presetSchemaPath, wanted);
  console.log(`wrote ${presetSchemaPath}`);
}

main();
