/*
 * HyperFormula is GPL-3.0: the production build must carry it only in the
 * preview host's files (preview.js, loaded by preview.html, and the chunks it
 * loads with the preview's workbook: previewWorkbook.js and hyperformula.js),
 * never in functions.js, taskpane.js or any chunk they load, which Excel loads.
 * The preview page loads nothing from outside its own server.
 */
import { readdirSync, readFileSync } from "node:fs";
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

/** The preview's own files: its entry, and the chunks it loads with the workbook (src/preview/openWorkbook.ts). */
const previewFiles = ["preview.js", "previewWorkbook.js", "hyperformula.js"];

describe("HyperFormula stays in the preview's files", () => {
  it("is in the preview's files (so the markers below would find it)", () => {
    const preview = previewFiles.map(read).join("\n");
    for (const marker of hyperFormulaMarkers) expect(preview, marker).toContain(marker);
  });

  it("is in no other file of the build: not in functions.js, taskpane.js, nor any chunk they load", () => {
    const others = readdirSync(dist).filter((file) => file.endsWith(".js") && !previewFiles.includes(file));
    expect(others).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const file of others) {
      const code = read(file);
      for (const marker of hyperFormulaMarkers) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
    }
  });

  it("is loaded by the preview only: preview.html loads preview.js, whose script alone knows the workbook's chunks", () => {
    expect(scriptSources(read("preview.html"))).toEqual(["preview.js"]);
    // webpack's runtime names the chunks it can load ({563:"hyperformula",...}); Excel's files name neither.
    expect(read("preview.js")).toContain('"hyperformula"');
    expect(read("preview.js")).toContain('"previewWorkbook"');
    for (const file of ["functions.js", "taskpane.js"]) {
      expect(read(file).includes('"hyperformula"'), file).toBe(false);
      expect(read(file).includes('"previewWorkbook"'), file).toBe(false);
    }
    const taskpane = scriptSources(read("taskpane.html"));
    expect(taskpane).not.toContain("hyperformula.js");
    expect(taskpane).not.toContain("preview.js");
  });

  it("keeps HyperFormula and the price catalog out of preview.js, so the pane mounts before they load", () => {
    const entry = read("preview.js");
    for (const marker of hyperFormulaMarkers) expect(entry.includes(marker), `preview.js contains ${marker}`).toBe(false);
    // genai-prices' catalog: its providers' and models' matching rules (so the markers would find it where it is).
    const catalogMarkers = ["provider_match", "model_match"];
    const catalog = readdirSync(dist).filter((file) => file.endsWith(".js") && catalogMarkers.every((marker) => read(file).includes(marker)));
    expect(catalog.length, "the catalog is in some file").toBeGreaterThan(0);
    for (const marker of catalogMarkers) expect(entry.includes(marker), `preview.js contains ${marker}`).toBe(false);
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
