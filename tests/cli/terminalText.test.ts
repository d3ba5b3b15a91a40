/*
 * A preset file, a file name or an argument cannot steer the terminal: every
 * command writes control characters (C0 but the line feed, DEL, C1 such as
 * U+009B CSI and U+0085 NEL), line and paragraph separators, direction marks,
 * embeddings, overrides and isolates and other invisible format characters as
 * `\uXXXX`, on stdout exactly as on stderr. JSON output stays JSON that parses
 * to the preset's own text.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { printable, quotedPrintable } from "../../src/cli/printable";
import { builtInPresets, planSheet, presetToFileText, type Preset } from "../../src/presets";
import { hostilePreset, hostileTexts } from "../fixtures/hostileText";
import { tinyPreset } from "../presets/helpers";
import { runAicost, type Run } from "./harness";

/**
 * What must never reach a terminal raw, listed here by hand rather than taken
 * from the code under test: C0 controls but the line feed, DEL, C1, U+2028/9,
 * the direction marks, embeddings, overrides and isolates, soft hyphen, the
 * zero-width space, word joiner and its kin, the byte order mark, tag characters.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const steering = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

/** The characters of `text` that would steer a terminal, as code points in hex, for a readable failure. */
function steeringIn(text: string): string[] {
  return [...text].filter((ch) => steering.test(ch)).map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
}

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-terminal-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(argv: string[]): Promise<Run> {
  return runAicost(argv, { cwd: folder });
}

function presetFile(preset: Preset, name = "hostile.json"): string {
  writeFileSync(join(folder, name), presetToFileText(preset));
  return name;
}

/** A title with a CSI colour sequence and a right-to-left override, as a reader of the output must see it. */
const hostileTitle = "invoice\u202Efdp.exe \u009B31mred\u009B0m";
const hostileTitleEscaped = "invoice\\u202Efdp.exe \\u009B31mred\\u009B0m";

describe("the hostile-text corpus", () => {
  it("holds the characters that steer a terminal, in text a preset file accepts", () => {
    const accepted = hostileTexts.filter((h) => h.inPreset === "oneLine" || h.inPreset === "multiLine").map((h) => h.text).join("");
    for (const ch of ["\u009B", "\u0085", "\u007F", "\u202E", "\u2066", "\u2069", "\u202A", "\u2028", "\u2029", "\t", "\r", "\u{E0041}"]) {
      expect(accepted, `U+${(ch.codePointAt(0) ?? 0).toString(16)}`).toContain(ch);
    }
  });
});

describe("stdout carries no character that steers a terminal", () => {
  const preset = hostilePreset();

  it("show --file: the table", async () => {
    const result = await run(["show", "--file", presetFile(preset)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(steeringIn(result.stdout)).toEqual([]);
    // The escaped text is there to read, not dropped.
    expect(result.stdout).toContain("invoice\\u202Efdp.exe");
    expect(result.stdout).toContain("\\u009B2J\\u009B31mcleared and red\\u009B0m");
    expect(result.stdout).toContain("first\\u0085second");
    expect(result.stdout).toContain("col one\\u0009col two");
    expect(result.stdout).toContain("shown\\u000DOVERWRITTEN");
    expect(result.stdout).toContain("tag\\uDB40\\uDC41\\uDB40\\uDC7F");
    // Emoji joined by U+200D stay joined.
    expect(result.stdout).toContain("👩‍💻");
  });

  it("show --file --json: JSON with the same texts, escaped by JSON's \\u notation", async () => {
    const result = await run(["show", "--json", "--file", presetFile(preset)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(steeringIn(result.stdout)).toEqual([]);
    const parsed = JSON.parse(result.stdout) as { title: string; cells: { address: string; value: unknown }[] };
    expect(parsed.title).toBe(preset.title);
    const byAddress = new Map(parsed.cells.map((c) => [c.address, c.value]));
    for (const cell of planSheet(preset).cells) {
      if (cell.content.kind === "text") expect(byAddress.get(cell.address), cell.address).toBe(cell.content.text);
    }
  });

  it("show and export: a hostile title, and the sheet name made from it", async () => {
    const titled: Preset = { ...tinyPreset(), title: hostileTitle };
    const shown = await run(["show", "--file", presetFile(titled)]);
    expect(shown.status).toBe(0);
    expect(steeringIn(shown.stdout)).toEqual([]);
    expect(shown.stdout).toContain(hostileTitleEscaped);

    const exported = await run(["export", "--file", presetFile(titled), "--out", "x.xlsx"]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(steeringIn(exported.stdout)).toEqual([]);
  });

  it("export: an --out path with control characters is named escaped", async () => {
    const out = "a\u009B2Jb\u202E.xlsx";
    const result = await run(["export", builtInPresets[0]?.id ?? "", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(steeringIn(result.stdout)).toEqual([]);
    expect(result.stdout).toContain("a\\u009B2Jb\\u202E.xlsx");
  });

  it.each(builtInPresets.map((p) => p.id))("list, and preset, show and show --json of %s", async (id) => {
    for (const argv of [["list"], ["preset", id], ["show", id], ["show", id, "--json"]]) {
      const result = await run(argv);
      expect(result.status, argv.join(" ")).toBe(0);
      expect(steeringIn(result.stdout), argv.join(" ")).toEqual([]);
    }
  });
});

describe("stdout and stderr escape alike", () => {
  it("the same text shown by show on stdout and quoted by an error on stderr", async () => {
    const shown = await run(["show", "--file", presetFile({ ...tinyPreset(), title: hostileTitle })]);
    const refused = await run(["show", hostileTitle]);
    expect(refused.status).toBe(1);
    expect(shown.stdout).toContain(hostileTitleEscaped);
    expect(refused.stderr).toContain(`"${hostileTitleEscaped}"`);
    expect(steeringIn(refused.stderr.slice(0, -1))).toEqual([]);
  });

  it("an error that quotes text from a preset file", async () => {
    const text = presetToFileText({ ...tinyPreset(), id: "bad\u009B2J\u202Eid" });
    writeFileSync(join(folder, "bad.json"), text);
    const result = await run(["show", "--file", "bad.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^aicost: [^\n]+\n$/);
    expect(result.stderr).toContain("bad\\u009B2J\\u202Eid");
    expect(steeringIn(result.stderr.slice(0, -1))).toEqual([]);
  });
});

describe("printable", () => {
  it("escapes each steering character as JSON's \\uXXXX and keeps the rest", () => {
    expect(printable("a\u001B[2Jb")).toBe("a\\u001B[2Jb");
    expect(printable("\u009B\u0085\u007F\u202E\u2066\u2069\u2028\u2029\u200B\uFEFF")).toBe(
      "\\u009B\\u0085\\u007F\\u202E\\u2066\\u2069\\u2028\\u2029\\u200B\\uFEFF",
    );
    expect(printable("tab\there\rcr")).toBe("tab\\u0009here\\u000Dcr");
    expect(printable("line\nfeed")).toBe("line\nfeed");
    expect(printable("tag\u{E0041}")).toBe("tag\\uDB40\\uDC41");
    expect(printable("half \uD83D emoji")).toBe("half \\uD83D emoji");
    const kept = "تكلفة 💸 👩‍💻 𝔸𝕀 می‌خواهم café ñ 漢字";
    expect(printable(kept)).toBe(kept);
  });

  it("is JSON's escape: JSON text stays JSON with the same value", () => {
    const value = { text: "\u009B\u0085\u202E\u2028 \u{E0041}" };
    const escaped = printable(JSON.stringify(value));
    expect(steeringIn(escaped)).toEqual([]);
    expect(JSON.parse(escaped)).toEqual(value);
  });

  it("changes nothing on a second pass", () => {
    const once = printable(hostileTexts.map((h) => h.text).join("|"));
    expect(printable(once)).toBe(once);
  });
});

describe("quotedPrintable", () => {
  it("quotes as JSON does for quotes and backslashes, and escapes as printable does, line feeds too", () => {
    expect(quotedPrintable('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
    expect(quotedPrintable("a\nb\tc\u001B[2J\u202E")).toBe('"a\\u000Ab\\u0009c\\u001B[2J\\u202E"');
    expect(JSON.parse(quotedPrintable("x\u009B\n\"\\y"))).toBe("x\u009B\n\"\\y");
  });

  it("an argument with an escape character reads the same on stderr as on stdout", async () => {
    const refused = await run(["show", "\u001B[2Jx\ty"]);
    expect(refused.stderr).toContain('"\\u001B[2Jx\\u0009y"');
    const wrote = await run(["export", builtInPresets[0]?.id ?? "", "--out", "\u001B[2Jx\ty.xlsx"]);
    expect(wrote.stdout).toContain("\\u001B[2Jx\\u0009y.xlsx");
  });
});
