/*
 * The pid files of running `npm start` servers, one per port, so that `npm stop`
 * from another terminal can end them: node_modules/.cache/aicost/server-<port>.json.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const recordDir = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "node_modules", ".cache", "aicost");

export function serverRecordPath(port) {
  return join(recordDir, `server-${port}.json`);
}

/** @param {number} port @param {{ pid: number, port: number, target: string, url: string }} record */
export function writeServerRecord(port, record) {
  mkdirSync(recordDir, { recursive: true });
  writeFileSync(serverRecordPath(port), `${JSON.stringify({ ...record, startedAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Removes the record of a port, only if it is the given process's. */
export function removeServerRecord(port, pid) {
  const record = readServerRecord(serverRecordPath(port));
  if (record && record.pid === pid) rmSync(serverRecordPath(port), { force: true });
}

function readServerRecord(path) {
  try {
    const record = JSON.parse(readFileSync(path, "utf8"));
    return Number.isInteger(record.pid) && Number.isInteger(record.port) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Every record on disk, with its path. */
export function listServerRecords() {
  let names;
  try {
    names = readdirSync(recordDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^server-\d+\.json$/.test(name))
    .map((name) => ({ path: join(recordDir, name), record: readServerRecord(join(recordDir, name)) }))
    .filter((entry) => entry.record !== undefined);
}
