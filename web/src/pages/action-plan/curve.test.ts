import { describe, expect, it } from "vitest";
import type { SpendingGroup } from "../../api/actionPlan";
import { curvePoints, latestPoint } from "./curve";

const month = (month: string, planned: number, disbursed: number | null, target: number | null = null) => ({
  month,
  label_th: month,
  planned_cumulative_satang: planned,
  disbursed_cumulative_satang: disbursed,
  target_percent: target,
});

describe("S-curve points", () => {
  const group = {
    allocated_satang: 200_00,
    months: [
      month("2025-10", 50_00, 20_00),
      month("2025-11", 100_00, 60_00),
      month("2025-12", 150_00, null, 33),
    ],
  } as SpendingGroup;

  it("gives planned and actual in percent of the allocation, the target as announced", () => {
    expect(curvePoints(group)).toEqual([
      { month: "2025-10", planned: 25, actual: 10, target: null },
      { month: "2025-11", planned: 50, actual: 30, target: null },
      { month: "2025-12", planned: 75, actual: null, target: 33 },
    ]);
  });

  it("finds the latest month with an actual figure", () => {
    expect(latestPoint(group)?.month).toBe("2025-11");
    expect(latestPoint({ ...group, months: [month("2025-10", 0, null)] })).toBeNull();
  });

  it("has no percentages without an allocation", () => {
    expect(curvePoints({ ...group, allocated_satang: 0 })[0]).toEqual({
      month: "2025-10",
      planned: null,
      actual: null,
      target: null,
    });
  });
});
