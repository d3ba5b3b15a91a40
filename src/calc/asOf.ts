import { messages } from "./messages";
import { calcError, type CalcError } from "./result";

/**
 * Reading an `as_of` argument as a moment (milliseconds since 1970-01-01 UTC).
 *
 *  - A number is an Excel date or date-time serial in the 1900 date system, read
 *    as UTC: serial 1 is 1900-01-01, 60 is Excel's fictitious 1900-02-29 (no such
 *    day: `#NUM!`), 61 is 1900-03-01; the fraction is the time of day.
 *  - Text is ISO 8601: `2026-04-24`, `2026-04-24T13:00Z`, `2026-04-24T13:00:30.5+02:00`;
 *    a date-time without an offset is read as UTC.
 *  - A whole date (an integer serial, or text without a time) means noon UTC
 *    that day: prices that depend on the time of day are read at noon.
 *  - "now" (what an omitted `as_of` becomes) is the moment passed in as `nowMs`.
 */

export const millisecondsInDay = 86_400_000;
/** Excel serial of 1970-01-01 (the Unix epoch) in the 1900 date system. */
export const excelSerialOfUnixEpoch = 25_569;
/** Excel's fictitious 1900-02-29. */
export const excelFictitiousLeapDaySerial = 60;
/** Excel's last date, 9999-12-31. */
export const excelMaxDateSerial = 2_958_465;
/** Noon, in milliseconds after midnight: the moment a whole date stands for. */
export const noonMs = 12 * 3_600_000;

/** The moment an Excel serial stands for, or a CalcError for a serial outside Excel's dates. */
export function momentOfExcelSerial(serial: number, param: string): number | CalcError {
  if (!Number.isFinite(serial) || serial < 1 || serial >= excelMaxDateSerial + 1) {
    return calcError("num", param, messages.serialOutOfRange(param, serial));
  }
  const day = Math.floor(serial);
  if (day === excelFictitiousLeapDaySerial) return calcError("num", param, messages.fictitiousLeapDay(param));
  // Before 1900-03-01 Excel counts one day too many (its 1900-02-29).
  const daysSinceEpoch = (day < excelFictitiousLeapDaySerial ? day + 1 : day) - excelSerialOfUnixEpoch;
  const fraction = serial - day;
  const timeMs = fraction === 0 ? noonMs : Math.round(fraction * millisecondsInDay);
  return daysSinceEpoch * millisecondsInDay + timeMs;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** The moment an ISO 8601 text stands for, or a CalcError. */
export function momentOfIsoText(text: string, param: string): number | CalcError {
  const match = isoPattern.exec(text.trim());
  if (match === null) return calcError("value", param, messages.notAMoment(param, text));
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dayMs = Date.UTC(year, month - 1, day);
  const check = new Date(dayMs);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return calcError("value", param, messages.notAMoment(param, text));
  }
  if (h === undefined) return dayMs + noonMs;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return calcError("value", param, messages.notAMoment(param, text));
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return calcError("value", param, messages.notAMoment(param, text));
    offsetMinutes = sign * (oh * 60 + om);
  }
  return dayMs + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + ms;
}

/** Reads an `as_of` argument (a serial, ISO text or "now") as a moment in milliseconds since the epoch. */
export function momentOf(asOf: number | string, param: string, nowMs: number): number | CalcError {
  if (typeof asOf === "number") return momentOfExcelSerial(asOf, param);
  if (asOf.trim().toLowerCase() === "now") return nowMs;
  return momentOfIsoText(asOf, param);
}

/** The Excel serial (1900 date system, UTC) of a moment: the inverse of `momentOfExcelSerial` for moments from 1900-03-01. */
export function excelSerialOfMoment(ms: number): number {
  return ms / millisecondsInDay + excelSerialOfUnixEpoch;
}
