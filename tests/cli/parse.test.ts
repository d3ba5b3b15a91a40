/* Argument parsing alone: every accepted form and every refusal. */
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/cli";

function command(...argv: string[]) {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) throw new Error(`expected a command for ${argv.join(" ")}`);
  return parsed.command;
}

function problem(...argv: string[]): string {
  const parsed = parseCommandLine(argv);
  if (parsed.ok || parsed.reason !== "invalid") throw new Error(`expected a problem for ${argv.join(" ")}`);
  return parsed.message;
}

describe("parseCommandLine", () => {
  it("reads each command", () => {
    const meta = { id: "meta-2026" };
    expect(command("list")).toEqual({ kind: "list" });
    expect(command("preset", "meta-2026")).toEqual({ kind: "preset", id: "meta-2026" });
    expect(command("show", "meta-2026")).toEqual({ kind: "show", preset: meta, json: false });
    expect(command("show", "meta-2026", "--json")).toEqual({ kind: "show", preset: meta, json: true });
    expect(command("show", "--json", "meta-2026")).toEqual({ kind: "show", preset: meta, json: true });
    expect(command("export", "meta-2026", "--out", "a.xlsx")).toEqual({ kind: "export", preset: meta, out: "a.xlsx", values: false });
    expect(command("export", "--out=a.xlsx", "meta-2026")).toEqual({ kind: "export", preset: meta, out: "a.xlsx", values: false });
    expect(command("export", "meta-2026", "-o", "a.xlsx")).toEqual({ kind: "export", preset: meta, out: "a.xlsx", values: false });
    expect(command("export", "meta-2026", "-o", "a.xlsx", "--values")).toEqual({ kind: "export", preset: meta, out: "a.xlsx", values: true });
  });

  it("reads --file in place of a preset id", () => {
    const mine = { file: "my.json" };
    expect(command("show", "--file", "my.json")).toEqual({ kind: "show", preset: mine, json: false });
    expect(command("show", "--file=my.json", "--json")).toEqual({ kind: "show", preset: mine, json: true });
    expect(command("show", "-f", "my.json")).toEqual({ kind: "show", preset: mine, json: false });
    expect(command("show", "--file", "-")).toEqual({ kind: "show", preset: { file: "-" }, json: false });
    expect(command("export", "--file", "my.json", "--out", "m.xlsx")).toEqual({ kind: "export", preset: mine, out: "m.xlsx", values: false });
    expect(command("export", "--values", "-o", "m.xlsx", "-f", "my.json")).toEqual({ kind: "export", preset: mine, out: "m.xlsx", values: true });
  });

  it("treats every word after -- as an argument", () => {
    expect(command("show", "--", "--json")).toEqual({ kind: "show", preset: { id: "--json" }, json: false });
    expect(problem("show", "--file", "my.json", "--", "--json")).toMatch(/give a preset id or --file, not both/);
  });

  it("lets --help win anywhere before --", () => {
    expect(command("--help")).toEqual({ kind: "help" });
    expect(command("-h")).toEqual({ kind: "help" });
    expect(command("show", "x", "--help")).toEqual({ kind: "help" });
    expect(command("nonsense", "--help")).toEqual({ kind: "help" });
  });

  it("reports no command apart from the other problems", () => {
    expect(parseCommandLine([])).toEqual({ ok: false, reason: "noCommand" });
  });

  it("names the problem", () => {
    expect(problem("frobnicate")).toMatch(/unknown command "frobnicate".*list, preset, show, export/);
    expect(problem("--json")).toMatch(/unknown option "--json"/);
    expect(problem("show")).toMatch(/missing preset id/);
    expect(problem("export")).toMatch(/missing preset id/);
    expect(problem("export", "meta-2026")).toMatch(/missing --out/);
    expect(problem("export", "meta-2026", "--out")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out=")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out", "--json")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out", "a.xlsx", "-o", "b.xlsx")).toMatch(/--out was given more than once/);
    expect(problem("show", "meta-2026", "--verbose")).toMatch(/unknown option "--verbose" for show; show takes --file, --json/);
    expect(problem("show", "meta-2026", "--out", "a.xlsx")).toMatch(/unknown option "--out" for show/);
    expect(problem("export", "meta-2026", "--json", "--out", "a.xlsx")).toMatch(/unknown option "--json" for export/);
    expect(problem("list", "--json")).toMatch(/list takes no options/);
    expect(problem("list", "extra")).toMatch(/unexpected argument "extra" for list/);
    expect(problem("show", "a", "b")).toMatch(/unexpected argument "b" for show/);
    expect(problem("show", "a", "--json=yes")).toMatch(/--json takes no value/);
    expect(problem("export", "a", "--out", "a.xlsx", "--values=yes")).toMatch(/--values takes no value/);
    expect(problem("preset")).toMatch(/missing preset id: aicost preset <id>/);
    expect(problem("preset", "a", "b")).toMatch(/unexpected argument "b" for preset/);
    expect(problem("preset", "--file", "my.json")).toMatch(/unknown option "--file" for preset; preset takes no options/);
    expect(problem("preset", "a", "--json")).toMatch(/unknown option "--json" for preset/);
    expect(problem("show", "--json")).toMatch(/missing preset id: aicost show <id>, or aicost show --file <preset\.json>/);
    expect(problem("show", "--file")).toMatch(/--file needs a value: --file <preset\.json>/);
    expect(problem("show", "--file=")).toMatch(/--file needs a value/);
    expect(problem("show", "meta-2026", "--file", "my.json")).toMatch(/give a preset id or --file, not both/);
    expect(problem("export", "--file", "my.json", "meta-2026", "--out", "a.xlsx")).toMatch(/give a preset id or --file, not both/);
    expect(problem("show", "--file", "a.json", "-f", "b.json")).toMatch(/--file was given more than once/);
    expect(problem("show", "--file", "a.json", "--values")).toMatch(/unknown option "--values" for show/);
    expect(problem("export", "--file", "my.json")).toMatch(/missing --out/);
  });

  it("keeps every problem to one line", () => {
    for (const argv of [["x"], ["show"], ["export", "a"], ["list", "-z"], ["show", "a", "b"], ["show", "a", "-f", "b"], ["preset"]]) {
      expect(problem(...argv)).not.toMatch(/\n/);
    }
  });
});
