/**
 * The pane's one status line: a polite live region that says what the last
 * action did (progress, success or error), a spinner beside it while an action
 * runs, and the problems found in a refused file or sheet listed under it.
 * It sits above the sections in the page flow, never over them.
 */
import { element } from "./dom";

export type StatusKind = "idle" | "progress" | "success" | "error";

/** How many problems of a refused file or sheet are listed under the status. */
export const shownIssues = 10;

export interface StatusService {
  /** The elements to place in the pane, in order. */
  readonly elements: readonly HTMLElement[];
  /** Shows `text` (an empty text clears the line); `issues` are listed under it. */
  set(kind: StatusKind, text: string, issues?: readonly string[]): void;
}

export function createStatus(idPrefix: string): StatusService {
  const box = element("div", { className: "status-box" });
  const spinner = document.createElement("fluent-spinner");
  spinner.className = "status-spinner";
  spinner.setAttribute("size", "tiny");
  spinner.setAttribute("aria-hidden", "true");
  spinner.hidden = true;
  const status = element("p", { className: "status", id: `${idPrefix}-status` });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  box.append(spinner, status);
  const issueList = element("ul", { className: "issues", id: `${idPrefix}-issues` });
  issueList.setAttribute("aria-label", "Problems found");
  issueList.hidden = true;

  const set = (kind: StatusKind, text: string, issues: readonly string[] = []): void => {
    status.textContent = text;
    status.dataset.kind = kind;
    box.dataset.kind = kind;
    spinner.hidden = kind !== "progress";
    issueList.replaceChildren(...issues.slice(0, shownIssues).map((issue) => element("li", { text: issue })));
    if (issues.length > shownIssues) issueList.append(element("li", { text: `and ${issues.length - shownIssues} more` }));
    issueList.hidden = issues.length === 0;
  };
  set("idle", "");
  return { elements: [box, issueList], set };
}
