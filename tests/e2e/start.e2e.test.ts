/*
 * `npm start` and `npm stop` for real: scripts/start.mjs builds, serves the
 * preview on AICOST_PORT and writes its pid file; scripts/stop.mjs ends it from
 * "another terminal"; a busy port or a bad setting fails in one line; and where
 * Excel cannot be sideloaded, the script says so instead of claiming it started.
 * Plain http (AICOST_HTTP=1) so the tests never touch certificates.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { problemIn } from "../../scripts/officeDebugging.mjs";

const repoRoot = resolve(__dirname, "..", "..");
const startScript = join(repoRoot, "scripts", "start.mjs");
const stopScript = join(repoRoot, "scripts", "stop.mjs");
const recordOf = (port: number) => join(repoRoot, "node_modules", ".cache", "aicost", `server-${port}.json`);

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

function startScriptWith(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [startScript], { cwd: repoRoot, env: { ...process.env, AICOST_HTTP: "1", ...env } });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((done) => child.on("exit", (code) => done(code))) };
}

async function waitFor(started: Started, pattern: RegExp, milliseconds = 150_000): Promise<string> {
  const deadline = Date.now() + milliseconds;
  while (Date.now() < deadline) {
    const match = pattern.exec(started.output());
    if (match) return match[0];
    if (started.child.exitCode !== null) throw new Error(`start.mjs exited with ${started.child.exitCode}:\n${started.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`start.mjs never printed ${pattern}:\n${started.output()}`);
}

function listen(port = 0): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(port, "localhost", () => done(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen();
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Runs scripts/stop.mjs as another terminal would (asynchronously, so this process keeps collecting its children). */
function stop(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [stopScript], { cwd: repoRoot, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => done({ status, output }));
  });
}

describe("npm start without Excel", () => {
  it("builds, serves the preview on AICOST_PORT, and ends cleanly through npm stop", async () => {
    const port = await freePort();
    const started = startScriptWith({ AICOST_PORT: String(port), AICOST_TARGET: "preview" });
    const line = await waitFor(started, /AICOST preview: \S+ \([^)]*\)/);
    expect(line).toBe(`AICOST preview: http://localhost:${port}/preview.html (http: AICOST_HTTP=1)`);
    const page = await fetch(`http://localhost:${port}/preview.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="formula-bar"');
    for (const file of ["preview.js", "previewWorkbook.js", "hyperformula.js", "taskpane.html", "functions.js", "manifest.xml"]) {
      expect((await fetch(`http://localhost:${port}/${file}`)).status, file).toBe(200);
    }
    const record = JSON.parse(readFileSync(recordOf(port), "utf8")) as { pid: number; port: number; target: string };
    expect(record).toMatchObject({ pid: started.child.pid, port, target: "preview" });

    const stopped = await stop({ AICOST_PORT: String(port) });
    expect(stopped.output).toContain(`AICOST: stopped the server on port ${port} (pid ${started.child.pid}).`);
    expect(stopped.status).toBe(0);
    expect(await started.exited).toBe(0);
    expect(existsSync(recordOf(port))).toBe(false);
    expect(started.output()).not.toMatch(/error/i);
    // Nothing left to stop.
    expect((await stop({ AICOST_PORT: String(port) })).output).toContain("no server started with npm start is running");
  }, 180_000);

  it("fails in one line, before building, when the port is busy", async () => {
    const busy = await listen();
    const address = busy.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const started = startScriptWith({ AICOST_PORT: String(port), AICOST_TARGET: "preview" });
      expect(await started.exited).toBe(1);
      expect(started.output().trim()).toBe(`AICOST: port ${port} is in use: stop the other server (npm stop) or set AICOST_PORT`);
      expect(existsSync(recordOf(port))).toBe(false);
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  it("refuses a setting it does not understand, in one line", async () => {
    const badPort = startScriptWith({ AICOST_PORT: "three thousand" });
    expect(await badPort.exited).toBe(1);
    expect(badPort.output().trim()).toBe('AICOST: AICOST_PORT must be a port number from 1 to 65535, not "three thousand"');
    const badTarget = startScriptWith({ AICOST_TARGET: "numbers" });
    expect(await badTarget.exited).toBe(1);
    expect(badTarget.output().trim()).toBe('AICOST: AICOST_TARGET must be "excel" or "preview", not "numbers"');
  });

  it("will not sideload into Excel from a port other than manifest.xml's", async () => {
    const started = startScriptWith({ AICOST_PORT: "3999", AICOST_TARGET: "excel" });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toMatch(/^AICOST: Excel loads the add-in from port 3000 \(manifest\.xml\), not 3999/);
  });
});

describe("office-addin-debugging's output", () => {
  it("is read for errors, since its exit code is 0 even when it fails", () => {
    const linux = "Debugging is being started...\nApp type: desktop\nError: Unable to start debugging.\nError: The current platform is not supported: linux\n";
    expect(problemIn(linux)).toBe("Unable to start debugging. The current platform is not supported: linux");
    const web =
      "Unable to start the dev server. Error: Unable to install the CA certificate. /bin/sh: 1: sudo: not found\nSideloading the Office Add-in...\nDebugging started.\n";
    expect(problemIn(web)).toContain("Unable to start the dev server");
    expect(problemIn("Debugging is being started...\nApp type: desktop\nSideloading the Office Add-in...\nDebugging started.\n")).toBe("");
  });
});

async function portIsFree(port: number): Promise<boolean> {
  try {
    const server = await listen(port);
    await new Promise((done) => server.close(done));
    return true;
  } catch {
    return false;
  }
}

describe("npm start where Excel cannot be sideloaded", () => {
  // On Linux office-addin-debugging prints "The current platform is not supported" and exits 0.
  it.runIf(process.platform === "linux")(
    "reports the failure, never 'started', and keeps serving the add-in and the preview",
    async (context) => {
      if (!(await portIsFree(3000))) {
        context.skip("port 3000 (manifest.xml's) is in use");
        return;
      }
      const started = startScriptWith({ AICOST_TARGET: "excel" });
      await waitFor(started, /AICOST: still serving.*\n/);
      const output = started.output();
      expect(output).toContain("AICOST: sideloading into Excel failed: Unable to start debugging. The current platform is not supported: linux");
      expect(output).not.toMatch(/AICOST started/);
      expect((await fetch("http://localhost:3000/taskpane.html")).status).toBe(200);
      const stopped = await stop({ AICOST_PORT: "3000" });
      expect(stopped.output).toContain("AICOST: stopped the server on port 3000");
      // Removing the add-in from Excel fails here too, and npm stop says so.
      expect(stopped.output).toContain("AICOST: removing the add-in from Excel failed");
      expect(stopped.status).toBe(1);
      expect(await started.exited).toBe(0);
    },
    180_000,
  );
});
