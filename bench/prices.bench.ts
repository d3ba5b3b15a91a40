/*
 * Prices: AICOST.USAGE_COST over a 10,000-row range as Excel calls it, against
 * genai-prices' own calcPrice called 10,000 times; the time from loading the
 * built functions (as taskpane.html loads them) to their first answer; and the
 * bytes of every JavaScript file Excel loads, minified and gzipped.
 */
import { calcPrice } from "@pydantic/genai-prices";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { productionBuild } from "./productionBuild";
import { loadBundledProviders } from "../src/calc";
import { functionScripts } from "../tests/build/loadFunctions";
import { installCustomFunctionsStandIn, StandInError, standInErrorCode } from "../tests/functions/customFunctionsStandIn";

const rows = 10_000;
const usageCostTargetMs = 200;
const firstAnswerTargetMs = 300;
const excelLoadsTargetGzipBytes = 200 * 1024;

type Wrapper = (...args: unknown[]) => unknown[][];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function format(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function verdict(met: boolean): string {
  return met ? "met" : "MISSED";
}


async function usageCostRange(): Promise<void> {
  const standIn = installCustomFunctionsStandIn();
  try {
    const { usageCost } = (await import("../src/functions/functions")) as unknown as { usageCost: Wrapper };
    await loadBundledProviders();
    // 10,000 requests of different sizes (some above GPT-5.5's 272K tier), a fifth cached, at one moment.
    const input = Array.from({ length: rows }, (_, i) => [1000 + ((i * 7919) % 400_000)]);
    const output = Array.from({ length: rows }, (_, i) => [100 + (i % 5000)]);
    const cached = input.map(([n]) => [Math.floor((n as number) / 5)]);
    const models = ["gpt-5.5", "deepseek-v4-flash", "claude-sonnet-4-5", "gemini-2.5-pro"];
    const mixed = Array.from({ length: rows }, (_, i) => [models[i % models.length] as string]);
    const asOf = [["2026-04-24T13:00Z"]];
    const oneModel = () => usageCost([["gpt-5.5"]], input, output, cached, null, null, asOf);
    const fourModels = () => usageCost(mixed, input, output, cached, null, null, asOf);
    const reference = () => {
      const at = new Date("2026-04-24T13:00:00Z");
      let total = 0;
      for (let i = 0; i < rows; i++) {
        const usage = { input_tokens: input[i]?.[0] as number, output_tokens: output[i]?.[0] as number, cache_read_tokens: cached[i]?.[0] as number };
        total += calcPrice(usage, mixed[i]?.[0] as string, { timestamp: at })?.total_price ?? 0;
      }
      return total;
    };
    const check = fourModels();
    const referenceTotal = reference();
    const total = check.reduce((sum, [cell]) => sum + (typeof cell === "number" ? cell : Number.NaN), 0);
    if (!(Math.abs(total - referenceTotal) <= 1e-9 * referenceTotal)) throw new Error(`USAGE_COST's total ${total} is not calcPrice's ${referenceTotal}`);
    const time = (run: () => unknown): number => {
      const start = performance.now();
      run();
      return performance.now() - start;
    };
    for (let i = 0; i < 2; i++) {
      time(oneModel);
      time(fourModels);
      time(reference);
    }
    const runs = 9;
    const one = median(Array.from({ length: runs }, () => time(oneModel)));
    const four = median(Array.from({ length: runs }, () => time(fourModels)));
    const bare = median(Array.from({ length: runs }, () => time(reference)));
    console.log(`USAGE_COST over a ${format(rows)}-row range through the Excel wrapper, median of ${runs} after 2 warm-ups:`);
    console.log(`  one model (gpt-5.5)          ${format(one, 1).padStart(8)} ms   (target under ${usageCostTargetMs} ms: ${verdict(one < usageCostTargetMs)})`);
    console.log(`  four models, interleaved     ${format(four, 1).padStart(8)} ms   (target under ${usageCostTargetMs} ms: ${verdict(four < usageCostTargetMs)})`);
    console.log(`  calcPrice called ${format(rows)} times ${format(bare, 1).padStart(8)} ms   (${format((bare / rows) * 1000, 1)} µs a call; the same four models)`);
  } finally {
    standIn.restore();
  }
}

function firstAnswer(dist: string): void {
  const scripts = functionScripts(dist);
  const sources = scripts.map((file) => readFileSync(join(dist, file), "utf8"));
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const associated = new Map<string, Wrapper>();
    const context = vm.createContext({
      CustomFunctions: { associate: (id: string, fn: Wrapper) => associated.set(id, fn), Error: StandInError, ErrorCode: standInErrorCode },
    });
    const start = performance.now();
    sources.forEach((source, i) => vm.runInContext(source, context, { filename: scripts[i] }));
    const answer = associated.get("USAGE_COST")?.([["gpt-5.5"]], [[60_000]], [[1500]], [[45_000]], null, null, [["2026-04-24"]])[0]?.[0];
    const elapsed = performance.now() - start;
    if (typeof answer !== "number") throw new Error(`the first USAGE_COST answer is not a number: ${String(answer)}`);
    times.push(elapsed);
  }
  const first = times[0] as number;
  console.log(`\nFirst answer after the functions load (${scripts.join(" + ")} evaluated in a fresh realm, then one USAGE_COST call):`);
  console.log(`  first load   ${format(first, 1).padStart(8)} ms   (target under ${firstAnswerTargetMs} ms: ${verdict(first < firstAnswerTargetMs)})`);
  console.log(`  median of 5  ${format(median(times), 1).padStart(8)} ms`);
}

function bytesExcelLoads(dist: string): void {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1] as string).filter((src) => !/^[a-z]+:/i.test(src));
  console.log(`\nEvery JavaScript file Excel loads (taskpane.html's own scripts; office.js comes from Microsoft's CDN):`);
  let minified = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    minified += bytes.length;
    gzipped += gz;
    console.log(`  ${file.padEnd(14)} ${format(bytes.length).padStart(9)} bytes minified  ${format(gz).padStart(8)} bytes gzipped`);
  }
  console.log(
    `  ${"total".padEnd(14)} ${format(minified).padStart(9)} bytes minified  ${format(gzipped).padStart(8)} bytes gzipped (${format(gzipped / 1024, 1)} KB; target under ${excelLoadsTargetGzipBytes / 1024} KB: ${verdict(gzipped < excelLoadsTargetGzipBytes)})`,
  );
}

export default async function pricesBench(): Promise<void> {
  await usageCostRange();
  const { outDir } = await productionBuild();
  firstAnswer(outDir);
  bytesExcelLoads(outDir);
}
