import { describe, expect, it } from "vitest";
import { decimalsOf, formatNumber, formatYear, sharedDecimals } from "./number";

describe("numbers", () => {
  it("groups thousands in Thai and English", () => {
    expect(formatNumber(172000, "th")).toBe("172,000");
    expect(formatNumber(19500, "en")).toBe("19,500");
    expect(formatNumber(-1234567.5, "th")).toBe("-1,234,567.5");
  });
  it("keeps one number of decimals across a series", () => {
    const decimals = sharedDecimals([99, 99.2, null, 98.5]);
    expect(decimals).toBe(1);
    expect([99, 99.2].map((value) => formatNumber(value, "th", { decimals: 2 }))).toEqual(["99.00", "99.20"]);
    expect(sharedDecimals([99, 99.25])).toBe(2);
  });
  it("finds the decimals a value needs", () => {
    expect(decimalsOf(5)).toBe(0);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(1.125)).toBe(3);
    expect(decimalsOf(Math.PI)).toBe(4);
  });
  it("writes Thai digits on request", () => {
    expect(formatNumber(2500.5, "th", { thaiDigits: true })).toBe("๒,๕๐๐.๕");
  });
  it("writes years plainly", () => {
    expect(formatYear(2567)).toBe("2567");
    expect(formatYear(2567, true)).toBe("๒๕๖๗");
  });
});
