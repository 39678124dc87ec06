import { describe, expect, it } from "vitest";
import { estimateWidth, placeLabels } from "./labelPlacement";
import { project, tratDistrictPositions } from "./districtPositions";

describe("map labels", () => {
  it("never lets two district labels overlap on the Trat map", () => {
    const place = project(Object.values(tratDistrictPositions), 420, 320, 36);
    const names: Record<string, string> = {
      "2301": "เมืองตราด",
      "2302": "คลองใหญ่",
      "2303": "เขาสมิง",
      "2304": "บ่อไร่",
      "2305": "แหลมงอบ",
      "2306": "เกาะกูด",
      "2307": "เกาะช้าง",
    };
    const bubbles = Object.entries(tratDistrictPositions).map(([key, point]) => ({
      key,
      ...place(point),
      radius: 22,
      label: names[key]!,
    }));
    const labels = placeLabels(bubbles);
    const boxes = labels.map((label, index) => {
      const width = estimateWidth(bubbles[index]!.label, 12);
      const left =
        label.anchor === "middle"
          ? label.x - width / 2
          : label.anchor === "start"
            ? label.x
            : label.x - width;
      return { left, right: left + width, top: label.y - 12, bottom: label.y - 12 + 15.6 };
    });
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${bubbles[i]!.label} / ${bubbles[j]!.label}`).toBe(false);
      }
  });
  it("ignores Thai marks when estimating width", () => {
    expect(estimateWidth("ช้าง", 10)).toBe(estimateWidth("ชาง", 10));
  });
});
