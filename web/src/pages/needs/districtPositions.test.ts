import { describe, expect, it } from "vitest";
import { project, tratDistrictPositions } from "./districtPositions";

describe("district bubble map projection", () => {
  const points = Object.values(tratDistrictPositions);
  const place = project(points, 400, 300, 20);
  it("keeps every district inside the drawing", () => {
    for (const point of points) {
      const { x, y } = place(point);
      expect(x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(x).toBeLessThanOrEqual(380 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(y).toBeLessThanOrEqual(280 + 1e-9);
    }
  });
  it("puts north up and east right", () => {
    const boRai = place(tratDistrictPositions["2304"]!); // northernmost
    const khlongYai = place(tratDistrictPositions["2302"]!); // south-east
    const koChang = place(tratDistrictPositions["2307"]!); // west
    expect(boRai.y).toBeLessThan(khlongYai.y);
    expect(khlongYai.x).toBeGreaterThan(koChang.x);
  });
});
