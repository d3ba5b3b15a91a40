/*
 * The README's table of built-in models states headline Base results; each is
 * checked against the model evaluated in HyperFormula and formatted as the
 * sheet formats it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../src/hyperformula/evaluatePlan";
import { builtInPresets, findPreset, formatForDisplay, planSheet } from "../src/presets";

const readme = readFileSync(resolve(__dirname, "../README.md"), "utf8");
const section = /^## Company models in the task pane\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";

interface Claim {
  readonly presetId: string;
  readonly key: string;
  /** For a timeline summary measure, `npv(net_row)`: the net row whose summary it is. */
  readonly net?: string;
  readonly shown: string;
}

function claims(): { ids: string[]; claims: Claim[] } {
  const ids: string[] = [];
  const found: Claim[] = [];
  for (const line of section.split("\n")) {
    const row = /^\| `([a-z0-9-]+)` \|[^|]*\| (.*) \|$/.exec(line);
    if (!row) continue;
    const presetId = row[1] as string;
    ids.push(presetId);
    for (const part of (row[2] as string).split(";")) {
      const claim = /^\s*`([a-z0-9_]+)(?:\(([a-z0-9_]+)\))?` (\S+)\s*$/.exec(part);
      if (!claim) throw new Error(`unreadable result "${part}" for ${presetId}`);
      found.push({ presetId, key: claim[1] as string, ...(claim[2] === undefined ? {} : { net: claim[2] }), shown: claim[3] as string });
    }
  }
  return { ids, claims: found };
}

describe("README: built-in models table", () => {
  const { ids, claims: stated } = claims();

  it("lists every built-in model once", () => {
    expect(ids.sort()).toEqual(builtInPresets.map((p) => p.id).sort());
  });

  for (const claim of stated) {
    it(`${claim.presetId}: ${claim.key}${claim.net === undefined ? "" : `(${claim.net})`} shows ${claim.shown} in the Base column`, () => {
      const preset = findPreset(claim.presetId);
      expect(preset).toBeDefined();
      const plan = planSheet(preset!);
      const summary = plan.timeline?.summaries.find((sm) => sm.net === claim.net);
      const address =
        claim.net === undefined ? plan.keyCells[claim.key]?.base : summary?.measures[claim.key as keyof typeof summary.measures]?.base;
      expect(address, `${claim.key} is a key of ${claim.presetId}`).toBeDefined();
      const sheet = evaluatePlan(plan);
      const cell = plan.cells.find((c) => c.address === address);
      expect(formatForDisplay(sheet.valueAt(address!), cell?.numberFormat)).toBe(claim.shown);
    });
  }
});
