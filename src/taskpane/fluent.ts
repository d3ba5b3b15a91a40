/**
 * The Fluent UI web components the pane uses, registered once by each page's
 * entry (taskpane.ts in Excel, preview.ts in the preview): only these are
 * bundled. And the theme: Fluent's light or dark design tokens set on the
 * document, which the pane's own CSS (taskpane.css) reads too.
 */
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/dialog.js";
import "@fluentui/web-components/spinner.js";
import "@fluentui/web-components/text-input.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { PaneTheme } from "./theme";

/** Sets Fluent's tokens for `theme` on the document and marks it on <html data-theme>. */
export function applyTheme(theme: PaneTheme): void {
  setTheme(theme === "dark" ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = theme;
}
