/**
 * "Where the prices come from": the model price catalog that AICOST.MODEL_PRICE
 * reads (src/calc/priceCatalog.ts), each entry with its prices, sources and the
 * date it was checked, flagged when that date is more than 90 days before
 * today. Today is a parameter: MODEL_PRICE itself never looks at the date.
 */
import { priceCatalog, type ModelPriceEntry } from "../calc/priceCatalog";
import { isWebUrl } from "../workbook/writePlan";
import { element, plural } from "./dom";
import type { PaneSectionFactory } from "./section";

/** A price checked longer ago than this may have changed. */
export const staleAfterDays = 90;

const dayMs = 86_400_000;

/**
 * Whole calendar days from an ISO date (YYYY-MM-DD) to the local calendar day
 * of `today`; NaN when the date is not one.
 */
export function daysSince(isoDate: string, today: Date): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return Number.NaN;
  const checked = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - checked) / dayMs);
}

/** Whether an entry was checked more than `staleAfterDays` days before today (or on a date that cannot be read). */
export function isStale(entry: Pick<ModelPriceEntry, "checked">, today: Date): boolean {
  const days = daysSince(entry.checked, today);
  return Number.isNaN(days) || days > staleAfterDays;
}

/** A price in USD with the digits it needs: $5.00, $0.14, $0.003625. */
export function formatUsd(value: number): string {
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });
}

function entryItem(entry: ModelPriceEntry, today: Date, headingId: string): HTMLLIElement {
  const item = element("li", { className: "price-entry" });
  item.dataset.model = entry.model;
  const heading = element("h3", { className: "price-model", id: headingId });
  heading.append(element("span", { text: entry.model }), " ", element("span", { className: "price-provider", text: entry.provider }));
  item.append(heading);

  const cached = entry.cachedInputUsdPerMillion === null ? "not listed" : formatUsd(entry.cachedInputUsdPerMillion);
  item.append(
    element("p", {
      className: "price-values",
      text: `Input ${formatUsd(entry.inputUsdPerMillion)} · cached input ${cached} · output ${formatUsd(entry.outputUsdPerMillion)} per million tokens`,
    }),
  );

  const days = daysSince(entry.checked, today);
  const checked = element("p", { className: "price-checked" });
  checked.append(element("span", { className: "fact", text: `Checked ${entry.checked}` }));
  if (!Number.isNaN(days) && days >= 0) checked.append(` (${days === 0 ? "today" : `${plural(days, "day", "days")} ago`})`);
  if (isStale(entry, today)) {
    item.dataset.stale = "true";
    const flag = element("strong", {
      className: "price-stale",
      text: Number.isNaN(days)
        ? "Possibly stale: the date it was checked cannot be read."
        : `Possibly stale: checked more than ${staleAfterDays} days ago. Check the sources before relying on it.`,
    });
    checked.append(" ", flag);
  }
  item.append(checked);

  const sources = element("p", { className: "price-sources", text: "Sources: " });
  entry.sources.forEach((source, index) => {
    if (index > 0) sources.append(", ");
    if (isWebUrl(source.url)) {
      const link = element("a", { text: source.name });
      link.href = source.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      sources.append(link);
    } else {
      sources.append(source.name);
    }
  });
  item.append(sources);
  if (entry.note !== undefined) item.append(element("p", { className: "price-note", text: entry.note }));
  return item;
}

/** The catalog as a collapsed section whose summary says how many entries may be stale. */
export function priceCatalogSection(today: Date, idPrefix: string, entries: readonly ModelPriceEntry[] = priceCatalog): HTMLDetailsElement {
  const details = element("details", { className: "pane-section prices" });
  const stale = entries.filter((entry) => isStale(entry, today)).length;
  const summary = element("summary", { className: "section-summary" });
  summary.append(element("span", { className: "section-title", text: "Where the prices come from" }));
  if (stale > 0) summary.append(" ", element("span", { className: "badge badge-warning", text: `${stale} possibly stale` }));
  details.append(
    summary,
    element("p", {
      className: "section-intro",
      text:
        "AICOST.MODEL_PRICE reads this built-in table and never fetches a price while it calculates. " +
        `List prices in USD per million tokens, as checked on the date shown; a price checked more than ${staleAfterDays} days ago may have changed.`,
    }),
  );
  const list = element("ul", { className: "price-list" });
  entries.forEach((entry, index) => list.append(entryItem(entry, today, `${idPrefix}-price-${index}`)));
  details.append(list);
  return details;
}

/** The price catalog as a pane section (collapsed until opened). */
export const pricesSection: PaneSectionFactory = (context) => ({ element: priceCatalogSection(context.now(), context.idPrefix) });
