#!/usr/bin/env node
/*
 * npm stop: ends the servers that `npm start` runs (all of them, or the one on
 * AICOST_PORT), found through their pid files. Where one had sideloaded the add-in
 * into Excel, or where office-addin-debugging started a dev server itself
 * (`npm run start:web`, `npm run start:desktop`), also runs
 * `office-addin-debugging stop manifest.xml` and checks its output, since that
 * tool exits 0 even when it fails.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { problemIn, runOfficeAddinDebugging } from "./officeDebugging.mjs";
import { listServerRecords } from "./serverRecord.mjs";

/** Whether a process is running (a zombie, ended but not yet collected by its parent, is not). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc here: the signal check is all there is
  }
}

/** Where the system says what a process runs (Linux), check that a pid still belongs to scripts/start.mjs. */
function isStartScript(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, "utf8").includes("start.mjs");
  } catch {
    return false;
  }
}

/** The dev server office-addin-debugging started and recorded, if any (it keeps the pid in the temp folder). */
function officeDevServerPid() {
  try {
    const info = JSON.parse(readFileSync(join(tmpdir(), "office-addin-debugging.json"), "utf8"));
    const pid = Number(info?.devServer?.processId);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function unregisterFromExcel() {
  const { code, output } = await runOfficeAddinDebugging(["stop", "manifest.xml"]);
  const problem = problemIn(output);
  if (code !== 0 || problem || !/Debugging has been stopped\./.test(output)) {
    console.error(`AICOST: removing the add-in from Excel failed: ${problem || `exit code ${code}`}`);
    return false;
  }
  return true;
}

async function waitForExit(pid, milliseconds) {
  const deadline = Date.now() + milliseconds;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return !isAlive(pid);
}

async function main() {
  const onlyPort = process.env.AICOST_PORT ? Number(process.env.AICOST_PORT) : undefined;
  const entries = listServerRecords().filter((entry) => onlyPort === undefined || entry.record.port === onlyPort);
  const officePid = onlyPort === undefined ? officeDevServerPid() : undefined;
  const officeServerRunning = officePid !== undefined && isAlive(officePid);
  if (entries.length === 0 && !officeServerRunning) {
    console.log(`AICOST: no server started with npm start is running${onlyPort ? ` on port ${onlyPort}` : ""}.`);
    return 0;
  }
  let failures = 0;
  let unregistered = false;
  for (const { path, record } of entries) {
    const { pid, port, target } = record;
    if (!isAlive(pid) || !isStartScript(pid)) {
      rmSync(path, { force: true });
      console.log(`AICOST: the server on port ${port} (pid ${pid}) had already ended; removed its pid file.`);
      continue;
    }
    if (target === "excel" && !unregistered) {
      unregistered = true;
      if (!(await unregisterFromExcel())) failures += 1;
    }
    process.kill(pid, "SIGTERM");
    if (await waitForExit(pid, 10_000)) {
      rmSync(path, { force: true }); // on Windows the process is ended without running its own clean-up
      console.log(`AICOST: stopped the server on port ${port} (pid ${pid}).`);
    } else {
      console.error(`AICOST: the server on port ${port} (pid ${pid}) did not stop within 10 s.`);
      failures += 1;
    }
  }
  if (officeServerRunning) {
    // office-addin-debugging stop removes the sideloaded add-in and ends the dev server it started.
    if (!unregistered && !(await unregisterFromExcel())) failures += 1;
    if (await waitForExit(officePid, 10_000)) console.log(`AICOST: stopped the dev server office-addin-debugging started (pid ${officePid}).`);
    else {
      console.error(`AICOST: the dev server office-addin-debugging started (pid ${officePid}) is still running.`);
      failures += 1;
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`AICOST: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
