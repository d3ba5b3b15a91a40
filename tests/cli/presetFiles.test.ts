/*
 * Preset files on the command line, in-process: `preset <id>` writes one,
 * `show --file` and `export --file` read one (from a path or standard input),
 * and every malformed or oversized file is refused with exit 1, one line on
 * stderr, nothing on stdout and nothing left on disk.
 */
import * as nodeFs from "node:fs/promises";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliFs } from "../../src/cli/io";
import { builtInPresets, parsePresetFile, presetFileMaxBytes, presetToFileText, type Preset } from "../../src/presets";
import { tinyPreset } from "../presets/helpers";
import { runAicost, type Run, type RunOptions } from "./harness";

const corpusDir = resolve(__dirname, "../presets/malformed");
const expected = JSON.parse(readFileSync(join(corpusDir, "expected.json"), "utf8")) as Record<string, { path: string; message: string }>;
const corpusFiles = readdirSync(corpusDir).filter((name) => name !== "expected.json");

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-files-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(argv: string[], options: RunOptions = {}): Promise<Run> {
  return runAicost(argv, { cwd: folder, ...options });
}

/** Exit 1, nothing on stdout, exactly one line on stderr, containing `fragment`. */
function expectRefusal(result: Run, fragment: string | RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^aicost: [^\n]+\n$/);
  if (typeof fragment === "string") expect(result.stderr).toContain(fragment);
  else expect(result.stderr).toMatch(fragment);
}

/** Writes `content` into the test folder and returns its name. */
function fileWith(name: string, content: string | Uint8Array): string {
  writeFileSync(join(folder, name), content);
  return name;
}

/** A file system that counts the bytes read through the handles it opens. */
function countingFs(): { fs: CliFs; bytesRead: () => number; opened: () => number } {
  let bytes = 0;
  let opened = 0;
  const open = (async (...args: Parameters<typeof nodeFs.open>) => {
    const handle = await nodeFs.open(...args);
    opened++;
    const read = handle.read.bind(handle) as (...readArgs: unknown[]) => Promise<{ bytesRead: number }>;
    Object.defineProperty(handle, "read", {
      value: async (...readArgs: unknown[]) => {
        const result = await read(...readArgs);
        bytes += result.bytesRead;
        return result;
      },
    });
    return handle;
  }) as typeof nodeFs.open;
  return { fs: { ...nodeFs, open }, bytesRead: () => bytes, opened: () => opened };
}

const presetIds = builtInPresets.map((preset) => preset.id);

describe("preset <id>", () => {
  it.each(presetIds)("%s: prints the preset as a file that reads back to the same preset", async (id) => {
    const builtIn = builtInPresets.find((preset) => preset.id === id) as Preset;
    const result = await run(["preset", id]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith("}\n")).toBe(true);
    // Independent of the file reader: the JSON is the preset's own data.
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(builtIn)));
    const parsed = parsePresetFile(result.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toEqual(builtIn);
  });

  it("refuses an unknown id, naming the known ones", async () => {
    const result = await run(["preset", "no-such-preset"]);
    expectRefusal(result, 'unknown preset "no-such-preset"');
    for (const id of presetIds) expect(result.stderr).toContain(id);
  });
});

describe("show --file", () => {
  it.each(presetIds)("%s: the file that preset <id> printed shows as the built-in does, as a table and as JSON", async (id) => {
    const file = fileWith("mine.json", (await run(["preset", id])).stdout);
    for (const json of [[], ["--json"]]) {
      const fromId = await run(["show", id, ...json]);
      const fromFile = await run(["show", "--file", file, ...json]);
      expect(fromFile.stderr).toBe("");
      expect(fromFile.status).toBe(0);
      expect(fromFile.stdout).toBe(fromId.stdout);
    }
  });

  it("reads standard input for --file -", async () => {
    const text = presetToFileText(tinyPreset());
    const result = await run(["show", "--file", "-", "--json"], { stdin: text });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { id: string; title: string; cells: { address: string; value: unknown; formula?: string }[] };
    expect(parsed.id).toBe("tiny-test");
    expect(parsed.title).toBe(tinyPreset().title);
    expect(parsed.cells.some((c) => c.formula?.startsWith("=AICOST.LABOR_SAVINGS(") === true)).toBe(true);
  });

  it("shows a preset of one's own: its labels and its values", async () => {
    const preset = tinyPreset();
    const result = await run(["show", "-f", fileWith("tiny.json", presetToFileText(preset))]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(preset.title);
    // Savings, Base column: 100 employees at 150,000 USD each, shown in millions.
    const savings = result.stdout.split("\n").find((line) => line.startsWith("Savings"));
    expect(savings).toContain(`$${((100 * 150_000) / 1e6).toFixed(1)}M`);
  });

  it("accepts a file with a UTF-8 byte order mark and a file of exactly the size limit", async () => {
    const text = presetToFileText(tinyPreset());
    expect((await run(["show", "--file", fileWith("bom.json", `\uFEFF${text}`)])).status).toBe(0);
    const padded = text + " ".repeat(presetFileMaxBytes - Buffer.byteLength(text));
    expect(Buffer.byteLength(padded)).toBe(presetFileMaxBytes);
    const result = await run(["show", "--file", fileWith("full.json", padded)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("refused preset files: exit 1, one line on stderr, nothing on stdout", () => {
  it("the corpus lists every file it holds", () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(30);
    expect([...corpusFiles].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("%s: says where and what", async (name, { path, message }) => {
    const result = await run(["show", "--file", join(corpusDir, name)]);
    expectRefusal(result, message);
    expect(result.stderr).toContain(`${JSON.stringify(join(corpusDir, name))} is not a valid preset file: ${path === "" ? "preset" : path}: `);
    expect((await run(["show", "--json", "--file", join(corpusDir, name)])).stdout).toBe("");
  });

  it.each(corpusFiles)("export --file %s --out x.xlsx leaves no file behind", async (name) => {
    const result = await run(["export", "--file", join(corpusDir, name), "--out", "x.xlsx"]);
    expectRefusal(result, "is not a valid preset file");
    expect(readdirSync(folder)).toEqual([]);
  });

  it("refuses the same corpus files from standard input", async () => {
    for (const name of ["nan.json", "too-many-inputs.json", "formula-dde.json"]) {
      const result = await run(["show", "--file", "-"], { stdin: readFileSync(join(corpusDir, name), "utf8") });
      expectRefusal(result, `(standard input) is not a valid preset file: `);
      expect(result.stderr).toContain(expected[name]?.message ?? "(missing)");
    }
  });

  it("counts the other problems of a file with several", async () => {
    const preset = tinyPreset();
    const data = JSON.parse(presetToFileText(preset)) as { inputs: Record<string, unknown>[] };
    data.inputs[0] = { ...data.inputs[0], base: "100", unit: 5 };
    const result = await run(["show", "--file", fileWith("two.json", JSON.stringify(data))]);
    expectRefusal(result, /inputs\[0\]\.(unit|base): .* \(and 1 more problem\)\n$/);
  });

  it("a file over the size limit, without reading it", async () => {
    const text = presetToFileText(tinyPreset());
    const file = fileWith("big.json", text + " ".repeat(presetFileMaxBytes + 1 - Buffer.byteLength(text)));
    const counting = countingFs();
    const result = await run(["show", "--file", file], { fs: counting.fs });
    expectRefusal(result, `"big.json" is not a valid preset file: preset: the file is 262,145 bytes, over the limit of 262,144 bytes`);
    expect(counting.opened()).toBe(1);
    expect(counting.bytesRead()).toBe(0);

    const huge = fileWith("huge.json", new Uint8Array(5 * presetFileMaxBytes).fill(0x7b));
    const again = countingFs();
    expectRefusal(await run(["export", "--file", huge, "--out", "x.xlsx"], { fs: again.fs }), "the file is 1,310,720 bytes");
    expect(again.bytesRead()).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["big.json", "huge.json"]);
  });

  it("a stream over the size limit, read no further than the limit", async () => {
    let pulled = 0;
    const chunkBytes = 64 * 1024;
    async function* endless(): AsyncIterable<Uint8Array> {
      for (;;) {
        pulled++;
        yield new Uint8Array(chunkBytes).fill(0x20);
      }
    }
    const result = await run(["show", "--file", "-"], { stdin: endless });
    expectRefusal(result, "(standard input) is not a valid preset file: preset: the file is over the limit of 262,144 bytes");
    expect(pulled).toBe(Math.ceil((presetFileMaxBytes + 1) / chunkBytes));
  });

  it.skipIf(!existsSync("/dev/zero"))("a device that never ends (/dev/zero)", async () => {
    expectRefusal(await run(["show", "--file", "/dev/zero"]), "over the limit of 262,144 bytes");
  });

  it("a file that does not exist, a folder, a file the process may not read", async () => {
    expectRefusal(await run(["show", "--file", "missing.json"]), 'cannot read the preset file "missing.json": it does not exist');
    mkdirSync(join(folder, "folder.json"));
    expectRefusal(await run(["show", "--file", "folder.json"]), 'cannot read the preset file "folder.json": it is a folder, not a file');
    const denied: CliFs = {
      ...nodeFs,
      open: (async () => {
        throw Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" });
      }) as typeof nodeFs.open,
    };
    expectRefusal(await run(["show", "--file", "locked.json"], { fs: denied }), 'cannot read the preset file "locked.json": permission denied');
    expectRefusal(await run(["show", "--file", "/dev/null/x.json"]), /cannot read the preset file "\/dev\/null\/x\.json": ENOTDIR/);
  });

  it("a stream that fails while it is read", async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode("{");
      throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    }
    expectRefusal(await run(["show", "--file", "-"], { stdin: failing }), "cannot read the preset file (standard input): EIO: i/o error");
  });

  it("a file that is not UTF-8, or is UTF-16", async () => {
    expectRefusal(await run(["show", "--file", fileWith("latin1.json", new Uint8Array([0x7b, 0xe9, 0x7d]))]), "not UTF-8 text");
    const text = presetToFileText(tinyPreset());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expectRefusal(await run(["show", "--file", fileWith("utf16.json", utf16)]), "the file is UTF-16 text; save it as UTF-8");
  });

  it("keeps a hostile file name to one printable line", async () => {
    const name = "evil\u202Efdp.json\n\u001B[31mred";
    const result = await run(["show", "--file", name]);
    expectRefusal(result, "it does not exist");
    const raw = [...result.stderr.slice(0, -1)].filter((ch) => ch.charCodeAt(0) < 0x20 || ch === "\u202E");
    expect(raw).toEqual([]);
    expect(result.stderr).toContain("evil\\u202Efdp.json");
  });

  it("a preset id and --file together", async () => {
    expectRefusal(await run(["show", "meta-2026", "--file", "x.json"]), "give a preset id or --file, not both");
    expectRefusal(await run(["export", "meta-2026", "--file", "x.json", "--out", "x.xlsx"]), "give a preset id or --file, not both");
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("a preset file with a timeline", () => {
  it("is shown with its years, its cash-flow rows and its summary, from a file of one's own", async () => {
    const businessCase = builtInPresets.find((p) => p.id === "ai-business-case") as Preset;
    const timeline = businessCase.timeline;
    if (timeline === undefined) throw new Error("no timeline");
    const mine: Preset = { ...businessCase, id: "my-case", title: "My case: four years", timeline: { ...timeline, firstYear: 2027, years: 4 } };
    const name = fileWith("my-case.json", presetToFileText(mine));
    const shown = await run(["show", "--file", name]);
    expect(shown.stderr).toBe("");
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/Cash flows, 4 years from 2027 +Initial +2027 +2028 +2029 +2030 +Unit/);
    expect(shown.stdout).toMatch(/Risk-adjusted: NPV at the discount rate +\$[\d.]+M +\$[\d.]+M +\$[\d.]+M/);
    const json = await run(["show", "--file", name, "--json"]);
    expect(json.status).toBe(0);
    expect(json.stdout).toContain('"formula":"=INDEX(AICOST.TOKEN_COST_CASH_FLOWS(');
    expect(json.stdout).not.toMatch(/"formula":"[^"]*#/); // rows are read by ranges, never B20#
    expect(json.stdout).not.toMatch(/"value":"#[A-Z/0!?]+"/); // no error in this case
  });
});
