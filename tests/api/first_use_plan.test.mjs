// Issue 14 (first use): KPI targets that their unit cannot hold are refused (422,
// the field named), a year typed in the Christian era is recognised as such, and
// emptying an element's code saves an element without a code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let strategy;
let plan;
const kpis = {};
before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  const r = await strategy.post('/api/v1/plans', {
    name_th: 'แผนทดลองใช้งานครั้งแรก', period: { first_fiscal_year: 2566, last_fiscal_year: 2570 },
  });
  assert.equal(r.status, 201, r.text);
  plan = r.json;
  const add = async (body) => {
    const c = await strategy.post(`/api/v1/plans/${plan.id}/elements`, body);
    assert.equal(c.status, 201, c.text);
    return c.json;
  };
  const s1 = await add({ kind: 'strategy', code: 'S1', text_th: 'ยุทธศาสตร์สังคม', dimensions: ['society'] });
  kpis.percent = await add({ kind: 'kpi', code: 'K1', parent_id: s1.id, text_th: 'ร้อยละของครัวเรือนที่มีน้ำสะอาด', unit_th: 'ร้อยละ', direction: 'higher_is_better' });
  kpis.count = await add({ kind: 'kpi', code: 'K2', parent_id: s1.id, text_th: 'จำนวนชุมชนท่องเที่ยว', unit_th: 'ชุมชน', direction: 'higher_is_better' });
  kpis.money = await add({ kind: 'kpi', code: 'K3', parent_id: s1.id, text_th: 'รายได้ครัวเรือน', unit_th: 'บาท', direction: 'higher_is_better' });
});
after(async () => { await server?.stop(); });

function target(kpi, year, value) {
  return strategy.put(`/api/v1/plans/${plan.id}/elements/${kpi.id}/targets/${year}`, { value });
}

function assertRefused(r, field) {
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.error.code, 'kpi_value_out_of_range');
  assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field} named`);
}

test('a target its unit cannot hold is refused with the field named', async () => {
  assertRefused(await target(kpis.percent, 2567, 100.5), 'value');
  assertRefused(await target(kpis.percent, 2567, -5), 'value');
  assertRefused(await target(kpis.count, 2567, -5), 'value');
  assertRefused(await target(kpis.count, 2567, 12.5), 'value');
  assertRefused(await target(kpis.money, 2567, 1500.255), 'value');
  assertRefused(await target(kpis.money, 2567, 99999999999999999999), 'value');
  assertRefused(await target(kpis.count, 2567, 1e16), 'value');
  // Nothing was stored.
  const tree = (await strategy.get(`/api/v1/plans/${plan.id}/tree?version=1`));
  assert.equal(tree.status, 200, tree.text);
  assert.doesNotMatch(tree.text, /100\.5|1500\.255/);
  // What the units allow is kept exactly.
  for (const [kpi, year, value] of [[kpis.percent, 2568, 98.5], [kpis.percent, 2569, 100], [kpis.count, 2568, 12],
    [kpis.money, 2568, 1500.25], [kpis.money, 2569, 1e15]]) {
    const r = await target(kpi, year, value);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.value, value);
  }
});

test('an element saved with targets its unit cannot hold is refused too', async () => {
  const r = await strategy.post(`/api/v1/plans/${plan.id}/elements`, {
    kind: 'kpi', code: 'K9', parent_id: kpis.percent.parent_id, text_th: 'ร้อยละผิด', unit_th: 'ร้อยละ',
    targets: [{ fiscal_year: 2567, value: 150 }],
  });
  assertRefused(r, 'targets');
  assert.match(r.json.error.fields.targets.th, /2567/);
});

test('a year typed in the Christian era is recognised and the Buddhist year offered', async () => {
  const r = await target(kpis.percent, 2023, 50);
  assert.equal(r.status, 400, r.text);
  assert.match(r.json.error.fields.fiscal_year.th, /ค\.ศ\..*2566/);
  const p = await strategy.post('/api/v1/plans', { name_th: 'แผนปี ค.ศ.', period: { first_fiscal_year: 2023, last_fiscal_year: 2027 } });
  assert.equal(p.status, 400, p.text);
  assert.match(p.json.error.fields.first_fiscal_year.th, /2023.*ค\.ศ\..*2566/);
  assert.match(p.json.error.fields.first_fiscal_year.en, /Christian-era/);
});

test("emptying an element's code saves it without a code", async () => {
  const element = (await strategy.get(`/api/v1/plans/${plan.id}/elements/${kpis.count.id}`)).json;
  assert.equal(element.code, 'K2');
  const r = await strategy.patch(`/api/v1/plans/${plan.id}/elements/${kpis.count.id}`, { code: '', version: element.version });
  assert.equal(r.status, 200, r.text);
  const after = (await strategy.get(`/api/v1/plans/${plan.id}/elements/${kpis.count.id}`)).json;
  assert.ok(after.code === null || after.code === '', `code cleared, got ${after.code}`);
});

test('versions and the tree name people by their display names, never by username', async () => {
  const me = await strategy.get('/api/v1/auth/me');
  assert.equal(me.status, 200, me.text);
  const displayName = me.json.display_name ?? me.json.user?.display_name;
  const username = me.json.username ?? me.json.user?.username;
  assert.ok(displayName && username && displayName !== username, me.text);

  const approved = await strategy.post(`/api/v1/plans/${plan.id}/approve`, { note: 'มติ ก.บ.จ. ครั้งที่ 1/2569' });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.json.approved_by, username);
  assert.equal(approved.json.approved_by_name, displayName);

  const versions = await strategy.get(`/api/v1/plans/${plan.id}/versions`);
  assert.equal(versions.status, 200, versions.text);
  const first = versions.json.versions.find((v) => v.number === 1);
  assert.equal(first.created_by_name, displayName);
  assert.equal(first.approved_by_name, displayName);

  const tree = await strategy.get(`/api/v1/plans/${plan.id}/tree`);
  assert.equal(tree.status, 200, tree.text);
  assert.equal(tree.json.approved_by_name, displayName);
});

test('a version made on the command line is named as the administrator (command line)', async () => {
  const versions = await strategy.get('/api/v1/plans/1/versions');
  assert.equal(versions.status, 200, versions.text);
  const byCommand = versions.json.versions.filter((v) => v.created_by === 'command-line');
  assert.ok(byCommand.length > 0, 'the demo plan was loaded on the command line');
  for (const v of byCommand) assert.equal(v.created_by_name, 'ผู้ดูแลระบบ (คำสั่ง)');
});
