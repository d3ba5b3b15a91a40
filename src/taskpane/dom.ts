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

/** A real button (type="button") that names its action in data-action. */
export function actionButton(text: string, action: string, className: string, data: Readonly<Record<string, string>> = {}): HTMLButtonElement {
  const button = element("button", { className, text });
  button.type = "button";
  button.dataset.action = action;
  for (const [key, value] of Object.entries(data)) button.dataset[key] = value;
  return button;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
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
