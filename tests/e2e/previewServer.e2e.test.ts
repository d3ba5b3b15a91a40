/*
 * The server `npm start` runs (scripts/start.mjs: webpack-dev-server with the
 * devServer settings of webpack.config.js), started for real on a free port and
 * asked with real requests: it answers on the loopback interface only, never
 * outside what webpack built, with each page's Content-Security-Policy as a
 * header (the same text as its meta tag) and nosniff, without directory listings
 * or a CORS wildcard; and its live-reload WebSocket opens only for its own pages.
 * Plain http (AICOST_HTTP=1) so the tests never touch certificates.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request, type IncomingHttpHeaders } from "node:http";
import { connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, launchChromium } from "./browser";

const repoRoot = resolve(__dirname, "..", "..");

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let child: ChildProcessWithoutNullStreams;
let output = "";
let port = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** GETs a raw path (sent as written: no URL normalisation) from 127.0.0.1:port. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const sent = request({ host: "127.0.0.1", port, path, headers: { host: `localhost:${port}`, ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on("error", fail);
    sent.end();
  });
}

/** A WebSocket opening handshake, by hand: resolves with 101 when the server upgrades, else the status it answers. */
function upgrade(headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const sent = request({
      host: "127.0.0.1",
      port,
      path: "/ws",
      headers: {
        host: `localhost:${port}`,
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        ...headers,
      },
    });
    sent.on("upgrade", (response, socket) => {
      socket.destroy();
      done(response.statusCode ?? 0);
    });
    sent.on("response", (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    sent.on("error", fail);
    sent.end();
  });
}

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: address, port, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      done(false);
    });
    socket.once("error", () => done(false));
  });
}

function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
}

/** This machine's addresses other than loopback: the server must not answer on them. */
const networkAddresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((info) => !info.internal && !info.address.startsWith("fe80:"))
  .map((info) => info.address);

beforeAll(async () => {
  port = await freePort();
  child = spawn(process.execPath, [join(repoRoot, "scripts", "start.mjs")], {
    cwd: repoRoot,
    env: { ...process.env, AICOST_HTTP: "1", AICOST_PORT: String(port), AICOST_TARGET: "preview" },
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 170_000;
  while (!/AICOST preview: /.test(output)) {
    if (child.exitCode !== null) throw new Error(`start.mjs exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`start.mjs never served the preview:\n${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child.on("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
});

describe("the preview server (npm start)", () => {
  it("answers on 127.0.0.1", async () => {
    expect(await accepts("127.0.0.1")).toBe(true);
    expect((await get("/preview.html")).status).toBe(200);
  });

  it.skipIf(networkAddresses.length === 0)("does not answer on this machine's network addresses", async () => {
    for (const address of networkAddresses) expect(await accepts(address), address).toBe(false);
  });

  it("serves nothing outside what webpack built, however the path is written", async () => {
    const attempts = [
      "/../package.json",
      "/..%2fpackage.json",
      "/%2e%2e/package.json",
      "/%2e%2e%2fpackage.json",
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2e%2e/%2e%2e/webpack.config.js",
      "/..%5c..%5cpackage.json",
      "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/../../../../../../etc/passwd",
    ];
    for (const path of attempts) {
      const answer = await get(path);
      expect(answer.status, path).not.toBe(200);
      expect(answer.body, path).not.toMatch(/aicost-excel|root:x:0:0|module\.exports/);
    }
  });

  it("sends each page's Content-Security-Policy as a header, the same text as its meta tag", async () => {
    for (const page of ["/taskpane.html", "/preview.html", "/taskpane.html?_host_Info=Excel$Win32$16.01$en-US"]) {
      const answer = await get(page);
      expect(answer.status, page).toBe(200);
      const meta = metaPolicy(answer.body);
      expect(meta, page).toMatch(/^default-src 'self'; /);
      expect(answer.headers["content-security-policy"], page).toBe(meta);
    }
    const taskpane = metaPolicy((await get("/taskpane.html")).body);
    const preview = metaPolicy((await get("/preview.html")).body);
    expect(taskpane).not.toBe(preview);
  });

  it("sends X-Content-Type-Options: nosniff and no Access-Control-Allow-Origin, even when another site asks", async () => {
    for (const path of ["/taskpane.html", "/preview.html", "/functions.js", "/functions.json", "/taskpane.css", "/manifest.xml", "/assets/icon-32.png", "/no-such-file"]) {
      const answer = await get(path, { origin: "http://evil.example" });
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["access-control-allow-origin"], path).toBeUndefined();
    }
  });

  it("lists no directory", async () => {
    for (const path of ["/", "/assets/", "/assets"]) {
      const answer = await get(path);
      expect(answer.status, path).not.toBe(200);
      expect(answer.body, path).not.toMatch(/icon-32\.png|functions\.js|index of/i);
    }
    // A folder with an index page (the function help) shows that page, not a listing.
    expect((await get("/help/")).body).toBe((await get("/help/index.html")).body);
  });

  it("opens the live-reload WebSocket for its own pages and refuses it to any other origin", async () => {
    expect(await upgrade({ origin: `http://localhost:${port}` })).toBe(101);
    expect(await upgrade({ origin: "http://evil.example" })).toBe(403);
    expect(await upgrade({ origin: `https://localhost:${port}` })).toBe(403);
    expect(await upgrade({ origin: "null" })).toBe(403);
    expect(await upgrade({})).toBe(403);
    // A page reached through a rebound DNS name sends its own origin as Host: still refused.
    expect(await upgrade({ origin: `http://evil.example:${port}`, host: `evil.example:${port}` })).toBe(403);
  });

  it.skipIf(!haveChromium())("lets the page's own live-reload client in, whether opened as localhost or 127.0.0.1", async () => {
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const browser = await launchChromium(origin);
      try {
        const page = await browser.newPage();
        const socket = new Promise<string>((done) => {
          page.on("websocket", (ws) => ws.on("framereceived", () => done(ws.url())));
          setTimeout(() => done("no live-reload message within 20 s"), 20_000);
        });
        await page.goto(`${origin}/preview.html`);
        expect(await socket, origin).toBe(`${origin.replace("http:", "ws:")}/ws`);
        expect(browser.problems.console, origin).toEqual([]);
      } finally {
        await browser.close();
      }
    }
  });
});
