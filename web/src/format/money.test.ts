import { describe, expect, it } from "vitest";
import { formatSatang, parseBahtToSatang } from "./money";

describe("money in satang", () => {
  it("formats baht with grouping and two decimals", () => {
    expect(formatSatang(123456750, "th")).toBe("1,234,567.50 บาท");
    expect(formatSatang(5, "en")).toBe("0.05 baht");
    expect(formatSatang(-100, "th")).toBe("-1.00 บาท");
  });
  it("formats amounts beyond double precision exactly", () => {
    expect(formatSatang(12345678901234567890n, "th")).toBe("123,456,789,012,345,678.90 บาท");
  });
  it("parses typed amounts", () => {
    expect(parseBahtToSatang("1,234.5")).toBe(123450);
    expect(parseBahtToSatang("1234 บาท")).toBe(123400);
    expect(parseBahtToSatang("0.07")).toBe(7);
    expect(parseBahtToSatang("1.234")).toBeNull();
    expect(parseBahtToSatang("abc")).toBeNull();
  });
});
