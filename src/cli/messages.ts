/** Every message the command line prints for a problem, in one place. Each is one line. */
import { quotedPrintable } from "./printable";
import { fileTooLargeMessage } from "../presets/file";

export const commandNames = ["list", "preset", "show", "export", "tornado", "simulate"] as const;
export type CommandName = (typeof commandNames)[number];

/** A name or value from the user, quoted: the same escapes as on stdout (see printable.ts). */
function quoted(text: string): string {
  return quotedPrintable(text);
}

function optionList(options: readonly string[]): string {
  return options.length === 0 ? "no options" : options.join(", ");
}

const grouped = (n: number): string => n.toLocaleString("en-US");

/** How a command names its preset: `<id>` for `preset`, `<id>` or `--file <preset.json>` for the others. */
function presetUsage(command: CommandName): string {
  return command === "preset" ? "aicost preset <id>" : `aicost ${command} <id>, or aicost ${command} --file <preset.json>`;
}

export const cliMessages = {
  unknownCommand: (name: string) => `unknown command ${quoted(name)}; the commands are ${commandNames.join(", ")}`,
  unknownOption: (option: string, command: CommandName, options: readonly string[]) =>
    `unknown option ${quoted(option)} for ${command}; ${command} takes ${optionList(options)}`,
  optionBeforeCommand: (option: string) =>
    `unknown option ${quoted(option)}: give the command first (aicost <command> [options]; aicost --help lists them)`,
  optionTakesNoValue: (option: string) => `option ${option} takes no value`,
  optionNeedsValue: (option: string, placeholder: string) => `option ${option} needs a value: ${option} ${placeholder}`,
  optionRepeated: (option: string) => `option ${option} was given more than once`,
  missingPresetId: (command: CommandName) => `missing preset id: ${presetUsage(command)} (aicost list shows the ids)`,
  idAndFile: (command: CommandName) => `give a preset id or --file, not both: ${presetUsage(command)}`,
  missingOut: () => "missing --out: aicost export <id> --out <file.xlsx>",
  unexpectedArgument: (argument: string, command: CommandName) => `unexpected argument ${quoted(argument)} for ${command}`,
  unknownPreset: (id: string, knownIds: readonly string[]) =>
    `unknown preset ${quoted(id)}; the presets are ${knownIds.join(", ")}`,
  notXlsx: (path: string) => `--out must name a .xlsx file, not ${quoted(path)}`,
  folderMissing: (folder: string) => `cannot write there: the folder ${quoted(folder)} does not exist`,
  notAFolder: (folder: string) => `cannot write there: ${quoted(folder)} is not a folder`,
  folderNotWritable: (folder: string) => `cannot write there: the folder ${quoted(folder)} is not writable`,
  writeFailed: (path: string, reason: string) => `could not write ${quoted(path)}: ${reason}`,
  outIsFolder: (path: string) => `cannot write there: ${quoted(path)} is a folder; --out must name a .xlsx file`,
  notRegularFile: (path: string) => `cannot write there: ${quoted(path)} is not a regular file (a device, a pipe or a socket)`,
  danglingLink: (path: string) => `cannot write there: ${quoted(path)} is a link to a file that does not exist`,
  fileReadOnly: (path: string) => `cannot replace ${quoted(path)}: the file is read-only (make it writable, or choose another --out)`,
  outIsPresetFile: (path: string) => `--out is the preset file being read (${quoted(path)}); choose another name for the workbook`,
  buildFailed: (id: string, reason: string) => `could not build the workbook for ${quoted(id)}: ${reason}`,
  freezeFailed: (id: string, reason: string) => `could not freeze the values of ${quoted(id)}: ${reason}`,
  outputFailed: (reason: string) => `could not write the output: ${reason}`,
  internal: (reason: string) => `internal error: ${reason}`,
  unknownDistribution: (value: string) => `option --distribution takes triangular or pert, not ${quoted(value)}`,
  notWholeNumber: (option: string, placeholder: string, value: string) => `option ${option} takes a whole number (${option} ${placeholder}), not ${quoted(value)}`,

  /** A preset file that could not be read at all; `file` as the user gave it ("-" is standard input). */
  presetFileUnreadable: (file: string, reason: string) => `cannot read the preset file ${fileName(file)}: ${reason}`,
  /** A preset file that was read and refused; `problem` is parsePresetFile's message, where first (`inputs[3].base: ...`). */
  presetFileRefused: (file: string, problem: string, moreProblems: number) =>
    `${fileName(file)} is not a valid preset file: ${problem}` +
    (moreProblems > 0 ? ` (and ${grouped(moreProblems)} more problem${moreProblems === 1 ? "" : "s"})` : ""),
  fileNotFound: () => "it does not exist",
  fileIsFolder: () => "it is a folder, not a file",
  filePermissionDenied: () => "permission denied",
  /** As parsePresetFile words it when it is given the text, for a file refused by its size before it is read. */
  fileTooLarge: (bytes: number, maxBytes: number) => `preset: ${fileTooLargeMessage(bytes, maxBytes)}`,
  /** For a pipe, a device or a file that grew: it is read no further than the limit, so its whole size is never known. */
  overLimitWhileReading: (maxBytes: number) =>
    `preset: the file is over the limit of ${grouped(maxBytes)} bytes for a preset file (reading stopped there)`,
};

/** A file as messages name it: quoted, and standard input by that name. */
function fileName(file: string): string {
  return file === "-" ? "(standard input)" : quoted(file);
}
