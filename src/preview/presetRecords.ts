/*
 * Where the preview keeps the user's presets. The Excel host keeps one custom
 * XML part per preset in the .xlsx file; the preview has no file, so it keeps
 * the same records (userPresetXml in src/workbook/workbookRecords.ts, one per
 * preset, each under its own key) with its workbook in memory and, where the
 * browser gives storage, also in localStorage, one entry per record under the
 * prefix `previewStoragePrefix`, so that a reload keeps them.
 *
 * With storage, storage is the truth: every read takes the records afresh from
 * it (another tab of the preview may have changed them) and the copy in memory
 * follows. What is found there is untrusted: the host reads each record back
 * through readUserPresetXml, that is parsePresetFile, and lists a record it
 * cannot read as unreadable, leaving it where it is. Without storage (a browser
 * that refuses it) the records live as long as the page.
 */

/** The prefix of every localStorage key the preview writes; nothing else in storage is read or touched. */
export const previewStoragePrefix = "aicost.preview.userPreset.";
/** The prefix of the storage keys of the price data the preview's workbook keeps (priceDataRecord.ts parts). */
export const previewPriceDataPrefix = "aicost.preview.priceData.";

/** Where the preview keeps the user's presets and accepted price data, as the pane says it. */
export const previewKeptWhere = {
  presets: {
    intro: "Kept with this page's workbook and in this browser's storage, so a reload keeps them.",
    afterSave: "It is kept in this browser.",
  },
  priceData: "Kept with this page's workbook and in this browser's storage, so a reload keeps it.",
} as const;

/** One record: its key (unique within the workbook) and its text. */
export interface PresetRecord {
  readonly key: string;
  readonly xml: string;
}

/** The part of the Web Storage interface the records need (window.localStorage, or a stand-in in tests). */
export type RecordStorage = Pick<Storage, "length" | "key" | "getItem" | "setItem" | "removeItem">;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, "");
}

export class PresetRecords {
  private memory = new Map<string, string>();

  constructor(
    private readonly storage?: RecordStorage,
    /** The prefix of this kind of record's keys in storage. */
    private readonly prefix: string = previewStoragePrefix,
  ) {}

  /** Whether the records outlive the page (they are in the browser's storage). */
  get persistent(): boolean {
    return this.storage !== undefined;
  }

  /** Every record, in the order the workbook got them; taken afresh from storage when there is storage. */
  read(): PresetRecord[] {
    const storage = this.storage;
    if (storage !== undefined) {
      const found = new Map<string, string>();
      try {
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name === null || !name.startsWith(this.prefix)) continue;
          const xml = storage.getItem(name);
          if (xml !== null) found.set(name.slice(this.prefix.length), xml);
        }
      } catch (error) {
        throw new Error(`the browser's storage could not be read (${messageOf(error)})`, { cause: error });
      }
      // Records the workbook already had keep their place; new ones (from another tab) follow.
      const next = new Map<string, string>();
      for (const key of this.memory.keys()) {
        const xml = found.get(key);
        if (xml !== undefined) next.set(key, xml);
      }
      for (const [key, xml] of found) if (!next.has(key)) next.set(key, xml);
      this.memory = next;
    }
    return [...this.memory].map(([key, xml]) => ({ key, xml }));
  }

  /**
   * Adds a record, then removes records by key. When the addition fails (the
   * storage is full, or refused) nothing has changed and this throws. Removal
   * comes second, so a replacement that stops half way leaves two records of
   * one preset, of which readers take the newer, and never none.
   */
  write(change: { readonly add?: PresetRecord; readonly remove?: readonly string[] }): void {
    const { add, remove = [] } = change;
    const storage = this.storage;
    if (add !== undefined) {
      if (storage !== undefined) {
        try {
          storage.setItem(this.prefix + add.key, add.xml);
        } catch (error) {
          throw new Error(`the browser refused to store it (${messageOf(error)})`, { cause: error });
        }
      }
      this.memory.set(add.key, add.xml);
    }
    for (const key of remove) {
      if (storage !== undefined) {
        try {
          storage.removeItem(this.prefix + key);
        } catch (error) {
          throw new Error(`the browser's storage refused a removal (${messageOf(error)})`, { cause: error });
        }
      }
      this.memory.delete(key);
    }
  }
}
