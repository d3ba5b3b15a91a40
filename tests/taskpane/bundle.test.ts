/*
 * The task pane's bundle as a production build ships it: small, and free of
 * HyperFormula (GPL-3.0, bundled into the browser preview only).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const budgetBytes = 150 * 1024;

describe("dist/taskpane.js", () => {
  const source = (): string => readFileSync(join(inject("distDir"), "taskpane.js"), "utf8");

  it(`stays under ${budgetBytes / 1024} KB minified`, () => {
    expect(Buffer.byteLength(source(), "utf8")).toBeLessThan(budgetBytes);
  });

  it("does not carry HyperFormula", () => {
    expect(source()).not.toMatch(/hyperformula/i);
  });

  it("is loaded by taskpane.html after office.js", () => {
    const html = readFileSync(join(inject("distDir"), "taskpane.html"), "utf8");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const pane = html.indexOf("taskpane.js");
    expect(office).toBeGreaterThan(-1);
    expect(pane).toBeGreaterThan(office);
  });
});
