// Trat's approximate district and subdistrict shapes, built once per page load from
// the subdistrict offices' positions (geometry.ts explains how; not official
// boundaries).
import { buildShapes, type ShapeOptions, type Shapes } from "./geometry";
import { tratIslandDistricts, tratSubdistrictPoints } from "./tratPoints";

export const tratShapeOptions: ShapeOptions = {
  width: 400,
  height: 520,
  margin: 30,
  radiusKm: 16,
  islandRadiusKm: 9,
  outlineMarginKm: 4,
  seaGapKm: 1.2,
  islands: tratIslandDistricts,
};

let built: Shapes | null = null;

export function tratShapes(): Shapes {
  built ??= buildShapes(tratSubdistrictPoints, tratShapeOptions);
  return built;
}
