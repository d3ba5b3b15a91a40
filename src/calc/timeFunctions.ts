/**
 * The time functions (rows over years: cash flows, depreciation, and the
 * measures read from such rows), apart from the registry of every function so
 * that a formula checker can know them without the price catalog.
 */
import { DEPRECIATION } from "./depreciation";
import { GPU_CASH_FLOWS } from "./gpuCashFlows";
import { PAYBACK } from "./payback";
import { PRESENT_VALUE } from "./presentValue";
import { ROI } from "./roi";
import { SAVINGS_CASH_FLOWS } from "./savingsCashFlows";
import type { TimeFunction } from "./timeSpec";
import { TOKEN_COST_CASH_FLOWS } from "./tokenCostCashFlows";

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

export function findTimeFunction(id: string): TimeFunction | undefined {
  const wanted = id.trim().toUpperCase().replace(/^AICOST\./, "");
  return timeFunctions.find((fn) => fn.id === wanted);
}
