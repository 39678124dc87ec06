// Helpers of the progress API tests (tests/api/progress_*.test.mjs): images made here
// with node's zlib (a PNG), EXIF GPS spliced into a JPEG the server made, and the demo
// projects by their plan code.
import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';

// A true-colour PNG of width × height with a gradient and some noise (so it does not
// compress to nothing), as the PNG specification lays it out.
export function makePng(width, height, seed = 1) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let state = seed;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const noise = state & 0x1f;
      raw[row + 1 + x * 3] = (x * 255 / width + noise) & 0xff;
      raw[row + 2 + x * 3] = (y * 255 / height) & 0xff;
      raw[row + 3 + x * 3] = (128 + noise) & 0xff;
    }
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// An EXIF APP1 segment (big-endian TIFF) with GPS latitude/longitude in degrees,
// minutes and seconds and a DateTimeOriginal, as the EXIF 2.3 specification lays it
// out; inserted right after the JPEG's SOI marker.
export function withExifGps(jpeg, { latitude, longitude, takenAt = '2026:03:05 10:15:00' }) {
  assert.ok(jpeg[0] === 0xff && jpeg[1] === 0xd8, 'a JPEG');
  const dms = (value) => {
    const v = Math.abs(value);
    const d = Math.floor(v);
    const m = Math.floor((v - d) * 60);
    const s = Math.round(((v - d) * 60 - m) * 60 * 10000);
    return [[d, 1], [m, 1], [s, 10000]];
  };
  // Layout: header 8 | IFD0 (2 entries) 30 | Exif IFD (1 entry) 18 | GPS IFD (4 entries) 54
  // | DateTimeOriginal 20 | latitude 24 | longitude 24
  const ifd0 = 8; const exifIfd = ifd0 + 30; const gpsIfd = exifIfd + 18;
  const date = gpsIfd + 54; const lat = date + 20; const lon = lat + 24;
  const tiff = Buffer.alloc(lon + 24);
  tiff.write('MM', 0, 'latin1'); tiff.writeUInt16BE(42, 2); tiff.writeUInt32BE(ifd0, 4);
  const entry = (at, tag, type, count, value) => {
    tiff.writeUInt16BE(tag, at); tiff.writeUInt16BE(type, at + 2); tiff.writeUInt32BE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'latin1'); else tiff.writeUInt32BE(value, at + 8);
  };
  tiff.writeUInt16BE(2, ifd0);
  entry(ifd0 + 2, 0x8769, 4, 1, exifIfd); // Exif IFD pointer
  entry(ifd0 + 14, 0x8825, 4, 1, gpsIfd); // GPS IFD pointer
  tiff.writeUInt32BE(0, ifd0 + 26);
  tiff.writeUInt16BE(1, exifIfd);
  entry(exifIfd + 2, 0x9003, 2, 20, date); // DateTimeOriginal, ASCII
  tiff.writeUInt32BE(0, exifIfd + 14);
  tiff.writeUInt16BE(4, gpsIfd);
  entry(gpsIfd + 2, 0x0001, 2, 2, latitude < 0 ? 'S' : 'N');
  entry(gpsIfd + 14, 0x0002, 5, 3, lat);
  entry(gpsIfd + 26, 0x0003, 2, 2, longitude < 0 ? 'W' : 'E');
  entry(gpsIfd + 38, 0x0004, 5, 3, lon);
  tiff.writeUInt32BE(0, gpsIfd + 50);
  tiff.write(`${takenAt}\0`, date, 'latin1');
  const rationals = (at, parts) => parts.forEach(([n, d], i) => {
    tiff.writeUInt32BE(n, at + i * 8); tiff.writeUInt32BE(d, at + i * 8 + 4);
  });
  rationals(lat, dms(latitude));
  rationals(lon, dms(longitude));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]);
}

// The demo action plan FY 2569's project with this plan code.
export async function demoProject(client, code) {
  const list = await client.get('/api/v1/action-plans');
  assert.equal(list.status, 200, list.text);
  const plan = list.json.items.find((p) => p.fiscal_year === 2569);
  const detail = await client.get(`/api/v1/action-plans/${plan.id}`);
  const project = detail.json.projects.find((p) => p.code === code);
  assert.ok(project, `no project ${code}`);
  return project;
}

// Polls a URL until it answers something else than 202 (at most ~10 s).
export async function untilReady(client, path) {
  for (let i = 0; i < 100; i++) {
    const r = await client.get(path);
    if (r.status !== 202) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} still 202 after 10 s`);
}
