import { describe, expect, it } from "vitest";
import { builtInPresets, findPreset } from "../../src/presets";

describe("builtInPresets", () => {
  it("holds the seven presets, in order", () => {
    expect(builtInPresets.map((p) => p.id)).toEqual([
      "meta-2026",
      "microsoft-2026",
      "big-tech-2026",
      "gpu-cluster-100k",
      "agent-fleet-10k",
      "self-host-vs-api",
      "ai-paradox",
    ]);
  });

  it("are frozen", () => {
    for (const preset of builtInPresets) {
      expect(Object.isFrozen(preset)).toBe(true);
      expect(Object.isFrozen(preset.inputs)).toBe(true);
    }
  });

  it("mark every derived input as derived and explain it", () => {
    const derived = builtInPresets.flatMap((p) => p.inputs.filter((i) => i.note?.startsWith("Derived")).map((i) => `${p.id}/${i.key}`));
    expect(derived).toEqual(
      expect.arrayContaining([
        "gpu-cluster-100k/other_costs_per_year",
        "agent-fleet-10k/output_share",
        "self-host-vs-api/fleet_tokens_per_year",
      ]),
    );
    expect(findPreset("agent-fleet-10k")?.inputs.find((i) => i.key === "output_share")?.note).toContain("exactly");
  });

  it("say where public reporting differs from the analysis", () => {
    for (const id of ["meta-2026", "microsoft-2026", "big-tech-2026"]) {
      expect(
        findPreset(id)?.notes?.some((n) => n.includes("reporting disagrees")),
        id,
      ).toBe(true);
    }
  });

  it("cite only https URLs and name a publisher for every source", () => {
    for (const source of builtInPresets.flatMap((p) => p.sources)) {
      if (source.url !== undefined) expect(source.url).toMatch(/^https:\/\//);
      expect(source.publisher.trim()).not.toBe("");
    }
  });

  it("compose big-tech-2026 from the two company presets, figure for figure", () => {
    const bigTech = findPreset("big-tech-2026");
    for (const [prefix, id] of [
      ["meta", "meta-2026"],
      ["msft", "microsoft-2026"],
    ] as const) {
      for (const input of findPreset(id)?.inputs ?? []) {
        const copy = bigTech?.inputs.find((i) => i.key === `${prefix}_${input.key}`);
        expect([copy?.base, copy?.low, copy?.high], copy?.key).toEqual([input.base, input.low, input.high]);
      }
    }
  });
});

describe("findPreset", () => {
  it("finds by id, ignoring case and surrounding spaces", () => {
    expect(findPreset("meta-2026")?.title).toContain("Meta");
    expect(findPreset("  AI-Paradox ")?.id).toBe("ai-paradox");
  });

  it("returns undefined for an unknown id", () => {
    expect(findPreset("nope")).toBeUndefined();
    expect(findPreset("")).toBeUndefined();
  });
});

describe("built-in charts", () => {
  it("chart what their title names: Self-hosting vs API charts cost per million tokens", () => {
    const preset = findPreset("self-host-vs-api");
    if (!preset) throw new Error("no self-host-vs-api");
    const charted = preset.outputs.filter((o) => o.chart === true);
    expect(preset.title).toContain("cost per million tokens");
    expect(charted.map((o) => o.key)).toEqual(["self_host_price", "api_blended_price", "deepseek_blended_price"]);
    for (const output of charted) expect(output.unit).toBe("USD per million tokens");
  });
});
