/*
 * Speed of the Excel custom functions through their exported wrappers (as Excel
 * calls them: every argument a 2-D range, null for an omitted optional one), the
 * cost of a 1000×1000 broadcast against a bare JavaScript double loop, and the
 * size of the functions bundle Excel downloads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { calcFunctions } from "../src/calc";
import { installCustomFunctionsStandIn } from "../tests/functions/customFunctionsStandIn";
import { productionBuild } from "./productionBuild";

type Wrapper = (...args: unknown[]) => unknown[][];

const broadcastTargetRatio = 5;
/** The budget for everything Excel loads (functions.js and taskpane.js), gzipped; prices.bench.ts measures the whole. */
const excelLoadsTargetGzipBytes = 200 * 1024;

let sink = 0;
function consume(result: unknown[][]): void {
  const cell = result[0]?.[0];
  sink += typeof cell === "number" ? cell : 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function format(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Calls per second of `call`, after a warm-up, over at least `minimumMs`. */
function callsPerSecond(call: () => void, minimumMs = 300): number {
  for (let i = 0; i < 20_000; i++) call();
  let calls = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    for (let i = 0; i < 10_000; i++) call();
    calls += 10_000;
    elapsed = performance.now() - start;
  } while (elapsed < minimumMs);
  return (calls / elapsed) * 1000;
}

/** The same products as LABOR_SAVINGS over a column and a row, with nothing else: the floor to compare with. */
function bareLaborSavingsTable(
  headcount: readonly (readonly number[])[],
  costPerEmployee: readonly (readonly number[])[],
  years: number,
  oneTimeCostPerEmployee: number,
): number[][] {
  const costs = costPerEmployee[0] as readonly number[];
  const rows = headcount.length;
  const columns = costs.length;
  const out: number[][] = new Array<number[]>(rows);
  for (let r = 0; r < rows; r++) {
    const people = (headcount[r] as readonly number[])[0] as number;
    const row: number[] = new Array<number>(columns);
    for (let c = 0; c < columns; c++) row[c] = people * ((costs[c] as number) * years - oneTimeCostPerEmployee);
    out[r] = row;
  }
  return out;
}

function timeMs(run: () => unknown[][]): number {
  const start = performance.now();
  consume(run());
  return performance.now() - start;
}

export default async function functionsBench(): Promise<void> {
  const standIn = installCustomFunctionsStandIn();
  try {
    const functions = (await import("../src/functions/functions")) as unknown as Record<string, Wrapper>;
    const wrappers: Record<string, Wrapper | undefined> = {
      LABOR_SAVINGS: functions.laborSavings,
      TOKEN_COST: functions.tokenCost,
      BLENDED_PRICE: functions.blendedPrice,
      MODEL_PRICE: functions.modelPrice,
      USAGE_COST: functions.usageCost,
      GPU_TCO: functions.gpuTco,
      GPU_POWER_COST: functions.gpuPowerCost,
      GPU_HOUR_COST: functions.gpuHourCost,
      SELF_HOST_PRICE: functions.selfHostPrice,
    };

    console.log("Scalar calls per second through the Excel wrapper ([[x]] arguments, null for omitted ones):");
    for (const fn of calcFunctions) {
      const wrapper = wrappers[fn.id];
      if (!wrapper) throw new Error(`no wrapper for ${fn.id} in src/functions/functions.ts`);
      const example = fn.examples[0];
      if (!example) throw new Error(`${fn.id} has no example to call`);
      const args = fn.params.map((_, i) => (i < example.args.length ? [[example.args[i]]] : null));
      const first = wrapper(...args)[0]?.[0];
      if (typeof first !== "number") throw new Error(`${example.formula} did not give a number`);
      const rate = callsPerSecond(() => consume(wrapper(...args)));
      console.log(`  ${fn.id.padEnd(16)} ${format(rate).padStart(12)} calls/s   (${example.formula})`);
    }

    const size = 1000;
    const column = Array.from({ length: size }, (_, i) => [i + 1]);
    const row = [Array.from({ length: size }, (_, j) => 1000 * (j + 1))];
    const laborSavings = wrappers.LABOR_SAVINGS as Wrapper;
    const viaWrapper = () => laborSavings(column, row, null, null);
    const bare = () => bareLaborSavingsTable(column, row, 1, 0);

    const check = viaWrapper();
    const reference = bare();
    const same =
      check.length === size && check.every((cells, r) => cells.every((cell, c) => cell === reference[r]?.[c]));
    if (!same) throw new Error("the wrapper's broadcast does not match the bare loop");
    for (let i = 0; i < 3; i++) {
      timeMs(viaWrapper);
      timeMs(bare);
    }
    const runs = 21;
    const wrapperMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      wrapperMs.push(timeMs(viaWrapper));
      bareMs.push(timeMs(bare));
    }
    const wrapperMedian = median(wrapperMs);
    const bareMedian = median(bareMs);
    const ratio = wrapperMedian / bareMedian;
    console.log(
      `\nBroadcast ${size}×${size} (LABOR_SAVINGS of a ${size}×1 column and a 1×${size} row), median of ${runs} after 3 warm-ups:`,
    );
    console.log(`  through the wrapper  ${format(wrapperMedian, 1).padStart(8)} ms`);
    console.log(`  bare double loop     ${format(bareMedian, 1).padStart(8)} ms`);
    console.log(
      `  ratio                ${format(ratio, 2).padStart(8)}×   (target: within ${broadcastTargetRatio}×: ${ratio <= broadcastTargetRatio ? "met" : "MISSED"})`,
    );
  } finally {
    standIn.restore();
  }

  // The production build every bench that measures built files shares (bench/productionBuild.ts).
  const { outDir } = await productionBuild();
  const bytes = readFileSync(join(outDir, "functions.js"));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log("\nfunctions.js (the production build of the add-in, minified by webpack):");
  console.log(`  minified ${format(bytes.length).padStart(8)} bytes (${format(bytes.length / 1024, 1)} KB)`);
  console.log(
    `  gzipped  ${format(gzipped).padStart(8)} bytes (${format(gzipped / 1024, 1)} KB; with taskpane.js the target is under ${excelLoadsTargetGzipBytes / 1024} KB: see prices.bench.ts)`,
  );
  // Reading the sink keeps every timed result alive, so no call can be optimised away.
  if (!Number.isFinite(sink)) throw new Error("a wrapper gave a result that is not a finite number");
}
