/**
 * The command line's outer layer: reads the arguments into a command, hands it
 * to `commands.ts`, and turns the outcome into streams and an exit status.
 * Nothing here evaluates, formats or writes a workbook.
 */
import { runCommand, type CliCommand, type CommandOutcome, type PresetRef } from "./commands";
import type { CliIo } from "./io";
import { runPrices } from "./prices";
import { cliMessages, commandNames, type CommandName } from "./messages";
import { printable } from "./printable";
import { usageText } from "./usage";
import type { SimulationSettings } from "../simulation";

export type ParseOutcome =
  | { readonly ok: true; readonly command: CliCommand | { readonly kind: "help" } }
  | { readonly ok: false; readonly reason: "noCommand" }
  | { readonly ok: false; readonly reason: "invalid"; readonly message: string };

/** The options each command accepts, with the value each one takes (null for a flag). */
const optionsOf: Readonly<Record<CommandName, Readonly<Record<string, string | null>>>> = {
  list: {},
  preset: {},
  show: { "--file": "<preset.json>", "--json": null },
  export: { "--file": "<preset.json>", "--out": "<file.xlsx>", "--values": null },
  tornado: { "--file": "<preset.json>", "--output": "<key>", "--json": null },
  simulate: { "--file": "<preset.json>", "--trials": "<N>", "--seed": "<S>", "--distribution": "<triangular|pert>", "--json": null },
};

/** Trials and seed when not given: enough trials for stable percentiles, and a fixed seed so a rerun gives the same figures. */
export const defaultSimulation: SimulationSettings = { trials: 10_000, seed: 1, distribution: "triangular" };

/** A whole-number option's value; commas between digit groups are allowed (100,000). */
function wholeNumberOption(option: string, placeholder: string, value: string | true | undefined, fallback: number): number | { message: string } {
  if (typeof value !== "string") return fallback;
  const digits = value.replace(/,(?=\d{3}(?:,|$))/g, "");
  if (!/^\d{1,16}$/.test(digits)) return { message: cliMessages.notWholeNumber(option, placeholder, value) };
  return Number(digits);
}

/** Short spellings of options. */
const aliases: Readonly<Record<string, string>> = { "-o": "--out", "-f": "--file", "-h": "--help" };

const helpFlags = new Set(["--help", "-h"]);

function isCommandName(name: string): name is CommandName {
  return (commandNames as readonly string[]).includes(name);
}

function invalid(message: string): ParseOutcome {
  return { ok: false, reason: "invalid", message };
}

/**
 * Parses `argv` (without the node and script paths). `--help` anywhere before a
 * `--` wins over everything else. Options may come before or after the preset
 * id; `--out=file` and `--out file` are the same; after `--` every word is an
 * argument. `show` and `export` take a preset id or `--file <preset.json>`
 * (`--file -` reads standard input), never both.
 */
export function parseCommandLine(argv: readonly string[]): ParseOutcome {
  const endOfOptions = argv.indexOf("--");
  const optionPart = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (optionPart.some((word) => helpFlags.has(word))) return { ok: true, command: { kind: "help" } };

  const [name, ...rest] = argv;
  if (name === undefined) return { ok: false, reason: "noCommand" };
  if (!isCommandName(name)) {
    return invalid(name.startsWith("-") ? cliMessages.optionBeforeCommand(name) : cliMessages.unknownCommand(name));
  }

  const accepted = optionsOf[name];
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    if (word === "--") {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      positionals.push(word);
      continue;
    }
    const equals = word.indexOf("=");
    const spelled = equals === -1 ? word : word.slice(0, equals);
    const option = aliases[spelled] ?? spelled;
    if (!(option in accepted)) return invalid(cliMessages.unknownOption(spelled, name, Object.keys(accepted)));
    if (values.has(option)) return invalid(cliMessages.optionRepeated(option));
    const placeholder = accepted[option] ?? null;
    if (placeholder === null) {
      if (equals !== -1) return invalid(cliMessages.optionTakesNoValue(option));
      values.set(option, true);
      continue;
    }
    const value = equals !== -1 ? word.slice(equals + 1) : rest[++i];
    if (value === undefined || value === "" || (equals === -1 && value.startsWith("-") && value !== "-")) {
      return invalid(cliMessages.optionNeedsValue(option, placeholder));
    }
    values.set(option, value);
  }

  if (name === "list") {
    const extra = positionals[0];
    return extra === undefined ? { ok: true, command: { kind: "list" } } : invalid(cliMessages.unexpectedArgument(extra, name));
  }
  const [id, extra] = positionals;
  if (extra !== undefined) return invalid(cliMessages.unexpectedArgument(extra, name));
  const file = values.get("--file");
  if (typeof file === "string" && id !== undefined) return invalid(cliMessages.idAndFile(name));
  if (typeof file !== "string" && (id === undefined || id === "")) return invalid(cliMessages.missingPresetId(name));
  if (name === "preset") return { ok: true, command: { kind: "preset", id: id ?? "" } };
  const preset: PresetRef = typeof file === "string" ? { file } : { id: id ?? "" };
  if (name === "show") return { ok: true, command: { kind: "show", preset, json: values.get("--json") === true } };
  const json = values.get("--json") === true;
  if (name === "tornado") {
    const output = values.get("--output");
    return { ok: true, command: { kind: "tornado", preset, output: typeof output === "string" ? output : undefined, json } };
  }
  if (name === "simulate") {
    const trials = wholeNumberOption("--trials", "<N>", values.get("--trials"), defaultSimulation.trials);
    if (typeof trials !== "number") return invalid(trials.message);
    const seed = wholeNumberOption("--seed", "<S>", values.get("--seed"), defaultSimulation.seed);
    if (typeof seed !== "number") return invalid(seed.message);
    const given = values.get("--distribution");
    const distribution = typeof given === "string" ? given : defaultSimulation.distribution;
    if (distribution !== "triangular" && distribution !== "pert") {
      return invalid(cliMessages.unknownDistribution(distribution));
    }
    return { ok: true, command: { kind: "simulate", preset, settings: { trials, seed, distribution }, json } };
  }
  const out = values.get("--out");
  if (typeof out !== "string") return invalid(cliMessages.missingOut());
  return { ok: true, command: { kind: "export", preset, out, values: values.get("--values") === true } };
}

/** A message as one line of stderr: line breaks as spaces, characters that steer a terminal as \\uXXXX. */
function oneLine(message: string): string {
  return `aicost: ${printable(message.replace(/\s*\n\s*/g, " "))}\n`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one command line and returns its exit status: 0 with the result on
 * stdout, or 1 with one line on stderr and nothing on stdout. Both streams get
 * their text through `printable`: nothing a user's file or argument holds can
 * steer the terminal. `--help` prints
 * the usage on stdout (0); no command prints it on stderr (1).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "prices" && !argv.some((word) => helpFlags.has(word))) {
    const prices = await runPrices(argv.slice(1), io);
    if (prices.ok) io.stdout(prices.stdout);
    else io.stderr(oneLine(prices.message));
    return prices.ok ? 0 : 1;
  }
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr(parsed.reason === "noCommand" ? usageText : oneLine(parsed.message));
    return 1;
  }
  if (parsed.command.kind === "help") {
    io.stdout(usageText);
    return 0;
  }
  let outcome: CommandOutcome;
  try {
    outcome = await runCommand(parsed.command, io);
  } catch (error) {
    outcome = { ok: false, message: cliMessages.internal(errorText(error)) };
  }
  if (!outcome.ok) {
    io.stderr(oneLine(outcome.message));
    return 1;
  }
  // A command's output may quote a preset file, a file name or an argument: escaped as stderr is.
  io.stdout(printable(outcome.stdout));
  return 0;
}
