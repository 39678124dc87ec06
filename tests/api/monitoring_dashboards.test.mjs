// Dashboards through the API: the province, a strategy, an agency and a district of
// the demo FY 2569; money equal to the action plan's own spending figures for the
// same scope; live after a write in another module (a month-end position, a progress
// report); names of the scope; 401/404/400. Runs on SQLite and on PostgreSQL
// (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { demoActionPlan, detail, spending, assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let executive;
let plan;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  executive = await server.login('executive');
  plan = await demoActionPlan(anonymous);
});
after(async () => { await server?.stop(); });

async function dashboard(client, path) {
  const r = await client.get(`/api/v1/dashboards/${path}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

const sum = (object) => Object.values(object).reduce((a, b) => a + b, 0);

test('dashboards need a sign-in', async () => {
  assertError(await anonymous.get('/api/v1/dashboards/province?fiscal_year=2569'), 401);
  assertError(await anonymous.get('/api/v1/dashboards/agencies/TRAT-DOAE?fiscal_year=2569'), 401);
});

test('the province dashboard: money equal to the action plan spending, names, counts that add up', async () => {
  const d = await dashboard(executive, 'province?fiscal_year=2569');
  const s = await spending(anonymous, plan.id, 'province');
  assert.equal(s.groups.length, 1);
  assert.equal(d.disbursed_satang, s.groups[0].disbursed_satang);
  assert.equal(d.allocated_satang, s.groups[0].allocated_satang);
  assert.ok(d.disbursed_satang > 0, 'the demo has disbursements');
  assert.equal(d.scope.kind, 'province');
  assert.equal(d.scope.name_th, 'จังหวัดตราด');
  assert.equal(d.scope.name_en, 'Trat');
  assert.equal(d.fiscal_year, 2569);
  assert.equal(sum(d.projects_by_status), d.projects);
  const mains = (await detail(anonymous, plan.id)).projects.filter((p) => p.kind === 'main').length;
  assert.equal(d.projects, mains);
  assert.ok(d.projects_by_status.in_progress + d.projects_by_status.completed + d.projects_by_status.delayed > 0,
    `progress statuses from the demo reports: ${JSON.stringify(d.projects_by_status)}`);
  assert.ok(d.average_physical_percent > 0 && d.average_physical_percent <= 100);
  assert.ok(sum(d.procurement_by_stage) > 0, 'demo procurements counted by stage');
  assert.ok(d.overdue_instalments >= 1, 'the demo has an overdue instalment');
  assert.equal(d.open_warnings, sum(d.open_warnings_by_kind));
  assert.ok(d.open_warnings > 0);
  assert.equal(typeof d.disbursed_percent, 'number');
  assert.ok(Math.abs(d.disbursed_percent - (100 * d.disbursed_satang) / d.allocated_satang) < 0.01);
});

test('strategy and agency dashboards equal the action plan figures of the same group', async () => {
  const strategies = await spending(anonymous, plan.id, 'strategy');
  let checked = 0;
  for (const group of strategies.groups) {
    if (group.key === 'none') continue;
    const d = await dashboard(executive, `strategies/${group.key}?fiscal_year=2569`);
    assert.equal(d.disbursed_satang, group.disbursed_satang, `strategy ${group.key}`);
    assert.equal(d.allocated_satang, group.allocated_satang, `strategy ${group.key}`);
    assert.equal(d.scope.kind, 'strategy');
    assert.ok(d.scope.name_th.length > 0 && d.scope.name_th !== group.key, 'a name, not a code');
    checked += 1;
  }
  assert.ok(checked >= 2, 'several strategies checked');
  const agencies = await spending(anonymous, plan.id, 'agency');
  checked = 0;
  for (const group of agencies.groups) {
    if (group.key === 'none') continue;
    const d = await dashboard(strategy, `agencies/${group.key}?fiscal_year=2569`);
    assert.equal(d.disbursed_satang, group.disbursed_satang, `agency ${group.key}`);
    assert.equal(d.allocated_satang, group.allocated_satang, `agency ${group.key}`);
    assert.equal(d.scope.name_th, group.name_th);
    checked += 1;
  }
  assert.ok(checked >= 2, 'several agencies checked');
});

test('a district dashboard counts the projects whose areas lie in it, with its Thai name', async () => {
  const province = await dashboard(executive, 'province?fiscal_year=2569');
  let projects = 0;
  for (const code of ['2301', '2302', '2303', '2304', '2305', '2306', '2307']) {
    const d = await dashboard(executive, `districts/${code}?fiscal_year=2569`);
    assert.equal(d.scope.kind, 'district');
    assert.ok(d.scope.name_th.startsWith('อำเภอ'), d.scope.name_th);
    assert.ok(d.disbursed_satang <= province.disbursed_satang);
    projects += d.projects;
  }
  assert.ok(projects > 0, 'demo projects lie in districts');
  const mueang = await dashboard(executive, 'districts/2301?fiscal_year=2569');
  assert.equal(mueang.scope.name_th, 'อำเภอเมืองตราด');
});

test('live: a month-end position shows at once in the province, strategy and agency dashboards', async () => {
  const before = await dashboard(executive, 'province?fiscal_year=2569');
  const projects = (await detail(anonymous, plan.id)).projects;
  const project = projects.find((p) => p.kind === 'main' && p.status === 'active' && p.lines.length === 1
    && p.allocated_satang > 0 && p.agency);
  assert.ok(project, 'a one-line project');
  const positions = (await strategy.get(`/api/v1/action-plans/${plan.id}/projects/${project.element_id}/positions`)).json;
  const line = positions.lines[0];
  const latest = line.positions.at(-1);
  assert.ok(latest, 'the project has positions');
  const more = Math.min(line.allocated_satang - latest.po_outstanding_satang, latest.disbursed_to_date_satang + 12345);
  const delta = more - latest.disbursed_to_date_satang;
  assert.ok(delta > 0);
  const w = await strategy.put(`/api/v1/action-plans/${plan.id}/projects/${project.element_id}/positions/${latest.month}`, {
    po_outstanding_satang: latest.po_outstanding_satang, disbursed_to_date_satang: more,
  });
  assert.equal(w.status, 200, w.text);
  const after = await dashboard(executive, 'province?fiscal_year=2569');
  assert.equal(after.disbursed_satang, before.disbursed_satang + delta);
  assert.equal(after.disbursed_satang, (await spending(anonymous, plan.id, 'province')).groups[0].disbursed_satang);
  const agencyGroup = (await spending(anonymous, plan.id, 'agency')).groups.find((g) => g.key === project.agency);
  assert.equal((await dashboard(executive, `agencies/${project.agency}?fiscal_year=2569`)).disbursed_satang,
    agencyGroup.disbursed_satang);
});

test('live: a progress report shows at once in the status counts', async () => {
  const before = await dashboard(executive, 'province?fiscal_year=2569');
  const projects = (await detail(anonymous, plan.id)).projects.filter((p) => p.kind === 'main' && p.status === 'active');
  let chosen = null;
  for (const p of projects) {
    const r = await strategy.get(`/api/v1/projects/${p.element_id}/progress`);
    assert.equal(r.status, 200, r.text);
    const months = r.json.items;
    const last = months.at(-1);
    if (last && last.status === 'in_progress' && !months.some((m) => m.month === '2026-09')) {
      chosen = { p, last };
      break;
    }
  }
  assert.ok(chosen, 'a project in progress without a September report');
  const w = await strategy.put(`/api/v1/projects/${chosen.p.element_id}/progress/2026-09`, {
    physical_percent: 100, status: 'completed', activities_th: 'ส่งมอบงานแล้ว (ทดสอบ)', problems_th: '', fixes_th: '',
  });
  assert.equal(w.status, 200, w.text);
  const after = await dashboard(executive, 'province?fiscal_year=2569');
  assert.equal(after.projects_by_status.completed, before.projects_by_status.completed + 1);
  assert.equal(after.projects_by_status.in_progress, before.projects_by_status.in_progress - 1);
});

test('scopes outside the province or unknown are 404; a bad fiscal year is 400', async () => {
  assertError(await executive.get('/api/v1/dashboards/districts/1001?fiscal_year=2569'), 404);
  assertError(await executive.get('/api/v1/dashboards/districts/230101?fiscal_year=2569'), 404);
  assertError(await executive.get('/api/v1/dashboards/agencies/NO-SUCH?fiscal_year=2569'), 404);
  assertError(await executive.get('/api/v1/dashboards/strategies/999999?fiscal_year=2569'), 404);
  const project = (await detail(anonymous, plan.id)).projects[0];
  assertError(await executive.get(`/api/v1/dashboards/strategies/${project.element_id}?fiscal_year=2569`), 404);
  assertError(await executive.get('/api/v1/dashboards/province?fiscal_year=abc'), 400, null, 'fiscal_year');
  assertError(await executive.get('/api/v1/dashboards/province?fiscal_year=2025'), 400, null, 'fiscal_year');
});

test('a year without an action plan answers zeros, not an error', async () => {
  const d = await dashboard(executive, 'province?fiscal_year=2580');
  assert.equal(d.projects, 0);
  assert.equal(d.allocated_satang, 0);
  assert.equal(d.disbursed_percent, null);
});
