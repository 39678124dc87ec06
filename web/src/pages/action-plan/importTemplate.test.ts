import { describe, expect, it } from "vitest";
import type { ActionPlanDetail, Project } from "../../api/actionPlan";
import { templateCsv } from "./importTemplate";

function project(part: Partial<Project>): Project {
  return {
    element_id: 1,
    code: "P1",
    name_th: "โครงการ",
    kind: "main",
    status: "active",
    agency: "A",
    lines: [],
    ...part,
  } as Project;
}

const line = (code: string) => ({ gfmis_code: code }) as Project["lines"][number];

describe("templateCsv", () => {
  const plan = {
    projects: [
      project({
        element_id: 7,
        name_th: 'ถนน "สายใหม่", ตราด',
        lines: [line("2569P0101"), line("2569P0102")],
      }),
      project({ element_id: 8, agency: "B", lines: [line("2569P0201")] }),
      project({ element_id: 9, kind: "reserve", lines: [] }),
      project({ element_id: 10, status: "cancelled", lines: [line("2569P0401")] }),
    ],
  } as ActionPlanDetail;

  it("lists every line of the active main projects with the month, amounts left blank", () => {
    const text = templateCsv(plan, null, "2026-09");
    expect(text.startsWith("\uFEFFelement_id,รหัสงบประมาณ,โครงการ,เดือน,PO คงค้าง,เบิกจ่ายสะสม\r\n")).toBe(true);
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toEqual([
      '7,2569P0101,"ถนน ""สายใหม่"", ตราด",กันยายน 2569,,',
      '7,2569P0102,"ถนน ""สายใหม่"", ตราด",กันยายน 2569,,',
      "8,2569P0201,โครงการ,กันยายน 2569,,",
    ]);
  });

  it("keeps an agency officer to its own agency's projects", () => {
    const rows = templateCsv(plan, "B", "2026-09").trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^8,2569P0201,/);
  });
});
