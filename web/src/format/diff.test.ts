import { describe, expect, it } from "vitest";
import { displayValue, fieldChanges } from "./diff";

describe("audit diff", () => {
  it("lists only the fields that changed", () => {
    const changes = fieldChanges(
      { code: "A1", name_th: "เดิม", version: 1, tags: ["x"] },
      { code: "A1", name_th: "ใหม่", version: 2, tags: ["x"] },
    );
    expect(changes).toEqual([
      { field: "name_th", before: "เดิม", after: "ใหม่" },
      { field: "version", before: 1, after: 2 },
    ]);
  });
  it("shows every field of a created record", () => {
    expect(fieldChanges(null, { code: "A1", demo: false })).toEqual([
      { field: "code", before: undefined, after: "A1" },
      { field: "demo", before: undefined, after: false },
    ]);
  });
  it("compares nested values by content", () => {
    expect(fieldChanges({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(fieldChanges({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toHaveLength(1);
  });
  it("treats non-record values as one change", () => {
    expect(fieldChanges("old", "new")).toEqual([{ field: "", before: "old", after: "new" }]);
  });
  it("renders values compactly", () => {
    expect(displayValue(undefined)).toBe("—");
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue("ข้อความ")).toBe("ข้อความ");
  });
});
