/**
 * Every AICOST function's signature (id, parameters, examples), in the order the
 * README lists them, without importing the price catalog: what a formula
 * checker needs (the task pane's preset checks), at no cost in bundle size.
 */
import { BLENDED_PRICE } from "./blendedPrice";
import { GPU_HOUR_COST } from "./gpuHourCost";
import { GPU_POWER_COST } from "./gpuPowerCost";
import { GPU_TCO } from "./gpuTco";
import { LABOR_SAVINGS } from "./laborSavings";
import { MODEL_PRICE_SIGNATURE, USAGE_COST_SIGNATURE } from "./priceSignatures";
import { SELF_HOST_PRICE } from "./selfHostPrice";
import type { CalcSignature } from "./spec";
import { TOKEN_COST } from "./tokenCost";

export const calcSignatures: readonly CalcSignature[] = [
  LABOR_SAVINGS,
  TOKEN_COST,
  BLENDED_PRICE,
  MODEL_PRICE_SIGNATURE,
  USAGE_COST_SIGNATURE,
  GPU_TCO,
  GPU_POWER_COST,
  GPU_HOUR_COST,
  SELF_HOST_PRICE,
];

/** The namespace Excel shows before each function id. */
export const functionNamespace = "AICOST";

/** The signature of `AICOST.<id>` (namespace optional, any case), if there is one. */
export function findCalcSignature(id: string): CalcSignature | undefined {
  const wanted = id
    .trim()
    .toUpperCase()
    .replace(/^AICOST\./, "");
  return calcSignatures.find((fn) => fn.id === wanted);
}
