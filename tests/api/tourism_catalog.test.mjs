// tests/api/tourism_catalog.test.mjs — communities, products, experiences, split rules,
// bookings within the day's offered capacity (also fired at once), timetables and the
// GTFS feed, on the real server (SQLite or PostgreSQL by CHANGWAT_TEST_ENGINE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { startServer } from '../lib/server.mjs';
import { communityWithManager } from '../lib/tourism.mjs';

let server;
let strategy;
let admin;
before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  admin = await server.login('admin');
});
after(async () => { await server?.stop(); });

const tomorrow = (days = 1) => new Date(Date.now() + days * 86400000 + 7 * 3600000).toISOString().slice(0, 10);

// The entries of a ZIP archive (local headers; deflate or stored), enough for the GTFS check.
function unzip(buffer) {
  const files = {};
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.slice(at + 30, at + 30 + nameLength).toString();
    const data = buffer.slice(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 30 + nameLength + extra + size;
  }
  return files;
}

test('the public reads the 12 demo communities of Trat with products and experiences', async () => {
  const list = await server.client().get('/api/v1/tourism/communities');
  assert.equal(list.status, 200, list.text);
  const demo = list.json.items.filter((c) => c.demo);
  assert.equal(demo.length, 12);
  for (const c of demo) {
    assert.match(c.area_code, /^23\d{4}$/, 'a Trat subdistrict');
    assert.ok(c.name_th && c.name_en);
    assert.ok(c.offered_capacity_per_day <= c.carrying_capacity_per_day);
    assert.equal(Object.keys(c.cbt_scores).length, 5);
    assert.equal(c.promptpay_id, undefined, 'no payee account in the public list');
  }
  const products = await server.client().get(`/api/v1/tourism/communities/${demo[0].id}/products`);
  assert.equal(products.status, 200);
  assert.ok(products.json.items.length > 0);
  for (const p of products.json.items) {
    assert.ok(['food', 'drink', 'textile', 'souvenir', 'herbal'].includes(p.otop_group));
    assert.ok(p.stars === null || (p.stars >= 1 && p.stars <= 5));
    assert.ok(Number.isInteger(p.price_satang));
  }
  const experiences = await server.client().get(`/api/v1/tourism/communities/${demo[0].id}/experiences`);
  assert.ok(experiences.json.items.length > 0);
  for (const e of experiences.json.items) {
    assert.ok(e.capacity > 0 && Number.isInteger(e.price_satang));
    assert.equal(e.season_from_month, null, 'offered every day of the year');
  }
  const missing = await server.client().get('/api/v1/tourism/communities/999999/products');
  assert.equal(missing.status, 404);
});

test("a community manager's /auth/me carries community_id", async () => {
  const manager = await server.login('community');
  const me = await manager.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(typeof me.json.user.community_id, 'number');
  const strategyMe = await strategy.get('/api/v1/auth/me');
  assert.equal(strategyMe.json.user.community_id, null);
});

test('a PromptPay id that is neither a phone nor a 13-digit ID with its check digit is refused; nothing stored', async () => {
  const before = (await server.client().get('/api/v1/tourism/communities')).json.items.length;
  const body = {
    area_code: '230114', name_th: 'ชุมชนพร้อมเพย์ผิด', name_en: 'Bad PromptPay', payee_name: 'กลุ่ม', payee_kind: 'otop_group',
    cbt_scores: { management: 1, economy: 1, culture: 1, environment: 1, service: 1 },
    carrying_capacity_per_day: 10, offered_capacity_per_day: 5,
  };
  for (const id of ['1101700230705', '12345', '0012345678']) {
    const r = await strategy.post('/api/v1/tourism/communities', { ...body, promptpay_id: id });
    assert.equal(r.status, 400, `${id}: ${r.text}`);
    assert.ok(r.json.error.fields.promptpay_id, id);
  }
  const tooMany = await strategy.post('/api/v1/tourism/communities', { ...body, promptpay_id: '0812345678', offered_capacity_per_day: 11 });
  assert.equal(tooMany.status, 400);
  assert.ok(tooMany.json.error.fields.offered_capacity_per_day);
  const badScore = await strategy.post('/api/v1/tourism/communities', { ...body, promptpay_id: '0812345678', cbt_scores: { ...body.cbt_scores, culture: 6 } });
  assert.equal(badScore.status, 400);
  assert.ok(badScore.json.error.fields['cbt_scores.culture']);
  assert.equal((await server.client().get('/api/v1/tourism/communities')).json.items.length, before);
  const good = await strategy.post('/api/v1/tourism/communities', { ...body, promptpay_id: '1101700230708' });
  assert.equal(good.status, 201, good.text);
  const anonymous = await server.client().post('/api/v1/tourism/communities', body);
  assert.equal(anonymous.status, 401);
});

test('split rules must sum to 100 % (422, nothing stored); a manager of another community may not set them', async () => {
  const { community, manager } = await communityWithManager(server, strategy, admin);
  const good = await manager.put(`/api/v1/tourism/communities/${community.id}/split-rules`, { rules: [
    { applies_to: 'product', producer_percent: 70, guide_percent: 0, homestay_percent: 0, fund_percent: 30 }] });
  assert.equal(good.status, 200, good.text);
  const bad = await manager.put(`/api/v1/tourism/communities/${community.id}/split-rules`, { rules: [
    { applies_to: 'product', producer_percent: 70, guide_percent: 10, homestay_percent: 0, fund_percent: 30 }] });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.code, 'split_not_100');
  assert.ok(bad.json.error.message_th && bad.json.error.message_en);
  const stored = await server.client().get(`/api/v1/tourism/communities/${community.id}/split-rules`);
  assert.equal(stored.json.items[0].producer_percent, 70);
  assert.equal(stored.json.items[0].guide_percent, 0);
  const other = await communityWithManager(server, strategy, admin);
  const foreign = await other.manager.put(`/api/v1/tourism/communities/${community.id}/split-rules`, { rules: [] });
  assert.equal(foreign.status, 403);
});

test('bookings stop at the village offered capacity for the day: 409 with the places left', async () => {
  const { community, manager } = await communityWithManager(server, strategy, admin, { offered_capacity_per_day: 5 });
  const experience = await manager.post(`/api/v1/tourism/communities/${community.id}/experiences`, { name_th: 'ล่องเรือ', price_satang: 30000, capacity: 10 });
  assert.equal(experience.status, 201, experience.text);
  const book = (party) => server.client().post('/api/v1/tourism/bookings', { experience_id: experience.json.id, date: tomorrow(), party_size: party, contact_name: 'ผู้ทดสอบ', contact_phone: '0812345678' });
  assert.equal((await book(3)).status, 201);
  const full = await book(3);
  assert.equal(full.status, 409, full.text);
  assert.equal(full.json.remaining_capacity, 2);
  assert.ok(full.json.error.message_th.includes('2'));
  assert.equal((await book(2)).status, 201);
  assert.equal((await book(1)).status, 409);
  const zero = await book(0);
  assert.equal(zero.status, 400);
  assert.ok(zero.json.error.fields.party_size);
  const past = await server.client().post('/api/v1/tourism/bookings', { experience_id: experience.json.id, date: '2020-01-01', party_size: 1, contact_name: 'ผู้ทดสอบ', contact_phone: '0812345678' });
  assert.equal(past.status, 422);
});

test('bookings fired at once never overbook the day', async () => {
  const { community, manager } = await communityWithManager(server, strategy, admin, { offered_capacity_per_day: 10 });
  const experience = await manager.post(`/api/v1/tourism/communities/${community.id}/experiences`, { name_th: 'เวิร์กช็อป', price_satang: 10000, capacity: 100 });
  const day = tomorrow(3);
  const answers = await Promise.all(Array.from({ length: 16 }, () => server.client().post('/api/v1/tourism/bookings', {
    experience_id: experience.json.id, date: day, party_size: 2, contact_name: 'พร้อมกัน', contact_phone: '0899999999' })));
  const made = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 409).length;
  assert.equal(made, 5, answers.map((a) => a.status).join(','));
  assert.equal(refused, 11);
});

test('a timetable with stop times out of order is refused (422) and nothing is stored; the GTFS feed has ferries as route_type 4', async () => {
  const stopA = await strategy.post('/api/v1/tourism/stops', { name_th: 'ท่าทดสอบ ก', name_en: 'Test pier A', latitude: 12.1, longitude: 102.4 });
  const stopB = await strategy.post('/api/v1/tourism/stops', { name_th: 'ท่าทดสอบ ข', name_en: 'Test pier B', latitude: 12.0, longitude: 102.3 });
  assert.equal(stopA.status, 201, stopA.text);
  const route = await strategy.post('/api/v1/tourism/routes', { name_th: 'เส้นทางทดสอบ', name_en: 'Test route', stop_ids: [stopA.json.id, stopB.json.id] });
  assert.equal(route.status, 201, route.text);
  const trip = (times) => strategy.post('/api/v1/tourism/trips', { route_id: route.json.id, mode: 'ferry', operator_name: 'เรือทดสอบ', operator_url: 'https://example.org/test', headsign: 'ข', start_date: '2026-12-01', end_date: '2027-03-31',
    stop_times: [{ stop_id: stopA.json.id, arrival: times[0], departure: times[0] }, { stop_id: stopB.json.id, arrival: times[1], departure: times[1] }] });
  const before = (await server.client().get('/api/v1/tourism/timetable')).json.trips.length;
  const wrong = await trip(['10:00:00', '09:30:00']);
  assert.equal(wrong.status, 422, wrong.text);
  assert.equal(wrong.json.error.code, 'stop_times_out_of_order');
  assert.ok(wrong.json.error.fields['stop_times[1].arrival']);
  assert.equal((await server.client().get('/api/v1/tourism/timetable')).json.trips.length, before);
  const right = await trip(['10:00:00', '10:45:00']);
  assert.equal(right.status, 201, right.text);
  const timetable = (await server.client().get('/api/v1/tourism/timetable')).json;
  assert.equal(timetable.trips.length, before + 1);
  assert.ok(timetable.notices.length >= 1, 'the demo low-tide notice');

  const zip = await server.client().get('/api/v1/tourism/gtfs.zip');
  assert.equal(zip.status, 200);
  assert.match(zip.headers.get('content-type'), /zip/);
  const files = unzip(zip.buffer);
  for (const name of ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt', 'calendar.txt'])
    assert.ok(files[name], name);
  const routes = files['routes.txt'].trim().split('\r\n');
  assert.equal(routes[0], 'route_id,agency_id,route_short_name,route_long_name,route_type');
  const types = routes.slice(1).map((r) => r.split(',').at(-1));
  assert.ok(types.includes('4'), 'ferries');
  const ferryTrips = files['trips.txt'].trim().split('\r\n').slice(1).filter((t) => t.includes('-ferry-'));
  assert.ok(ferryTrips.length >= 5, 'two demo island routes with ferry legs and the test trip');
  assert.ok(files['stops.txt'].includes('Ao Thammachat') && files['stops.txt'].includes('Laem Sok'));
  const stopTimes = files['stop_times.txt'].trim().split('\r\n');
  assert.equal(stopTimes[0], 'trip_id,arrival_time,departure_time,stop_id,stop_sequence');
});
