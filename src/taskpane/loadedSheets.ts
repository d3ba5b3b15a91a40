/**
 * "Sheets loaded from models": the sheets the workbook records as loaded from
 * a preset, each with Save as preset (a name typed into the pane, the sheet
 * read back into a preset of the user's own) and Freeze for sharing. Shown
 * only where the host lists models and can save or freeze them.
 */
import { presetOfSheet } from "./lazyModules";
import type { LoadedModel } from "../workbook/host";
import { actionButton, clickedAction, dayOf, element, plural } from "./dom";
import { presetIdFromName } from "./presetIds";
import type { PaneSectionFactory } from "./section";

/** The longest name the pane takes for a preset of one's own. */
export const presetNameMaxLength = 200;

export const loadedSheetsSection: PaneSectionFactory = (context) => {
  const { host, idPrefix } = context;
  if (context.problem !== null || host.listModels === undefined) return undefined;
  const listModels = host.listModels.bind(host);
  const readModel = host.readModel?.bind(host);
  const freezeModel = host.freezeModel?.bind(host);
  const saver = context.userPresets;
  const canSave = saver !== undefined && readModel !== undefined;
  if (!canSave && freezeModel === undefined) return undefined;

  let models: readonly LoadedModel[] = [];
  let savingFrom: string | undefined;
  let savingName = "";

  const section = element("section", { className: "pane-section" });
  const headingId = `${idPrefix}-sheets`;
  section.setAttribute("aria-labelledby", headingId);
  const body = element("div", { className: "section-body" });
  const actions = element("div", { className: "section-actions" });
  actions.append(actionButton("Refresh", "refresh", "secondary"));
  const intro = [
    canSave ? "Save a sheet's assumptions, as you have changed them, as a preset of your own" : "",
    freezeModel !== undefined ? "freeze a copy with plain values to share with people who do not have AICOST" : "",
  ].filter((part) => part !== "");
  section.append(
    element("h2", { className: "section-title", text: "Sheets loaded from models", id: headingId }),
    element("p", { className: "section-intro", text: `${intro.join(", or ")}.`.replace(/^./, (c) => c.toUpperCase()) }),
    body,
    actions,
  );

  function saveForm(model: LoadedModel, index: number): HTMLFormElement {
    const form = element("form", { className: "save-form" });
    form.dataset.sheetId = model.sheetId;
    form.noValidate = true;
    const input = document.createElement("fluent-text-input") as HTMLElement & { value: string; maxlength: number; name: string };
    input.className = "text-input";
    input.id = `${idPrefix}-save-name-${index}`;
    input.setAttribute("name", "presetName");
    input.setAttribute("maxlength", String(presetNameMaxLength));
    input.setAttribute("autocomplete", "off");
    input.textContent = "Name for your preset";
    input.value = savingName;
    input.setAttribute("value", savingName);
    input.addEventListener("input", () => {
      savingName = input.value;
    });
    const save = actionButton("Save", "save", "primary", { sheetId: model.sheetId });
    save.type = "submit";
    save.setAttribute("type", "submit");
    const row = element("div", { className: "dialog-actions" });
    row.append(save, actionButton("Cancel", "cancel-save", "secondary"));
    form.append(input, row);
    return form;
  }

  function render(): void {
    if (models.length === 0) {
      body.replaceChildren(element("p", { className: "empty", text: "No sheet yet: load a model above." }));
      context.rendered();
      return;
    }
    const ul = element("ul", { className: "model-list" });
    ul.setAttribute("aria-label", "Sheets loaded from models");
    models.forEach((model, index) => {
      const nameId = `${idPrefix}-sheet-${index}`;
      const item = element("li", { className: "model-item" });
      item.dataset.sheetId = model.sheetId;
      const meta = element("p", { className: "preset-meta" });
      meta.append(
        `From “${model.preset.title}”${model.kind === "user" ? " (yours)" : ""} · `,
        element("span", { className: "fact", text: `loaded ${dayOf(model.loadedAt)}` }),
      );
      item.append(element("p", { className: "model-name", text: model.sheetName, id: nameId }), meta);
      const row = element("div", { className: "card-actions" });
      if (canSave) row.append(actionButton("Save as preset…", "open-save", "secondary", { sheetId: model.sheetId }));
      if (freezeModel !== undefined) row.append(actionButton("Freeze for sharing", "freeze", "secondary", { sheetId: model.sheetId }));
      for (const button of row.querySelectorAll("[data-action]")) button.setAttribute("aria-describedby", nameId);
      item.append(row);
      if (savingFrom === model.sheetId) item.append(saveForm(model, index));
      ul.append(item);
    });
    body.replaceChildren(ul);
    context.rendered();
  }

  async function refresh(): Promise<void> {
    models = await listModels();
    if (savingFrom !== undefined && !models.some((m) => m.sheetId === savingFrom)) savingFrom = undefined;
    render();
  }

  async function saveFromSheet(model: LoadedModel, name: string): Promise<void> {
    if (saver === undefined || readModel === undefined) return;
    const title = name.trim();
    if (title === "") {
      context.status.set("error", "Give your preset a name.");
      context.focus(".save-form .text-input");
      return;
    }
    const read = await presetOfSheet(context, model, { id: presetIdFromName(title), title }, "Not saved");
    if (read !== null) await saver.place(read.preset, "save", ` from the sheet '${read.sheetName}'`);
  }

  async function freeze(model: LoadedModel): Promise<void> {
    if (freezeModel === undefined) return;
    context.status.set("progress", `Freezing “${model.sheetName}”…`);
    const outcome = await freezeModel(model, { now: context.now() });
    context.status.set(
      "success",
      `Froze “${model.sheetName}” into the new sheet '${outcome.sheetName}': ` +
        `${plural(outcome.frozenCount, "AICOST formula", "AICOST formulas")} replaced by ${outcome.frozenCount === 1 ? "its value" : "their values"}. ` +
        "The original sheet is unchanged.",
    );
  }

  const findModel = (sheetId: string | undefined): LoadedModel | undefined => models.find((m) => m.sheetId === sheetId);

  function submitSave(): void {
    const model = findModel(savingFrom);
    if (model === undefined || context.busy()) return;
    const name = savingName;
    context.act(() => saveFromSheet(model, name), "Saving failed for an unknown reason.");
  }

  saver?.onSaved((action) => {
    if (action !== "save") return;
    savingFrom = undefined;
    savingName = "";
    render();
  });

  section.addEventListener("click", (event) => {
    const button = clickedAction(context, event);
    if (button === null) return;
    const data = button.dataset;
    switch (data.action) {
      case "refresh":
        context.act(async () => {
          await context.changed("models");
          await context.changed("presets");
          context.status.set("idle", "");
        }, "Reading the workbook failed for an unknown reason.");
        return;
      case "open-save": {
        const model = findModel(data.sheetId);
        if (model === undefined) return;
        savingFrom = model.sheetId;
        savingName = model.sheetName;
        render();
        context.focus(".save-form .text-input");
        return;
      }
      case "cancel-save": {
        const from = savingFrom;
        savingFrom = undefined;
        render();
        if (from !== undefined) context.focus(`.model-item[data-sheet-id="${CSS.escape(from)}"] [data-action="open-save"]`);
        return;
      }
      case "save":
        event.preventDefault();
        submitSave();
        return;
      case "freeze": {
        const model = findModel(data.sheetId);
        if (model !== undefined) context.act(() => freeze(model), "Freezing failed for an unknown reason.");
        return;
      }
    }
  });

  section.addEventListener("submit", (event) => {
    event.preventDefault();
    submitSave();
  });

  context.onChanged("models", refresh);
  render();
  return { element: section };
};
