import { describe, expect, test } from "vitest";
import { ApiError } from "../../api/client";
import { transient } from "../../offline/queue";
import { localIso, parseNumber } from "./values";

const text = { th: "x", en: "x" };

describe("numbers typed on a phone", () => {
  test("western and Thai digits, a decimal point or comma", () => {
    expect(parseNumber("12.5")).toBe(12.5);
    expect(parseNumber(" ๑๒.๕ ")).toBe(12.5);
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber("100")).toBe(100);
  });
  test("anything else is not a number", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("12%")).toBeNull();
    expect(parseNumber("1.2.3")).toBeNull();
    expect(parseNumber("abc")).toBeNull();
  });
});

describe("the phone's clock", () => {
  test("ISO with the zone offset of the device", () => {
    const value = localIso(new Date(2026, 8, 14, 10, 31, 5));
    expect(value).toMatch(/^2026-09-14T10:31:05[+-]\d{2}:\d{2}$/);
  });
});

describe("which refusals the queue tries again", () => {
  test("no answer, server trouble, the same key still answered, a stale token: later", () => {
    expect(transient(new ApiError(0, "network", text))).toBe(true);
    expect(transient(new ApiError(503, "unavailable", text))).toBe(true);
    expect(transient(new ApiError(409, "idempotency_key_in_progress", text))).toBe(true);
    expect(transient(new ApiError(403, "csrf", text))).toBe(true);
    expect(transient(new TypeError("Failed to fetch"))).toBe(true);
  });
  test("a rule, a right or a reused key: kept with its reason, not sent again", () => {
    expect(transient(new ApiError(422, "progress_dropped", text))).toBe(false);
    expect(transient(new ApiError(403, "not_own_agency", text))).toBe(false);
    expect(transient(new ApiError(409, "idempotency_key_reused", text))).toBe(false);
    expect(transient(new ApiError(413, "too_large", text))).toBe(false);
  });
});
