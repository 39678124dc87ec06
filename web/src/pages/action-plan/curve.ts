// The points of an S-curve in percent of the group's allocation: planned and actual
// cumulative disbursement per month (actual null after the latest month entered) and
// the government's target at the quarter ends.
import type { SpendingGroup } from "../../api/actionPlan";
import { percentOf } from "./amounts";

export interface SCurvePoint {
  month: string;
  planned: number | null;
  actual: number | null;
  target: number | null;
}

// The curve's points in percent of the group's allocation.
export function curvePoints(group: SpendingGroup): SCurvePoint[] {
  return group.months.map((month) => ({
    month: month.month,
    planned: percentOf(month.planned_cumulative_satang, group.allocated_satang),
    actual:
      month.disbursed_cumulative_satang === null
        ? null
        : percentOf(month.disbursed_cumulative_satang, group.allocated_satang),
    target: month.target_percent,
  }));
}

// The last month with an actual figure, if any.
export function latestPoint(group: SpendingGroup) {
  return [...group.months].reverse().find((month) => month.disbursed_cumulative_satang !== null) ?? null;
}
