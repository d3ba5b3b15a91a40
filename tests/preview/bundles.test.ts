/*
 * HyperFormula is GPL-3.0: the production build must carry it only in the
 * preview host's files (hyperformula.js and preview.js, loaded by preview.html),
 * never in functions.js or taskpane.js, which Excel loads. The preview page
 * loads nothing from outside its own server.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";

/**
 * Names HyperFormula's code keeps through minification (option and event names,
 * its licence key). "gpl-v3" and "evaluateNullToZero" also mark the AICOST plugin's
 * engine set-up.
 */
const hyperFormulaMarkers = ["buildFromSheets", "evaluateNullToZero", "smartRounding", "valuesUpdated", "licenseKey", "gpl-v3"];

let dist: string;
const read = (file: string): string => readFileSync(join(dist, file), "utf8");

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => /\bsrc=["']?([^"' >]+)/.exec(tag[0])?.[1] ?? "inline");
}

beforeAll(() => {
  dist = inject("distDir");
});

describe("HyperFormula stays in the preview's files", () => {
  it("is in the preview's files (so the markers below would find it)", () => {
    const preview = read("hyperformula.js") + read("preview.js");
    for (const marker of hyperFormulaMarkers) expect(preview, marker).toContain(marker);
  });

  for (const file of ["functions.js", "taskpane.js"]) {
    it(`is not in ${file}`, () => {
      const code = read(file);
      for (const marker of hyperFormulaMarkers) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
    });
  }

  it("is loaded by preview.html only", () => {
    expect(scriptSources(read("preview.html"))).toEqual(["hyperformula.js", "preview.js"]);
    const taskpane = scriptSources(read("taskpane.html"));
    expect(taskpane).not.toContain("hyperformula.js");
    expect(taskpane).not.toContain("preview.js");
  });
});

describe("preview.html", () => {
  it("loads only its own files, and no inline script, under a CSP without eval", () => {
    const html = read("preview.html");
    const sources = scriptSources(html);
    expect(sources.every((src) => src !== "inline" && !/^(https?:)?\/\//.test(src))).toBe(true);
    expect(html).not.toMatch(/office\.js|appsforoffice/i);
    const links = [...html.matchAll(/<link\b[^>]*href=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");
    expect(links.every((href) => !/^(https?:)?\/\//.test(href))).toBe(true);
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    // The one other origin: connect-src's, where genai-prices publishes its price data (Check for newer prices).
    expect(csp.replace("connect-src 'self' https://raw.githubusercontent.com;", "")).not.toMatch(/https?:/);
  });
});
