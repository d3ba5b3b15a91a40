// @vitest-environment happy-dom
/* The pane's status line and the choice of Fluent theme. */
import { describe, expect, it } from "vitest";
import { createStatus, shownIssues } from "../../src/taskpane/status";
import { luminanceOf, themeOfOffice, themeOfQuery } from "../../src/taskpane/theme";

describe("the status line", () => {
  it("is one polite live region that stays in the page when empty, with a spinner only while in progress", () => {
    const status = createStatus("t");
    const [box, issues] = status.elements as [HTMLElement, HTMLElement];
    const line = box.querySelector('[role="status"]') as HTMLElement;
    const spinner = box.querySelector("fluent-spinner") as HTMLElement;
    expect(line.getAttribute("aria-live")).toBe("polite");
    expect(line.textContent).toBe("");
    expect(box.hidden).toBe(false);
    expect(spinner.getAttribute("aria-hidden")).toBe("true");
    status.set("progress", "Loading…");
    expect(spinner.hidden).toBe(false);
    expect(box.dataset.kind).toBe("progress");
    status.set("success", "Done.");
    expect(spinner.hidden).toBe(true);
    expect(line.textContent).toBe("Done.");
    expect(issues.hidden).toBe(true);
  });

  it(`lists at most ${shownIssues} problems and says how many more`, () => {
    const status = createStatus("t");
    const issues = status.elements[1] as HTMLElement;
    status.set("error", "Not imported", Array.from({ length: shownIssues + 3 }, (_, i) => `problem ${i}`));
    expect(issues.hidden).toBe(false);
    expect(issues.children).toHaveLength(shownIssues + 1);
    expect(issues.lastElementChild?.textContent).toBe("and 3 more");
  });
});

describe("the theme", () => {
  it("reads Excel's theme from its body background", () => {
    expect(themeOfOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeOfOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light"); // Office's light grey
    expect(themeOfOffice({ bodyBackgroundColor: "#262626" })).toBe("dark"); // Office's dark grey
    expect(themeOfOffice({ bodyBackgroundColor: "#000" })).toBe("dark"); // Office's black
    expect(themeOfOffice({ bodyBackgroundColor: "not a colour" })).toBeUndefined();
    expect(themeOfOffice(undefined)).toBeUndefined();
    expect(themeOfOffice({})).toBeUndefined();
  });

  it("computes WCAG relative luminance", () => {
    expect(luminanceOf("#ffffff")).toBeCloseTo(1, 10);
    expect(luminanceOf("#000000")).toBe(0);
    expect(luminanceOf("#808080")).toBeCloseTo(0.2158605, 6);
    expect(luminanceOf("red")).toBeNaN();
  });

  it("takes ?theme=dark or ?theme=light in the preview, nothing else", () => {
    expect(themeOfQuery("?theme=dark")).toBe("dark");
    expect(themeOfQuery("?theme=light")).toBe("light");
    expect(themeOfQuery("?theme=<b>")).toBeUndefined();
    expect(themeOfQuery("")).toBeUndefined();
  });
});
