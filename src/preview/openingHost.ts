/*
 * The preview's WorkbookHost while its workbook opens. The page mounts the task
 * pane at once with this host and, beside it, imports the workbook (openWorkbook.ts:
 * HyperFormula, the AICOST functions and the price catalog they read, most of
 * the preview's JavaScript). Every call that needs the workbook waits until it
 * is open and then goes to the open host (HyperFormulaHost), so a preset's Load
 * clicked while the workbook opens is carried out once it is open: it is not
 * refused, and it is not lost.
 *
 * Until the workbook is open this host answers, without it, the two questions
 * the pane asks as it mounts, so that its buttons are usable at once:
 *  - listModels: none. The workbook opens with an empty "Sheet1", and a sheet is
 *    only ever loaded through loadPlan, which waits for the workbook.
 *  - userPresets.list: read from the browser's storage as the open host reads it
 *    (the same records, through the same userPresetsOf). Saving and removing wait
 *    for the workbook, which keeps the records from then on.
 * If the workbook cannot be opened (a script of it failed to load), every call
 * that needs it rejects with the reason, and the pane says so.
 *
 * A method added to WorkbookHost and to HyperFormulaHost needs one line here
 * (`forward`, or `forwardIn` for a member of a store such as `userPresets`);
 * tests/preview/openingHost.test.ts fails, naming it, until it has that line.
 */
import type { LoadedModel, PriceDataKeeper, UserPresetListing, UserPresetStore, WorkbookHost } from "../workbook/host";
import { userPresetsOf } from "../workbook/workbookRecords";
import { PresetRecords, previewKeptWhere, type RecordStorage } from "./presetRecords";

/** The names of the members of T that are methods returning a promise (optional ones too). */
type AsyncMethodOf<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/** The names of the members of T that are stores (objects, such as WorkbookHost's userPresets), optional ones too. */
type StoreOf<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => unknown
    ? never
    : NonNullable<T[K]> extends object
      ? K
      : never;
}[keyof T];

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, "");
}

/** What the host answers from before the workbook is open. */
export interface OpeningHostOptions {
  /** The browser's storage of the user's presets (as the open host gets it); undefined where the browser refuses storage. */
  readonly storage?: RecordStorage;
}

export class OpeningHost implements WorkbookHost {
  readonly name = "Preview";
  /** The open host, once the workbook is open. */
  private open: WorkbookHost | undefined;
  private readonly opened: Promise<WorkbookHost>;
  private readonly records: PresetRecords;

  /** `opening` resolves with the open host (HyperFormulaHost), or rejects when the workbook cannot be opened. */
  constructor(opening: Promise<WorkbookHost>, options: OpeningHostOptions = {}) {
    this.records = new PresetRecords(options.storage);
    this.opened = opening.then(
      (host) => (this.open = host),
      (error: unknown) => {
        throw new Error(
          `The preview's workbook could not be opened: ${messageOf(error)}. Reload the page to try again.`,
          { cause: error },
        );
      },
    );
    // The page reports a failure itself; this keeps it from also being an unhandled rejection.
    this.opened.catch(() => undefined);
  }

  /** Resolves with the open host once the workbook is open; rejects with a message for the user when it cannot be opened. */
  whenOpen(): Promise<WorkbookHost> {
    return this.opened;
  }

  requirementProblem(): string | null {
    return null;
  }

  readonly loadPlan = this.forward("loadPlan");
  readonly listModels = this.forward("listModels", async (): Promise<readonly LoadedModel[]> => []);
  readonly readModel = this.forward("readModel");
  readonly freezeModel = this.forward("freezeModel");
  readonly insertAtSelection = this.forward("insertAtSelection");

  readonly userPresets: UserPresetStore = {
    keptWhere: previewKeptWhere.presets,
    list: this.forwardIn("userPresets", "list", async (): Promise<UserPresetListing> => {
      try {
        return userPresetsOf(this.records.read().map(({ key, xml }) => ({ handle: key, xml }))).listing;
      } catch (error) {
        throw new Error(`Reading your presets failed: ${messageOf(error)}.`, { cause: error });
      }
    }),
    save: this.forwardIn("userPresets", "save"),
    remove: this.forwardIn("userPresets", "remove"),
  };

  readonly priceData: PriceDataKeeper = {
    keptWhere: previewKeptWhere.priceData,
    read: this.forwardIn("priceData", "read"),
    keep: this.forwardIn("priceData", "keep"),
    remove: this.forwardIn("priceData", "remove"),
    recalculate: this.forwardIn("priceData", "recalculate"),
  };

  /**
   * The host's method `name`: it waits for the workbook, then calls the open
   * host's. `before`, if given, answers instead while the workbook is not open
   * (it must give what the open host would).
   */
  private forward<K extends AsyncMethodOf<WorkbookHost>>(
    name: K,
    before?: NonNullable<WorkbookHost[K]>,
  ): NonNullable<WorkbookHost[K]> {
    const call = async (...args: unknown[]): Promise<unknown> => {
      if (this.open === undefined && before !== undefined) return (before as AnyMethod)(...args);
      const host = await this.opened;
      const method = host[name] as AnyMethod | undefined;
      if (method === undefined) throw new Error(`The preview's workbook cannot ${String(name)}.`);
      return method.apply(host, args);
    };
    return call as NonNullable<WorkbookHost[K]>;
  }

  /** The method `name` of the host's store `store` (such as userPresets.save), forwarded as `forward` does. */
  private forwardIn<S extends StoreOf<WorkbookHost>, K extends AsyncMethodOf<NonNullable<WorkbookHost[S]>>>(
    store: S,
    name: K,
    before?: NonNullable<WorkbookHost[S]>[K],
  ): NonNullable<WorkbookHost[S]>[K] {
    const call = async (...args: unknown[]): Promise<unknown> => {
      if (this.open === undefined && before !== undefined) return (before as AnyMethod)(...args);
      const host = await this.opened;
      const found = host[store] as Record<PropertyKey, unknown> | undefined;
      const method = found?.[name] as AnyMethod | undefined;
      if (found === undefined || method === undefined)
        throw new Error(`The preview's workbook cannot ${String(store)}.${String(name)}.`);
      return method.apply(found, args);
    };
    return call as NonNullable<WorkbookHost[S]>[K];
  }
}
