// The approved Trat demo plan as the public reads it: the plan list, the tree
// (vision, missions, strategies from the source document; KPIs with baselines and
// targets; projects with budget, agency, areas and main/reserve), versions, the
// alignment catalog and report, projects list, caching headers and documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let anonymous;
let planId;
let tree;

const walk = (nodes, out = []) => {
  for (const n of nodes) { out.push(n); walk(n.children || [], out); }
  return out;
};

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  const plans = await anonymous.get('/api/v1/plans');
  assert.equal(plans.status, 200, plans.text);
  planId = plans.json.plans.find((p) => p.demo).id;
  tree = (await anonymous.get(`/api/v1/plans/${planId}/tree`)).json;
});
after(async () => { await server?.stop(); });

test('GET /api/v1/plans lists the approved Trat plan 2566–2570 for everyone', async () => {
  const r = await anonymous.get('/api/v1/plans');
  const plan = r.json.plans.find((p) => p.id === planId);
  assert.equal(plan.name_th, 'แผนพัฒนาจังหวัดตราด พ.ศ. 2566–2570');
  assert.ok(plan.name_en.length > 0);
  assert.equal(plan.period.first_fiscal_year, 2566);
  assert.equal(plan.period.last_fiscal_year, 2570);
  assert.equal(plan.status, 'approved');
  assert.equal(plan.version, 1);
  const one = await anonymous.get(`/api/v1/plans/${planId}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.json.period, plan.period);
});

test('the tree carries the real vision, 5 missions and 3 strategies of the source document', () => {
  assert.equal(tree.plan_id, planId);
  assert.equal(tree.version, 1);
  assert.equal(tree.status, 'approved');
  const top = tree.children;
  const vision = top.filter((n) => n.kind === 'vision');
  assert.equal(vision.length, 1);
  assert.equal(vision[0].text_th, 'ตราดเมืองมั่งคั่ง ชุมชนมั่นคง ทรัพยากรธรรมชาติและสิ่งแวดล้อมยั่งยืน');
  assert.equal(vision[0].demo, false);
  const missions = top.filter((n) => n.kind === 'mission');
  assert.equal(missions.length, 5);
  assert.match(missions[0].text_th, /^พัฒนาและเสริมสร้างศักยภาพเศรษฐกิจ ภาคการเกษตร การค้า การท่องเที่ยว/);
  assert.match(missions[4].text_th, /ธรรมาภิบาล$/);
  const strategies = top.filter((n) => n.kind === 'strategy');
  assert.equal(strategies.length, 3);
  assert.match(strategies[0].text_th, /^การพัฒนาความมั่นคงทางเศรษฐกิจจากฐานการท่องเที่ยว/);
  assert.match(strategies[1].text_th, /^การเสริมสร้างความมั่นคง ความสงบเรียบร้อย และชุมชนเข้มแข็ง/);
  assert.match(strategies[2].text_th, /^การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม/);
  for (const s of strategies) assert.ok(s.dimensions.length >= 1, 'every strategy has a dimension');
  assert.ok(top.some((n) => n.kind === 'value'));
  for (const n of walk(top)) {
    for (const key of ['id', 'kind', 'code', 'text_th', 'text_en', 'children']) assert.ok(key in n, `${key} in ${n.code}`);
  }
});

test('KPIs carry a baseline and targets by fiscal year inside the plan period', () => {
  const kpis = walk(tree.children).filter((n) => n.kind === 'kpi');
  assert.ok(kpis.length >= 10);
  for (const k of kpis) {
    assert.equal(typeof k.baseline.value, 'number', k.code);
    assert.ok(k.baseline.fiscal_year <= 2570);
    assert.deepEqual(Object.keys(k.targets).sort(), ['2566', '2567', '2568', '2569', '2570']);
    assert.ok(['higher_is_better', 'lower_is_better', 'within_range'].includes(k.direction));
    assert.equal(k.demo, true);
  }
  const inflation = kpis.find((k) => k.direction === 'within_range');
  assert.ok(inflation && inflation.range_low < inflation.range_high);
});

test('projects: ~60, main and reserve, with budget in satang, agency and areas in all 7 districts', async () => {
  const projects = walk(tree.children).filter((n) => n.kind === 'project');
  assert.ok(projects.length >= 55 && projects.length <= 70, `${projects.length} projects`);
  const agencies = new Set((await anonymous.get('/api/v1/agencies')).json.agencies.map((a) => a.code));
  const districts = new Set();
  let reserve = 0;
  for (const p of projects) {
    assert.equal(p.kind, 'project');
    assert.ok(['main', 'reserve'].includes(p.project_kind));
    assert.equal(p.project.kind, p.project_kind);
    assert.ok(Number.isInteger(p.budget_satang) && p.budget_satang > 0);
    assert.ok(agencies.has(p.agency), `agency ${p.agency}`);
    assert.ok(p.areas.length > 0);
    for (const a of p.areas) { assert.match(a, /^23/); if (a.length >= 4) districts.add(a.slice(0, 4)); }
    assert.equal(p.demo, true);
    if (p.project_kind === 'reserve') { reserve += 1; assert.ok(p.project.ranking >= 1); }
  }
  assert.ok(reserve >= 5);
  assert.deepEqual([...districts].sort(), ['2301', '2302', '2303', '2304', '2305', '2306', '2307']);
});

test('the tree has an ETag, answers 304 to If-None-Match, and is gzip-encoded when asked', async () => {
  const r = await fetch(`${server.url}/api/v1/plans/${planId}/tree`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.status, 200);
  const etag = r.headers.get('etag');
  assert.ok(etag);
  assert.equal(r.headers.get('content-encoding'), 'gzip');
  const body = await r.json();  // fetch decodes gzip
  assert.equal(body.plan_id, planId);
  const again = await fetch(`${server.url}/api/v1/plans/${planId}/tree`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
});

test('versions and the element view with full details', async () => {
  const v = await anonymous.get(`/api/v1/plans/${planId}/versions`);
  assert.equal(v.status, 200);
  assert.equal(v.json.versions.length, 1);
  assert.equal(v.json.versions[0].status, 'approved');
  assert.ok(v.json.versions[0].approved_at);
  const project = walk(tree.children).find((n) => n.kind === 'project');
  const e = await anonymous.get(`/api/v1/plans/${planId}/elements/${project.id}`);
  assert.equal(e.status, 200);
  assert.equal(e.json.id, project.id);
  assert.ok(e.json.objectives_th.length > 0);
  assert.ok(e.json.indicators.length > 0);
  const kpi = walk(tree.children).find((n) => n.kind === 'kpi');
  const k = await anonymous.get(`/api/v1/plans/${planId}/elements/${kpi.id}?version=1`);
  assert.equal(k.json.target_rows.length, 5);
  assert.equal(k.json.target_rows[0].version, 1);
  assert.equal((await anonymous.get(`/api/v1/plans/${planId}/elements/999999`)).status, 404);
  assert.equal((await anonymous.get(`/api/v1/plans/${planId}/tree?version=9`)).status, 404);
  assert.equal((await anonymous.get(`/api/v1/plans/${planId}/tree?version=abc`)).status, 400);
  assert.equal((await anonymous.get('/api/v1/plans/987654/tree')).status, 404);
});

test('the alignment catalog ships the national lists and the report says what Trat serves', async () => {
  const c = await anonymous.get('/api/v1/alignment/catalog');
  assert.equal(c.status, 200);
  const count = (key) => c.json.frameworks.find((f) => f.key === key).targets.length;
  assert.equal(count('national_strategy'), 6);
  assert.equal(count('master_plan'), 23);
  assert.equal(count('nesdp13'), 13);
  assert.equal(count('sdg'), 17);
  const r = await anonymous.get(`/api/v1/plans/${planId}/alignment`);
  assert.equal(r.status, 200);
  const served = r.json.served.map((t) => t.code);
  assert.ok(served.includes('NS-2') && served.includes('SDG-14'));
  assert.ok(r.json.not_served.some((t) => t.code === 'NESDP13-M03'), 'Trat has no EV milestone');
  for (const t of r.json.served) assert.ok(t.element_ids.length > 0);
  assert.ok(Array.isArray(r.json.serving_none));
  assert.ok(r.json.inherited_only.length > 0);
});

test('the flat project list filters by agency, district and kind and sums budgets', async () => {
  const all = await anonymous.get(`/api/v1/plans/${planId}/projects`);
  assert.equal(all.status, 200);
  assert.equal(all.json.count, all.json.projects.length);
  assert.equal(all.json.budget_satang, all.json.projects.reduce((s, p) => s + p.budget_satang, 0));
  const kohChang = await anonymous.get(`/api/v1/plans/${planId}/projects?area=2307`);
  assert.ok(kohChang.json.count > 0);
  for (const p of kohChang.json.projects) assert.ok(p.areas.some((a) => a.startsWith('2307')));
  const reserve = await anonymous.get(`/api/v1/plans/${planId}/projects?kind=reserve`);
  assert.ok(reserve.json.projects.every((p) => p.project_kind === 'reserve'));
  const doae = await anonymous.get(`/api/v1/plans/${planId}/projects?agency=TRAT-DOAE`);
  assert.ok(doae.json.count >= 1 && doae.json.projects.every((p) => p.agency === 'TRAT-DOAE'));
});

test('the plan as a Thai PDF and as an Excel workbook', async () => {
  const pdf = await anonymous.get(`/api/v1/plans/${planId}/export.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(pdf.buffer.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.buffer.includes(Buffer.from('FontFile')), 'fonts embedded');
  const xlsx = await anonymous.get(`/api/v1/plans/${planId}/export.xlsx?version=1`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(xlsx.buffer.subarray(0, 2).toString('latin1'), 'PK');
  assert.match(xlsx.headers.get('content-disposition'), /plan-\d+-v1\.xlsx/);
});
