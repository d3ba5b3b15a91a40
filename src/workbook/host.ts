import type { SheetCell } from "../presets/freeze";
import type { PlannedContent, SheetPlan } from "../presets/plan.types";
import type { Preset } from "../presets/types";

/** Where a preset comes from: shipped with the add-in, or made by the user and stored in the workbook. */
export type PresetKind = "builtIn" | "user";

/** What a model sheet was loaded from, recorded in the workbook beside the sheet. */
export interface ModelOrigin {
  /** The whole preset as it was when loaded, so the sheet can be read back even if the preset later changes or is removed. */
  readonly preset: Preset;
  readonly kind: PresetKind;
  /** When the sheet was loaded: an ISO 8601 timestamp in UTC ("2026-04-24T09:05:00.000Z"). */
  readonly loadedAt: string;
}

/** What loading a plan did. */
export interface LoadOutcome {
  /** The sheet actually created (the wanted name, or the next free one). */
  readonly sheetName: string;
  /** The host's stable id of the new sheet (Excel's worksheet id), when the host has one. */
  readonly sheetId?: string;
}

/** A sheet the add-in loaded, found again by its id: its current name (the user may have renamed it) and its origin. */
export interface LoadedModel extends ModelOrigin {
  /**
   * The host's id of the sheet while the workbook is open: it survives renames
   * and moves. Opaque to the pane, which only hands it back. (Excel's worksheet
   * id changes when the file is reopened, so a host must not store it in the
   * workbook; see `listModels`.)
   */
  readonly sheetId: string;
  /** The sheet's name now. */
  readonly sheetName: string;
}

/** What a model sheet holds now. */
export interface ModelReading {
  /** The sheet's name now. */
  readonly sheetName: string;
  /**
   * Every non-empty cell of the sheet's used range, in row-major order: its A1
   * address, its formula when it holds one, and the value it shows (an error as
   * `{ error: "#NUM!" }`). Literal text comes back as the text itself, without
   * Excel's apostrophe prefix.
   */
  readonly cells: readonly SheetCell[];
}

/** What freezing a model sheet made. */
export interface FreezeOutcome {
  /** The new sheet holding the frozen copy, e.g. "Meta 2026 (values)". */
  readonly sheetName: string;
  /** How many AICOST formulas were replaced by their values. */
  readonly frozenCount: number;
  /** The line written on the copy: "Values frozen on ... from preset ...". */
  readonly line: string;
}

/** A preset the user keeps in the workbook. */
export interface StoredUserPreset {
  readonly preset: Preset;
  /** When it was saved or imported: an ISO 8601 timestamp in UTC. */
  readonly savedAt: string;
}

/** The user's presets in a workbook, and what could not be read back. */
export interface UserPresetListing {
  readonly presets: readonly StoredUserPreset[];
  /** One message per stored record that is not a valid preset (damaged or edited by hand); such records are left as they are. */
  readonly unreadable: readonly string[];
}

export type UserPresetSaveOutcome =
  | { readonly saved: true }
  /** Another user preset already has this id and `replace` was false: nothing was written. */
  | { readonly saved: false; readonly conflict: StoredUserPreset };

/**
 * The user's own presets, stored in the workbook so they travel with the file.
 * Every method reads the workbook afresh: two panes, or two people editing the
 * same workbook, never act on a stale list.
 */
export interface UserPresetStore {
  /**
   * Where the presets are kept, in words for the pane: how they are kept
   * ("Kept in this workbook, so they travel with the file: save the workbook to
   * keep them.") and what to do after a save ("It is kept in this workbook: save the workbook to keep it.").
   */
  readonly keptWhere: { readonly intro: string; readonly afterSave: string };
  /** Every stored preset, oldest first. */
  list(): Promise<UserPresetListing>;
  /**
   * Stores a preset. Rejects (writing nothing) when its id is a built-in preset's
   * id, or when it is not a valid preset file (`parsePresetFile(presetToFileText(preset))`
   * fails). When a user preset with the same id exists, writes nothing and returns
   * the conflict unless `replace` is true; then the old one is replaced in the same
   * write. Never touches another preset.
   */
  save(preset: Preset, options: { readonly replace: boolean; readonly savedAt: string }): Promise<UserPresetSaveOutcome>;
  /** Removes the user preset with this id; resolves false when there was none. Sheets loaded from it stay as they are. */
  remove(id: string): Promise<boolean>;
}

/** One cell of a block inserted at the selection: text, a number or a formula, with the number format of a number or formula. */
export interface BlockCell {
  readonly content: PlannedContent;
  readonly numberFormat?: string;
}

/**
 * What inserting a block at the selection did. Refused, nothing was written:
 * "occupied" when a cell of the block holds something (`occupied` lists such
 * cells, the first few), "noRoom" when the block would run past the sheet's
 * last row or column.
 */
export type BlockInsertOutcome =
  | { readonly inserted: true; readonly sheetName: string; readonly address: string }
  | {
      readonly inserted: false;
      readonly sheetName: string;
      readonly address: string;
      readonly reason: "occupied" | "noRoom";
      readonly occupied: readonly string[];
    };
/** A genai-prices data file the workbook keeps, as it was accepted (canonical JSON), with when and where it was fetched. */
export interface StoredPriceData {
  readonly text: string;
  /** When it was fetched: an ISO 8601 timestamp in UTC. */
  readonly fetchedAt: string;
  /** The URL it was fetched from. */
  readonly source: string;
}

/** The price data a workbook keeps, if any, and what could not be read back. */
export interface PriceDataListing {
  readonly data: StoredPriceData | null;
  /** One message per stored part or set that cannot be used (damaged, incomplete); such parts are left as they are. */
  readonly unreadable: readonly string[];
}

/**
 * The price data kept in the workbook, so everyone who opens it prices with
 * the same data. The store keeps text; the pane checks it (checkPriceData)
 * before anything prices with it, when it is accepted and again on every read.
 */
export interface PriceDataKeeper {
  /** Where the data is kept, in words for the pane. */
  readonly keptWhere: string;
  /** The kept data, read afresh from the workbook. */
  read(): Promise<PriceDataListing>;
  /**
   * Keeps `data` in place of any kept before. Resolves only once what was
   * written reads back as `data`; otherwise rejects and the workbook keeps what
   * it kept before.
   */
  keep(data: StoredPriceData): Promise<void>;
  /** Removes the kept data (back to the built-in prices); resolves false when there was none. */
  remove(): Promise<boolean>;
  /** Recalculates every formula of the workbook (after the data in use changed). */
  recalculate(): Promise<void>;
}

/**
 * The task pane talks to a workbook only through this interface: Office.js in
 * Excel, a HyperFormula workbook in the preview host. A load never overwrites
 * or deletes anything that exists; a failed load leaves the workbook as it was.
 *
 * The members marked optional are features a host may lack; the pane hides a
 * feature whose member is absent. Every one of them, where present, obeys the
 * same rule: it changes nothing the user made, and on failure it leaves the
 * workbook as it was (or says exactly what it could not undo).
 */
export interface WorkbookHost {
  /** "Excel" or "Preview", for messages. */
  readonly name: string;
  /** Why this host cannot load models (a missing requirement set), or null when it can. */
  requirementProblem(): string | null;
  /**
   * Adds a new sheet for the plan, activates it, and returns its name. With an
   * origin, a host that has `listModels` also records the origin in the
   * workbook, linked to the new sheet so that the link survives renaming the
   * sheet and saving and reopening the file, as part of the same load (a
   * failure to record removes the sheet, as any failed load does).
   */
  loadPlan(plan: SheetPlan, origin?: ModelOrigin): Promise<LoadOutcome>;

  /** The user's presets in this workbook. */
  readonly userPresets?: UserPresetStore;
  /**
   * The sheets this workbook records as loaded from a preset (by `loadPlan`
   * with an origin) and that still exist, in the workbook's sheet order, each
   * with its current name and the origin recorded when it was loaded. A frozen
   * copy (`freezeModel`) is not one of them. Records of sheets that were
   * deleted may be dropped.
   */
  listModels?(): Promise<readonly LoadedModel[]>;
  /**
   * Reads the cells of a loaded model sheet (found by `model.sheetId`, so a
   * renamed sheet is still found). Changes nothing. Rejects with a message
   * when the sheet no longer exists. The pane turns the reading into a preset
   * with `presetFromSheet` (src/workbook/sheetToPreset.ts), which finds the
   * inputs where `planSheet(model.preset)` put them.
   */
  readModel?(model: LoadedModel): Promise<ModelReading>;
  /**
   * Copies the model sheet into a new sheet named after it ("Meta 2026
   * (values)", or the next free name) with every AICOST formula replaced by
   * the value it shows now (`freezeSheet` in src/presets/freeze.ts, with
   * `model.preset.id`, `model.preset.title` and `options.now`), the line it
   * returns written where `planFrozenWrite` (src/workbook/sheetCells.ts) puts it
   * (the first empty row under the title), and everything else (other
   * formulas, formats, widths, chart) as on the original. Activates the copy.
   * The original sheet is not changed. Rejects, leaving no copy, when
   * `freezeSheet` refuses (a cell still calculating) or a write fails.
   */
  freezeModel?(model: LoadedModel, options: { readonly now: Date }): Promise<FreezeOutcome>;
  /**
   * Writes a small block (rows of cells, null for a cell left empty) on the
   * active sheet with its top-left cell at the selected cell (the top-left
   * cell of a selected range). Never overwrites: when any cell of the block
   * holds anything (a value or a formula), or the block would run off the
   * sheet, it writes nothing and says so. Rejects with a message when no cell
   * of a worksheet is selected.
   */
  insertAtSelection?(block: readonly (readonly (BlockCell | null)[])[]): Promise<BlockInsertOutcome>;
  /** The price data kept in this workbook (see PriceDataKeeper). */
  readonly priceData?: PriceDataKeeper;
}
