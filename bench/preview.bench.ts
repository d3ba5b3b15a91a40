/*
 * The preview host and `npm start`: how long from `npm start` (scripts/start.mjs
 * on a free AICOST_PORT) until the preview answers; how long the largest preset
 * takes to load in the preview (Chromium through playwright-core, production
 * build); and the size of the JavaScript Excel loads for the task pane
 * (dist/taskpane.js, minified and gzipped), with the preview's files for
 * information. Measures only: targets are printed beside the figures.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { productionBuild } from "./productionBuild";
import { builtInPresets, planSheet } from "../src/presets";
import { haveChromium, launchChromium, serveDirectory } from "../tests/e2e/browser";

const repoRoot = resolve(__dirname, "..");
/** The pane's budget: its JavaScript under 100 KB gzipped, interactive under 300 ms after the page starts loading. */
const taskpaneTargetGzipBytes = 100 * 1024;
const interactiveTargetMs = 300;
const loadRuns = 7;

function format(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "localhost", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function answers(url: string): Promise<boolean> {
  return new Promise((done) => {
    const req = request(url, { timeout: 1000 }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    req.on("error", () => done(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

/** Spawns scripts/start.mjs for the preview on a free port; resolves with the seconds until /preview.html answers. */
async function timeNpmStart(): Promise<{ seconds: number; url: string }> {
  const port = await freePort();
  const url = `http://localhost:${port}/preview.html`;
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, "scripts", "start.mjs")], {
    cwd: repoRoot,
    env: { ...process.env, AICOST_PORT: String(port), AICOST_TARGET: "preview", AICOST_HTTP: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`scripts/start.mjs exited with ${child.exitCode}: ${output.trim()}`);
      if (await answers(url)) break;
      if (performance.now() - started > 180_000) throw new Error("the preview did not answer within 180 s");
      await new Promise((done) => setTimeout(done, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    // Wait for the script's own line, printed once it has checked the page itself.
    while (!/AICOST preview: /.test(output) && child.exitCode === null) await new Promise((done) => setTimeout(done, 50));
    return { seconds, url: /AICOST preview: (\S+)/.exec(output)?.[1] ?? url };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}


function sizeLine(dist: string, file: string): { bytes: number; gzipped: number; text: string } {
  const bytes = readFileSync(join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  return {
    bytes: bytes.length,
    gzipped,
    text: `${file.padEnd(16)} ${format(bytes.length / 1024, 1).padStart(8)} KB minified, ${format(gzipped / 1024, 1).padStart(7)} KB gzipped`,
  };
}

/** Median milliseconds from clicking the largest preset's button to its sheet, values and chart on screen. */
async function timeLargestPresetLoad(dist: string): Promise<{ presetId: string; cells: number; medianMs: number; runs: number[] }> {
  const largest = [...builtInPresets].sort((a, b) => planSheet(b).cells.length - planSheet(a).cells.length)[0];
  if (!largest) throw new Error("no presets");
  const plan = planSheet(largest);
  const server = await serveDirectory(dist);
  const browser = await launchChromium(server.origin);
  const runs: number[] = [];
  try {
    for (let i = 0; i < loadRuns + 1; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/preview.html`);
      await page.waitForSelector('body[data-ready="true"]');
      const ms = await page.evaluate(
        async ({ id, sheet }) => {
          const button = document.querySelector<HTMLButtonElement>(`fluent-button[data-preset-id="${id}"]`);
          if (!button) throw new Error(`no button for ${id}`);
          // window.performance: the page's clock (the bench module's own `performance` import is not in the page).
          const start = window.performance.now();
          button.click();
          while (!document.querySelector(`#grid[data-sheet-name="${sheet}"] svg[data-testid="chart"]`)) {
            await new Promise((done) => setTimeout(done, 0));
          }
          // Until the browser has laid out and painted the new sheet.
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          return window.performance.now() - start;
        },
        { id: largest.id, sheet: plan.sheetName },
      );
      if (i > 0) runs.push(ms); // the first run warms the engine up
      await page.close();
    }
    const problems = [...browser.problems.console, ...browser.problems.requests];
    if (problems.length > 0) throw new Error(`the preview reported problems: ${problems.join("; ")}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return { presetId: largest.id, cells: plan.cells.length, medianMs: median(runs), runs };
}

/**
 * Median milliseconds from the start of navigation to a pane the user can
 * act on: every Load button in the page, upgraded to its component where the
 * pane uses components (it has a shadow root), and enabled. A Load clicked
 * then is carried out once the workbook is open (src/preview/openingHost.ts):
 * for information, also until then (<body data-ready="true">).
 */
export async function timePaneInteractive(dist: string): Promise<{ medianMs: number; runs: number[]; openMedianMs: number }> {
  const server = await serveDirectory(dist);
  const browser = await launchChromium(server.origin);
  const runs: number[] = [];
  const opens: number[] = [];
  try {
    for (let i = 0; i < loadRuns + 1; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/preview.html`, { waitUntil: "commit" });
      // No named functions inside: tsx would wrap them in a helper the page does not have.
      const [ms, openMs] = await page.evaluate(async () => {
        // The moment <body data-ready> turns "true" (the workbook open), watched from the start.
        const opened = new Promise<number>((done) => {
          new MutationObserver((_changes, observer) => {
            if (document.body?.dataset.ready !== "true") return;
            observer.disconnect();
            done(window.performance.now());
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
        });
        for (;;) {
          const buttons = [...document.querySelectorAll<HTMLElement & { disabled?: boolean }>("[data-action='load'][data-preset-id]")];
          if (buttons.length > 0 && buttons.every((b) => b.disabled !== true && (!b.tagName.includes("-") || b.shadowRoot !== null))) break;
          await new Promise((done) => requestAnimationFrame(() => done(undefined)));
        }
        return [window.performance.now(), await opened];
      });
      if (i > 0) {
        runs.push(ms); // the first run fills the browser's caches
        opens.push(openMs);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { medianMs: median(runs), runs, openMedianMs: median(opens) };
}

export default async function previewBench(): Promise<void> {
  const start = await timeNpmStart();
  console.log("npm start (scripts/start.mjs, development build served from memory, plain http):");
  console.log(`  until ${start.url} answers: ${format(start.seconds, 1)} s`);

  const { outDir, seconds } = await productionBuild();
  {
    console.log(`\nProduction build of the whole add-in: ${format(seconds, 1)} s`);

    const taskpane = sizeLine(outDir, "taskpane.js");
    console.log("\nThe task pane's JavaScript as Excel loads it (HyperFormula excluded):");
    console.log(`  ${taskpane.text}   (target under 100 KB gzipped: ${taskpane.gzipped < taskpaneTargetGzipBytes ? "met" : "MISSED"})`);
    console.log("Loaded by the pane on first use (not counted in taskpane.js): the price browser, with the genai-prices catalog in a chunk it shares with the simulation:");
    console.log(`  ${sizeLine(outDir, "priceBrowser.js").text}`);
    console.log("The preview host's JavaScript, for information (preview.js mounts the pane, then loads the workbook's chunks: previewWorkbook.js, prebuilt HyperFormula and the price catalog):");
    console.log(`  ${sizeLine(outDir, "preview.js").text}`);
    console.log(`  ${sizeLine(outDir, "previewWorkbook.js").text}`);
    console.log(`  ${sizeLine(outDir, "hyperformula.js").text}`);

    if (!haveChromium()) {
      console.log("\nLoading the largest preset: skipped, no Chromium (apt-get install chromium).");
      return;
    }
    const interactive = await timePaneInteractive(outDir);
    console.log(`\nThe preview's pane interactive (page start to every Load button defined and enabled), Chromium:`);
    console.log(
      `  median of ${interactive.runs.length}: ${format(interactive.medianMs, 1)} ms   (target under ${interactiveTargetMs} ms: ${interactive.medianMs < interactiveTargetMs ? "met" : "MISSED"}; runs: ${interactive.runs.map((ms) => format(ms, 0)).join(", ")} ms)`,
    );
    console.log(`  the workbook open (a Load clicked earlier is carried out then): median ${format(interactive.openMedianMs, 1)} ms`);
    const load = await timeLargestPresetLoad(outDir);
    console.log(`\nLoading the largest preset (${load.presetId}, ${load.cells} cells) in the preview, click to chart painted, Chromium:`);
    console.log(`  median of ${load.runs.length}: ${format(load.medianMs, 1)} ms   (runs: ${load.runs.map((ms) => format(ms, 0)).join(", ")} ms)`);
  }
}
