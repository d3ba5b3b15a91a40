/**
 * `aicost prices`: the genai-prices catalog at a moment, as a table or JSON,
 * and `aicost prices update --file data.json`, which checks a genai-prices data
 * file as untrusted input and, only when it passes, keeps it as the catalog the
 * command line prices with (in the file named by pricesDataPath). A bad file
 * changes nothing and says why.
 */
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { updatePrices } from "@pydantic/genai-prices";
import {
  checkPriceData,
  forgetResolvedModels,
  genaiPricesPublishedOn,
  genaiPricesVersion,
  latestPriceStartDate,
  listCatalog,
  loadBundledProviders,
  momentOf,
  isCalcError,
  priceDataMaxBytes,
  type CatalogRow,
  type Provider,
} from "../calc";
import type { CliIo } from "./io";

export type PricesOutcome = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly message: string };

/** Where `aicost prices update` keeps an accepted data file: $AICOST_PRICES_FILE, or ~/.aicost/genai-prices.json. */
export function pricesDataPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AICOST_PRICES_FILE !== undefined && env.AICOST_PRICES_FILE !== "" ? env.AICOST_PRICES_FILE : join(homedir(), ".aicost", "genai-prices.json");
}

interface Catalog {
  readonly providers: readonly Provider[];
  readonly label: string;
}

/** The catalog the command line prices with: a kept data file when there is a valid one, else the bundled data. */
async function catalogInUse(path: string): Promise<Catalog | string> {
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const checked = checkPriceData(text);
    if (!checked.ok) return `the kept price data ${path} is no longer valid (${checked.issues[0]?.path ?? ""} ${checked.issues[0]?.message ?? ""}); run aicost prices update again`;
    updatePrices(({ setProviderData }) => setProviderData([...checked.providers]));
    forgetResolvedModels();
    return { providers: checked.providers, label: `data file ${path} (newest dated price ${latestPriceStartDate(checked.providers) ?? "none"})` };
  }
  const providers = await loadBundledProviders();
  return { providers, label: `genai-prices ${genaiPricesVersion} of ${genaiPricesPublishedOn}, built in (newest dated price ${latestPriceStartDate(providers) ?? "none"})` };
}

const money = (value: number | null): string => (value === null ? "—" : String(value));

function table(rows: readonly CatalogRow[], label: string, at: Date): string {
  const header = ["provider", "model", "input", "cached", "cache write", "output", "tiers", "starts on"];
  const body = rows.map((r) => [
    r.provider,
    r.model,
    money(r.inputUsdPerMillion),
    money(r.cachedInputUsdPerMillion),
    money(r.cacheWriteUsdPerMillion),
    money(r.outputUsdPerMillion),
    r.tiers.map((t) => `${t.kind}>${t.abovePromptTokens}:${t.usdPerMillion}`).join(" "),
    r.startsOn ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();
  return [
    `Prices in USD per million tokens at ${at.toISOString()}, from ${label}; ${rows.length} model(s).`,
    line(header),
    ...body.map(line),
    "",
  ].join("\n");
}

/** Runs `aicost prices ...` (argv after "prices"). */
export async function runPrices(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<PricesOutcome> {
  const path = pricesDataPath(env);
  if (argv[0] === "update") {
    const fileAt = argv.indexOf("--file");
    const file = fileAt >= 0 ? argv[fileAt + 1] : undefined;
    if (file === undefined || argv.length !== 3) return { ok: false, message: "usage: aicost prices update --file <data.json>" };
    let text: string;
    try {
      const bytes = await readFile(resolve(io.cwd, file));
      if (bytes.length > priceDataMaxBytes) return { ok: false, message: `not updated: ${file} is ${bytes.length} bytes, over the limit of ${priceDataMaxBytes}` };
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      if (error instanceof TypeError) return { ok: false, message: `not updated: ${file} is not UTF-8 text; the prices in use are unchanged` };
      return { ok: false, message: `not updated: cannot read ${file}: ${(error as Error).message}` };
    }
    const checked = checkPriceData(text);
    if (!checked.ok) {
      const first = checked.issues[0];
      return { ok: false, message: `not updated: ${file}${first?.path ? ` ${first.path}` : ""}: ${first?.message ?? "invalid"} (${checked.issues.length} issue(s)); the prices in use are unchanged` };
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
    return { ok: true, stdout: `updated: ${checked.providers.length} providers, ${checked.modelCount} models, newest dated price ${latestPriceStartDate(checked.providers) ?? "none"}; kept in ${path}\n` };
  }
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === "--json") options.set("--json", true);
    else if (["--search", "--provider", "--as-of"].includes(word) && argv[i + 1] !== undefined) options.set(word, argv[++i] as string);
    else return { ok: false, message: `unknown or incomplete option ${JSON.stringify(word)} for prices; prices takes --search TEXT, --provider ID, --as-of DATE, --json` };
  }
  const asOf = options.get("--as-of");
  const moment = typeof asOf === "string" ? momentOf(asOf, "--as-of", io.now().getTime()) : io.now().getTime();
  if (isCalcError(moment)) return { ok: false, message: moment.message };
  const catalog = await catalogInUse(path);
  if (typeof catalog === "string") return { ok: false, message: catalog };
  const at = new Date(moment);
  const search = options.get("--search");
  const provider = options.get("--provider");
  if (typeof provider === "string" && !catalog.providers.some((p) => p.id.toLowerCase() === provider.toLowerCase())) {
    const ids = catalog.providers.map((p) => p.id).sort();
    return { ok: false, message: `unknown provider ${JSON.stringify(provider.slice(0, 40))}; providers: ${ids.join(", ")}` };
  }
  const rows = listCatalog(catalog.providers, {
    at,
    ...(typeof search === "string" ? { search } : {}),
    ...(typeof provider === "string" ? { provider } : {}),
  });
  if (options.has("--json")) return { ok: true, stdout: `${JSON.stringify(rows, null, 2)}\n` };
  return { ok: true, stdout: table(rows, catalog.label, at) };
}
