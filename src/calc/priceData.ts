/**
 * Checking a genai-prices data file (such as the one the package publishes at
 * genaiPricesDataUrl) as untrusted input before anything prices with it: a size
 * limit, JSON, the shape genai-prices reads (providers, models, match rules,
 * prices, constraints), finite non-negative prices, bounded regular
 * expressions, and finally genai-prices' own calcPrice pricing every model once.
 * Nothing is kept or changed here: the caller keeps the data only when it is
 * accepted, so a bad file changes nothing and the issues say why.
 */
import { calcPrice, type ModelInfo, type Provider } from "@pydantic/genai-prices";
import { priceDataMaxBytes } from "./priceDataStore";

export { priceDataMaxBytes };
/** How many issues a refusal lists at most. */
export const priceDataMaxIssues = 20;

const maxProviders = 1000;
const maxModelsPerProvider = 20_000;
const maxTextLength = 500;
const maxRegexLength = 300;
const maxMatchDepth = 12;

export interface PriceDataIssue {
  /** Where in the file: `[2].models[14].prices.input_mtok`. */
  readonly path: string;
  readonly message: string;
}

export type PriceDataResult =
  | { readonly ok: true; readonly providers: readonly Provider[]; readonly modelCount: number }
  | { readonly ok: false; readonly issues: readonly PriceDataIssue[] };

type Issues = PriceDataIssue[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isPrice = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

function text(value: unknown, path: string, issues: Issues, max = maxTextLength): value is string {
  if (typeof value === "string" && value.length > 0 && value.length <= max) return true;
  issues.push({ path, message: `must be text of 1 to ${max} characters` });
  return false;
}

/** A regular expression from the file: bounded, compilable, and without nested quantifiers (a backtracking risk). */
function checkRegex(source: unknown, path: string, issues: Issues): void {
  if (!text(source, path, issues, maxRegexLength)) return;
  if (/\([^()]*[+*][^()]*\)[+*{]/.test(source as string)) {
    issues.push({ path, message: "is a regular expression with a nested quantifier, refused as a backtracking risk" });
    return;
  }
  try {
    new RegExp(source as string);
  } catch {
    issues.push({ path, message: "is not a valid regular expression" });
  }
}

function checkMatch(match: unknown, path: string, issues: Issues, depth = 0): void {
  if (depth > maxMatchDepth) {
    issues.push({ path, message: `nests match rules more than ${maxMatchDepth} deep` });
    return;
  }
  if (!isRecord(match) || Object.keys(match).length !== 1) {
    issues.push({ path, message: "must be one match rule: equals, starts_with, ends_with, contains, regex, and or or" });
    return;
  }
  const [kind, value] = Object.entries(match)[0] as [string, unknown];
  if (kind === "and" || kind === "or") {
    if (!Array.isArray(value) || value.length === 0) issues.push({ path: `${path}.${kind}`, message: "must be a non-empty list of match rules" });
    else value.forEach((rule, i) => checkMatch(rule, `${path}.${kind}[${i}]`, issues, depth + 1));
  } else if (kind === "regex") checkRegex(value, `${path}.regex`, issues);
  else if (["equals", "starts_with", "ends_with", "contains"].includes(kind)) text(value, `${path}.${kind}`, issues);
  else issues.push({ path, message: `has an unknown match rule "${kind.slice(0, 40)}"` });
}

function checkPriceSet(prices: unknown, path: string, issues: Issues): void {
  if (!isRecord(prices)) {
    issues.push({ path, message: "must be a set of prices" });
    return;
  }
  for (const [key, value] of Object.entries(prices)) {
    const at = `${path}.${key.slice(0, 60)}`;
    if (isPrice(value)) continue;
    if (isRecord(value) && isPrice(value.base) && Array.isArray(value.tiers)) {
      value.tiers.forEach((tier: unknown, i: number) => {
        const ok = isRecord(tier) && isPrice(tier.price) && typeof tier.start === "number" && Number.isSafeInteger(tier.start) && tier.start >= 0;
        if (!ok) issues.push({ path: `${at}.tiers[${i}]`, message: "must have a whole-number start of 0 or more and a finite price of 0 or more" });
      });
      continue;
    }
    issues.push({ path: at, message: "must be a finite price of 0 or more, or tiered prices { base, tiers }" });
  }
}

const timePattern = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function checkPrices(prices: unknown, path: string, issues: Issues): void {
  if (!Array.isArray(prices)) {
    checkPriceSet(prices, path, issues);
    return;
  }
  if (prices.length === 0) issues.push({ path, message: "must list at least one price" });
  prices.forEach((conditional: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isRecord(conditional)) {
      issues.push({ path: at, message: "must be { prices, constraint }" });
      return;
    }
    checkPriceSet(conditional.prices, `${at}.prices`, issues);
    const c = conditional.constraint;
    if (c === undefined) return;
    const dated = isRecord(c) && typeof c.start_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.start_date) && !Number.isNaN(Date.parse(`${c.start_date}T00:00:00Z`));
    const timed = isRecord(c) && typeof c.start_time === "string" && typeof c.end_time === "string" && timePattern.test(c.start_time) && timePattern.test(c.end_time);
    if (!dated && !timed) issues.push({ path: `${at}.constraint`, message: "must be a start date (YYYY-MM-DD) or a time-of-day window" });
  });
}

function checkShape(data: unknown, issues: Issues): data is Provider[] {
  if (!Array.isArray(data)) {
    issues.push({ path: "", message: "must be a list of providers" });
    return false;
  }
  if (data.length === 0 || data.length > maxProviders) issues.push({ path: "", message: `must list 1 to ${maxProviders} providers` });
  data.forEach((provider: unknown, p: number) => {
    const at = `[${p}]`;
    if (!isRecord(provider)) {
      issues.push({ path: at, message: "must be a provider" });
      return;
    }
    text(provider.id, `${at}.id`, issues, 100);
    text(provider.name, `${at}.name`, issues);
    checkRegex(provider.api_pattern, `${at}.api_pattern`, issues);
    if (provider.model_match !== undefined) checkMatch(provider.model_match, `${at}.model_match`, issues);
    if (provider.provider_match !== undefined) checkMatch(provider.provider_match, `${at}.provider_match`, issues);
    if (!Array.isArray(provider.models) || provider.models.length > maxModelsPerProvider) {
      issues.push({ path: `${at}.models`, message: `must be a list of at most ${maxModelsPerProvider} models` });
      return;
    }
    provider.models.forEach((model: unknown, m: number) => {
      const mat = `${at}.models[${m}]`;
      if (!isRecord(model)) {
        issues.push({ path: mat, message: "must be a model" });
        return;
      }
      text(model.id, `${mat}.id`, issues);
      checkMatch(model.match, `${mat}.match`, issues);
      checkPrices(model.prices, `${mat}.prices`, issues);
    });
  });
  return issues.length === 0;
}

/** What genai-prices warns when a price has a key it does not know: it leaves that price out, as if it were zero. */
const unsupportedPriceKeyWarning = /^Unsupported price key for standard pricing: (.*)$/;

/**
 * genai-prices itself prices every model once at the given moments (its own
 * checks: ancestor price keys, constraints). A price key it does not know (a
 * newer data file's, say) it only warns about and leaves out, so that price
 * would silently count as zero: its warning, caught here, refuses the file.
 */
function checkWithGenaiPrices(providers: readonly Provider[], moments: readonly Date[], issues: Issues): void {
  const warn = console.warn;
  const unknown: { keys: string | undefined } = { keys: undefined };
  console.warn = (...args: unknown[]): void => {
    const found = typeof args[0] === "string" ? unsupportedPriceKeyWarning.exec(args[0]) : null;
    if (found === null) warn(...args);
    else unknown.keys ??= found[1];
  };
  try {
    providers.forEach((provider, p) => {
      provider.models.forEach((model: ModelInfo, m: number) => {
        const alone: Provider = { ...provider, models: [{ ...model, match: { starts_with: "" } }] };
        for (const timestamp of moments) {
          unknown.keys = undefined;
          try {
            calcPrice({ input_tokens: 1000, output_tokens: 100 }, model.id, { provider: alone, timestamp });
          } catch (error) {
            issues.push({ path: `[${p}].models[${m}].prices`, message: `genai-prices cannot price it: ${String((error as Error).message ?? error).slice(0, 200)}` });
            return;
          }
          // Set by the warning during calcPrice (a narrowing of the assignment above does not see it).
          const warned = unknown.keys as string | undefined;
          if (warned !== undefined) {
            const keys = warned.split(", ").map((key) => `"${key.slice(0, 60)}"`);
            issues.push({
              path: `[${p}].models[${m}].prices`,
              message: `has the price key${keys.length === 1 ? "" : "s"} ${keys.slice(0, 5).join(", ")} the genai-prices built into AICOST does not know: it would leave ${keys.length === 1 ? "that price" : "those prices"} out, as zero`,
            });
            return;
          }
        }
      });
    });
  } finally {
    console.warn = warn;
  }
  if (issues.length === 0) checkMatching(providers, moments[0] ?? new Date(), issues);
}

/** An id no model should match: one that does has a match rule that takes any id. */
const noSuchModelId = "aicost-no-such-model-7f3a9c";

/**
 * Each model reached by its own id, as the price listing shows it: a model
 * whose id genai-prices prices as another (listed before it, whose match takes
 * this id too) would be listed at its own prices while MODEL_PRICE gives the
 * other's; and no model takes any id, so that an id genai-prices does not know
 * stays #N/A, never a price.
 */
function checkMatching(providers: readonly Provider[], timestamp: Date, issues: Issues): void {
  providers.forEach((provider, p) => {
    const any = calcPrice({}, noSuchModelId, { provider, timestamp });
    if (any !== null) {
      const m = provider.models.findIndex((model) => model.id === any.model.id);
      issues.push({ path: `[${p}].models[${m < 0 ? "?" : m}].match`, message: `matches any model id (it takes "${noSuchModelId}"): an id genai-prices does not know would be priced as this model` });
      return;
    }
    provider.models.forEach((model: ModelInfo, m: number) => {
      const found = calcPrice({}, model.id, { provider, timestamp });
      if (found !== null && found.model.id !== model.id) {
        issues.push({
          path: `[${p}].models[${m}]`,
          message: `is shadowed: genai-prices prices the id "${model.id.slice(0, 100)}" as "${found.model.id.slice(0, 100)}", listed before it, whose match takes this id too`,
        });
      }
    });
  });
}

/**
 * Checks a data file's text. `moments` are when genai-prices tries each model
 * (noon and 02:00 UTC on one day by default, covering dated and hourly prices).
 */
export function checkPriceData(
  textOfFile: string,
  moments: readonly Date[] = [new Date("2026-01-01T12:00:00Z"), new Date("2030-01-01T02:00:00Z")],
): PriceDataResult {
  const bytes = new TextEncoder().encode(textOfFile).length;
  if (bytes > priceDataMaxBytes) {
    return { ok: false, issues: [{ path: "", message: `the file is ${bytes} bytes, over the limit of ${priceDataMaxBytes} bytes` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(textOfFile);
  } catch (error) {
    return { ok: false, issues: [{ path: "", message: `is not JSON: ${String((error as Error).message).slice(0, 200)}` }] };
  }
  const issues: Issues = [];
  if (!checkShape(data, issues)) return { ok: false, issues: issues.slice(0, priceDataMaxIssues) };
  checkWithGenaiPrices(data, moments, issues);
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, priceDataMaxIssues) };
  return { ok: true, providers: data, modelCount: data.reduce((sum, p) => sum + p.models.length, 0) };
}
