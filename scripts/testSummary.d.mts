/** Types for testSummary.mjs, for the tests that import it. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}
export declare function summarize(report: {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numTotalTestSuites: number;
  success: boolean;
}): TestCounts;
export declare function summaryLine(counts: TestCounts): string;
