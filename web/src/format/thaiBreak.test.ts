import { describe, expect, it } from "vitest";
import { thaiPieces } from "./thaiBreak";

describe("Thai line breaking", () => {
  it("keeps an elaborate expression A B A C together", () => {
    const pieces = thaiPieces("ความโปร่งใสในการจัดซื้อจัดจ้างภาครัฐ");
    expect(pieces.filter((piece) => piece.keep).map((piece) => piece.text)).toContain("จัดซื้อจัดจ้าง");
    expect(pieces.map((piece) => piece.text).join("")).toBe("ความโปร่งใสในการจัดซื้อจัดจ้างภาครัฐ");
  });
  it("keeps listed compounds together", () => {
    const kept = thaiPieces("การเบิกจ่าย และตัวชี้วัด")
      .filter((piece) => piece.keep)
      .map((piece) => piece.text);
    expect(kept).toEqual(expect.arrayContaining(["ตัวชี้วัด"]));
  });
  it("leaves text without Thai alone", () => {
    expect(thaiPieces("TRAT-FC 2568")).toEqual([{ text: "TRAT-FC 2568", keep: false }]);
  });
});
