// The public needs form: no sign-in, spam protection, a per-address rate limit, and
// moderation before a need counts anywhere. Tests run in order on one server
// (every request comes from 127.0.0.1, so they share one rate-limit budget of 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let anonymous;
let strategy;
before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
});
after(async () => { await server?.stop(); });

const area = '23070203'; // demo village: หมู่ที่ 3 ตำบลเกาะช้างใต้

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code);
  if (field) assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field}`);
}

async function form() {
  const r = await anonymous.get('/api/v1/needs/public/form');
  assert.equal(r.status, 200, r.text);
  return r.json;
}

function need(token, extra = {}) {
  return {
    form_token: token,
    website: '',
    title: 'น้ำจืดไม่พอใช้ช่วงหน้าแล้ง 💧',
    description: 'หมู่บ้านต้องซื้อน้ำราคาแพงทุกปี ขอระบบประปาหมู่บ้าน',
    dimension: 'environment',
    sector: 'people',
    area_code: area,
    name: 'สมหญิง ทดสอบ',
    phone: '081-234-5678',
    ...extra,
  };
}

async function countNeeds(where = '1 = 1') {
  return Number(runSql(server.db.url, `SELECT count(*) FROM need WHERE ${where}`));
}

test('the form hands out a signed token, the honeypot name and the limits', async () => {
  const f = await form();
  assert.match(f.form_token, /^\d+\.[A-Za-z0-9_-]+\.[0-9a-f]{64}$/);
  assert.equal(f.honeypot_field, 'website');
  assert.ok(f.min_fill_seconds >= 1);
  assert.equal(f.limits.title, 200);
  assert.ok(f.plans.some((p) => p.name_th.includes('ตราด')), 'the approved demo plan is offered');
  const again = await form();
  assert.notEqual(again.form_token, f.form_token, 'every load gets its own token');
});

let receipt;
test('a submission is accepted with 202 and a receipt, held for moderation, invisible to the public', async () => {
  const f = await form();
  const title = 'ขอไฟส่องสว่างทางเข้าหมู่บ้านเกาะช้างใต้';
  const beforeCount = await countNeeds();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const r = await anonymous.post('/api/v1/needs/public', need(f.form_token, { title }));
  assert.equal(r.status, 202, r.text);
  assert.equal(r.json.status, 'pending_moderation');
  assert.ok(r.json.receipt.length >= 8);
  receipt = r.json.receipt;
  assert.equal(await countNeeds(), beforeCount + 1);

  const followed = await anonymous.get(`/api/v1/needs/public/receipts/${receipt}`);
  assert.equal(followed.status, 200);
  assert.equal(followed.json.status, 'pending_moderation');
  assert.equal(followed.json.need_id, null);

  const list = await anonymous.get(`/api/v1/needs?limit=500`);
  assert.ok(!list.json.items.some((n) => n.title === title), 'not in the public list');
  const found = await anonymous.get(`/api/v1/search?q=${encodeURIComponent('ไฟส่องสว่าง')}`);
  assert.ok(!found.json.needs.items.some((n) => n.title === title), 'not searchable');
  const pending = await anonymous.get('/api/v1/needs?status=pending_moderation');
  assertError(pending, 401);
});

test('the strategy office sees the queue with contact details and approves; then it counts', async () => {
  const queue = await strategy.get('/api/v1/needs/moderation');
  assert.equal(queue.status, 200, queue.text);
  const mine = queue.json.items.find((n) => n.receipt === receipt);
  assert.ok(mine, 'in the moderation queue');
  assert.equal(mine.submitter.name, 'สมหญิง ทดสอบ');
  assert.equal(mine.submitter.phone, '081-234-5678');

  const stale = await strategy.post(`/api/v1/needs/${mine.id}/moderation`, { decision: 'approve', version: mine.version + 5 });
  assertError(stale, 409, 'stale_version');
  const ok = await strategy.post(`/api/v1/needs/${mine.id}/moderation`, { decision: 'approve', version: mine.version });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.status, 'new');

  const list = await anonymous.get(`/api/v1/needs?limit=500&district=2307`);
  const listed = list.json.items.find((n) => n.id === mine.id);
  assert.ok(listed, 'now in the public list');
  assert.equal(listed.submitter, undefined, 'no contact details in public lists');
  assert.equal(listed.receipt, undefined);
  assert.ok(!list.text.includes('081-234-5678'));
  const one = await anonymous.get(`/api/v1/needs/${mine.id}`);
  assert.equal(one.status, 200);
  assert.ok(!one.text.includes('สมหญิง'), 'no contact details for the public');
  const found = await anonymous.get(`/api/v1/search?q=${encodeURIComponent('ไฟส่องสว่าง')}`);
  assert.ok(found.json.needs.items.some((n) => n.id === mine.id), 'now searchable');
  const followed = await anonymous.get(`/api/v1/needs/public/receipts/${receipt}`);
  assert.equal(followed.json.need_id, mine.id);
  const audit = runSql(server.db.url, `SELECT count(*) FROM audit_log WHERE entity = 'need' AND entity_id = '${mine.id}' AND action IN ('submit_public', 'moderation_approve')`);
  assert.equal(Number(audit), 2);
});

test('a rejected submission needs a reason and never shows', async () => {
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const r = await anonymous.post('/api/v1/needs/public', need(f.form_token, { title: 'ขายสินค้าราคาถูก คลิกลิงก์', name: undefined, phone: undefined }));
  assert.equal(r.status, 202, r.text);
  const queue = await strategy.get('/api/v1/needs/moderation');
  const spam = queue.json.items.find((n) => n.receipt === r.json.receipt);
  const noReason = await strategy.post(`/api/v1/needs/${spam.id}/moderation`, { decision: 'reject', version: spam.version });
  assertError(noReason, 400, null, 'reason');
  const rejected = await strategy.post(`/api/v1/needs/${spam.id}/moderation`, { decision: 'reject', reason: 'ข้อความโฆษณา', version: spam.version });
  assert.equal(rejected.status, 200, rejected.text);
  assertError(await anonymous.get(`/api/v1/needs/${spam.id}`), 404);
  const followed = await anonymous.get(`/api/v1/needs/public/receipts/${r.json.receipt}`);
  assert.equal(followed.json.status, 'rejected');
  assert.equal(followed.json.reason, 'ข้อความโฆษณา');
});

test('robots: a filled honeypot, a form sent too fast, a forged or reused token', async () => {
  const before = await countNeeds();
  const f = await form();
  const fast = await anonymous.post('/api/v1/needs/public', need(f.form_token));
  assertError(fast, 422, 'form_filled_too_fast');
  await sleep(f.min_fill_seconds * 1000 + 200);
  const honeypot = await anonymous.post('/api/v1/needs/public', need(f.form_token, { website: 'https://spam.example' }));
  assertError(honeypot, 422, 'spam_suspected');
  const forged = f.form_token.replace(/^\d+/, '1000000000');
  assertError(await anonymous.post('/api/v1/needs/public', need(forged)), 400, 'invalid_form_token', 'form_token');
  assertError(await anonymous.post('/api/v1/needs/public', need('not-a-token')), 400, 'invalid_form_token', 'form_token');
  assert.equal(await countNeeds(), before, 'nothing stored');

  const first = await anonymous.post('/api/v1/needs/public', need(f.form_token, { title: 'ขอถังขยะแยกประเภท' }));
  assert.equal(first.status, 202, first.text);
  const reused = await anonymous.post('/api/v1/needs/public', need(f.form_token, { title: 'ส่งซ้ำ' }));
  assertError(reused, 409, 'form_already_submitted');
  assert.equal(await countNeeds(), before + 1);
});

test('bad fields are named together, in Thai and English; nothing stored', async () => {
  const before = await countNeeds();
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const r = await anonymous.post('/api/v1/needs/public', need(f.form_token, {
    title: 'ก'.repeat(201), dimension: 'weather', area_code: '23', phone: 'call me', colour: 'red',
  }));
  assertError(r, 400);
  for (const field of ['title', 'dimension', 'colour']) assert.ok(r.json.error.fields[field], field);
  const areaProblem = await anonymous.post('/api/v1/needs/public', need(f.form_token, { area_code: '23', phone: 'call me' }));
  assertError(areaProblem, 400, null, 'area_code');
  assert.ok(areaProblem.json.error.fields.phone);
  assert.equal(await countNeeds(), before);
});

test('the form cannot be used cross-site, and a signed-in session is not used', async () => {
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const crossSite = await anonymous.post('/api/v1/needs/public', need(f.form_token), { headers: { origin: 'https://evil.example' } });
  assertError(crossSite, 403, 'csrf');
  // A signed-in browser posting without its CSRF token is refused too.
  const noCsrf = await strategy.post('/api/v1/needs/public', need(f.form_token), { headers: { 'x-csrf-token': 'wrong' } });
  assertError(noCsrf, 403, 'csrf');
  // With its token the need is still filed anonymously.
  const r = await strategy.post('/api/v1/needs/public', need(f.form_token, { title: 'ส่งจากเครื่องที่ลงชื่อเข้าใช้' }));
  assert.equal(r.status, 202, r.text);
  const row = runSql(server.db.url, `SELECT coalesce(created_by, 0), source FROM need WHERE receipt = '${r.json.receipt}'`);
  assert.match(row, /^0\|public$/);
});

test('at most 5 submissions per address per hour (429 in Thai and English)', async () => {
  // Earlier tests stored 4 submissions from this address.
  const tokens = [await form(), await form()];
  await sleep(tokens[0].min_fill_seconds * 1000 + 200);
  const fifth = await anonymous.post('/api/v1/needs/public', need(tokens[0].form_token, { title: 'ครั้งที่ห้า' }));
  assert.equal(fifth.status, 202, fifth.text);
  const sixth = await anonymous.post('/api/v1/needs/public', need(tokens[1].form_token, { title: 'ครั้งที่หก' }));
  assertError(sixth, 429, 'too_many_submissions');
  assert.match(sixth.json.error.message_th, /ชั่วโมง/);
  assert.match(sixth.json.error.message_en, /per hour/);
  assert.equal(await countNeeds(`title = 'ครั้งที่หก'`), 0);
  assert.equal(Number(runSql(server.db.url, `SELECT count(*) FROM need WHERE submitter_address_hash LIKE '%127.0.0.1%'`)), 0, 'only a keyed hash of the address is stored');
});
