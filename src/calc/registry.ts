import { BLENDED_PRICE } from "./blendedPrice";
import { GPU_HOUR_COST } from "./gpuHourCost";
import { GPU_POWER_COST } from "./gpuPowerCost";
import { GPU_TCO } from "./gpuTco";
import { LABOR_SAVINGS } from "./laborSavings";
import { MODEL_PRICE } from "./modelPrice";
import { SELF_HOST_PRICE } from "./selfHostPrice";
import type { CalcFunction } from "./spec";
import { TOKEN_COST } from "./tokenCost";

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

/** The namespace Excel shows before each function id. */
export const functionNamespace = "AICOST";

export function findCalcFunction(id: string): CalcFunction | undefined {
  const wanted = id.trim().toUpperCase().replace(/^AICOST\./, "");
  return calcFunctions.find((fn) => fn.id === wanted);
}
