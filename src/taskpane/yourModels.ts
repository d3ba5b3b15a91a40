/**
 * "Your models": the presets the user keeps in the workbook (load, export,
 * remove after a confirmation in a modal dialog) and importing a preset file.
 * Shown only where the host keeps user presets.
 */
import type { PresetIssue } from "../presets/schema";
import { actionButton, clickedAction, element, modalDialog, openDialog, plural } from "./dom";
import { cardAction, presetCard } from "./presetCard";
import { readPresetFile } from "./presetFiles";
import type { PaneSectionFactory } from "./section";

export const yourModelsSection: PaneSectionFactory = (context) => {
  const saver = context.userPresets;
  if (saver === undefined) return undefined;
  const { idPrefix } = context;
  let confirmingRemoval: string | undefined;

  const section = element("section", { className: "pane-section" });
  const headingId = `${idPrefix}-yours`;
  section.setAttribute("aria-labelledby", headingId);
  const body = element("div", { className: "section-body" });
  const fileInput = element("input", { className: "visually-hidden", id: `${idPrefix}-file` });
  fileInput.type = "file";
  fileInput.accept = ".json,application/json";
  fileInput.tabIndex = -1;
  fileInput.setAttribute("aria-hidden", "true");
  const importButton = actionButton("Import a preset file…", "import", "secondary");
  importButton.setAttribute("aria-controls", fileInput.id);
  const importRow = element("div", { className: "section-actions" });
  importRow.append(importButton, fileInput);
  section.append(
    element("h2", { className: "section-title", text: "Your models", id: headingId }),
    element("p", { className: "section-intro", text: `${saver.store.keptWhere.intro} Save one from a sheet below, or import a preset file.` }),
    body,
    importRow,
  );

  function confirmDialog(title: string, id: string): HTMLElement {
    const dialog = modalDialog("confirm", "Remove preset?", () => cancelRemoval());
    const box = element("div", { className: "dialog-body" });
    const cancel = actionButton("Cancel", "cancel-remove", "secondary");
    cancel.setAttribute("autofocus", "");
    const actions = element("div", { className: "dialog-actions" });
    actions.append(actionButton("Yes, remove", "confirm-remove", "danger", { targetId: id }), cancel);
    box.append(element("h2", { className: "dialog-title", text: "Remove preset?" }), element("p", { text: `Remove “${title}” from this workbook? Sheets already loaded from it stay as they are.` }), actions);
    dialog.append(box);
    return dialog;
  }

  function render(): void {
    const children: Node[] = [];
    for (const message of saver?.unreadable() ?? []) children.push(element("p", { className: "notice notice-warning", text: message }));
    const presets = saver?.presets() ?? [];
    if (confirmingRemoval !== undefined && !presets.some((p) => p.preset.id === confirmingRemoval)) confirmingRemoval = undefined;
    let dialog: HTMLElement | undefined;
    if (presets.length === 0) {
      children.push(element("p", { className: "empty", text: "None yet." }));
    } else {
      const ul = element("ul", { className: "preset-list" });
      ul.setAttribute("aria-label", "Your models");
      presets.forEach(({ preset, savedAt }, index) => {
        const card = presetCard(preset, "user", idPrefix, index, { savedAt });
        if (confirmingRemoval === preset.id) {
          dialog = confirmDialog(preset.title, preset.id);
          card.append(dialog);
        }
        ul.append(card);
      });
      children.push(ul);
    }
    body.replaceChildren(...children);
    if (dialog !== undefined) openDialog(dialog);
    context.rendered();
  }

  function cancelRemoval(): void {
    const id = confirmingRemoval;
    confirmingRemoval = undefined;
    render();
    if (id !== undefined) context.focus(`[data-action="remove"][data-target-id="${CSS.escape(id)}"]`);
  }

  async function remove(id: string): Promise<void> {
    const title = saver?.presets().find((p) => p.preset.id === id)?.preset.title ?? id;
    const removed = (await saver?.store.remove(id)) ?? false;
    confirmingRemoval = undefined;
    context.status.set("success", removed ? `Removed “${title}” from this workbook.` : `“${title}” was already gone from this workbook.`);
    await context.changed("presets");
    context.focus('[data-action="import"]');
  }

  async function importFile(file: File): Promise<void> {
    context.status.set("progress", `Reading ${file.name}…`);
    const parsed = await readPresetFile(file);
    if (!parsed.ok) {
      const issues: readonly PresetIssue[] = parsed.issues;
      const more = issues.length > 1 ? ` (${plural(issues.length - 1, "more problem", "more problems")} below)` : "";
      context.status.set("error", `Not imported: ${file.name}: ${parsed.error.message}${more}`, issues.length > 1 ? issues.map((i) => i.message) : []);
      return;
    }
    await saver?.place(parsed.value, "import", ` from ${file.name}`);
  }

  section.addEventListener("click", (event) => {
    const button = clickedAction(context, event);
    if (button === null) return;
    if (cardAction(context, button, (id) => saver.presets().find((p) => p.preset.id === id)?.preset)) return;
    const data = button.dataset;
    switch (data.action) {
      case "remove":
        confirmingRemoval = data.targetId;
        render();
        context.focus('[data-action="cancel-remove"]');
        return;
      case "cancel-remove":
        cancelRemoval();
        return;
      case "confirm-remove": {
        const id = data.targetId;
        if (id !== undefined) context.act(() => remove(id), "Removing failed for an unknown reason.");
        return;
      }
      case "import":
        fileInput.value = "";
        fileInput.click();
        return;
    }
  });

  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file === undefined) return;
    context.act(() => importFile(file), "Importing failed for an unknown reason.");
  });

  context.onChanged("presets", async () => render());
  render();
  return { element: section };
};
