/*
 * A check that cannot run here (the manifest schemas beside the repository,
 * Chromium, office.js) is reported as skipped, never counted as passed: in
 * vitest's own report, and in CI's closing line "N passed, N failed, N skipped"
 * (scripts/testSummary.mjs, run by .ci/run).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { summarize, summaryLine } from "../../scripts/testSummary.mjs";

const repoRoot = resolve(__dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "aicost-skipped-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  success: boolean;
  testResults: { assertionResults: { title: string; status: string }[] }[];
}

const report = (counts: Partial<VitestReport>): VitestReport => ({
  numPassedTests: 0,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numTotalTestSuites: 1,
  success: true,
  testResults: [],
  ...counts,
});

describe("CI's closing line", () => {
  it("counts skipped and todo tests as skipped, never as passed", () => {
    const counts = summarize(report({ numPassedTests: 6, numPendingTests: 3, numTodoTests: 1 }));
    expect(counts).toEqual({ passed: 6, failed: 0, skipped: 4 });
    expect(summaryLine(counts)).toBe("6 passed, 0 failed, 4 skipped");
  });

  it("counts a run that failed without a failing test (a file that did not load) as one failure", () => {
    expect(summarize(report({ numPassedTests: 6, success: false }))).toEqual({ passed: 6, failed: 1, skipped: 0 });
    expect(summarize(report({ numPassedTests: 6, numFailedTests: 2, success: false }))).toEqual({ passed: 6, failed: 2, skipped: 0 });
  });

  it("is one failure when there is no report", () => {
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "testSummary.mjs"), join(scratch, "none.json")], { encoding: "utf8" });
    expect(run.stdout).toBe("0 passed, 1 failed, 0 skipped\n");
    expect(run.stderr).toMatch(/^no test report: /);
  });

  it("is what .ci/run prints last", () => {
    const file = join(scratch, "report.json");
    writeFileSync(file, JSON.stringify(report({ numPassedTests: 2, numPendingTests: 1 })));
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "testSummary.mjs"), file], { encoding: "utf8" });
    expect(run.stdout).toBe("2 passed, 0 failed, 1 skipped\n");
    expect(readFileSync(join(repoRoot, ".ci", "run"), "utf8")).toMatch(/\nnode scripts\/testSummary\.mjs test-results\/vitest\.json\n/);
  });
});

describe("the manifest schema check without its schemas", () => {
  it("is reported as skipped by vitest, not as passed", () => {
    // Runs tests/build/manifest.test.ts in a vitest of its own, against this run's build, with no schemas.
    const setup = join(scratch, "setup.mjs");
    writeFileSync(setup, `export default (project) => project.provide("distDir", ${JSON.stringify(inject("distDir"))});\n`);
    const output = join(scratch, "manifest-report.json");
    const config = join(scratch, "vitest.config.mjs");
    writeFileSync(
      config,
      `export default ${JSON.stringify({
        root: repoRoot,
        test: { include: ["tests/build/manifest.test.ts"], globalSetup: [setup], reporters: [["json", { outputFile: output }]] },
      })};\n`,
    );
    const vitest = join(repoRoot, "node_modules", "vitest", "vitest.mjs");
    const run = spawnSync(process.execPath, [vitest, "run", "--config", config], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, AICOST_MANIFEST_SCHEMA_DIR: join(scratch, "no-schemas-here") },
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(output, "utf8")) as VitestReport;
    const skipped = result.testResults.flatMap((file) => file.assertionResults).filter((test) => test.status !== "passed");
    expect(skipped.map((test) => [test.title, test.status])).toEqual([
      ["validates against the Office add-in manifest schemas", "skipped"],
      ["is refused by the schema check when an element is misplaced", "skipped"],
      ["still validates after the URLs are rewritten", "skipped"],
    ]);
    expect(summarize(result)).toEqual({ passed: result.numPassedTests, failed: 0, skipped: 3 });
  }, 120_000);
});
