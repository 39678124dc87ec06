// A blank month-end report in the GFMIS layout the import reads: one row per budget
// line of the projects a person may report (an agency officer: its own agency's), with
// the month filled in and the amounts left for them. UTF-8 with a BOM, so Excel shows
// the Thai headers.
import type { ActionPlanDetail } from "../../api/actionPlan";
import { formatMonth } from "./amounts";

export const templateHeader = ["element_id", "รหัสงบประมาณ", "โครงการ", "เดือน", "PO คงค้าง", "เบิกจ่ายสะสม"];

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function templateCsv(plan: ActionPlanDetail, agency: string | null, month: string): string {
  const rows = [templateHeader];
  for (const project of plan.projects) {
    if (project.kind !== "main" || project.status !== "active") continue;
    if (agency !== null && project.agency !== agency) continue;
    for (const line of project.lines) {
      rows.push([
        String(project.element_id),
        line.gfmis_code,
        project.name_th,
        formatMonth(month, "th"),
        "",
        "",
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
