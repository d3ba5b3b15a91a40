/*
 * Runs every bench/*.bench.ts file in name order, one after another. Each file's
 * default export prints its own figures. Benchmarks measure; they never fail on
 * a figure (targets are printed beside the measurements).
 * Names on the command line run only those files: `npm run bench -- preview`
 * runs bench/preview.bench.ts.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

type Bench = () => Promise<void>;

function defaultExport(module: unknown): Bench | undefined {
  // Loaded as ES module the default is the function; loaded through CommonJS interop it may be one level down.
  const outer = (module as { default?: unknown }).default;
  if (typeof outer === "function") return outer as Bench;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  return typeof inner === "function" ? (inner as Bench) : undefined;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const all = readdirSync(__dirname)
    .filter((name) => name.endsWith(".bench.ts"))
    .sort();
  if (all.length === 0) throw new Error(`no *.bench.ts files in ${__dirname}`);
  const unknown = wanted.filter((name) => !all.includes(`${name}.bench.ts`));
  if (unknown.length > 0)
    throw new Error(
      `no bench named ${unknown.join(", ")}; there are ${all.map((file) => file.replace(/\.bench\.ts$/, "")).join(", ")}`,
    );
  const files = wanted.length === 0 ? all : all.filter((file) => wanted.includes(file.replace(/\.bench\.ts$/, "")));
  const failed: string[] = [];
  for (const file of files) {
    console.log(`\n== ${file} ==`);
    try {
      const bench = defaultExport(await import(pathToFileURL(join(__dirname, file)).href));
      if (!bench) throw new Error(`${file} has no default export function`);
      await bench();
    } catch (error) {
      // One broken benchmark does not hide the others' figures; the run still exits non-zero.
      failed.push(file);
      console.error(`${file} failed:`, error);
    }
  }
  if (failed.length > 0) {
    console.error(`\n${failed.length} benchmark file(s) failed: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
