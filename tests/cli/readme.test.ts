/*
 * The README's command-line section is the command's real behaviour: each
 * indented example that starts with "$ npm run --silent aicost -- <args>" is
 * run in-process and its output compared line by line (an example whose output
 * is an "aicost: ..." line is a refusal: exit 1, that line on stderr), and the
 * limits of a preset file it states are the ones the reader applies.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { maxYears } from "../../src/calc";
import { presetFileLimits } from "../../src/presets";
import { runAicost } from "./harness";

const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
const prompt = "$ npm run --silent aicost -- ";
const section = /^## Command line\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];

interface Example {
  readonly args: string[];
  readonly output: string;
}

/** The examples in the README's "Command line" section. */
function examples(): Example[] {
  const lines = (section ?? "").split("\n");
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
  it("has examples to run", () => {
    expect(documented.length).toBeGreaterThanOrEqual(2);
  });

  it.each(documented.map((example) => [example.args.join(" "), example] as const))("aicost %s", async (_label, example) => {
    const { status, stdout, stderr } = await runAicost(example.args);
    if (example.output.startsWith("aicost: ")) {
      expect(status).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.trimEnd()).toBe(example.output.trimEnd());
    } else {
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(stdout.trimEnd()).toBe(example.output.trimEnd());
    }
  });
});

describe("README preset-file limits", () => {
  const text = (section ?? "").replace(/\s+/g, " ");
  const grouped = (n: number): string => n.toLocaleString("en-US");
  const stated = [
    `${presetFileLimits.maxBytes / 1024} KB`,
    `${grouped(presetFileLimits.maxSources)} sources`,
    `${grouped(presetFileLimits.maxInputs)} inputs`,
    `${grouped(presetFileLimits.maxOutputs)} outputs`,
    `${grouped(presetFileLimits.maxNotes)} notes`,
    `at most ${grouped(presetFileLimits.maxKeyLength)} characters`,
    `text at most ${grouped(presetFileLimits.maxTextLength)}`,
    `at most ${grouped(presetFileLimits.maxTimelineRows)} \`rows\``,
    `at most ${grouped(presetFileLimits.maxTimelineSummaries)} \`summaries\``,
    `\`years\` (1 to ${maxYears}`,
  ];

  it.each(stated)("states %s", (figure) => {
    expect(text).toContain(figure);
  });
});
