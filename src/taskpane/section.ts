/**
 * The contract between the pane and its sections. A section is one file under
 * src/taskpane/ exporting a `PaneSectionFactory`; adding a section means adding
 * that file (with its own tests) and one line in `paneSections`
 * (src/taskpane/sections.ts). The pane itself (src/taskpane/pane.ts) only
 * builds the context, lays the sections out in list order and runs the first
 * refresh.
 *
 * The rules a section follows:
 * - It builds its DOM with the helpers in ./dom (text through textContent and
 *   attributes, never HTML; controls are Fluent web components).
 * - Every action control carries `data-action="..."` (plus its own data-*
 *   hooks): the pane disables them all while an action runs, and those marked
 *   `data-needs-host="false"` stay usable when the host cannot load models.
 * - It talks to the workbook only through `context.host` (the WorkbookHost
 *   interface, src/workbook/host.ts) and checks an optional member before use:
 *   a section whose feature the host lacks returns `undefined` and is not shown.
 * - It runs every workbook action through `context.act`, which marks the pane
 *   busy and shows a failure in the one status line (`context.status`).
 * - It says what it changed with `context.changed(topic)` and listens with
 *   `context.onChanged(topic, refresh)`, rather than calling other sections.
 */
import type { PresetIssue } from "../presets/schema";
import type { WorkbookHost } from "../workbook/host";
import type { StatusService } from "./status";
import type { UserPresetSaver } from "./userPresetSaver";

/** What changed in the workbook, for the sections that show it. */
export type PaneTopic = "models" | "presets";

export interface PaneContext {
  /** The workbook. */
  readonly host: WorkbookHost;
  /** Why the host cannot load models (shown once, at the top), or null. */
  readonly problem: string | null;
  /** A prefix unique to this pane, for element ids. */
  readonly idPrefix: string;
  /** The clock. */
  readonly now: () => Date;
  /** How an exported file reaches the user. */
  readonly saveFile: (fileName: string, text: string) => void;
  /** The one status line (a polite live region) and the list of problems under it. */
  readonly status: StatusService;
  /** The user's presets, with the question asked on a name already in use; absent where the host keeps none. */
  readonly userPresets?: UserPresetSaver;
  /** Runs an action with the pane busy (one at a time: ignored while another runs); a rejection shows as an error, with `failure` when it has no message. */
  act(task: () => Promise<void>, failure: string): void;
  /** Whether an action is running. */
  readonly busy: () => boolean;
  /** Moves focus to the first match of a selector in the pane, now or as soon as the running action ends. */
  focus(selector: string): void;
  /** Re-applies the busy state to controls a section has just (re)rendered. */
  rendered(): void;
  /** Tells every section listening that `topic` changed, and waits for them to show it. */
  changed(topic: PaneTopic): Promise<void>;
  /** Calls `refresh` when `topic` changes (and once when the pane starts). */
  onChanged(topic: PaneTopic, refresh: () => Promise<void>): void;
}

/** One section of the pane. */
export interface PaneSection {
  /** Its root element, placed in the pane in the order of the section list. */
  readonly element: HTMLElement;
}

/** Builds a section for a pane, or returns undefined when the host lacks what the section needs. */
export type PaneSectionFactory = (context: PaneContext) => PaneSection | undefined;

/** The message of a rejection, or `fallback` when it carries none. */
export function messageOf(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  const text = String(error);
  return text.trim() === "" || error === undefined ? fallback : text;
}

export type { PresetIssue };
