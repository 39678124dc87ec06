// The yearly PDCA review through the API: the review pack of the demo year (KPI
// scores, money, projects, needs answered), the strategy office's lessons and proposed
// changes (versions), and the plan revision it starts through the plan module's
// versions. SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';

let server;
let strategy;
let agency;
let executive;

before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
});
after(async () => { await server?.stop(); });

test('the review pack puts the plan against its results', async () => {
  assertError(await server.client().get('/api/v1/reviews/2569'), 401);
  assertError(await executive.get('/api/v1/reviews/abc'), 400, null, 'fiscal_year');
  const r = await executive.get('/api/v1/reviews/2569');
  assert.equal(r.status, 200, r.text);
  const review = r.json;
  assert.equal(review.fiscal_year, 2569);
  assert.ok(review.plan_id);
  assert.ok(review.kpis.length > 0);
  assert.ok(review.money.allocated_satang > 0);
  assert.ok(review.money.disbursed_satang > 0 && review.money.disbursed_satang <= review.money.allocated_satang);
  assert.ok(review.projects.total > 0);
  assert.ok(review.needs.total >= review.needs.answered);
  assert.ok(review.directives.total > 0);
  assert.equal(review.version, 0);
});

test('the strategy office enters lessons and proposed changes, then starts a plan revision carrying them', async () => {
  const notes = { lessons_th: 'โครงการก่อสร้างควรเตรียมแบบก่อนขอตั้งงบประมาณ', proposed_changes: ['เพิ่มตัวชี้วัดรายได้จากการท่องเที่ยวชุมชน'], version: 0 };
  assertError(await agency.put('/api/v1/reviews/2569', notes), 403);
  assertError(await strategy.put('/api/v1/reviews/2569', { ...notes, lessons_th: '' }), 400, null, 'lessons_th');
  const saved = await strategy.put('/api/v1/reviews/2569', notes);
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.version, 1);
  assertError(await strategy.put('/api/v1/reviews/2569', notes), 409);

  assertError(await agency.post('/api/v1/reviews/2569/revision'), 403);
  const started = await strategy.post('/api/v1/reviews/2569/revision');
  assert.equal(started.status, 201, started.text);
  assert.equal(started.json.status, 'draft');
  assert.match(started.json.note, /เพิ่มตัวชี้วัดรายได้จากการท่องเที่ยวชุมชน/);
  const versions = await strategy.get(`/api/v1/plans/${started.json.plan_id}/versions`);
  assert.equal(versions.status, 200, versions.text);
  assert.ok(versions.json.versions.some((v) => v.number === started.json.version && v.status === 'draft'));
  const review = (await executive.get('/api/v1/reviews/2569')).json;
  assert.equal(review.revision_version, started.json.version);
  // One open draft at a time (the plan module's rule).
  assertError(await strategy.post('/api/v1/reviews/2569/revision'), 422);
  assertError(await strategy.post('/api/v1/reviews/2555/revision'), 422, 'no_action_plan');
});
