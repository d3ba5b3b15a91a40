/*
 * The task pane's entry in Excel. In Excel it mounts the pane on the Office.js
 * workbook host; opened anywhere else (a plain browser tab) it says where the
 * browser preview is instead.
 */
import { createOfficeHost } from "../excel/officeHost";
import { mountPane } from "./pane";

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

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (root === null) return;
  if (info.host === Office.HostType.Excel) mountPane(root, createOfficeHost());
  else showOutsideExcel(root);
});
