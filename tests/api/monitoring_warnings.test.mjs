// Early warnings through the API, each kind raised from data written through the
// other modules' routes (a procurement with no contract past the commitment deadline,
// a month-end position far behind the national target, a KPI actual short of its
// target, a missing monthly report, an overdue instalment) and resolved automatically
// when its cause goes away; resolutions with their rights; the 7-day suppression
// unless the cause worsens; thresholds as settings; 401/403/404/409/422. Runs on
// SQLite and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';
import { demoActionPlan, detail, assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy; // strategy office (TRAT-PO)
let agency; // agency_officer of TRAT-DOAE
let executive;
let plan;
let projects;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  plan = await demoActionPlan(anonymous);
  projects = (await detail(anonymous, plan.id)).projects;
});
after(async () => { await server?.stop(); });

const KINDS = ['procurement_not_committed', 'behind_disbursement_target', 'kpi_below_trajectory',
  'progress_report_missing', 'reserve_available', 'instalment_overdue'];

async function warnings(client = executive, query = '') {
  const r = await client.get(`/api/v1/warnings?fiscal_year=2569${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

const openOf = (items, kind, elementId, subject) => items.filter((w) => w.kind === kind && w.status === 'open'
  && (elementId === undefined || w.element_id === elementId) && (subject === undefined || w.subject === subject));

// A running one-line project with an agency and positions whose cumulative
// disbursement before its latest month is far below the year-end national target
// (93 % for FY 2569), so its latest month can be written low or lower (a cumulative
// figure may not go below the month before).
async function moneyProject() {
  for (const p of projects) {
    if (p.kind !== 'main' || p.status !== 'active' || p.lines.length !== 1 || !p.agency) continue;
    const r = await strategy.get(`/api/v1/action-plans/${plan.id}/projects/${p.element_id}/positions`);
    assert.equal(r.status, 200, r.text);
    const line = r.json.lines[0];
    if (line.positions.length < 2 || line.allocated_satang <= 0) continue;
    const previous = line.positions.at(-2).disbursed_to_date_satang;
    if (previous / line.allocated_satang < 0.7) return { project: p, line, previous };
  }
  return null;
}

test('warnings need a sign-in and a fiscal year', async () => {
  assertError(await anonymous.get('/api/v1/warnings?fiscal_year=2569'), 401);
  assertError(await executive.get('/api/v1/warnings'), 400, null, 'fiscal_year');
  assertError(await executive.get('/api/v1/warnings?fiscal_year=2569&kind=nope'), 400, null, 'kind');
  assertError(await anonymous.post('/api/v1/warnings/1/resolution', { note_th: 'x' }), 401);
});

test('the demo year has warnings computed from the demo data, each with owner, due date and both languages', async () => {
  const items = await warnings();
  assert.ok(items.length > 0);
  for (const w of items) {
    assert.ok(KINDS.includes(w.kind), w.kind);
    assert.match(w.raised_on, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(w.due_on, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(['open', 'resolved'].includes(w.status));
    assert.ok(w.message_th.length > 0 && w.message_en.length > 0);
    assert.equal(typeof w.element_id, 'number');
  }
  assert.ok(items.some((w) => w.status === 'open'), 'some open');
  assert.ok(items.some((w) => w.status === 'resolved' && w.demo && w.resolution.note_th), 'a demo resolution');
  // September's report was due in October: projects still running have it missing.
  assert.ok(openOf(items, 'progress_report_missing').length > 0);
  // The demo's overdue instalment; the demo's ready reserves while savings exist.
  assert.ok(openOf(items, 'instalment_overdue').length >= 1);
  assert.ok(openOf(items, 'reserve_available').length >= 1);
  for (const w of openOf(items, 'reserve_available')) {
    const reserve = projects.find((p) => p.element_id === w.element_id);
    assert.equal(reserve?.kind, 'reserve', 'raised on a reserve project');
  }
  // Open first.
  const firstResolved = items.findIndex((w) => w.status === 'resolved');
  if (firstResolved >= 0) assert.ok(items.slice(firstResolved).every((w) => w.status === 'resolved'));
  // Every signed-in role reads them, also other agencies' warnings.
  const mine = await warnings(agency, '&agency=TRAT-DOAE');
  assert.ok(mine.every((w) => w.agency === 'TRAT-DOAE'));
  assert.equal((await warnings(agency)).length, items.length);
});

test('a procurement entered without a contract past the commitment deadline raises procurement_not_committed; signing resolves it', async () => {
  const target = projects.find((p) => p.kind === 'main' && p.status === 'active' && p.agency === 'TRAT-DOAE');
  const created = await agency.post(`/api/v1/projects/${target.element_id}/procurements`, {
    fiscal_year: 2569, title_th: 'จัดซื้อวัสดุการเกษตร (ทดสอบ)', method: 'e_bidding', reference_price_satang: 80000000,
    stages: { plan_published: '2025-10-20', invitation: '2025-12-01' },
  });
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  let open = openOf(await warnings(), 'procurement_not_committed', target.element_id, `procurement:${id}`);
  assert.equal(open.length, 1, 'raised at once');
  assert.equal(open[0].agency, 'TRAT-DOAE');
  assert.equal(open[0].past_due, true);
  assert.equal(open[0].due_on, '2025-12-31');
  // The contract signed: the cause goes away, the warning resolves by itself.
  const signed = await agency.put(`/api/v1/procurements/${id}`, {
    title_th: 'จัดซื้อวัสดุการเกษตร (ทดสอบ)', method: 'e_bidding', reference_price_satang: 80000000,
    stages: { plan_published: '2025-10-20', invitation: '2025-12-01', bid_day: '2025-12-15', winner_announced: '2025-12-20', contract_signed: '2026-01-10' },
    winner: { name: 'ผู้ขาย (ทดสอบ)', agreed_satang: 79000000, reason_th: 'ราคาต่ำสุด' },
    contract_value_satang: 79000000, version: created.json.version,
  });
  assert.equal(signed.status, 200, signed.text);
  const items = await warnings();
  assert.equal(openOf(items, 'procurement_not_committed', target.element_id, `procurement:${id}`).length, 0);
  const resolved = items.find((w) => w.id === open[0].id);
  assert.equal(resolved.status, 'resolved');
  assert.equal(resolved.resolution.automatic, true);

  // An instalment due in the past, not inspected: instalment_overdue.
  const contract = (await agency.get(`/api/v1/procurements/${id}`)).json;
  const inst = await agency.put(`/api/v1/procurements/${id}/contract/instalments`, {
    version: contract.version, instalments: [{ number: 1, due_on: '2026-02-15', amount_satang: 79000000 }],
  });
  assert.equal(inst.status, 200, inst.text);
  open = openOf(await warnings(), 'instalment_overdue', target.element_id, `instalment:${id}:1`);
  assert.equal(open.length, 1, 'overdue instalment raised');
  assert.equal(open[0].due_on, '2026-02-15');
});

test('a position far behind the national target raises behind_disbursement_target; resolution rights; suppression unless worse', async () => {
  const found = await moneyProject();
  assert.ok(found, 'a one-line project with positions');
  const { project, line, previous } = found;
  // An officer of the project's agency, and one of another agency.
  server.addUser('officer-own', 'agency_officer', 'officer-password-2', { agency: project.agency });
  const own = await server.login('officer-own', 'officer-password-2');
  const otherAgency = project.agency === 'TRAT-CDD' ? 'TRAT-DOAE' : 'TRAT-CDD';
  server.addUser('officer-other', 'agency_officer', 'officer-password-3', { agency: otherAgency });
  const other = await server.login('officer-other', 'officer-password-3');
  const latest = line.positions.at(-1);
  const path = `/api/v1/action-plans/${plan.id}/projects/${project.element_id}/positions/${latest.month}`;
  const put = async (disbursed) => {
    const r = await strategy.put(path, { po_outstanding_satang: 0, disbursed_to_date_satang: disbursed });
    assert.equal(r.status, 200, r.text);
  };
  // Little disbursed against the target of the latest quarter end.
  const low = previous + Math.floor(line.allocated_satang / 20);
  await put(low);
  let open = openOf(await warnings(), 'behind_disbursement_target', project.element_id);
  assert.equal(open.length, 1, 'raised');
  const w = open[0];
  assert.equal(w.agency, project.agency);
  assert.ok(w.measure > 10);

  // Who may resolve.
  assertError(await executive.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'รับทราบ' }), 403);
  assertError(await other.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'รับทราบ' }), 403);
  assertError(await own.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: '' }), 400, null, 'note_th');
  assertError(await own.post('/api/v1/warnings/99999999/resolution', { note_th: 'x' }), 404);
  assertError(await own.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'x', extra: 1 }), 400);
  const resolved = await own.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'เร่งเบิกจ่ายงวดถัดไปแล้ว' });
  assert.equal(resolved.status, 200, resolved.text);
  assert.equal(resolved.json.status, 'resolved');
  assert.equal(resolved.json.resolution.automatic, false);
  assert.equal(resolved.json.resolution.note_th, 'เร่งเบิกจ่ายงวดถัดไปแล้ว');
  assertError(await strategy.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'อีกครั้ง' }), 409);

  // Suppressed: the same figures, or a little better, raise nothing within 7 days.
  await put(low + 100);
  let items = await warnings();
  assert.equal(openOf(items, 'behind_disbursement_target', project.element_id).length, 0, 'suppressed');
  assert.equal(items.find((x) => x.id === w.id).status, 'resolved');
  // Worse than at the resolution (5 points less disbursed): raised again, a new warning.
  await put(previous);
  items = await warnings();
  open = openOf(items, 'behind_disbursement_target', project.element_id);
  assert.equal(open.length, 1, 'raised again because worse');
  assert.notEqual(open[0].id, w.id);
  assert.ok(open[0].measure > w.measure);
  // The strategy office resolves any agency's warning; fully disbursed later clears nothing twice.
  const byStrategy = await strategy.post(`/api/v1/warnings/${open[0].id}/resolution`, { note_th: 'ติดตามแล้ว', version: open[0].version });
  assert.equal(byStrategy.status, 200, byStrategy.text);
  // The one-warning GET reads the same record; another id is 404.
  const one = await executive.get(`/api/v1/warnings/${w.id}`);
  assert.equal(one.status, 200, one.text);
  assert.equal(one.json.resolution.note_th, 'เร่งเบิกจ่ายงวดถัดไปแล้ว');
  assertError(await executive.get('/api/v1/warnings/99999999'), 404);
});

test('a stale version on a resolution is 409 and resolves nothing', async () => {
  const open = openOf(await warnings(), 'progress_report_missing');
  assert.ok(open.length > 0);
  const w = open[0];
  assertError(await strategy.post(`/api/v1/warnings/${w.id}/resolution`, { note_th: 'x', version: w.version + 5 }), 409);
  const again = (await executive.get(`/api/v1/warnings/${w.id}`)).json;
  assert.equal(again.status, 'open');
});

test('the missing monthly report, once sent, resolves its warning by itself', async () => {
  const items = await warnings();
  let chosen = null;
  for (const w of openOf(items, 'progress_report_missing')) {
    const reports = (await strategy.get(`/api/v1/projects/${w.element_id}/progress`)).json.items;
    // Only September missing (the demo reports run to August).
    if (w.measure === 1 && reports.length > 0 && reports.at(-1).month === '2026-08') {
      chosen = { w, last: reports.at(-1) };
      break;
    }
  }
  assert.ok(chosen, 'a project missing only September');
  const r = await strategy.put(`/api/v1/projects/${chosen.w.element_id}/progress/2026-09`, {
    physical_percent: Math.min(100, chosen.last.physical_percent + 5), status: 'in_progress',
    activities_th: 'ดำเนินการต่อ (ทดสอบ)', problems_th: '', fixes_th: '',
  });
  assert.equal(r.status, 200, r.text);
  const after = (await warnings()).find((x) => x.id === chosen.w.id);
  assert.equal(after.status, 'resolved');
  assert.equal(after.resolution.automatic, true);
});

test('a KPI actual short of its yearly target raises kpi_below_trajectory', async () => {
  const scores = await strategy.get(`/api/v1/plans/${plan.plan_id}/kpi-scores?fiscal_year=2569`);
  assert.equal(scores.status, 200, scores.text);
  const kpi = scores.json.kpis.find((k) => typeof k.target === 'number' && k.target > 0);
  assert.ok(kpi, `a KPI with a target in ${scores.text.slice(0, 300)}`);
  // Far on the wrong side whatever the direction: 0 or ten times the target.
  // The year's actual with the version read (none when there is none yet).
  const putYear = async (value) => {
    const actuals = (await strategy.get(`/api/v1/kpis/${kpi.element_id}/actuals?fiscal_year=2569`)).json.items;
    const year = actuals.find((a) => a.period === 'year');
    const body = { period: 'year', value, evidence_th: 'ทดสอบ', ...(year ? { version: year.version } : {}) };
    const r = await strategy.put(`/api/v1/kpis/${kpi.element_id}/actuals/2569`, body);
    assert.equal(r.status, 200, r.text);
  };
  const kpiBelow = async (value) => {
    await putYear(value);
    return openOf(await warnings(), 'kpi_below_trajectory', kpi.element_id);
  };
  let open = await kpiBelow(0);
  if (open.length === 0) open = await kpiBelow(kpi.target * 10);
  assert.equal(open.length, 1, 'raised');
  assert.ok(open[0].message_th.includes('ตัวชี้วัด'));
  // On target: resolved by itself.
  await putYear(kpi.target);
  assert.equal(openOf(await warnings(), 'kpi_below_trajectory', kpi.element_id).length, 0);
});

test('thresholds are settings: read by all, set by the strategy office within range', async () => {
  const r = await executive.get('/api/v1/warning-settings');
  assert.equal(r.status, 200, r.text);
  const byKey = Object.fromEntries(r.json.items.map((s) => [s.key, s]));
  assert.equal(byKey.suppression_days.value, 7);
  assert.equal(byKey.behind_target_points.default, 10);
  assertError(await executive.put('/api/v1/warning-settings/behind_target_points', { value: 20 }), 403);
  assertError(await strategy.put('/api/v1/warning-settings/behind_target_points', { value: 500 }), 422, null, 'value');
  assertError(await strategy.put('/api/v1/warning-settings/no_such_setting', { value: 1 }), 404);
  const before = openOf(await warnings(), 'behind_disbursement_target').length;
  const set = await strategy.put('/api/v1/warning-settings/behind_target_points', { value: 100 });
  assert.equal(set.status, 200, set.text);
  assert.equal(set.json.value, 100);
  assert.equal(openOf(await warnings(), 'behind_disbursement_target').length, 0, 'no project is 100 points behind');
  assertError(await strategy.put('/api/v1/warning-settings/behind_target_points', { value: 10 }), 409);
  const back = await strategy.put('/api/v1/warning-settings/behind_target_points', { value: 10, version: set.json.version });
  assert.equal(back.status, 200, back.text);
  assert.ok(openOf(await warnings(), 'behind_disbursement_target').length >= Math.min(before, 1));
});

test('a user of another province reads none of Trat\'s warnings or dashboards (404) and resolves nothing', async () => {
  // A second province served by the same database: an agency of Chanthaburi (22).
  runSql(server.db.url, "INSERT INTO agency (code, province_code, name_th, name_en, kind) VALUES ('CTI-PO', '22', 'สำนักงานจังหวัดจันทบุรี (ทดสอบ)', 'Chanthaburi Provincial Office (test)', 'provincial')");
  server.addUser('cti-officer', 'agency_officer', 'officer-password-4', { agency: 'CTI-PO' });
  const outsider = await server.login('cti-officer', 'officer-password-4');
  const trat = openOf(await warnings(), 'progress_report_missing');
  assert.ok(trat.length > 0);
  assertError(await outsider.get(`/api/v1/warnings/${trat[0].id}`), 404);
  assertError(await outsider.post(`/api/v1/warnings/${trat[0].id}/resolution`, { note_th: 'x' }), 404);
  assert.equal((await warnings(outsider)).length, 0, 'no warnings of another province');
  assertError(await outsider.get('/api/v1/dashboards/agencies/TRAT-DOAE?fiscal_year=2569'), 404);
  assertError(await outsider.get('/api/v1/dashboards/districts/2301?fiscal_year=2569'), 404);
  const strategies = (await strategy.get(`/api/v1/action-plans/${plan.id}/spending?by=strategy`)).json.groups;
  const key = strategies.find((g) => g.key !== 'none').key;
  assertError(await outsider.get(`/api/v1/dashboards/strategies/${key}?fiscal_year=2569`), 404);
  assert.equal((await outsider.get('/api/v1/dashboards/province?fiscal_year=2569')).json.projects, 0);
  assert.equal((await executive.get(`/api/v1/warnings/${trat[0].id}`)).json.status, 'open');
});
