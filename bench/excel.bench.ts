/*
 * The Excel writer against the hand-written stand-in for the Excel API: for
 * each built-in preset, the syncs one load takes (expected 2, whatever the
 * preset's size), the operations it queues, and the time to plan and queue a
 * load (planSheet + planWorkbookWrite + queueWrite, no sync), median over many
 * runs. Prints figures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { createOfficeHost, queueWrite } from "../src/excel/officeHost";
import { planWorkbookWrite } from "../src/workbook/writePlan";
import { builtInPresets, planSheet, type Preset } from "../src/presets";
import { FakeExcel } from "../tests/excel/fakeExcel";
import { largestTimelinePreset } from "../tests/fixtures/largestTimeline";

const runs = 300;
const expectedSyncs = 2;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Plans a preset's load and queues it on a new sheet of a stand-in workbook, timing only the planning and queueing. */
async function timePlanAndQueueMs(preset: Preset): Promise<number> {
  const excel = new FakeExcel();
  let elapsed = NaN;
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Bench");
    const started = performance.now();
    const planned = planWorkbookWrite(planSheet(preset));
    if (!planned.ok) throw new Error(planned.problems.join(" "));
    queueWrite(sheet, planned.write, { axisNumberFormat: true });
    elapsed = performance.now() - started;
    await context.sync();
  });
  return elapsed;
}

export default async function excelBench(): Promise<void> {
  console.log(`Excel writer on the stand-in Excel API: syncs per load (expected ${expectedSyncs}), operations queued, plan + queue time (median of ${runs})`);
  console.log(`${"preset".padEnd(20)} ${"cells".padStart(6)} ${"syncs".padStart(6)} ${"ops".padStart(5)} ${"plan+queue ms".padStart(14)}`);
  // The built-ins, then the largest timeline a preset file may hold (50 years, 100 rows, 20 summaries).
  for (const preset of [...builtInPresets, largestTimelinePreset()]) {
    const excel = new FakeExcel([{ name: "Sheet1" }]);
    const host = createOfficeHost(excel.environment());
    const plan = planSheet(preset);
    await host.loadPlan(plan);
    const syncs = excel.syncsPerRun.reduce((a, b) => a + b, 0);
    const operations = excel.executed.length;

    for (let i = 0; i < 20; i++) await timePlanAndQueueMs(preset); // warm up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timePlanAndQueueMs(preset));

    const flag = syncs === expectedSyncs ? "" : `  <- expected ${expectedSyncs}`;
    console.log(
      `${preset.id.padEnd(20)} ${String(plan.cells.length).padStart(6)} ${String(syncs).padStart(6)} ${String(operations).padStart(5)} ${median(samples).toFixed(3).padStart(14)}${flag}`,
    );
  }
}
