import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtInPresets, presetToFileText } from "../../src/presets";
import { simulate, tornado } from "../../src/simulation";
import { runAicost } from "./harness";

const folder = mkdtempSync(join(tmpdir(), "aicost-sim-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("aicost simulate", () => {
  it("--json prints the documented shape, with the settings it ran", async () => {
    const run = await runAicost(["simulate", "gpu-cluster-100k", "--trials", "2000", "--seed", "42", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(["id", "trials", "seed", "distribution", "outputs"]);
    expect(body).toMatchObject({ id: "gpu-cluster-100k", trials: 2000, seed: 42, distribution: "triangular" });
    const keys = ["key", "label", "mean", "stdev", "min", "max", "p5", "p10", "p50", "p90", "p95", "probabilityPositive"];
    for (const output of body.outputs) for (const key of keys) expect(output).toHaveProperty(key);
    expect(body.outputs.map((o: { key: string }) => o.key)).toEqual(builtInPresets.find((p) => p.id === "gpu-cluster-100k")!.outputs.map((o) => o.key));
  });

  it("gives the figures of the simulation module to the last digit, and the same again for the same seed", async () => {
    const preset = builtInPresets.find((p) => p.id === "self-host-vs-api")!;
    const settings = { trials: 3000, seed: 1234, distribution: "pert" as const };
    const first = JSON.parse((await runAicost(["simulate", preset.id, "--trials", "3,000", "--seed", "1234", "--distribution", "pert", "--json"])).stdout);
    const second = JSON.parse((await runAicost(["simulate", preset.id, "--trials", "3000", "--seed", "1234", "--distribution", "pert", "--json"])).stdout);
    expect(second).toEqual(first);
    const direct = simulate(preset, settings);
    if (!direct.ok) throw new Error(direct.message);
    for (const output of first.outputs) {
      const expected = direct.result.outputs.find((o) => o.key === output.key)!;
      expect(output.mean).toBe(expected.mean);
      expect(output.p95).toBe(expected.p95);
    }
    const other = JSON.parse((await runAicost(["simulate", preset.id, "--trials", "3000", "--seed", "1235", "--distribution", "pert", "--json"])).stdout);
    const selfHost = (body: { outputs: { key: string; mean: number }[] }) => body.outputs.find((o) => o.key === "self_host_price")?.mean;
    expect(selfHost(other)).not.toBe(selfHost(first));
  });

  it("refuses trials, seeds and distributions outside their ranges, with the range, on one line", async () => {
    const cases: [string[], string][] = [
      [["--trials", "99"], "from 100 to 1,000,000"],
      [["--trials", "1000001"], "from 100 to 1,000,000"],
      [["--trials", "1e5"], "--trials takes a whole number"],
      [["--trials", "-5"], "--trials needs a value"],
      [["--seed", "4294967296"], "from 0 to 4,294,967,295"],
      [["--seed", "1.5"], "--seed takes a whole number"],
      [["--distribution", "normal"], "triangular or pert"],
    ];
    for (const [args, message] of cases) {
      const run = await runAicost(["simulate", "meta-2026", ...args]);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(message);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("reads a preset file of your own, and reports failing trials with their reason", async () => {
    const preset = builtInPresets.find((p) => p.id === "gpu-cluster-100k")!;
    const edited = { ...preset, id: "my-cluster", inputs: preset.inputs.map((i) => (i.key === "gpu_count" ? { ...i, low: 0, high: 150000 } : i)) };
    const file = join(folder, "mine.json");
    writeFileSync(file, presetToFileText(edited));
    const run = await runAicost(["simulate", "--file", file, "--trials", "500"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Simulation of my-cluster: 500 trials, seed 1, triangular distributions.");
    expect(run.stdout).toContain("gpu_count");
  });

  it("prints a table by default, one row per output, with P(>0)", async () => {
    const run = await runAicost(["simulate", "ai-paradox"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("10,000 trials, seed 1");
    expect(run.stdout).toContain("every trial is the Base case");
    expect(run.stdout).toMatch(/Net effect without new revenue[^\n]*-\$6\.0B[^\n]*0\.0%\n/);
  });
});

describe("tables name every output in full", () => {
  it("simulate shows each output's whole label, so no two rows read alike (ai-paradox-5y's two one-year nets differ only after 40 characters)", async () => {
    for (const preset of builtInPresets) {
      const direct = simulate(preset, { trials: 100, seed: 1, distribution: "triangular" });
      if (!direct.ok) throw new Error(direct.message);
      const table = (await runAicost(["simulate", preset.id, "--trials", "100"])).stdout;
      for (const output of direct.result.outputs) expect(table, `${preset.id} ${output.key}`).toContain(`${output.label}  `);
    }
  });

  it("tornado shows each input's whole label", async () => {
    for (const preset of builtInPresets) {
      const direct = tornado(preset);
      if (!direct.ok) throw new Error(direct.message);
      const table = (await runAicost(["tornado", preset.id])).stdout;
      for (const input of direct.tornado.inputs) expect(table, `${preset.id} ${input.key}`).toContain(`${input.label}  `);
    }
  });
});

describe("timeline models", () => {
  it("simulate gives the summaries (NPV, IRR, payback, ROI) with the module's figures, and reads payback as a share that pays back", async () => {
    const preset = builtInPresets.find((p) => p.id === "ai-paradox-5y")!;
    const json = JSON.parse((await runAicost(["simulate", preset.id, "--trials", "5000", "--seed", "9", "--json"])).stdout);
    const direct = simulate(preset, { trials: 5000, seed: 9, distribution: "triangular" });
    if (!direct.ok) throw new Error(direct.message);
    expect(json.outputs.map((o: { key: string }) => o.key)).toEqual(direct.result.outputs.map((o) => o.key));
    for (const key of ["net_without_revenue.npv", "net_with_revenue.irr", "net_without_revenue.payback", "net_with_revenue.roi"]) {
      const ours = json.outputs.find((o: { key: string }) => o.key === key);
      const theirs = direct.result.outputs.find((o) => o.key === key)!;
      expect(ours.mean, key).toBe(theirs.mean);
      expect(ours.p5, key).toBe(theirs.p5);
      expect(ours.failedTrials, key).toBe(theirs.failedTrials);
    }
    const payback = direct.result.outputs.find((o) => o.key === "net_without_revenue.payback")!;
    expect(payback.failedTrials).toBeGreaterThan(0);
    const table = (await runAicost(["simulate", preset.id, "--trials", "5000", "--seed", "9"])).stdout;
    const share = ((payback.countedTrials / 5000) * 100).toFixed(1);
    expect(table).toContain(`Without new revenue: payback (years): pays back within 5 years in ${share}% of trials; its statistics cover those ${payback.countedTrials.toLocaleString("en-US")} (the other ${payback.failedTrials.toLocaleString("en-US")}: #N/A`);
    expect(table).not.toMatch(/NaN/);
  });

  it("tornado shows the first NPV by default and takes any summary with --output", async () => {
    const run = await runAicost(["tornado", "ai-business-case", "--json"]);
    expect(run.stderr).toBe("");
    const body = JSON.parse(run.stdout);
    expect(body.output).toBe("net_cash_flow.npv");
    const irr = JSON.parse((await runAicost(["tornado", "ai-paradox-5y", "--output", "net_with_revenue.irr", "--json"])).stdout);
    const direct = tornado(builtInPresets.find((p) => p.id === "ai-paradox-5y")!, "net_with_revenue.irr");
    if (!direct.ok) throw new Error(direct.message);
    expect(irr.inputs.map((b: { swing: number }) => b.swing)).toEqual(direct.tornado.inputs.map((b) => b.swing));
    const bad = await runAicost(["tornado", "ai-paradox-5y", "--output", "nope"]);
    expect(bad.stderr).toContain("net_without_revenue.npv, net_without_revenue.irr");
  });
});

describe("aicost tornado", () => {
  it("--json lists the inputs by swing, largest first, as the simulation module computes them", async () => {
    const run = await runAicost(["tornado", "self-host-vs-api", "--output", "self_host_price", "--json"]);
    expect(run.stderr).toBe("");
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(["id", "output", "base", "inputs"]);
    expect(Object.keys(body.inputs[0])).toEqual(["key", "label", "low", "high", "outputAtLow", "outputAtHigh", "swing"]);
    const direct = tornado(builtInPresets.find((p) => p.id === "self-host-vs-api")!, "self_host_price");
    if (!direct.ok) throw new Error(direct.message);
    expect(body.inputs.map((b: { key: string }) => b.key)).toEqual(direct.tornado.inputs.map((b) => b.key));
    const swings = body.inputs.map((b: { swing: number }) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it("a table names the output and its Base; an unknown output lists the outputs", async () => {
    const run = await runAicost(["tornado", "gpu-cluster-100k"]);
    expect(run.stdout).toContain("Sensitivity of Annual cost (annual_cost) in gpu-cluster-100k");
    expect(run.stdout).toMatch(/Price per GPU\s+\$25,000\s+\$30,000[^\n]*\n/);
    expect(run.stdout.endsWith("\n")).toBe(true);
    const bad = await runAicost(["tornado", "gpu-cluster-100k", "--output", "nope"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("its outputs: hardware_cost, tco");
  });
});
