// Reserve promotion (serve --demo): only within the sources the province decides,
// same source, rank order, ready, fitting the savings; the decision is recorded and
// the plan gains a version whose diff shows the project becoming main. Runs on SQLite
// and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { demoActionPlan, detail, projectByCode, assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency;
let plan;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  plan = await demoActionPlan(anonymous);
});
after(async () => { await server?.stop(); });

const decision = {
  committee_th: 'คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.)',
  meeting_th: 'การประชุมครั้งที่ 3/2569',
  resolution_th: 'มติที่ 12/2569',
  decided_on: '2026-03-15',
};
const promote = (client, project, extra = {}) => client.post(`/api/v1/action-plans/${plan.id}/promotions`, {
  element_id: project.element_id, ...decision, version: project.version, ...extra,
});
const proposals = async () => (await anonymous.get(`/api/v1/action-plans/${plan.id}/reserve-proposals`)).json;

test('a reserve paid from a ministry\'s savings is refused: not the province\'s to move', async () => {
  const r02 = await projectByCode(anonymous, plan.id, 'R02');
  assert.equal(r02.budget_source, 'ministry');
  assertError(await promote(strategy, r02), 422, 'not_province_savings');
  const r11 = await projectByCode(anonymous, plan.id, 'R11');
  assert.equal(r11.budget_source, 'local');
  assertError(await promote(strategy, r11), 422, 'not_province_savings');
});

test('savings of another source cannot pay for a reserve', async () => {
  const { savings_satang: savings } = await proposals();
  const r01 = await projectByCode(anonymous, plan.id, 'R01');
  assert.equal(r01.budget_source, 'province_group');
  assert.ok(r01.requested_satang > (savings.province_group ?? 0), 'its own source cannot pay');
  assert.ok(r01.requested_satang <= savings.provincial, 'the provincial savings could');
  assertError(await promote(strategy, r01), 422, 'savings_of_other_source');
});

test('a reserve that is not ready is refused, naming what is missing', async () => {
  const r04 = await projectByCode(anonymous, plan.id, 'R04');
  assert.equal(r04.readiness.ready, false);
  const r = await promote(strategy, r04);
  assertError(r, 422, 'reserve_not_ready');
  assert.match(r.json.error.message_en, /design/);
});

test('a reserve that does not fit its source\'s savings is refused', async () => {
  const r05 = await projectByCode(anonymous, plan.id, 'R05');
  const { savings_satang: savings } = await proposals();
  assert.ok(r05.requested_satang > savings.provincial);
  assertError(await promote(strategy, r05), 422, 'savings_do_not_fit');
});

test('skipping a better-ranked ready reserve needs a reason', async () => {
  const { proposals: proposed } = await proposals();
  const provincial = proposed.filter((x) => x.budget_source === 'provincial');
  assert.ok(provincial.length >= 2, `two provincial proposals: ${JSON.stringify(provincial)}`);
  const [best, next] = provincial;
  assert.ok(best.ranking < next.ranking, 'best-ranked first');
  const later = await projectByCode(anonymous, plan.id, detailCode(next));
  const r = await promote(strategy, later);
  assertError(r, 422, 'better_ranked_reserve', 'skip_reason_th');
  assert.equal((await projectByCode(anonymous, plan.id, detailCode(next))).kind, 'reserve', 'unchanged');
});

// The code of a proposal (the proposals carry it too).
function detailCode(proposal) { return proposal.code; }

test('readers, agency officers and the public may not promote; bad decisions are 400', async () => {
  const { proposals: proposed } = await proposals();
  const best = await projectByCode(anonymous, plan.id, proposed[0].code);
  assertError(await promote(agency, best), 403);
  assertError(await promote(anonymous, best), 401);
  assertError(await promote(strategy, best, { committee_th: '' }), 400, undefined, 'committee_th');
  assertError(await promote(strategy, best, { decided_on: 'เมื่อวาน' }), 400, undefined, 'decided_on');
  assertError(await promote(strategy, best, { version: best.version + 5 }), 409, 'stale_version');
});

test('promoting the best-ranked ready reserve: 201, the decision recorded, a new plan version whose diff shows it becoming main', async () => {
  const before = await proposals();
  const best = before.proposals.find((x) => x.budget_source === 'provincial');
  const project = await projectByCode(anonymous, plan.id, best.code);
  const versionsBefore = (await anonymous.get(`/api/v1/plans/${plan.plan_id}/versions`)).json.versions;
  const r = await promote(strategy, project);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.element_id, project.element_id);
  assert.equal(r.json.resolution_th, decision.resolution_th);
  assert.equal(r.json.decided_on, '2026-03-15');
  assert.equal(r.json.project.kind, 'main');
  assert.equal(r.json.project.ranking, null);
  assert.equal(r.json.savings_before_satang, before.savings_satang.provincial);

  const after = await detail(anonymous, plan.id);
  assert.equal(after.projects.find((x) => x.element_id === project.element_id).kind, 'main');
  assert.ok(after.promotions.some((x) => x.element_id === project.element_id && x.meeting_th === decision.meeting_th));
  // The savings shrink by what it takes; it is no longer proposed.
  const now = await proposals();
  assert.equal(now.savings_satang.provincial, before.savings_satang.provincial - project.requested_satang);
  assert.ok(!now.proposals.some((x) => x.element_id === project.element_id));

  // The plan: one more version, approved, whose diff shows the project becoming main.
  const versions = (await anonymous.get(`/api/v1/plans/${plan.plan_id}/versions`)).json.versions;
  assert.equal(versions.length, versionsBefore.length + 1);
  const latest = versions.reduce((a, b) => (a.number > b.number ? a : b));
  assert.equal(latest.number, r.json.plan_version);
  assert.equal(latest.status, 'approved');
  const diff = await anonymous.get(`/api/v1/plans/${plan.plan_id}/diff?to=${latest.number}`);
  assert.equal(diff.status, 200, diff.text);
  const changed = diff.json.changed.find((c) => c.id === project.element_id);
  assert.ok(changed, `the project is in the diff: ${diff.text}`);
  const kind = changed.changes.find((c) => /kind/.test(c.field));
  assert.ok(kind, `a kind change in ${JSON.stringify(changed.changes)}`);
  assert.equal(kind.before, 'reserve');
  assert.equal(kind.after, 'main');
  const tree = await anonymous.get(`/api/v1/plans/${plan.plan_id}/projects?kind=main`);
  assert.ok(tree.json.projects.some((x) => x.id === project.element_id), 'main in the plan in force');

  // Promoted once: a second promotion is refused.
  const again = await projectByCode(anonymous, plan.id, best.code);
  assertError(await promote(strategy, again), 422, 'not_reserve');
});
