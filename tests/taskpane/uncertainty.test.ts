// @vitest-environment happy-dom
/*
 * Sensitivity and simulation in the pane, on both hosts (Excel on the API
 * stand-in, and the preview's HyperFormula workbook): the figures come from the
 * sheet as the user edited it, land on a new sheet as values, leave the model's
 * sheet alone, and equal the command line's for the same model, trials and seed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/excel/officeHost";
import { findPreset, planSheet, type Preset } from "../../src/presets";
import { HyperFormulaHost } from "../../src/preview/hyperFormulaHost";
import type { PreviewWorkbook } from "../../src/preview/workbook";
import { modelOutputs, simulationSheetPlan, simulate, tornado } from "../../src/simulation";
import { mountPane } from "../../src/taskpane/pane";
import { runAicost } from "../cli/harness";
import { FakeExcel } from "../excel/fakeExcel";
import { hyperFormulaEvaluator } from "../excel/fakeEvaluator";
import { newWorkbook } from "../preview/helpers";

const cluster = findPreset("gpu-cluster-100k") as Preset;
const plan = planSheet(cluster);
const now = new Date(Date.UTC(2026, 10, 29, 12, 0));

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => root.remove());

const flush = async (rounds = 10): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const status = (): string => root.querySelector('[role="status"]')?.textContent ?? "";
const click = (selector: string): void => {
  const button = root.querySelector<HTMLElement>(selector);
  if (!button) throw new Error(`nothing matches ${selector}; status: ${status()}`);
  button.click();
};
const setField = (suffix: string, value: string): void => {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[id$="-run-${suffix}"]`);
  if (!control) throw new Error(`no ${suffix} field`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? "change" : "input"));
};
async function untilStatus(pattern: RegExp): Promise<void> {
  for (let i = 0; i < 400 && !pattern.test(status()); i++) await flush(2);
  expect(status()).toMatch(pattern);
}

interface Host {
  readonly sheetNames: () => string[];
  /** What a cell of a sheet shows. */
  readonly value: (sheet: string, address: string) => unknown;
  /** Types into a cell as a user does (a number typed into a percent cell is a percent, "-100%" is -1). */
  readonly type: (sheet: string, address: string, value: number | string) => void;
}

function excelHost(): { host: ReturnType<typeof createOfficeHost>; view: Host } {
  const excel = new FakeExcel([{ name: "Budget", cells: { A1: "Mine", B1: 1200 } }]);
  excel.evaluator = hyperFormulaEvaluator();
  return {
    host: createOfficeHost(excel.environment()),
    view: {
      sheetNames: () => excel.sheetNames(),
      value: (sheet, address) => {
        const s = excel.sheet(sheet);
        const p = /^([A-Z]+)(\d+)$/.exec(address)!;
        const column = [...p[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return excel.valueOf(s, Number(p[2]) - 1, column);
      },
      type: (sheet, address, value) => excel.typeInto(sheet, address, value),
    },
  };
}

function previewHost(): { host: HyperFormulaHost; view: Host; workbook: PreviewWorkbook } {
  const workbook = newWorkbook({ Budget: [["Mine", 1200]] });
  const at = (address: string) => {
    const p = /^([A-Z]+)(\d+)$/.exec(address)!;
    return { row: Number(p[2]) - 1, column: [...p[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  return {
    host: new HyperFormulaHost(workbook),
    workbook,
    view: {
      sheetNames: () => workbook.sheetNames(),
      value: (sheet, address) => {
        const { row, column } = at(address);
        return workbook.value(workbook.sheetId(sheet)!, row, column);
      },
      type: (sheet, address, value) => {
        const { row, column } = at(address);
        workbook.enter(workbook.sheetId(sheet)!, row, column, String(value));
      },
    },
  };
}

/** Where a statistic of an output lands on the simulation sheet (found through the same planner). */
function simulationCell(output: string, column: "Mean" | "P95", preset: Preset = cluster): string {
  const run = simulate(preset, { trials: 100, seed: 1, distribution: "triangular" });
  if (!run.ok) throw new Error(run.message);
  const sheet = simulationSheetPlan(preset, run.result, output, now);
  const header = sheet.cells.find((c) => c.content.kind === "text" && c.content.text === column && c.role === "header")!;
  const label = modelOutputs(preset).find((o) => o.key === output)!.label;
  const row = sheet.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.text === label && c.row > header.row)!;
  return `${header.address.replace(/\d+/, "")}${row.row + 1}`;
}

/** Mounts the pane on a host and loads the GPU cluster model from it, as a user clicks Load. */
async function loadCluster(makeHost: () => { host: Parameters<typeof mountPane>[1]; view: Host }): Promise<{ view: Host; modelSheet: string }> {
  const { host, view } = makeHost();
  mountPane(root, host, { now: () => now, saveFile: () => undefined });
  await flush();
  click(`fluent-button[data-action="load"][data-preset-id="${cluster.id}"]`);
  await untilStatus(/Loaded/);
  return { view, modelSheet: view.sheetNames().find((n) => n.startsWith("GPU cluster")) as string };
}

describe.each([
  ["Excel (Office.js on the stand-in)", excelHost],
  ["the preview (HyperFormula)", previewHost],
] as const)("in %s", (_name, makeHost) => {
  it("simulates the sheet as edited into a new sheet of values equal to the command line's, leaving the model's sheet alone", async () => {
    const { view, modelSheet } = await loadCluster(makeHost);
    // The user widens the GPU price's range on the sheet before simulating.
    view.type(modelSheet, plan.keyCells.gpu_unit_price!.low, 20000);
    const before = JSON.stringify(view.sheetNames().map((n) => [n, view.value(n, "B10")]));
    setField("trials", "3,000");
    setField("seed", "77");
    setField("distribution", "pert");
    setField("output", "tco");
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/Wrote 3,000 trials to the new sheet 'Simulation gpu-cluster-100k'/);
    expect(status()).toMatch(/Total cost of ownership over the life is above zero in 100\.0% of them/);
    expect(JSON.stringify(view.sheetNames().filter((n) => !n.startsWith("Simulation")).map((n) => [n, view.value(n, "B10")]))).toBe(before);

    const edited = { ...cluster, inputs: cluster.inputs.map((i) => (i.key === "gpu_unit_price" ? { ...i, low: 20000 } : i)) };
    const file = `/tmp/aicost-pane-sim-${process.pid}.json`;
    const { writeFileSync, rmSync } = await import("node:fs");
    const { presetToFileText } = await import("../../src/presets");
    writeFileSync(file, presetToFileText(edited));
    try {
      const cli = JSON.parse((await runAicost(["simulate", "--file", file, "--trials", "3000", "--seed", "77", "--distribution", "pert", "--json"])).stdout);
      for (const key of ["tco", "annual_cost", "gpu_hour_cost"]) {
        const expected = cli.outputs.find((o: { key: string }) => o.key === key);
        expect(view.value("Simulation gpu-cluster-100k", simulationCell(key, "Mean"))).toBe(expected.mean);
        expect(view.value("Simulation gpu-cluster-100k", simulationCell(key, "P95"))).toBe(expected.p95);
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("writes the tornado of the chosen result from the sheet as edited, and refuses a sheet whose Base is outside its range", async () => {
    const { view, modelSheet } = await loadCluster(makeHost);
    view.type(modelSheet, plan.keyCells.power_cost_per_year!.high, 900_000_000);
    setField("output", "annual_cost");
    click('fluent-button[data-action="tornado"]');
    await untilStatus(/Wrote the sensitivity of Annual cost to the new sheet 'Sensitivity gpu-cluster-100k'\. Power per year moves it most\./);
    const edited = { ...cluster, inputs: cluster.inputs.map((i) => (i.key === "power_cost_per_year" ? { ...i, high: 900_000_000 } : i)) };
    const expected = tornado(edited, "annual_cost");
    if (!expected.ok) throw new Error(expected.message);
    const headerRow = Array.from({ length: 20 }, (_, i) => i + 1).find((r) => view.value("Sensitivity gpu-cluster-100k", `A${r}`) === "Input")!;
    expect(view.value("Sensitivity gpu-cluster-100k", `A${headerRow + 1}`)).toBe("Power per year");
    expect(view.value("Sensitivity gpu-cluster-100k", `F${headerRow + 1}`)).toBe(expected.tornado.inputs[0]!.swing);

    view.type(modelSheet, plan.keyCells.gpu_unit_price!.base, 99_000);
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/Not run:/);
    expect(view.sheetNames().filter((n) => n.startsWith("Simulation"))).toEqual([]);
  });

  it("simulates a timeline model's NPV, IRR and payback from the sheet as edited, equal to the command line's; its tornado defaults to the NPV", async () => {
    const businessCase = findPreset("ai-business-case") as Preset;
    const businessPlan = planSheet(businessCase);
    const { host, view } = makeHost();
    mountPane(root, host, { now: () => now, saveFile: () => undefined });
    await flush();
    const before = view.sheetNames();
    click(`fluent-button[data-action="load"][data-preset-id="${businessCase.id}"]`);
    await untilStatus(/Loaded/);
    const modelSheet = view.sheetNames().find((n) => !before.includes(n)) as string;
    // The user gives two assumptions a range on the sheet: the model as shipped has none.
    const ranges: Record<string, [number, number]> = { jobs_saved: [200, 1500], discount_rate: [0.05, 0.2] };
    for (const [key, [low, high]] of Object.entries(ranges)) {
      view.type(modelSheet, businessPlan.keyCells[key]!.low, low);
      view.type(modelSheet, businessPlan.keyCells[key]!.high, high);
    }
    await flush();
    const output = root.querySelector<HTMLSelectElement>('[id$="-run-output"]')!;
    expect(output.value).toBe("net_cash_flow.npv");
    expect([...output.options].map((o) => o.value)).toEqual(modelOutputs(businessCase).map((o) => o.key));

    click('fluent-button[data-action="tornado"]');
    await untilStatus(/Wrote the sensitivity of Risk-adjusted: NPV to the new sheet 'Sensitivity ai-business-case'\. Jobs the agents take over moves it most\./);

    setField("trials", "3000");
    setField("seed", "77");
    setField("output", "net_cash_flow.payback");
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/Wrote 3,000 trials to the new sheet 'Simulation ai-business-case'\. Risk-adjusted: payback \(years\): pays back within 3 years in \d+\.\d% of trials\./);

    const edited = { ...businessCase, inputs: businessCase.inputs.map((i) => (i.key in ranges ? { ...i, low: ranges[i.key]![0], high: ranges[i.key]![1] } : i)) };
    const file = `/tmp/aicost-pane-timeline-${process.pid}.json`;
    const { writeFileSync, rmSync } = await import("node:fs");
    const { presetToFileText } = await import("../../src/presets");
    writeFileSync(file, presetToFileText(edited));
    try {
      const cli = JSON.parse((await runAicost(["simulate", "--file", file, "--trials", "3000", "--seed", "77", "--json"])).stdout);
      for (const key of ["net_cash_flow.npv", "net_cash_flow.irr", "net_cash_flow.payback", "net_cash_flow.roi"]) {
        const expected = cli.outputs.find((o: { key: string }) => o.key === key);
        expect(view.value("Simulation ai-business-case", simulationCell(key, "Mean", edited)), key).toBe(expected.mean);
        expect(view.value("Simulation ai-business-case", simulationCell(key, "P95", edited)), key).toBe(expected.p95);
      }
      const payback = cli.outputs.find((o: { key: string }) => o.key === "net_cash_flow.payback");
      const share = (((3000 - payback.failedTrials) / 3000) * 100).toFixed(1);
      expect(status()).toContain(`pays back within 3 years in ${share}% of trials`);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("says of how many trials a share above zero is, when some trials give the result no value (ai-paradox-5y's IRR without new revenue)", async () => {
    const paradox = findPreset("ai-paradox-5y") as Preset;
    const { host } = makeHost();
    mountPane(root, host, { now: () => now, saveFile: () => undefined });
    await flush();
    click(`fluent-button[data-action="load"][data-preset-id="${paradox.id}"]`);
    await untilStatus(/Loaded/);
    setField("trials", "1000");
    setField("seed", "7");
    setField("output", "net_without_revenue.irr");
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/^Wrote 1,000 trials/);
    const run = simulate(paradox, { trials: 1000, seed: 7, distribution: "triangular" });
    if (!run.ok) throw new Error(run.message);
    const irr = run.result.outputs.find((o) => o.key === "net_without_revenue.irr")!;
    expect(irr.failedTrials).toBeGreaterThan(0);
    const share = ((irr.probabilityPositive as number) * 100).toFixed(1);
    expect(status()).toContain(
      `Without new revenue: IRR is above zero in ${share}% of the ${irr.countedTrials.toLocaleString("en-US")} trials that give it a value (the other ${irr.failedTrials.toLocaleString("en-US")} give an error: see the sheet).`,
    );
  });

  it("a timeline model whose discount rate may reach -100%: its tornado shows #NUM! at that end, and a long run cancels and writes nothing", async () => {
    const paradox = findPreset("ai-paradox-5y") as Preset;
    const paradoxPlan = planSheet(paradox);
    const { host, view } = makeHost();
    mountPane(root, host, { now: () => now, saveFile: () => undefined });
    await flush();
    const before = view.sheetNames();
    click(`fluent-button[data-action="load"][data-preset-id="${paradox.id}"]`);
    await untilStatus(/Loaded/);
    const modelSheet = view.sheetNames().find((n) => !before.includes(n)) as string;
    view.type(modelSheet, paradoxPlan.keyCells.discount_rate!.low, "-100%");
    view.type(modelSheet, paradoxPlan.keyCells.discount_rate!.high, "30%");
    await flush();
    click('fluent-button[data-action="tornado"]');
    await untilStatus(/Wrote the sensitivity of Without new revenue: NPV/);
    const headerRow = Array.from({ length: 20 }, (_, i) => i + 1).find((r) => view.value("Sensitivity ai-paradox-5y", `A${r}`) === "Input")!;
    const rows = Array.from({ length: 6 }, (_, i) => headerRow + 1 + i).filter((r) => view.value("Sensitivity ai-paradox-5y", `A${r}`) === "Discount rate");
    expect(rows).toHaveLength(1);
    expect(view.value("Sensitivity ai-paradox-5y", `B${rows[0]}`)).toBe(-1);
    expect(view.value("Sensitivity ai-paradox-5y", `D${rows[0]}`)).toBe("#NUM!");

    setField("trials", "1000000");
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/Simulating: /);
    root.querySelector<HTMLButtonElement>(".cancel-run")!.click();
    await untilStatus(/Simulation cancelled after [\d,]+ trials; nothing was written\./);
    expect(view.sheetNames().filter((n) => n.startsWith("Simulation"))).toEqual([]);
  });

  it("cancels a long run between slices and writes nothing", async () => {
    const { view } = await loadCluster(makeHost);
    setField("trials", "1000000");
    click('fluent-button[data-action="simulate"]');
    await untilStatus(/Simulating: /);
    const progress = root.querySelector<HTMLElement>(".run-progress")!;
    expect(progress.hidden).toBe(false);
    root.querySelector<HTMLButtonElement>(".cancel-run")!.click();
    await untilStatus(/Simulation cancelled after [\d,]+ trials; nothing was written\./);
    expect(progress.hidden).toBe(true);
    expect(view.sheetNames().filter((n) => n.startsWith("Simulation"))).toEqual([]);
  });
});
