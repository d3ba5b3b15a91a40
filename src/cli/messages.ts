/** Every message the command line prints for a problem, in one place. Each is one line. */

export const commandNames = ["list", "show", "export"] as const;
export type CommandName = (typeof commandNames)[number];

function quoted(text: string): string {
  return JSON.stringify(text);
}

function optionList(options: readonly string[]): string {
  return options.length === 0 ? "no options" : options.join(", ");
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
  missingPresetId: (command: CommandName) => `missing preset id: aicost ${command} <id> (aicost list shows the ids)`,
  missingOut: () => "missing --out: aicost export <id> --out <file.xlsx>",
  unexpectedArgument: (argument: string, command: CommandName) => `unexpected argument ${quoted(argument)} for ${command}`,
  unknownPreset: (id: string, knownIds: readonly string[]) =>
    `unknown preset ${quoted(id)}; the presets are ${knownIds.join(", ")}`,
  notXlsx: (path: string) => `--out must name a .xlsx file, not ${quoted(path)}`,
  folderMissing: (folder: string) => `cannot write there: the folder ${quoted(folder)} does not exist`,
  notAFolder: (folder: string) => `cannot write there: ${quoted(folder)} is not a folder`,
  folderNotWritable: (folder: string) => `cannot write there: the folder ${quoted(folder)} is not writable`,
  writeFailed: (path: string, reason: string) => `could not write ${quoted(path)}: ${reason}`,
  buildFailed: (id: string, reason: string) => `could not build the workbook for ${quoted(id)}: ${reason}`,
  internal: (reason: string) => `internal error: ${reason}`,
};
