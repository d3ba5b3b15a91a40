import { BLENDED_PRICE } from "./blendedPrice";
import { GPU_HOUR_COST } from "./gpuHourCost";
import { GPU_POWER_COST } from "./gpuPowerCost";
import { GPU_TCO } from "./gpuTco";
import { LABOR_SAVINGS } from "./laborSavings";
import { MODEL_PRICE, USAGE_COST } from "./priceFunctions";
import { SELF_HOST_PRICE } from "./selfHostPrice";
import type { CalcFunction } from "./spec";
import { TOKEN_COST } from "./tokenCost";

/** Every AICOST function, in the order the README lists them (the order of `calcSignatures`). */
export const calcFunctions: readonly CalcFunction[] = [
  LABOR_SAVINGS,
  TOKEN_COST,
  BLENDED_PRICE,
  MODEL_PRICE,
  USAGE_COST,
  GPU_TCO,
  GPU_POWER_COST,
  GPU_HOUR_COST,
  SELF_HOST_PRICE,
];

export function findCalcFunction(id: string): CalcFunction | undefined {
  const wanted = id
    .trim()
    .toUpperCase()
    .replace(/^AICOST\./, "");
  return calcFunctions.find((fn) => fn.id === wanted);
}

export { findTimeFunction, timeFunctions } from "./timeFunctions";
