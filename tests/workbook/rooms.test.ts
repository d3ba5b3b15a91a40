/*
 * The rooms of src/ and who may enter them: src/excel talks to Office.js and
 * nothing outside it imports from it, except the pane's Excel entry
 * (src/taskpane/taskpane.ts), which hands the Office.js host to the pane.
 * The preview, the command line and the shared workbook room never do.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(__dirname, "../..");
const srcRoot = join(repoRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The folders of src/ a file imports from, resolved from its relative import specifiers. */
function importedRooms(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)[^"'`;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => relative(srcRoot, resolve(file, "..", s)).split(/[\\/]/)[0] ?? "");
}

describe("src/excel is entered only by the pane's Excel entry", () => {
  const files = sourceFiles(srcRoot);

  it("finds the source tree and the shared workbook room", () => {
    expect(files.some((f) => f.includes(join("src", "workbook", "host.ts")))).toBe(true);
    expect(files.some((f) => f.includes(join("src", "excel", "officeHost.ts")))).toBe(true);
  });

  it("no module outside src/excel imports from it, but src/taskpane/taskpane.ts", () => {
    const offenders = files
      .filter((f) => !f.startsWith(join(srcRoot, "excel")) && f !== join(srcRoot, "taskpane", "taskpane.ts"))
      .filter((f) => importedRooms(f).includes("excel"))
      .map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });

  it("the shared room, the preview and the command line use no Office.js global", () => {
    const offenders = files
      .filter((f) => ["workbook", "preview", "cli", "calc", "presets"].includes(relative(srcRoot, f).split(/[\\/]/)[0] ?? ""))
      .filter((f) => /\b(Excel|Office)\.(run|context|onReady|RequestContext)\b/.test(readFileSync(f, "utf8")))
      .map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });

  it("the guard sees an import of src/excel where there is one", () => {
    expect(importedRooms(join(srcRoot, "taskpane", "taskpane.ts"))).toContain("excel");
  });
});
