// Health module through the API: checkpoints, screenings (client_id replays, the Thai
// ID check digit, temperatures, village data minimisation, a phone's batch), cases
// (case numbers, classification history, lab tests, the 3-hour notice), contacts with
// their generated follow-ups (period, own person, cycles, events), visits, converting
// a symptomatic contact, chains, the board and the 506 export. SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';
import { addDays, checkpointOf, newCase, person, thaiId, thaiToday } from '../lib/health.mjs';

let server;
let health;
let strategy;
let executive;
const today = thaiToday();

before(async () => {
  server = await startServer({ demo: true });
  health = await server.login('health');
  strategy = await server.login('strategy');
  executive = await server.login('executive');
});
after(async () => { await server?.stop(); });

function screening(checkpoint, extra = {}) {
  return {
    checkpoint_id: checkpoint.id, person: person('ผู้โดยสาร ทดสอบ'), screened_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    temperature_c: 36.6, symptoms: [], destination_area_code: '230701', decision: 'cleared', client_id: `c-${Math.random()}`, ...extra,
  };
}

test('demo: checkpoints of every kind at real Trat places with area codes; an open COVID-19 outbreak of 14 days and a past wave', async () => {
  const r = await health.get('/api/v1/health/checkpoints');
  assert.equal(r.status, 200, r.text);
  const kinds = new Set(r.json.items.map((c) => c.kind));
  for (const kind of ['province_border', 'district', 'subdistrict', 'village', 'pier', 'island', 'border_crossing', 'international_control'])
    assert.ok(kinds.has(kind), kind);
  for (const c of r.json.items) {
    assert.deepEqual(['area_code', 'id', 'kind', 'name_th'].filter((k) => k in c), ['area_code', 'id', 'kind', 'name_th']);
    assert.match(c.area_code, /^23\d{4}$/);
    assert.equal(c.demo, true);
  }
  assert.ok(r.json.items.some((c) => /หาดเล็ก/.test(c.name_th) && c.kind === 'border_crossing'));
  const outbreaks = await executive.get('/api/v1/health/outbreaks');
  assert.equal(outbreaks.status, 200, outbreaks.text);
  const open = outbreaks.json.items.filter((o) => o.ended_on === null);
  assert.equal(open.length, 1);
  assert.equal(open[0].disease_code, 'covid19');
  assert.equal(open[0].follow_up_days, 14);
  assert.deepEqual(open[0].legal_periods.map((p) => p.category), ['dangerous', 'under_surveillance']);
  assert.equal(open[0].legal_periods[0].to, '2022-09-30');
  const past = outbreaks.json.items.find((o) => o.ended_on !== null);
  const cases = await health.get(`/api/v1/health/cases?outbreak=${past.id}&limit=500`);
  assert.equal(cases.json.items.length, 300);
  assert.ok(cases.json.items.every((c) => c.demo && c.person.demo && /^x+.{2}$/.test(c.person.id_number) && !c.person.id_number.includes('DEMO')));
  const board = await health.get(`/api/v1/health/board?date=2021-05-01&outbreak=${past.id}`);
  assert.equal(board.status, 200, board.text);
  assert.ok(board.json.contacts_under_follow_up > 0, board.text);
  assert.ok(board.json.seen_today > 0 && board.json.seen_today <= board.json.contacts_under_follow_up, board.text);
});

test('a screening: 201 {id}; the same client_id again 200 with the first answer and nothing new', async () => {
  const pier = await checkpointOf(health, 'pier');
  const body = screening(pier, { client_id: 'phone-1-0001' });
  const first = await health.post('/api/v1/health/screenings', body);
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(Object.keys(first.json), ['id']);
  const board0 = (await health.get(`/api/v1/health/board?date=${today}`)).json.screenings_today;
  const again = await health.post('/api/v1/health/screenings', { ...body, temperature_c: 37.9 });
  assert.equal(again.status, 200, again.text);
  assert.deepEqual(again.json, first.json);
  assert.equal((await health.get(`/api/v1/health/board?date=${today}`)).json.screenings_today, board0);
});

test('a Thai ID with a wrong check digit: 422 naming person.id_number; leading 0, 6, 7, 8 are accepted', async () => {
  const pier = await checkpointOf(health, 'pier');
  const good = thaiId('1');
  const bad = good.slice(0, 12) + ((Number(good[12]) + 1) % 10);
  const r = await health.post('/api/v1/health/screenings', screening(pier, { person: { id_type: 'thai_id', id_number: bad, name: 'ผิด หลัก' } }));
  assertError(r, 422, 'invalid_thai_id', 'person.id_number');
  assertError(await health.post('/api/v1/health/screenings', screening(pier, { person: { id_type: 'thai_id', id_number: '12345', name: 'สั้น ไป' } })), 422, 'invalid_thai_id', 'person.id_number');
  for (const lead of ['0', '6', '7', '8']) {
    const ok = await health.post('/api/v1/health/screenings', screening(pier, { person: { id_type: 'thai_id', id_number: thaiId(lead), name: `ผู้มีเลข ${lead}` } }));
    assert.equal(ok.status, 201, `${lead}: ${ok.text}`);
  }
  // Cambodian IDs and passports have no Thai check digit.
  const kh = await health.post('/api/v1/health/screenings', screening(await checkpointOf(health, 'border_crossing'), { person: { id_type: 'cambodian_id', id_number: '010203040', name: 'Sok Dara' } }));
  assert.equal(kh.status, 201, kh.text);
});

test('a temperature outside 30–45 °C: 422 naming temperature_c; an unknown symptom 400; others may not screen', async () => {
  const pier = await checkpointOf(health, 'pier');
  for (const t of [29.9, 45.1, 0]) assertError(await health.post('/api/v1/health/screenings', screening(pier, { temperature_c: t })), 422, 'temperature_out_of_range', 'temperature_c');
  for (const t of [30, 45]) assert.equal((await health.post('/api/v1/health/screenings', screening(pier, { temperature_c: t }))).status, 201);
  assertError(await health.post('/api/v1/health/screenings', screening(pier, { symptoms: ['sneezing'] })), 400, 'invalid_input', 'symptoms[0]');
  assertError(await health.post('/api/v1/health/screenings', screening(pier, { decision: 'maybe' })), 400, 'invalid_input', 'decision');
  assert.equal((await strategy.post('/api/v1/health/screenings', screening(pier))).status, 403);
});

test('village checkpoint: counts only unless referred (no person stored); a referral keeps the person', async () => {
  const village = await checkpointOf(health, 'village');
  const counted = await health.post('/api/v1/health/screenings', screening(village, { person: { id_type: 'thai_id', id_number: thaiId(), name: 'ชาวบ้าน ไม่เก็บ' } }));
  assert.equal(counted.status, 201, counted.text);
  const referred = await health.post('/api/v1/health/screenings', screening(village, { decision: 'refer', person: { id_type: 'other', name: 'ส่งต่อ จริง' } }));
  assert.equal(referred.status, 201, referred.text);
  const list = await health.get(`/api/v1/health/screenings?date=${today}&checkpoint=${village.id}`);
  assert.equal(list.status, 200, list.text);
  const c = list.json.items.find((i) => i.id === counted.json.id);
  const r = list.json.items.find((i) => i.id === referred.json.id);
  assert.equal(c.person, null);
  assert.doesNotMatch(list.text, /ชาวบ้าน/);
  assert.equal(r.person.name, 'ส่งต่อ จ.');
  assert.equal(r.person.masked, true);
  // A pier keeps the person (masked in the list).
  const pier = await checkpointOf(health, 'pier');
  const kept = await health.post('/api/v1/health/screenings', screening(pier));
  const pierList = await health.get(`/api/v1/health/screenings?date=${today}&checkpoint=${pier.id}`);
  assert.equal(pierList.json.items.find((i) => i.id === kept.json.id).person.name, 'ผู้โดยสาร ท.');
});

test('a phone\'s queue as one batch: each answered, a replay 200, a bad one refused alone', async () => {
  const pier = await checkpointOf(health, 'pier');
  const items = Array.from({ length: 20 }, (_, i) => screening(pier, { client_id: `batch-${i}` }));
  items[5].temperature_c = 50;
  const r = await health.post('/api/v1/health/screenings/batch', { items });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 20);
  assert.equal(r.json.items[5].status, 422);
  assert.equal(r.json.items[5].error.code, 'temperature_out_of_range');
  assert.equal(r.json.items.filter((i) => i.status === 201).length, 19);
  // The same client id twice in one batch: stored once, the second answered 200.
  const twice = await health.post('/api/v1/health/screenings/batch', { items: [screening(pier, { client_id: 'twice' }), screening(pier, { client_id: 'twice' })] });
  assert.deepEqual(twice.json.items.map((i) => i.status), [201, 200]);
  assert.equal(twice.json.items[0].id, twice.json.items[1].id);
  // The same traveller twice (one passport): one person, updated.
  const passport = { id_type: 'passport', id_number: 'K9988776', name: 'Sok Dara' };
  const same = await health.post('/api/v1/health/screenings/batch', { items: [screening(pier, { person: passport }), screening(pier, { person: { ...passport, phone: '0899999999' } })] });
  assert.deepEqual(same.json.items.map((i) => i.status), [201, 201]);
  const listed = (await health.get(`/api/v1/health/screenings?date=${today}&checkpoint=${pier.id}`)).json.items;
  const ids = same.json.items.map((i) => listed.find((l) => l.id === i.id).person.id);
  assert.equal(ids[0], ids[1]);
  const again = await health.post('/api/v1/health/screenings/batch', { items });
  assert.deepEqual(again.json.items.filter((i) => i.status === 200).map((i) => i.id), r.json.items.filter((i) => i.status === 201).map((i) => i.id));
});

test('a case: 201 {id, case_number, person_id}; it joins the open outbreak; bad enums 400', async () => {
  const r = await health.post('/api/v1/health/cases', newCase({ area_code: '230201' }));
  assert.equal(r.status, 201, r.text);
  assert.ok(Number.isInteger(r.json.id) && Number.isInteger(r.json.person_id));
  assert.match(r.json.case_number, /^TRT-\d{4}-\d{5}$/);
  assert.equal(r.json.district_code, '2302');
  const open = (await health.get('/api/v1/health/outbreaks')).json.items.find((o) => o.ended_on === null);
  assert.equal(r.json.outbreak_id, open.id);
  // COVID-19 is under surveillance now: no 3-hour clock.
  assert.equal(r.json.notice_due_at, null);
  assertError(await health.post('/api/v1/health/cases', newCase({ classification: 'maybe' })), 400, 'invalid_input', 'classification');
  assertError(await health.post('/api/v1/health/cases', newCase({ infected_in: 'abroad' })), 400, 'invalid_input', 'infected_in');
  assertError(await health.post('/api/v1/health/cases', newCase({ area_code: '100101' })), 400, 'invalid_input', 'area_code');
});

test('a dangerous communicable disease: the notice is due 3 hours after suspicion; marking it notified', async () => {
  const o = await health.post('/api/v1/health/outbreaks', {
    disease_code: 'mers', name_th: 'เมอร์ส (ทดสอบ)', started_on: addDays(today, -3), retention_until: addDays(today, 3650),
    case_id_mask: 'MERS-{seq:3}', legal_periods: [{ category: 'dangerous', from: '2016-01-01' }],
  });
  assert.equal(o.status, 201, o.text);
  const c = await health.post('/api/v1/health/cases', newCase({ outbreak_id: o.json.id }));
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.case_number, 'MERS-001');
  const due = Date.parse(c.json.notice_due_at) - Date.parse(c.json.suspected_at);
  assert.equal(due, 3 * 3600 * 1000);
  const detail = await health.get(`/api/v1/health/cases/${c.json.id}`);
  assert.equal(detail.json.notice_required, true);
  const done = await health.patch(`/api/v1/health/cases/${c.json.id}`, { version: c.json.version, notified: true });
  assert.equal(done.status, 200, done.text);
  assert.ok(done.json.notified_at);
});

test('classification history; backwards without a reason 422 (nothing changed); with a reason kept; lab tests move it up', async () => {
  const c = (await health.post('/api/v1/health/cases', newCase({ classification: 'pui' }))).json;
  const up = await health.post(`/api/v1/health/cases/${c.id}/lab-tests`, { kind: 'atk', result: 'positive', taken_on: today });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.classification, 'probable');
  const pcr = await health.post(`/api/v1/health/cases/${c.id}/lab-tests`, { kind: 'rt_pcr', result: 'positive', taken_on: today });
  assert.equal(pcr.json.classification, 'confirmed');
  const neg = await health.post(`/api/v1/health/cases/${c.id}/lab-tests`, { kind: 'rt_pcr', result: 'negative', taken_on: today });
  assert.equal(neg.json.classification, 'confirmed');
  const back = await health.patch(`/api/v1/health/cases/${c.id}`, { version: neg.json.version, classification: 'suspect' });
  assertError(back, 422, 'classification_backwards', 'reason');
  const still = await health.get(`/api/v1/health/cases/${c.id}`);
  assert.equal(still.json.classification, 'confirmed');
  const ok = await health.patch(`/api/v1/health/cases/${c.id}`, { version: neg.json.version, classification: 'not_a_case', reason: 'ผล RT-PCR ซ้ำเป็นลบ' });
  assert.equal(ok.status, 200, ok.text);
  assertError(await health.patch(`/api/v1/health/cases/${c.id}`, { version: neg.json.version, outcome: 'recovered' }), 409, 'stale_version');
  const detail = (await health.get(`/api/v1/health/cases/${c.id}`)).json;
  assert.deepEqual(detail.history.map((h) => h.classification), ['pui', 'probable', 'confirmed', 'not_a_case']);
  assert.equal(detail.history.at(-1).reason, 'ผล RT-PCR ซ้ำเป็นลบ');
  assert.equal(detail.lab_tests.length, 3);
});

test('a contact: follow_up_until = last contact + 14 days, its 14 daily visits; own person 422; a cycle 422', async () => {
  const c = (await health.post('/api/v1/health/cases', newCase())).json;
  const teams = (await health.get('/api/v1/health/teams')).json.items;
  const team = teams.find((t) => t.kind === 'volunteers');
  const last = addDays(today, -3);
  const r = await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: person('ผู้สัมผัส บ้านเดียวกัน'), last_contact_on: last, exposure: 'household', risk: 'high', team_id: team.id });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.follow_up_until, addDays(last, 14));
  assert.equal(r.json.status, 'following');
  const day = await health.get(`/api/v1/health/follow-ups?date=${addDays(last, 1)}&team=${team.id}`);
  assert.equal(day.status, 200, day.text);
  const mine = day.json.items.filter((f) => f.contact_id === r.json.id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].person.masked, true);
  for (const d of [0, 15]) {
    const none = await health.get(`/api/v1/health/follow-ups?date=${addDays(last, d)}&team=${team.id}`);
    assert.equal(none.json.items.filter((f) => f.contact_id === r.json.id).length, 0, `day ${d}`);
  }
  // The case's own person as its contact.
  const self = (await health.get(`/api/v1/health/persons/${c.person_id}`)).json;
  const own = await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: { id_type: self.id_type, id_number: self.id_number, name: self.name }, last_contact_on: last, exposure: 'household', risk: 'high' });
  assertError(own, 422, 'contact_is_case_person', 'person');
  // A converted contact's case listing its own source case's person: a cycle.
  const converted = await health.post(`/api/v1/health/contacts/${r.json.id}/convert`);
  assert.equal(converted.status, 201, converted.text);
  const cycle = await health.post(`/api/v1/health/cases/${converted.json.id}/contacts`, { person: { id_type: self.id_type, id_number: self.id_number, name: self.name }, last_contact_on: today, exposure: 'household', risk: 'high' });
  assertError(cycle, 422, 'chain_cycle', 'person');
  const source = await health.patch(`/api/v1/health/cases/${c.id}`, { version: c.version, source_case_id: converted.json.id });
  assertError(source, 422, 'chain_cycle', 'source_case_id');
  assertError(await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: person(), last_contact_on: last, exposure: 'boat', risk: 'high' }), 400, 'invalid_input', 'exposure');
  assertError(await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: person(), last_contact_on: last, exposure: 'travel', risk: 'medium' }), 400, 'invalid_input', 'risk');
});

test('visits: a date outside the follow-up period 422 (nothing stored); the contact keeps its last-visit status; symptoms convert to a suspect with the link', async () => {
  const c = (await health.post('/api/v1/health/cases', newCase({ cluster_id: null }))).json;
  const last = addDays(today, -2);
  const contact = (await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: person('ผู้สัมผัส มีไข้'), last_contact_on: last, exposure: 'workplace', risk: 'high' })).json;
  const day1 = (await health.get(`/api/v1/health/follow-ups?date=${addDays(last, 1)}`)).json.items.find((f) => f.contact_id === contact.id);
  for (const date of [last, addDays(last, 15), addDays(last, -10)]) {
    assertError(await health.post(`/api/v1/health/follow-ups/${day1.id}`, { performed: true, symptoms: [], date }), 422, 'outside_follow_up_period', 'date');
    assertError(await health.post(`/api/v1/health/contacts/${contact.id}/visits`, { date, performed: true }), 422, 'outside_follow_up_period', 'date');
  }
  const seen = await health.post(`/api/v1/health/follow-ups/${day1.id}`, { performed: true, symptoms: [] });
  assert.equal(seen.status, 200, seen.text);
  assert.equal(seen.json.performed, true);
  const fever = await health.post(`/api/v1/health/contacts/${contact.id}/visits`, { date: addDays(last, 2), performed: true, symptoms: ['fever', 'cough'] });
  assert.equal(fever.status, 200, fever.text);
  const after = (await health.get(`/api/v1/health/cases/${c.id}`)).json.contacts.find((k) => k.id === contact.id);
  assert.equal(after.last_visit_on, addDays(last, 2));
  assert.equal(after.last_visit_status, 'symptomatic');
  const suspect = await health.post(`/api/v1/health/contacts/${contact.id}/convert`);
  assert.equal(suspect.status, 201, suspect.text);
  assert.equal(suspect.json.classification, 'suspect');
  assert.equal(suspect.json.source_case_id, c.id);
  assert.equal(suspect.json.from_contact_id, contact.id);
  assert.equal(suspect.json.person_id, contact.person_id);
  assertError(await health.post(`/api/v1/health/contacts/${contact.id}/convert`), 409, 'already_converted');
  const chain = await health.get(`/api/v1/health/chains?from=${today}`);
  assert.equal(chain.status, 200, chain.text);
  assert.equal(chain.json.truncated, false);
  assert.ok(chain.json.edges.some((e) => e.from === `case-${c.id}` && e.to === `case-${suspect.json.id}` && e.kind === 'source'), chain.text);
});

test('an event: everyone on one sailing\'s manifest listed as contacts at once', async () => {
  const c = (await health.post('/api/v1/health/cases', newCase())).json;
  const people = Array.from({ length: 25 }, (_, i) => ({ person: person(`ผู้โดยสาร เที่ยว${i}`), exposure: 'travel', risk: i < 5 ? 'high' : 'low' }));
  const r = await health.post('/api/v1/health/events', { name_th: 'เรือเฟอร์รี่อ่าวธรรมชาติ–เกาะช้าง เที่ยว 10:00 (ทดสอบ)', occurred_on: addDays(today, -1), case_id: c.id, people });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.items.length, 25);
  assert.ok(r.json.items.every((k) => k.event_id === r.json.items[0].event_id && k.follow_up_until === addDays(today, 13)));
  assertError(await health.post('/api/v1/health/events', { name_th: 'ว่าง', occurred_on: today, people: [] }), 400, 'invalid_input', 'people');
});

test('chains: nodes (cases and contacts), edges, truncated always present; at most 2,000 nodes', async () => {
  const past = (await health.get('/api/v1/health/outbreaks')).json.items.find((o) => o.ended_on !== null);
  const all = await health.get('/api/v1/health/chains?from=2021-01-01');
  assert.equal(all.status, 200, all.text);
  assert.equal(all.json.nodes.length, 2000);
  assert.equal(all.json.truncated, true);
  assert.ok(all.json.nodes.some((n) => n.kind === 'contact') && all.json.nodes.some((n) => n.kind === 'case'));
  const ids = new Set(all.json.nodes.map((n) => n.id));
  for (const e of all.json.edges) assert.ok(ids.has(e.from) && ids.has(e.to), JSON.stringify(e));
  assert.ok(past);
  assertError(await health.get('/api/v1/health/chains'), 400, 'invalid_input', 'cluster');
  assert.equal((await strategy.get('/api/v1/health/chains?from=2021-01-01')).status, 403);
});

test('board: cases by class, contacts under follow-up, % seen today, zero-case streak by district code', async () => {
  const r = await executive.get(`/api/v1/health/board?date=${today}`);
  assert.equal(r.status, 200, r.text);
  for (const k of ['pui', 'suspect', 'probable', 'confirmed', 'not_a_case']) assert.equal(typeof r.json.cases_by_class[k], 'number');
  assert.equal(typeof r.json.contacts_under_follow_up, 'number');
  assert.ok(r.json.seen_today_percent >= 0 && r.json.seen_today_percent <= 100);
  assert.deepEqual(Object.keys(r.json.zero_case_streak_days).sort(), ['2301', '2302', '2303', '2304', '2305', '2306', '2307']);
  assert.equal(r.json.zero_case_goal_days, 28);
  // Seen today moves with a visit recorded today.
  const c = (await health.post('/api/v1/health/cases', newCase())).json;
  const k = (await health.post(`/api/v1/health/cases/${c.id}/contacts`, { person: person('นับ วันนี้'), last_contact_on: addDays(today, -1), exposure: 'community', risk: 'low' })).json;
  const before = (await health.get(`/api/v1/health/board?date=${today}`)).json;
  await health.post(`/api/v1/health/contacts/${k.id}/visits`, { date: today, performed: true });
  const afterBoard = (await health.get(`/api/v1/health/board?date=${today}`)).json;
  assert.equal(afterBoard.contacts_under_follow_up, before.contacts_under_follow_up);
  assert.ok(afterBoard.seen_today_percent > before.seen_today_percent, `${before.seen_today_percent} -> ${afterBoard.seen_today_percent}`);
  // A local confirmed case resets its district's streak.
  const past = (await health.get('/api/v1/health/outbreaks')).json.items.find((o) => o.ended_on !== null);
  const wave = (await health.get(`/api/v1/health/board?date=2021-06-30&outbreak=${past.id}`)).json;
  assert.ok(Object.values(wave.zero_case_streak_days).some((d) => d < 28), JSON.stringify(wave.zero_case_streak_days));
  const later = (await health.get(`/api/v1/health/board?date=2021-12-31&outbreak=${past.id}`)).json;
  assert.ok(Object.values(later.zero_case_streak_days).every((d) => d >= 28), JSON.stringify(later.zero_case_streak_days));
  assertError(await health.get('/api/v1/health/board?date=31-12-2021'), 400, 'invalid_input', 'date');
  assert.equal((await strategy.get(`/api/v1/health/board?date=${today}`)).status, 403);
});

test('506 export: a header and one row per person, disease and episode (a second report within 90 days is a duplicate)', async () => {
  const p = person('ซ้ำ ตรวจสอบ');
  const first = await health.post('/api/v1/health/cases', newCase({ person: p, classification: 'confirmed', reported_on: addDays(today, -5), onset_on: addDays(today, -6) }));
  const second = await health.post('/api/v1/health/cases', newCase({ person: p, classification: 'confirmed', reported_on: addDays(today, -1), onset_on: addDays(today, -2) }));
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.json.episode, first.json.episode);
  const r = await health.get(`/api/v1/health/report-506.csv?from=${addDays(today, -10)}&to=${today}`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /text\/csv/);
  const lines = r.text.trim().split('\n');
  assert.match(lines[0], /^case_number,disease,episode,person_id,/);
  const rows = lines.slice(1).filter((l) => l.includes('ซ้ำ ตรวจสอบ'));
  assert.equal(rows.length, 1);
  assert.ok(rows[0].startsWith(first.json.case_number));
  const keys = lines.slice(1).map((l) => { const f = l.split(','); return `${f[3]}|${f[1]}|${f[2]}`; });
  assert.equal(new Set(keys).size, keys.length);
  assertError(await health.get('/api/v1/health/report-506.csv?from=2026-13-01&to=2026-12-31'), 400, 'invalid_input', 'from');
  assert.equal((await executive.get(`/api/v1/health/report-506.csv?from=${today}&to=${today}`)).status, 403);
});
