/**
 * The block the price browser inserts into a sheet for one model: a title line
 * (model, provider, the data's version and date), the price's source when the
 * data names one, then one row per price with a live AICOST.MODEL_PRICE formula
 * for the same provider and model ("not listed" where the model lists no such
 * price, never a 0), and one row per long-context tier (genai-prices' tier
 * start is exclusive: a start of 271999 applies to prompts of 272,000 tokens or
 * more, the prompt size its formula passes). Pure: planned here,
 * written by the host (WorkbookHost.insertAtSelection).
 */
import type { CatalogRow } from "../calc/catalogListing";
import type { PriceKind } from "../calc/priceKinds";
import type { BlockCell } from "../workbook/host";

/** USD per million tokens with the digits a price needs: $5.00, $0.075, $0.003625. */
export const usdPerMillionFormat = "$#,##0.00####";

export const priceKindLabels: Readonly<Record<PriceKind, string>> = {
  input: "Input",
  cached_input: "Cached input",
  cache_write: "Cache write",
  output: "Output",
};

const kindFigure: Readonly<Record<PriceKind, (row: CatalogRow) => number | null>> = {
  input: (row) => row.inputUsdPerMillion,
  cached_input: (row) => row.cachedInputUsdPerMillion,
  cache_write: (row) => row.cacheWriteUsdPerMillion,
  output: (row) => row.outputUsdPerMillion,
};

/** A model's listed price of one kind (USD per million tokens), or null when it lists none. */
export function priceOf(row: CatalogRow, kind: PriceKind): number | null {
  return kindFigure[kind](row);
}

export interface PriceBlockSource {
  /** The provider's name ("OpenAI"). */
  readonly providerName: string;
  /** The provider's pricing page, when the data names one. */
  readonly pricingUrl?: string;
  /** "genai-prices 0.1.8". */
  readonly dataLabel: string;
  /** The data's date, YYYY-MM-DD. */
  readonly dataDate: string;
  /** The as_of the formulas pass: "now", or a date (YYYY-MM-DD) whose prices to keep. */
  readonly asOf: string;
  /** For a model whose price depends on the time of day: the time (HH:MM, UTC) `asOf` falls at. */
  readonly timeOfDay?: string;
}

/** A text as an Excel formula string literal: in double quotes, each double quote doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The MODEL_PRICE formula for one price of a model: every argument written out
 * (as_of as text, prompt tokens as a number, the provider id) rather than
 * skipped, so Excel and the preview read the same arguments.
 */
export function modelPriceFormula(row: CatalogRow, kind: PriceKind, asOf: string, promptTokens = 0): string {
  return `=AICOST.MODEL_PRICE(${formulaText(row.model)},${formulaText(kind)},${formulaText(asOf)},${promptTokens},${formulaText(row.provider)})`;
}

const text = (value: string): BlockCell => ({ content: { kind: "text", text: value } });
const unit = "USD per million tokens";

/** The block for a model: two columns, label and price. */
export function priceBlock(row: CatalogRow, source: PriceBlockSource): (BlockCell | null)[][] {
  const moment = source.asOf === "now" ? "" : `, prices as of ${source.asOf}`;
  const rows: (BlockCell | null)[][] = [
    [text(`${row.name} (${row.model}), ${source.providerName}: ${source.dataLabel}, data ${source.dataDate}${moment}`), null],
  ];
  if (source.pricingUrl !== undefined) rows.push([text(`Source: ${source.pricingUrl}`), null]);
  if (source.timeOfDay !== undefined) {
    rows.push([
      text(
        source.asOf.trim().toLowerCase() === "now"
          ? "The price depends on the time of day (UTC): these formulas, as of now, follow the clock."
          : `The price depends on the time of day: these formulas read it at ${source.timeOfDay} UTC.`,
      ),
      null,
    ]);
  }
  for (const kind of Object.keys(kindFigure) as PriceKind[]) {
    const label = text(`${priceKindLabels[kind]} (${unit})`);
    rows.push(priceOf(row, kind) === null ? [label, text("not listed")] : [label, { content: { kind: "formula", formula: modelPriceFormula(row, kind, source.asOf) }, numberFormat: usdPerMillionFormat }]);
  }
  for (const tier of row.tiers) {
    rows.push([
      text(`${priceKindLabels[tier.kind]}, prompts of ${(tier.abovePromptTokens + 1).toLocaleString("en-US")} tokens or more (${unit})`),
      { content: { kind: "formula", formula: modelPriceFormula(row, tier.kind, source.asOf, tier.abovePromptTokens + 1) }, numberFormat: usdPerMillionFormat },
    ]);
  }
  return rows;
}
