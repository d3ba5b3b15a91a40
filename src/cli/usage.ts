/** The usage text `aicost --help` prints. */
export const usageText = `Usage: aicost <command> [options]

Commands:
  list                            the presets: id, title, as-of date
  show <id>                       the preset's model sheet, evaluated, as a table
  show <id> --json                the same sheet as one JSON object:
                                  { id, title, sheet, cells: [{ address, value, formula? }] }
  export <id> --out <file.xlsx>   the sheet as an Excel workbook: formulas with their
                                  computed values cached, number formats, input cells in
                                  blue, frozen header, source links

Options:
  --json            (show) print JSON instead of a table
  --out, -o <file>  (export) the .xlsx file to write, relative to the folder you
                    run aicost in; the folder must exist
  --help, -h        print this text

The exported workbook has no chart: exceljs, the library that writes it, cannot
write charts (loading the preset from the AICOST task pane in Excel adds one).
Its formulas call the AICOST functions and carry their computed values, which
Excel shows on opening; recalculating them needs the AICOST add-in.

Exit status: 0 on success, 1 on any error (the error is one line on stderr).
`;
