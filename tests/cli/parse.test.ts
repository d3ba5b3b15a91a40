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
    expect(command("list")).toEqual({ kind: "list" });
    expect(command("show", "meta-2026")).toEqual({ kind: "show", id: "meta-2026", json: false });
    expect(command("show", "meta-2026", "--json")).toEqual({ kind: "show", id: "meta-2026", json: true });
    expect(command("show", "--json", "meta-2026")).toEqual({ kind: "show", id: "meta-2026", json: true });
    expect(command("export", "meta-2026", "--out", "a.xlsx")).toEqual({ kind: "export", id: "meta-2026", out: "a.xlsx" });
    expect(command("export", "--out=a.xlsx", "meta-2026")).toEqual({ kind: "export", id: "meta-2026", out: "a.xlsx" });
    expect(command("export", "meta-2026", "-o", "a.xlsx")).toEqual({ kind: "export", id: "meta-2026", out: "a.xlsx" });
  });

  it("treats every word after -- as an argument", () => {
    expect(command("show", "--", "--json")).toEqual({ kind: "show", id: "--json", json: false });
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
    expect(problem("frobnicate")).toMatch(/unknown command "frobnicate".*list, show, export/);
    expect(problem("--json")).toMatch(/unknown option "--json"/);
    expect(problem("show")).toMatch(/missing preset id/);
    expect(problem("export")).toMatch(/missing preset id/);
    expect(problem("export", "meta-2026")).toMatch(/missing --out/);
    expect(problem("export", "meta-2026", "--out")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out=")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out", "--json")).toMatch(/--out needs a value/);
    expect(problem("export", "meta-2026", "--out", "a.xlsx", "-o", "b.xlsx")).toMatch(/--out was given more than once/);
    expect(problem("show", "meta-2026", "--verbose")).toMatch(/unknown option "--verbose" for show; show takes --json/);
    expect(problem("show", "meta-2026", "--out", "a.xlsx")).toMatch(/unknown option "--out" for show/);
    expect(problem("export", "meta-2026", "--json", "--out", "a.xlsx")).toMatch(/unknown option "--json" for export/);
    expect(problem("list", "--json")).toMatch(/list takes no options/);
    expect(problem("list", "extra")).toMatch(/unexpected argument "extra" for list/);
    expect(problem("show", "a", "b")).toMatch(/unexpected argument "b" for show/);
    expect(problem("show", "a", "--json=yes")).toMatch(/--json takes no value/);
  });

  it("keeps every problem to one line", () => {
    for (const argv of [["x"], ["show"], ["export", "a"], ["list", "-z"], ["show", "a", "b"]]) {
      expect(problem(...argv)).not.toMatch(/\n/);
    }
  });
});
