/**
 * Which of Fluent's two themes the pane wears: Excel's own theme where Office
 * says it (`Office.context.officeTheme`: a dark body background means a dark
 * theme), `?theme=dark` or `?theme=light` in the preview, light otherwise.
 * Pure: the entries apply the answer with `applyTheme` (./fluent.ts).
 */
export type PaneTheme = "light" | "dark";

/** The relative luminance (0..1, WCAG) of a CSS hex colour ("#1f1f1f", "#fff"), or NaN when it is not one. */
export function luminanceOf(hexColor: string): number {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hexColor.trim());
  if (match === null || match[1] === undefined) return Number.NaN;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  const channel = (i: number): number => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Excel's theme as a Fluent theme: dark when the body background is dark; undefined when Office does not say. */
export function themeOfOffice(officeTheme: { readonly bodyBackgroundColor?: string } | undefined | null): PaneTheme | undefined {
  const background = officeTheme?.bodyBackgroundColor;
  if (typeof background !== "string") return undefined;
  const luminance = luminanceOf(background);
  if (Number.isNaN(luminance)) return undefined;
  return luminance < 0.2 ? "dark" : "light";
}

/** The theme a page address asks for (`?theme=dark`), or undefined. */
export function themeOfQuery(search: string): PaneTheme | undefined {
  const wanted = new URLSearchParams(search).get("theme");
  return wanted === "dark" || wanted === "light" ? wanted : undefined;
}
