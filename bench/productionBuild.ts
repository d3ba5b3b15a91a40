/*
 * The whole add-in built for production (as `npm run build` makes it) into a
 * scratch folder, once per `npm run bench`: every bench that measures the
 * built files reads the same build, and the folder is removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Configuration } from "webpack";

const repoRoot = resolve(__dirname, "..");

async function buildInto(outDir: string): Promise<void> {
  const require = createRequire(__filename);
  const webpack = require("webpack") as typeof import("webpack");
  const configFactory = require(join(repoRoot, "webpack.config.js")) as (env: unknown, options: { mode: string }) => Promise<Configuration>;
  const config = await configFactory({}, { mode: "production" });
  const previous = process.cwd();
  process.chdir(repoRoot);
  try {
    await new Promise<void>((done, fail) => {
      webpack({ ...config, mode: "production", context: repoRoot, output: { ...config.output, path: outDir } }, (error, stats) => {
        if (error) return fail(error);
        if (!stats || stats.hasErrors()) return fail(new Error(stats?.toString("errors-only") ?? "webpack failed"));
        done();
      });
    });
  } finally {
    process.chdir(previous);
  }
}

let build: Promise<{ readonly outDir: string; readonly seconds: number }> | undefined;

/** The production build's folder and how long building it took (the first caller builds; later ones reuse it). */
export function productionBuild(): Promise<{ readonly outDir: string; readonly seconds: number }> {
  build ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "aicost-bench-build-"));
    process.once("exit", () => rmSync(outDir, { recursive: true, force: true }));
    const started = performance.now();
    await buildInto(outDir);
    return { outDir, seconds: (performance.now() - started) / 1000 };
  })();
  return build;
}
