/**
 * "Company models": the built-in, sourced presets, each a card with Load into
 * new sheet and Export.
 */
import { builtInPresets } from "../presets/builtInPresets";
import { element } from "./dom";
import { clickedAction } from "./dom";
import { cardAction, presetCard } from "./presetCard";
import type { PaneSectionFactory } from "./section";

export const companyModelsSection: PaneSectionFactory = (context) => {
  const list = element("ul", { className: "preset-list" });
  list.setAttribute("aria-label", "Company models");
  builtInPresets.forEach((preset, index) => list.append(presetCard(preset, "builtIn", context.idPrefix, index)));
  list.addEventListener("click", (event) => {
    const button = clickedAction(context, event);
    if (button !== null) cardAction(context, button, (id) => builtInPresets.find((p) => p.id === id));
  });
  return { element: list };
};
