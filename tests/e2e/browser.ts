/*
 * What the browser tests (and the preview benchmark) need: a tiny static file
 * server for a built dist folder, and Debian's Chromium driven by playwright-core
 * with a fresh profile, every request outside the server refused and recorded.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install chromium`); AICOST_CHROMIUM overrides. */
export const chromiumPath = process.env.AICOST_CHROMIUM ?? "/usr/bin/chromium";

export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export function haveChromium(): boolean {
  return existsSync(chromiumPath);
}

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the files of `root` on 127.0.0.1 at a free port; nothing outside `root`. */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(base, path === "/" ? "index.html" : path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { "content-type": contentTypes[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
        response.end(body);
      },
      () => response.writeHead(404, { "content-type": "text/plain" }).end("not found"),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the static server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Everything that went wrong in a page: console errors, page errors, failed or refused requests, CSP violations. */
export interface PageProblems {
  readonly console: string[];
  readonly requests: string[];
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly problems: PageProblems;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile. Requests to any origin but `allowedOrigin`
 * are aborted and recorded, so a page that reaches for the internet fails its test.
 */
export async function launchChromium(allowedOrigin: string, viewport = { width: 1600, height: 900 }): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), "aicost-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs],
    viewport,
  });
  const problems: PageProblems = { console: [], requests: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${allowedOrigin}/`) || url.startsWith("data:")) return route.continue();
    problems.requests.push(`refused (outside the server): ${url}`);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  const watch = (page: Page): void => {
    page.on("console", (message) => {
      if (message.type() === "error") problems.console.push(message.text());
    });
    page.on("pageerror", (error) => problems.console.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      // net::ERR_ABORTED is the browser cancelling its own request (a page closed while its favicon was still
      // loading, say), not the server failing it; anything else from our own server is a problem.
      const reason = request.failure()?.errorText;
      if (request.url().startsWith(`${allowedOrigin}/`) && reason !== "net::ERR_ABORTED") problems.requests.push(`failed: ${request.url()} (${reason})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.requests.push(`${response.status()}: ${response.url()}`);
    });
  };
  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      watch(page);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
