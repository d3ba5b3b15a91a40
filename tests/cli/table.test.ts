import { describe, expect, it } from "vitest";
import { renderTable, type TableCell } from "../../src/cli/table";

const left = (text: string): TableCell => ({ text, align: "left" });
const right = (text: string): TableCell => ({ text, align: "right" });

describe("renderTable", () => {
  it("aligns columns to the widest cell, numbers to the right", () => {
    const text = renderTable([
      [left("Item"), right("Base")],
      [left("Jobs cut"), right("23,000"), left("note")],
      [left("Cost"), right("$165,000"), left("n")],
    ]);
    expect(text).toBe(["Item          Base", "Jobs cut    23,000  note", "Cost      $165,000  n", ""].join("\n"));
  });

  it("lets the last cell of a row run on without widening its column", () => {
    const title = "A title far longer than any column in the table below it";
    const lines = renderTable([[left(title)], [], [left("a"), left("b")], [left("ccc"), left("d")]]).split("\n");
    expect(lines).toEqual([title, "", "a    b", "ccc  d", ""]);
  });

  it("turns runs of missing rows into one blank line and drops blank lines at the ends", () => {
    const rows: TableCell[][] = [];
    rows[2] = [left("x")];
    rows[7] = [left("y")];
    expect(renderTable(rows)).toBe("x\n\ny\n");
  });

  it("places a cell after a hole at its column's position", () => {
    const text = renderTable([
      [left("aa"), left("bb"), left("cc")],
      [left("1"), undefined, left("3")],
    ]);
    expect(text.split("\n")[1]).toBe("1       3");
  });

  it("cuts text longer than its column's limit short when another cell follows", () => {
    const long = "x".repeat(30);
    expect(renderTable([[left(long), left("next")]], { defaultMaxWidth: 10 })).toBe(`${"x".repeat(9)}…  next\n`);
    expect(renderTable([[left(long), left("next")]], { maxWidths: [5], defaultMaxWidth: 10 })).toBe("xxxx…  next\n");
    expect(renderTable([[left(long), left("next")]])).toBe(`${long}  next\n`);
  });

  it("never cuts a right-aligned cell (a number)", () => {
    const text = renderTable(
      [
        [left("a"), right("4,380,000,000,000"), left("unit")],
        [left("b"), right("1"), left("unit")],
      ],
      { maxWidths: [undefined, 5] },
    );
    expect(text).toBe(["a  4,380,000,000,000  unit", "b                  1  unit", ""].join("\n"));
  });

  it("lets a cell followed by empty cells use their width", () => {
    const text = renderTable([
      [left("Label"), right("1.0"), right("2.0"), right("3.0"), left("unit")],
      [left("Source"), left("A long source title"), undefined, undefined, left("Publisher")],
    ]);
    expect(text.split("\n")).toEqual([
      // Column B is 12 wide (the spanning title's minimum room), so its numbers sit right-aligned in 12.
      "Label            1.0  2.0  3.0  unit",
      "Source  A long source title     Publisher",
      "",
    ]);
  });

  it("renders nothing for no rows", () => {
    expect(renderTable([])).toBe("");
  });
});
