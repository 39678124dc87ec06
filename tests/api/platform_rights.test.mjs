// Rights that must hold whichever route asks: an agency officer cannot move a
// project by PATCH any more than by …/move; its edits of an accepted project make it
// a proposal again; coverage views are for staff, not the signed-in public; an
// agency officer without an area may not record needs or forums (403, not 400).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let strategy;
let agency;   // demo agency_officer of TRAT-DOAE, no area
let plan;
const ids = {};

function assertError(r, status, code) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code, r.text);
}

const element = async (id) => (await strategy.get(`/api/v1/plans/${plan.id}/elements/${id}?version=draft`)).json;

before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  const made = await strategy.post('/api/v1/plans', {
    name_th: 'แผนทดสอบสิทธิ์', period: { first_fiscal_year: 2566, last_fiscal_year: 2570 },
  });
  assert.equal(made.status, 201, made.text);
  plan = made.json;
  const add = async (client, body) => {
    const r = await client.post(`/api/v1/plans/${plan.id}/elements`, body);
    assert.equal(r.status, 201, r.text);
    ids[body.code] = r.json;
  };
  await add(strategy, { kind: 'strategy', code: 'S1', text_th: 'ยุทธศาสตร์หนึ่ง' });
  await add(strategy, { kind: 'guideline', code: 'G1', parent_id: ids.S1.id, text_th: 'แนวทางหนึ่ง' });
  await add(strategy, { kind: 'guideline', code: 'G2', parent_id: ids.S1.id, text_th: 'แนวทางสอง' });
  await add(agency, { kind: 'project', code: 'A1', parent_id: ids.G1.id, text_th: 'โครงการของเกษตร', budget_satang: 100000000 });
  await add(agency, { kind: 'project', code: 'A2', parent_id: ids.G1.id, text_th: 'โครงการที่สองของเกษตร' });
});

after(async () => { await server?.stop(); });

test('an agency officer moves its project neither by …/move nor by PATCH parent_id or position', async () => {
  const a1 = await element(ids.A1.id);
  assertError(await agency.post(`/api/v1/plans/${plan.id}/elements/${a1.id}/move`,
    { parent_id: ids.G2.id, version: a1.version }), 403);
  assertError(await agency.patch(`/api/v1/plans/${plan.id}/elements/${a1.id}`,
    { version: a1.version, parent_id: ids.G2.id }), 403, 'move_forbidden');
  assertError(await agency.patch(`/api/v1/plans/${plan.id}/elements/${a1.id}`,
    { version: a1.version, position: 1 }), 403, 'move_forbidden');
  const after = await element(a1.id);
  assert.equal(after.parent_id, ids.G1.id);
  assert.equal(after.position, a1.position);
  assert.equal(after.version, a1.version);
  // Its other fields stay its own to edit, and the strategy office still moves it.
  const renamed = await agency.patch(`/api/v1/plans/${plan.id}/elements/${a1.id}`,
    { version: a1.version, text_th: 'โครงการของเกษตร (แก้ไข)', parent_id: ids.G1.id });
  assert.equal(renamed.status, 200, renamed.text);
  const moved = await strategy.post(`/api/v1/plans/${plan.id}/elements/${a1.id}/move`,
    { parent_id: ids.G2.id, version: renamed.json.version });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.json.parent_id, ids.G2.id);
});

test('an agency officer that changes an accepted project makes it a proposal again', async () => {
  const a2 = await element(ids.A2.id);
  const accepted = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${a2.id}`,
    { version: a2.version, proposal: 'accepted', budget_satang: 50000000 });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.proposal, 'accepted');
  const rewritten = await agency.patch(`/api/v1/plans/${plan.id}/elements/${a2.id}`,
    { version: accepted.json.version, budget_satang: 90000000 });
  assert.equal(rewritten.status, 200, rewritten.text);
  assert.equal(rewritten.json.budget_satang, 90000000);
  assert.equal(rewritten.json.proposal, 'proposed');
  // So the draft cannot be approved until the strategy office accepts it again.
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/approve`, {}), 422, 'pending_proposals');
});

test('coverage views are for signed-in staff: the public role gets 403, anonymous 401', async () => {
  server.addUser('citizen', 'public', 'citizen-password-1');
  const citizen = await server.login('citizen', 'citizen-password-1');
  const executive = await server.login('executive');
  const demoPlan = (await server.client().get('/api/v1/needs/public/form')).json.plans[0].id;
  for (const view of ['areas', 'needs', 'projects']) {
    const path = `/api/v1/plans/${demoPlan}/coverage/${view}`;
    assertError(await citizen.get(path), 403, 'staff_only');
    assertError(await server.client().get(path), 401);
    assert.equal((await executive.get(path)).status, 200, path);
  }
});

test('an agency officer without an area gets 403 on recording needs and forums', async () => {
  const demoPlan = (await server.client().get('/api/v1/needs/public/form')).json.plans[0].id;
  assertError(await agency.post('/api/v1/needs', {
    plan_id: demoPlan, title: 'ถนนชำรุด', description: 'ถนนเข้าหมู่บ้านเป็นหลุม',
    dimension: 'economy', sector: 'people', area_code: '2301',
  }), 403, 'no_area_scope');
  assertError(await agency.post('/api/v1/forums', {
    plan_id: demoPlan, title_th: 'เวทีทดสอบ', held_on: '12 ม.ค. 2568', area_code: '2301',
    attendance: { people: 1, private: 0, civil_society: 0, state: 0 },
  }), 403, 'no_area_scope');
  // The same officer with an area records inside it.
  server.addUser('doae_muang', 'agency_officer', 'officer-password-1', { agency: 'TRAT-DOAE', area: '2301' });
  const scoped = await server.login('doae_muang', 'officer-password-1');
  const made = await scoped.post('/api/v1/needs', {
    plan_id: demoPlan, title: 'ถนนชำรุด', description: 'ถนนเข้าหมู่บ้านเป็นหลุม',
    dimension: 'economy', sector: 'people', area_code: '2301',
  });
  assert.equal(made.status, 201, made.text);
});
