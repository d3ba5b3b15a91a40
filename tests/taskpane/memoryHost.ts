/*
 * An in-memory WorkbookHost with every optional feature, for the pane's
 * tests: it keeps loaded sheets as the cells their plans hold, user presets
 * in a list, and records every call. An action can be held open with `hold`
 * to look at the pane while it is busy.
 */
import { blockAddress, blockFits, occupiedCells, planBlockWrite } from "../../src/workbook/blockWrite";
import type {
  BlockCell,
  BlockInsertOutcome,
  FreezeOutcome,
  LoadedModel,
  LoadOutcome,
  ModelOrigin,
  ModelReading,
  StoredUserPreset,
  UserPresetListing,
  UserPresetSaveOutcome,
  UserPresetStore,
  WorkbookHost,
} from "../../src/workbook/host";
import type { SheetCell } from "../../src/presets/freeze";
import type { SheetPlan } from "../../src/presets/plan.types";
import type { Preset } from "../../src/presets/types";

export interface MemorySheet {
  readonly id: string;
  name: string;
  readonly origin: ModelOrigin;
  /** Address -> cell; tests edit these as a user would edit the sheet. */
  readonly cells: Map<string, SheetCell>;
}

function cellsOf(plan: SheetPlan): Map<string, SheetCell> {
  const cells = new Map<string, SheetCell>();
  for (const cell of plan.cells) {
    const content = cell.content;
    if (content.kind === "formula") cells.set(cell.address, { address: cell.address, formula: content.formula, value: 0 });
    else cells.set(cell.address, { address: cell.address, value: content.kind === "text" ? content.text : content.value });
  }
  return cells;
}

export class MemoryHost implements WorkbookHost {
  readonly name = "Memory";
  readonly calls: string[] = [];
  readonly loads: { plan: SheetPlan; origin: ModelOrigin | undefined }[] = [];
  readonly sheets: MemorySheet[] = [];
  stored: StoredUserPreset[] = [];
  unreadable: string[] = [];
  readonly freezes: { model: LoadedModel; now: Date }[] = [];
  /** Makes the next call of this method reject with this error. */
  failNext: { method: string; error: unknown } | undefined;
  private held: { method: string; release: Promise<void> } | undefined;
  private nextId = 1;

  constructor(private readonly problem: string | null = null) {}

  requirementProblem(): string | null {
    return this.problem;
  }

  /** Holds the next call of a method until the returned function is called. */
  hold(method: string): () => void {
    let release: () => void = () => undefined;
    this.held = { method, release: new Promise<void>((resolve) => (release = resolve)) };
    return release;
  }

  private async enter(method: string): Promise<void> {
    this.calls.push(method);
    if (this.held?.method === method) {
      const { release } = this.held;
      this.held = undefined;
      await release;
    }
    if (this.failNext?.method === method) {
      const { error } = this.failNext;
      this.failNext = undefined;
      throw error;
    }
  }

  async loadPlan(plan: SheetPlan, origin?: ModelOrigin): Promise<LoadOutcome> {
    await this.enter("loadPlan");
    this.loads.push({ plan, origin });
    let name = plan.sheetName;
    for (let n = 2; this.sheets.some((s) => s.name === name); n++) name = `${plan.sheetName} (${n})`;
    const id = `sheet-${this.nextId++}`;
    if (origin !== undefined) this.sheets.push({ id, name, origin, cells: cellsOf(plan) });
    return { sheetName: name, sheetId: id };
  }

  readonly userPresets: UserPresetStore = {
    keptWhere: {
      intro: "Kept in this workbook, so they travel with the file: save the workbook to keep them.",
      afterSave: "It is kept in this workbook: save the workbook to keep it.",
    },
    list: async (): Promise<UserPresetListing> => {
      await this.enter("list");
      return { presets: [...this.stored], unreadable: [...this.unreadable] };
    },
    save: async (preset: Preset, options: { replace: boolean; savedAt: string }): Promise<UserPresetSaveOutcome> => {
      await this.enter("save");
      const existing = this.stored.find((s) => s.preset.id === preset.id);
      if (existing !== undefined && !options.replace) return { saved: false, conflict: existing };
      this.stored = [...this.stored.filter((s) => s.preset.id !== preset.id), { preset, savedAt: options.savedAt }];
      return { saved: true };
    },
    remove: async (id: string): Promise<boolean> => {
      await this.enter("remove");
      const before = this.stored.length;
      this.stored = this.stored.filter((s) => s.preset.id !== id);
      return this.stored.length < before;
    },
  };

  async listModels(): Promise<readonly LoadedModel[]> {
    await this.enter("listModels");
    return this.sheets.map((s) => ({ sheetId: s.id, sheetName: s.name, ...s.origin }));
  }

  async readModel(model: LoadedModel): Promise<ModelReading> {
    await this.enter("readModel");
    const sheet = this.sheets.find((s) => s.id === model.sheetId);
    if (sheet === undefined) throw new Error(`no sheet ${model.sheetId}`);
    return { sheetName: sheet.name, cells: [...sheet.cells.values()] };
  }

  async freezeModel(model: LoadedModel, options: { now: Date }): Promise<FreezeOutcome> {
    await this.enter("freezeModel");
    this.freezes.push({ model, now: options.now });
    return { sheetName: `${model.sheetName} (values)`, frozenCount: 3, line: "Values frozen on ..." };
  }

  /** The active sheet's cells for insertAtSelection: "row,column" -> what was written there (Range.formulas entry). */
  readonly activeCells = new Map<string, string | number>();
  /** The selected cell of the active sheet (0-based). */
  selection = { row: 0, column: 0 };
  /** Every block inserted, as written. */
  readonly inserts: (readonly (readonly (BlockCell | null)[])[])[] = [];

  async insertAtSelection(block: readonly (readonly (BlockCell | null)[])[]): Promise<BlockInsertOutcome> {
    await this.enter("insertAtSelection");
    const write = planBlockWrite(block);
    const { row, column } = this.selection;
    const address = blockAddress(row, column, write.rows, write.columns);
    if (!blockFits(row, column, write.rows, write.columns)) return { inserted: false, sheetName: "Sheet1", address, reason: "noRoom", occupied: [] };
    const occupied = occupiedCells(row, column, write.formulas.map((line, r) => line.map((_, c) => this.activeCells.has(`${row + r},${column + c}`))));
    if (occupied.length > 0) return { inserted: false, sheetName: "Sheet1", address, reason: "occupied", occupied };
    write.formulas.forEach((line, r) => line.forEach((entry, c) => entry !== null && this.activeCells.set(`${row + r},${column + c}`, entry)));
    this.inserts.push(block);
    return { inserted: true, sheetName: "Sheet1", address };
  }
}
