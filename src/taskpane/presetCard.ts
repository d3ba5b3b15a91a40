/**
 * A preset's card (title, summary, as-of date, sources; Load and Export), and
 * the two actions every card offers, shared by the company models and the
 * user's own models.
 */
import { planSheet } from "../presets/plan";
import type { Preset } from "../presets/types";
import type { PresetKind } from "../workbook/host";
import { actionButton, dayOf, element, plural } from "./dom";
import { exportText, presetFileName } from "./presetFiles";
import { messageOf, type PaneContext } from "./section";

export function presetCard(preset: Preset, kind: PresetKind, idPrefix: string, index: number, extra: { savedAt?: string } = {}): HTMLLIElement {
  const titleId = `${idPrefix}-${kind}-title-${index}`;
  const card = element("li", { className: kind === "user" ? "preset-card preset-card-user" : "preset-card" });
  card.dataset.presetKind = kind;
  card.dataset.cardId = preset.id;
  const title = element(kind === "user" ? "h3" : "h2", { className: "preset-title", text: preset.title, id: titleId });
  const meta = element("p", { className: "preset-meta" });
  if (kind === "user") meta.append(element("span", { className: "badge", text: "Yours" }), " ");
  // Dates never break at their hyphens: each fact is kept whole, and facts wrap between each other.
  const facts = [element("span", { className: "fact", text: `As of ${preset.asOf}` }), element("span", { className: "fact", text: plural(preset.sources.length, "source", "sources") })];
  if (extra.savedAt !== undefined && extra.savedAt !== "") facts.push(element("span", { className: "fact", text: `saved ${dayOf(extra.savedAt)}` }));
  facts.forEach((fact, i) => meta.append(...(i === 0 ? [fact] : [" · ", fact])));
  card.append(title, element("p", { className: "preset-summary", text: preset.summary }), meta);

  const actions = element("div", { className: "card-actions" });
  const load = actionButton("Load into new sheet", "load", "primary", { presetId: preset.id, presetKind: kind });
  const exportButton = actionButton("Export", "export", "secondary", { targetId: preset.id, presetKind: kind, needsHost: "false" });
  for (const button of [load, exportButton]) button.setAttribute("aria-describedby", titleId);
  actions.append(load, exportButton);
  if (kind === "user") {
    const remove = actionButton("Remove", "remove", "secondary", { targetId: preset.id });
    remove.setAttribute("aria-describedby", titleId);
    actions.append(remove);
  }
  card.append(actions);
  return card;
}

/** Plans the preset's sheet and loads it through the host, then tells the sections listing sheets. */
export async function loadPreset(context: PaneContext, preset: Preset, kind: PresetKind): Promise<void> {
  context.status.set("progress", `Loading “${preset.title}” into a new sheet…`);
  try {
    const outcome = await context.host.loadPlan(planSheet(preset), { preset, kind, loadedAt: context.now().toISOString() });
    context.status.set("success", `Loaded into sheet '${outcome.sheetName}'`);
  } catch (error) {
    context.status.set("error", messageOf(error, "Loading failed for an unknown reason."));
    return;
  }
  try {
    await context.changed("models");
  } catch (error) {
    context.status.set("error", `Loaded, but the list of sheets could not be read: ${messageOf(error, "unknown reason")}`);
  }
}

/** Offers the preset as its preset file. */
export function exportPreset(context: PaneContext, preset: Preset): void {
  const fileName = presetFileName(preset);
  try {
    context.saveFile(fileName, exportText(preset));
    context.status.set("success", `Exported “${preset.title}” as ${fileName}.`);
  } catch (error) {
    context.status.set("error", `Exporting “${preset.title}” failed: ${messageOf(error, "unknown reason")}`);
  }
}

/** Handles a click on a card's Load or Export; true when it was one. */
export function cardAction(context: PaneContext, button: HTMLElement, find: (id: string | undefined) => Preset | undefined): boolean {
  const data = button.dataset;
  const kind: PresetKind = data.presetKind === "user" ? "user" : "builtIn";
  if (data.action === "load") {
    const preset = find(data.presetId);
    if (preset !== undefined && context.problem === null) context.act(() => loadPreset(context, preset, kind), "Loading failed for an unknown reason.");
    return true;
  }
  if (data.action === "export") {
    const preset = find(data.targetId);
    if (preset !== undefined) exportPreset(context, preset);
    return true;
  }
  return false;
}
