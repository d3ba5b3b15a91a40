// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoadOutcome, WorkbookHost } from "../../src/workbook/host";
import { builtInPresets } from "../../src/presets";
import type { SheetPlan } from "../../src/presets/plan.types";
import { mountPane } from "../../src/taskpane/pane";

/** A stand-in host whose loads are settled by the test. */
class StandInHost implements WorkbookHost {
  readonly name = "Stand-in";
  readonly plans: SheetPlan[] = [];
  private pending: { resolve: (o: LoadOutcome) => void; reject: (e: unknown) => void } | undefined;

  constructor(private readonly problem: string | null = null) {}

  requirementProblem(): string | null {
    return this.problem;
  }

  loadPlan(plan: SheetPlan): Promise<LoadOutcome> {
    this.plans.push(plan);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }

  succeed(sheetName: string): void {
    this.pending?.resolve({ sheetName });
  }

  fail(error: unknown): void {
    this.pending?.reject(error);
  }
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  root.innerHTML = "<p>placeholder</p>";
  document.body.append(root);
});

afterEach(() => {
  root.remove();
});

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const buttons = (): HTMLButtonElement[] => [...root.querySelectorAll<HTMLButtonElement>("fluent-button[data-preset-id]")];
const status = (): HTMLElement => root.querySelector('[role="status"]') as HTMLElement;
const button = (id: string): HTMLButtonElement => root.querySelector(`fluent-button[data-preset-id="${id}"]`) as HTMLButtonElement;

describe("mountPane", () => {
  it("replaces the placeholder and lists every built-in preset with its title, summary, as-of date and source count", () => {
    mountPane(root, new StandInHost());
    expect(root.textContent).not.toContain("placeholder");
    expect(buttons().map((b) => b.dataset.presetId)).toEqual(builtInPresets.map((p) => p.id));
    for (const preset of builtInPresets) {
      const card = button(preset.id).closest("li") as HTMLElement;
      expect(card.textContent).toContain(preset.title);
      expect(card.textContent).toContain(preset.summary);
      expect(card.textContent).toContain(preset.asOf);
      const sources = preset.sources.length;
      expect(card.textContent).toContain(`${sources} ${sources === 1 ? "source" : "sources"}`);
    }
  });

  it("uses real buttons, enabled, described by the preset's title, and a polite live status region", () => {
    mountPane(root, new StandInHost());
    for (const b of buttons()) {
      expect(b.type).toBe("button");
      expect(b.disabled).toBe(false);
      const describedBy = b.getAttribute("aria-describedby") ?? "";
      const preset = builtInPresets.find((p) => p.id === b.dataset.presetId);
      expect(document.getElementById(describedBy)?.textContent).toBe(preset?.title);
    }
    expect(status().getAttribute("aria-live")).toBe("polite");
  });

  it("plans the clicked preset, disables every button while loading, then names the sheet", async () => {
    const host = new StandInHost();
    mountPane(root, host);
    const preset = builtInPresets[0];
    if (!preset) throw new Error("no presets");
    button(preset.id).click();
    expect(host.plans).toHaveLength(1);
    expect(host.plans[0]?.presetId).toBe(preset.id);
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect(status().textContent).toContain(preset.title);
    expect(status().dataset.kind).toBe("progress");

    button(preset.id).click(); // ignored while loading
    expect(host.plans).toHaveLength(1);

    host.succeed("Meta 2026 (2)");
    await flush();
    expect(status().textContent).toBe("Loaded into sheet 'Meta 2026 (2)'");
    expect(status().dataset.kind).toBe("success");
    expect(buttons().every((b) => !b.disabled)).toBe(true);
  });

  it("shows the load error and lets the user try again", async () => {
    const host = new StandInHost();
    mountPane(root, host);
    const last = builtInPresets[builtInPresets.length - 1];
    if (!last) throw new Error("no presets");
    button(last.id).click();
    host.fail(new Error('Loading "X" into Excel failed: The workbook is protected. The workbook is unchanged.'));
    await flush();
    expect(status().textContent).toBe('Loading "X" into Excel failed: The workbook is protected. The workbook is unchanged.');
    expect(status().dataset.kind).toBe("error");
    expect(buttons().every((b) => !b.disabled)).toBe(true);
    button(last.id).click();
    expect(host.plans).toHaveLength(2);
  });

  it("shows a message even when a host rejects with something that is not an Error", async () => {
    const host = new StandInHost();
    mountPane(root, host);
    buttons()[0]?.click();
    host.fail(undefined);
    await flush();
    expect(status().textContent?.length).toBeGreaterThan(0);
    expect(status().dataset.kind).toBe("error");
  });

  it("shows the requirement message and disables loading instead of failing silently", () => {
    const message = "Loading a model needs Excel API requirement set ExcelApi 1.7.";
    const host = new StandInHost(message);
    mountPane(root, host);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(message);
    expect(buttons().length).toBe(builtInPresets.length);
    expect(buttons().every((b) => b.disabled)).toBe(true);
    buttons()[0]?.click();
    expect(host.plans).toHaveLength(0);
  });

  it("puts preset text and host messages into the page as text, never as markup", async () => {
    const host = new StandInHost();
    mountPane(root, host);
    buttons()[0]?.click();
    host.fail(new Error("<img src=x onerror=alert(1)><b>bold</b>"));
    await flush();
    expect(status().textContent).toBe("<img src=x onerror=alert(1)><b>bold</b>");
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
  });
});

describe("the task pane source", () => {
  it("never writes HTML from strings", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(__dirname, "../../src/taskpane");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/);
    }
  });

  it("asks through the pane, never through the browser's dialogs, and evaluates no strings as code", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(__dirname, "../../src/taskpane");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, file).not.toMatch(/\b(?:window\.)?(?:prompt|confirm|alert)\s*\(/);
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|setAttribute\(\s*["']on/);
    }
  });
});
