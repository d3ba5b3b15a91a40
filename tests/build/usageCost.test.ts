/*
 * AICOST.USAGE_COST as Excel calls it (the built functions, loaded as
 * taskpane.html loads them) against genai-prices' own calcPrice: every model of
 * every provider in the catalog, with usages across each tier boundary and with
 * cached parts, at moments before and after each dated price and inside and
 * outside each time-of-day window. Equal to a relative 1e-12.
 */
import { calcPrice, waitForUpdate, type ModelInfo, type Provider, type Usage } from "@pydantic/genai-prices";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { StandInError } from "../functions/customFunctionsStandIn";
import { functionScripts, loadFunctions, type AssociatedFunction } from "./loadFunctions";

let usageCost: AssociatedFunction;
let providers: readonly Provider[];

beforeAll(async () => {
  const functions = await loadFunctions(inject("distDir"));
  usageCost = functions.get("USAGE_COST") as AssociatedFunction;
  providers = (await waitForUpdate()) ?? [];
});

const dayMs = 86_400_000;

/** "HH:MM:SS(.f)(Z|±HH:MM)" as seconds after midnight UTC. */
function secondsOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!m) throw new Error(`unexpected time ${time}`);
  const offset = m[4] === "Z" ? 0 : (m[5] === "+" ? 1 : -1) * (Number(m[6]) * 3600 + Number(m[7]) * 60);
  return (((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) - offset) % 86400) + 86400) % 86400;
}

/** Moments that exercise a model's conditional prices: each side of each start date and of each time-of-day window. */
function momentsFor(model: ModelInfo): number[] {
  const moments = new Set<number>([Date.parse("2026-04-24T12:00:00Z"), Date.parse("2026-11-29T15:30:00Z")]);
  if (!Array.isArray(model.prices)) return [...moments];
  const days = [Date.parse("2026-04-24T00:00:00Z")];
  for (const conditional of model.prices) {
    const c = conditional.constraint;
    if (c?.type === "start_date") {
      const start = Date.parse(`${c.start_date}T00:00:00Z`);
      for (const m of [start - 1, start, start + dayMs / 2, start - dayMs / 2]) moments.add(m);
      days.push(start, start + 2 * dayMs);
    }
  }
  for (const conditional of model.prices) {
    const c = conditional.constraint;
    if (c?.type === "time_of_date") {
      for (const day of days) {
        for (const s of [secondsOfDay(c.start_time), secondsOfDay(c.end_time)]) {
          for (const delta of [-1000, 0, 1000]) moments.add(day + s * 1000 + delta);
        }
      }
    }
  }
  return [...moments];
}

/** Tier starts of a price set, for the usages that cross them. */
function tierStarts(model: ModelInfo): number[] {
  const starts = new Set<number>();
  const sets = Array.isArray(model.prices) ? model.prices.map((c) => c.prices) : [model.prices];
  for (const set of sets) {
    for (const value of Object.values(set)) {
      if (typeof value === "object" && value !== null) for (const tier of value.tiers) starts.add(tier.start);
    }
  }
  return [...starts];
}

type Row = [input: number, output: number, cacheRead: number, cacheWrite: number];

const randomRows: Row[] = fc.sample(
  fc
    .tuple(
      fc.integer({ min: 0, max: 3_000_000 }),
      fc.integer({ min: 0, max: 300_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([input, output, r, w]): Row => {
      const read = Math.floor(input * r);
      return [input, output, read, Math.floor((input - read) * w)];
    }),
  { seed: 20260424, numRuns: 3 },
);

function usagesFor(model: ModelInfo): Row[] {
  const rows: Row[] = [[0, 0, 0, 0], [1000, 500, 300, 100], [5, 7, 0, 5], ...randomRows];
  for (const start of tierStarts(model)) {
    for (const input of [start, start + 1]) rows.push([input, 1000, Math.floor(input / 2), Math.floor(input / 4)]);
  }
  return rows;
}

function expected(usage: Usage, model: string, providerId: string | undefined, at: number): number | "error" {
  try {
    const result = calcPrice(
      usage,
      model,
      providerId === undefined ? { timestamp: new Date(at) } : { providerId, timestamp: new Date(at) },
    );
    return result === null ? "error" : result.total_price;
  } catch {
    return "error";
  }
}

/** An Excel serial for a moment, when it has a time of day (a whole serial means noon). */
function serialOf(ms: number): number | undefined {
  const serial = ms / dayMs + 25569;
  return Number.isInteger(serial) ? undefined : serial;
}

describe("USAGE_COST through the built functions equals genai-prices' calcPrice", () => {
  it("the functions are loaded as taskpane.html loads them", () => {
    expect(functionScripts(inject("distDir"))).toContain("functions.js");
  });

  it("for every model of every provider, every usage and every moment, to a relative 1e-12", () => {
    let compared = 0;
    let priced = 0;
    const mismatches: string[] = [];
    for (const provider of providers) {
      for (const model of provider.models) {
        const rows = usagesFor(model);
        const column = (i: number) => rows.map((row) => [row[i]]);
        const moments = momentsFor(model);
        moments.forEach((at, index) => {
          const serial = serialOf(at);
          const asOf = index % 2 === 1 && serial !== undefined ? serial : new Date(at).toISOString();
          // Every other moment lets the model id decide the provider, where it can (as genai-prices does).
          const byModelId = index % 2 === 1 && calcPrice({}, model.id) !== null;
          const providerId = byModelId ? undefined : provider.id;
          const result = usageCost(
            [[model.id]],
            column(0),
            column(1),
            column(2),
            column(3),
            [[providerId ?? null]],
            [[asOf]],
          ) as unknown[][];
          rows.forEach((row, r) => {
            const usage: Usage = {
              input_tokens: row[0],
              output_tokens: row[1],
              cache_read_tokens: row[2],
              cache_write_tokens: row[3],
            };
            const want = expected(usage, model.id, providerId, at);
            const got = result[r]?.[0];
            compared++;
            if (want === "error") {
              if (!(got instanceof StandInError))
                mismatches.push(
                  `${provider.id}/${model.id} ${JSON.stringify(row)} @${asOf}: want an error, got ${String(got)}`,
                );
              return;
            }
            priced++;
            const ok =
              typeof got === "number" && Math.abs(got - want) <= 1e-12 * Math.max(Math.abs(want), Number.MIN_VALUE);
            if (!ok)
              mismatches.push(
                `${provider.id}/${model.id} ${JSON.stringify(row)} @${asOf}: want ${want}, got ${got instanceof StandInError ? `${got.code} ${got.message}` : String(got)}`,
              );
          });
        });
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(priced).toBeGreaterThan(10_000);
    expect(compared).toBeGreaterThan(priced - 1);
  }, 600_000);

  it("tells a mismatch: a deliberately wrong reference is caught", () => {
    const result = usageCost([["gpt-5.5"]], [[300_000]], [[1000]], null, null, null, [["2026-04-24"]]) as number[][];
    const want = expected(
      { input_tokens: 300_000, output_tokens: 1000 },
      "gpt-5.5",
      undefined,
      Date.parse("2026-04-24T12:00:00Z"),
    );
    expect(result[0]?.[0]).toBe(want);
    // 300,000 prompt tokens are above GPT-5.5's 272K tier: the base price would be wrong.
    expect(want).toBe((300_000 * 10 + 1000 * 45) / 1e6);
  });

  it("more cached than input tokens is #NUM!", () => {
    const cell = (usageCost([["gpt-5.5"]], [[100]], [[1]], [[80]], [[30]], null, null) as unknown[][])[0]?.[0];
    expect(cell).toBeInstanceOf(StandInError);
    expect((cell as StandInError).code).toBe("#NUM!");
  });
});
