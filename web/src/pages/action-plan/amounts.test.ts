import { describe, expect, it } from "vitest";
import {
  addMonths,
  bahtInput,
  formatAmount,
  formatMoney,
  formatMonth,
  formatPercent,
  monthRange,
  parseBaht,
  percentOf,
  reportingMonth,
} from "./amounts";

describe("amounts", () => {
  it("shows satang in baht with separators and two decimals", () => {
    expect(formatAmount(123456750, "baht")).toBe("1,234,567.50");
    expect(formatAmount(5, "baht")).toBe("0.05");
    expect(formatMoney(100, "baht", "en")).toBe("1.00 baht");
  });

  it("shows satang in million baht with two decimals, rounding half up", () => {
    expect(formatAmount(123456750, "million_baht")).toBe("1.23");
    expect(formatAmount(1_250_000_00, "million_baht")).toBe("1.25");
    expect(formatAmount(1_255_000_00, "million_baht")).toBe("1.26");
    expect(formatAmount(1_234_567_890_000_00n, "million_baht")).toBe("1,234,567.89");
    expect(formatMoney(99_000_000_00, "million_baht", "th")).toBe("99.00 ล้านบาท");
  });

  it("reads typed baht, with separators and Thai digits", () => {
    expect(parseBaht("1,234.50")).toBe(123450);
    expect(parseBaht("๑,๒๓๔.๕๐")).toBe(123450);
    expect(parseBaht("1234 บาท")).toBe(123400);
    expect(parseBaht("12O0")).toBeNull();
    expect(parseBaht("-5")).toBeNull();
    expect(parseBaht("1.234")).toBeNull();
    expect(bahtInput(123450)).toBe("1234.50");
  });

  it("gives percentages of an allocation, none of nothing", () => {
    expect(percentOf(25, 100)).toBe(25);
    expect(percentOf(1, 0)).toBeNull();
    expect(formatPercent(33.333, "th")).toBe("33.3%");
    expect(formatPercent(null, "en")).toBe("–");
  });
});

describe("months of the fiscal year", () => {
  it("names months in the Buddhist era", () => {
    expect(formatMonth("2025-10", "th", "short")).toBe("ต.ค. 68");
    expect(formatMonth("2026-09", "th")).toBe("กันยายน 2569");
    expect(formatMonth("2026-01", "en")).toBe("January 2569 BE");
  });

  it("counts months across the year end", () => {
    expect(addMonths("2025-11", 2)).toBe("2026-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    const year = monthRange("2025-10", "2026-09");
    expect(year).toHaveLength(12);
    expect(year[3]).toBe("2026-01");
  });

  it("reports the month that ended last, inside the allowed range", () => {
    expect(reportingMonth("2025-10", "2027-03", new Date(2026, 2, 5))).toBe("2026-02");
    expect(reportingMonth("2025-10", "2026-09", new Date(2027, 5, 1))).toBe("2026-09");
    expect(reportingMonth("2025-10", "2026-09", new Date(2025, 9, 3))).toBe("2025-10");
  });
});
