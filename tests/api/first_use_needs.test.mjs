// Issue 14 (first use): a citizen's receipt works in any letter case and shows the
// need's title and history; rejecting or declining a need asks for the reason with
// the field named in Thai.
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

async function submit(title) {
  const form = (await anonymous.get('/api/v1/needs/public/form')).json;
  await sleep(form.min_fill_seconds * 1000 + 200);
  const r = await anonymous.post('/api/v1/needs/public', {
    form_token: form.form_token, website: '', title, description: 'ถนนเป็นหลุมบ่อ รถจักรยานยนต์ล้มบ่อย',
    dimension: 'society', sector: 'people', area_code: '23070203',
  });
  assert.equal(r.status, 202, r.text);
  return r.json;
}

function swapCase(text) {
  return [...text].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

test('a receipt answers in any letter case with the title, status and history', async () => {
  const sent = await submit('ซ่อมถนนเข้าหมู่บ้าน');
  assert.match(sent.receipt, /^[0-9A-HJKMNP-TV-Z]{12}$/, 'capitals of Crockford base 32');
  assert.equal(sent.title, 'ซ่อมถนนเข้าหมู่บ้าน');
  for (const typed of [sent.receipt, sent.receipt.toLowerCase(), swapCase(sent.receipt)]) {
    const r = await anonymous.get(`/api/v1/needs/public/receipts/${typed}`);
    assert.equal(r.status, 200, typed);
    assert.equal(r.json.receipt, sent.receipt);
    assert.equal(r.json.title, 'ซ่อมถนนเข้าหมู่บ้าน');
    assert.equal(r.json.status, 'pending_moderation');
    assert.deepEqual(r.json.history.map((h) => h.status), ['pending_moderation']);
  }
  // Moderation and a status change show in the history, oldest first.
  const queued = (await strategy.get('/api/v1/needs/moderation')).json.items.find((n) => n.receipt === sent.receipt);
  const approved = await strategy.post(`/api/v1/needs/${queued.id}/moderation`, { decision: 'approve', version: queued.version });
  assert.equal(approved.status, 200, approved.text);
  const accepted = await strategy.post(`/api/v1/needs/${queued.id}/status`, { status: 'accepted', version: approved.json.version });
  assert.equal(accepted.status, 200, accepted.text);
  const r = await anonymous.get(`/api/v1/needs/public/receipts/${sent.receipt.toLowerCase()}`);
  assert.equal(r.json.status, 'accepted');
  assert.deepEqual(r.json.history.map((h) => h.status), ['pending_moderation', 'new', 'accepted']);
  assert.ok(r.json.history.every((h) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(h.at)));
  assert.ok(!JSON.stringify(r.json).includes('strategy'), 'nobody is named');
  assert.equal((await anonymous.get('/api/v1/needs/public/receipts/NOSUCHRECEIPT')).status, 404);
});

test('a receipt issued in mixed case (before capitals) is found in another case', async () => {
  const sent = await submit('ไฟฟ้าส่องสว่างริมทาง');
  const legacy = 'aB3dE_f9-Hk2';
  runSql(server.db.url, `UPDATE need SET receipt = '${legacy}' WHERE receipt = '${sent.receipt}'`);
  const r = await anonymous.get(`/api/v1/needs/public/receipts/${legacy.toUpperCase()}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.receipt, legacy);
  assert.equal(r.json.title, 'ไฟฟ้าส่องสว่างริมทาง');
});

test('rejecting or declining without a reason names the field in Thai', async () => {
  const sent = await submit('ขายของออนไลน์ราคาถูก');
  const queued = (await strategy.get('/api/v1/needs/moderation')).json.items.find((n) => n.receipt === sent.receipt);
  const r = await strategy.post(`/api/v1/needs/${queued.id}/moderation`, { decision: 'reject', version: queued.version });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, 'reason_required');
  assert.match(r.json.error.message_th, /เหตุผลที่ไม่อนุมัติเผยแพร่/);
  assert.match(r.json.error.fields.reason.th, /เหตุผล/);
  assert.doesNotMatch(r.json.error.message_th, /reason/);
  const rejected = await strategy.post(`/api/v1/needs/${queued.id}/moderation`, { decision: 'reject', reason: 'เป็นโฆษณา', version: queued.version });
  assert.equal(rejected.status, 200);
  const followed = await anonymous.get(`/api/v1/needs/public/receipts/${sent.receipt}`);
  assert.equal(followed.json.reason, 'เป็นโฆษณา');
  assert.deepEqual(followed.json.history.map((h) => h.status), ['pending_moderation', 'rejected']);

  const published = (await strategy.get('/api/v1/needs?status=new')).json.items[0];
  const declined = await strategy.post(`/api/v1/needs/${published.id}/status`, { status: 'declined', version: published.version });
  assert.equal(declined.status, 400);
  assert.equal(declined.json.error.code, 'reason_required');
  assert.match(declined.json.error.message_th, /เหตุผลที่ไม่สามารถดำเนินการ/);
});
