/*
 * The task pane's entry in Excel. In Excel it mounts the pane on the Office.js
 * workbook host, in Excel's light or dark theme (and follows a change of it
 * where Office reports one); opened anywhere else (a plain browser tab) it says
 * where the browser preview is instead.
 */
import { createOfficeHost } from "../excel/officeHost";
import { applyTheme } from "./fluent";
import { mountPane } from "./pane";
import { themeOfOffice } from "./theme";

function showOutsideExcel(root: HTMLElement): void {
  const heading = document.createElement("h1");
  heading.textContent = "AICOST";
  const message = document.createElement("p");
  message.className = "notice";
  message.append("This task pane runs inside Excel. To try the models in a browser, open the ");
  const link = document.createElement("a");
  link.href = "preview.html";
  link.textContent = "preview";
  message.append(link, ".");
  root.replaceChildren(heading, message);
}

/** Wears Excel's theme now, and again whenever the user changes it (where the host sends the event). */
function followOfficeTheme(): void {
  const apply = (): void => applyTheme(themeOfOffice(Office.context?.officeTheme) ?? "light");
  apply();
  try {
    Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged as unknown as Office.EventType, apply);
  } catch {
    // Hosts without the event keep the theme the pane opened with.
  }
}

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (root === null) return;
  if (info.host === Office.HostType.Excel) {
    followOfficeTheme();
    mountPane(root, createOfficeHost());
  } else {
    applyTheme("light");
    showOutsideExcel(root);
  }
});
