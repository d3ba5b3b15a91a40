/**
 * Writing a file whole or not at all, over a file that may already be there:
 *
 *  1. `outputTarget` finds the file that will be written. A symbolic link is
 *     followed to its target (the link stays, as an editor saving through a
 *     link keeps it). A folder, a device or other non-regular file, a link to
 *     nothing and a read-only file are refused; the folder must exist and be
 *     writable. An existing file's permissions are kept.
 *  2. `writeWhole` writes the bytes into a temporary file beside the target
 *     (same folder, so the rename cannot cross file systems; a unique name,
 *     created exclusively, readable only by its owner while it is written),
 *     gives it the old file's mode, flushes it to disk and renames it over the
 *     target. On any failure the temporary file is removed: the old file stays
 *     as it was, and a new one never appears half-written.
 *
 * Errors are values: each step returns the one-line problem, never throws.
 */
import { randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CliFs } from "./io";
import { cliMessages } from "./messages";

/** The file `writeWhole` replaces or creates, and the mode to give it (undefined for a new file). */
export interface OutputTarget {
  /** The real path written: `path` itself, or the file a link at `path` points to. */
  readonly path: string;
  readonly mode: number | undefined;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The mode a new file is created with, before the umask: what any program gives a new document. */
const newFileMode = 0o666;
/** The temporary file's mode while it replaces an existing file: nobody else reads it half-way. */
const privateMode = 0o600;
/** The longest part of the target's name kept in the temporary file's name (file names stop at 255 bytes). */
const maxNameInTemporary = 64;

function codeOf(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Node's message without the path it appends ("ENOSPC: no space left on device, write" -> "ENOSPC: no space left on device"). */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return codeOf(error) === undefined ? message : (message.split(", ")[0] ?? message);
}

function fail<T>(message: string): Outcome<T> {
  return { ok: false, message };
}

/** Why `folder` cannot take a new file, or null when it can. */
async function folderProblem(fs: CliFs, folder: string): Promise<string | null> {
  try {
    const stats = await fs.stat(folder);
    if (!stats.isDirectory()) return cliMessages.notAFolder(folder);
  } catch (error) {
    if (codeOf(error) === "ENOTDIR") return cliMessages.notAFolder(folder);
    if (codeOf(error) === "ENOENT") return cliMessages.folderMissing(folder);
    return cliMessages.writeFailed(folder, reasonOf(error));
  }
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    return cliMessages.folderNotWritable(folder);
  }
  return null;
}

/** Follows a link at `path` to the file it names; `path` itself when it is no link or does not exist. */
async function realTarget(fs: CliFs, path: string): Promise<Outcome<string>> {
  try {
    const link = await fs.lstat(path);
    if (!link.isSymbolicLink()) return { ok: true, value: path };
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT") return { ok: true, value: path };
    if (code === "ENOTDIR") return fail(cliMessages.notAFolder(dirname(path)));
    return fail(cliMessages.writeFailed(path, reasonOf(error)));
  }
  try {
    return { ok: true, value: await fs.realpath(path) };
  } catch (error) {
    if (codeOf(error) === "ENOENT") return fail(cliMessages.danglingLink(path));
    return fail(cliMessages.writeFailed(path, reasonOf(error)));
  }
}

/** The file that writing to `path` replaces or creates, or why it cannot be written. */
export async function outputTarget(fs: CliFs, path: string): Promise<Outcome<OutputTarget>> {
  const real = await realTarget(fs, path);
  if (!real.ok) return real;
  const target = real.value;
  let mode: number | undefined;
  try {
    const stats = await fs.stat(target);
    if (stats.isDirectory()) return fail(cliMessages.outIsFolder(path));
    if (!stats.isFile()) return fail(cliMessages.notRegularFile(path));
    mode = stats.mode & 0o7777;
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOTDIR") return fail(cliMessages.notAFolder(dirname(target)));
    if (code !== "ENOENT") return fail(cliMessages.writeFailed(path, reasonOf(error)));
  }
  const problem = await folderProblem(fs, dirname(target));
  if (problem !== null) return fail(problem);
  if (mode !== undefined) {
    // A file with no write permission for anyone is marked read-only (as Windows' attribute maps to);
    // access() also says so for a user who may not write it. Either way the user meant it kept.
    let writable = (mode & 0o222) !== 0;
    if (writable) writable = await fs.access(target, fsConstants.W_OK).then(() => true, () => false);
    if (!writable) return fail(cliMessages.fileReadOnly(path));
  }
  return { ok: true, value: { path: target, mode } };
}

/** A name for the temporary file beside `path`: hidden, unique, and short enough for any file system. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, maxNameInTemporary)}.${randomUUID()}.tmp`);
}

type FileHandle = Awaited<ReturnType<CliFs["open"]>>;

/**
 * Writes `bytes` to `target` all at once or not at all (see the top of this
 * file). `shownPath` is the path as messages name it.
 */
export async function writeWhole(fs: CliFs, target: OutputTarget, bytes: Uint8Array, shownPath: string): Promise<Outcome<null>> {
  const temporary = temporaryBeside(target.path);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    handle = await fs.open(temporary, "wx", target.mode === undefined ? newFileMode : privateMode);
    created = true;
    await handle.writeFile(bytes);
    if (target.mode !== undefined) await handle.chmod(target.mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temporary, target.path);
    return { ok: true, value: null };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await fs.rm(temporary, { force: true }).catch(() => undefined);
    return fail(cliMessages.writeFailed(shownPath, reasonOf(error)));
  }
}
