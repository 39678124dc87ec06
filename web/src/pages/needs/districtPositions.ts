// Where Trat's districts are, for the bubble map of needs: the mean latitude and
// longitude of each district's subdistricts in the Thai areas reference data
// (thai-province-data by Kongvut Sangkla, MIT licence; see data/README.md).
// Only positions are here; names and counts always come from the API.
export const tratDistrictPositions: Record<string, { lat: number; lon: number }> = {
  "2301": { lat: 12.224, lon: 102.577 },
  "2302": { lat: 11.794, lon: 102.868 },
  "2303": { lat: 12.433, lon: 102.428 },
  "2304": { lat: 12.575, lon: 102.548 },
  "2305": { lat: 12.215, lon: 102.38 },
  "2306": { lat: 11.768, lon: 102.458 },
  "2307": { lat: 12.079, lon: 102.289 },
};

// Equirectangular projection scaled by cos(latitude): fine for a province-sized area.
export function project(
  points: { lat: number; lon: number }[],
  width: number,
  height: number,
  margin: number,
): (point: { lat: number; lon: number }) => { x: number; y: number } {
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
  return (point) => ({
    x: offsetX + (point.lon - minLon) * scaleLon * scale,
    y: offsetY + (maxLat - point.lat) * scale,
  });
}
