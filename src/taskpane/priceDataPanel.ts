/**
 * The "Price data" section's content, loaded on first use by the section
 * (./priceDataSection.ts) so that the pane's first script stays small.
 *
 * "Price data": which genai-prices data the AICOST functions price with (the
 * data built into the add-in, or a file downloaded and kept in the workbook),
 * and "Check for newer prices", which only on a click downloads the file
 * genai-prices publishes, checks it as untrusted input and says how it
 * compares with the data in use; "Use these prices" keeps it in the workbook
 * (only once it reads back) and every AICOST function then prices with it;
 * "Use built-in prices" goes back. When the pane starts on a workbook that
 * keeps data, the data is checked again and installed, and the workbook
 * recalculated; data that no longer passes is ignored with a message.
 *
 * The download, the checks and genai-prices itself are in a chunk loaded on
 * first use (./priceDataCheck), so the pane's first script stays small.
 */
import { builtInPriceInfo, installedPriceData, publishedPriceDataUrl, type PriceDataInfo } from "../calc/priceDataStore";
import type { PriceDataKeeper } from "../workbook/host";
import { actionButton, dayOf, element, plural, setDisabled } from "./dom";
import type { Comparison, Examined } from "./priceDataCheck";
import type { PriceDataSectionOptions } from "./priceDataSection";
import { messageOf, type PaneContext } from "./section";

type CheckModule = typeof import("./priceDataCheck");

const loadCheck = (): Promise<CheckModule> => import(/* webpackChunkName: "priceData" */ "./priceDataCheck");

const comparisonText: Record<Comparison, string> = {
  newer: "It is newer than the data in use.",
  older: "It is older than the data in use.",
  same: "It is the same data as the data in use: nothing to change.",
  sameDate: "It differs from the data in use but its newest price has the same date.",
};

function downloadedText(info: PriceDataInfo): string {
  return (
    `Downloaded data in use: newest dated price ${info.dataDate ?? "none"}, fetched ${dayOf(info.fetchedAt)}, ` +
    `${plural(info.modelCount, "model", "models")} from ${plural(info.providerCount, "provider", "providers")}.`
  );
}

/** Fills `section` (empty, labelled by a heading of id `${idPrefix}-price-data`) and starts: kept data is checked and installed. */
export function buildPriceDataPanel(section: HTMLElement, context: PaneContext, keeper: PriceDataKeeper, options: PriceDataSectionOptions): void {
  const { idPrefix, status } = context;
  const dataUrl = options.dataUrl ?? publishedPriceDataUrl;
  const headingId = `${idPrefix}-price-data`;
  const heading = element("h2", { className: "section-title", id: headingId, text: "Price data" });
  const inUse = element("p", { className: "price-data-in-use", id: `${idPrefix}-price-data-in-use` });
  const kept = element("p", { className: "section-intro", text: `${keeper.keptWhere} Nothing is downloaded until you ask.` });
  const actions = element("div", { className: "price-data-actions" });
  const check = actionButton("Check for newer prices", "check-prices", "secondary", { needsHost: "false" });
  const builtIn = actionButton("Use built-in prices", "built-in-prices", "secondary");
  actions.append(check, builtIn);

  const progress = element("div", { className: "run-progress" });
  progress.hidden = true;
  const bar = document.createElement("progress");
  bar.setAttribute("aria-label", "Download progress");
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "cancel-run";
  cancel.textContent = "Cancel";
  progress.append(bar, cancel);

  /** What the last check found, and the choice it offers. */
  const found = element("div", { className: "price-data-found" });
  found.hidden = true;
  const foundText = element("p", { className: "price-data-found-text" });
  const accept = actionButton("Use these prices", "accept-prices", "primary");
  const discard = actionButton("Discard", "discard-prices", "secondary", { needsHost: "false" });
  found.append(foundText, accept, discard);

  section.replaceChildren(heading, inUse, kept, actions, progress, found);

  let checking: AbortController | undefined;
  let candidate: Examined | undefined;
  let starting = true;

  function render(): void {
    const installed = installedPriceData();
    if (installed !== null) inUse.textContent = `${downloadedText(installed.info)} Every AICOST function prices with it.`;
    else {
      const info = builtInPriceInfo();
      inUse.textContent =
        info === undefined
          ? "Built-in data in use: the genai-prices data bundled with the add-in."
          : `Built-in data in use: genai-prices ${info.version}, newest dated price ${info.dataDate ?? "none"}, ${plural(info.modelCount, "model", "models")}.`;
    }
    builtIn.hidden = installed === null;
    found.hidden = candidate === undefined;
    accept.hidden = candidate === undefined || candidate.comparison === "same";
    setDisabled(check, starting || checking !== undefined);
    context.rendered();
    if (starting || checking !== undefined) setDisabled(check, true);
    // No going back while a check runs: it compares the file with the data in use, which would change under it.
    if (checking !== undefined) setDisabled(builtIn, true);
  }

  function finishCheck(): void {
    checking = undefined;
    progress.hidden = true;
    section.removeAttribute("aria-busy");
    render();
  }

  async function runCheck(): Promise<void> {
    // One check at a time, and none while an action (keeping or removing data) runs.
    if (checking !== undefined || starting || context.busy()) return;
    const controller = new AbortController();
    checking = controller;
    candidate = undefined;
    progress.hidden = false;
    bar.removeAttribute("value");
    section.setAttribute("aria-busy", "true");
    status.set("progress", "Checking for newer prices…");
    render();
    cancel.focus();
    try {
      const module = await loadCheck();
      if (controller.signal.aborted) throw controller.signal.reason;
      const fetchedAt = context.now().toISOString();
      const downloaded = await module.downloadPriceData(dataUrl, {
        signal: controller.signal,
        ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        onProgress: (bytes, total) => {
          if (total !== undefined && total > 0) {
            bar.max = total;
            bar.value = Math.min(bytes, total);
          }
        },
      });
      if (controller.signal.aborted) throw controller.signal.reason;
      if (!downloaded.ok) {
        status.set("error", `No new prices: ${downloaded.reason}. The prices in use are unchanged.`);
        return;
      }
      status.set("progress", "Checking the downloaded prices…");
      // Let the page paint the message before the checks run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const examined = await module.examinePriceData(downloaded.text, fetchedAt, dataUrl);
      if (controller.signal.aborted) throw controller.signal.reason;
      if (!examined.ok) {
        status.set("error", `The downloaded prices were refused: ${examined.reason}. The prices in use are unchanged.`);
        return;
      }
      candidate = examined;
      const info = examined.data.info;
      foundText.textContent =
        `Downloaded: newest dated price ${info.dataDate ?? "none"}, ${plural(info.modelCount, "model", "models")}; ` +
        `in use: newest dated price ${examined.inUse.dataDate ?? "none"}. ${comparisonText[examined.comparison]}`;
      status.set("success", `Prices checked. ${comparisonText[examined.comparison]}${examined.comparison === "same" ? "" : " Choose Use these prices to keep them in the workbook."}`);
    } catch (error) {
      if (controller.signal.aborted) status.set("idle", "The check was cancelled. The prices in use are unchanged.");
      else status.set("error", `The check failed: ${messageOf(error, "unknown error")}. The prices in use are unchanged.`);
    } finally {
      finishCheck();
      // Focus goes where the next step is: the choice the check offers, or the check itself.
      if (candidate === undefined) check.focus();
      else (candidate.comparison === "same" ? discard : accept).focus();
    }
  }

  async function acceptCandidate(): Promise<void> {
    const chosen = candidate;
    if (chosen === undefined) return;
    status.set("progress", "Keeping the prices in the workbook…");
    const module = await loadCheck();
    await keeper.keep(module.storedOf(chosen.data));
    module.install(chosen.data);
    candidate = undefined;
    render();
    await keeper.recalculate();
    status.set("success", `Prices updated: ${downloadedText(chosen.data.info)} ${keeper.keptWhere}`);
    context.focus('[data-action="check-prices"]');
  }

  async function revert(): Promise<void> {
    if (checking !== undefined) return;
    status.set("progress", "Going back to the built-in prices…");
    const module = await loadCheck();
    await keeper.remove();
    module.useBuiltIn();
    candidate = undefined;
    render();
    await keeper.recalculate();
    status.set("success", "The built-in prices are in use again; the downloaded data was removed from the workbook.");
    context.focus('[data-action="check-prices"]');
  }

  async function startUp(): Promise<void> {
    try {
      const listing = await keeper.read();
      const problems = [...listing.unreadable];
      if (listing.data !== null) {
        const module = await loadCheck();
        const installed = await module.installStored(listing.data);
        if (!installed.ok) problems.unshift(`The price data kept in this workbook no longer passes the checks (${installed.reason}); it is ignored and the built-in prices are used.`);
        await keeper.recalculate();
      }
      if (problems.length > 0) status.set("error", problems[0] as string, problems.slice(1));
    } catch (error) {
      status.set("error", messageOf(error, "Reading the price data kept in the workbook failed."));
    } finally {
      starting = false;
      render();
    }
  }

  check.addEventListener("click", () => void runCheck());
  cancel.addEventListener("click", () => checking?.abort(new Error("cancelled")));
  accept.addEventListener("click", () => context.act(acceptCandidate, "Keeping the prices failed for an unknown reason. The prices in use are unchanged."));
  discard.addEventListener("click", () => {
    candidate = undefined;
    status.set("idle", "The downloaded prices were discarded. The prices in use are unchanged.");
    render();
    check.focus();
  });
  builtIn.addEventListener("click", () => context.act(revert, "Going back to the built-in prices failed for an unknown reason."));
  section.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && checking !== undefined) checking.abort(new Error("cancelled"));
  });

  render();
  void startUp();
}
