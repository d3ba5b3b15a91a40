/**
 * How the pane writes a price and tells its age: shared by "Where the prices
 * come from" (priceCatalogView.ts) and the price browser's script.
 */

/** A price checked longer ago than this may have changed. */
export const staleAfterDays = 90;

const dayMs = 86_400_000;

/**
 * Whole calendar days from an ISO date (YYYY-MM-DD) to the local calendar day
 * of `today`; NaN when the date is not one.
 */
export function daysSince(isoDate: string, today: Date): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return Number.NaN;
  const checked = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - checked) / dayMs);
}

/** A price in USD with the digits it needs: $5.00, $0.14, $0.003625. */
export function formatUsd(value: number): string {
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });
}
