#!/usr/bin/env node
/*
 * The closing line of CI (.ci/run): "N passed, N failed, N skipped", read from
 * vitest's JSON report (test-results/vitest.json). A skipped test (it.skipIf,
 * ctx.skip(), a todo) is counted as skipped, never as passed; a run that failed
 * without a failing test (a file that could not load, a failed global setup)
 * counts one failure; no report at all counts one failure.
 *
 * Usage: node scripts/testSummary.mjs [report.json]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests?: number, numTodoTests?: number, numTotalTestSuites: number, success: boolean }} report
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function summarize(report) {
  const failedWithoutATest = report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (failedWithoutATest ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @param {{ passed: number, failed: number, skipped: number }} counts */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? "test-results/vitest.json";
  let counts;
  try {
    counts = summarize(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    console.error(`no test report: ${error.message}`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  console.log(summaryLine(counts));
}
