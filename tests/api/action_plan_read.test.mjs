// The annual action plan as the public reads it (serve --demo): the list, one plan
// with its projects and lines, spending rollups whose groups add up to the province,
// the national targets, reserve proposals, and the documents (PDF with extractable
// text, Excel, `changwat export action-plan`). Runs on SQLite and on PostgreSQL
// (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli } from '../lib/server.mjs';
import { demoActionPlan, detail, spending, assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let plan; // the demo action plan (list item)
let full; // its detail
const scratch = mkdtempSync(join(tmpdir(), 'changwat-action-plan-'));

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  plan = await demoActionPlan(anonymous);
  full = await detail(anonymous, plan.id);
});
after(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

// Text of a PDF as a reader extracts it (poppler's pdftotext).
function pdfText(bytes) {
  const file = join(scratch, `doc-${Date.now()}-${Math.random().toString(16).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the list is public: each action plan has id, plan_id, fiscal_year (BE) and status', async () => {
  const r = await anonymous.get('/api/v1/action-plans');
  assert.equal(r.status, 200);
  for (const item of r.json.items) {
    assert.ok(Number.isInteger(item.id) && Number.isInteger(item.plan_id));
    assert.ok(item.fiscal_year > 2500, 'a Buddhist-era year');
    assert.ok(['open', 'closed'].includes(item.status));
  }
  assert.equal(plan.status, 'open', 'the demo year stays open for entry');
  assert.equal(plan.demo, true);
  const plans = await anonymous.get('/api/v1/plans');
  assert.ok(plans.json.plans.some((p) => p.id === plan.plan_id), 'made from an existing plan');
});

test('the demo plan of FY 2569 has at least 20 projects, main and reserve, with lines and integer allocations', async () => {
  assert.equal(full.plan_id, plan.plan_id);
  assert.equal(full.fiscal_year, 2569);
  assert.ok(full.projects.length >= 20, `${full.projects.length} projects`);
  const kinds = new Set(full.projects.map((p) => p.kind));
  assert.deepEqual([...kinds].sort(), ['main', 'reserve']);
  for (const p of full.projects) {
    assert.ok(Number.isInteger(p.element_id), p.code);
    assert.ok(Number.isInteger(p.allocated_satang), `${p.code}: allocated_satang is an integer, never null`);
    const sum = p.lines.reduce((s, l) => s + l.allocated_satang, 0);
    assert.equal(p.allocated_satang, sum, `${p.code}: the sum of its lines`);
    for (const line of p.lines) {
      assert.equal(typeof line.gfmis_code, 'string');
      assert.ok(['personnel', 'operating', 'investment', 'subsidy', 'other'].includes(line.expense_type));
      assert.equal(typeof line.is_capital, 'boolean');
    }
    assert.equal(p.demo, true, `${p.code} is marked demo`);
    if (p.kind === 'reserve') {
      assert.ok(Number.isInteger(p.ranking), `${p.code}: a reserve has a ranking`);
      assert.equal(p.allocated_satang, 0, 'a reserve has no allocation');
    }
  }
  const mains = full.projects.filter((p) => p.kind === 'main' && p.status === 'active');
  assert.ok(mains.every((p) => p.lines.length > 0), 'every active main project has lines');
  assert.ok(mains.some((p) => p.lines.some((l) => l.spending_plan.length === 12)), 'spending plans');
  const withMonths = mains.filter((p) => p.lines.some((l) => l.latest_month));
  assert.ok(withMonths.length > mains.length / 2, 'month-end positions for most projects');
  // Element ids are the plan's: each is a project of the plan's tree.
  const projects = await anonymous.get(`/api/v1/plans/${plan.plan_id}/projects`);
  const ids = new Set(projects.json.projects.map((p) => p.id));
  for (const p of full.projects) assert.ok(ids.has(p.element_id), `${p.code} is a plan element`);
});

test('an unknown action plan is 404 with Thai and English', async () => {
  assertError(await anonymous.get('/api/v1/action-plans/999999'), 404);
  assertError(await anonymous.get('/api/v1/action-plans/999999/spending'), 404);
  assertError(await anonymous.get('/api/v1/action-plans/abc'), 404);
});

test('spending for every grouping: each project in exactly one group, the groups add up to the province', async () => {
  const province = await spending(anonymous, plan.id, 'province');
  assert.equal(province.groups.length, 1);
  const total = province.groups[0];
  assert.equal(total.projects, full.projects.length);
  assert.equal(total.months.length, 12);
  assert.equal(total.months[0].month, '2025-10', 'FY 2569 starts in October 2025');
  assert.equal(total.months[11].month, '2026-09');
  const allocated = full.projects.reduce((s, p) => s + p.allocated_satang, 0);
  assert.equal(total.allocated_satang, allocated);
  assert.ok(total.disbursed_satang > 0 && total.po_outstanding_satang > 0);
  for (const by of ['strategy', 'agency', 'budget_source', 'project']) {
    const report = await spending(anonymous, plan.id, by);
    assert.equal(report.by, by);
    const sum = (field) => report.groups.reduce((s, g) => s + g[field], 0);
    assert.equal(sum('projects'), full.projects.length, `${by}: every project once`);
    for (const field of ['allocated_satang', 'po_outstanding_satang', 'disbursed_satang']) {
      assert.equal(sum(field), total[field], `${by}: ${field} adds up to the province`);
    }
    for (let m = 0; m < 12; m += 1) {
      const planned = report.groups.reduce((s, g) => s + g.months[m].planned_cumulative_satang, 0);
      assert.equal(planned, total.months[m].planned_cumulative_satang, `${by}: planned month ${m}`);
    }
    const keys = report.groups.map((g) => g.key);
    assert.equal(new Set(keys).size, keys.length, `${by}: keys are unique`);
  }
  const byProject = await spending(anonymous, plan.id, 'project');
  assert.deepEqual(byProject.groups.map((g) => g.key).sort((a, b) => a - b),
    full.projects.map((p) => p.element_id).sort((a, b) => a - b), 'by=project keys are the element ids');
  const bySource = await spending(anonymous, plan.id, 'budget_source');
  assert.ok(bySource.groups.some((g) => g.key === 'provincial'));
});

test('spending months: the planned curve, actual up to the latest month entered then null, targets at quarter ends', async () => {
  const report = await spending(anonymous, plan.id, 'province');
  const months = report.groups[0].months;
  assert.ok(report.latest_month, 'the demo has positions');
  const latest = months.findIndex((m) => m.month === report.latest_month);
  assert.ok(latest >= 6, `most months entered (latest ${report.latest_month})`);
  for (let m = 0; m < 12; m += 1) {
    if (m <= latest) assert.ok(Number.isInteger(months[m].disbursed_cumulative_satang), `month ${m}`);
    else assert.equal(months[m].disbursed_cumulative_satang, null, `month ${m} after the latest is null`);
    if (m > 0) {
      assert.ok(months[m].planned_cumulative_satang >= months[m - 1].planned_cumulative_satang, 'planned is cumulative');
    }
  }
  // FY 2569: Q1 overall 33 % (combined base, the only one announced), the year 93 %.
  assert.equal(months[2].target_percent, 33);
  assert.equal(months[11].target_percent, 93);
  assert.equal(months[0].target_percent, null);
  const forecast = report.groups[0].forecast_year_end_percent;
  assert.ok(forecast === null || (forecast >= 0 && forecast <= 100), `forecast ${forecast}`);
});

test('an unknown grouping is 400 naming by', async () => {
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/spending?by=district`), 400, undefined, 'by');
});

test('national targets of FY 2569: the announced figures with their sources, unannounced quarters empty', async () => {
  const r = await anonymous.get('/api/v1/disbursement-targets?fiscal_year=2569');
  assert.equal(r.status, 200);
  const find = (category, quarter, base = 'annual_budget', measure = 'disbursed') =>
    r.json.items.find((t) => t.category === category && t.quarter === quarter && t.base === base && t.measure === measure);
  assert.equal(find('overall', 4).percent, 93);
  assert.equal(find('current', 4).percent, 98);
  assert.equal(find('capital', 4).percent, 75);
  // Q1 was announced as 33 % of the year's budget plus the money carried over.
  assert.equal(find('overall', 1, 'combined').percent, 33);
  assert.equal(find('overall', 1).percent, null, 'not announced on the annual-budget base');
  for (const t of r.json.items) {
    assert.equal(t.fiscal_year, 2569);
    if (t.percent !== null) assert.match(t.source, /https?:\/\//, 'an announced figure names its source');
    assert.ok(t.quarter >= 1 && t.quarter <= 4);
  }
  assertError(await anonymous.get('/api/v1/disbursement-targets?fiscal_year=69'), 400, undefined, 'fiscal_year');
});

test('reserve proposals are public: provincial savings fit at least one ready reserve, best-ranked first', async () => {
  const r = await anonymous.get(`/api/v1/action-plans/${plan.id}/reserve-proposals`);
  assert.equal(r.status, 200);
  assert.ok(r.json.savings_satang.provincial > 0, 'the demo leaves provincial savings');
  assert.ok(r.json.proposals.length >= 1);
  for (const p of r.json.proposals) {
    const project = full.projects.find((x) => x.element_id === p.element_id);
    assert.equal(project.kind, 'reserve');
    assert.ok(project.readiness.ready, `${project.code} is ready`);
    assert.ok(['provincial', 'province_group'].includes(p.budget_source), 'only sources the province decides');
    assert.ok(p.requested_satang <= r.json.savings_satang[p.budget_source], 'fits its own source');
  }
  for (const source of ['provincial', 'province_group']) {
    const ranks = r.json.proposals.filter((p) => p.budget_source === source).map((p) => p.ranking);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${source}: best-ranked first`);
  }
  const notProposed = new Map(r.json.not_proposed.map((p) => [p.element_id, p.reason]));
  for (const p of full.projects.filter((x) => x.kind === 'reserve' && x.budget_source === 'ministry')) {
    assert.equal(notProposed.get(p.element_id), 'not_province_source', `${p.code}: a ministry's savings are not the province's`);
  }
});

test('the action plan PDF carries extractable Thai text; Excel workbooks for the plan and the spending report', async () => {
  const pdf = await anonymous.get(`/api/v1/action-plans/${plan.id}/export.pdf`);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-type'), /application\/pdf/);
  const text = pdfText(pdf.buffer);
  assert.match(text, /แผนปฏิบัติราชการ/, 'Thai title as text');
  const main = full.projects.find((p) => p.kind === 'main');
  assert.ok(text.includes(main.code), `project ${main.code} as text`);
  for (const path of ['export.xlsx', 'spending/export.xlsx']) {
    const r = await anonymous.get(`/api/v1/action-plans/${plan.id}/${path}`);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type'), /spreadsheetml/);
    assert.equal(r.buffer.subarray(0, 2).toString('latin1'), 'PK');
  }
  const report = await anonymous.get(`/api/v1/action-plans/${plan.id}/spending/export.pdf`);
  assert.equal(report.status, 200);
  assert.match(pdfText(report.buffer), /ล้านบาท/, 'the governor\'s report in ล้านบาท');
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/export.pdf?unit=yen`), 400, undefined, 'unit');
});

test('changwat export action-plan writes the PDF and the workbook', () => {
  const pdfFile = join(scratch, 'action-plan.pdf');
  const r = runCli(['export', 'action-plan', String(plan.id), '--format', 'pdf', '-o', pdfFile, '--db', server.db.url]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(pdfText(readFileSync(pdfFile)), /แผนปฏิบัติราชการ/);
  const xlsxFile = join(scratch, 'action-plan.xlsx');
  const x = runCli(['export', 'action-plan', String(plan.id), '--format', 'xlsx', '-o', xlsxFile, '--db', server.db.url]);
  assert.equal(x.status, 0, x.stderr);
  assert.equal(readFileSync(xlsxFile).subarray(0, 2).toString('latin1'), 'PK');
  const missing = runCli(['export', 'action-plan', '999999', '--format', 'pdf', '-o', pdfFile, '--db', server.db.url]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /error: /);
});
