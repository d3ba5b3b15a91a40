/** Physical and unit constants shared by the model. Units are in the names. */

/** Hours in a 365-day year. */
export const hoursInYear = 8760;
/** Hours in a 366-day (leap) year: the most hours a year can hold. */
export const hoursInLeapYear = 8784;
/** Hours in a day. */
export const hoursInDay = 24;
/** Seconds in an hour. */
export const secondsInHour = 3600;
/** Tokens in one million tokens: prices are quoted in USD per million tokens. */
export const tokensPerMillion = 1_000_000;
/** Watts in a kilowatt. */
export const wattsPerKilowatt = 1000;
/** Days in a (non-leap) year. */
export const daysInYear = 365;

/**
 * Power usage effectiveness assumed when none is given: 1.25, Epoch AI's figure
 * for non-hyperscale data centres (hyperscalers report about 1.1).
 */
export const defaultPue = 1.25;

/**
 * Cached input price assumed when none is given, as a fraction of the input
 * price: 10%, OpenAI's usual discount (GPT-5.5: $0.50 against $5). DeepSeek's
 * cached price is far lower (V4 Flash 2%, V4 Pro 0.8% of input on 2026-04-24).
 */
export const defaultCachedInputFractionOfInput = 0.1;
