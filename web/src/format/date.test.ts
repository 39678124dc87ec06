import { describe, expect, it } from "vitest";
import { daysInMonth, formatDate, formatDateTime, monthNames, parseIsoDate, todayIso } from "./date";

describe("Buddhist-era dates", () => {
  it("shows a day in Thai with the BE year", () => {
    expect(formatDate("2025-01-15", "th")).toBe("15 ม.ค. 2568");
  });
  it("shows a day in English with the BE year", () => {
    expect(formatDate("2024-10-01", "en")).toBe("1 Oct 2567 BE");
  });
  it("shows a UTC timestamp in Bangkok time, crossing midnight", () => {
    // 20:30 UTC on 30 Sep 2025 is 03:30 on 1 Oct 2568 in Bangkok.
    expect(formatDateTime("2025-09-30T20:30:00Z", "th")).toBe("1 ต.ค. 2568 03:30:00");
  });
  it("leaves text that is not a date as it is", () => {
    expect(formatDate("not a date", "th")).toBe("not a date");
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it("knows month lengths and names", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(monthNames("th")[0]).toBe("มกราคม");
    expect(monthNames("en", "short")[11]).toBe("Dec");
  });
  it("gives today's date in Bangkok", () => {
    expect(todayIso(new Date("2025-01-14T18:00:00Z"))).toBe("2025-01-15");
  });
});
