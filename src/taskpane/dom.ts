/*
 * The few DOM helpers the pane is built with. Text only ever goes in through
 * textContent and attributes, never as HTML.
 */

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; id?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.id !== undefined) node.id = options.id;
  return node;
}

/** A count and its noun, the count with thousands separators as the pane writes numbers ("1,694 models"). */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** The date part (YYYY-MM-DD) of an ISO timestamp, or the text itself when it is not one. */
export function dayOf(isoTimestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(isoTimestamp)?.[0] ?? isoTimestamp;
}

/** Today's calendar date where the user is, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/**
 * A Fluent button (`<fluent-button>`), which is the button itself: it takes
 * focus, has the button role and answers Enter and Space. The pane reads
 * `disabled` and `type` as on a native button.
 */
export type PaneButton = HTMLElement & { disabled: boolean; type: string };

/** The look of a pane button: the one main action of a card, an everyday one, or one that removes something. */
export type ButtonLook = "primary" | "secondary" | "danger";

/** A Fluent button that names its action in data-action (and whatever else in data-*): the hooks the pane and its tests use. */
export function actionButton(text: string, action: string, look: ButtonLook, data: Readonly<Record<string, string>> = {}): PaneButton {
  const button = document.createElement("fluent-button") as PaneButton;
  button.textContent = text;
  button.className = `pane-button pane-button-${look}`;
  button.setAttribute("appearance", look === "secondary" ? "secondary" : "primary");
  button.type = "button";
  button.setAttribute("type", "button");
  button.disabled = false;
  button.dataset.action = action;
  for (const [key, value] of Object.entries(data)) button.dataset[key] = value;
  return button;
}

/** Disables or enables a control, native or Fluent, by property and attribute alike. */
export function setDisabled(control: HTMLElement & { disabled?: boolean }, disabled: boolean): void {
  control.disabled = disabled;
  control.toggleAttribute("disabled", disabled);
}

/** A Fluent dialog element: `show()` and `hide()` once the component is defined, a plain element before. */
export type PaneDialog = HTMLElement & { show?: () => void; hide?: () => void };

/**
 * A modal Fluent dialog (`<fluent-dialog type="alert">`: a native modal
 * `<dialog>` inside, so focus stays in it while it is open). It is named by
 * `label` (the host's aria-label reaches the inner dialog). Open it with
 * `openDialog` once it is in the page; Escape asks `onDismiss`.
 */
export function modalDialog(className: string, label: string, onDismiss: () => void): PaneDialog {
  const dialog = document.createElement("fluent-dialog") as PaneDialog;
  dialog.className = className;
  dialog.setAttribute("type", "alert");
  dialog.setAttribute("aria-label", label);
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDismiss();
      return;
    }
    // Tab wraps around the dialog's own controls rather than leaving for the browser's.
    if (event.key !== "Tab") return;
    const controls = [...dialog.querySelectorAll<HTMLElement & { disabled?: boolean }>("[data-action]")].filter((c) => c.disabled !== true);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (first === undefined || last === undefined) return;
    const current = document.activeElement;
    if (event.shiftKey && current === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && current === last) {
      event.preventDefault();
      first.focus();
    }
  });
  return dialog;
}

/** Shows a dialog that is in the page (a no-op where Fluent is not defined, as in unit tests). */
export function openDialog(dialog: PaneDialog): void {
  dialog.hidden = false;
  if (dialog.isConnected && typeof dialog.show === "function") dialog.show();
}

/** The enabled action control a click landed on, or null (a disabled one, or while the pane is busy). */
export function clickedAction(context: { busy(): boolean }, event: Event): HTMLElement | null {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement & { disabled?: boolean }>("[data-action]") : null;
  if (target === null || target.disabled === true || context.busy()) return null;
  return target;
}
