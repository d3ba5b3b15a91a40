/*
 * The task pane's bundle as a production build ships it: small, free of
 * HyperFormula (GPL-3.0, bundled into the browser preview only), and under a
 * Content-Security-Policy that allows no inline script and no eval.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";

/** The pane's budget (Fluent UI's web components included): what Excel downloads, gzipped. */
const budgetBytes = 100 * 1024;
const officeJsHosts = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];

const distFile = (name: string): string => readFileSync(join(inject("distDir"), name), "utf8");

/** The policy in a page's <meta http-equiv="Content-Security-Policy">, as directive -> sources. */
function metaPolicy(html: string): Map<string, string[]> | undefined {
  const tag = /<meta\b[^>]*\bhttp-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  if (tag === undefined) return undefined;
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  const policy = new Map<string, string[]>();
  for (const directive of (content?.[1] ?? content?.[2] ?? "").split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

describe("dist/taskpane.js", () => {
  const source = (): string => distFile("taskpane.js");

  it(`stays under ${budgetBytes / 1024} KB gzipped`, () => {
    expect(gzipSync(Buffer.from(source(), "utf8"), { level: 9 }).length).toBeLessThan(budgetBytes);
  });

  it("does not carry HyperFormula", () => {
    expect(source()).not.toMatch(/hyperformula/i);
  });

  it("is loaded by taskpane.html after office.js", () => {
    const html = distFile("taskpane.html");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const pane = html.indexOf("taskpane.js");
    expect(office).toBeGreaterThan(-1);
    expect(pane).toBeGreaterThan(office);
  });
});

describe("the task pane's Content-Security-Policy", () => {
  it("is in dist/taskpane.html: scripts only from the add-in and the office.js CDN, no inline script, no eval", () => {
    const policy = metaPolicy(distFile("taskpane.html"));
    expect(policy, "no CSP meta tag").toBeDefined();
    const scripts = policy?.get("script-src") ?? [];
    expect([...scripts].sort()).toEqual(["'self'", ...officeJsHosts].sort());
    expect(policy?.get("default-src")).toEqual(["'self'"]);
    expect(policy?.get("object-src")).toEqual(["'none'"]);
    expect(policy?.get("base-uri")).toEqual(["'self'"]);
    // Inline style is allowed (office.js sets some itself in Excel on the web); inline script never.
    expect(policy?.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [name, sources] of policy ?? []) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("*");
      if (name !== "style-src") expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it("is met by the page: every script has a src on this site or the office.js CDN, and no element has an inline handler", () => {
    const html = distFile("taskpane.html");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of scripts) {
      const src = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes ?? "");
      const url = src?.[1] ?? src?.[2] ?? src?.[3];
      expect(url, `inline script: ${body?.slice(0, 40)}`).toBeDefined();
      expect(body?.trim()).toBe("");
      const allowed = !/^[a-z]+:/i.test(url ?? "") || officeJsHosts.some((host) => url?.startsWith(`${host}/`));
      expect(allowed, url).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("needs no eval: neither taskpane.js nor functions.js evaluates strings as code", () => {
    for (const file of ["taskpane.js", "functions.js"]) {
      const code = distFile(file);
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bnew\s+Function\b/);
      expect(code, file).not.toMatch(/\bFunction\s*\(\s*["'`]/);
      expect(code, file).not.toMatch(/\bset(?:Timeout|Interval)\s*\(\s*["'`]/);
    }
  });
});
