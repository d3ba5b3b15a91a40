/**
 * What the command line touches outside itself, passed in so every command runs
 * in-process in tests: two writers for the streams, standard input, a few
 * file-system calls, the clock, and the folder relative paths resolve against.
 */
import * as nodeFs from "node:fs/promises";
import { cliMessages } from "./messages";

/** The file-system calls the commands use, with node:fs/promises' signatures. */
export type CliFs = Pick<typeof nodeFs, "open" | "stat" | "lstat" | "realpath" | "access" | "rename" | "rm">;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as a stream of chunks, asked for only when a command reads it (`--file -`). */
  readonly stdin: () => AsyncIterable<Uint8Array | string>;
  readonly fs: CliFs;
  /** Relative paths (such as --out and --file) resolve against this folder. */
  readonly cwd: string;
  /** The current time, for the "Values frozen on ..." line of `export --values`. */
  readonly now: () => Date;
}

/**
 * The folder the user ran the command in. `npm run aicost` runs the script in
 * the package's folder and passes the user's folder as INIT_CWD; anywhere else
 * (the installed bin) it is the process's own working folder.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const viaNpmScript = env.npm_lifecycle_event === "aicost" && env.INIT_CWD !== undefined && env.INIT_CWD !== "";
  return viaNpmScript ? (env.INIT_CWD as string) : cwd;
}

/** The real process: its streams, its file system, its clock and the user's working folder. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => process.stdin,
    fs: nodeFs,
    cwd: userFolder(),
    now: () => new Date(),
  };
}

/**
 * Standard output that cannot take what is written to it, which Node reports
 * as an 'error' event after the write: a full disk (`> /dev/full`) is one line
 * on stderr and exit status 1, never a stack trace; a reader that stopped
 * reading (`| head -1`) ends the output quietly, as `cat` does, for that is
 * what the reader asked for. `failed()` says whether the status must be 1.
 */
export function watchStandardOutput(
  stdout: NodeJS.EventEmitter,
  stderr: (line: string) => void,
): { readonly failed: () => boolean } {
  let failed = false;
  stdout.on("error", (error: unknown) => {
    const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === "EPIPE") return;
    if (!failed) {
      const message = error instanceof Error ? error.message : String(error);
      stderr(`aicost: ${cliMessages.outputFailed(typeof code === "string" ? (message.split(", ")[0] ?? message) : message)}\n`);
    }
    failed = true;
    process.exitCode = 1;
  });
  return { failed: () => failed };
}
