/**
 * The task pane: the built-in company models, each with a Load button that
 * plans the preset's sheet and hands it to a WorkbookHost, and an Export
 * button; where the host has them, the user's own presets stored in the
 * workbook (load, export, remove, import a file), the sheets loaded from
 * presets (save as a preset of one's own, freeze a copy for sharing); and
 * where the model prices come from. The same code runs in Excel (the
 * Office.js host) and in the browser preview (a HyperFormula host); a feature
 * the host lacks is not shown. Preset text only ever reaches the page through
 * textContent and attributes, never as HTML.
 */
import type { LoadedModel, PresetKind, StoredUserPreset, WorkbookHost } from "../workbook/host";
import { presetFromSheet } from "../workbook/sheetToPreset";
import { builtInPresets } from "../presets/builtInPresets";
import { planSheet } from "../presets/plan";
import type { PresetIssue } from "../presets/schema";
import type { Preset } from "../presets/types";
import { actionButton, dayOf, element, localDay, plural } from "./dom";
import { downloadTextFile, exportText, presetFileName, readPresetFile } from "./presetFiles";
import { asCopy, asReplacement, placePreset, presetIdFromName } from "./presetIds";
import { priceCatalogSection } from "./priceCatalogView";

type StatusKind = "idle" | "progress" | "success" | "error";

export interface PaneOptions {
  /** The clock: when sheets are loaded, presets saved and sheets frozen, and how old the prices are. */
  readonly now?: () => Date;
  /** How an exported preset file reaches the user; a browser download by default. */
  readonly saveFile?: (fileName: string, text: string) => void;
}

/** The longest name the pane takes for a preset of one's own. */
export const presetNameMaxLength = 200;
/** How many problems of a refused file or sheet are listed under the status. */
const shownIssues = 10;

let paneCount = 0;

function presetCard(preset: Preset, kind: PresetKind, idPrefix: string, index: number, extra: { savedAt?: string } = {}): HTMLLIElement {
  const titleId = `${idPrefix}-${kind}-title-${index}`;
  const card = element("li", { className: kind === "user" ? "preset-card preset-card-user" : "preset-card" });
  card.dataset.presetKind = kind;
  card.dataset.cardId = preset.id;
  const title = element(kind === "user" ? "h3" : "h2", { className: "preset-title", text: preset.title, id: titleId });
  const meta = element("p", { className: "preset-meta" });
  if (kind === "user") meta.append(element("span", { className: "badge", text: "Yours" }), " ");
  const facts = [`As of ${preset.asOf}`, plural(preset.sources.length, "source", "sources")];
  if (extra.savedAt !== undefined && extra.savedAt !== "") facts.push(`saved ${dayOf(extra.savedAt)}`);
  meta.append(facts.join(" · "));
  card.append(title, element("p", { className: "preset-summary", text: preset.summary }), meta);

  const actions = element("div", { className: "card-actions" });
  const load = actionButton("Load into new sheet", "load", "load-button", { presetId: preset.id, presetKind: kind });
  const exportButton = actionButton("Export", "export", "secondary-button", { targetId: preset.id, presetKind: kind });
  for (const button of [load, exportButton]) button.setAttribute("aria-describedby", titleId);
  actions.append(load, exportButton);
  if (kind === "user") {
    const remove = actionButton("Remove", "remove", "secondary-button", { targetId: preset.id });
    remove.setAttribute("aria-describedby", titleId);
    actions.append(remove);
  }
  card.append(actions);
  return card;
}

function messageOf(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  const text = String(error);
  return text.trim() === "" || error === undefined ? fallback : text;
}

/** Renders the pane into `root`, replacing what it held, and wires its controls to `host`. */
export function mountPane(root: HTMLElement, host: WorkbookHost, options: PaneOptions = {}): void {
  const idPrefix = `aicost-pane-${++paneCount}`;
  const now = options.now ?? ((): Date => new Date());
  const saveFile = options.saveFile ?? downloadTextFile;
  const problem = host.requirementProblem();
  const store = problem === null ? host.userPresets : undefined;
  const listModels = problem === null && host.listModels ? host.listModels.bind(host) : undefined;
  const readModel = problem === null && host.readModel ? host.readModel.bind(host) : undefined;
  const freezeModel = problem === null && host.freezeModel ? host.freezeModel.bind(host) : undefined;

  const pane = element("section", { className: "pane" });
  pane.setAttribute("aria-labelledby", `${idPrefix}-heading`);

  const header = element("header", { className: "pane-header" });
  header.append(
    element("h1", { text: "Company models", id: `${idPrefix}-heading` }),
    element("p", {
      className: "pane-intro",
      text: "Load a sourced model into a new sheet. Blue cells are assumptions you can change; black cells are formulas. Nothing already in the workbook is changed.",
    }),
  );
  pane.append(header);

  if (problem !== null) {
    const notice = element("p", { className: "notice notice-warning", text: problem });
    notice.setAttribute("role", "alert");
    pane.append(notice);
  }

  // Above the lists, so a long list never hides the outcome of an action.
  const status = element("p", { className: "status", id: `${idPrefix}-status` });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const issueList = element("ul", { className: "issues", id: `${idPrefix}-issues` });
  issueList.setAttribute("aria-label", "Problems found");
  issueList.hidden = true;
  const prompt = element("div", { className: "prompt", id: `${idPrefix}-prompt` });
  prompt.setAttribute("role", "group");
  prompt.hidden = true;
  pane.append(status, issueList, prompt);

  const list = element("ul", { className: "preset-list" });
  list.setAttribute("aria-label", "Company models");
  builtInPresets.forEach((preset, index) => list.append(presetCard(preset, "builtIn", idPrefix, index)));
  pane.append(list);

  // ---- state

  let userPresets: readonly StoredUserPreset[] = [];
  let unreadable: readonly string[] = [];
  let models: readonly LoadedModel[] = [];
  let busy = false;
  let confirmingRemoval: string | undefined;
  let savingFrom: string | undefined;
  let savingName = "";
  let conflict: { readonly candidate: Preset; readonly existing: Preset; readonly action: "save" | "import" } | undefined;

  // ---- your models

  const yoursSection = element("section", { className: "pane-section" });
  const yoursList = element("div", { className: "section-body" });
  const fileInput = element("input", { className: "visually-hidden", id: `${idPrefix}-file` });
  fileInput.type = "file";
  fileInput.accept = ".json,application/json";
  fileInput.tabIndex = -1;
  fileInput.setAttribute("aria-hidden", "true");
  if (store !== undefined) {
    const headingId = `${idPrefix}-yours`;
    yoursSection.setAttribute("aria-labelledby", headingId);
    const importButton = actionButton("Import a preset file…", "import", "secondary-button");
    importButton.setAttribute("aria-controls", fileInput.id);
    const importRow = element("div", { className: "section-actions" });
    importRow.append(importButton, fileInput);
    yoursSection.append(
      element("h2", { className: "section-title", text: "Your models", id: headingId }),
      element("p", {
        className: "section-intro",
        text: `${store.keptWhere.intro} Save one from a sheet below, or import a preset file.`,
      }),
      yoursList,
      importRow,
    );
    pane.append(yoursSection);
  }

  function renderYours(): void {
    if (store === undefined) return;
    const children: Node[] = [];
    for (const message of unreadable) children.push(element("p", { className: "notice notice-warning", text: message }));
    if (userPresets.length === 0) {
      children.push(element("p", { className: "empty", text: "None yet." }));
    } else {
      const ul = element("ul", { className: "preset-list" });
      ul.setAttribute("aria-label", "Your models");
      userPresets.forEach(({ preset, savedAt }, index) => {
        const card = presetCard(preset, "user", idPrefix, index, { savedAt });
        if (confirmingRemoval === preset.id) {
          const confirm = element("div", { className: "confirm" });
          confirm.setAttribute("role", "group");
          confirm.append(
            element("p", { text: `Remove “${preset.title}” from this workbook? Sheets already loaded from it stay as they are.` }),
            actionButton("Yes, remove", "confirm-remove", "danger-button", { targetId: preset.id }),
            actionButton("Cancel", "cancel-remove", "secondary-button"),
          );
          card.append(confirm);
        }
        ul.append(card);
      });
      children.push(ul);
    }
    yoursList.replaceChildren(...children);
    applyBusy();
  }

  // ---- sheets from presets

  const modelsSection = element("section", { className: "pane-section" });
  const modelsBody = element("div", { className: "section-body" });
  const canSave = store !== undefined && readModel !== undefined;
  const showModels = listModels !== undefined && (canSave || freezeModel !== undefined);
  if (showModels) {
    const headingId = `${idPrefix}-sheets`;
    modelsSection.setAttribute("aria-labelledby", headingId);
    const actions = element("div", { className: "section-actions" });
    actions.append(actionButton("Refresh", "refresh", "secondary-button"));
    const intro = [
      canSave ? "Save a sheet's assumptions, as you have changed them, as a preset of your own" : "",
      freezeModel !== undefined ? "freeze a copy with plain values to share with people who do not have AICOST" : "",
    ].filter((part) => part !== "");
    modelsSection.append(
      element("h2", { className: "section-title", text: "Sheets loaded from models", id: headingId }),
      element("p", { className: "section-intro", text: `${intro.join(", or ")}.`.replace(/^./, (c) => c.toUpperCase()) }),
      modelsBody,
      actions,
    );
    pane.append(modelsSection);
  }

  function renderModels(): void {
    if (!showModels) return;
    if (models.length === 0) {
      modelsBody.replaceChildren(element("p", { className: "empty", text: "No sheet yet: load a model above." }));
      applyBusy();
      return;
    }
    const ul = element("ul", { className: "model-list" });
    ul.setAttribute("aria-label", "Sheets loaded from models");
    models.forEach((model, index) => {
      const nameId = `${idPrefix}-sheet-${index}`;
      const item = element("li", { className: "model-item" });
      item.dataset.sheetId = model.sheetId;
      item.append(
        element("p", { className: "model-name", text: model.sheetName, id: nameId }),
        element("p", {
          className: "preset-meta",
          text: `From “${model.preset.title}”${model.kind === "user" ? " (yours)" : ""} · loaded ${dayOf(model.loadedAt)}`,
        }),
      );
      const actions = element("div", { className: "card-actions" });
      if (canSave) actions.append(actionButton("Save as preset…", "open-save", "secondary-button", { sheetId: model.sheetId }));
      if (freezeModel !== undefined) actions.append(actionButton("Freeze for sharing", "freeze", "secondary-button", { sheetId: model.sheetId }));
      for (const button of actions.querySelectorAll("button")) button.setAttribute("aria-describedby", nameId);
      item.append(actions);
      if (savingFrom === model.sheetId) item.append(saveForm(model, index));
      ul.append(item);
    });
    modelsBody.replaceChildren(ul);
    applyBusy();
  }

  function saveForm(model: LoadedModel, index: number): HTMLFormElement {
    const form = element("form", { className: "save-form" });
    form.dataset.sheetId = model.sheetId;
    form.noValidate = true;
    const inputId = `${idPrefix}-save-name-${index}`;
    const label = element("label", { text: "Name for your preset" });
    label.htmlFor = inputId;
    const input = element("input", { id: inputId, className: "text-input" });
    input.type = "text";
    input.name = "presetName";
    input.maxLength = presetNameMaxLength;
    input.autocomplete = "off";
    input.value = savingName;
    input.addEventListener("input", () => {
      savingName = input.value;
    });
    const save = actionButton("Save", "save", "load-button", { sheetId: model.sheetId });
    save.type = "submit";
    form.append(label, input, save, actionButton("Cancel", "cancel-save", "secondary-button"));
    return form;
  }

  // ---- the question asked when a saved or imported preset takes an id or name already in use

  function renderPrompt(): void {
    if (conflict === undefined) {
      prompt.hidden = true;
      prompt.replaceChildren();
      return;
    }
    const textId = `${idPrefix}-prompt-text`;
    prompt.setAttribute("aria-labelledby", textId);
    prompt.replaceChildren(
      element("p", {
        id: textId,
        text: `A preset of yours is already called “${conflict.existing.title}”. Replace it with “${conflict.candidate.title}”, or keep both?`,
      }),
      actionButton("Replace it", "conflict-replace", "danger-button"),
      actionButton("Keep both", "conflict-keep", "secondary-button"),
      actionButton("Cancel", "conflict-cancel", "secondary-button"),
    );
    prompt.hidden = false;
    applyBusy();
  }

  pane.append(priceCatalogSection(now(), idPrefix));

  // ---- status and busy state

  const setStatus = (kind: StatusKind, text: string, issues: readonly string[] = []): void => {
    status.textContent = text;
    status.dataset.kind = kind;
    issueList.replaceChildren(...issues.slice(0, shownIssues).map((issue) => element("li", { text: issue })));
    if (issues.length > shownIssues) issueList.append(element("li", { text: `and ${issues.length - shownIssues} more` }));
    issueList.hidden = issues.length === 0;
  };

  function applyBusy(): void {
    pane.setAttribute("aria-busy", String(busy));
    for (const button of pane.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
      const needsHost = button.dataset.action !== "export";
      button.disabled = busy || (needsHost && problem !== null);
    }
    for (const input of pane.querySelectorAll<HTMLInputElement>("input")) input.disabled = busy;
  }

  /** Where focus goes once the running action ends (a disabled control cannot take it before). */
  let focusAfter: string | undefined;

  async function run(task: () => Promise<void>): Promise<void> {
    busy = true;
    applyBusy();
    try {
      await task();
    } finally {
      busy = false;
      applyBusy();
      if (focusAfter !== undefined) pane.querySelector<HTMLElement>(focusAfter)?.focus();
      focusAfter = undefined;
    }
  }

  const focus = (selector: string): void => {
    if (busy) focusAfter = selector;
    else pane.querySelector<HTMLElement>(selector)?.focus();
  };

  async function refreshUserPresets(): Promise<void> {
    if (store === undefined) return;
    const listing = await store.list();
    userPresets = listing.presets;
    unreadable = listing.unreadable;
    if (confirmingRemoval !== undefined && !userPresets.some((p) => p.preset.id === confirmingRemoval)) confirmingRemoval = undefined;
    renderYours();
  }

  async function refreshModels(): Promise<void> {
    if (listModels === undefined) return;
    models = await listModels();
    if (savingFrom !== undefined && !models.some((m) => m.sheetId === savingFrom)) savingFrom = undefined;
    renderModels();
  }

  // ---- actions

  async function load(preset: Preset, kind: PresetKind): Promise<void> {
    setStatus("progress", `Loading “${preset.title}” into a new sheet…`);
    try {
      const outcome = await host.loadPlan(planSheet(preset), { preset, kind, loadedAt: now().toISOString() });
      setStatus("success", `Loaded into sheet '${outcome.sheetName}'`);
    } catch (error) {
      setStatus("error", messageOf(error, "Loading failed for an unknown reason."));
      return;
    }
    try {
      await refreshModels();
    } catch (error) {
      setStatus("error", `Loaded, but the list of sheets could not be read: ${messageOf(error, "unknown reason")}`);
    }
  }

  function exportPreset(preset: Preset): void {
    const fileName = presetFileName(preset);
    try {
      saveFile(fileName, exportText(preset));
      setStatus("success", `Exported “${preset.title}” as ${fileName}.`);
    } catch (error) {
      setStatus("error", `Exporting “${preset.title}” failed: ${messageOf(error, "unknown reason")}`);
    }
  }

  /** Stores a placed preset; when the workbook reports the id taken meanwhile, asks the user instead. */
  async function storePreset(preset: Preset, action: "save" | "import", replace: boolean, source: string): Promise<void> {
    if (store === undefined) return;
    const result = await store.save(preset, { replace, savedAt: now().toISOString() });
    if (!result.saved) {
      conflict = { candidate: preset, existing: result.conflict.preset, action };
      setStatus("idle", "");
      renderPrompt();
      focus('[data-action="conflict-cancel"]');
      return;
    }
    conflict = undefined;
    renderPrompt();
    if (action === "save") {
      savingFrom = undefined;
      savingName = "";
      renderModels();
      setStatus("success", `Saved “${preset.title}” as a preset of yours${source}. ${store.keptWhere.afterSave}`.trim());
    } else {
      setStatus("success", `Imported “${preset.title}”${source} as a preset of yours. Load it from “Your models”. ${store.keptWhere.afterSave}`.trim());
    }
    await refreshUserPresets();
  }

  async function place(candidate: Preset, action: "save" | "import", source: string): Promise<void> {
    if (store === undefined) return;
    await refreshUserPresets();
    const placement = placePreset(
      candidate,
      userPresets.map((p) => p.preset),
      builtInPresets,
    );
    if (placement.conflict !== undefined) {
      conflict = { candidate: placement.preset, existing: placement.conflict, action };
      setStatus("idle", "");
      renderPrompt();
      focus('[data-action="conflict-cancel"]');
      return;
    }
    await storePreset(placement.preset, action, false, source);
  }

  async function saveFromSheet(model: LoadedModel, name: string): Promise<void> {
    if (store === undefined || readModel === undefined) return;
    const title = name.trim();
    if (title === "") {
      setStatus("error", "Give your preset a name.");
      focus(".save-form input");
      return;
    }
    setStatus("progress", `Reading “${model.sheetName}”…`);
    const reading = await readModel(model);
    const result = presetFromSheet(model.preset, reading.cells, {
      id: presetIdFromName(title),
      title,
      sheetName: reading.sheetName,
      today: localDay(now()),
    });
    if (!result.ok) {
      const first = result.issues[0];
      setStatus(
        "error",
        `Not saved: ${first?.message ?? "the sheet could not be read"}`,
        result.issues.map((issue) => issue.message),
      );
      return;
    }
    await place(result.value, "save", ` from the sheet '${reading.sheetName}'`);
  }

  async function importFile(file: File): Promise<void> {
    setStatus("progress", `Reading ${file.name}…`);
    const parsed = await readPresetFile(file);
    if (!parsed.ok) {
      const issues: readonly PresetIssue[] = parsed.issues;
      const more = issues.length > 1 ? ` (${plural(issues.length - 1, "more problem", "more problems")} below)` : "";
      setStatus("error", `Not imported: ${file.name}: ${parsed.error.message}${more}`, issues.length > 1 ? issues.map((i) => i.message) : []);
      return;
    }
    await place(parsed.value, "import", ` from ${file.name}`);
  }

  async function resolveConflict(choice: "replace" | "keep"): Promise<void> {
    if (conflict === undefined) return;
    const { candidate, existing, action } = conflict;
    const preset = choice === "replace" ? asReplacement(candidate, existing) : asCopy(candidate, userPresets.map((p) => p.preset), builtInPresets);
    await storePreset(preset, action, choice === "replace", "");
  }

  async function removePreset(id: string): Promise<void> {
    if (store === undefined) return;
    const title = userPresets.find((p) => p.preset.id === id)?.preset.title ?? id;
    const removed = await store.remove(id);
    confirmingRemoval = undefined;
    setStatus("success", removed ? `Removed “${title}” from this workbook.` : `“${title}” was already gone from this workbook.`);
    await refreshUserPresets();
  }

  async function freeze(model: LoadedModel): Promise<void> {
    if (freezeModel === undefined) return;
    setStatus("progress", `Freezing “${model.sheetName}”…`);
    const outcome = await freezeModel(model, { now: now() });
    setStatus(
      "success",
      `Froze “${model.sheetName}” into the new sheet '${outcome.sheetName}': ` +
        `${plural(outcome.frozenCount, "AICOST formula", "AICOST formulas")} replaced by ${outcome.frozenCount === 1 ? "its value" : "their values"}. ` +
        "The original sheet is unchanged.",
    );
  }

  /** Runs an action with the pane busy, showing its error in the status. */
  function act(task: () => Promise<void>, failure: string): void {
    if (busy) return;
    void run(async () => {
      try {
        await task();
      } catch (error) {
        setStatus("error", messageOf(error, failure));
      }
    });
  }

  const findPreset = (kind: string | undefined, id: string | undefined): Preset | undefined =>
    kind === "user" ? userPresets.find((p) => p.preset.id === id)?.preset : builtInPresets.find((p) => p.id === id);
  const findModel = (sheetId: string | undefined): LoadedModel | undefined => models.find((m) => m.sheetId === sheetId);

  pane.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest<HTMLButtonElement>("button[data-action]");
    if (button === null || button.disabled || busy) return;
    const data = button.dataset;
    switch (data.action) {
      case "load": {
        if (problem !== null) return;
        const preset = findPreset(data.presetKind, data.presetId);
        if (preset !== undefined) act(() => load(preset, data.presetKind === "user" ? "user" : "builtIn"), "Loading failed for an unknown reason.");
        return;
      }
      case "export": {
        const preset = findPreset(data.presetKind, data.targetId);
        if (preset !== undefined) exportPreset(preset);
        return;
      }
      case "remove":
        confirmingRemoval = data.targetId;
        renderYours();
        focus('[data-action="cancel-remove"]');
        return;
      case "cancel-remove":
        confirmingRemoval = undefined;
        renderYours();
        return;
      case "confirm-remove": {
        const id = data.targetId;
        if (id !== undefined) act(() => removePreset(id), "Removing failed for an unknown reason.");
        return;
      }
      case "import":
        fileInput.value = "";
        fileInput.click();
        return;
      case "refresh":
        act(async () => {
          await refreshModels();
          await refreshUserPresets();
          setStatus("idle", "");
        }, "Reading the workbook failed for an unknown reason.");
        return;
      case "open-save": {
        const model = findModel(data.sheetId);
        if (model === undefined) return;
        savingFrom = model.sheetId;
        savingName = model.sheetName;
        renderModels();
        focus(".save-form input");
        return;
      }
      case "cancel-save":
        savingFrom = undefined;
        renderModels();
        return;
      case "save": {
        event.preventDefault();
        submitSave();
        return;
      }
      case "freeze": {
        const model = findModel(data.sheetId);
        if (model !== undefined) act(() => freeze(model), "Freezing failed for an unknown reason.");
        return;
      }
      case "conflict-replace":
        act(() => resolveConflict("replace"), "Saving failed for an unknown reason.");
        return;
      case "conflict-keep":
        act(() => resolveConflict("keep"), "Saving failed for an unknown reason.");
        return;
      case "conflict-cancel":
        conflict = undefined;
        renderPrompt();
        setStatus("idle", "Nothing was saved.");
        return;
    }
  });

  function submitSave(): void {
    const model = findModel(savingFrom);
    if (model === undefined) return;
    const name = savingName;
    act(() => saveFromSheet(model, name), "Saving failed for an unknown reason.");
  }

  pane.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!busy) submitSave();
  });

  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file === undefined) return;
    act(() => importFile(file), "Importing failed for an unknown reason.");
  });

  applyBusy();
  setStatus("idle", "");
  renderYours();
  renderModels();
  root.replaceChildren(pane);

  if (store !== undefined || listModels !== undefined) {
    void run(async () => {
      try {
        await refreshUserPresets();
        await refreshModels();
      } catch (error) {
        setStatus("error", messageOf(error, "Reading the workbook failed for an unknown reason."));
      }
    });
  }
}
