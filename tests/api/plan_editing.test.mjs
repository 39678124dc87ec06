// Making a plan through the API: create, build the tree, approve, revise, compare
// versions — and every rule with its clear error (Thai + English, which field, why)
// leaving the stored plan exactly as it was. Runs on SQLite and on PostgreSQL
// (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let anonymous;
let strategy;
let agency;
let executive;
let plan;       // the plan made by these tests
const ids = {}; // code -> element

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency'); // agency_officer of TRAT-DOAE
  executive = await server.login('executive');
  const r = await strategy.post('/api/v1/plans', {
    name_th: 'แผนพัฒนาจังหวัดตราด (ทดสอบ)', name_en: 'Trat plan (test)',
    period: { first_fiscal_year: 2566, last_fiscal_year: 2570 },
  });
  assert.equal(r.status, 201, r.text);
  plan = r.json;
  const add = async (body) => {
    const c = await strategy.post(`/api/v1/plans/${plan.id}/elements`, body);
    assert.equal(c.status, 201, c.text);
    ids[body.code] = c.json;
    return c.json;
  };
  await add({ kind: 'vision', code: 'V', text_th: 'ตราดเมืองมั่งคั่ง', text_en: 'Prosperous Trat' });
  const s1 = await add({ kind: 'strategy', code: 'S1', text_th: 'ยุทธศาสตร์เศรษฐกิจ', dimensions: ['economy'], alignments: ['NS-2'] });
  const g1 = await add({ kind: 'guideline', code: 'G1', parent_id: s1.id, text_th: 'ท่องเที่ยวชุมชน' });
  await add({
    kind: 'kpi', code: 'K1', parent_id: g1.id, text_th: 'รายได้จากการท่องเที่ยว', unit_th: 'ล้านบาท',
    direction: 'higher_is_better', baseline: { value: 9850, fiscal_year: 2565 },
    targets: { 2566: 12500, 2567: 14000 },
  });
  await add({
    kind: 'project', code: 'P1', parent_id: g1.id, text_th: 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง',
    project_kind: 'main', agency: 'TRAT-MOTS', areas: ['2307', '230701'], budget_satang: 450000000,
    first_fiscal_year: 2567, last_fiscal_year: 2567, dimensions: ['economy'],
  });
  await add({
    kind: 'project', code: 'R1', parent_id: g1.id, text_th: 'ปรับปรุงท่าเรือเกาะหมาก',
    project: { kind: 'reserve', ranking: 1 }, agency: 'TRAT-DPT', areas: ['230601'], budget_satang: 1700000000,
  });
});
after(async () => { await server?.stop(); });

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code, r.text);
  if (field) assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field} in ${r.text}`);
}

const draftTree = async () => (await strategy.get(`/api/v1/plans/${plan.id}/tree?version=draft`)).json;
const element = async (id) => (await strategy.get(`/api/v1/plans/${plan.id}/elements/${id}`)).json;

test('a new plan is draft version 1 whose tree only staff may read', async () => {
  assert.equal(plan.status, 'draft');
  assert.equal(plan.version, 1);
  assert.equal(plan.draft_version, 1);
  assertError(await anonymous.get(`/api/v1/plans/${plan.id}/tree`), 401);
  const tree = await executive.get(`/api/v1/plans/${plan.id}/tree`);
  assert.equal(tree.status, 200);
  assert.equal(tree.json.status, 'draft');
  const g1 = tree.json.children.find((n) => n.code === 'S1').children[0];
  assert.deepEqual(g1.children.map((n) => n.code), ['K1', 'P1', 'R1']);
  assert.equal(g1.children[0].targets['2567'], 14000);
  assert.equal(g1.children[2].project_kind, 'reserve');
  assert.equal(g1.children[2].project.ranking, 1);
  assert.equal(g1.children[1].demo, false);
});

test('cycles in the tree are refused and nothing moves', async () => {
  const before = await draftTree();
  const g1 = await element(ids.G1.id);
  // Project P1 hangs under G1: moving G1 under P1 would make a loop.
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements/${g1.id}/move`,
    { parent_id: ids.P1.id, version: g1.version }), 422, 'cycle', 'parent_id');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements/${g1.id}/move`,
    { parent_id: g1.id, version: g1.version }), 422, 'cycle', 'parent_id');
  assert.deepEqual(await draftTree(), before);
});

test('a KPI target for a year outside the plan period is refused', async () => {
  const k1 = await element(ids.K1.id);
  assertError(await strategy.put(`/api/v1/plans/${plan.id}/elements/${k1.id}/targets/2571`, { value: 1 }),
    400, 'invalid_input', 'fiscal_year');
  assertError(await strategy.patch(`/api/v1/plans/${plan.id}/elements/${k1.id}`,
    { version: k1.version, targets: { 2565: 5 } }), 400, 'invalid_input', 'targets');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'kpi', code: 'K9', parent_id: ids.G1.id, text_th: 'ตัวชี้วัดนอกช่วง', targets: [{ fiscal_year: 2580, value: 1 }],
  }), 400, 'invalid_input', 'targets');
  const after = await element(k1.id);
  assert.deepEqual(after.targets, k1.targets);
  assert.equal(after.version, k1.version);
});

test('KPI targets are edited in place per fiscal year with their own versions', async () => {
  const created = await strategy.put(`/api/v1/plans/${plan.id}/elements/${ids.K1.id}/targets/2568`, { value: 15500 });
  assert.equal(created.status, 200, created.text);
  assert.equal(created.json.version, 1);
  const updated = await strategy.put(`/api/v1/plans/${plan.id}/elements/${ids.K1.id}/targets/2568`,
    { value: 15600, version: created.json.version });
  assert.equal(updated.json.version, 2);
  assertError(await strategy.put(`/api/v1/plans/${plan.id}/elements/${ids.K1.id}/targets/2568`,
    { value: 1, version: 1 }), 409, 'stale_version');
  assertError(await strategy.put(`/api/v1/plans/${plan.id}/elements/${ids.P1.id}/targets/2568`, { value: 1 }),
    422, 'not_a_kpi');
  assert.equal((await element(ids.K1.id)).targets['2568'], 15600);
});

test('a project on an area outside the province is refused', async () => {
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'project', code: 'P9', parent_id: ids.G1.id, text_th: 'โครงการในกรุงเทพฯ', areas: ['1001'],
  }), 400, 'invalid_input', 'areas');
  const p1 = await element(ids.P1.id);
  const r = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`, { version: p1.version, areas: ['2101'] });
  assertError(r, 400, 'invalid_input', 'areas');
  assert.match(r.json.error.fields.areas.en, /outside/);
  assert.deepEqual((await element(p1.id)).areas, ['2307', '230701']);
});

test('a reserve project without a ranking is refused', async () => {
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'project', code: 'R9', parent_id: ids.G1.id, text_th: 'โครงการสำรองไม่มีลำดับ', project_kind: 'reserve',
  }), 400, 'invalid_input', 'ranking');
  const r1 = await element(ids.R1.id);
  assertError(await strategy.patch(`/api/v1/plans/${plan.id}/elements/${r1.id}`,
    { version: r1.version, ranking: null }), 400, 'invalid_input', 'ranking');
  assert.equal((await element(r1.id)).ranking, 1);
});

test('text over the limits is refused, naming the field', async () => {
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'strategy', code: 'S9', text_th: 'ก'.repeat(1001),
  }), 400, 'invalid_input', 'text_th');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'strategy', code: 'S'.repeat(31), text_th: 'ยุทธศาสตร์',
  }), 400, 'invalid_input', 'code');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'strategy', code: 'S9', text_th: '', unknown_field: 1,
  }), 400, 'invalid_input', 'unknown_field');
  assert.ok(!(await draftTree()).children.some((n) => n.code === 'S9'));
});

test('duplicate codes are a conflict on the code field', async () => {
  const r = await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'project', code: 'P1', parent_id: ids.G1.id, text_th: 'โครงการซ้ำรหัส',
  });
  assertError(r, 409, 'duplicate_code', 'code');
  const projects = (await strategy.get(`/api/v1/plans/${plan.id}/projects?version=draft`)).json.projects;
  assert.equal(projects.filter((p) => p.code === 'P1').length, 1);
});

test('an element with projects under it cannot be deleted', async () => {
  const g1 = await element(ids.G1.id);
  const r = await strategy.del(`/api/v1/plans/${plan.id}/elements/${g1.id}?version=${g1.version}`);
  assertError(r, 422, 'element_has_children');
  assert.match(r.json.error.message_en, /project/);
  assertError(await strategy.del(`/api/v1/plans/${plan.id}/elements/${g1.id}`), 400, 'invalid_input', 'version');
  assert.equal((await element(g1.id)).id, g1.id);
});

test('stale versions are refused with 409 and change nothing', async () => {
  const p1 = await element(ids.P1.id);
  const ok = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`,
    { version: p1.version, budget_satang: 460000000 });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, p1.version + 1);
  assertError(await strategy.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`,
    { version: p1.version, budget_satang: 1 }), 409, 'stale_version');
  assertError(await strategy.del(`/api/v1/plans/${plan.id}/elements/${p1.id}?version=${p1.version}`), 409, 'stale_version');
  assert.equal((await element(p1.id)).budget_satang, 460000000);
  const renamed = await strategy.patch(`/api/v1/plans/${plan.id}`, { row_version: plan.row_version, name_en: 'Trat plan (tested)' });
  assert.equal(renamed.status, 200, renamed.text);
  assertError(await strategy.patch(`/api/v1/plans/${plan.id}`, { row_version: plan.row_version, name_en: 'x' }), 409, 'stale_version');
});

test('only the strategy office edits; agencies propose projects of their own agency; the public reads', async () => {
  assertError(await anonymous.post(`/api/v1/plans/${plan.id}/elements`,
    { kind: 'strategy', code: 'S8', text_th: 'ไม่ได้ลงชื่อเข้าใช้' }), 401);
  assertError(await executive.post(`/api/v1/plans/${plan.id}/elements`,
    { kind: 'strategy', code: 'S8', text_th: 'ผู้บริหาร' }), 403);
  assertError(await agency.post(`/api/v1/plans/${plan.id}/elements`,
    { kind: 'strategy', code: 'S8', text_th: 'หน่วยงาน' }), 403, 'agency_scope');
  assertError(await agency.post(`/api/v1/plans/${plan.id}/elements`,
    { kind: 'project', code: 'A2', parent_id: ids.G1.id, text_th: 'โครงการของหน่วยอื่น', agency: 'TRAT-FISH' }), 403, 'agency_scope');
  const p1 = await element(ids.P1.id);
  assertError(await agency.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`,
    { version: p1.version, text_th: 'แก้ของหน่วยอื่น' }), 403, 'agency_scope');
  assertError(await anonymous.post('/api/v1/plans', { name_th: 'x', period: { first_fiscal_year: 2566, last_fiscal_year: 2570 } }), 401);
  assertError(await agency.post(`/api/v1/plans/${plan.id}/approve`, { version: 1 }), 403);

  const proposed = await agency.post(`/api/v1/plans/${plan.id}/elements`,
    { kind: 'project', code: 'A1', parent_id: ids.G1.id, text_th: 'ส่งเสริมเกษตรอินทรีย์', areas: ['2303'] });
  assert.equal(proposed.status, 201, proposed.text);
  assert.equal(proposed.json.agency, 'TRAT-DOAE');
  assert.equal(proposed.json.proposal, 'proposed');
  ids.A1 = proposed.json;
});

test('approval waits for accepted proposals, then freezes the version', async () => {
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/approve`, { version: 1 }), 422, 'pending_proposals');
  const a1 = await element(ids.A1.id);
  const accepted = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${a1.id}`, { version: a1.version, proposal: 'accepted' });
  assert.equal(accepted.json.proposal, 'accepted');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/approve`, { version: 2 }), 409, 'stale_version');
  const r = await strategy.post(`/api/v1/plans/${plan.id}/approve`, { version: 1, note: 'กบจ. เห็นชอบ' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'approved');
  assert.equal(r.json.approved_by, 'strategy');
  const listed = (await anonymous.get('/api/v1/plans')).json.plans.find((p) => p.id === plan.id);
  assert.equal(listed.status, 'approved');
  assert.equal((await anonymous.get(`/api/v1/plans/${plan.id}/tree`)).status, 200);
});

test('an approved version cannot be edited', async () => {
  const p1 = await element(ids.P1.id);
  assertError(await strategy.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`, { version: p1.version, text_th: 'แก้หลังอนุมัติ' }),
    422, 'plan_frozen');
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements`, { kind: 'strategy', code: 'S7', text_th: 'ใหม่' }),
    422, 'plan_frozen');
  assertError(await strategy.put(`/api/v1/plans/${plan.id}/elements/${ids.K1.id}/targets/2569`, { value: 1 }), 422, 'plan_frozen');
  assertError(await strategy.del(`/api/v1/plans/${plan.id}/elements/${p1.id}?version=${p1.version}`), 422, 'plan_frozen');
  assert.equal((await element(p1.id)).text_th, 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง');
});

test('a revision copies the approved version; the diff shows added, removed, changed and target values', async () => {
  const rev = await strategy.post(`/api/v1/plans/${plan.id}/revisions`, { note: 'ปรับแผนหลังได้รับจัดสรรงบประมาณ' });
  assert.equal(rev.status, 201, rev.text);
  assert.equal(rev.json.number, 2);
  assert.equal(rev.json.based_on, 1);
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/revisions`, {}), 422, 'draft_open');
  // Same element ids in the new draft.
  const p1 = await element(ids.P1.id);
  assert.equal(p1.id, ids.P1.id);
  const changed = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${p1.id}`, { version: p1.version, text_th: 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง ระยะที่ 2' });
  assert.equal(changed.status, 200, changed.text);
  const k1 = await element(ids.K1.id);
  const row = k1.target_rows.find((t) => t.fiscal_year === 2567);
  assert.equal((await strategy.put(`/api/v1/plans/${plan.id}/elements/${k1.id}/targets/2567`, { value: 14500, version: row.version })).status, 200);
  const a1 = await element(ids.A1.id);
  assert.equal((await strategy.del(`/api/v1/plans/${plan.id}/elements/${a1.id}?version=${a1.version}`)).status, 204);
  const added = await strategy.post(`/api/v1/plans/${plan.id}/elements`, { kind: 'strategy', code: 'S2', text_th: 'ยุทธศาสตร์สังคม', dimensions: ['society'] });
  assert.equal(added.status, 201);

  const diff = await strategy.get(`/api/v1/plans/${plan.id}/diff?from=1&to=2`);
  assert.equal(diff.status, 200, diff.text);
  assert.deepEqual(diff.json.added.map((e) => e.code), ['S2']);
  assert.deepEqual(diff.json.removed.map((e) => e.code), ['A1']);
  const byCode = Object.fromEntries(diff.json.changed.map((c) => [c.code, c]));
  assert.deepEqual(byCode.P1.changes.map((c) => c.field), ['text_th']);
  assert.equal(byCode.P1.changes[0].before, 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง');
  const target = byCode.K1.changes.find((c) => c.field === 'targets.2567');
  assert.deepEqual([target.before, target.after], [14000, 14500]);
  assert.equal(diff.json.from.approved_by, 'strategy');
  // Version 1 is still readable as it was approved.
  const v1 = await anonymous.get(`/api/v1/plans/${plan.id}/tree?version=1`);
  const v1p1 = v1.json.children.find((n) => n.code === 'S1').children[0].children.find((n) => n.code === 'P1');
  assert.equal(v1p1.text_th, 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง');
  // The public sees version 1 (in force) until version 2 is approved; the draft is for staff.
  assert.equal((await anonymous.get(`/api/v1/plans/${plan.id}/tree`)).json.version, 1);
  assertError(await anonymous.get(`/api/v1/plans/${plan.id}/diff?from=1&to=2`), 401);
  const approved = await strategy.post(`/api/v1/plans/${plan.id}/approve`, {});
  assert.equal(approved.json.number, 2);
  const versions = (await anonymous.get(`/api/v1/plans/${plan.id}/versions`)).json.versions;
  assert.deepEqual(versions.map((v) => v.status), ['superseded', 'approved']);
  assert.equal((await anonymous.get(`/api/v1/plans/${plan.id}/diff`)).json.to.number, 2);
});

test('moves keep order; alignment links are checked against the catalog', async () => {
  await strategy.post(`/api/v1/plans/${plan.id}/revisions`, {});
  const s2 = (await draftTree()).children.find((n) => n.code === 'S2');
  const g1 = await element(ids.G1.id);
  const moved = await strategy.post(`/api/v1/plans/${plan.id}/elements/${g1.id}/move`, { parent_id: s2.id, position: 0, version: g1.version });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.json.parent_id, s2.id);
  assertError(await strategy.post(`/api/v1/plans/${plan.id}/elements/${g1.id}/move`, { parent_id: null, version: moved.json.version }),
    400, 'invalid_input', 'parent_id');
  const bad = await strategy.put(`/api/v1/plans/${plan.id}/elements/${s2.id}/alignments`, { codes: ['NS-99'], version: s2.version });
  assertError(bad, 400, 'invalid_input', 'codes');
  const good = await strategy.put(`/api/v1/plans/${plan.id}/elements/${s2.id}/alignments`, { codes: ['NS-4', 'SDG-01'], version: s2.version });
  assert.equal(good.status, 200, good.text);
  assert.deepEqual(good.json.alignments, ['NS-4', 'SDG-01']);
  const report = await strategy.get(`/api/v1/plans/${plan.id}/alignment?version=draft`);
  assert.ok(report.json.served.some((t) => t.code === 'SDG-01'));
});

test('bad plans are refused with the field named', async () => {
  assertError(await strategy.post('/api/v1/plans', { name_th: 'แผน', period: { first_fiscal_year: 2023, last_fiscal_year: 2027 } }),
    400, 'invalid_input', 'first_fiscal_year');
  assertError(await strategy.post('/api/v1/plans', { name_th: 'แผน', period: { first_fiscal_year: 2570, last_fiscal_year: 2566 } }),
    400, 'invalid_input', 'last_fiscal_year');
  assertError(await strategy.post('/api/v1/plans', { period: { first_fiscal_year: 2566, last_fiscal_year: 2570 } }),
    400, 'invalid_input', 'name_th');
});

test('every change is in the audit log with who, what and the values before and after', async () => {
  const admin = await server.login('admin');
  const r = await admin.get('/api/v1/audit?entity=plan_element');
  assert.equal(r.status, 200, r.text);
  const mine = r.json.entries.filter((e) => e.entity_id === String(ids.P1.id));
  const actions = mine.map((e) => e.action);
  assert.ok(actions.includes('create') && actions.includes('update'), actions.join(','));
  const update = mine.find((e) => e.action === 'update' && e.after?.text_th?.includes('ระยะที่ 2'));
  assert.ok(update, 'the text change of the revision is logged');
  assert.equal(update.user, 'strategy');
  assert.equal(update.before.text_th, 'พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง');
  const approvals = await admin.get('/api/v1/audit?entity=plan_version');
  assert.ok(approvals.json.entries.some((e) => e.action === 'approve' && e.entity_id === `${plan.id}/1`));
});
