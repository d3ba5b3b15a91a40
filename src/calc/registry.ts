import { BLENDED_PRICE } from "./blendedPrice";
import { DEPRECIATION } from "./depreciation";
import { GPU_CASH_FLOWS } from "./gpuCashFlows";
import { GPU_HOUR_COST } from "./gpuHourCost";
import { GPU_POWER_COST } from "./gpuPowerCost";
import { GPU_TCO } from "./gpuTco";
import { LABOR_SAVINGS } from "./laborSavings";
import { MODEL_PRICE } from "./modelPrice";
import { PAYBACK } from "./payback";
import { PRESENT_VALUE } from "./presentValue";
import { ROI } from "./roi";
import { SAVINGS_CASH_FLOWS } from "./savingsCashFlows";
import { SELF_HOST_PRICE } from "./selfHostPrice";
import type { CalcFunction } from "./spec";
import type { TimeFunction } from "./timeSpec";
import { TOKEN_COST } from "./tokenCost";
import { TOKEN_COST_CASH_FLOWS } from "./tokenCostCashFlows";

/** Every AICOST function, in the order the README lists them. */
export const calcFunctions: readonly CalcFunction[] = [
  LABOR_SAVINGS,
  TOKEN_COST,
  BLENDED_PRICE,
  MODEL_PRICE,
  GPU_TCO,
  GPU_POWER_COST,
  GPU_HOUR_COST,
  SELF_HOST_PRICE,
];

/**
 * The time functions, in the order the README lists them: rows over years
 * (cash flows, depreciation) and the measures read from such rows.
 */
export const timeFunctions: readonly TimeFunction[] = [
  GPU_CASH_FLOWS,
  SAVINGS_CASH_FLOWS,
  TOKEN_COST_CASH_FLOWS,
  DEPRECIATION,
  PRESENT_VALUE,
  PAYBACK,
  ROI,
];

/** The namespace Excel shows before each function id. */
export const functionNamespace = "AICOST";

export function findCalcFunction(id: string): CalcFunction | undefined {
  const wanted = id.trim().toUpperCase().replace(/^AICOST\./, "");
  return calcFunctions.find((fn) => fn.id === wanted);
}

export function findTimeFunction(id: string): TimeFunction | undefined {
  const wanted = id.trim().toUpperCase().replace(/^AICOST\./, "");
  return timeFunctions.find((fn) => fn.id === wanted);
}
