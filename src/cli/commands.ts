/**
 * The command line's work: each command takes parsed arguments and returns its
 * output or a one-line problem. Nothing here reads process.argv, writes to a
 * stream or sets an exit status (that is `cli.ts`).
 */
import { resolve } from "node:path";
import { evaluatePlan, type EvaluatedSheet, type EvaluatedValue } from "../hyperformula/evaluatePlan";
import { builtInPresets, cellAddress, findPreset, parseCellAddress, planSheet, presetToFileText } from "../presets";
import type { SheetPlan } from "../presets/plan.types";
import type { Preset } from "../presets/types";
import type { CliFs, CliIo } from "./io";
import { cliMessages } from "./messages";
import { columnWidthInCharacters } from "./columnWidth";
import { freezePlan } from "./frozenPlan";
import { readPresetFile, standardInput } from "./presetFile";
import { outputTarget, reasonOf, writeWhole } from "./replaceFile";
import { simulateCommand, tornadoCommand } from "./simulation";
import { renderTable, type TableCell } from "./table";
import type { SimulationSettings } from "../simulation";
import { xlsxBytes, xlsxSheetName, type ValueAt } from "./xlsxWorkbook";

/** Which preset a command works on: a built-in by id, or a preset file ("-" for standard input). */
export type PresetRef = { readonly id: string } | { readonly file: string };

export type CliCommand =
  | { readonly kind: "list" }
  | { readonly kind: "preset"; readonly id: string }
  | { readonly kind: "show"; readonly preset: PresetRef; readonly json: boolean }
  | { readonly kind: "export"; readonly preset: PresetRef; readonly out: string; readonly values: boolean }
  | { readonly kind: "tornado"; readonly preset: PresetRef; readonly output: string | undefined; readonly json: boolean }
  | { readonly kind: "simulate"; readonly preset: PresetRef; readonly settings: SimulationSettings; readonly json: boolean };

/** What a command did: its whole stdout, or the one-line problem that stopped it. */
export type CommandOutcome = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly message: string };

/** A value in `show --json`: an error value as its code, e.g. "#NUM!". */
export type JsonCellValue = number | string | boolean | null;

export interface JsonCell {
  readonly address: string;
  readonly value: JsonCellValue;
  /** Present only on formula cells, with its leading "=". */
  readonly formula?: string;
}

export interface JsonSheet {
  readonly id: string;
  readonly title: string;
  readonly sheet: string;
  readonly cells: readonly JsonCell[];
}

function succeed(stdout: string): CommandOutcome {
  return { ok: true, stdout };
}

function fail(message: string): CommandOutcome {
  return { ok: false, message };
}

function unknownPreset(id: string): CommandOutcome {
  const knownIds = builtInPresets.map((preset) => preset.id);
  return fail(cliMessages.unknownPreset(id, knownIds));
}

/** `list`: one preset a line, id, title and as-of date in aligned columns. */
export function listPresets(): CommandOutcome {
  const rows = builtInPresets.map((preset) => [preset.id, preset.title, preset.asOf]);
  return succeed(renderTable(rows.map((row) => row.map((text) => ({ text, align: "left" as const })))));
}

/** The evaluated sheet of a preset: its plan and every cell's computed value. */
function evaluatePreset(preset: Preset): { plan: SheetPlan; sheet: EvaluatedSheet } {
  const plan = planSheet(preset);
  return { plan, sheet: evaluatePlan(plan) };
}

function jsonValue(value: EvaluatedValue): JsonCellValue {
  return value !== null && typeof value === "object" ? value.error : value;
}

/**
 * The JSON form of an evaluated preset sheet: every non-empty cell of the used
 * range in row-major order, planned cells with their formula, and any cell a
 * formula spilled into with its value alone.
 */
export function sheetAsJson(preset: Preset): JsonSheet {
  const { plan, sheet } = evaluatePreset(preset);
  const planned = new Map(sheet.cells.map((evaluated) => [evaluated.cell.address, evaluated]));
  const end = parseCellAddress(plan.usedRange.split(":").pop() ?? "") ?? { row: -1, column: -1 };
  const rows = Math.max(end.row, ...plan.cells.map((c) => c.row)) + 1;
  const columns = Math.max(end.column, ...plan.cells.map((c) => c.column)) + 1;
  const cells: JsonCell[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const address = cellAddress(row, column);
      const evaluated = planned.get(address);
      if (evaluated === undefined) {
        const spilled = sheet.valueAt(address);
        if (spilled !== null) cells.push({ address, value: jsonValue(spilled) });
        continue;
      }
      const { cell, value } = evaluated;
      cells.push(
        cell.content.kind === "formula"
          ? { address, value: jsonValue(value), formula: cell.content.formula }
          : { address, value: jsonValue(value) },
      );
    }
  }
  return { id: preset.id, title: preset.title, sheet: plan.sheetName, cells };
}

/** Columns with no width in the plan grow to this many characters at most in `show`. */
const defaultTableColumnWidth = 40;

/**
 * The evaluated sheet as text: each row of the sheet, values formatted as the
 * sheet formats them, an error as its code. Numbers are right-aligned, and so is
 * a header above them; columns are at most as wide as on the sheet.
 */
export function sheetAsTable(preset: Preset): string {
  const { plan, sheet } = evaluatePreset(preset);
  const rows: (TableCell | undefined)[][] = [];
  const headers: { row: number; column: number; text: string }[] = [];
  for (const { cell, value, display } of sheet.cells) {
    const text = display.replace(/\s*\n\s*/g, " ");
    if (text === "" && cell.content.kind === "formula") continue; // shows nothing (a check with no warning): blank, as in the sheet
    if (cell.role === "header") headers.push({ row: cell.row, column: cell.column, text });
    else (rows[cell.row] ??= [])[cell.column] = { text, align: value !== null && typeof value !== "string" ? "right" : "left" };
  }
  for (const { row, column, text } of headers) {
    let below: TableCell | undefined;
    for (let r = row + 1; r < rows.length && below === undefined; r++) below = rows[r]?.[column];
    (rows[row] ??= [])[column] = { text, align: below?.align ?? "left" };
  }
  const maxWidths: number[] = [];
  for (const { column, widthPoints } of plan.columnWidths) maxWidths[column] = Math.floor(columnWidthInCharacters(widthPoints));
  return renderTable(rows, { maxWidths, defaultMaxWidth: defaultTableColumnWidth });
}

/** One JSON object, with one line per cell so the output reads and greps well. */
export function jsonText(sheet: JsonSheet): string {
  const head = [
    `"id": ${JSON.stringify(sheet.id)}`,
    `"title": ${JSON.stringify(sheet.title)}`,
    `"sheet": ${JSON.stringify(sheet.sheet)}`,
  ];
  const cells = sheet.cells.map((cell) => `    ${JSON.stringify(cell)}`).join(",\n");
  return `{\n  ${head.join(",\n  ")},\n  "cells": [\n${cells}\n  ]\n}\n`;
}

/** The preset a command names: a built-in, or the preset read from a file; else the one-line reason. */
export async function resolvePreset(ref: PresetRef, io: CliIo): Promise<{ ok: true; preset: Preset } | { ok: false; outcome: CommandOutcome }> {
  if ("file" in ref) {
    const read = await readPresetFile(ref.file, io);
    return read.ok ? { ok: true, preset: read.preset } : { ok: false, outcome: fail(read.message) };
  }
  const preset = findPreset(ref.id);
  return preset === undefined ? { ok: false, outcome: unknownPreset(ref.id) } : { ok: true, preset };
}

/** `preset <id>`: the built-in preset as the text of a preset file, a starting point for one's own. */
export function printPreset(id: string): CommandOutcome {
  const preset = findPreset(id);
  if (preset === undefined) return unknownPreset(id);
  return succeed(presetToFileText(preset));
}

/** `show <id>`, `show --file <preset.json>`, each with or without `--json`. */
export async function showPreset(ref: PresetRef, json: boolean, io: CliIo): Promise<CommandOutcome> {
  const resolved = await resolvePreset(ref, io);
  if (!resolved.ok) return resolved.outcome;
  return succeed(json ? jsonText(sheetAsJson(resolved.preset)) : sheetAsTable(resolved.preset));
}

/** The workbook's plan and the value of each formula to cache, live (formulas) or frozen (`--values`). */
function workbookContent(
  preset: Preset,
  values: boolean,
  now: Date,
): { ok: true; plan: SheetPlan; valueAt: ValueAt; note: string } | { ok: false; message: string } {
  const { plan, sheet } = evaluatePreset(preset);
  if (!values) return { ok: true, plan, valueAt: (address) => sheet.valueAt(address), note: "no chart" };
  const frozen = freezePlan(sheet, { presetId: preset.id, presetTitle: preset.title, frozenAt: now });
  if (!frozen.ok) return { ok: false, message: cliMessages.freezeFailed(preset.id, frozen.message) };
  const count = frozen.value.frozen.length;
  return {
    ok: true,
    plan: frozen.value.plan,
    valueAt: frozen.value.valueAt,
    note: `${count} AICOST formula${count === 1 ? "" : "s"} replaced by ${count === 1 ? "its value" : "their values"}, no chart`,
  };
}

/** Whether `file` (a preset file the user named) and `target` are the same file, by any name or link. */
async function isSameFile(fs: CliFs, file: string, target: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([fs.stat(file), fs.stat(target)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // the target does not exist yet
  }
}

/**
 * `export <id> --out <file.xlsx>` and `export --file <preset.json> --out <file.xlsx>`, each with or without
 * `--values`. An existing file is replaced whole, keeping its permissions; through a link, the link's target.
 */
export async function exportPreset(ref: PresetRef, out: string, values: boolean, io: CliIo): Promise<CommandOutcome> {
  const resolved = await resolvePreset(ref, io);
  if (!resolved.ok) return resolved.outcome;
  const { preset } = resolved;
  const path = resolve(io.cwd, out);
  if (!/\.xlsx$/i.test(path)) return fail(cliMessages.notXlsx(out));
  const target = await outputTarget(io.fs, path);
  if (!target.ok) return fail(target.message);
  if ("file" in ref && ref.file !== standardInput && (await isSameFile(io.fs, resolve(io.cwd, ref.file), target.value.path))) {
    return fail(cliMessages.outIsPresetFile(path));
  }

  let bytes: Uint8Array;
  let plan: SheetPlan;
  let note: string;
  try {
    const content = workbookContent(preset, values, io.now());
    if (!content.ok) return fail(content.message);
    ({ plan, note } = content);
    bytes = await xlsxBytes(plan, content.valueAt);
  } catch (error) {
    return fail(cliMessages.buildFailed(preset.id, reasonOf(error)));
  }
  const written = await writeWhole(io.fs, target.value, bytes, path);
  if (!written.ok) return fail(written.message);
  const where = target.value.path === path ? path : `${path} (the file it links to, ${target.value.path})`;
  return succeed(`wrote ${where} (sheet "${xlsxSheetName(plan)}", ${plan.cells.length} cells, ${note})\n`);
}

export async function runCommand(command: CliCommand, io: CliIo): Promise<CommandOutcome> {
  switch (command.kind) {
    case "list":
      return listPresets();
    case "preset":
      return printPreset(command.id);
    case "show":
      return showPreset(command.preset, command.json, io);
    case "export":
      return exportPreset(command.preset, command.out, command.values, io);
    case "tornado":
      return tornadoCommand(command.preset, command.output, command.json, io);
    case "simulate":
      return simulateCommand(command.preset, command.settings, command.json, io);
  }
}
