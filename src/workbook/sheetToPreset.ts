/**
 * A loaded model sheet back to a preset: the assumptions as they stand in the
 * sheet now (Low, Base, High and the Source column), laid over the preset the
 * sheet was loaded from. The cells are found where that preset's plan put
 * them, so the user may rename the sheet freely. Pure: no Office.js.
 *
 * What is kept honest:
 *  - an input whose values were edited gets a note saying so and what the
 *    preset it came from had, and the preset's as-of date becomes the day of
 *    saving;
 *  - a Source cell that no longer names one of the preset's sources becomes a
 *    new source, "named in the workbook", dated the day of saving;
 *  - a Low or High cell that still repeats Base by formula stays "no range";
 *  - on a sheet with a Reported column, a Reported cell that repeats Base by
 *    formula means "nothing reported"; a number there is the reported figure:
 *    unchanged it keeps its source, edited (or typed over a repeated Base) its
 *    source becomes "typed into the workbook", dated the day of saving, and
 *    the note says what the preset had.
 *  - a row of the inputs table that holds another input's label (rows were
 *    inserted or deleted there) stops the reading: its values are not where
 *    the plan put them.
 * What is not read: labels (but for that), units, notes, results, the timeline and the sources
 * table; they come from the original preset.
 */
import { cellAddress, parseCellAddress } from "../presets/address";
import { parsePresetFile, presetToFileText } from "../presets/file";
import type { SheetCell, SheetCellValue } from "../presets/freeze";
import { formatAmounts } from "../presets/formats";
import { planColumnsOf, planSheet } from "../presets/plan";
import { presetTextMaxLength } from "../presets/schema";
import type { Preset, PresetInput, PresetReported, PresetSource, Scenario } from "../presets/types";

export interface SheetToPresetOptions {
  /** The new preset's id (kebab-case) and title (the name the user gave). */
  readonly id: string;
  readonly title: string;
  /** The sheet's name now, for the provenance note. */
  readonly sheetName: string;
  /** The day of saving, YYYY-MM-DD. */
  readonly today: string;
  /**
   * Whether to read the Reported column (default true). The uncertainty tools
   * read Low, Base and High only, so a Reported cell holding text must not stop them.
   */
  readonly readReported?: boolean;
}

/** One problem, with the cell it is in when it is in one. */
export interface SheetIssue {
  readonly address?: string;
  readonly message: string;
}

export type SheetToPresetResult =
  | { readonly ok: true; readonly value: Preset; readonly changedKeys: readonly string[] }
  | { readonly ok: false; readonly issues: readonly SheetIssue[] };

const scenarioNames: Readonly<Record<Scenario, string>> = { low: "Low", base: "Base", high: "High" };

/** The start of the note an edited input gets; a later save replaces it rather than stacking another. */
const editedNotePattern = /^Edited in the workbook on \d{4}-\d{2}-\d{2}; the preset had .*?\.(?=\s|$)\s*/;
/** The same for a reported figure's note. */
const editedReportedNotePattern = /^Typed into the workbook on \d{4}-\d{2}-\d{2}; the preset had .*?\.(?=\s|$)\s*/;
/** The id of the source a reported figure typed into the sheet gets. */
const typedReportedSourceId = "workbook-reported";

function describeValue(value: SheetCellValue | undefined): string {
  if (value === undefined || value === null || value === "") return "nothing";
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Cuts text to `length` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  let cut = text.slice(0, length - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Whether a formula only repeats another cell of the sheet: "=C7", "= $C$7 ". */
function repeatsCell(formula: string | undefined, address: string): boolean {
  if (formula === undefined) return false;
  return formula.replace(/[\s$]/g, "").toUpperCase() === `=${address.toUpperCase()}`;
}

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A one-line version of text typed into a cell (Alt+Enter makes line breaks). */
const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * The preset a model sheet describes now. `origin` is the preset the sheet was
 * loaded from; `cells` what the sheet holds (as a host's readModel returns).
 * Fails with every problem found, each naming its cell, when a value is not a
 * number or the result is not a valid preset file.
 */
export function presetFromSheet(origin: Preset, cells: readonly SheetCell[], options: SheetToPresetOptions): SheetToPresetResult {
  const plan = planSheet(origin);
  const byAddress = new Map(cells.map((cell) => [cell.address.replace(/\$/g, "").toUpperCase(), cell]));
  const cellAt = (address: string): SheetCell | undefined => byAddress.get(address);
  const issues: SheetIssue[] = [];
  const changedKeys: string[] = [];
  const newSources: PresetSource[] = [];
  const whereOf = new Map<string, { address: string; what: string }>();
  const columns = planColumnsOf(origin);
  let typedReportedSource: PresetSource | undefined;

  // Rows inserted or deleted in the inputs table move the values away from where the plan put them: the
  // values read there would be other inputs' (saved, or simulated, as these). Told by a row that holds another
  // input's label. (Formulas tell nothing: Excel adjusts their references as their rows move.)
  for (const input of origin.inputs) {
    const row = parseCellAddress(plan.keyCells[input.key]?.base ?? "")?.row;
    if (row === undefined) continue;
    const labelAddress = cellAddress(row, columns.label);
    const label = cellAt(labelAddress)?.value;
    const otherLabel = typeof label === "string" && oneLine(label) !== oneLine(input.label) && origin.inputs.some((other) => oneLine(other.label) === oneLine(label));
    if (otherLabel) {
      return {
        ok: false,
        issues: [
          {
            address: labelAddress,
            message:
              `${labelAddress}: the row of “${cutText(input.label, 60)}” holds another row now (rows were inserted or deleted in the inputs table), ` +
              "so its values are not where the preset put them. Undo that change, or load the preset again, and try again.",
          },
        ],
      };
    }
  }

  const inputs = origin.inputs.map((input, index): PresetInput => {
    const at = plan.keyCells[input.key];
    if (at === undefined) throw new Error(`the plan of "${origin.id}" has no cells for input "${input.key}"`);
    const values: Partial<Record<Scenario, number>> = {};
    for (const scenario of ["low", "base", "high"] as const) {
      const address = at[scenario];
      const what = `${scenarioNames[scenario]} of “${cutText(input.label, 60)}”`;
      whereOf.set(`inputs[${index}].${scenario}`, { address, what });
      const cell = cellAt(address);
      if (scenario !== "base" && repeatsCell(cell?.formula, at.base)) continue; // no range: repeats Base
      const value = cell?.value;
      if (typeof value === "number" && Number.isFinite(value)) values[scenario] = value;
      else issues.push({ address, message: `${address} (${what}): expected a number, found ${describeValue(value)}` });
    }

    // The Reported column: a repeated Base is "nothing reported"; a number is the reported figure.
    let reported: PresetReported | undefined = input.reported;
    if (at.reported !== undefined && options.readReported !== false) {
      const address = at.reported;
      const what = `Reported of “${cutText(input.label, 60)}”`;
      whereOf.set(`inputs[${index}].reported.value`, { address, what });
      const cell = cellAt(address);
      const value = cell?.value;
      if (repeatsCell(cell?.formula, at.base)) reported = undefined;
      else if (typeof value !== "number" || !Number.isFinite(value)) {
        issues.push({ address, message: `${address} (${what}): expected a number, found ${describeValue(value)}` });
      } else if (value !== input.reported?.value) {
        const taken = new Set(origin.sources.map((s) => s.id));
        let id = typedReportedSourceId;
        for (let n = 2; taken.has(id); n++) id = `${typedReportedSourceId}-${n}`;
        typedReportedSource ??= {
          id,
          title: "Typed into the sheet's Reported column",
          publisher: "Named in the workbook",
          date: options.today,
        };
        const had = input.reported === undefined ? "none" : (formatAmounts([input.reported.value, value], input.format)[0] as string);
        const sentence = `Typed into the workbook on ${options.today}; the preset had ${had}.`;
        const rest = (input.reported?.note ?? "").replace(editedReportedNotePattern, "");
        reported = { value, source: typedReportedSource.id, note: cutText(rest === "" ? sentence : `${sentence} ${rest}`, presetTextMaxLength) };
      }
    }

    // The Source column: one of the preset's sources by its shown title or id, or a new one.
    const sourceAddress = cellAddress(parseCellAddress(at.base)?.row ?? 0, columns.source);
    const typed = cellAt(sourceAddress)?.value;
    let source = input.source;
    if (typeof typed === "string" && oneLine(typed) !== "") {
      const text = oneLine(typed);
      const names = (s: PresetSource): boolean => sameText(s.shortTitle ?? s.title, text) || sameText(s.title, text) || sameText(s.id, text);
      // The input's own source first: two sources may show the same words.
      const own = origin.sources.find((s) => s.id === input.source);
      const known = own !== undefined && names(own) ? own : origin.sources.find(names);
      const added = newSources.find((s) => sameText(s.title, text));
      if (known !== undefined) source = known.id;
      else if (added !== undefined) source = added.id;
      else {
        const taken = new Set([...origin.sources, ...newSources].map((s) => s.id));
        let n = newSources.length + 1;
        while (taken.has(`workbook-${n}`)) n++;
        const created: PresetSource = {
          id: `workbook-${n}`,
          title: cutText(text, presetTextMaxLength),
          publisher: "Named in the workbook",
          date: options.today,
        };
        newSources.push(created);
        source = created.id;
      }
    }

    const low = values.low;
    const base = values.base ?? input.base;
    const high = values.high;
    const changed = base !== input.base || low !== input.low || high !== input.high;
    const reportedChanged = reported?.value !== input.reported?.value;
    if (changed || reportedChanged) changedKeys.push(input.key);
    let note = input.note;
    if (changed) {
      const edited = (["low", "base", "high"] as const).filter((s) => (s === "base" ? base : s === "low" ? low : high) !== input[s]);
      // Amounts as the sheet writes them ("$62.5B"); in full where the format would show the old and the new alike.
      const now = { low, base, high };
      const amounts = edited.flatMap((s) => [input[s], now[s]]).filter((value): value is number => value !== undefined);
      const shown = formatAmounts(amounts, input.format);
      const had = edited
        .map((s) => {
          const value = input[s];
          return `${s} ${value === undefined ? "none" : (shown[amounts.indexOf(value)] as string)}`;
        })
        .join(", ");
      const sentence = `Edited in the workbook on ${options.today}; the preset had ${had}.`;
      const rest = (input.note ?? "").replace(editedNotePattern, "");
      note = cutText(rest === "" ? sentence : `${sentence} ${rest}`, presetTextMaxLength);
    }
    return {
      key: input.key,
      label: input.label,
      unit: input.unit,
      format: input.format,
      base,
      ...(low === undefined ? {} : { low }),
      ...(high === undefined ? {} : { high }),
      source,
      ...(note === undefined ? {} : { note }),
      ...(input.derived === undefined ? {} : { derived: input.derived }),
      ...(reported === undefined ? {} : { reported }),
    };
  });
  if (issues.length > 0) return { ok: false, issues };

  const shownKeys = changedKeys.slice(0, 10).join(", ") + (changedKeys.length > 10 ? ` and ${changedKeys.length - 10} more` : "");
  const provenance = cutText(
    `Saved on ${options.today} from the sheet “${options.sheetName}”, loaded from the preset ${origin.id}` +
      (changedKeys.length === 0 ? "; no assumption changed." : `; assumptions changed: ${shownKeys}.`),
    presetTextMaxLength,
  );
  const preset: Preset = {
    version: 1,
    id: options.id,
    title: options.title,
    summary: origin.summary,
    asOf: changedKeys.length > 0 || newSources.length > 0 ? options.today : origin.asOf,
    sources: [...origin.sources, ...newSources, ...(typedReportedSource === undefined ? [] : [typedReportedSource])],
    inputs,
    outputs: origin.outputs,
    notes: [...(origin.notes ?? []), provenance],
    ...(origin.timeline === undefined ? {} : { timeline: origin.timeline }),
  };

  // The file form is what is stored and exported: it must read back.
  const parsed = parsePresetFile(presetToFileText(preset));
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.issues.map((issue): SheetIssue => {
        const where = whereOf.get(issue.path);
        if (where === undefined) return { message: issue.path === "title" ? issue.message.replace(/^title/, "name") : issue.message };
        return { address: where.address, message: `${where.address} (${where.what}): ${issue.message.slice(issue.path.length + 2)}` };
      }),
    };
  }
  return { ok: true, value: parsed.value, changedKeys };
}
