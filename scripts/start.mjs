#!/usr/bin/env node
/*
 * npm start: build the add-in and serve it on localhost, then
 *  - on Windows and macOS with Excel installed: sideload it into Excel desktop
 *    (office-addin-debugging start manifest.xml desktop), as Office developers expect;
 *  - anywhere else (Linux, CI, no Excel): print the URL of the preview host, a page
 *    that stands in for Excel.
 * The server runs in the foreground until Ctrl+C or SIGTERM; `npm stop` from another
 * terminal ends it through the pid file written here.
 *
 * Environment: AICOST_PORT (default 3000, the port in manifest.xml); AICOST_TARGET=preview
 * (the preview even where Excel is installed) or AICOST_TARGET=excel (sideload even where
 * Excel is not found); AICOST_HTTP=1 (plain http).
 *
 * Exit codes: 0 after a clean stop; 1 on a real failure (busy port, failed build),
 * reported in one line starting with "AICOST: ".
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { problemIn, runOfficeAddinDebugging } from "./officeDebugging.mjs";
import { removeServerRecord, serverRecordPath, writeServerRecord } from "./serverRecord.mjs";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const host = "localhost";

class StartError extends Error {}

/** The port in manifest.xml: Excel loads the add-in from there and nowhere else. */
function manifestPort() {
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  const match = /https:\/\/localhost:(\d+)\//.exec(manifest);
  return match ? Number(match[1]) : 443;
}

function chosenPort() {
  const text = process.env.AICOST_PORT ?? process.env.npm_package_config_dev_server_port ?? "3000";
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartError(`AICOST_PORT must be a port number from 1 to 65535, not "${text}"`);
  }
  return port;
}

/** Whether Excel desktop is installed here (Windows: App Paths in the registry; macOS: the app bundle). */
function excelInstalled() {
  if (process.platform === "darwin") {
    return ["/Applications/Microsoft Excel.app", join(process.env.HOME ?? "", "Applications/Microsoft Excel.app")].some(existsSync);
  }
  if (process.platform === "win32") {
    const key = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
    return ["HKLM", "HKCU"].some(
      (hive) => spawnSync("reg", ["query", `${hive}\\${key}`, "/ve"], { stdio: "ignore", windowsHide: true }).status === 0,
    );
  }
  return false;
}

/** Excel desktop or the preview host, and why. */
function chooseTarget() {
  const asked = process.env.AICOST_TARGET;
  if (asked !== undefined && asked !== "excel" && asked !== "preview") {
    throw new StartError(`AICOST_TARGET must be "excel" or "preview", not "${asked}"`);
  }
  if (asked) return { kind: asked, why: `AICOST_TARGET=${asked}` };
  if (process.env.CI) return { kind: "preview", why: "CI" };
  if (process.platform !== "win32" && process.platform !== "darwin") {
    return { kind: "preview", why: `Excel desktop does not run on ${process.platform}` };
  }
  if (!excelInstalled()) return { kind: "preview", why: "Excel desktop is not installed" };
  return { kind: "excel", why: "Excel desktop is installed" };
}

/** Fails fast, before building, when something already listens on the port. */
function assertPortFree(port) {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", (error) => {
      fail(
        error.code === "EADDRINUSE"
          ? new StartError(`port ${port} is in use: stop the other server (npm stop) or set AICOST_PORT`)
          : new StartError(`cannot listen on ${host}:${port}: ${error.message}`),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => done()));
  });
}

/** GETs a URL on this server (certificate not checked: it is our own) and resolves with the status code. */
function statusOf(url) {
  return new Promise((done, fail) => {
    const request = (url.startsWith("https:") ? httpsRequest : httpRequest)(url, { rejectUnauthorized: false, timeout: 10_000 }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", fail);
    request.end();
  });
}

/**
 * Sideloads into Excel desktop. Success is office-addin-debugging's "Started." line
 * with no error printed, whatever its exit code says.
 */
async function sideloadIntoExcel() {
  const { code, output } = await runOfficeAddinDebugging(["start", "manifest.xml", "desktop"]);
  const problem = problemIn(output);
  const started = /^(Debugging started|Started)\.\s*$/m.test(output);
  if (code === 0 && started && !problem) return { ok: true };
  return { ok: false, reason: problem || `office-addin-debugging exited with ${code} without saying it started` };
}

/** The first build error in one line: "src/x.ts(35,7): TS2322: ..." or "module: message". */
function firstError(stats) {
  const first = stats.toJson({ all: false, errors: true }).errors?.[0];
  const text = typeof first === "string" ? first : (first?.message ?? "see the errors above");
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const located = /^\[tsl\] ERROR in (.+)$/.exec(lines[0] ?? "");
  if (located) return `${relative(root, located[1])}: ${lines[1] ?? ""}`;
  const where = typeof first === "object" && first?.moduleName ? `${first.moduleName}: ` : "";
  return `${where}${lines[0] ?? "see the errors above"}`;
}

async function main() {
  const started = Date.now();
  const port = chosenPort();
  const target = chooseTarget();
  if (target.kind === "excel" && port !== manifestPort()) {
    throw new StartError(
      `Excel loads the add-in from port ${manifestPort()} (manifest.xml), not ${port}: unset AICOST_PORT, or set AICOST_TARGET=preview for the preview`,
    );
  }
  await assertPortFree(port);

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const configFactory = require(join(root, "webpack.config.js"));
  const transport = await configFactory.devServerTransport({ purpose: target.kind });
  const config = await configFactory({}, { mode: "development" });
  config.mode = "development";
  config.context = root;
  config.stats = "none"; // errors and warnings are printed below, once

  const compiler = webpack(config);
  let firstBuild;
  const firstBuildDone = new Promise((done) => (firstBuild = done));
  let builds = 0;
  compiler.hooks.done.tap("aicost-start", (stats) => {
    builds += 1;
    if (stats.hasErrors() || stats.hasWarnings()) console.log(stats.toString({ preset: "errors-warnings", colors: process.stdout.isTTY }));
    if (builds === 1) firstBuild(stats);
    else if (!stats.hasErrors()) console.log(`AICOST: rebuilt in ${stats.endTime - stats.startTime} ms`);
  });

  const server = new WebpackDevServer(
    { ...config.devServer, host, port, server: transport.server, open: false, setupExitSignals: false },
    compiler,
  );
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    removeServerRecord(port, process.pid);
    await server.stop().catch(() => undefined);
    process.exit(code);
  };
  // A busy port found only when the server listens (another server won the race).
  process.on("uncaughtException", (error) => {
    const reason = error.code === "EADDRINUSE" ? `port ${port} is in use: stop the other server (npm stop) or set AICOST_PORT` : error.stack;
    console.error(`AICOST: ${reason}`);
    void stop(1);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(0));

  await server.start();
  writeServerRecord(port, { pid: process.pid, port, target: target.kind, url: `${transport.protocol}://${host}:${port}/` });
  const stats = await firstBuildDone;
  if (stats.hasErrors()) {
    console.error(`AICOST: the build failed: ${firstError(stats)}`);
    await stop(1);
    return;
  }

  const base = `${transport.protocol}://${host}:${port}/`;
  const previewUrl = `${base}preview.html`;
  const status = await statusOf(previewUrl).catch((error) => `no answer (${error.message})`);
  if (status !== 200) {
    console.error(`AICOST: the server does not serve ${previewUrl}: ${status}`);
    await stop(1);
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (target.kind === "excel") {
    if (!transport.trusted) console.warn(`AICOST: Excel may refuse ${base}: ${transport.note}`);
    console.log(`AICOST: add-in served at ${base} (${transport.note}); sideloading into Excel...`);
    const sideload = await sideloadIntoExcel();
    if (sideload.ok) {
      console.log(`AICOST started in Excel desktop (${seconds} s). Stop with Ctrl+C or npm stop.`);
    } else {
      console.error(`AICOST: sideloading into Excel failed: ${sideload.reason}`);
      console.error(`AICOST: still serving; sideload manifest.xml by hand (README), or use the preview: ${previewUrl}`);
    }
  } else {
    console.log(`AICOST preview: ${previewUrl} (${transport.note})`);
    console.log(`AICOST: ${target.why}, so the preview host stands in for Excel. Built and serving in ${seconds} s; stop with Ctrl+C or npm stop (pid ${process.pid}, ${serverRecordPath(port)}).`);
  }
}

main().catch((error) => {
  console.error(`AICOST: ${error instanceof StartError ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
});
