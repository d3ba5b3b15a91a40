/*
 * The cost of bad text in a large range: MODEL_PRICE over a 2000×2000 range of
 * 1,000-character unknown model names, through the Excel wrapper (every cell an
 * #N/A with a message). Prints the time, the heap and resident memory it took,
 * and the longest message; a message is built once per distinct name, so the
 * figures should stay near those of a range of numbers.
 *
 * The range holds 1,000 distinct names (one string each, as a range of repeated
 * text reaches a function), spread over its 4,000,000 cells.
 */
import { performance } from "node:perf_hooks";
import { installCustomFunctionsStandIn } from "../tests/functions/customFunctionsStandIn";

type Wrapper = (...args: unknown[]) => unknown[][];

const size = 2000;
const nameLength = 1000;
const distinctNames = 1000;

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toLocaleString("en-US", { maximumFractionDigits: 0 })} MB`;

export default async function badTextBench(): Promise<void> {
  const standIn = installCustomFunctionsStandIn();
  try {
    const functions = (await import("../src/functions/functions")) as unknown as Record<string, Wrapper>;
    const modelPrice = functions.modelPrice as Wrapper;
    const names = Array.from({ length: distinctNames }, (_, i) => `unknown-${i}-`.padEnd(nameLength, "x"));
    const range = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => names[(r * size + c) % distinctNames] as string));
    const kind = [["input"]];

    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const result = modelPrice(range, kind);
    const elapsedMs = performance.now() - started;
    const after = process.memoryUsage();
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;

    let longest = 0;
    let cells = 0;
    for (const row of result) {
      for (const cell of row) {
        cells++;
        const message = (cell as { message?: unknown }).message;
        if (typeof message !== "string") throw new Error(`expected an #N/A with a message, got ${String(cell)}`);
        if (message.length > longest) longest = message.length;
      }
    }
    if (cells !== size * size) throw new Error(`expected ${size * size} cells, got ${cells}`);

    console.log(`MODEL_PRICE over ${size}×${size} unknown model names of ${nameLength.toLocaleString("en-US")} characters (${distinctNames} distinct):`);
    console.log(`  time                 ${elapsedMs.toLocaleString("en-US", { maximumFractionDigits: 0 }).padStart(8)} ms`);
    console.log(`  heap used, growth    ${mb(after.heapUsed - before.heapUsed).padStart(11)}   (while the result is held)`);
    console.log(`  resident, growth     ${mb(after.rss - before.rss).padStart(11)}`);
    console.log(`  resident, peak       ${mb(maxRssBytes).padStart(11)}   (the whole process)`);
    console.log(`  longest message      ${longest.toLocaleString("en-US").padStart(8)} characters`);
  } finally {
    standIn.restore();
  }
}
