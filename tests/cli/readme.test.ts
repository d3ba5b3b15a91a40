/*
 * The README's command-line examples are the command's real output: each
 * indented example that starts with "$ npm run --silent aicost -- <args>" is
 * run in-process and its output compared line by line.
 */
import * as nodeFs from "node:fs/promises";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli";

const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
const prompt = "$ npm run --silent aicost -- ";

interface Example {
  readonly args: string[];
  readonly output: string;
}

/** The examples in the README's "Command line" section. */
function examples(): Example[] {
  const section = /^## Command line\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  const lines = section.split("\n");
  const found: Example[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith(`    ${prompt}`)) return;
    const output: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j] ?? "").startsWith("    "); j++) {
      const next = (lines[j] ?? "").slice(4);
      if (next.startsWith("$ ")) break;
      output.push(next);
    }
    found.push({
      args: line
        .slice(4 + prompt.length)
        .trim()
        .split(/\s+/),
      output: output.join("\n"),
    });
  });
  return found;
}

const documented = examples();

describe("README command-line examples", () => {
  it.skipIf(documented.length > 0)("(the README has no command-line example yet)", () => {
    expect(readme).not.toMatch(/^## Command line/m);
  });

  it.each(documented.map((example) => [example.args.join(" "), example] as const))("aicost %s", async (_label, example) => {
    let stdout = "";
    const status = await runCli(example.args, {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      fs: nodeFs,
      cwd: process.cwd(),
    });
    expect(status).toBe(0);
    expect(stdout.trimEnd()).toBe(example.output.trimEnd());
  });
});
