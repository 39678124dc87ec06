// Health module, PDPA first: who reads a person (health officers; an admin only by
// break-glass with X-Access-Reason; no other role, not the public), every view logged
// with user, time and reason; masked lists; the legal basis on each record; the
// breach register's 72-hour clock; the retention end (export refused, the purge
// command anonymises). Runs on SQLite and PostgreSQL (CHANGWAT_TEST_ENGINE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';
import { newCase, person, thaiToday, addDays } from '../lib/health.mjs';

let server;
let anonymous;
let health;
let admin;
let strategy;
let executive;
let auditor;
let created;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  health = await server.login('health');
  admin = await server.login('admin');
  strategy = await server.login('strategy');
  executive = await server.login('executive');
  auditor = await server.login('auditor');
  const r = await health.post('/api/v1/health/cases', newCase({ person: person('มาลี ทดสอบสิทธิ์') }));
  assert.equal(r.status, 201, r.text);
  created = r.json;
});
after(async () => { await server?.stop(); });

const personPath = () => `/api/v1/health/persons/${created.person_id}`;

test('a health officer reads a person: full record with its legal basis, and the view is logged', async () => {
  const r = await health.get(personPath(), { headers: { 'x-access-reason': encodeURIComponent('สอบสวนโรค') } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'มาลี ทดสอบสิทธิ์');
  assert.equal(r.json.masked, false);
  assert.match(r.json.id_number, /^\d{13}$/);
  assert.equal(r.json.legal_basis.code, 'pdpa_s26_5_b_cda_2558');
  assert.match(r.json.legal_basis.th, /26\(5\)\(ข\)/);
  assert.equal(r.json.cases.length, 1);
  const log = await health.get(`${personPath()}/access-log`);
  assert.equal(log.status, 200, log.text);
  const mine = log.json.items.filter((e) => e.user === 'health');
  assert.ok(mine.length >= 1, log.text);
  const entry = mine.find((e) => e.reason === 'สอบสวนโรค');
  assert.ok(entry, log.text);
  assert.match(entry.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.deepEqual(Object.keys(entry).sort(), ['at', 'break_glass', 'reason', 'user']);
});

test('no other role reads a person (403), nor the public (401); nothing is logged for them', async () => {
  const before = (await health.get(`${personPath()}/access-log`)).json.items.length;
  for (const client of [strategy, executive, auditor]) {
    assertError(await client.get(personPath()), 403, 'forbidden');
    assert.equal((await client.get(`/api/v1/health/cases/${created.id}`)).status, 403);
    assert.equal((await client.get('/api/v1/health/cases')).status, 403);
  }
  const pub = await anonymous.get(personPath());
  assert.ok([401, 403].includes(pub.status), pub.text);
  assert.ok([401, 403].includes((await anonymous.get('/api/v1/health/checkpoints')).status));
  const afterCount = (await health.get(`${personPath()}/access-log`)).json.items.length;
  assert.equal(afterCount, before);
});

test('an admin reads a person only with X-Access-Reason (break-glass, logged with the reason); without it 403', async () => {
  assertError(await admin.get(personPath()), 403, 'access_reason_required');
  assertError(await admin.get(`/api/v1/health/cases/${created.id}`), 403, 'access_reason_required');
  const reason = 'คำขอศาล เลขที่ 12/2569';
  const r = await admin.get(personPath(), { headers: { 'x-access-reason': encodeURIComponent(reason) } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'มาลี ทดสอบสิทธิ์');
  const log = await health.get(`${personPath()}/access-log`);
  const entry = log.json.items.find((e) => e.user === 'admin');
  assert.ok(entry, log.text);
  assert.equal(entry.reason, reason);
  assert.equal(entry.break_glass, true);
  // An admin does not write here.
  assertError(await admin.post('/api/v1/health/cases', newCase()), 403, 'forbidden');
});

test('opening a case page is a view of its person: logged too', async () => {
  const before = (await health.get(`${personPath()}/access-log`)).json.items.length;
  const r = await health.get(`/api/v1/health/cases/${created.id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.person.name, 'มาลี ทดสอบสิทธิ์');
  const log = (await health.get(`${personPath()}/access-log`)).json.items;
  assert.equal(log.length, before + 1);
  assert.equal(log.at(-1).reason, null);
});

test('lists mask sensitive fields: ID, phone and surname', async () => {
  const r = await health.get('/api/v1/health/cases?limit=20');
  assert.equal(r.status, 200, r.text);
  const row = r.json.items.find((c) => c.id === created.id);
  assert.ok(row, r.text);
  assert.equal(row.person.masked, true);
  assert.match(row.person.id_number, /^\d-\d{4}-xxxxx-xx-\d$/);
  assert.equal(row.person.name, 'มาลี ท.');
  assert.match(row.person.phone, /^081-xxx-x678$/);
  assert.equal(row.legal_basis, 'pdpa_s26_5_b_cda_2558');
});

test('breach register: the PDPC notice is due 72 hours after discovery; overdue until notified; others 403', async () => {
  const r = await health.post('/api/v1/health/breaches', {
    discovered_at: '2026-01-10T08:00:00Z', description: 'แท็บเล็ตของทีมสูญหาย (ทดสอบ)', people_affected: 40, high_risk: true,
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.notify_due_at, '2026-01-13T08:00:00Z');
  assert.equal(r.json.overdue, true);
  const done = await health.post(`/api/v1/health/breaches/${r.json.id}/notified`);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.overdue, false);
  assert.ok(done.json.notified_at);
  assertError(await health.post(`/api/v1/health/breaches/${r.json.id}/notified`), 409, 'already_notified');
  const bad = await health.post('/api/v1/health/breaches', { discovered_at: 'yesterday', description: 'x', people_affected: 1 });
  assertError(bad, 400, 'invalid_input', 'discovered_at');
  assert.equal((await strategy.get('/api/v1/health/breaches')).status, 403);
});

test('retention end: a new case and the export are refused (422, nothing shown); the purge command anonymises the people', async () => {
  const outbreak = await health.post('/api/v1/health/outbreaks', {
    disease_code: 'measles', name_th: 'หัด (ทดสอบ)', started_on: '2024-01-01', retention_until: addDays(thaiToday(), 365),
    follow_up_days: 21, case_id_mask: 'M-{yyyy}-{seq:4}',
    legal_periods: [{ category: 'notifiable', from: '2024-01-01' }],
  });
  assert.equal(outbreak.status, 201, outbreak.text);
  assert.equal(outbreak.json.follow_up_days, 21);
  const c = await health.post('/api/v1/health/cases', newCase({ outbreak_id: outbreak.json.id, reported_on: '2024-02-01', onset_on: '2024-01-30', person: person('บุญมี ลบได้') }));
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.case_number, 'M-2567-0001');
  assert.equal(c.json.notice_due_at, null); // notifiable, not dangerous: no 3-hour clock
  const csv = `/api/v1/health/report-506.csv?from=2024-01-01&to=2024-12-31&outbreak=${outbreak.json.id}`;
  const ok = await health.get(csv);
  assert.equal(ok.status, 200, ok.text);
  assert.match(ok.text, /บุญมี ลบได้/);
  // The retention end is moved to yesterday: it has passed.
  const shortened = await health.patch(`/api/v1/health/outbreaks/${outbreak.json.id}`, { version: outbreak.json.version, retention_until: addDays(thaiToday(), -1) });
  assert.equal(shortened.status, 200, shortened.text);
  assertError(await health.patch(`/api/v1/health/outbreaks/${outbreak.json.id}`, { version: outbreak.json.version, eoc_level: 2 }), 409, 'stale_version');
  const refused = await health.get(csv);
  assertError(refused, 422, 'retention_ended');
  assert.doesNotMatch(refused.text, /บุญมี/);
  assertError(await health.post('/api/v1/health/cases', newCase({ outbreak_id: outbreak.json.id, reported_on: '2024-03-01', onset_on: null })), 422, 'retention_ended');
  const purge = runCli(['health', 'purge', '--db', server.db.url]);
  assert.equal(purge.status, 0, purge.stderr);
  assert.match(purge.stdout, /people anonymised: 1\b/);
  const p = await health.get(`/api/v1/health/persons/${c.json.person_id}`);
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.anonymised, true);
  assert.equal(p.json.id_number, null);
  assert.doesNotMatch(p.text, /บุญมี/);
  // People of outbreaks still within their retention are kept.
  const kept = await health.get(personPath());
  assert.equal(kept.json.anonymised, false);
  assert.equal(kept.json.name, 'มาลี ทดสอบสิทธิ์');
});
