/**
 * "All model prices": the whole genai-prices catalog, searchable, each model's
 * prices insertable into the sheet. Collapsed until opened; the browser and
 * the catalog it lists are loaded then (a separate script, ./priceBrowserView),
 * not with the pane. A failed load says so, and opening the section again
 * retries.
 */
import { element } from "./dom";
import { messageOf, type PaneSectionFactory } from "./section";

export type PriceBrowserModule = typeof import("./priceBrowserView");

/** The browser's script, loaded on first use. */
const loadBrowser = (): Promise<PriceBrowserModule> => import(/* webpackChunkName: "priceBrowser" */ "./priceBrowserView");

/** The section, loading the browser with `load`. */
export function priceBrowserSectionWith(load: () => Promise<PriceBrowserModule>): PaneSectionFactory {
  return (context) => {
    const details = element("details", { className: "pane-section price-browser" });
    const summary = element("summary", { className: "section-summary" });
    summary.append(element("span", { className: "section-title", text: "All model prices" }));
    const body = element("div", { className: "price-browser-body" });
    details.append(summary, body);
    let started = false;
    details.addEventListener("toggle", () => {
      if (!details.open || started) return;
      started = true;
      const loading = element("p", { className: "empty", text: "Loading the price list…" });
      loading.setAttribute("role", "status");
      body.replaceChildren(loading);
      load()
        .then((browser) => browser.mountPriceBrowser(body, context))
        .catch((error: unknown) => {
          started = false;
          const failed = element("p", {
            className: "notice notice-warning price-browser-failed",
            text: `The price list could not be loaded: ${messageOf(error, "unknown reason").replace(/\.$/, "")}. Close and open this section to try again.`,
          });
          failed.setAttribute("role", "alert");
          body.replaceChildren(failed);
        });
    });
    return { element: details };
  };
}

/** The price browser as a pane section. */
export const priceBrowserSection: PaneSectionFactory = priceBrowserSectionWith(loadBrowser);
