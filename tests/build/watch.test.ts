/*
 * `npm start` rebuilds on every saved file (webpack in watch mode). Each rebuild
 * must report exactly the type errors `npm run lint`'s tsc reports: none on a
 * clean tree, and a real one once, at its file and line, gone when fixed.
 * Runs on a scratch copy of the repository, so the edits never touch src/.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = resolve(__dirname, "..", "..");
const copied = ["src", "tests", "bench", "scripts", "assets", "webpack.config.js", "tsconfig.json", "manifest.xml", "package.json"];

interface TypeError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

interface Build {
  readonly build: number;
  readonly errors: TypeError[];
}

let copy: string;
let watcher: ChildProcessWithoutNullStreams;
const builds: Build[] = [];
let watcherOutput = "";

async function nextBuild(after: number, milliseconds = 120_000): Promise<Build> {
  const deadline = Date.now() + milliseconds;
  while (Date.now() < deadline) {
    const build = builds.find((b) => b.build > after);
    if (build) return build;
    if (watcher.exitCode !== null) throw new Error(`the watcher exited with ${watcher.exitCode}:\n${watcherOutput}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no build after #${after}:\n${watcherOutput}`);
}

/** What `tsc --noEmit -p tsconfig.json` (npm run lint) reports in the copy. */
function tscErrors(): TypeError[] {
  const tsc = join(copy, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json", "--pretty", "false"], { cwd: copy, encoding: "utf8" });
  return [...run.stdout.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: m[1] ?? "",
    line: Number(m[2]),
    column: Number(m[3]),
    code: m[4] ?? "",
    message: (m[5] ?? "").trim(),
  }));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "aicost-watch-"));
  for (const entry of copied) cpSync(join(repoRoot, entry), join(copy, entry), { recursive: true });
  symlinkSync(realpathSync(join(repoRoot, "node_modules")), join(copy, "node_modules"), "dir");
  watcher = spawn(process.execPath, [join(copy, "tests", "build", "watchBuilds.mjs")], { cwd: copy });
  let pending = "";
  watcher.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      watcherOutput += `${line}\n`;
      if (line.startsWith("{")) builds.push(JSON.parse(line) as Build);
    }
  });
  watcher.stderr.on("data", (chunk: Buffer) => (watcherOutput += chunk.toString()));
});

afterAll(async () => {
  if (watcher && watcher.exitCode === null) {
    const exited = new Promise((done) => watcher.on("exit", done));
    watcher.kill("SIGTERM");
    await exited;
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("npm start's rebuilds (webpack watch mode)", () => {
  it("report exactly the type errors tsc reports: none on a clean tree, a real one once at its line, none once it is fixed", async () => {
    const first = await nextBuild(0);
    expect(first.errors).toEqual([]);

    // Saving a file unchanged: nothing to report (it used to report hundreds of false errors).
    const messages = join(copy, "src", "calc", "messages.ts");
    const now = new Date();
    utimesSync(messages, now, now);
    const touched = await nextBuild(first.build);
    expect(touched.errors.length, JSON.stringify(touched.errors.slice(0, 3))).toBe(0);

    // A real type error: reported once, at the file and line tsc gives.
    const original = readFileSync(messages, "utf8");
    appendFileSync(messages, '\nexport const watchProbeCount: number = "not a number";\n');
    const broken = await nextBuild(touched.build);
    const expected = tscErrors();
    const lineOfProbe = original.split("\n").length + 1;
    expect(expected).toEqual([expect.objectContaining({ file: "src/calc/messages.ts", line: lineOfProbe, code: "TS2322" })]);
    expect(broken.errors).toEqual(expected);

    // Fixed: gone.
    writeFileSync(messages, original);
    const fixed = await nextBuild(broken.build);
    expect(fixed.errors).toEqual([]);
  }, 420_000);
});
