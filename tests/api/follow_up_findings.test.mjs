// Findings of audits and inspections through the API: auditors and admins enter and
// close them, only the finding's agency responds (403 otherwise), closing needs
// evidence (422) and a response first (409), the demo's five findings. SQLite and
// PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';

let server;
let auditor;
let strategy;
let agency; // TRAT-DOAE
let roads; // TRAT-DPT
let executive;

before(async () => {
  server = await startServer({ demo: true });
  server.addUser('dpt-officer', 'agency_officer', 'dpt-officer-pass-2569', { agency: 'TRAT-DPT' });
  auditor = await server.login('auditor');
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  roads = await server.login('dpt-officer', 'dpt-officer-pass-2569');
  executive = await server.login('executive');
});
after(async () => { await server?.stop(); });

const body = (extra = {}) => ({
  kind: 'internal_audit', agency: 'TRAT-DOAE', element_ids: [], finding_th: 'เอกสารเบิกจ่ายไม่ครบถ้วน (ทดสอบ)',
  risk: 'high', recommendation_th: 'ตรวจสอบเอกสารก่อนเบิกจ่ายทุกครั้ง', due_on: '2027-03-31', ...extra,
});

async function findings(client = auditor, query = '') {
  const r = await client.get(`/api/v1/findings${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

test('the demo has five findings of the four kinds, some closed', async () => {
  const items = (await findings()).filter((f) => f.demo);
  assert.equal(items.length, 5);
  assert.deepEqual([...new Set(items.map((f) => f.kind))].sort(),
    ['governance_inspection', 'government_inspector', 'internal_audit', 'state_audit_office']);
  assert.ok(items.some((f) => f.status === 'closed' && f.closure_evidence.length > 0));
  assert.ok(items.some((f) => f.status !== 'closed'));
  // An agency officer sees only their own agency's.
  const own = await findings(agency);
  assert.ok(own.length > 0 && own.every((f) => f.agency === 'TRAT-DOAE'));
});

test('auditors and admins enter findings; others 403; bad kind, risk or agency refused and nothing stored', async () => {
  assertError(await strategy.post('/api/v1/findings', body()), 403);
  assertError(await agency.post('/api/v1/findings', body()), 403);
  const count = (await findings()).length;
  assertError(await auditor.post('/api/v1/findings', body({ kind: 'rumour' })), 400, null, 'kind');
  assertError(await auditor.post('/api/v1/findings', body({ risk: 'extreme' })), 400, null, 'risk');
  assertError(await auditor.post('/api/v1/findings', body({ agency: 'TRAT-NOPE' })), 422, null, 'agency');
  assertError(await auditor.post('/api/v1/findings', body({ finding_th: '' })), 400, null, 'finding_th');
  assert.equal((await findings()).length, count);
});

test('only the finding\'s agency responds; closing needs the response first and evidence', async () => {
  const created = await auditor.post('/api/v1/findings', body({ kind: 'state_audit_office' }));
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  assert.equal(created.json.status, 'open');
  const told = await agency.get('/api/v1/notifications');
  assert.ok(told.json.items.some((n) => n.link === `/follow-up/findings/${id}` && n.topic === 'finding_entered'),
    'the finding\'s agency is told');

  assertError(await roads.post(`/api/v1/findings/${id}/responses`, { response_th: 'ชี้แจงแทน' }), 403, 'not_own_agency');
  assertError(await roads.get(`/api/v1/findings/${id}`), 403);
  assertError(await auditor.post(`/api/v1/findings/${id}/responses`, { response_th: 'x' }), 403);
  assertError(await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'ปิด', evidence: ['หนังสือ'] }), 409, 'response_required');

  const responded = await agency.post(`/api/v1/findings/${id}/responses`, { response_th: 'แก้ไขเอกสารครบแล้ว' });
  assert.equal(responded.status, 201, responded.text);
  assert.equal(responded.json.status, 'responded');

  assertError(await agency.post(`/api/v1/findings/${id}/closure`, { note_th: 'ปิด', evidence: ['x'] }), 403);
  assertError(await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'ปิด' }), 422, 'evidence_required', 'evidence');
  assertError(await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'ปิด', evidence: [] }), 422, 'evidence_required');
  assertError(await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'ปิด', evidence: '' }), 422, 'evidence_required');
  assert.equal((await auditor.get(`/api/v1/findings/${id}`)).json.status, 'responded', 'nothing stored');

  const closed = await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'ตรวจแล้วถูกต้อง', evidence: ['บันทึกข้อความ ตร 0017/55'] });
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.json.status, 'closed');
  assert.deepEqual(closed.json.closure_evidence, ['บันทึกข้อความ ตร 0017/55']);
  assertError(await auditor.post(`/api/v1/findings/${id}/closure`, { note_th: 'อีกครั้ง', evidence: ['x'] }), 409, 'finding_closed');
  assertError(await agency.post(`/api/v1/findings/${id}/responses`, { response_th: 'เพิ่มเติม' }), 409, 'finding_closed');
  const closedList = await findings(executive, '?status=closed');
  assert.ok(closedList.some((f) => f.id === id));
});
