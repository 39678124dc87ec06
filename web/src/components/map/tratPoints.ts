// Where Trat's subdistrict offices are: the latitude and longitude of each subdistrict
// (ตำบล) of Trat (province 23) in the shared areas reference data
// (../shared/data/th-areas.json: thai-province-data by Kongvut Sangkla, MIT licence;
// see data/README.md). A subdistrict without a position there (Bang Phra, 230101) is
// not drawn. Only codes and positions are here; names always come from the API. A unit
// test (geometry.test.ts) checks this table against that file.
export interface AreaPoint {
  code: string;
  district: string;
  lat: number;
  lon: number;
}

export const tratSubdistrictPoints: AreaPoint[] = [
  { code: "230102", district: "2301", lat: 12.216, lon: 102.504 },
  { code: "230103", district: "2301", lat: 12.184, lon: 102.488 },
  { code: "230104", district: "2301", lat: 12.194, lon: 102.542 },
  { code: "230105", district: "2301", lat: 12.143, lon: 102.518 },
  { code: "230106", district: "2301", lat: 12.078, lon: 102.562 },
  { code: "230107", district: "2301", lat: 12.272, lon: 102.479 },
  { code: "230108", district: "2301", lat: 12.387, lon: 102.56 },
  { code: "230109", district: "2301", lat: 12.283, lon: 102.547 },
  { code: "230110", district: "2301", lat: 12.243, lon: 102.589 },
  { code: "230111", district: "2301", lat: 12.345, lon: 102.675 },
  { code: "230112", district: "2301", lat: 12.25, lon: 102.659 },
  { code: "230113", district: "2301", lat: 12.194, lon: 102.677 },
  { code: "230114", district: "2301", lat: 12.117, lon: 102.704 },
  { code: "230201", district: "2302", lat: 11.774, lon: 102.889 },
  { code: "230202", district: "2302", lat: 11.91, lon: 102.805 },
  { code: "230203", district: "2302", lat: 11.699, lon: 102.909 },
  { code: "230301", district: "2303", lat: 12.34, lon: 102.437 },
  { code: "230302", district: "2303", lat: 12.398, lon: 102.382 },
  { code: "230303", district: "2303", lat: 12.478, lon: 102.531 },
  { code: "230304", district: "2303", lat: 12.296, lon: 102.346 },
  { code: "230305", district: "2303", lat: 12.553, lon: 102.434 },
  { code: "230306", district: "2303", lat: 12.525, lon: 102.359 },
  { code: "230307", district: "2303", lat: 12.469, lon: 102.435 },
  { code: "230308", district: "2303", lat: 12.405, lon: 102.501 },
  { code: "230401", district: "2304", lat: 12.604, lon: 102.559 },
  { code: "230402", district: "2304", lat: 12.585, lon: 102.469 },
  { code: "230403", district: "2304", lat: 12.461, lon: 102.664 },
  { code: "230404", district: "2304", lat: 12.683, lon: 102.447 },
  { code: "230405", district: "2304", lat: 12.544, lon: 102.6 },
  { code: "230501", district: "2305", lat: 12.186, lon: 102.419 },
  { code: "230502", district: "2305", lat: 12.209, lon: 102.436 },
  { code: "230503", district: "2305", lat: 12.241, lon: 102.301 },
  { code: "230507", district: "2305", lat: 12.226, lon: 102.362 },
  { code: "230601", district: "2306", lat: 11.817, lon: 102.397 },
  { code: "230602", district: "2306", lat: 11.719, lon: 102.519 },
  { code: "230701", district: "2307", lat: 12.161, lon: 102.247 },
  { code: "230702", district: "2307", lat: 11.996, lon: 102.331 },
];

// Districts that are wholly islands (Ko Kut, Ko Chang): the sea is kept between their
// shapes and the mainland's.
export const tratIslandDistricts: ReadonlySet<string> = new Set(["2306", "2307"]);
