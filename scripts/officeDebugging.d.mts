/** Types for officeDebugging.mjs, for the tests that import it. */
export declare function problemIn(output: string): string;
export declare function runOfficeAddinDebugging(args: readonly string[]): Promise<{ code: number; output: string }>;
