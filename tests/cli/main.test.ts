/*
 * End to end: the command as a user starts it, in a child process, through the
 * tsx entry (`npm run aicost` runs this) and through the installed bin script.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { userFolder } from "../../src/cli/io";
import { builtInPresets, findPreset, presetToFileText, type Preset } from "../../src/presets";
import { runAicost } from "./harness";

const repoRoot = resolve(__dirname, "../..");

const entries: [string, string, string[]][] = [
  ["tsx src/cli/main.ts", resolve(repoRoot, "node_modules/.bin/tsx"), ["src/cli/main.ts"]],
  ["node bin/aicost.cjs", process.execPath, ["bin/aicost.cjs"]],
];

function spawn(command: string, args: string[], cwd: string = repoRoot) {
  return spawnSync(command, args, { cwd, encoding: "utf8", timeout: 30_000 });
}

describe.each(entries)("%s", (_label, command, entryArgs) => {
  it("list: exit 0, one line per preset", () => {
    const result = spawn(command, [...entryArgs, "list"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(builtInPresets.map((preset) => preset.id));
  });

  it("show --json: exit 0, one JSON object", () => {
    const id = builtInPresets[0]?.id ?? "";
    const result = spawn(command, [...entryArgs, "show", id, "--json"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id });
  });

  it("an unknown preset: exit 1, one line on stderr, nothing on stdout", () => {
    const result = spawn(command, [...entryArgs, "show", "no-such-preset"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^aicost: unknown preset "no-such-preset"[^\n]*\n$/);
  });
});

describe("preset files end to end", () => {
  const bin = resolve(repoRoot, "bin/aicost.cjs");
  const node = JSON.stringify(process.execPath);

  it("`aicost preset meta-2026 | aicost show --file - --json` shows what `aicost show meta-2026 --json` does", async () => {
    const piped = spawnSync("sh", ["-c", `${node} ${JSON.stringify(bin)} preset meta-2026 | ${node} ${JSON.stringify(bin)} show --file - --json`], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
    const direct = await runAicost(["show", "meta-2026", "--json"]);
    expect(direct.status).toBe(0);
    expect(piped.stdout).toBe(direct.stdout);
  });

  it("a refused file: exit 1, one line on stderr, nothing on stdout", () => {
    const result = spawn(process.execPath, [bin, "show", "--file", "tests/presets/malformed/nan.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^aicost: "tests\/presets\/malformed\/nan\.json" is not a valid preset file: [^\n]*found NaN[^\n]*\n$/);
  });
});

describe("standard output that fails", () => {
  const bin = resolve(repoRoot, "bin/aicost.cjs");

  it.runIf(existsSync("/dev/full"))("a full disk (> /dev/full): one line on stderr, exit 1, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [bin, "preset", "meta-2026"], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 30_000,
        stdio: ["ignore", full, "pipe"],
      });
      expect(result.stderr).toBe("aicost: could not write the output: ENOSPC: no space left on device\n");
      expect(result.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it("a reader that stops early (| head -c 100): the output ends quietly, exit 0", () => {
    // Output far larger than a pipe's buffer, so the writer is still writing when the reader leaves.
    const folder = mkdtempSync(join(tmpdir(), "aicost-pipe-"));
    try {
      const big: Preset = { ...(findPreset("meta-2026") as Preset), notes: Array.from({ length: 100 }, (_, i) => `${i} ${"n".repeat(1_990)}`) };
      writeFileSync(join(folder, "big.json"), presetToFileText(big));
      const node = JSON.stringify(process.execPath);
      const result = spawnSync("bash", ["-c", `set -o pipefail; ${node} ${JSON.stringify(bin)} show --file big.json --json | head -c 100 > /dev/null`], {
        cwd: folder,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

it("bin/aicost.cjs runs from another working folder", () => {
  const result = spawn(process.execPath, [resolve(repoRoot, "bin/aicost.cjs"), "--help"], resolve(repoRoot, ".."));
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^Usage: aicost/);
});

it("aicost --help lists every command, prices and prices update among them", () => {
  const result = spawn(process.execPath, [resolve(repoRoot, "bin/aicost.cjs"), "--help"], repoRoot);
  expect(result.status).toBe(0);
  for (const command of ["list", "preset", "show", "export", "tornado", "simulate", "prices", "prices update --file"]) {
    expect(result.stdout, command).toMatch(new RegExp(`^  ${command.replace(/ /g, " ")}\\b`, "m"));
  }
});

describe("userFolder", () => {
  it("is the npm caller's folder under `npm run aicost`, the working folder otherwise", () => {
    expect(userFolder({ npm_lifecycle_event: "aicost", INIT_CWD: "/home/me" }, "/repo")).toBe("/home/me");
    expect(userFolder({ npm_lifecycle_event: "test", INIT_CWD: "/home/me" }, "/repo")).toBe("/repo");
    expect(userFolder({}, "/repo")).toBe("/repo");
  });

  it("writes `npm run aicost -- export --out <relative>` into the caller's folder", () => {
    const caller = mkdtempSync(join(tmpdir(), "aicost-npm-"));
    try {
      const id = builtInPresets[0]?.id ?? "";
      const result = spawnSync(
        "npm",
        ["--prefix", repoRoot, "run", "--silent", "aicost", "--", "export", id, "--out", "model.xlsx"],
        {
          cwd: caller,
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(readdirSync(caller)).toEqual(["model.xlsx"]);
    } finally {
      rmSync(caller, { recursive: true, force: true });
    }
  });
});
