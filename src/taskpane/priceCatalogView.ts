/**
 * "Where the prices come from": the list prices the built-in models were
 * analysed with (src/calc/priceCatalog.ts; MODEL_PRICE reads genai-prices),
 * each entry with its prices, sources and the date it was checked, flagged when
 * that date is more than 90 days before today. Today is a parameter.
 */
import { priceCatalog, type ModelPriceEntry } from "../calc/priceCatalog";
import { isWebUrl } from "../workbook/writePlan";
import { element, plural } from "./dom";
import { daysSince, formatUsd, staleAfterDays } from "./priceFormat";
import type { PaneSectionFactory } from "./section";

/** Whether an entry was checked more than `staleAfterDays` days before today (or on a date that cannot be read). */
export function isStale(entry: Pick<ModelPriceEntry, "checked">, today: Date): boolean {
  const days = daysSince(entry.checked, today);
  return Number.isNaN(days) || days > staleAfterDays;
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
        "AICOST.MODEL_PRICE and AICOST.USAGE_COST read genai-prices, built into the add-in, and never fetch a price while they calculate. " +
        "The built-in models were analysed with these list prices, in USD per million tokens, as checked on the date shown; " +
        `a price checked more than ${staleAfterDays} days ago may have changed (give MODEL_PRICE an as_of date to keep a date's prices).`,
    }),
  );
  const list = element("ul", { className: "price-list" });
  entries.forEach((entry, index) => list.append(entryItem(entry, today, `${idPrefix}-price-${index}`)));
  details.append(list);
  return details;
}

/** The price catalog as a pane section (collapsed until opened). */
export const pricesSection: PaneSectionFactory = (context) => ({ element: priceCatalogSection(context.now(), context.idPrefix) });
