/** The usage text `aicost --help` prints. */
import { presetFileMaxBytes } from "../presets/file";

export const usageText = `Usage: aicost <command> [options]

Commands:
  list                            the presets: id, title, as-of date
  preset <id>                     the preset as a preset file (JSON), a starting point
                                  for your own: aicost preset <id> > my.json
  show <id>                       the preset's model sheet, evaluated, as a table
  show <id> --json                the same sheet as one JSON object:
                                  { id, title, sheet, cells: [{ address, value, formula? }] }
  show --file <preset.json>       the same from a preset file of your own (with or
                                  without --json)
  export <id> --out <file.xlsx>   the sheet as an Excel workbook: formulas with their
                                  computed values cached, number formats, input cells in
                                  blue, frozen header, source links
  export --file <preset.json> --out <file.xlsx>
                                  the same from a preset file of your own
  export ... --values             the workbook with every AICOST formula replaced by its
                                  value and a line saying when and from which preset:
                                  it shows numbers in Excel without the add-in
  tornado <id> [--output KEY]     sensitivity: each input swung from its Low to its High
                                  value, every other input at Base, ranked by how far
                                  the output moves (default: the model's first NPV if it
                                  has a timeline, else the last charted output an
                                  input with a range moves)
  simulate <id>                   Monte Carlo: each input with a range drawn from Low to
                                  High (most likely Base); mean, standard deviation,
                                  percentiles and the probability above zero of every
                                  output. [--trials N] (100 to 1,000,000; 10,000)
                                  [--seed S] (0 to 4,294,967,295; 1)
                                  [--distribution triangular|pert] (triangular)
  tornado/simulate --file <preset.json>
                                  the same for a preset file of your own
  prices                          the genai-prices catalog's prices now, in USD per million
                                  tokens: provider, model, input, cached input, cache write,
                                  output, long-context tiers, the date a price started.
                                  [--search TEXT] [--provider ID] [--as-of DATE] [--json]
  prices update --file <data.json>
                                  check a genai-prices data file and, when it passes, price
                                  with it from then on (the add-in in Excel keeps its own)

Options:
  --file, -f <file>  (show, export, tornado, simulate) read the preset from this preset file instead of
                     naming a preset id; - reads it from standard input. The file is
                     checked first: it must be UTF-8 JSON of at most ${presetFileMaxBytes / 1024} KB that
                     passes every check (aicost preset <id> writes a valid one)
  --json             (show, tornado, simulate, prices) print JSON instead of a table
  --out, -o <file>   (export) the .xlsx file to write, relative to the folder you
                     run aicost in; the folder must exist. An existing file is
                     replaced (whole, keeping its permissions; through a link,
                     the file it points to); a read-only file is refused
  --values           (export) write values instead of AICOST formulas
  --help, -h         print this text

The exported workbook has no chart: exceljs, the library that writes it, cannot
write charts (loading the preset from the AICOST task pane in Excel adds one).
Without --values its formulas call the AICOST functions and carry their computed
values, which Excel shows on opening; recalculating them needs the AICOST add-in.

Exit status: 0 on success, 1 on any error (the error is one line on stderr, and
nothing is written: no output, no file).
`;
