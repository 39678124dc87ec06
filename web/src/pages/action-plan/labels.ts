// Names of the action plan's codes in the current language (never the codes themselves).
import type { BudgetSource, ExpenseType, Project, Reserve, SpendingBy } from "../../api/actionPlan";
import type { MessageKey } from "../../i18n/messages";

export const sourceKey = (source: string): MessageKey => `ap.source.${source as BudgetSource}`;
export const expenseKey = (type: string): MessageKey => `ap.expense.${type as ExpenseType}`;
export const byKey = (by: SpendingBy): MessageKey => `ap.by.${by}`;
export const reasonKey = (reason: NonNullable<Reserve["reason"]>): MessageKey =>
  `ap.reserve.reason.${reason}`;

// A project's name in the current language (Thai when it has no English one).
export function projectName(
  project: Pick<Project, "name_th"> & { name_en?: string },
  language: string,
): string {
  return language === "en" && project.name_en ? project.name_en : project.name_th;
}

// The roles that build the action plan (allocations, spending plans, promotions).
export const planOffice = ["strategy_officer", "admin"] as const;
// The roles that enter month-end positions (an agency officer for its own projects).
export const positionEditors = ["strategy_officer", "admin", "agency_officer"] as const;
