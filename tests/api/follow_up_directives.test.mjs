// Directives (ข้อสั่งการ) through the API: who gives them, the refusals (unknown
// agency, a due date in the past, an unknown project), the status order open →
// in_progress → done (or cancelled with a reason by the secretariat), an agency
// answering only its own (403), overdue computed from today, evidence files, and the
// open list an answered directive leaves. SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency; // TRAT-DOAE
let roads; // TRAT-DPT
let executive;
let meetingId;

before(async () => {
  server = await startServer({ demo: true });
  server.addUser('dpt-officer', 'agency_officer', 'dpt-officer-pass-2569', { agency: 'TRAT-DPT' });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  roads = await server.login('dpt-officer', 'dpt-officer-pass-2569');
  executive = await server.login('executive');
  meetingId = (await executive.get('/api/v1/meetings')).json.items[0].id;
});
after(async () => { await server?.stop(); });

const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

async function list(query = '', client = executive) {
  const r = await client.get(`/api/v1/directives${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

function give(extra = {}) {
  return strategy.post('/api/v1/directives', {
    meeting_id: meetingId, text_th: 'เร่งรัดการเบิกจ่ายให้เป็นไปตามเป้าหมาย (ทดสอบ)', agency: 'TRAT-DOAE',
    due_on: '2027-06-30', element_ids: [], ...extra,
  });
}

test('the demo has ten directives, some open and overdue, overdue computed from today', async () => {
  const items = (await list()).filter((d) => d.demo);
  assert.equal(items.length, 10);
  for (const d of items) {
    assert.equal(typeof d.overdue, 'boolean');
    const pending = d.status === 'open' || d.status === 'in_progress';
    assert.equal(d.overdue, pending && d.due_on < today(), `${d.id} ${d.status} ${d.due_on}`);
  }
  assert.ok(items.some((d) => d.status === 'open' && d.overdue));
  assert.ok(items.some((d) => d.status === 'done'));
  assert.ok(items.some((d) => d.status === 'cancelled'));
  const overdue = await list('?overdue=true');
  assert.ok(overdue.length > 0 && overdue.every((d) => d.overdue));
});

test('only the strategy office and admins give directives', async () => {
  assertError(await anonymous.post('/api/v1/directives', { meeting_id: meetingId, text_th: 'x', agency: 'TRAT-DOAE', due_on: '2027-06-30', element_ids: [] }), 401);
  for (const client of [agency, executive]) {
    const r = await client.post('/api/v1/directives', { meeting_id: meetingId, text_th: 'x', agency: 'TRAT-DOAE', due_on: '2027-06-30', element_ids: [] });
    assertError(r, 403);
  }
});

test('an unknown agency, a past due date or an unknown project is refused (422) and nothing is stored', async () => {
  const before = (await list()).length;
  assertError(await give({ agency: 'TRAT-NOPE' }), 422, null, 'agency');
  assertError(await give({ due_on: '2020-01-01' }), 422, null, 'due_on');
  assertError(await give({ element_ids: [987654321] }), 422, null, 'element_ids[0]');
  assertError(await give({ meeting_id: 987654321 }), 422, null, 'meeting_id');
  assertError(await give({ due_on: '31/12/2569' }), 400, null, 'due_on');
  assertError(await give({ text_th: '' }), 400, null, 'text_th');
  assertError(await give({ element_ids: 'P11' }), 400, null, 'element_ids');
  assert.equal((await list()).length, before);
});

test('the agency reports in order; out of order is 409; another agency is 403; it leaves the open list', async () => {
  const created = await give();
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  assert.equal(created.json.status, 'open');
  assert.equal(created.json.overdue, false);
  // The assigned agency's officers are told in the app (the outbox, same transaction).
  const told = await agency.get('/api/v1/notifications');
  assert.equal(told.status, 200, told.text);
  const note = told.json.items.find((n) => n.link === `/follow-up/directives/${id}`);
  assert.ok(note, 'a notification of the new directive');
  assert.equal(note.topic, 'directive_assigned');
  assert.equal(note.body_th, 'เร่งรัดการเบิกจ่ายให้เป็นไปตามเป้าหมาย (ทดสอบ)');
  const other = await roads.get('/api/v1/notifications');
  assert.ok(!other.json.items.some((n) => n.link === `/follow-up/directives/${id}`), 'not another agency');
  let open = await list('?status=open&agency=TRAT-DOAE');
  assert.ok(open.some((d) => d.id === id));
  assert.ok(open.every((d) => d.agency === 'TRAT-DOAE' && d.status === 'open'));

  assertError(await roads.post(`/api/v1/directives/${id}/updates`, { status: 'in_progress', note_th: 'ไม่ใช่งานของเรา' }), 403, 'not_own_agency');
  assertError(await executive.post(`/api/v1/directives/${id}/updates`, { status: 'in_progress', note_th: 'x' }), 403);
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'done', note_th: 'ข้ามขั้น' }), 409, 'status_out_of_order');
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'finished', note_th: 'x' }), 400, null, 'status');
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'in_progress', note_th: '' }), 400, null, 'note_th');
  assert.equal((await executive.get(`/api/v1/directives/${id}`)).json.history.length, 1, 'nothing stored');

  const started = await agency.post(`/api/v1/directives/${id}/updates`, { status: 'in_progress', note_th: 'ประชุมหน่วยงานย่อยแล้ว' });
  assert.equal(started.status, 201, started.text);
  assert.equal(started.json.status, 'in_progress');
  open = await list('?status=open&agency=TRAT-DOAE');
  assert.ok(!open.some((d) => d.id === id), 'left the open list');
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'in_progress', note_th: 'อีกครั้ง' }), 409, 'status_out_of_order');
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'done', note_th: 'x', version: 1 }), 409, 'stale_version');
  const done = await agency.post(`/api/v1/directives/${id}/updates`, { status: 'done', note_th: 'เบิกจ่ายครบแล้ว', version: started.json.version });
  assert.equal(done.status, 201, done.text);
  assert.deepEqual(done.json.history.map((h) => h.status), ['open', 'in_progress', 'done']);
  assertError(await agency.post(`/api/v1/directives/${id}/updates`, { status: 'cancelled', note_th: 'x' }), 403);
  assertError(await strategy.post(`/api/v1/directives/${id}/updates`, { status: 'cancelled', note_th: 'x' }), 409, 'status_out_of_order');
});

test('only the secretariat cancels, and only with a reason', async () => {
  const id = (await give({ agency: 'TRAT-DPT' })).json.id;
  assertError(await roads.post(`/api/v1/directives/${id}/updates`, { status: 'cancelled', note_th: 'ขอยกเลิก' }), 403, 'cancel_by_secretariat');
  assertError(await strategy.post(`/api/v1/directives/${id}/updates`, { status: 'cancelled' }), 400, null, 'note_th');
  const r = await strategy.post(`/api/v1/directives/${id}/updates`, { status: 'cancelled', note_th: 'โครงการถูกยกเลิก' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'cancelled');
  assert.equal(r.json.overdue, false);
});

test('the agency attaches evidence files; other agencies may not; the file comes back as sent', async () => {
  const id = (await give()).json.id;
  const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
  const upload = (client, type = 'application/pdf', body = pdf) => client.request('POST', `/api/v1/directives/${id}/evidence`,
    { body, raw: true, headers: { 'content-type': type, 'x-file-name': 'report.pdf' } });
  assertError(await upload(roads), 403);
  assertError(await upload(agency, 'text/plain'), 415);
  const r = await upload(agency);
  assert.equal(r.status, 201, r.text);
  const back = await executive.get(r.json.url);
  assert.equal(back.status, 200);
  assert.deepEqual(back.buffer, pdf);
  const detail = await executive.get(`/api/v1/directives/${id}`);
  assert.equal(detail.json.evidence.length, 1);
});
