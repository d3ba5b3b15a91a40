import type { HyperFormula, SimpleCellAddress } from "hyperformula";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import { planToSheetContent } from "../../src/hyperformula/planContent";
import type { Preset, PresetInput, PresetOutput, PresetTimeline, Scenario, SheetPlan } from "../../src/presets";
import { parseCellAddress, parsePreset, planSheet } from "../../src/presets";
import type { ModelOutput } from "../../src/simulation/defaults";

/** The sheet cell of a result in a scenario column: an output's own cell, or its timeline summary measure's. */
export function sheetCellOf(plan: SheetPlan, output: ModelOutput, scenario: Scenario): string {
  if (output.timeline === undefined) return plan.keyCells[output.key]?.[scenario] as string;
  const measures = plan.timeline?.summaries[output.timeline.summary]?.measures;
  const cell = measures?.[output.timeline.measure]?.[scenario];
  if (cell === undefined) throw new Error(`no cell for ${output.key}`);
  return cell;
}

/** A HyperFormula workbook holding the model's planned sheet, and the engine's address of a sheet cell ("C7"). */
export function modelSheet(preset: Preset): {
  plan: SheetPlan;
  engine: HyperFormula;
  at: (address: string) => SimpleCellAddress;
} {
  const plan = planSheet(preset);
  const engine = createAicostEngine({ [plan.sheetName]: planToSheetContent(plan) });
  const sheet = engine.getSheetId(plan.sheetName) as number;
  const at = (address: string): SimpleCellAddress => {
    const p = parseCellAddress(address);
    if (p === undefined) throw new Error(address);
    return { sheet, row: p.row, col: p.column };
  };
  return { plan, engine, at };
}

/** A small valid preset with the given inputs and outputs, checked by the same validator as every file. */
export function presetWith(
  inputs: readonly Partial<PresetInput>[],
  outputs: readonly Partial<PresetOutput>[],
  id = "test-model",
  timeline?: PresetTimeline,
): Preset {
  const candidate = {
    version: 1,
    id,
    title: "Test model",
    summary: "A model for the simulation tests.",
    asOf: "2026-11-29",
    sources: [{ id: "s", title: "Test source", publisher: "Test", date: "2026-11-29" }],
    inputs: inputs.map((input, i) => ({
      key: `x${i}`,
      label: `Input ${i}`,
      unit: "USD",
      format: "usd",
      base: 0,
      source: "s",
      ...input,
    })),
    outputs: outputs.map((output, i) => ({
      key: `y${i}`,
      label: `Output ${i}`,
      unit: "USD",
      format: "usd",
      formula: "0",
      ...output,
    })),
    ...(timeline === undefined ? {} : { timeline }),
  };
  const parsed = parsePreset(candidate);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("; "));
  return parsed.value;
}
