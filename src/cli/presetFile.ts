/**
 * A user's preset file for `show --file` and `export --file`: read from a path
 * or from standard input ("-"), never more than the size limit allows, decoded
 * as UTF-8 and checked by parsePresetFileBytes, as the pane reads a file. A file is untrusted: every way it
 * can fail ends in a one-line message, never in a throw.
 */
import { resolve } from "node:path";
import { parsePresetFileBytes, presetFileMaxBytes } from "../presets/file";
import type { Preset } from "../presets/types";
import type { CliFs, CliIo } from "./io";
import { cliMessages } from "./messages";

export type PresetFileRead = { readonly ok: true; readonly preset: Preset } | { readonly ok: false; readonly message: string };

/** What reading the raw file gave. */
type RawRead =
  | { readonly kind: "bytes"; readonly bytes: Uint8Array }
  /** Over the limit; `size` when the file system told it before anything was read. */
  | { readonly kind: "tooLarge"; readonly size?: number }
  | { readonly kind: "unreadable"; readonly reason: string };

type FileHandle = Awaited<ReturnType<CliFs["open"]>>;

/** The name of standard input as a --file value. */
export const standardInput = "-";

function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Why a file could not be opened or read, in a few words. */
function readProblem(error: unknown): RawRead {
  switch (errorCode(error)) {
    case "ENOENT":
      return { kind: "unreadable", reason: cliMessages.fileNotFound() };
    case "EISDIR":
      return { kind: "unreadable", reason: cliMessages.fileIsFolder() };
    case "EACCES":
    case "EPERM":
      return { kind: "unreadable", reason: cliMessages.filePermissionDenied() };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages read "ENOTDIR: not a directory, open '/x/y'": keep the part before the path.
  return { kind: "unreadable", reason: message.split(", ")[0] ?? message };
}

/**
 * Reads at most `maxBytes + 1` bytes from an open file: one byte more than the
 * limit tells that the file is over it, whatever its size said (a device, a
 * pipe or a file that grows reports a size of 0 or less than it holds).
 */
async function readHandleCapped(handle: FileHandle, maxBytes: number): Promise<RawRead> {
  const buffer = new Uint8Array(maxBytes + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled > maxBytes ? { kind: "tooLarge" } : { kind: "bytes", bytes: buffer.subarray(0, filled) };
}

/** Reads a stream chunk by chunk and stops as soon as it holds more than `maxBytes`. */
async function readStreamCapped(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<RawRead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      // Leaving the loop early ends the stream: nothing more is read.
      if (total > maxBytes) return { kind: "tooLarge" };
      chunks.push(bytes);
    }
  } catch (error) {
    return readProblem(error);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return { kind: "bytes", bytes: all };
}

/** Opens `path` and checks what it is and its size before reading anything, then reads it up to the limit. */
async function readFileCapped(fs: CliFs, path: string, maxBytes: number): Promise<RawRead> {
  let handle: FileHandle;
  try {
    handle = await fs.open(path, "r");
  } catch (error) {
    return readProblem(error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { kind: "unreadable", reason: cliMessages.fileIsFolder() };
    if (stats.isFile() && stats.size > maxBytes) return { kind: "tooLarge", size: stats.size };
    return await readHandleCapped(handle, maxBytes);
  } catch (error) {
    return readProblem(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The preset in `file` (relative to the working folder; "-" reads standard
 * input), or the one-line reason it was refused: unreadable, over `maxBytes`
 * (for a regular file, checked before anything is read), not UTF-8, or the
 * first problem parsePresetFileBytes finds, which says where and what.
 */
export async function readPresetFile(file: string, io: CliIo, maxBytes: number = presetFileMaxBytes): Promise<PresetFileRead> {
  const refused = (problem: string, moreProblems = 0): PresetFileRead => ({
    ok: false,
    message: cliMessages.presetFileRefused(file, problem, moreProblems),
  });
  const raw =
    file === standardInput ? await readStreamCapped(io.stdin(), maxBytes) : await readFileCapped(io.fs, resolve(io.cwd, file), maxBytes);
  switch (raw.kind) {
    case "unreadable":
      return { ok: false, message: cliMessages.presetFileUnreadable(file, raw.reason) };
    case "tooLarge":
      return refused(raw.size === undefined ? cliMessages.overLimitWhileReading(maxBytes) : cliMessages.fileTooLarge(raw.size, maxBytes));
    case "bytes":
      break;
  }
  const parsed = parsePresetFileBytes(raw.bytes, { maxBytes });
  return parsed.ok ? { ok: true, preset: parsed.value } : refused(parsed.error.message, parsed.issues.length - 1);
}
