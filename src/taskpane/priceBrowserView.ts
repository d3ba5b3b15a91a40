/**
 * The price browser's content, loaded on first use (its own script, with the
 * genai-prices catalog it lists): every model of the catalog with its prices
 * at a moment (the listing of src/calc/catalogListing.ts, the one `aicost
 * prices` prints), searchable by text, provider and as-of date, at most
 * `shownRows` rows at a time; each row can be inserted into the sheet at the
 * selected cell as live AICOST.MODEL_PRICE formulas (priceBlock.ts).
 */
import { momentOf } from "../calc/asOf";
import { catalogRowMatches, hasTimeOfDayPrices, listCatalog, type CatalogRow } from "../calc/catalogListing";
import { genaiPricesPublishedOn, genaiPricesVersion, loadBundledProviders, resolveModel, type Provider } from "../calc/genaiPrices";
import { priceKinds } from "../calc/priceKinds";
import { isCalcError } from "../calc/result";
import type { BlockInsertOutcome } from "../workbook/host";
import { actionButton, clickedAction, element, plural } from "./dom";
import { priceBlock, priceKindLabels, priceOf, type PriceBlockSource } from "./priceBlock";
import { daysSince, formatUsd, staleAfterDays } from "./priceFormat";
import type { PaneContext } from "./section";

/** The most rows drawn at once: the list says how many match and asks for a narrower search. */
export const shownRows = 50;
/** How long typing must pause before the list is searched again (milliseconds). */
export const searchDelayMs = 150;

/** The price data the browser lists: its providers, and what it is (version and date) for every place prices are shown. */
export interface PriceData {
  readonly providers: readonly Provider[];
  /** "genai-prices 0.1.8". */
  readonly label: string;
  /** The data's date, YYYY-MM-DD. */
  readonly date: string;
}

/** The catalog built into the add-in. */
export async function bundledPriceData(): Promise<PriceData> {
  return { providers: await loadBundledProviders(), label: `genai-prices ${genaiPricesVersion}`, date: genaiPricesPublishedOn };
}

export interface BrowserOptions {
  /** The data to list; the built-in catalog by default. */
  readonly data?: () => Promise<PriceData>;
  /** The pause before a search runs; `searchDelayMs` by default. */
  readonly delayMs?: number;
}

/** Whether data of this date is older than `staleAfterDays` days today (or its date cannot be read). */
export function isDataStale(date: string, today: Date): boolean {
  const days = daysSince(date, today);
  return Number.isNaN(days) || days > staleAfterDays;
}

const money = (value: number | null): string => (value === null ? "not listed" : formatUsd(value));

/** The time of day (UTC, HH:MM) of a moment, which a price that depends on the time of day is listed at. */
export function utcClock(moment: number): string {
  return new Date(moment).toISOString().slice(11, 16);
}

function rowItem(
  row: CatalogRow,
  index: number,
  headingId: string,
  canInsert: { readonly host: boolean; readonly formula: boolean },
  timeOfDay: string | null,
): HTMLLIElement {
  const item = element("li", { className: "price-entry" });
  item.dataset.provider = row.provider;
  item.dataset.model = row.model;
  const heading = element("h3", { className: "price-model", id: headingId });
  heading.append(element("span", { text: row.name }), " ", element("span", { className: "price-provider", text: `${row.model} · ${row.provider}` }));
  item.append(
    heading,
    element("p", {
      className: "price-values",
      text: `${priceKinds.map((kind) => `${priceKindLabels[kind]} ${money(priceOf(row, kind))}`).join(" · ")} per million tokens`,
    }),
  );
  if (row.tiers.length > 0) {
    item.append(
      element("p", {
        className: "price-values price-tiers",
        text: `Long context: ${row.tiers.map((t) => `${priceKindLabels[t.kind].toLowerCase()} ${formatUsd(t.usdPerMillion)} for prompts of ${(t.abovePromptTokens + 1).toLocaleString("en-US")} tokens or more`).join("; ")}`,
      }),
    );
  }
  if (row.startsOn !== null) item.append(element("p", { className: "price-checked", text: `Price in force since ${row.startsOn}` }));
  if (timeOfDay !== null) {
    item.append(
      element("p", {
        className: "price-checked price-time-of-day",
        text: `The price depends on the time of day: this is the price at ${timeOfDay} UTC. Formulas as of now follow the clock.`,
      }),
    );
  }
  const pricesNothing = row.tiers.length === 0 && priceKinds.every((kind) => priceOf(row, kind) === null);
  if (pricesNothing) {
    item.append(element("p", { className: "price-note", text: "Not insertable: genai-prices lists no token price for this model, so there is no formula to insert." }));
  } else if (!canInsert.formula) {
    item.append(
      element("p", {
        className: "price-note",
        text: "Not insertable: AICOST.MODEL_PRICE reads this model id as another model (or none), as genai-prices matches ids.",
      }),
    );
  } else if (canInsert.host) {
    const button = actionButton("Insert into sheet", "insert-price", "secondary", { row: String(index) });
    button.setAttribute("aria-describedby", headingId);
    const actions = element("div", { className: "card-actions" });
    actions.append(button);
    item.append(actions);
  }
  return item;
}

/**
 * Whether AICOST.MODEL_PRICE, given this row's model id and provider, prices
 * this very model at `at`: genai-prices matches ids by its own rules, and a
 * few ids (fine-tuned "ft:..." ids, say) match another model or none.
 */
export function formulaPricesRow(row: CatalogRow, at: Date): boolean {
  try {
    return resolveModel(row.model, row.provider, at)?.model.id === row.model;
  } catch {
    return false;
  }
}

/** What the status line says after an insert. */
export function insertMessage(outcome: BlockInsertOutcome, row: CatalogRow): string {
  const where = `${outcome.sheetName}!${outcome.address}`;
  if (outcome.inserted) return `Inserted the prices of ${row.name} (${row.provider}) into ${where} as AICOST.MODEL_PRICE formulas.`;
  if (outcome.reason === "noRoom") return `Not inserted: the prices need ${where}, which runs past the sheet's last row or column. Select a cell with room below and to the right.`;
  return `Not inserted: ${where} is in use (${outcome.occupied.join(", ")} ${outcome.occupied.length === 1 ? "holds" : "hold"} something), and nothing was changed. Select an empty place and try again.`;
}

/** Fills `body` with the price browser for a pane; resolves once the list is shown. */
export async function mountPriceBrowser(body: HTMLElement, context: PaneContext, options: BrowserOptions = {}): Promise<void> {
  const data = await (options.data ?? bundledPriceData)();
  const { idPrefix, host } = context;
  const insert = host.insertAtSelection?.bind(host);
  const delayMs = options.delayMs ?? searchDelayMs;
  const today = context.now();
  /** "Now" to the minute, so the listing (about 50 ms for the whole catalog) is recomputed at most once a minute. */
  const nowMs = (): number => Math.floor(context.now().getTime() / 60_000) * 60_000;
  const names = new Map(data.providers.map((p) => [p.id, { name: p.name, url: p.pricing_urls?.find((u) => /^https?:\/\//i.test(u)) }]));
  const rowsAt = new Map<number, CatalogRow[]>();
  const modelKey = (providerId: string, modelId: string): string => `${providerId}\u0000${modelId}`;
  const timed = new Set(data.providers.flatMap((p) => p.models.filter(hasTimeOfDayPrices).map((m) => modelKey(p.id, m.id))));

  const intro = element("p", {
    className: "section-intro",
    text:
      `Every model of ${data.label} (data of ${data.date}), ${plural(names.size, "provider", "providers")}, in USD per million tokens. ` +
      "Search by provider, model id or name. Insert into sheet puts a model's prices at the selected cell as live AICOST.MODEL_PRICE formulas; it never writes over anything.",
  });
  body.replaceChildren(intro);
  if (isDataStale(data.date, today)) {
    const stale = element("p", { className: "notice notice-warning price-data-stale" });
    stale.append(
      element("strong", { className: "price-stale", text: "Possibly stale: " }),
      `this price data is of ${data.date}, more than ${staleAfterDays} days ago. Prices may have changed since; check the provider's pricing page before relying on one.`,
    );
    body.append(stale);
  }

  const form = element("div", { className: "run-form price-browser-form" });
  form.setAttribute("role", "search");
  const field = (label: string, control: HTMLElement, id: string): HTMLElement => {
    control.id = id;
    const labelElement = element("label", { className: "field-label", text: label });
    labelElement.htmlFor = id;
    const wrap = element("div", { className: "field" });
    wrap.append(labelElement, control);
    return wrap;
  };
  const search = document.createElement("input");
  search.type = "search";
  search.className = "field-input";
  search.autocomplete = "off";
  search.spellcheck = false;
  const provider = document.createElement("select");
  provider.className = "field-select";
  const option = (text: string, value: string): HTMLOptionElement => {
    const node = document.createElement("option");
    node.value = value;
    node.textContent = text;
    return node;
  };
  provider.append(option("All providers", ""), ...data.providers.map((p) => option(`${p.name} (${p.id})`, p.id)));
  const asOf = document.createElement("input");
  asOf.type = "text";
  asOf.className = "field-input";
  asOf.placeholder = "YYYY-MM-DD";
  asOf.autocomplete = "off";
  const asOfHintId = `${idPrefix}-prices-as-of-hint`;
  asOf.setAttribute("aria-describedby", asOfHintId);
  form.append(
    field("Search", search, `${idPrefix}-prices-search`),
    field("Provider", provider, `${idPrefix}-prices-provider`),
    field("Prices as of (blank: now)", asOf, `${idPrefix}-prices-as-of`),
  );
  const hint = element("p", { className: "visually-hidden", id: `${idPrefix}-prices-as-of-hint`, text: "A date such as 2026-04-24, read as noon UTC, as AICOST.MODEL_PRICE reads it." });
  const count = element("p", { className: "price-count", id: `${idPrefix}-prices-count` });
  count.setAttribute("role", "status");
  count.setAttribute("aria-live", "polite");
  const list = element("ul", { className: "price-list price-browser-list" });
  list.setAttribute("aria-label", "Model prices");
  body.append(form, hint, count, list);

  let shown: CatalogRow[] = [];
  let asOfText = "now";
  /** The time of day (UTC) of the moment listed. */
  let listedClock = "12:00";
  let timer: ReturnType<typeof setTimeout> | undefined;

  function render(): void {
    timer = undefined;
    const typed = asOf.value.trim();
    const moment = momentOf(typed === "" ? "now" : typed, "as of", nowMs());
    if (isCalcError(moment)) {
      shown = [];
      list.replaceChildren();
      count.textContent = `“${typed}” is not a date: type one such as 2026-04-24, or leave it blank for now.`;
      count.dataset.kind = "error";
      asOf.setAttribute("aria-invalid", "true");
      asOf.setAttribute("aria-describedby", `${asOfHintId} ${count.id}`);
      return;
    }
    asOfText = typed === "" ? "now" : typed;
    listedClock = utcClock(moment);
    asOf.removeAttribute("aria-invalid");
    asOf.setAttribute("aria-describedby", asOfHintId);
    let all = rowsAt.get(moment);
    if (all === undefined) {
      all = listCatalog(data.providers, { at: new Date(moment) });
      rowsAt.clear();
      rowsAt.set(moment, all);
    }
    const filter = { search: search.value, provider: provider.value };
    const matching = all.filter((row) => catalogRowMatches(row, filter));
    shown = matching.slice(0, shownRows);
    const at = new Date(moment);
    list.replaceChildren(
      ...shown.map((row, index) =>
        rowItem(
          row,
          index,
          `${idPrefix}-prices-row-${index}`,
          { host: insert !== undefined, formula: formulaPricesRow(row, at) },
          timed.has(modelKey(row.provider, row.model)) ? listedClock : null,
        ),
      ),
    );
    const total = matching.length;
    count.dataset.kind = "";
    count.textContent =
      total === 0
        ? "No model matches. Try a shorter search or all providers."
        : total > shown.length
          ? `Showing ${shown.length} of ${total} models: refine the search to see the others.`
          : `Showing ${plural(total, "model", "models")}.`;
    context.rendered();
  }

  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(render, delayMs);
  };
  search.addEventListener("input", later);
  asOf.addEventListener("input", later);
  provider.addEventListener("change", render);
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    if (timer !== undefined) clearTimeout(timer);
    render();
  });

  async function insertRow(row: CatalogRow): Promise<void> {
    if (insert === undefined) return;
    const about = names.get(row.provider);
    const source: PriceBlockSource = {
      providerName: about?.name ?? row.provider,
      ...(about?.url === undefined ? {} : { pricingUrl: about.url }),
      dataLabel: data.label,
      dataDate: data.date,
      asOf: asOfText,
      ...(timed.has(modelKey(row.provider, row.model)) ? { timeOfDay: listedClock } : {}),
    };
    const outcome = await insert(priceBlock(row, source));
    context.status.set(outcome.inserted ? "success" : "error", insertMessage(outcome, row));
  }

  list.addEventListener("click", (event) => {
    const button = clickedAction(context, event);
    if (button?.dataset.action !== "insert-price") return;
    // The second click of a double-click would find the block it just wrote in the way, and say so over the success.
    if (event instanceof MouseEvent && event.detail > 1) return;
    const row = shown[Number(button.dataset.row)];
    if (row === undefined) return;
    context.act(async () => {
      // The button is disabled while the pane is busy, which drops focus: it comes back once the insert ends.
      context.focus(`[data-action="insert-price"][data-row="${button.dataset.row ?? ""}"]`);
      await insertRow(row);
    }, "Inserting the prices failed for an unknown reason.");
  });

  render();
}
