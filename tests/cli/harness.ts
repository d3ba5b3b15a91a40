/* Running the command line in-process with captured streams, a given standard input and a fixed clock. */
import * as nodeFs from "node:fs/promises";
import { runCli } from "../../src/cli/cli";
import type { CliFs, CliIo } from "../../src/cli/io";

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly fs?: CliFs;
  readonly cwd?: string;
  /** Standard input: text, or any stream of chunks; empty when not given. */
  readonly stdin?: string | (() => AsyncIterable<Uint8Array | string>);
  readonly now?: Date;
}

/** A moment to freeze values at in tests: 2026-04-24 09:05:59 UTC. */
export const fixedNow = new Date(Date.UTC(2026, 3, 24, 9, 5, 59));

async function* chunksOf(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

export function testIo(options: RunOptions, streams: { stdout: (text: string) => void; stderr: (text: string) => void }): CliIo {
  const stdin = options.stdin ?? "";
  return {
    ...streams,
    stdin: typeof stdin === "string" ? () => chunksOf(stdin) : stdin,
    fs: options.fs ?? nodeFs,
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? fixedNow,
  };
}

export async function runAicost(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io = testIo(options, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}
