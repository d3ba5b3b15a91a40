/*
 * Offline validation of manifest.xml against the Office add-in manifest XML
 * schemas kept beside the repository (../shared/office-manifest-schema, or the
 * folder named by AICOST_MANIFEST_SCHEMA_DIR). Uses libxml2 compiled to wasm,
 * so it needs no system package and no network.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const rootSchema = "OfficeAppManifestV1_1.xsd";

export function manifestSchemaDir() {
  return process.env.AICOST_MANIFEST_SCHEMA_DIR || resolve(repoRoot, "../shared/office-manifest-schema");
}

/**
 * @param {string} xml the manifest text
 * @returns {Promise<{skipped: true, reason: string} | {skipped: false, valid: boolean, errors: string[]}>}
 */
export async function validateManifestXml(xml, fileName = "manifest.xml") {
  const dir = manifestSchemaDir();
  if (!existsSync(join(dir, rootSchema))) {
    return { skipped: true, reason: `manifest schemas not found in ${dir} (set AICOST_MANIFEST_SCHEMA_DIR)` };
  }
  const others = readdirSync(dir).filter((f) => f.endsWith(".xsd") && f !== rootSchema);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: rootSchema, contents: readFileSync(join(dir, rootSchema), "utf8") }],
    preload: others.map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), "utf8") })),
  });
  return { skipped: false, valid: result.valid, errors: result.errors.map((e) => e.rawMessage ?? String(e)) };
}

async function main() {
  const file = resolve(process.argv[2] ?? "manifest.xml");
  const outcome = await validateManifestXml(readFileSync(file, "utf8"), file);
  if (outcome.skipped) {
    console.error(`SKIPPED: ${file} was NOT validated: ${outcome.reason}`);
    process.exitCode = 2;
    return;
  }
  if (outcome.valid) {
    console.log(`${file} is valid against the Office add-in manifest schemas (${manifestSchemaDir()}).`);
  } else {
    console.error(`${file} is NOT valid:\n${outcome.errors.join("\n")}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
