// The action plan's money through the API: allocation by budget line (stale version,
// above the request, bad amounts, same-version writes at once), month-end positions
// (rules, months, the agency's own projects), the spending rollup moving at once,
// and a closed fiscal year refusing everything. Each refused write leaves the stored
// money as it was. Runs on SQLite and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  demoActionPlan, detail, projectByCode, positionsOf, spending, assertError,
} from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency; // agency_officer of TRAT-DOAE
let executive;
let plan;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  plan = await demoActionPlan(anonymous);
});
after(async () => { await server?.stop(); });

const allocationPath = (id, elementId) => `/api/v1/action-plans/${id}/projects/${elementId}/allocation`;
const positionPath = (id, elementId, month) => `/api/v1/action-plans/${id}/projects/${elementId}/positions/${month}`;
const line = (gfmis_code, allocated_satang, extra = {}) => ({
  gfmis_code, expense_type: 'operating', is_capital: false, allocated_satang, ...extra,
});

// ---- Allocation ----

test('allocation lines: 200 with the sum, then a stale version is 409 and changes nothing', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P29'); // provincial, one line, requested 180,000 baht
  const lines = [line('2569P2901', 10000000), line('2569P2902', 5000000, { expense_type: 'investment', is_capital: true })];
  const ok = await strategy.put(allocationPath(plan.id, p.element_id), { lines, version: p.version });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.allocated_satang, 15000000);
  assert.deepEqual(ok.json.lines.map((l) => [l.gfmis_code, l.expense_type, l.is_capital, l.allocated_satang]),
    [['2569P2901', 'operating', false, 10000000], ['2569P2902', 'investment', true, 5000000]]);
  assert.equal(ok.json.version, p.version + 1);
  const stale = await strategy.put(allocationPath(plan.id, p.element_id), { lines: [line('2569P2901', 1)], version: p.version });
  assertError(stale, 409, 'stale_version');
  const after = await projectByCode(anonymous, plan.id, 'P29');
  assert.equal(after.allocated_satang, 15000000, 'the stale write stored nothing');
  assert.equal(after.version, p.version + 1);
});

test('a total above the request without decision_ref is 422 naming decision_ref; with it, 200', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P28'); // requested 400,000 baht
  const above = [line('2569P2801', p.requested_satang + 100)];
  const refused = await strategy.put(allocationPath(plan.id, p.element_id), { lines: above, version: p.version });
  assertError(refused, 422, 'allocation_above_request', 'decision_ref');
  assert.equal((await projectByCode(anonymous, plan.id, 'P28')).allocated_satang, p.allocated_satang, 'nothing stored');
  const allowed = await strategy.put(allocationPath(plan.id, p.element_id), {
    lines: above, decision_ref: 'มติ ก.บ.จ. ครั้งที่ 2/2569', version: p.version,
  });
  assert.equal(allowed.status, 200, allowed.text);
  assert.equal(allowed.json.allocated_satang, p.requested_satang + 100);
  assert.equal(allowed.json.decision_ref, 'มติ ก.บ.จ. ครั้งที่ 2/2569');
});

test('negative, fractional or text satang and unknown expense types are 400 naming the field', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P29');
  const put = (lines) => strategy.put(allocationPath(plan.id, p.element_id), { lines, version: p.version });
  assertError(await put([line('X1', -1)]), 400, undefined, 'lines[0].allocated_satang');
  assertError(await put([line('X1', 1.5)]), 400, undefined, 'lines[0].allocated_satang');
  assertError(await put([line('X1', '100')]), 400, undefined, 'lines[0].allocated_satang');
  assertError(await put([line('X1', 100, { expense_type: 'capital' })]), 400, undefined, 'lines[0].expense_type');
  assertError(await put([line('X1', 100), line('X1', 200)]), 400, undefined, 'lines[1].gfmis_code');
  assert.equal((await projectByCode(anonymous, plan.id, 'P29')).version, p.version, 'nothing stored');
});

test('a reserve project gets no allocation before promotion (422); readers and agency officers may not allocate (403), nobody signed in 401', async () => {
  const reserve = await projectByCode(anonymous, plan.id, 'R05');
  assertError(await strategy.put(allocationPath(plan.id, reserve.element_id), {
    lines: [line('R05-1', 100)], version: reserve.version,
  }), 422, 'reserve_project');
  const p = await projectByCode(anonymous, plan.id, 'P11');
  const body = { lines: [line('2569P1101', 100)], version: p.version };
  assertError(await agency.put(allocationPath(plan.id, p.element_id), body), 403);
  assertError(await executive.put(allocationPath(plan.id, p.element_id), body), 403);
  assertError(await anonymous.put(allocationPath(plan.id, p.element_id), body), 401);
});

test('same-version allocation writes at once: exactly one 200, the others 409, its lines stored', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P45'); // no positions yet
  const writes = Array.from({ length: 8 }, (_, i) => strategy.put(allocationPath(plan.id, p.element_id), {
    lines: [line('2569P4501', 20000000 + i)], version: p.version,
  }));
  const results = await Promise.all(writes);
  const statuses = results.map((r) => r.status).sort();
  assert.equal(statuses.filter((s) => s === 200).length, 1, `one winner: ${statuses}`);
  assert.equal(statuses.filter((s) => s === 409).length, 7, `the rest stale: ${statuses}`);
  const winner = results.find((r) => r.status === 200).json;
  const stored = await projectByCode(anonymous, plan.id, 'P45');
  assert.equal(stored.allocated_satang, winner.allocated_satang);
  assert.equal(stored.version, p.version + 1);
});

// ---- Month-end positions ----

test('the project\'s own agency officer enters a month-end position; the spending rollup moves at once', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P11'); // TRAT-DOAE, one line, no positions yet
  assert.equal(p.agency, 'TRAT-DOAE');
  const before = await spending(anonymous, plan.id, 'province');
  const r = await agency.put(positionPath(plan.id, p.element_id, '2025-10'), {
    po_outstanding_satang: 3000000, disbursed_to_date_satang: 2000000,
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.gfmis_code, '2569P1101', 'the one line when the code is left out');
  assert.equal(r.json.used_satang, 5000000);
  assert.equal(r.json.remaining_satang, p.allocated_satang - 5000000);
  const byProject = await spending(anonymous, plan.id, 'project');
  const group = byProject.groups.find((g) => g.key === p.element_id);
  assert.equal(group.disbursed_satang, 2000000);
  assert.equal(group.po_outstanding_satang, 3000000);
  assert.equal(group.months[0].disbursed_cumulative_satang, 2000000);
  const afterWrite = await spending(anonymous, plan.id, 'province');
  assert.equal(afterWrite.groups[0].disbursed_satang, before.groups[0].disbursed_satang + 2000000);
  // A second month: the monthly flow is derived.
  const next = await agency.put(positionPath(plan.id, p.element_id, '2025-11'), {
    po_outstanding_satang: 1000000, disbursed_to_date_satang: 4500000,
  });
  assert.equal(next.status, 200, next.text);
  assert.equal(next.json.disbursed_in_month_satang, 2500000);
});

test('positions above the line\'s allocation are 422 and nothing is stored', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P11');
  const r = await strategy.put(positionPath(plan.id, p.element_id, '2025-12'), {
    po_outstanding_satang: p.allocated_satang, disbursed_to_date_satang: 4500000,
  });
  assertError(r, 422, 'above_allocation');
  const months = (await positionsOf(strategy, plan.id, p.element_id)).lines[0].positions.map((x) => x.month);
  assert.ok(!months.includes('2025-12'));
});

test('disbursed to date below the previous month\'s is 422', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P11');
  const r = await agency.put(positionPath(plan.id, p.element_id, '2025-12'), {
    po_outstanding_satang: 0, disbursed_to_date_satang: 4000000,
  });
  assertError(r, 422, 'disbursed_below_previous');
});

test('months outside the fiscal year and its six carry-over months are 422; a carry-over month is accepted', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P11');
  const body = { po_outstanding_satang: 0, disbursed_to_date_satang: 4500000 };
  assertError(await agency.put(positionPath(plan.id, p.element_id, '2025-09'), body), 422, 'month_out_of_range', 'month');
  assertError(await agency.put(positionPath(plan.id, p.element_id, '2027-04'), body), 422, 'month_out_of_range', 'month');
  assertError(await agency.put(positionPath(plan.id, p.element_id, '2026-13'), body), 400, undefined, 'month');
  const carried = await agency.put(positionPath(plan.id, p.element_id, '2027-03'), { po_outstanding_satang: 0, disbursed_to_date_satang: 6000000 });
  assert.equal(carried.status, 200, carried.text);
  assert.equal(carried.json.carry_over, true);
  // Carried-over money keeps counting to date from the year's figure.
  const group = (await spending(anonymous, plan.id, 'project')).groups.find((g) => g.key === p.element_id);
  assert.equal(group.disbursed_satang, 6000000);
  assert.equal(group.months.length, 12, 'the curve stays on the fiscal year');
});

test('an agency officer of another agency is 403 and nothing is stored; the public may not enter positions', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P03'); // TRAT-MOTS
  const before = await positionsOf(strategy, plan.id, p.element_id);
  const body = { po_outstanding_satang: 0, disbursed_to_date_satang: p.lines[0].disbursed_to_date_satang };
  assertError(await agency.put(positionPath(plan.id, p.element_id, '2026-08'), body), 403, 'not_own_agency');
  assertError(await anonymous.put(positionPath(plan.id, p.element_id, '2026-08'), body), 401);
  assertError(await executive.put(positionPath(plan.id, p.element_id, '2026-08'), body), 403);
  assert.deepEqual(await positionsOf(strategy, plan.id, p.element_id), before);
});

test('a project with several lines needs the budget code; negative amounts are 400', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P12');
  assert.ok(p.lines.length > 1);
  assertError(await strategy.put(positionPath(plan.id, p.element_id, '2026-09'), {
    po_outstanding_satang: 0, disbursed_to_date_satang: 0,
  }), 400, undefined, 'gfmis_code');
  assertError(await strategy.put(positionPath(plan.id, p.element_id, '2026-09'), {
    gfmis_code: p.lines[0].gfmis_code, po_outstanding_satang: -5, disbursed_to_date_satang: 0,
  }), 400, undefined, 'po_outstanding_satang');
  assertError(await strategy.put(positionPath(plan.id, p.element_id, '2026-09'), {
    gfmis_code: p.lines[0].gfmis_code, po_outstanding_satang: 0, disbursed_to_date_satang: 10.25,
  }), 400, undefined, 'disbursed_to_date_satang');
  const ok = await strategy.put(positionPath(plan.id, p.element_id, '2026-09'), {
    gfmis_code: p.lines[1].gfmis_code, po_outstanding_satang: 0, disbursed_to_date_satang: p.lines[1].disbursed_to_date_satang,
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.gfmis_code, p.lines[1].gfmis_code);
});

test('positions of one project are for signed-in staff only', async () => {
  const p = await projectByCode(anonymous, plan.id, 'P03');
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/projects/${p.element_id}/positions`), 401);
  const r = await executive.get(`/api/v1/action-plans/${plan.id}/projects/${p.element_id}/positions`);
  assert.equal(r.status, 200);
  assert.ok(r.json.lines[0].positions.length >= 6);
});

// ---- A closed fiscal year ----

test('a closed fiscal year refuses positions and allocations with a clear error, and stores nothing', async () => {
  // A second action plan of the same plan, for FY 2570, closed by the strategy office.
  const made = await strategy.post('/api/v1/action-plans', { plan_id: plan.plan_id, fiscal_year: 2570 });
  assert.equal(made.status, 201, made.text);
  const id = made.json.id;
  assert.equal(made.json.status, 'open');
  const dup = await strategy.post('/api/v1/action-plans', { plan_id: plan.plan_id, fiscal_year: 2570 });
  assertError(dup, 409, 'action_plan_exists');
  const projects = (await detail(anonymous, id)).projects.filter((p) => p.kind === 'main');
  assert.ok(projects.length > 0, 'the plan\'s projects of 2570 joined');
  const p = projects[0];
  const allocated = await strategy.put(allocationPath(id, p.element_id), {
    lines: [line('2570-1', 1000000)], decision_ref: 'มติ ก.บ.จ. (ทดสอบ)', version: p.version,
  });
  assert.equal(allocated.status, 200, allocated.text);
  const entered = await strategy.put(positionPath(id, p.element_id, '2026-10'), { po_outstanding_satang: 0, disbursed_to_date_satang: 100 });
  assert.equal(entered.status, 200, entered.text);

  assertError(await agency.post(`/api/v1/action-plans/${id}/close`, {}), 403);
  const closed = await strategy.post(`/api/v1/action-plans/${id}/close`, { version: made.json.version });
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.json.status, 'closed');
  const before = await positionsOf(strategy, id, p.element_id);
  const r = await strategy.put(positionPath(id, p.element_id, '2026-11'), { po_outstanding_satang: 0, disbursed_to_date_satang: 200 });
  assertError(r, 422, 'fiscal_year_closed');
  assert.match(r.json.error.message_th, /2570/);
  assertError(await strategy.put(allocationPath(id, p.element_id), {
    lines: [line('2570-1', 1)], version: allocated.json.version,
  }), 422, 'fiscal_year_closed');
  assertError(await strategy.post(`/api/v1/action-plans/${id}/close`, {}), 422, 'fiscal_year_closed');
  assert.deepEqual(await positionsOf(strategy, id, p.element_id), before, 'nothing stored');
  const listed = (await anonymous.get('/api/v1/action-plans')).json.items.find((x) => x.id === id);
  assert.equal(listed.status, 'closed');
});

test('making an action plan: outside the plan period 422, readers 403', async () => {
  assertError(await strategy.post('/api/v1/action-plans', { plan_id: plan.plan_id, fiscal_year: 2575 }), 422, 'outside_plan_period', 'fiscal_year');
  assertError(await executive.post('/api/v1/action-plans', { plan_id: plan.plan_id, fiscal_year: 2568 }), 403);
  assertError(await strategy.post('/api/v1/action-plans', { plan_id: plan.plan_id }), 400, undefined, 'fiscal_year');
});
