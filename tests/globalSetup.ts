/*
 * Builds the add-in once, in production mode, into a scratch folder, so the
 * tests check the same bundle and manifest a deployment ships.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import webpack from "webpack";

declare module "vitest" {
  export interface ProvidedContext {
    distDir: string;
  }
}

const repoRoot = resolve(__dirname, "..");

async function buildProduction(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require(join(repoRoot, "webpack.config.js"));
  const config = await configFactory({}, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: outDir };
  config.context = repoRoot;
  await new Promise<void>((done, fail) => {
    webpack(config, (error, stats) => {
      if (error) return fail(error);
      if (!stats || stats.hasErrors()) return fail(new Error(stats?.toString("errors-only") ?? "webpack failed"));
      done();
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), "aicost-dist-"));
  const previous = process.cwd();
  process.chdir(repoRoot);
  try {
    await buildProduction(outDir);
  } finally {
    process.chdir(previous);
  }
  project.provide("distDir", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
