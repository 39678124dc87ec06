// Issue 14 (first use): the audit log filters by days in Thailand (UTC+7), by the
// Thai names people see, and shows each change with the field's Thai name and a
// readable value instead of raw columns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let admin;
// 20:30 UTC on 1 Dec 2026 is 03:30 on 2 Dec 2569 in Thailand.
const stamp = '2026-12-01T20:30:00Z';
let entryId;
before(async () => {
  server = await startServer({ demo: true });
  admin = await server.login('admin');
  const province = (await admin.get('/api/v1/auth/me')).json.user.province_code;
  runSql(server.db.url, `INSERT INTO audit_log (province_code, user_id, username, at, address, request_id,
    entity, entity_id, action, before_json, after_json) VALUES ('${province}', NULL, NULL, '${stamp}',
    'command-line', 'command-line', 'need', '424242', 'status',
    '{"status":"pending_moderation","updated_at":"2026-11-30T18:00:00Z","vote_count":12000}',
    '{"status":"new","updated_at":"${stamp}","vote_count":12000}')`);
  entryId = Number(runSql(server.db.url, "SELECT MAX(id) FROM audit_log WHERE entity_id = '424242'"));
});
after(async () => { await server?.stop(); });

async function ids(query) {
  const r = await admin.get(`/api/v1/audit?${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json.entries.map((e) => e.id);
}

test('a day is a day in Thailand: 03:30 on 2 Dec is on 2 Dec, not 1 Dec', async () => {
  assert.ok((await ids('from=2026-12-02&to=2026-12-02')).includes(entryId));
  assert.ok(!(await ids('to=2026-12-01')).includes(entryId));
  assert.ok(!(await ids('from=2026-12-03')).includes(entryId));
  // The Buddhist-era form people type works too.
  const thai = encodeURIComponent('2 ธ.ค. 2569');
  assert.ok((await ids(`from=${thai}&to=${thai}`)).includes(entryId));
  const bad = await admin.get('/api/v1/audit?from=32/13/2569');
  assert.equal(bad.status, 400);
  assert.ok(bad.json.error.fields.from.th);
  const backwards = await admin.get('/api/v1/audit?from=2026-12-03&to=2026-12-02');
  assert.equal(backwards.status, 400);
  assert.ok(backwards.json.error.fields.to);
});

test('the type filter matches the Thai name shown as well as the stored one', async () => {
  for (const entity of ['need', 'ความต้องการของประชาชน', 'ความต้องการ']) {
    const r = await admin.get(`/api/v1/audit?entity=${encodeURIComponent(entity)}&limit=500`);
    assert.equal(r.status, 200);
    assert.ok(r.json.entries.length > 0, entity);
    assert.ok(r.json.entries.every((e) => e.entity === 'need'), entity);
    assert.ok(r.json.entries.some((e) => e.id === entryId), entity);
  }
  const names = await admin.get('/api/v1/audit/entities');
  assert.equal(names.status, 200);
  assert.deepEqual(names.json.entities.find((e) => e.entity === 'need'),
    { entity: 'need', label_th: 'ความต้องการของประชาชน' });
  assert.equal((await (await server.login('strategy')).get('/api/v1/audit/entities')).status, 403);
});

test('change rows give the Thai field name and readable values', async () => {
  const r = await admin.get('/api/v1/audit?entity=need&from=2026-12-02&to=2026-12-02');
  const entry = r.json.entries.find((e) => e.id === entryId);
  assert.equal(entry.entity_th, 'ความต้องการของประชาชน');
  assert.equal(entry.action_th, 'เปลี่ยนสถานะ');
  assert.equal(entry.user_name, 'ผู้ดูแลระบบ (คำสั่ง)');
  assert.equal(entry.at_th, '2 ธ.ค. 2569 03:30 น.');
  const status = entry.changes.find((c) => c.field === 'status');
  assert.deepEqual([status.label_th, status.before_th, status.after_th], ['สถานะ', 'รอตรวจสอบ', 'ใหม่']);
  const updated = entry.changes.find((c) => c.field === 'updated_at');
  assert.equal(updated.label_th, 'แก้ไขล่าสุดเมื่อ');
  assert.equal(updated.before_th, '1 ธ.ค. 2569 01:00 น.');
  assert.equal(updated.after_th, '2 ธ.ค. 2569 03:30 น.');
  assert.ok(!entry.changes.some((c) => c.field === 'vote_count'), 'unchanged fields are left out');
  // No raw ISO stamp or internal status name reaches a readable value.
  for (const change of entry.changes) {
    assert.doesNotMatch(change.before_th + change.after_th, /\d{4}-\d{2}-\d{2}T|pending_moderation/);
  }
});
