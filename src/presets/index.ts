export * from "./types";
export * from "./plan.types";
export { builtInPresets, findPreset, validatePresets } from "./builtIns";
export { planSheet, sheetNameOf, planColumns } from "./plan";
export { parsePreset, checkPreset, type PresetIssue, type PresetParseResult } from "./schema";
export { numberFormatOf, textNumberFormat } from "./formats";
export { formatForDisplay, type DisplayValue } from "./display";
export { cellAddress, columnLetters, parseCellAddress } from "./address";
export { parseFormula, replaceKeys, tokenizeFormula } from "./formula";
