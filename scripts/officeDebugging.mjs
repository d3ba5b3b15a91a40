/*
 * Runs office-addin-debugging (start or stop) and reads its output, because its exit
 * code is no evidence: it prints "Error: The current platform is not supported" or
 * "Unable to sideload the Office Add-in" and still exits 0.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The errors office-addin-debugging printed, in one line ("" when none). */
export function problemIn(output) {
  const lines = output
    .split(/\r?\n/)
    .filter((line) => /\berror\b|unable to|not supported|failed/i.test(line))
    .map((line) => line.trim().replace(/^Error:\s*/i, ""));
  return [...new Set(lines)].join(" ");
}

/** Runs `office-addin-debugging <args>` in the project, echoing its output; resolves with its exit code and output. */
export function runOfficeAddinDebugging(args) {
  const cli = join(dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
        process.stdout.write(chunk);
      });
    }
    child.on("error", (error) => done({ code: -1, output: `${output}\nError: ${error.message}` }));
    child.on("close", (code) => done({ code: code ?? -1, output }));
  });
}
