/*
 * `export --out` onto a file that is already there, and onto odd paths: the
 * workbook replaces an existing file whole (a temporary file beside it,
 * renamed into place) and keeps its permissions; a symbolic link stays a link
 * and its target gets the workbook, as an editor saves through a link; a
 * read-only file, a folder, a device, a dangling link and the preset file
 * itself are refused. Every refusal and every failed write is one line on
 * stderr, exit 1, the old file untouched and no temporary file left behind.
 */
import * as nodeFs from "node:fs/promises";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliFs } from "../../src/cli/io";
import { builtInPresets, presetToFileText } from "../../src/presets";
import { tinyPreset } from "../presets/helpers";
import { runAicost, type Run } from "./harness";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-replace-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const id = builtInPresets[0]?.id ?? "";

function run(argv: string[], fs?: CliFs): Promise<Run> {
  return runAicost(argv, fs === undefined ? { cwd: folder } : { cwd: folder, fs });
}

/** Exit 1, nothing on stdout, one line on stderr matching `pattern`, never an internal error. */
function expectRefusal(result: Run, pattern: RegExp): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^aicost: [^\n]+\n$/);
  expect(result.stderr).not.toContain("internal error");
  expect(result.stderr).toMatch(pattern);
  expect(result.status).toBe(1);
}

async function isWorkbook(path: string): Promise<boolean> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.length === 1;
}

const modeOf = (path: string): number => statSync(path).mode & 0o7777;

/** No temporary file left in `dir`: only the names given. */
function expectOnly(dir: string, names: string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
}

describe("export --out onto an existing file", () => {
  it("keeps a private file private (chmod 600 stays 600)", async () => {
    const out = join(folder, "private.xlsx");
    writeFileSync(out, "old");
    chmodSync(out, 0o600);
    const result = await run(["export", id, "--out", "private.xlsx"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(modeOf(out).toString(8)).toBe("600");
    expect(await isWorkbook(out)).toBe(true);
    expectOnly(folder, ["private.xlsx"]);
  });

  it.each([
    ["640", 0o640],
    ["664", 0o664],
    ["604", 0o604],
  ])("keeps mode %s", async (_octal, mode) => {
    const out = join(folder, "kept.xlsx");
    writeFileSync(out, "old");
    chmodSync(out, mode);
    expect((await run(["export", id, "--out", "kept.xlsx"])).status).toBe(0);
    expect(modeOf(out)).toBe(mode);
  });

  it("gives a new file the mode any new file gets", async () => {
    writeFileSync(join(folder, "reference"), "");
    expect((await run(["export", id, "--out", "new.xlsx"])).status).toBe(0);
    expect(modeOf(join(folder, "new.xlsx"))).toBe(modeOf(join(folder, "reference")));
  });

  it("writes the temporary file exclusively and private, beside the target, before the rename", async () => {
    writeFileSync(join(folder, "model.xlsx"), "old");
    chmodSync(join(folder, "model.xlsx"), 0o644);
    const opened: { path: string; flags: unknown; mode: unknown }[] = [];
    const renamed: [string, string][] = [];
    const spying: CliFs = {
      ...nodeFs,
      open: (async (path: string, flags?: unknown, mode?: unknown) => {
        opened.push({ path: String(path), flags, mode });
        return nodeFs.open(path, flags as string, mode as number);
      }) as CliFs["open"],
      rename: async (from, to) => {
        renamed.push([String(from), String(to)]);
        return nodeFs.rename(from, to);
      },
    };
    expect((await run(["export", id, "--out", "model.xlsx"], spying)).status).toBe(0);
    expect(opened).toHaveLength(1);
    const temporary = opened[0] as { path: string; flags: unknown; mode: unknown };
    expect(temporary.flags).toBe("wx");
    expect(temporary.mode).toBe(0o600);
    expect(temporary.path.startsWith(folder + "/.")).toBe(true);
    expect(renamed).toEqual([[temporary.path, join(folder, "model.xlsx")]]);
    expect(modeOf(join(folder, "model.xlsx"))).toBe(0o644);
  });

  it("refuses a read-only file and leaves it as it was", async () => {
    const out = join(folder, "locked.xlsx");
    writeFileSync(out, "old");
    chmodSync(out, 0o444);
    expectRefusal(await run(["export", id, "--out", "locked.xlsx"]), /cannot replace "[^"]*locked\.xlsx": the file is read-only/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(modeOf(out)).toBe(0o444);
    expectOnly(folder, ["locked.xlsx"]);
  });
});

describe("export --out through a symbolic link", () => {
  it("keeps the link and replaces its target, with the target's mode", async () => {
    mkdirSync(join(folder, "real"));
    const target = join(folder, "real", "model.xlsx");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    symlinkSync(join("real", "model.xlsx"), join(folder, "link.xlsx"));
    const result = await run(["export", id, "--out", "link.xlsx"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(lstatSync(join(folder, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, "link.xlsx"))).toBe(join("real", "model.xlsx"));
    expect(await isWorkbook(target)).toBe(true);
    expect(modeOf(target)).toBe(0o600);
    expect(result.stdout).toContain(target);
    expectOnly(folder, ["link.xlsx", "real"]);
    expectOnly(join(folder, "real"), ["model.xlsx"]);
  });

  it("refuses a link to a file that does not exist", async () => {
    symlinkSync(join(folder, "nowhere.xlsx"), join(folder, "dangling.xlsx"));
    expectRefusal(await run(["export", id, "--out", "dangling.xlsx"]), /link to a file that does not exist/);
    expectOnly(folder, ["dangling.xlsx"]);
  });

  it("refuses a link to a folder", async () => {
    mkdirSync(join(folder, "dir"));
    symlinkSync(join(folder, "dir"), join(folder, "dir.xlsx"));
    expectRefusal(await run(["export", id, "--out", "dir.xlsx"]), /is a folder/);
    expectOnly(folder, ["dir", "dir.xlsx"]);
    expectOnly(join(folder, "dir"), []);
  });

  it.runIf(existsSync("/dev/full"))("refuses a link to a device (/dev/full) and leaves the device alone", async () => {
    const before = lstatSync("/dev/full");
    symlinkSync("/dev/full", join(folder, "full.xlsx"));
    expectRefusal(await run(["export", id, "--out", "full.xlsx"]), /not a regular file/);
    const after = lstatSync("/dev/full");
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
    expectOnly(folder, ["full.xlsx"]);
  });
});

describe("export --out onto odd paths", () => {
  it("a folder", async () => {
    mkdirSync(join(folder, "taken.xlsx"));
    expectRefusal(await run(["export", id, "--out", "taken.xlsx"]), /"[^"]*taken\.xlsx" is a folder/);
    expectOnly(folder, ["taken.xlsx"]);
  });

  it("the preset file it reads (by another spelling, or through a link)", async () => {
    writeFileSync(join(folder, "mine.xlsx"), presetToFileText(tinyPreset()));
    const original = readFileSync(join(folder, "mine.xlsx"), "utf8");
    expectRefusal(await run(["export", "--file", "mine.xlsx", "--out", "mine.xlsx"]), /--out is the preset file being read/);
    expectRefusal(await run(["export", "--file", "mine.xlsx", "--out", `./../${folder.split("/").pop()}/mine.xlsx`]), /the preset file being read/);
    symlinkSync("mine.xlsx", join(folder, "alias.xlsx"));
    expectRefusal(await run(["export", "--file", "mine.xlsx", "--out", "alias.xlsx"]), /the preset file being read/);
    // Through a link to the folder: the same file by a path that realpath alone would not match.
    symlinkSync(folder, join(folder, "here"));
    expectRefusal(await run(["export", "--file", "mine.xlsx", "--out", "here/mine.xlsx"]), /the preset file being read/);
    expect(readFileSync(join(folder, "mine.xlsx"), "utf8")).toBe(original);
    expectOnly(folder, ["alias.xlsx", "here", "mine.xlsx"]);
  });

  it("a name too long for the file system", async () => {
    expectRefusal(await run(["export", id, "--out", `${"x".repeat(300)}.xlsx`]), /could not write .*name too long/);
    expectOnly(folder, []);
  });

  it("a target name near the limit still gets a temporary file beside it", async () => {
    const name = `${"y".repeat(250)}.xlsx`;
    const result = await run(["export", id, "--out", name]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expectOnly(folder, [name]);
  });
});

describe("a write that fails: the old file kept, no temporary file left", () => {
  /** A file system whose handles fail to write with `code`, as a full disk does. */
  function failingWrites(code: string): CliFs {
    return {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        Object.defineProperty(handle, "writeFile", {
          value: async () => {
            await nodeFs.appendFile(String(args[0]), "partial");
            throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
          },
        });
        return handle;
      }) as CliFs["open"],
    };
  }

  it("a full disk (ENOSPC) part-way through", async () => {
    writeFileSync(join(folder, "model.xlsx"), "old");
    expectRefusal(await run(["export", id, "--out", "model.xlsx"], failingWrites("ENOSPC")), /could not write "[^"]*model\.xlsx": ENOSPC: no space left on device$/m);
    expect(readFileSync(join(folder, "model.xlsx"), "utf8")).toBe("old");
    expectOnly(folder, ["model.xlsx"]);
  });

  it("a new file: nothing at all is left", async () => {
    expectRefusal(await run(["export", id, "--out", "model.xlsx"], failingWrites("EIO")), /could not write/);
    expectOnly(folder, []);
  });
});
