/**
 * Code the pane loads on first use, each as its own script, so taskpane.js holds
 * only what the pane needs to show itself: reading a sheet back as a preset
 * (Save as preset, Sensitivity, Simulate) is needed only when one is asked for.
 */
export const sheetReader = (): Promise<typeof import("../workbook/sheetToPreset")> =>
  import(/* webpackChunkName: "sheetReader" */ "../workbook/sheetToPreset");
