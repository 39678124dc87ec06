import { describe, expect, it } from "vitest";
import type { TreeNode } from "../../api/plan";
import { fiscalYears, flatten, reorder, visibleForFilter } from "./planText";

function node(id: number, text: string, children: TreeNode[] = []): TreeNode {
  return {
    id,
    kind: "strategy",
    code: null,
    text_th: text,
    text_en: "",
    parent_id: null,
    position: 0,
    version: 1,
    demo: false,
    dimensions: [],
    alignments: [],
    children,
  };
}

const tree = [
  node(1, "ท่องเที่ยว", [node(2, "ชุมชน"), node(3, "เกษตร", [node(4, "ทุเรียน")])]),
  node(5, "ความมั่นคง"),
];

describe("plan tree helpers", () => {
  it("flattens depth first with depths", () => {
    expect(flatten(tree).map((entry) => [entry.node.id, entry.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 0],
    ]);
  });
  it("keeps the ancestors of matches visible", () => {
    const visible = visibleForFilter(tree, (n) => n.text_th.includes("ทุเรียน"));
    expect([...visible].sort()).toEqual([1, 3, 4]);
  });
  it("reorders siblings", () => {
    expect(reorder([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
    expect(reorder([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(reorder([1, 2, 3], 2, 99)).toEqual([1, 3, 2]);
  });
  it("lists the fiscal years of a plan period", () => {
    expect(fiscalYears({ period: { first_fiscal_year: 2566, last_fiscal_year: 2570, text: "" } })).toEqual([
      2566, 2567, 2568, 2569, 2570,
    ]);
  });
});
