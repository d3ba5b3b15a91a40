/**
 * The user's presets as every section sees them: the last listing read from
 * the workbook, and storing a preset (saved from a sheet or imported from a
 * file) with the question asked when its id or name is already in use
 * ("Replace it, keep both, or cancel?", a modal dialog).
 */
import { builtInPresets } from "../presets/builtInPresets";
import type { Preset } from "../presets/types";
import type { StoredUserPreset, UserPresetStore } from "../workbook/host";
import { actionButton, element, modalDialog, openDialog } from "./dom";
import { asCopy, asReplacement, placePreset } from "./presetIds";
import type { PaneContext } from "./section";

type Action = "save" | "import";

export interface UserPresetSaver {
  readonly store: UserPresetStore;
  /** The presets as last read (oldest first), and the records that could not be read. */
  readonly presets: () => readonly StoredUserPreset[];
  readonly unreadable: () => readonly string[];
  /** Reads the listing afresh and tells the sections showing it. */
  refresh(): Promise<void>;
  /**
   * Places `candidate` among the user's presets (a free id, or the question when
   * its name is taken) and stores it. `source` ends the status message (" from x.json").
   * Resolves true once stored, false while the question waits for an answer.
   */
  place(candidate: Preset, action: Action, source: string): Promise<boolean>;
  /** Calls `listener` each time a preset is stored (after any question is answered). */
  onSaved(listener: (action: Action) => void): void;
  /** The question's dialog, placed in the pane once. */
  readonly element: HTMLElement;
}

export function createUserPresetSaver(store: UserPresetStore, context: Omit<PaneContext, "userPresets">): UserPresetSaver {
  let presets: readonly StoredUserPreset[] = [];
  let unreadable: readonly string[] = [];
  let conflict: { readonly candidate: Preset; readonly existing: Preset; readonly action: Action; readonly source: string } | undefined;
  /** Where focus goes back to when the question is answered. */
  let returnTo: Element | null = null;

  const prompt = modalDialog("prompt", "This name is taken", () => cancel());
  prompt.id = `${context.idPrefix}-prompt`;
  prompt.hidden = true;
  const saved = new Set<(action: Action) => void>();
  context.onChanged("presets", refresh);

  function renderPrompt(): void {
    if (conflict === undefined) {
      prompt.hide?.();
      prompt.hidden = true;
      prompt.replaceChildren();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      returnTo = null;
      return;
    }
    const textId = `${context.idPrefix}-prompt-text`;
    const cancelButton = actionButton("Cancel", "conflict-cancel", "secondary", { needsHost: "false" });
    cancelButton.setAttribute("autofocus", "");
    const body = element("div", { className: "dialog-body" });
    body.append(
      element("h2", { className: "dialog-title", text: "This name is taken" }),
      element("p", {
        id: textId,
        text: `A preset of yours is already called “${conflict.existing.title}”. Replace it with “${conflict.candidate.title}”, or keep both?`,
      }),
    );
    const actions = element("div", { className: "dialog-actions" });
    actions.append(actionButton("Replace it", "conflict-replace", "danger"), actionButton("Keep both", "conflict-keep", "primary"), cancelButton);
    body.append(actions);
    prompt.replaceChildren(body);
    if (prompt.hidden) {
      returnTo = document.activeElement;
      openDialog(prompt);
    }
    context.rendered();
    context.focus('[data-action="conflict-cancel"]');
  }

  function cancel(): void {
    if (conflict === undefined || context.busy()) return;
    conflict = undefined;
    renderPrompt();
    context.status.set("idle", "Nothing was saved.");
  }

  async function refresh(): Promise<void> {
    const listing = await store.list();
    presets = listing.presets;
    unreadable = listing.unreadable;
  }

  /** Stores a placed preset; when the workbook reports the id taken meanwhile, asks the user instead. */
  async function storePreset(preset: Preset, action: Action, replace: boolean, source: string): Promise<boolean> {
    const result = await store.save(preset, { replace, savedAt: context.now().toISOString() });
    if (!result.saved) {
      conflict = { candidate: preset, existing: result.conflict.preset, action, source };
      context.status.set("idle", "");
      renderPrompt();
      return false;
    }
    conflict = undefined;
    renderPrompt();
    for (const listener of saved) listener(action);
    if (action === "save") {
      context.status.set("success", `Saved “${preset.title}” as a preset of yours${source}. ${store.keptWhere.afterSave}`.trim());
    } else {
      context.status.set("success", `Imported “${preset.title}”${source} as a preset of yours. Load it from “Your models”. ${store.keptWhere.afterSave}`.trim());
    }
    await context.changed("presets");
    return true;
  }

  async function place(candidate: Preset, action: Action, source: string): Promise<boolean> {
    await context.changed("presets");
    const placement = placePreset(
      candidate,
      presets.map((p) => p.preset),
      builtInPresets,
    );
    if (placement.conflict !== undefined) {
      conflict = { candidate: placement.preset, existing: placement.conflict, action, source };
      context.status.set("idle", "");
      renderPrompt();
      return false;
    }
    return storePreset(placement.preset, action, false, source);
  }

  async function resolve(choice: "replace" | "keep"): Promise<void> {
    if (conflict === undefined) return;
    const { candidate, existing, action } = conflict;
    const preset = choice === "replace" ? asReplacement(candidate, existing) : asCopy(candidate, presets.map((p) => p.preset), builtInPresets);
    await storePreset(preset, action, choice === "replace", "");
  }

  prompt.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-action]") : null;
    if (target === null || context.busy()) return;
    switch (target.dataset.action) {
      case "conflict-replace":
        context.act(() => resolve("replace"), "Saving failed for an unknown reason.");
        return;
      case "conflict-keep":
        context.act(() => resolve("keep"), "Saving failed for an unknown reason.");
        return;
      case "conflict-cancel":
        cancel();
        return;
    }
  });

  return {
    store,
    presets: () => presets,
    unreadable: () => unreadable,
    refresh,
    place,
    element: prompt,
    onSaved: (listener) => {
      saved.add(listener);
    },
  };
}
