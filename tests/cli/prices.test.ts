/*
 * aicost prices: the catalog at a moment as JSON, and prices update --file,
 * which keeps a data file only when it passes every check; the prices change
 * only after a file is accepted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBundledProviders, type CatalogRow, type Provider } from "../../src/calc";
import type { CliIo } from "../../src/cli/io";
import { runPrices } from "../../src/cli/prices";

const folder = mkdtempSync(join(tmpdir(), "aicost-prices-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const env = { AICOST_PRICES_FILE: join(folder, "kept", "genai-prices.json") };
const io = { cwd: folder, now: () => new Date("2026-11-29T12:00:00Z") } as unknown as CliIo;

async function rows(...argv: string[]): Promise<CatalogRow[]> {
  const outcome = await runPrices([...argv, "--json"], io, env);
  if (!outcome.ok) throw new Error(outcome.message);
  return JSON.parse(outcome.stdout) as CatalogRow[];
}

describe("aicost prices", () => {
  it("lists the models a search and a provider select, at --as-of, with null where no price is listed", async () => {
    const listed = await rows("--search", "deepseek-v4", "--provider", "deepseek", "--as-of", "2026-04-24");
    expect(listed.map((r) => [r.model, r.inputUsdPerMillion, r.cachedInputUsdPerMillion, r.cacheWriteUsdPerMillion, r.outputUsdPerMillion])).toEqual([
      ["deepseek-v4-flash", 0.14, 0.0028, null, 0.28],
      ["deepseek-v4-pro", 0.435, 0.003625, null, 0.87],
    ]);
    expect(Object.keys(listed[0] ?? {})).toEqual(["provider", "model", "name", "inputUsdPerMillion", "cachedInputUsdPerMillion", "cacheWriteUsdPerMillion", "outputUsdPerMillion", "tiers", "startsOn"]);
    const now = await rows("--search", "deepseek-v4-flash", "--provider", "deepseek");
    expect(now[0]).toMatchObject({ inputUsdPerMillion: 0.22, startsOn: "2026-08-17" });
  });

  it("refuses an unknown --provider, naming the providers, instead of listing no model", async () => {
    const outcome = await runPrices(["--provider", "nope"], io, env);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^unknown provider "nope"; providers: .*\bdeepseek\b.*\bopenai\b/);
    expect((await rows("--provider", "OpenAI")).length).toBeGreaterThan(0);
  });

  it("refuses a bad --as-of and an unknown option", async () => {
    expect(await runPrices(["--as-of", "24/04/2026"], io, env)).toMatchObject({ ok: false });
    expect(await runPrices(["--color"], io, env)).toMatchObject({ ok: false });
  });

  it("update: a bad file changes nothing and says why; a good one changes the prices", async () => {
    const bad = join(folder, "bad.json");
    writeFileSync(bad, JSON.stringify([{ id: "x", name: "X", api_pattern: "x", models: [{ id: "m", match: { equals: "m" }, prices: { input_mtok: -1 } }] }]));
    const refused = await runPrices(["update", "--file", bad], io, env);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/not updated: .*\[0\]\.models\[0\]\.prices\.input_mtok: must be a finite price of 0 or more.*unchanged/);
    expect(existsSync(env.AICOST_PRICES_FILE)).toBe(false);
    expect((await rows("--search", "deepseek-v4-flash", "--provider", "deepseek", "--as-of", "2026-04-24"))[0]?.inputUsdPerMillion).toBe(0.14);

    const providers = JSON.parse(JSON.stringify(await loadBundledProviders())) as Provider[];
    const flash = providers.find((p) => p.id === "deepseek")?.models.find((m) => m.id === "deepseek-v4-flash");
    if (flash === undefined || !Array.isArray(flash.prices)) throw new Error("no deepseek-v4-flash with dated prices");
    (flash.prices[0] as { prices: Record<string, number> }).prices.input_mtok = 0.15;
    const good = join(folder, "good.json");
    writeFileSync(good, JSON.stringify(providers));
    const accepted = await runPrices(["update", "--file", "good.json"], io, env);
    expect(accepted).toMatchObject({ ok: true });
    expect(readFileSync(env.AICOST_PRICES_FILE, "utf8")).toBe(readFileSync(good, "utf8"));
    expect((await rows("--search", "deepseek-v4-flash", "--provider", "deepseek", "--as-of", "2026-04-24"))[0]?.inputUsdPerMillion).toBe(0.15);
  });

  it("update: refuses a file that is not UTF-8 (as the pane does), rather than reading its bytes as replacement characters", async () => {
    const kept = existsSync(env.AICOST_PRICES_FILE) ? readFileSync(env.AICOST_PRICES_FILE, "utf8") : undefined;
    const latin1 = join(folder, "latin1.json");
    const text = JSON.stringify([{ id: "acme", name: "Acmé", api_pattern: "x", models: [{ id: "modèle-1", match: { equals: "modèle-1" }, prices: { input_mtok: 1 } }] }]);
    writeFileSync(latin1, Buffer.from(text, "latin1"));
    const refused = await runPrices(["update", "--file", latin1], io, env);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/not updated: .*not UTF-8/);
    expect(existsSync(env.AICOST_PRICES_FILE) ? readFileSync(env.AICOST_PRICES_FILE, "utf8") : undefined).toBe(kept);
  });
});
