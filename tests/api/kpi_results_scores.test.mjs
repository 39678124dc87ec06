// KPI results through the API: actuals per fiscal year and period (years outside the
// plan, data years that lag, evidence required, versions), rubrics (shape rules, each
// a 422 naming the field), who may write (strategy office and admins) and read
// (every signed-in role), and scores rolled up KPI → strategy → province that follow
// each write at once. Every refused write leaves what was stored as it was. Runs on
// SQLite and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let admin;
let agency;
let executive;
let planId;
const kpis = {}; // code -> element id
let strategyS1;

const walk = (nodes, out = []) => {
  for (const n of nodes) { out.push(n); walk(n.children || [], out); }
  return out;
};

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  admin = await server.login('admin');
  agency = await server.login('agency');
  executive = await server.login('executive');
  const plans = await anonymous.get('/api/v1/plans');
  planId = plans.json.plans.find((p) => p.demo).id;
  const tree = (await anonymous.get(`/api/v1/plans/${planId}/tree`)).json;
  for (const node of walk(tree.children)) {
    if (node.kind === 'kpi') kpis[node.code] = node.id;
    if (node.kind === 'strategy' && node.code === 'S1') strategyS1 = node.id;
  }
  assert.ok(kpis['K1.1'] && kpis['K3.2'] && strategyS1, 'the demo plan has its KPIs');
});
after(async () => { await server?.stop(); });

const actualPath = (code, year) => `/api/v1/kpis/${kpis[code]}/actuals/${year}`;
const rubricPath = (code) => `/api/v1/kpis/${kpis[code]}/rubric`;
const actualsOf = async (code) => {
  const r = await executive.get(`/api/v1/kpis/${kpis[code]}/actuals`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
};
const scores = async (year, client = executive) => {
  const r = await client.get(`/api/v1/plans/${planId}/kpi-scores?fiscal_year=${year}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const evidence = 'รายงานผลการดำเนินงานของหน่วยงาน';

// ---- Actuals ----

test('an actual is stored with its evidence, listed, and a second write needs the version read (409 otherwise)', async () => {
  const first = await strategy.put(actualPath('K1.3', 2570), { period: 'Q1', value: 18500.5, evidence_th: evidence, source_th: 'พาณิชย์จังหวัด' });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.version, 1);
  assert.equal(first.json.period, 'Q1');
  assert.equal(first.json.value, 18500.5);
  assert.equal(first.json.data_year, null);
  const listed = (await actualsOf('K1.3')).find((a) => a.fiscal_year === 2570 && a.period === 'Q1');
  assert.equal(listed.value, 18500.5);
  assert.equal(listed.evidence_th, evidence);

  assertError(await strategy.put(actualPath('K1.3', 2570), { period: 'Q1', value: 1, evidence_th: evidence }), 409, 'stale_version');
  const ok = await strategy.put(actualPath('K1.3', 2570), { period: 'Q1', value: 19000, evidence_th: evidence, version: 1 });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, 2);
  assertError(await strategy.put(actualPath('K1.3', 2570), { period: 'Q1', value: 2, evidence_th: evidence, version: 1 }), 409, 'stale_version');
  const after = (await actualsOf('K1.3')).find((a) => a.fiscal_year === 2570 && a.period === 'Q1');
  assert.equal(after.value, 19000, 'the stale writes stored nothing');
  // Another period of the same year is its own row.
  const q2 = await strategy.put(actualPath('K1.3', 2570), { period: 'Q2', value: 37000, evidence_th: evidence });
  assert.equal(q2.status, 200, q2.text);
  assert.equal(q2.json.version, 1);
});

test('a fiscal year outside the plan is 422 naming fiscal_year; nothing is stored', async () => {
  const before = (await actualsOf('K3.2')).length;
  for (const year of [2565, 2571]) {
    assertError(await strategy.put(actualPath('K3.2', year), { period: 'year', value: 80, evidence_th: evidence }), 422, 'fiscal_year_outside_plan', 'fiscal_year');
  }
  assert.equal((await actualsOf('K3.2')).length, before);
});

test('a data year may lag the fiscal year (GPP two years late) but not follow it: 422 naming data_year', async () => {
  const lag = await strategy.put(actualPath('K0.1', 2570), { period: 'year', value: 196000, evidence_th: evidence, data_year: 2568 });
  assert.equal(lag.status, 200, lag.text);
  assert.equal(lag.json.data_year, 2568);
  assertError(await strategy.put(actualPath('K0.1', 2570), { period: 'Q4', value: 1, evidence_th: evidence, data_year: 2571 }), 422, 'data_year_out_of_range', 'data_year');
  assertError(await strategy.put(actualPath('K0.1', 2570), { period: 'Q4', value: 1, evidence_th: evidence, data_year: 2560 }), 422, 'data_year_out_of_range', 'data_year');
  assert.equal((await actualsOf('K0.1')).filter((a) => a.fiscal_year === 2570).length, 1, 'only the good one stored');
});

test('a bad period, a missing evidence or value, text for a number are 400 naming the field', async () => {
  const put = (body) => strategy.put(actualPath('K3.2', 2570), body);
  assertError(await put({ period: 'Q5', value: 1, evidence_th: evidence }), 400, undefined, 'period');
  assertError(await put({ period: 'half', value: 1, evidence_th: evidence }), 400, undefined, 'period');
  assertError(await put({ value: 1, evidence_th: evidence }), 400, undefined, 'period');
  assertError(await put({ period: 'year', value: 1 }), 400, undefined, 'evidence_th');
  assertError(await put({ period: 'year', value: 1, evidence_th: '   ' }), 400, undefined, 'evidence_th');
  assertError(await put({ period: 'year', evidence_th: evidence }), 400, undefined, 'value');
  assertError(await put({ period: 'year', value: '80', evidence_th: evidence }), 400, undefined, 'value');
  assertError(await put({ period: 'year', value: 1, evidence_th: evidence, extra: 1 }), 400, undefined, 'extra');
  assert.equal((await actualsOf('K3.2')).filter((a) => a.fiscal_year === 2570).length, 0);
});

test('an element that is not a KPI is 422; an unknown one 404', async () => {
  assertError(await strategy.put(`/api/v1/kpis/${strategyS1}/actuals/2569`, { period: 'year', value: 1, evidence_th: evidence }), 422, 'not_a_kpi');
  assertError(await strategy.put('/api/v1/kpis/987654/actuals/2569', { period: 'year', value: 1, evidence_th: evidence }), 404, 'not_found');
  assertError(await executive.get('/api/v1/kpis/987654/rubric'), 404, 'not_found');
});

test('only the strategy office and admins write (403 others, 401 nobody signed in); every signed-in role reads', async () => {
  const body = { period: 'Q3', value: 5, evidence_th: evidence };
  assertError(await executive.put(actualPath('K2.2', 2570), body), 403, 'forbidden');
  assertError(await agency.put(actualPath('K2.2', 2570), body), 403, 'forbidden');
  assertError(await anonymous.put(actualPath('K2.2', 2570), body), 401);
  const rubric = { thresholds: [{ value: 0, score: 0 }, { value: 10, score: 100 }], direction: 'higher_is_better', weight: 1 };
  assertError(await executive.put(rubricPath('K2.2'), rubric), 403, 'forbidden');
  assertError(await agency.put(rubricPath('K2.2'), rubric), 403, 'forbidden');
  assert.equal((await actualsOf('K2.2')).filter((a) => a.fiscal_year === 2570).length, 0, 'nothing stored');
  const byAdmin = await admin.put(actualPath('K2.2', 2570), body);
  assert.equal(byAdmin.status, 200, byAdmin.text);
  for (const reader of [executive, agency, strategy]) {
    assert.equal((await reader.get(`/api/v1/kpis/${kpis['K2.2']}/actuals`)).status, 200);
    assert.equal((await reader.get(rubricPath('K2.2'))).status, 200);
    assert.equal((await reader.get(`/api/v1/plans/${planId}/kpi-scores?fiscal_year=2569`)).status, 200);
  }
  assertError(await anonymous.get(`/api/v1/kpis/${kpis['K2.2']}/actuals`), 401);
  assertError(await anonymous.get(rubricPath('K2.2')), 401);
  assertError(await anonymous.get(`/api/v1/plans/${planId}/kpi-scores?fiscal_year=2569`), 401);
});

// ---- Rubrics ----

test('rubric shapes: fewer than two thresholds, values against the direction, scores not increasing, weight 0: 422 naming the field', async () => {
  const before = (await executive.get(rubricPath('K3.1'))).json;
  const put = (body) => strategy.put(rubricPath('K3.1'), { version: before.version, ...body });
  const t = (pairs) => pairs.map(([value, score]) => ({ value, score }));
  assertError(await put({ thresholds: t([[38, 1]]), direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: [], direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[39, 1], [38, 2]]), direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[38, 1], [38, 2]]), direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[38, 1], [39, 2]]), direction: 'lower_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[38, 2], [39, 1]]), direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[38, 2], [39, 2]]), direction: 'higher_is_better', weight: 1 }), 422, 'invalid_rubric', 'thresholds');
  assertError(await put({ thresholds: t([[38, 1], [39, 2]]), direction: 'higher_is_better', weight: 0 }), 422, 'invalid_rubric', 'weight');
  assertError(await put({ thresholds: t([[38, 1], [39, 2]]), direction: 'sideways', weight: 1 }), 400, undefined, 'direction');
  assertError(await put({ thresholds: [{ value: 38 }, { value: 39, score: 2 }], direction: 'higher_is_better', weight: 1 }), 400, undefined, 'thresholds.score');
  const after = (await executive.get(rubricPath('K3.1'))).json;
  assert.deepEqual(after, before, 'nothing stored');
});

test('a rubric is replaced with the version read; a stale one is 409', async () => {
  const current = (await executive.get(rubricPath('K2.1'))).json;
  const body = { thresholds: [{ value: 400, score: 1 }, { value: 300, score: 5 }], direction: 'lower_is_better', weight: 2 };
  assertError(await strategy.put(rubricPath('K2.1'), body), 409, 'stale_version');
  const ok = await strategy.put(rubricPath('K2.1'), { ...body, version: current.version });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, current.version + 1);
  assert.deepEqual(ok.json.thresholds, body.thresholds);
  assertError(await strategy.put(rubricPath('K2.1'), { ...body, weight: 9, version: current.version }), 409, 'stale_version');
  assert.equal((await executive.get(rubricPath('K2.1'))).json.weight, 2);
});

// ---- Scores ----

test('demo scores for FY 2568 and 2569: every KPI with a score, strategies weighted, the province', async () => {
  for (const year of [2568, 2569]) {
    const s = await scores(year);
    assert.equal(s.fiscal_year, year);
    assert.ok(s.kpis.length >= 14, s.kpis.length);
    for (const kpi of s.kpis) {
      assert.ok(Number.isInteger(kpi.element_id));
      assert.ok(kpi.score === null || typeof kpi.score === 'number');
    }
    assert.ok(s.kpis.filter((k) => k.score !== null).length >= 12, 'the demo scores most KPIs');
    assert.ok(s.strategies.length >= 3);
    assert.equal(typeof s.province.score, 'number');
    // The province is the weighted mean of the scored KPIs.
    const scored = s.kpis.filter((k) => k.score !== null);
    const mean = scored.reduce((a, k) => a + k.score * k.weight, 0) / scored.reduce((a, k) => a + k.weight, 0);
    assert.ok(Math.abs(mean - s.province.score) < 1e-3, `${mean} vs ${s.province.score}`);
  }
});

test('a KPI scores linearly from its year actual, else the latest quarter; strategy and province follow each write at once', async () => {
  // K1.2 sits under S1; give it a rubric 0 → 0, 100 → 100 (weight 1) and watch FY 2570.
  const current = (await executive.get(rubricPath('K1.2'))).json;
  const rubric = await strategy.put(rubricPath('K1.2'), {
    thresholds: [{ value: 0, score: 0 }, { value: 50, score: 40 }, { value: 100, score: 100 }],
    direction: 'higher_is_better', weight: 1, version: current.version,
  });
  assert.equal(rubric.status, 200, rubric.text);
  const k12 = (s) => s.kpis.find((k) => k.element_id === kpis['K1.2']);
  assert.equal(k12(await scores(2570)).score, null, 'no actual yet');

  await strategy.put(actualPath('K1.2', 2570), { period: 'Q1', value: 25, evidence_th: evidence });
  let s = await scores(2570);
  assert.equal(k12(s).score, 20);
  assert.equal(k12(s).period, 'Q1');
  await strategy.put(actualPath('K1.2', 2570), { period: 'Q3', value: 75, evidence_th: evidence });
  s = await scores(2570);
  assert.equal(k12(s).score, 70, 'the latest quarter counts');
  await strategy.put(actualPath('K1.2', 2570), { period: 'Q2', value: 200, evidence_th: evidence });
  assert.equal(k12(await scores(2570)).score, 70, 'Q3 is still the latest');
  await strategy.put(actualPath('K1.2', 2570), { period: 'year', value: -5, evidence_th: evidence });
  s = await scores(2570);
  assert.equal(k12(s).score, 0, 'the year value counts; below the first threshold: its score');
  assert.equal(k12(s).period, 'year');
  const yearRow = (await actualsOf('K1.2')).find((a) => a.fiscal_year === 2570 && a.period === 'year');
  await strategy.put(actualPath('K1.2', 2570), { period: 'year', value: 150, evidence_th: evidence, version: yearRow.version });
  s = await scores(2570);
  assert.equal(k12(s).score, 100, 'beyond the last threshold: its score');
  const s1 = s.strategies.find((x) => x.element_id === strategyS1);
  const mine = s.kpis.filter((k) => k.strategy_id === strategyS1 && k.score !== null);
  const expected = mine.reduce((a, k) => a + k.score * k.weight, 0) / mine.reduce((a, k) => a + k.weight, 0);
  assert.ok(Math.abs(s1.score - expected) < 1e-3, `${s1.score} vs ${expected}`);
});

test('lower is better: the score rises as the value falls', async () => {
  const current = (await executive.get(rubricPath('K2.2.1'))).json;
  const r = await strategy.put(rubricPath('K2.2.1'), {
    thresholds: [{ value: 30, score: 1 }, { value: 20, score: 5 }], direction: 'lower_is_better', weight: 1, version: current.version,
  });
  assert.equal(r.status, 200, r.text);
  await strategy.put(actualPath('K2.2.1', 2570), { period: 'year', value: 25, evidence_th: evidence });
  const kpi = (await scores(2570)).kpis.find((k) => k.element_id === kpis['K2.2.1']);
  assert.equal(kpi.score, 3);
});

test('kpi-scores needs a fiscal year inside the plan: missing 400, outside 422; an unknown plan 404', async () => {
  assertError(await executive.get(`/api/v1/plans/${planId}/kpi-scores`), 400, undefined, 'fiscal_year');
  assertError(await executive.get(`/api/v1/plans/${planId}/kpi-scores?fiscal_year=2571`), 422, 'fiscal_year_outside_plan', 'fiscal_year');
  assertError(await executive.get('/api/v1/plans/987654/kpi-scores?fiscal_year=2569'), 404);
});

test('the trend shows actual against target for each year of the plan, and below_target lists KPIs behind', async () => {
  const r = await executive.get(`/api/v1/kpis/${kpis['K3.2']}/trend`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.years.map((y) => y.fiscal_year), [2566, 2567, 2568, 2569, 2570]);
  const y2569 = r.json.years.find((y) => y.fiscal_year === 2569);
  assert.equal(y2569.target, 80);
  assert.equal(typeof y2569.actual, 'number');
  assert.equal(y2569.on_track, y2569.actual >= 80);
  // K3.1 targets 39.1 in 2569; the demo's 38.8 is behind, so it is listed.
  const s = await scores(2569);
  const behind = s.below_target.find((k) => k.element_id === kpis['K3.1']);
  assert.ok(behind, JSON.stringify(s.below_target));
  assert.equal(behind.target, 39.1);
  assert.ok(behind.actual < behind.target);
  assert.ok(behind.agency_code);
});
