/**
 * Code the pane loads on first use, each as its own script, so taskpane.js holds
 * only what the pane needs to show itself: reading a sheet back as a preset
 * (Save as preset, Sensitivity, Simulate) is needed only when one is asked for.
 */
import type { Preset } from "../presets/types";
import type { LoadedModel } from "../workbook/host";
import type { SheetToPresetOptions } from "../workbook/sheetToPreset";
import { localDay } from "./dom";
import type { PaneContext } from "./section";

export const sheetReader = (): Promise<typeof import("../workbook/sheetToPreset")> =>
  import(/* webpackChunkName: "sheetReader" */ "../workbook/sheetToPreset");

/**
 * A loaded model's sheet read back as a preset (with `options`, the sheet's
 * name now and today's date), saying so in the status line while it reads;
 * or null: with the sheet's problems shown after `refused` ("Not saved"), or
 * where the host cannot read a sheet.
 */
export async function presetOfSheet(
  context: PaneContext,
  model: LoadedModel,
  options: Omit<SheetToPresetOptions, "sheetName" | "today">,
  refused: string,
): Promise<{ readonly preset: Preset; readonly sheetName: string } | null> {
  context.status.set("progress", `Reading “${model.sheetName}”…`);
  const reading = await context.host.readModel?.(model);
  if (reading === undefined) return null;
  const { presetFromSheet } = await sheetReader();
  const result = presetFromSheet(model.preset, reading.cells, { ...options, sheetName: reading.sheetName, today: localDay(context.now()) });
  if (result.ok) return { preset: result.value, sheetName: reading.sheetName };
  context.status.set(
    "error",
    `${refused}: ${result.issues[0]?.message ?? "the sheet could not be read"}`,
    result.issues.map((issue) => issue.message),
  );
  return null;
}
