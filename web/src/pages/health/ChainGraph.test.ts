import { describe, expect, it } from "vitest";
import { layout, type ChainEdge, type ChainNode } from "./ChainGraph";

const node = (id: string, kind = "case"): ChainNode => ({
  id,
  kind,
  record_id: 1,
  label: id,
  classification: kind === "case" ? "confirmed" : null,
  status: null,
});

describe("chain layout", () => {
  it("puts a case one row below its source and contacts below their case", () => {
    const nodes = [node("case-1"), node("case-2"), node("contact-3", "contact"), node("case-4")];
    const edges: ChainEdge[] = [
      { from: "case-1", to: "case-2", kind: "source" },
      { from: "case-2", to: "contact-3", kind: "contact" },
    ];
    const { position, height } = layout(nodes, edges);
    expect(position.get("case-2")!.y).toBeGreaterThan(position.get("case-1")!.y);
    expect(position.get("contact-3")!.y).toBeGreaterThan(position.get("case-2")!.y);
    expect(position.get("case-4")!.y).toBe(position.get("case-1")!.y);
    expect(position.get("case-4")!.x).not.toBe(position.get("case-1")!.x);
    expect(height).toBe(40 + 3 * 60);
  });

  it("survives a loop in the data without hanging", () => {
    const nodes = [node("case-1"), node("case-2")];
    const edges: ChainEdge[] = [
      { from: "case-1", to: "case-2", kind: "source" },
      { from: "case-2", to: "case-1", kind: "source" },
    ];
    expect(layout(nodes, edges).position.size).toBe(2);
  });
});
