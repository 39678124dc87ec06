// Official outputs through the API (serve --demo): the eMENSCR-shaped workbook of
// the FY 2569 action plan opened and read cell by cell (agency, project, indicators,
// budget, reporting quarter, the alignment tags, quarterly results, M-step statuses
// as entered), the quarterly results report as a Thai PDF (pdftotext), and the
// M-step statuses' rights, rules and versions. Runs on SQLite and on PostgreSQL
// (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { demoActionPlan, detail, positionsOf, assertError } from '../lib/action_plan.mjs';
import { xlsxCells, pdfText, pdfProblems, xlsxNumberProblems } from '../lib/documents.mjs';

let server;
let anonymous;
let strategy;
let agency; // agency_officer of TRAT-DOAE
let executive;
let plan;
let full;
let tree;

const walk = (nodes, out = []) => {
  for (const n of nodes) { out.push(n); walk(n.children || [], out); }
  return out;
};

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  plan = await demoActionPlan(anonymous);
  full = await detail(anonymous, plan.id);
  tree = walk((await anonymous.get(`/api/v1/plans/${plan.plan_id}/tree`)).json.children);
});
after(async () => { await server?.stop(); });

const stepsPath = (elementId) => `/api/v1/action-plans/${plan.id}/projects/${elementId}/emenscr-steps`;
const workbook = async (query = '?quarter=2', client = executive) => {
  const r = await client.get(`/api/v1/action-plans/${plan.id}/emenscr.xlsx${query}`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  return xlsxCells(r.buffer);
};
// One project's row of the eMENSCR sheet as {header: value}.
const rowOf = (cells, code) => {
  const codeCell = cells.find((c) => c.sheet === 'โครงการ eMENSCR' && c.header === 'รหัสโครงการ' && c.value === code);
  assert.ok(codeCell, `no row for ${code}`);
  const row = codeCell.cell.replace(/^[A-Z]+/, '');
  const out = {};
  for (const c of cells) {
    if (c.sheet === 'โครงการ eMENSCR' && c.cell.replace(/^[A-Z]+/, '') === row) out[c.header] = c.value;
  }
  return out;
};
// The latest position of each line at or before `month`, summed.
const disbursedAt = (positions, month) => positions.lines.reduce((sum, line) => {
  const upTo = line.positions.filter((p) => p.month <= month);
  return sum + (upTo.length ? upTo[upTo.length - 1].disbursed_to_date_satang : 0);
}, 0);

test('the eMENSCR workbook has one row per project with agency, name, indicators, budget and the reporting quarter', async () => {
  const cells = await workbook('?quarter=2');
  const codes = cells.filter((c) => c.sheet === 'โครงการ eMENSCR' && c.header === 'รหัสโครงการ').map((c) => c.value);
  assert.deepEqual([...codes].sort(), full.projects.map((p) => p.code).sort());
  const project = full.projects.find((p) => p.kind === 'main' && p.allocated_satang > 0 && p.agency);
  const row = rowOf(cells, project.code);
  assert.equal(row['1. หน่วยงาน'], project.agency_name_th);
  assert.equal(row['2. ชื่อโครงการ'], project.name_th);
  assert.equal(row['4. งบประมาณที่ได้รับจัดสรร'], project.allocated_satang / 100, 'baht');
  assert.equal(row['งบประมาณที่ขอ'], project.requested_satang / 100);
  assert.equal(row['5. ห้วงการรายงาน'], 'ไตรมาสที่ 2 (1 ม.ค. 2569 – 31 มี.ค. 2569)');
  const element = tree.find((n) => n.id === project.element_id);
  for (const indicator of element.indicators ?? []) {
    assert.ok(String(row['3. ตัวชี้วัด']).includes(indicator.text_th), `indicator ${indicator.text_th} in ${row['3. ตัวชี้วัด']}`);
  }
  assert.deepEqual(xlsxNumberProblems(cells), []);
});

test('the six alignment tags come from the plan: the project\'s links and those of the elements above it', async () => {
  const cells = await workbook();
  const catalog = (await anonymous.get('/api/v1/alignment/catalog')).json;
  const frameworkOf = new Map(catalog.frameworks.flatMap((f) => f.targets.map((t) => [t.code, f.key])));
  const column = {
    national_strategy: '6.1 ยุทธศาสตร์ชาติ', master_plan: '6.2 แผนแม่บทภายใต้ยุทธศาสตร์ชาติ',
    nesdp13: '6.3 แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13', government_policy: '6.4 นโยบายรัฐบาล',
    sdg: '6.6 เป้าหมายการพัฒนาที่ยั่งยืน (SDGs)',
  };
  const byId = new Map(tree.map((n) => [n.id, n]));
  let checked = 0;
  for (const project of full.projects) {
    const codes = new Set();
    for (let n = byId.get(project.element_id); n; n = byId.get(n.parent_id)) for (const c of n.alignments) codes.add(c);
    const row = rowOf(cells, project.code);
    for (const code of codes) {
      const header = column[frameworkOf.get(code)];
      if (!header) continue;
      assert.ok(String(row[header] ?? '').split('; ').some((t) => t.startsWith(`${code} `)), `${project.code}: ${code} under ${header}: ${row[header]}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 10, `the demo projects carry alignment tags (${checked} checked)`);
});

test('quarterly results: cumulative disbursement at each reported quarter end from the month-end positions; later quarters empty', async () => {
  const cells = await workbook('?quarter=2');
  const project = full.projects.find((p) => p.kind === 'main' && p.disbursed_satang > 0);
  const positions = await positionsOf(strategy, plan.id, project.element_id);
  const row = rowOf(cells, project.code);
  assert.equal(row['7. ผลไตรมาสที่ 1 เบิกจ่ายสะสม'] ?? 0, disbursedAt(positions, '2025-12') / 100);
  assert.equal(row['7. ผลไตรมาสที่ 2 เบิกจ่ายสะสม'] ?? 0, disbursedAt(positions, '2026-03') / 100);
  assert.ok(disbursedAt(positions, '2026-03') > 0, 'the demo project has disbursed by Q2');
  assert.equal(row['7. ผลไตรมาสที่ 3 เบิกจ่ายสะสม'], undefined, 'not reported yet');
});

test('quarterly results: physical progress and status at each quarter end from the monthly progress reports', async () => {
  const cells = await workbook('?quarter=2');
  let checked = 0;
  for (const project of full.projects.filter((p) => p.kind === 'main')) {
    const r = await executive.get(`/api/v1/projects/${project.element_id}/progress`);
    assert.equal(r.status, 200, r.text);
    const upTo = r.json.items.filter((i) => i.month >= '2025-10' && i.month <= '2026-03');
    if (!upTo.length) continue;
    const latest = upTo[upTo.length - 1];
    const row = rowOf(cells, project.code);
    // A percent cell holds the fraction (0.5) and shows 50.00%.
    assert.ok(Math.abs(row['7. ผลไตรมาสที่ 2 ความก้าวหน้า (ร้อยละ)'] * 100 - latest.physical_percent) < 1e-9, project.code);
    assert.ok(row['7. ผลไตรมาสที่ 2 สถานะ'], `${project.code} has a status`);
    checked += 1;
  }
  assert.ok(checked >= 5, `the demo progress covers projects (${checked} checked)`);
});

test('the KPI sheet lists the plan\'s KPIs with the year\'s target, actual and score', async () => {
  const cells = await workbook();
  const kpiCells = cells.filter((c) => c.sheet === 'ตัวชี้วัด');
  const codes = new Set(kpiCells.filter((c) => c.header === 'รหัส').map((c) => c.value));
  for (const node of tree.filter((n) => n.kind === 'kpi')) assert.ok(codes.has(node.code), node.code);
  const scores = (await executive.get(`/api/v1/plans/${plan.plan_id}/kpi-scores?fiscal_year=2569`)).json;
  const scored = scores.kpis.find((k) => k.score !== null);
  const codeCell = kpiCells.find((c) => c.header === 'รหัส' && c.value === scored.code);
  const row = codeCell.cell.replace(/^[A-Z]+/, '');
  const score = kpiCells.find((c) => c.header === 'คะแนน' && c.cell.replace(/^[A-Z]+/, '') === row);
  assert.ok(Math.abs(score.value - scored.score) < 0.01, `${score.value} vs ${scored.score}`);
});

test('M-step statuses: entered as text by the strategy office, shown in the workbook as entered; stale 409', async () => {
  const project = full.projects.find((p) => p.kind === 'main');
  const empty = await executive.get(stepsPath(project.element_id));
  assert.equal(empty.status, 200, empty.text);
  assert.deepEqual(empty.json.steps, []);
  assert.equal(empty.json.version, 0);
  const steps = [
    { step: 'M1', status_th: 'บันทึกข้อมูลครบแล้ว', entered_on: '2026-01-10' },
    { step: 'M7', status_th: 'รอหัวหน้าหน่วยงานอนุมัติ' },
  ];
  const ok = await strategy.put(stepsPath(project.element_id), { steps });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, 1);
  assert.deepEqual(ok.json.steps.map((s) => [s.step, s.status_th, s.entered_on]),
    [['M1', 'บันทึกข้อมูลครบแล้ว', '2026-01-10'], ['M7', 'รอหัวหน้าหน่วยงานอนุมัติ', null]]);
  assertError(await strategy.put(stepsPath(project.element_id), { steps }), 409, 'stale_version');
  assertError(await strategy.put(stepsPath(project.element_id), { steps, version: 0 }), 409, 'stale_version');
  const row = rowOf(await workbook(), project.code);
  assert.equal(row['สถานะขั้นตอน M1 (ตามที่บันทึก)'], 'บันทึกข้อมูลครบแล้ว');
  assert.equal(row['สถานะขั้นตอน M7 (ตามที่บันทึก)'], 'รอหัวหน้าหน่วยงานอนุมัติ');
  assert.equal(row['สถานะขั้นตอน M2 (ตามที่บันทึก)'], undefined, 'nothing invented for steps not entered');
  assert.equal(row['วันที่บันทึกสถานะล่าสุด'], '2026-01-10');
});

test('M-step rules: unknown or repeated steps, empty status, bad dates are 400 naming the field; nothing stored', async () => {
  const project = full.projects.filter((p) => p.kind === 'main')[1];
  const put = (steps) => strategy.put(stepsPath(project.element_id), { steps });
  assertError(await put([{ step: 'M8', status_th: 'x' }]), 400, undefined, 'steps[0].step');
  assertError(await put([{ step: 'M1', status_th: 'x' }, { step: 'M1', status_th: 'y' }]), 400, undefined, 'steps[1].step');
  assertError(await put([{ step: 'M2', status_th: '  ' }]), 400, undefined, 'steps[0].status_th');
  assertError(await put([{ step: 'M2', status_th: 'x', entered_on: '10/01/2569' }]), 400, undefined, 'steps[0].entered_on');
  assertError(await put([{ step: 'M2', status_th: 'x', entered_on: '2026-02-30' }]), 400, undefined, 'steps[0].entered_on');
  assertError(await strategy.put(stepsPath(project.element_id), {}), 400, undefined, 'steps');
  assert.equal((await executive.get(stepsPath(project.element_id))).json.version, 0, 'nothing stored');
  assertError(await strategy.put(`/api/v1/action-plans/${plan.id}/projects/987654/emenscr-steps`, { steps: [] }), 404);
});

test('M-step rights: the project\'s own agency writes, another agency 403, readers 403, nobody signed in 401', async () => {
  const own = full.projects.find((p) => p.agency === 'TRAT-DOAE');
  const other = full.projects.find((p) => p.agency && p.agency !== 'TRAT-DOAE');
  assert.ok(own && other, 'the demo has projects of TRAT-DOAE and of others');
  const steps = [{ step: 'M3', status_th: 'บันทึกตัวชี้วัดแล้ว' }];
  assertError(await agency.put(stepsPath(other.element_id), { steps }), 403, 'not_own_agency');
  assertError(await executive.put(stepsPath(own.element_id), { steps }), 403, 'forbidden');
  assertError(await anonymous.put(stepsPath(own.element_id), { steps }), 401);
  const current = (await executive.get(stepsPath(own.element_id))).json;
  const ok = await agency.put(stepsPath(own.element_id), { steps, version: current.version });
  assert.equal(ok.status, 200, ok.text);
  assert.equal((await executive.get(stepsPath(other.element_id))).json.steps.some((s) => s.step === 'M3' && s.status_th === 'บันทึกตัวชี้วัดแล้ว'), false);
});

test('documents need a signed-in user: 401 without; every signed-in role reads; an unknown action plan 404', async () => {
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/emenscr.xlsx`), 401);
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/quarterly-report.pdf?quarter=1`), 401);
  for (const reader of [agency, strategy]) {
    assert.equal((await reader.get(`/api/v1/action-plans/${plan.id}/emenscr.xlsx`)).status, 200);
  }
  assertError(await executive.get('/api/v1/action-plans/987654/emenscr.xlsx'), 404);
  assertError(await executive.get(`/api/v1/action-plans/${plan.id}/emenscr.xlsx?quarter=5`), 400, undefined, 'quarter');
});

test('the quarterly report is a Thai PDF: Buddhist-era dates, baht with separators, every project, the KPIs', async () => {
  assertError(await executive.get(`/api/v1/action-plans/${plan.id}/quarterly-report.pdf`), 400, undefined, 'quarter');
  assertError(await executive.get(`/api/v1/action-plans/${plan.id}/quarterly-report.pdf?quarter=0`), 400, undefined, 'quarter');
  const r = await executive.get(`/api/v1/action-plans/${plan.id}/quarterly-report.pdf?quarter=2`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  const text = pdfText(r.buffer);
  assert.match(text, /ไตรมาสที่ 2/);
  assert.match(text, /พ\.ศ\. 2569/);
  assert.match(text, /31 มี\.ค\.\s+2569/, 'the quarter end in the Buddhist era');
  assert.deepEqual(pdfProblems(text), []);
  const allocated = full.projects.reduce((a, p) => a + p.allocated_satang, 0);
  const baht = (allocated / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  assert.ok(text.includes(`${baht} บาท`), `the allocation ${baht} บาท in the summary`);
  const flat = text.replace(/\s+/g, '');
  for (const p of full.projects.filter((x) => x.kind === 'main').slice(0, 5)) assert.ok(flat.includes(p.code), p.code);
  assert.match(text, /K1\.1/, 'the plan\'s KPIs');
});
