import { describe, expect, it } from "vitest";
import type { ActionPlan } from "../../api/actionPlan";
import { currentQuarter } from "./OutputsPanel";
import { parseNumber } from "./parse";
import { defaultYear } from "./useMonitoringYear";

const plan = (fiscal_year: number) => ({ fiscal_year }) as ActionPlan;

describe("KPI form numbers", () => {
  it("reads separators, Thai digits and signs", () => {
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("๑๒๓")).toBe(123);
    expect(parseNumber(" -2 ")).toBe(-2);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("12a")).toBeNull();
    expect(parseNumber("1.2.3")).toBeNull();
  });
});

describe("the fiscal year the dashboards open on", () => {
  it("is the current year's action plan when there is one", () => {
    expect(defaultYear([plan(2568), plan(2569)], 2569)).toBe(2569);
  });
  it("else the latest plan before the current year, else the latest plan", () => {
    expect(defaultYear([plan(2568), plan(2569)], 2570)).toBe(2569);
    expect(defaultYear([plan(2571)], 2570)).toBe(2571);
    expect(defaultYear([], 2570)).toBe(2570);
  });
});

describe("the reporting quarter", () => {
  const year = { first_month: "2025-10", last_month: "2026-09" };
  it("counts quarters from October", () => {
    expect(currentQuarter(year, new Date(2025, 9, 15))).toBe(1);
    expect(currentQuarter(year, new Date(2026, 0, 2))).toBe(2);
    expect(currentQuarter(year, new Date(2026, 8, 30))).toBe(4);
  });
  it("is the first before the year and the fourth after it", () => {
    expect(currentQuarter(year, new Date(2025, 0, 1))).toBe(1);
    expect(currentQuarter(year, new Date(2026, 11, 2))).toBe(4);
  });
});
