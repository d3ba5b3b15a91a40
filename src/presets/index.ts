export * from "./types";
export * from "./plan.types";
export { builtInPresets, findPreset, validatePresets } from "./builtInPresets";
export { planSheet, sheetNameOf, planColumns, planColumnsOf, orderCheckFormula, checkRuleFormula, type PlanColumns } from "./plan";
export { parsePreset, checkPreset, type PresetIssue, type PresetParseResult } from "./schema";
export { numberFormatOf, textNumberFormat, formatAmounts } from "./formats";
export { formatForDisplay, type DisplayValue } from "./display";
export { cellAddress, columnLetters, parseCellAddress } from "./address";
export { formulaMaxNesting, formulaMaxOperators, parseFormula, replaceKeys, tokenizeFormula } from "./formula";
export {
  parsePresetFile,
  parsePresetFileBytes,
  presetToFileText,
  presetRecordMaxBytes,
  presetFileLimits,
  presetFileVersions,
  presetFileMaxBytes,
  presetFileMaxSources,
  presetFileMaxInputs,
  presetFileMaxOutputs,
  presetFileMaxNotes,
  presetFileMaxDepth,
  presetFileMaxKeyLength,
  presetFileMaxTextLength,
  type PresetFileOptions,
} from "./file";
export { freezeSheet, callsAicost, frozenLine, utcMinuteText, type SheetCell, type SheetCellValue, type FreezeOrigin, type FrozenSheet, type FreezeResult } from "./freeze";
