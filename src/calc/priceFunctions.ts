/**
 * USAGE_COST and MODEL_PRICE: the signatures of priceSignatures.ts with their
 * arithmetic, which is genai-prices' own (genaiPrices.ts). Within one call each
 * distinct (model, provider, moment) is resolved once; "now" is read once.
 */
import { momentOf } from "./asOf";
import { closestModelIds, findCatalogProvider } from "./catalog";
import {
  listedPriceUsdPerMillion,
  providersInUse,
  resolveModel,
  usageCostUsd,
  type ResolvedModel,
} from "./genaiPrices";
import { messages } from "./messages";
import { MODEL_PRICE_SIGNATURE, USAGE_COST_SIGNATURE } from "./priceSignatures";
import type { PriceKind } from "./priceKinds";
import { calcError, isCalcError, type CalcError } from "./result";
import type { CalcFunction } from "./spec";

/** How many closest model ids an unknown-model message suggests. */
export const suggestedModelCount = 5;

function faultOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** At most this many distinct unknown models in one call get the closest model ids suggested; the rest are named without. */
export const suggestionsPerCall = 200;

/** The #N/A for a model genai-prices does not price: an unknown provider, or the closest model ids. */
function unknownModelError(model: string, providerId: string | undefined, suggest: boolean): CalcError {
  const providers = providersInUse() ?? [];
  if (providerId !== undefined && providers.length > 0 && findCatalogProvider(providers, providerId) === undefined) {
    return calcError(
      "na",
      "provider",
      messages.unknownProvider(
        providerId,
        providers.map((p) => p.id),
      ),
    );
  }
  if (!suggest) return calcError("na", "model", messages.unknownModel(model, providerId, []));
  const inProvider = providerId === undefined ? [] : closestModelIds(providers, model, suggestedModelCount, providerId);
  const closest = inProvider.length > 0 ? inProvider : closestModelIds(providers, model, suggestedModelCount);
  return calcError("na", "model", messages.unknownModel(model, providerId, closest));
}

/**
 * Resolves models for one call: each distinct (model, provider, moment) once.
 * `nowMs` is the moment an omitted as_of stands for, read once per call.
 */
export class ModelResolver {
  private readonly resolved = new Map<string, ResolvedModel | CalcError>();
  /** Unknown models given suggestions so far: searching the catalog for each costs, so a huge range of them stops suggesting. */
  private suggested = 0;
  private readonly moments = new Map<number | string, number | CalcError>();

  constructor(readonly nowMs: number) {}

  moment(asOf: number | string): number | CalcError {
    let moment = this.moments.get(asOf);
    if (moment === undefined) {
      moment = momentOf(asOf, "as_of", this.nowMs);
      this.moments.set(asOf, moment);
    }
    return moment;
  }

  resolve(model: string, provider: string, atMs: number): ResolvedModel | CalcError {
    // Exact text: genai-prices ignores case, but a message quotes the argument as typed.
    const key = `${model}\u0000${provider}\u0000${atMs}`;
    let found = this.resolved.get(key);
    if (found === undefined) {
      const providerId = provider === "" ? undefined : provider;
      try {
        found = resolveModel(model, providerId, new Date(atMs)) ?? unknownModelError(model, providerId, this.suggested++ < suggestionsPerCall);
      } catch (error) {
        found = calcError("na", "model", messages.catalogFault(model, faultOf(error)));
      }
      this.resolved.set(key, found);
    }
    return found;
  }
}

/** USD for a usage: genai-prices' calcPrice for the model, provider and moment. */
export function usageCostForCall(resolver: ModelResolver) {
  return (
    model: string,
    inputTokens: number,
    outputTokens: number,
    cacheReadTokens: number,
    cacheWriteTokens: number,
    provider: string,
    asOf: number | string,
  ): number | CalcError => {
    if (cacheReadTokens + cacheWriteTokens > inputTokens) {
      return calcError(
        "num",
        "", // a fault of three arguments together, not of one parameter
        messages.cachedAboveInput(cacheReadTokens + cacheWriteTokens, inputTokens),
      );
    }
    const at = resolver.moment(asOf);
    if (isCalcError(at)) return at;
    const resolved = resolver.resolve(model, provider, at);
    if (isCalcError(resolved)) return resolved;
    try {
      return usageCostUsd(resolved, {
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        cache_read_tokens: cacheReadTokens,
        cache_write_tokens: cacheWriteTokens,
      });
    } catch (error) {
      return calcError("num", "", messages.catalogFault(model, faultOf(error)));
    }
  };
}

/** USD per million tokens of one kind at a moment, for a prompt of promptTokens tokens. */
export function modelPriceForCall(resolver: ModelResolver) {
  return (
    model: string,
    kind: string,
    asOf: number | string,
    promptTokens: number,
    provider: string,
  ): number | CalcError => {
    const at = resolver.moment(asOf);
    if (isCalcError(at)) return at;
    const resolved = resolver.resolve(model, provider, at);
    if (isCalcError(resolved)) return resolved;
    const price = listedPriceUsdPerMillion(resolved, kind as PriceKind, promptTokens);
    if (price === null)
      return calcError("na", "kind", messages.noPriceForKind(resolved.model.id, resolved.provider.id, kind));
    return price;
  };
}

export const USAGE_COST: CalcFunction = {
  ...USAGE_COST_SIGNATURE,
  compute: (...args: Parameters<ReturnType<typeof usageCostForCall>>) =>
    usageCostForCall(new ModelResolver(Date.now()))(...args),
  perCall: () => usageCostForCall(new ModelResolver(Date.now())),
};

export const MODEL_PRICE: CalcFunction = {
  ...MODEL_PRICE_SIGNATURE,
  compute: (...args: Parameters<ReturnType<typeof modelPriceForCall>>) =>
    modelPriceForCall(new ModelResolver(Date.now()))(...args),
  perCall: () => modelPriceForCall(new ModelResolver(Date.now())),
};

/**
 * MODEL_PRICE as a function: USD per million tokens, or a CalcError. `asOf`
 * omitted means now; `promptTokens` 0; `provider` "" lets the model id decide.
 */
export function modelPriceUsdPerMillion(
  model: string,
  kind: PriceKind,
  asOf: number | string = "now",
  promptTokens = 0,
  provider = "",
): number | CalcError {
  return modelPriceForCall(new ModelResolver(Date.now()))(model, kind, asOf, promptTokens, provider);
}
