// Site photos through the API: upload with the phone's position (else EXIF GPS, else
// none), the thumbnail answering 202 until the background worker has made it, the
// full image, wrong or lying content types (415/422), 10 MiB (413), absurd
// coordinates (422), rights (401/403), and a replayed upload stored once. Runs on
// SQLite and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';
import { makePng, withExifGps, demoProject, untilReady } from '../lib/progress.mjs';

let server;
let photosDir;
let anonymous;
let strategy;
let agency; // TRAT-DOAE
let executive;
let auditor;
let p11; // TRAT-DOAE's project
let p09; // another agency's

before(async () => {
  photosDir = mkdtempSync(join(tmpdir(), 'changwat-photos-'));
  // Thumbnails wait 1.5 s, so the test sees the 202 of one not made yet.
  server = await startServer({ demo: true, args: ['--photos-dir', photosDir], env: { CHANGWAT_TEST_THUMBNAIL_DELAY_MS: '1500' } });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  auditor = await server.login('auditor');
  p11 = (await demoProject(strategy, 'P11')).element_id;
  p09 = (await demoProject(strategy, 'P09')).element_id;
});
after(async () => { await server?.stop(); rmSync(photosDir, { recursive: true, force: true }); });

const upload = (client, elementId, bytes, type, headers = {}) =>
  client.request('POST', `/api/v1/projects/${elementId}/photos`, { body: bytes, raw: true, headers: { 'content-type': type, ...headers } });
async function photoCount(elementId) {
  const r = await auditor.get(`/api/v1/projects/${elementId}/photos`);
  assert.equal(r.status, 200, r.text);
  return r.json.items.length;
}

let jpegFromServer; // a real JPEG: the thumbnail the server made of a PNG

test('a PNG with the phone\'s position: 201 with it; the thumbnail is 202, then 200 image/jpeg; the image reads back', async () => {
  const png = makePng(1200, 900);
  const r = await upload(agency, p11, png, 'image/png', { 'x-latitude': '12.2436', 'x-longitude': '102.5151', 'x-accuracy-m': '8.5' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.latitude, 12.2436);
  assert.equal(r.json.longitude, 102.5151);
  assert.equal(r.json.accuracy_m, 8.5);
  assert.equal(r.json.position_source, 'device');
  assert.equal(r.json.width, 1200);
  assert.equal(r.json.height, 900);
  assert.ok(r.json.taken_at, 'taken_at');
  assert.equal(r.json.thumbnail_url, `/api/v1/photos/${r.json.id}/thumbnail`);
  const pending = await auditor.get(r.json.thumbnail_url);
  assert.equal(pending.status, 202, pending.text);
  assert.equal(pending.json.status, 'pending');
  const ready = await untilReady(auditor, r.json.thumbnail_url);
  assert.equal(ready.status, 200, ready.text);
  assert.equal(ready.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual([...ready.buffer.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
  assert.ok(ready.buffer.length < png.length, 'smaller than the photo');
  jpegFromServer = ready.buffer;
  const full = await auditor.get(`/api/v1/photos/${r.json.id}`);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'image/png');
  assert.ok(full.buffer.equals(png), 'the same bytes');
  const list = await auditor.get(`/api/v1/projects/${p11}/photos`);
  assert.ok(list.json.items.some((p) => p.id === r.json.id));
  assertError(await anonymous.get(`/api/v1/photos/${r.json.id}`), 401);
  assertError(await auditor.get('/api/v1/photos/99999999'), 404);
});

test('without position headers the EXIF GPS of a JPEG is the position (and its capture time); headers win over it', async () => {
  assert.ok(jpegFromServer, 'the first test made a JPEG');
  const jpeg = withExifGps(jpegFromServer, { latitude: 12.2436, longitude: 102.5151 });
  const r = await upload(strategy, p09, jpeg, 'image/jpeg');
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.position_source, 'exif');
  assert.ok(Math.abs(r.json.latitude - 12.2436) < 1e-4, r.text);
  assert.ok(Math.abs(r.json.longitude - 102.5151) < 1e-4, r.text);
  assert.equal(r.json.accuracy_m, null);
  assert.equal(r.json.taken_at, '2026-03-05T10:15:00+07:00');
  const south = await upload(strategy, p09, withExifGps(jpegFromServer, { latitude: -6.2, longitude: -35.5 }), 'image/jpeg');
  assert.ok(south.json.latitude < 0 && south.json.longitude < 0, south.text);
  const device = await upload(strategy, p09, jpeg, 'image/jpeg', { 'x-latitude': '12.5', 'x-longitude': '102.3' });
  assert.equal(device.json.position_source, 'device');
  assert.equal(device.json.latitude, 12.5);
  const none = await upload(strategy, p09, jpegFromServer, 'image/jpeg');
  assert.equal(none.status, 201, none.text);
  assert.equal(none.json.latitude, null);
  assert.equal(none.json.longitude, null);
  assert.equal(none.json.position_source, 'none');
  const thumb = await untilReady(auditor, r.json.thumbnail_url);
  assert.equal(thumb.status, 200);
});

test('another type is 415; a body that is not the image its type says is 415 or 422; nothing stored', async () => {
  const before = await photoCount(p09);
  const png = makePng(40, 30);
  assertError(await upload(strategy, p09, Buffer.from('GIF89a....'), 'image/gif'), 415);
  assertError(await upload(strategy, p09, Buffer.from('hello'), 'text/plain'), 415);
  assertError(await upload(strategy, p09, png, 'image/jpeg'), 415, 'image_type_mismatch');
  assertError(await upload(strategy, p09, Buffer.from('not an image at all, just text'), 'image/jpeg'), 422, 'image_invalid', 'body');
  assertError(await upload(strategy, p09, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2, 3]), 'image/jpeg'), 422, 'image_invalid');
  assertError(await upload(strategy, p09, Buffer.concat([png.subarray(0, 20), Buffer.alloc(20)]), 'image/png'), 422, 'image_invalid');
  assert.equal(await photoCount(p09), before);
});

test('a body over 10 MiB is 413 (the Content-Length decides); absurd coordinates 422; nothing stored', async () => {
  const before = await photoCount(p09);
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
  big[0] = 0xff; big[1] = 0xd8; big[2] = 0xff;
  assertError(await upload(strategy, p09, big, 'image/jpeg'), 413);
  const huge = Buffer.alloc(40 * 1024 * 1024, 0x41);
  const refused = await upload(strategy, p09, huge, 'image/jpeg');
  assert.equal(refused.status, 413, refused.text);
  const png = makePng(40, 30);
  for (const headers of [
    { 'x-latitude': '95', 'x-longitude': '102' },
    { 'x-latitude': '12', 'x-longitude': '-181' },
    { 'x-latitude': 'north', 'x-longitude': '102' },
    { 'x-latitude': '0', 'x-longitude': '0' },
    { 'x-latitude': '12.2' },
    { 'x-latitude': '12.2', 'x-longitude': '102.5', 'x-accuracy-m': '-5' },
  ]) {
    assertError(await upload(strategy, p09, png, 'image/png', headers), 422, 'invalid_position');
  }
  assert.equal(await photoCount(p09), before);
});

test('rights: another agency\'s officer and the executive 403, anonymous 401; every signed-in role lists photos', async () => {
  const png = makePng(40, 30);
  assertError(await upload(agency, p09, png, 'image/png'), 403, 'not_own_agency');
  assertError(await upload(executive, p09, png, 'image/png'), 403);
  const nobody = await upload(anonymous, p09, png, 'image/png');
  assert.ok([401, 403].includes(nobody.status), nobody.text);
  assert.equal((await executive.get(`/api/v1/projects/${p09}/photos`)).status, 200);
  assertError(await anonymous.get(`/api/v1/projects/${p09}/photos`), 401);
  assertError(await auditor.get('/api/v1/projects/99999999/photos'), 404);
});

test('Idempotency-Key: a photo sent twice from the offline queue is stored once; another photo under the key 409', async () => {
  const before = await photoCount(p11);
  const headers = { 'idempotency-key': `photo-${Date.now()}`, 'x-latitude': '12.1', 'x-longitude': '102.6' };
  const png = makePng(64, 48, 7);
  const first = await upload(agency, p11, png, 'image/png', headers);
  assert.equal(first.status, 201, first.text);
  const again = await upload(agency, p11, png, 'image/png', headers);
  assert.equal(again.status, 201);
  assert.equal(again.text, first.text);
  assert.equal(await photoCount(p11), before + 1);
  assertError(await upload(agency, p11, makePng(64, 48, 8), 'image/png', headers), 409, 'idempotency_key_reused');
  assertError(await upload(agency, p11, png, 'image/png', { ...headers, 'x-latitude': '12.2' }), 409, 'idempotency_key_reused');
  assert.equal(await photoCount(p11), before + 1);
});
