import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildShapes, clipCircle, clipHalfPlane, convexHull, polygonArea, type Polygon } from "./geometry";
import { tratIslandDistricts, tratSubdistrictPoints } from "./tratPoints";
import { tratShapeOptions } from "./tratShapes";

describe("polygon clipping", () => {
  const square: Polygon = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  it("keeps the side of a half-plane", () => {
    expect(polygonArea(clipHalfPlane(square, 1, 0, 4))).toBeCloseTo(40);
    expect(clipHalfPlane(square, 1, 0, -1)).toEqual([]);
  });
  it("cuts to a circle", () => {
    const area = polygonArea(clipCircle(square, [5, 5], 2, 64));
    expect(area).toBeGreaterThan(Math.PI * 4 - 0.1);
    expect(area).toBeLessThan(Math.PI * 4 + 0.1);
  });
  it("finds a convex hull", () => {
    expect(
      convexHull([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
      ]).length,
    ).toBe(4);
  });
});

describe("Trat's approximate shapes", () => {
  const shapes = buildShapes(tratSubdistrictPoints, tratShapeOptions);
  const districts = [...new Set(tratSubdistrictPoints.map((p) => p.district))];

  it("gives every subdistrict a cell inside the drawing", () => {
    for (const cell of shapes.cells) {
      expect(cell.polygon.length, cell.code).toBeGreaterThanOrEqual(3);
      for (const [x, y] of cell.polygon) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(shapes.width);
        expect(y).toBeLessThanOrEqual(shapes.height);
      }
    }
  });

  it("gives each of the seven districts an outline and a label anchor inside one of its cells", () => {
    expect(districts.length).toBe(7);
    for (const district of districts) {
      expect(shapes.outlines.get(district)?.length ?? 0, district).toBeGreaterThan(2);
      expect(shapes.anchors.get(district), district).toBeDefined();
    }
  });

  it("leaves the shared edges of a district's cells out of its outline", () => {
    // Mueang Trat has 13 drawn subdistricts: their outline is much shorter than the
    // sum of the cells' perimeters.
    const perimeter = (segments: [number[], number[]][]) =>
      segments.reduce((sum, [a, b]) => sum + Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!), 0);
    const cells = shapes.cells.filter((cell) => cell.district === "2301");
    const all = cells.flatMap((cell) =>
      cell.polygon.map((p, i) => [p, cell.polygon[(i + 1) % cell.polygon.length]!] as [number[], number[]]),
    );
    expect(perimeter(shapes.outlines.get("2301")!)).toBeLessThan(perimeter(all) * 0.6);
  });

  it("keeps sea between the island districts and the mainland", () => {
    const near = (a: Polygon, b: Polygon) =>
      a.some((p) => b.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.5));
    const islandCells = shapes.cells.filter((cell) => tratIslandDistricts.has(cell.district));
    const mainland = shapes.cells.filter((cell) => !tratIslandDistricts.has(cell.district));
    for (const island of islandCells)
      for (const cell of mainland)
        expect(near(island.polygon, cell.polygon), `${island.code}/${cell.code}`).toBe(false);
  });
});

describe("the positions table", () => {
  // The positions were copied from the shared reference data beside the repository
  // (../shared/data/th-areas.json; the repository's data/th-areas.json carries no
  // coordinates). A checkout without it reports this test as skipped, never as passed.
  const sharedAreas = fileURLToPath(new URL("../../../../../shared/data/th-areas.json", import.meta.url));
  it.runIf(existsSync(sharedAreas))("matches the shared areas reference data", () => {
    const file = sharedAreas;
    const areas = JSON.parse(readFileSync(file, "utf8")) as {
      code: string;
      level: string;
      parent?: string;
      lat?: number;
      lon?: number;
    }[];
    const expected = areas
      .filter((a) => a.level === "subdistrict" && a.code.startsWith("23") && a.lat !== undefined)
      .map((a) => ({ code: a.code, district: a.parent, lat: a.lat, lon: a.lon }));
    expect(tratSubdistrictPoints).toEqual(expected);
  });
});
