/**
 * "Price data": which genai-prices data the AICOST functions price with, and
 * Check for newer prices / Use built-in prices (see ./priceDataPanel.ts). This
 * file is the section's entry in the pane's first script: it places the
 * section and loads its content (./priceDataPanel) as a chunk of its own; the
 * download and the checks, with genai-prices, are in a further chunk loaded
 * only when data is checked (./priceDataCheck).
 */
import { publishedPriceDataUrl } from "../calc/priceDataStore";
import { element } from "./dom";
import { messageOf, type PaneSectionFactory } from "./section";

export interface PriceDataSectionOptions {
  /** Where the data is downloaded from: genai-prices' published URL. Tests pass a local server's; users cannot change it. */
  readonly dataUrl?: string;
  /** The fetch the download uses (the page's by default). */
  readonly fetch?: typeof fetch;
  /** The size limit in bytes (priceDataMaxBytes by default). */
  readonly maxBytes?: number;
}

/** The section, with its download URL (and fetch, and limit) given: what tests build; the pane uses `priceDataSection`. */
export function priceDataSectionWith(options: PriceDataSectionOptions = {}): PaneSectionFactory {
  return (context) => {
    const keeper = context.host.priceData;
    if (keeper === undefined || context.problem !== null) return undefined;
    const headingId = `${context.idPrefix}-price-data`;
    const section = element("section", { className: "pane-section price-data" });
    section.setAttribute("aria-labelledby", headingId);
    section.append(element("h2", { className: "section-title", id: headingId, text: "Price data" }), element("p", { className: "price-data-in-use", text: "Reading the price data in use…" }));
    import(/* webpackChunkName: "priceDataPanel" */ "./priceDataPanel").then(
      (panel) => panel.buildPriceDataPanel(section, context, keeper, { dataUrl: publishedPriceDataUrl, ...options }),
      (error: unknown) => context.status.set("error", `The price data section could not be loaded: ${messageOf(error, "unknown error")}.`),
    );
    return { element: section };
  };
}

/** The section as the pane shows it: downloads from genai-prices' published URL. */
export const priceDataSection: PaneSectionFactory = priceDataSectionWith();
