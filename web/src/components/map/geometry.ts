// Approximate area shapes from points: the Voronoi cell of each subdistrict office
// (d3-delaunay), clipped to the mainland's outline (the hull of the mainland points
// with a margin) and to a circle around its point, with sea left between island
// districts and their neighbours. A district is the union of its subdistricts' cells;
// its outline is every cell edge not shared with a cell of the same district. These
// are NOT official boundaries: the map says so.
import { Delaunay } from "d3-delaunay";

export type Point = [number, number];
export type Polygon = Point[];

export interface Site {
  code: string;
  district: string;
  lat: number;
  lon: number;
}

export interface Cell {
  code: string;
  district: string;
  site: Point;
  polygon: Polygon;
}

export interface Shapes {
  width: number;
  height: number;
  cells: Cell[];
  // District code -> boundary segments (cell edges not shared within the district).
  outlines: Map<string, [Point, Point][]>;
  // District code -> a point well inside it for its label.
  anchors: Map<string, Point>;
}

export interface ShapeOptions {
  width: number;
  height: number;
  margin: number; // viewBox units kept free around the drawing (labels)
  radiusKm: number; // a mainland cell reaches at most this far from its point
  islandRadiusKm: number; // an island district's cell reaches at most this far
  outlineMarginKm: number; // how far the mainland reaches beyond its outermost points
  seaGapKm: number; // half the sea left between an island district and its neighbours
  islands: ReadonlySet<string>;
}

const kmPerDegree = 111.32;

// Equirectangular projection scaled by cos(latitude), north up, fitted into the box:
// fine for a province-sized area. Also gives how many units a kilometre is.
export function fitProjection(
  points: { lat: number; lon: number }[],
  width: number,
  height: number,
  margin: number,
): { project: (point: { lat: number; lon: number }) => Point; unitsPerKm: number } {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const scaleLon = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxLon - minLon) * scaleLon, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return {
    project: (point) => [
      offsetX + (point.lon - minLon) * scaleLon * scale,
      offsetY + (maxLat - point.lat) * scale,
    ],
    unitsPerKm: scale / kmPerDegree,
  };
}

// Keeps the part of a convex polygon where nx*x + ny*y <= c (Sutherland–Hodgman).
export function clipHalfPlane(polygon: Polygon, nx: number, ny: number, c: number): Polygon {
  const out: Polygon = [];
  const inside = (p: Point) => nx * p[0] + ny * p[1] <= c + 1e-9;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const aIn = inside(a);
    const bIn = inside(b);
    if (aIn) out.push(a);
    if (aIn !== bIn) {
      const da = nx * a[0] + ny * a[1] - c;
      const db = nx * b[0] + ny * b[1] - c;
      const t = da / (da - db);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

// The polygon cut to a regular polygon circumscribing the circle (sides tangent to it).
export function clipCircle(polygon: Polygon, center: Point, radius: number, sides = 32): Polygon {
  let out = polygon;
  for (let k = 0; k < sides && out.length > 0; k++) {
    const angle = (2 * Math.PI * k) / sides;
    const nx = Math.cos(angle);
    const ny = Math.sin(angle);
    out = clipHalfPlane(out, nx, ny, nx * center[0] + ny * center[1] + radius);
  }
  return out;
}

// Convex hull, counter-clockwise in SVG coordinates' terms (monotone chain).
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

// Clips to the hull pushed outwards by `margin` (each edge moved out along its normal).
function clipToHull(polygon: Polygon, hull: Point[], margin: number): Polygon {
  if (hull.length < 3) return polygon;
  // Orientation of the hull: the centroid is inside every edge's half-plane.
  const cx = hull.reduce((s, p) => s + p[0], 0) / hull.length;
  const cy = hull.reduce((s, p) => s + p[1], 0) / hull.length;
  let out = polygon;
  for (let i = 0; i < hull.length && out.length > 0; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    let nx = b[1] - a[1];
    let ny = -(b[0] - a[0]);
    const length = Math.hypot(nx, ny) || 1;
    nx /= length;
    ny /= length;
    if (nx * (cx - a[0]) + ny * (cy - a[1]) > 0) {
      nx = -nx;
      ny = -ny;
    }
    out = clipHalfPlane(out, nx, ny, nx * a[0] + ny * a[1] + margin);
  }
  return out;
}

export function polygonArea(polygon: Polygon): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

export function polygonCentroid(polygon: Polygon): Point {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const f = a[0] * b[1] - b[0] * a[1];
    area += f;
    x += (a[0] + b[0]) * f;
    y += (a[1] + b[1]) * f;
  }
  if (Math.abs(area) < 1e-12) {
    const n = polygon.length || 1;
    return [polygon.reduce((s, p) => s + p[0], 0) / n, polygon.reduce((s, p) => s + p[1], 0) / n];
  }
  return [x / (3 * area), y / (3 * area)];
}

export function pathOf(polygon: Polygon): string {
  if (polygon.length === 0) return "";
  return `M${polygon.map((p) => `${p[0].toFixed(2)},${p[1].toFixed(2)}`).join("L")}Z`;
}

export function segmentsPath(segments: [Point, Point][]): string {
  return segments
    .map(([a, b]) => `M${a[0].toFixed(2)},${a[1].toFixed(2)}L${b[0].toFixed(2)},${b[1].toFixed(2)}`)
    .join("");
}

export function buildShapes(sites: Site[], options: ShapeOptions): Shapes {
  const { width, height, margin, islands } = options;
  const { project, unitsPerKm } = fitProjection(sites, width, height, margin);
  const points = sites.map((site) => project(site));
  const radius = options.radiusKm * unitsPerKm;
  const islandRadius = options.islandRadiusKm * unitsPerKm;
  const gap = options.seaGapKm * unitsPerKm;
  const delaunay = Delaunay.from(points);
  const voronoi = delaunay.voronoi([-width, -height, 2 * width, 2 * height]);
  const mainlandHull = convexHull(points.filter((_, i) => !islands.has(sites[i]!.district)));
  const neighbours = points.map((_, i) => [...delaunay.neighbors(i)]);

  const cells: Cell[] = sites.map((site, i) => {
    const ring = voronoi.cellPolygon(i) as Point[] | null;
    let polygon: Polygon = ring ? ring.slice(0, -1).map((p) => [p[0], p[1]] as Point) : [];
    const island = islands.has(site.district);
    if (!island) polygon = clipToHull(polygon, mainlandHull, options.outlineMarginKm * unitsPerKm);
    polygon = clipCircle(polygon, points[i]!, island ? islandRadius : radius);
    // Sea between an island district and any other district: both sides step back.
    for (const j of neighbours[i]!) {
      const other = sites[j]!;
      if (other.district === site.district) continue;
      if (!island && !islands.has(other.district)) continue;
      const [px, py] = points[i]!;
      const [qx, qy] = points[j]!;
      const length = Math.hypot(qx - px, qy - py) || 1;
      const nx = (qx - px) / length;
      const ny = (qy - py) / length;
      const c = nx * ((px + qx) / 2) + ny * ((py + qy) / 2) - gap;
      polygon = clipHalfPlane(polygon, nx, ny, c);
    }
    return { code: site.code, district: site.district, site: points[i]!, polygon };
  });

  // Outline edges: an edge lies inside a district when both its ends are as far from
  // this cell's point as from a same-district neighbour's (it is on their bisector).
  const tolerance = 1e-6 * Math.max(width, height);
  const outlines = new Map<string, [Point, Point][]>();
  cells.forEach((cell, i) => {
    const same = neighbours[i]!.filter((j) => sites[j]!.district === cell.district).map((j) => points[j]!);
    const onBisector = (p: Point, q: Point) =>
      Math.abs(Math.hypot(p[0] - cell.site[0], p[1] - cell.site[1]) - Math.hypot(p[0] - q[0], p[1] - q[1])) <
      tolerance * 10;
    const segments = outlines.get(cell.district) ?? [];
    const polygon = cell.polygon;
    for (let k = 0; k < polygon.length; k++) {
      const a = polygon[k]!;
      const b = polygon[(k + 1) % polygon.length]!;
      const internal = same.some((q) => onBisector(a, q) && onBisector(b, q));
      if (!internal) segments.push([a, b]);
    }
    outlines.set(cell.district, segments);
  });

  // Label anchor: the centroid of the district's cell nearest the district's centroid
  // (inside the district even when its shape is long and bent, as Khlong Yai's is).
  const anchors = new Map<string, Point>();
  for (const district of new Set(sites.map((site) => site.district))) {
    const own = cells.filter((cell) => cell.district === district && cell.polygon.length >= 3);
    if (own.length === 0) continue;
    let total = 0;
    let x = 0;
    let y = 0;
    for (const cell of own) {
      const area = polygonArea(cell.polygon);
      const [cx, cy] = polygonCentroid(cell.polygon);
      total += area;
      x += cx * area;
      y += cy * area;
    }
    const centre: Point = total > 0 ? [x / total, y / total] : own[0]!.site;
    const nearest = own.reduce((best, cell) => {
      const d = (c: Cell) =>
        Math.hypot(polygonCentroid(c.polygon)[0] - centre[0], polygonCentroid(c.polygon)[1] - centre[1]);
      return d(cell) < d(best) ? cell : best;
    });
    anchors.set(district, polygonCentroid(nearest.polygon));
  }

  return fitInto({ width, height, cells, outlines, anchors }, margin);
}

// Scales and moves the drawing so that all of it (cells reach beyond their points)
// lies inside the box with `margin` left free on every side.
function fitInto(shapes: Shapes, margin: number): Shapes {
  const all = shapes.cells.flatMap((cell) => cell.polygon);
  if (all.length === 0) return shapes;
  const minX = Math.min(...all.map((p) => p[0]));
  const maxX = Math.max(...all.map((p) => p[0]));
  const minY = Math.min(...all.map((p) => p[1]));
  const maxY = Math.max(...all.map((p) => p[1]));
  const scale = Math.min(
    (shapes.width - 2 * margin) / Math.max(maxX - minX, 1e-9),
    (shapes.height - 2 * margin) / Math.max(maxY - minY, 1e-9),
  );
  const dx = (shapes.width - (maxX - minX) * scale) / 2;
  const dy = (shapes.height - (maxY - minY) * scale) / 2;
  const move = (p: Point): Point => [dx + (p[0] - minX) * scale, dy + (p[1] - minY) * scale];
  return {
    width: shapes.width,
    height: shapes.height,
    cells: shapes.cells.map((cell) => ({ ...cell, site: move(cell.site), polygon: cell.polygon.map(move) })),
    outlines: new Map(
      [...shapes.outlines].map(([code, segments]) => [
        code,
        segments.map(([a, b]) => [move(a), move(b)] as [Point, Point]),
      ]),
    ),
    anchors: new Map([...shapes.anchors].map(([code, point]) => [code, move(point)])),
  };
}
