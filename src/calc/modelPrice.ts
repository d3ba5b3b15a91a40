import { messages } from "./messages";
import { findModel, knownModels, priceKinds, priceOf, type PriceKind } from "./priceCatalog";
import { calcError, type CalcError } from "./result";
import type { CalcFunction } from "./spec";

/** List price in USD per million tokens from the built-in catalog, or an `#N/A` error. */
export function modelPriceUsdPerMillion(model: string, kind: PriceKind): number | CalcError {
  const entry = findModel(model);
  if (entry === undefined) return calcError("na", "model", messages.unknownModel(model, knownModels()));
  const price = priceOf(entry, kind);
  if (price === null) return calcError("na", "kind", messages.noPriceForKind(entry.model, kind));
  return price;
}

export const MODEL_PRICE: CalcFunction = {
  id: "MODEL_PRICE",
  description: "List price per million tokens of a model, from the built-in price catalog.",
  resultUnit: "USD per million tokens",
  params: [
    { type: "text", name: "model", unit: "model id, text", description: "Model id, any case, such as \"gpt-5.5\"." },
    {
      type: "text",
      name: "kind",
      unit: "price kind, text",
      description: "Which price: \"input\", \"cached_input\" or \"output\".",
      oneOf: priceKinds,
    },
  ],
  examples: [
    { formula: '=AICOST.MODEL_PRICE("gpt-5.5", "output")', args: ["gpt-5.5", "output"], result: 30 },
    { formula: '=AICOST.MODEL_PRICE("DeepSeek-V4-Flash", "input")', args: ["DeepSeek-V4-Flash", "input"], result: 0.14 },
  ],
  compute(model: string, kind: string) {
    return modelPriceUsdPerMillion(model, kind as PriceKind);
  },
};
