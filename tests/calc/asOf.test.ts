import { describe, expect, it } from "vitest";
import { excelSerialOfMoment, isCalcError, momentOf, momentOfExcelSerial, momentOfIsoText } from "../../src/calc";

const utc = (iso: string) => Date.parse(iso);
const now = utc("2026-11-29T19:00:00Z");

describe("as_of: reading a moment", () => {
  it("reads Excel serials in the 1900 date system, as UTC; a whole date is noon", () => {
    expect(momentOfExcelSerial(46136, "as_of")).toBe(utc("2026-04-24T12:00:00Z"));
    expect(momentOfExcelSerial(46136.25, "as_of")).toBe(utc("2026-04-24T06:00:00Z"));
    expect(momentOfExcelSerial(25569.5, "as_of")).toBe(utc("1970-01-01T12:00:00Z"));
    expect(momentOfExcelSerial(61, "as_of")).toBe(utc("1900-03-01T12:00:00Z"));
    // Before Excel's fictitious 1900-02-29, serials count one day more than the calendar.
    expect(momentOfExcelSerial(1, "as_of")).toBe(utc("1900-01-01T12:00:00Z"));
    expect(momentOfExcelSerial(59, "as_of")).toBe(utc("1900-02-28T12:00:00Z"));
    expect(momentOfExcelSerial(2_958_465, "as_of")).toBe(utc("9999-12-31T12:00:00Z"));
  });

  it("refuses serials outside Excel's dates and its 1900-02-29 with #NUM!", () => {
    for (const bad of [0, 0.5, -1, 60, 60.25, 2_958_466, Number.NaN, Infinity]) {
      const result = momentOfExcelSerial(bad, "as_of");
      expect(isCalcError(result) && result.kind, String(bad)).toBe("num");
    }
  });

  it("reads ISO text: a date is noon UTC, a date-time without offset is UTC", () => {
    expect(momentOfIsoText("2026-04-24", "as_of")).toBe(utc("2026-04-24T12:00:00Z"));
    expect(momentOfIsoText(" 2026-04-24T13:00Z ", "as_of")).toBe(utc("2026-04-24T13:00:00Z"));
    expect(momentOfIsoText("2026-04-24T13:00", "as_of")).toBe(utc("2026-04-24T13:00:00Z"));
    expect(momentOfIsoText("2026-04-24 13:00:30.25+02:00", "as_of")).toBe(utc("2026-04-24T11:00:30.250Z"));
    expect(momentOfIsoText("2026-04-24t01:00:00z", "as_of")).toBe(utc("2026-04-24T01:00:00Z"));
  });

  it("refuses text that is no date with #VALUE!", () => {
    for (const bad of [
      "2026-02-30",
      "2026-13-01",
      "24/04/2026",
      "2026-04-24T24:00Z",
      "2026-04-24T10:00+25:00",
      "yesterday",
      "46136",
    ]) {
      const result = momentOfIsoText(bad, "as_of");
      expect(isCalcError(result) && result.kind, bad).toBe("value");
    }
  });

  it('"now" is the moment given; serials round-trip from 1900-03-01', () => {
    expect(momentOf("now", "as_of", now)).toBe(now);
    expect(momentOf(" NOW ", "as_of", now)).toBe(now);
    expect(excelSerialOfMoment(utc("2026-04-24T00:00:00Z"))).toBe(46136);
    expect(momentOf(excelSerialOfMoment(utc("2026-04-24T13:00:00Z")), "as_of", now)).toBe(utc("2026-04-24T13:00:00Z"));
  });
});
