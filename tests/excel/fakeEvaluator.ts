/*
 * Formula results for the Excel stand-in, computed by HyperFormula with the
 * AICOST functions from what the stand-in's sheet holds, as Excel would
 * compute them. Tests only: HyperFormula never reaches the task pane bundle.
 */
import { DetailedCellError } from "hyperformula";
import { createAicostEngine } from "../../src/hyperformula/aicostPlugin";
import type { FakeEvaluator, FakeSheet, FakeValue } from "./fakeExcel";

type Raw = string | number | boolean | null;

function contentGrid(sheet: FakeSheet): Raw[][] {
  const grid: Raw[][] = [];
  for (const [k, cell] of sheet.cells) {
    const content = cell.content;
    if (content === null) continue;
    const [row, column] = k.split(",").map(Number) as [number, number];
    while (grid.length <= row) grid.push([]);
    const cells = grid[row] as Raw[];
    while (cells.length <= column) cells.push(null);
    switch (content.kind) {
      case "text":
        cells[column] = `'${content.text}`;
        break;
      case "number":
      case "boolean":
        cells[column] = content.value;
        break;
      case "date":
        cells[column] = `'${content.typed}`;
        break;
      case "error":
        cells[column] = `=${content.code}`;
        break;
      case "formula":
        cells[column] = content.formula;
        break;
    }
  }
  return grid;
}

/** An evaluator that rebuilds a HyperFormula workbook of the sheet whenever its contents changed. */
export function hyperFormulaEvaluator(): FakeEvaluator {
  let cached: { sheetId: string; signature: string; values: FakeValue[][] } | undefined;
  return (sheet, row, column) => {
    const grid = contentGrid(sheet);
    const signature = JSON.stringify(grid);
    if (cached === undefined || cached.sheetId !== sheet.id || cached.signature !== signature) {
      const engine = createAicostEngine({ Model: grid });
      try {
        const id = engine.getSheetId("Model") as number;
        const values = engine.getSheetValues(id).map((cells) =>
          cells.map((value): FakeValue => {
            if (value instanceof DetailedCellError) return { error: value.value };
            if (value === null || value === undefined) return null;
            return value as FakeValue;
          }),
        );
        cached = { sheetId: sheet.id, signature, values };
      } finally {
        engine.destroy();
      }
    }
    return cached.values[row]?.[column] ?? null;
  };
}
