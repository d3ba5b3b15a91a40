/*
 * How long the command line takes: `show <id> --json` end to end as a user runs
 * it (spawned, start-up included), `show` in-process for each preset, and,
 * in-process, reading a preset file (`preset <id>`, `show --file`, a file at the
 * size limit) and exporting with and without `--values`.
 * Prints medians beside the target (under 1 s for `show`, start-up included);
 * it times nothing that a test asserts on. Figures depend on the machine's load:
 * `node -e 0` is printed first as the floor.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { runCli } from "../src/cli/cli";
import { processIo, type CliIo } from "../src/cli/io";
import { builtInPresets, findPreset, presetFileMaxBytes, presetToFileText } from "../src/presets";

const repoRoot = resolve(__dirname, "..");
const runs = 5;
/** `show` should answer within a second, start-up included. */
const spawnedTargetMs = 1000;
const spawnedId = builtInPresets.some((p) => p.id === "meta-2026") ? "meta-2026" : (builtInPresets[0]?.id ?? "");

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function timeSpawned(command: string, args: readonly string[], json = true): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8" });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    if (json) JSON.parse(result.stdout);
  }
  return median(samples);
}

async function timeInProcess(argv: readonly string[], cwd?: string, expectedStatus = 0): Promise<number> {
  const quiet: CliIo = { ...processIo(), stdout: () => undefined, stderr: () => undefined, ...(cwd === undefined ? {} : { cwd }) };
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const status = await runCli(argv, quiet);
    samples.push(performance.now() - started);
    if (status !== expectedStatus) throw new Error(`aicost ${argv.join(" ")} exited ${status}`);
  }
  return median(samples);
}

const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;

export default async function cliBench(): Promise<void> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const spawned: [string, string, string[]][] = [
    [
      `npm run --silent aicost -- show ${spawnedId} --json`,
      npm,
      ["run", "--silent", "aicost", "--", "show", spawnedId, "--json"],
    ],
    [`node bin/aicost.cjs show ${spawnedId} --json`, process.execPath, ["bin/aicost.cjs", "show", spawnedId, "--json"]],
  ];
  console.log(`aicost command line: median of ${runs} runs`);
  console.log(`${ms(timeSpawned(process.execPath, ["-e", "0"], false))}  node -e 0 (the floor: Node's own start-up)`);
  console.log("spawned, start-up included:");
  for (const [label, command, args] of spawned) {
    const median = timeSpawned(command, args);
    const verdict = median < spawnedTargetMs ? "met" : "MISSED";
    console.log(`${ms(median)}  ${label}   (target under ${spawnedTargetMs} ms: ${verdict})`);
  }
  console.log("in-process (runCli, output discarded):");
  console.log(`${"show".padStart(9)}  ${"show --json".padStart(11)}  preset`);
  for (const preset of builtInPresets) {
    const table = await timeInProcess(["show", preset.id]);
    const json = await timeInProcess(["show", preset.id, "--json"]);
    console.log(`${ms(table)}  ${ms(json).padStart(11)}  ${preset.id}`);
  }

  const preset = findPreset(spawnedId);
  if (preset === undefined) return;
  const folder = mkdtempSync(join(tmpdir(), "aicost-bench-"));
  try {
    const text = presetToFileText(preset);
    writeFileSync(join(folder, "mine.json"), text);
    // The largest file accepted: the same preset padded with spaces to the size limit.
    writeFileSync(join(folder, "full.json"), text + " ".repeat(presetFileMaxBytes - Buffer.byteLength(text)));
    // Over the limit by a factor of 40: refused by its size before it is read.
    writeFileSync(join(folder, "huge.json"), " ".repeat(40 * presetFileMaxBytes));
    console.log(`preset files and export, in-process (${spawnedId}):`);
    const rows: [string, string[], number][] = [
      [`preset ${spawnedId}`, ["preset", spawnedId], 0],
      [`show ${spawnedId} --json`, ["show", spawnedId, "--json"], 0],
      ["show --file mine.json --json", ["show", "--file", "mine.json", "--json"], 0],
      [`show --file full.json --json (${presetFileMaxBytes.toLocaleString("en-US")} bytes)`, ["show", "--file", "full.json", "--json"], 0],
      [`show --file huge.json (refused, ${(40 * presetFileMaxBytes).toLocaleString("en-US")} bytes)`, ["show", "--file", "huge.json"], 1],
      [`export ${spawnedId} --out live.xlsx`, ["export", spawnedId, "--out", "live.xlsx"], 0],
      [`export ${spawnedId} --out frozen.xlsx --values`, ["export", spawnedId, "--out", "frozen.xlsx", "--values"], 0],
    ];
    for (const [label, argv, status] of rows) console.log(`${ms(await timeInProcess(argv, folder, status))}  ${label}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// Run alone with `npx tsx bench/cli.bench.ts`; bench/run.ts imports it with the others.
if (require.main === module) void cliBench();
