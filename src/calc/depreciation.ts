import { messages } from "./messages";
import { calcError, type CalcError } from "./result";
import { yearsParam, type RowFunction } from "./timeSpec";

/** The depreciation methods, as typed in a formula. */
export const depreciationMethods = ["straight_line", "declining_balance", "sum_of_years"] as const;
export type DepreciationMethod = (typeof depreciationMethods)[number];

/** Declining balance at twice the straight-line rate, as Excel's DDB and VDB default. */
const decliningFactor = 2;

/**
 * Depreciation of each year of the asset's age (age year i runs from age i−1 to
 * age i), in USD per year of age, for the first `ageYears` of the ceil(life) age years. For a fractional life
 * the last age year is partly used, and these are rates per whole year.
 *
 * Declining balance follows Excel's VDB with no_switch FALSE: each year takes
 * the larger of the double-declining amount (book value × 2 / life, never below
 * salvage) and straight line over the remaining life, and keeps straight line
 * once it is the larger.
 */
function depreciationByAgeYear(
  costUsd: number,
  salvageUsd: number,
  life: number,
  method: DepreciationMethod,
  ageYears: number,
): number[] {
  const depreciableUsd = costUsd - salvageUsd;
  const out: number[] = [];
  if (method === "straight_line") {
    for (let i = 1; i <= ageYears; i++) out.push(depreciableUsd / life);
  } else if (method === "sum_of_years") {
    const sumOfYears = (life * (life + 1)) / 2;
    for (let i = 1; i <= ageYears; i++) out.push((depreciableUsd * (life - i + 1)) / sumOfYears);
  } else {
    const rate = Math.min(1, decliningFactor / life);
    let bookUsd = costUsd;
    let straightLineUsd = 0;
    let switched = false;
    for (let i = 1; i <= ageYears; i++) {
      if (!switched) {
        const decliningUsd = Math.max(0, Math.min(bookUsd * rate, bookUsd - salvageUsd));
        straightLineUsd = (bookUsd - salvageUsd) / (life - (i - 1));
        if (straightLineUsd > decliningUsd) {
          switched = true;
        } else {
          out.push(decliningUsd);
          bookUsd -= decliningUsd;
          continue;
        }
      }
      out.push(straightLineUsd);
    }
  }
  return out;
}

/**
 * Book depreciation per year for `years` years, in USD. The asset is in service
 * for `firstYearFraction` of year 1 (like the months argument of Excel's DB,
 * month ÷ 12), so year k covers the asset's age from
 * max(0, firstYearFraction + k − 2) to firstYearFraction + k − 1, cut at the
 * useful life; within an age year depreciation accrues evenly, as Excel's VDB
 * does for fractional periods. Year k is then
 * VDB(cost, salvage, life, start, end) for declining balance, SLN × the years
 * covered for straight line, and the SYD amounts of the age years covered for
 * sum of years. The whole schedule sums to cost − salvage.
 */
export function depreciationUsd(
  costUsd: number,
  usefulLifeYears: number,
  years: number,
  method: DepreciationMethod = "straight_line",
  salvageUsd = 0,
  firstYearFraction = 1,
): number[] | CalcError {
  if (salvageUsd > costUsd) return calcError("num", "salvage", messages.salvageAboveCost(salvageUsd, costUsd));
  if (method === "sum_of_years" && !Number.isInteger(usefulLifeYears)) {
    return calcError("num", "useful_life_years", messages.sumOfYearsWholeLife(usefulLifeYears));
  }
  // Year k ends at age firstYearFraction + k − 1 ≤ years: no later age year is needed.
  const ageYears = Math.min(Math.ceil(usefulLifeYears), years);
  const byAgeYear = depreciationByAgeYear(costUsd, salvageUsd, usefulLifeYears, method, ageYears);
  const row: number[] = [];
  for (let year = 1; year <= years; year++) {
    const start = Math.max(0, firstYearFraction + year - 2);
    const end = Math.min(usefulLifeYears, firstYearFraction + year - 1);
    let amountUsd = 0;
    for (let ageYear = Math.floor(start) + 1; ageYear <= Math.ceil(end) && end > start; ageYear++) {
      const covered = Math.min(end, ageYear) - Math.max(start, ageYear - 1);
      if (covered > 0) amountUsd += (byAgeYear[ageYear - 1] as number) * covered;
    }
    row.push(amountUsd);
  }
  return row;
}

export const DEPRECIATION: RowFunction = {
  shape: "row",
  id: "DEPRECIATION",
  description:
    "Book depreciation of an asset per year: straight line, double-declining balance switching to straight line (Excel's VDB), or sum of years' digits.",
  resultUnit: "USD per year, a row for years 1 to N (no start cell)",
  startCell: false,
  params: [
    { type: "number", name: "cost", unit: "USD", description: "Purchase cost of the asset.", min: 0 },
    {
      type: "number",
      name: "useful_life_years",
      unit: "years",
      description: "Useful life over which the asset is depreciated, such as 5.5 for servers at Meta.",
      greaterThan: 0,
    },
    yearsParam("Years shown, a whole number from 1 to 50."),
    {
      type: "text",
      name: "method",
      unit: "method, text",
      description: 'How: "straight_line", "declining_balance" (double-declining, as Excel\'s VDB) or "sum_of_years".',
      oneOf: depreciationMethods,
      default: "straight_line",
    },
    {
      type: "number",
      name: "salvage",
      unit: "USD",
      description: "Value at the end of the useful life; depreciation never takes the book value below it.",
      default: 0,
      min: 0,
    },
    {
      type: "number",
      name: "first_year_fraction",
      unit: "fraction of a year",
      description: "Share of year 1 the asset is in service, like Excel's DB months ÷ 12 (0.5 for bought mid-year).",
      default: 1,
      greaterThan: 0,
      max: 1,
    },
  ],
  examples: [
    {
      formula: "=AICOST.DEPRECIATION(62500000000, 5.5, 6)",
      args: [62_500_000_000, 5.5, 6],
      result: [
        62_500_000_000 / 5.5,
        62_500_000_000 / 5.5,
        62_500_000_000 / 5.5,
        62_500_000_000 / 5.5,
        62_500_000_000 / 5.5,
        62_500_000_000 / 11,
      ],
    },
    {
      formula: '=AICOST.DEPRECIATION(10000, 5, 5, "declining_balance", 1000)',
      args: [10000, 5, 5, "declining_balance", 1000],
      result: [4000, 2400, 1440, 864, 296],
    },
  ],
  compute: depreciationUsd,
};
