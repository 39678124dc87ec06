// Monthly progress through the API: who may write (401/403), the fields (400), a drop
// without a reason, months outside the project's action plans and cancelled projects
// (422), versions (409), replayed writes with an Idempotency-Key, and the demo
// reports. Every refused write leaves the stored reports as they were. Runs on SQLite
// and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';
import { demoProject } from '../lib/progress.mjs';

let server;
let anonymous;
let strategy;
let agency; // agency_officer of TRAT-DOAE (P11 is theirs)
let executive;
let auditor;
const ids = {};

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  auditor = await server.login('auditor');
  for (const code of ['P03', 'P06', 'P09', 'P11', 'P26', 'P34', 'P40']) ids[code] = (await demoProject(strategy, code)).element_id;
});
after(async () => { await server?.stop(); });

const path = (elementId, month) => `/api/v1/projects/${elementId}/progress${month ? `/${month}` : ''}`;
const report = (physical_percent, extra = {}) => ({
  physical_percent, status: 'in_progress', activities_th: 'เทคอนกรีตช่วงที่ 2', problems_th: '', fixes_th: '', ...extra,
});
async function months(elementId) {
  const r = await auditor.get(path(elementId));
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

test('reads: every signed-in role gets the demo reports month by month; anonymous 401; unknown project 404', async () => {
  const items = await months(ids.P26);
  assert.equal(items.length, 11);
  assert.deepEqual(items.map((i) => i.month), ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
  for (const item of items) {
    assert.ok(item.physical_percent >= 0 && item.physical_percent <= 100);
    assert.ok(['not_started', 'procuring', 'contracted', 'in_progress', 'delayed', 'completed', 'cancelled'].includes(item.status));
    assert.equal(item.demo, true);
  }
  const drop = items.findIndex((i, k) => k > 0 && i.physical_percent < items[k - 1].physical_percent);
  assert.ok(drop > 0, 'the demo shows a drop');
  assert.match(items[drop].reason_th, /ข้อมูลตัวอย่าง/);
  assert.ok((await months(ids.P40)).some((i) => i.status === 'delayed'), 'a delayed demo project');
  assertError(await anonymous.get(path(ids.P26)), 401);
  assert.equal((await executive.get(path(ids.P26))).status, 200);
  assertError(await strategy.get(path(99999999)), 404, 'not_found');
});

test('a report is stored and read back; a drop below the earlier month needs reason_th (422, nothing stored)', async () => {
  const first = await strategy.put(path(ids.P09, '2026-01'), report(40, { indicators: [{ index: 0, value: 12.5 }] }));
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.month, '2026-01');
  assert.equal(first.json.physical_percent, 40);
  assert.equal(first.json.status, 'in_progress');
  assert.equal(first.json.fiscal_year, 2569);
  assert.deepEqual(first.json.indicators, [{ index: 0, value: 12.5 }]);
  assert.equal(first.json.version, 1);
  const dropped = await strategy.put(path(ids.P09, '2026-02'), report(30));
  assertError(dropped, 422, 'progress_dropped', 'reason_th');
  assert.deepEqual((await months(ids.P09)).map((i) => i.month), ['2026-01'], 'the refused month was not stored');
  const explained = await strategy.put(path(ids.P09, '2026-02'),
    report(30, { status: 'delayed', reason_th: 'ผู้ควบคุมงานวัดปริมาณงานใหม่' }));
  assert.equal(explained.status, 200, explained.text);
  assert.equal(explained.json.reason_th, 'ผู้ควบคุมงานวัดปริมาณงานใหม่');
  const items = await months(ids.P09);
  assert.deepEqual(items.map((i) => [i.month, i.physical_percent, i.status]),
    [['2026-01', 40, 'in_progress'], ['2026-02', 30, 'delayed']]);
});

test('physical_percent outside 0-100, a bad status or indicator, a malformed month: 400 naming the field', async () => {
  for (const bad of [100.5, -1, 250]) {
    assertError(await strategy.put(path(ids.P03, '2026-03'), report(bad)), 400, undefined, 'physical_percent');
  }
  assertError(await strategy.put(path(ids.P03, '2026-03'), report('50')), 400, undefined, 'physical_percent');
  assertError(await strategy.put(path(ids.P03, '2026-03'), report(50, { status: 'finished' })), 400, undefined, 'status');
  assertError(await strategy.put(path(ids.P03, '2026-03'), report(50, { indicators: [{ index: 7, value: 1 }] })), 400, undefined, 'indicators');
  assert.equal((await strategy.put(path(ids.P03, '2026-13'), report(50))).status, 400);
  assert.deepEqual((await months(ids.P03)).filter((i) => i.month === '2026-03'), [], 'nothing stored');
});

test('a month whose fiscal year has no action plan holding the project, or a cancelled project: 422', async () => {
  assertError(await strategy.put(path(ids.P03, '2027-01'), report(10)), 422, 'month_outside_plan', 'month');
  assertError(await strategy.put(path(ids.P03, '2025-09'), report(10)), 422, 'month_outside_plan', 'month');
  assertError(await strategy.put(path(ids.P34, '2026-01'), report(10)), 422, 'project_cancelled');
  assert.deepEqual(await months(ids.P34), [], 'nothing stored for the cancelled project');
});

test('rights: the project\'s own agency officer writes; another agency 403; executive 403; anonymous 401', async () => {
  const own = await agency.put(path(ids.P11, '2026-08'), report(5, { status: 'contracted' }));
  assert.equal(own.status, 200, own.text);
  assert.equal(own.json.entered_by, 'agency');
  assertError(await agency.put(path(ids.P09, '2026-05'), report(50)), 403, 'not_own_agency');
  assertError(await executive.put(path(ids.P09, '2026-05'), report(50)), 403);
  const nobody = await anonymous.put(path(ids.P09, '2026-05'), report(50));
  assert.ok([401, 403].includes(nobody.status), nobody.text);
  assert.equal((await months(ids.P09)).some((i) => i.month === '2026-05'), false, 'nothing stored');
});

test('versions: a write naming the version read is 200 once, then 409 and nothing changes', async () => {
  const created = await strategy.put(path(ids.P03, '2026-04'), report(20));
  assert.equal(created.status, 200, created.text);
  const updated = await strategy.put(path(ids.P03, '2026-04'), report(25, { version: created.json.version }));
  assert.equal(updated.status, 200, updated.text);
  assert.equal(updated.json.version, created.json.version + 1);
  assertError(await strategy.put(path(ids.P03, '2026-04'), report(99, { version: created.json.version })), 409, 'stale_version');
  assertError(await strategy.put(path(ids.P03, '2026-05'), report(30, { version: 1 })), 409, 'stale_version');
  const stored = (await months(ids.P03)).filter((i) => i.month >= '2026-04');
  assert.deepEqual(stored.map((i) => [i.month, i.physical_percent, i.version]), [['2026-04', 25, updated.json.version]]);
});

test('Idempotency-Key: the same write replayed answers as the first time and is applied once; another body 409', async () => {
  const headers = { 'idempotency-key': `phone-${Date.now()}-1` };
  const body = report(15, { activities_th: 'ส่งจากโทรศัพท์ขณะออฟไลน์' });
  const first = await strategy.put(path(ids.P06, '2026-02'), body, { headers });
  assert.equal(first.status, 200, first.text);
  const again = await strategy.put(path(ids.P06, '2026-02'), body, { headers });
  assert.equal(again.status, first.status);
  assert.equal(again.text, first.text, 'the very same answer');
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  const stored = (await months(ids.P06)).find((i) => i.month === '2026-02');
  assert.equal(stored.version, 1, 'applied once (a second write would be version 2)');
  const other = await strategy.put(path(ids.P06, '2026-02'), report(16), { headers });
  assertError(other, 409, 'idempotency_key_reused');
  assert.equal((await months(ids.P06)).find((i) => i.month === '2026-02').physical_percent, 15);
  // A refused write stores no answer: replayed after the cause is gone it runs.
  const key = { 'idempotency-key': `phone-${Date.now()}-2` };
  assertError(await strategy.put(path(ids.P06, '2026-03'), report(10), { headers: key }), 422, 'progress_dropped');
  const fixed = await strategy.put(path(ids.P06, '2026-03'), report(10), { headers: key });
  assertError(fixed, 422, 'progress_dropped');
  // The same key from another user is that user's own.
  const mine = await agency.put(path(ids.P11, '2026-07'), report(0, { status: 'procuring' }), { headers });
  assert.equal(mine.status, 200, mine.text);
  assertError(await strategy.put(path(ids.P06, '2026-02'), body, { headers: { 'idempotency-key': 'k'.repeat(201) } }), 400);
});
