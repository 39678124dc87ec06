// Procurements through the API: the Act's rules (stage dates in order, section 56
// grounds, the price quotation reason and the e-market/e-bidding choice above
// 500,000 baht, the TOR hearing above 5,000,000 baht), each a 422 naming the field
// and storing nothing; who may write (the project's agency's officers, the strategy
// office, admins) and read (every signed-in role); versions (stale -> 409);
// Idempotency-Key replays. Runs on SQLite and PostgreSQL (CHANGWAT_TEST_ENGINE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError, demoActionPlan, projectByCode } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let admin;
let agency; // agency_officer of TRAT-DOAE
let executive;
let own; // P11, a TRAT-DOAE project
let other; // P06, a TRAT-PO project
let cancelled; // P34, cancelled

const STAGE_KEYS = ['plan_published', 'tor_hearing_from', 'tor_hearing_to', 'invitation', 'bid_day',
  'winner_announced', 'contract_signed', 'contract_end'];
const path = (elementId) => `/api/v1/projects/${elementId}/procurements`;
const small = (extra = {}) => ({
  method: 'specific', legal_ground: '56(2)(ข)', reference_price_satang: 9_000_000,
  stages: { plan_published: '2025-10-20' }, ...extra,
});

async function count(elementId) {
  const r = await executive.get(path(elementId));
  assert.equal(r.status, 200, r.text);
  return r.json.items.length;
}

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  admin = await server.login('admin');
  agency = await server.login('agency');
  executive = await server.login('executive');
  const plan = await demoActionPlan(strategy);
  own = await projectByCode(strategy, plan.id, 'P11');
  other = await projectByCode(strategy, plan.id, 'P06');
  cancelled = await projectByCode(strategy, plan.id, 'P34');
  assert.equal(own.agency, 'TRAT-DOAE');
  assert.notEqual(other.agency, 'TRAT-DOAE');
});
after(async () => { await server?.stop(); });

test('the project\'s own agency officer records a procurement (201); the list shows its stages with exactly the eight keys and its deadlines', async () => {
  const r = await agency.post(path(own.element_id), small({ egp_project_number: '68100000099', allocated_on: '2025-10-15' }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.method, 'specific');
  assert.equal(r.json.fiscal_year, 2569);
  const list = await executive.get(path(own.element_id));
  assert.equal(list.status, 200, list.text);
  const item = list.json.items.find((i) => i.id === r.json.id);
  assert.ok(item, list.text);
  assert.deepEqual(Object.keys(item.stages).sort(), [...STAGE_KEYS].sort());
  assert.equal(item.stages.plan_published, '2025-10-20');
  for (const key of STAGE_KEYS.filter((k) => k !== 'plan_published')) assert.equal(item.stages[key], null, key);
  const plan = item.deadlines.find((d) => d.rule === 'plan_published');
  assert.ok(plan, JSON.stringify(item.deadlines));
  assert.match(plan.due_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(plan.met, true);
  for (const d of item.deadlines) assert.ok('rule' in d && 'due_on' in d && 'met' in d);
});

test('stage dates out of order: 422 naming the stage, nothing stored', async () => {
  const before = await count(own.element_id);
  const r = await strategy.post(path(own.element_id), small({ stages: { invitation: '2026-01-10', bid_day: '2026-01-05' } }));
  assertError(r, 422, 'stages_out_of_order', 'stages.bid_day');
  // Said with the stages' Thai names and the earlier date in the Buddhist era, not codes.
  assert.equal(r.json.error.fields['stages.bid_day'].th, 'วันยื่นข้อเสนอต้องไม่ก่อนวันประกาศเชิญชวน (10 ม.ค. 2569)');
  assert.doesNotMatch(r.json.error.fields['stages.bid_day'].th, /bid_day|invitation/);
  const hearing = await strategy.post(path(own.element_id), small({ stages: { tor_hearing_from: '2025-11-10' } }));
  assertError(hearing, 422, 'stages_out_of_order', 'stages.tor_hearing_to');
  const signed = await strategy.post(path(own.element_id), small({ stages: { contract_signed: '2026-02-01', contract_end: '2026-01-01' } }));
  assertError(signed, 422, 'stages_out_of_order', 'stages.contract_end');
  assert.equal(await count(own.element_id), before);
});

test('selection or specific without a section 56 legal ground: 422 naming legal_ground', async () => {
  for (const method of ['selection', 'specific']) {
    const r = await strategy.post(path(own.element_id), { method, reference_price_satang: 100_000, stages: {} });
    assertError(r, 422, 'legal_ground_required', 'legal_ground');
  }
});

test('price quotation above 500,000 baht needs a recorded reason (422 method_reason_th); at or below it does not', async () => {
  const above = await strategy.post(path(own.element_id), { method: 'price_quotation', reference_price_satang: 50_000_100, stages: {} });
  assertError(above, 422, 'method_reason_required', 'method_reason_th');
  const at = await strategy.post(path(own.element_id), { method: 'price_quotation', reference_price_satang: 50_000_000, stages: {} });
  assert.equal(at.status, 201, at.text);
  const reasoned = await strategy.post(path(own.element_id), {
    method: 'price_quotation', reference_price_satang: 60_000_000, method_reason_th: 'พื้นที่เกาะไม่มีอินเทอร์เน็ต', stages: {},
  });
  assert.equal(reasoned.status, 201, reasoned.text);
});

test('above 500,000 baht: e-market only for e-catalog items, e-bidding otherwise (422 naming method)', async () => {
  const market = await strategy.post(path(own.element_id), { method: 'e_market', reference_price_satang: 80_000_000, stages: {} });
  assertError(market, 422, 'method_not_allowed', 'method');
  const bidding = await strategy.post(path(own.element_id), { method: 'e_bidding', in_e_catalog: true, reference_price_satang: 80_000_000, stages: {} });
  assertError(bidding, 422, 'method_not_allowed', 'method');
  const ok = await strategy.post(path(own.element_id), { method: 'e_market', in_e_catalog: true, reference_price_satang: 80_000_000, stages: {} });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.in_e_catalog, true);
});

test('above 5,000,000 baht a draft TOR hearing is required (422 tor_hearing when refused); hearing dates count it as held', async () => {
  const refused = await strategy.post(path(own.element_id), { method: 'e_bidding', reference_price_satang: 600_000_000, tor_hearing: false, stages: {} });
  assertError(refused, 422, 'tor_hearing_required', 'tor_hearing');
  const held = await strategy.post(path(own.element_id), {
    method: 'e_bidding', reference_price_satang: 600_000_000,
    stages: { tor_hearing_from: '2025-11-07', tor_hearing_to: '2025-11-10' },
  });
  assert.equal(held.status, 201, held.text);
  assert.equal(held.json.tor_hearing, true);
  const hearing = held.json.deadlines.find((d) => d.rule === 'tor_hearing');
  assert.equal(hearing.met, false, 'two working days are fewer than three');
});

test('bad input: unknown method, a non-ISO date, an unknown stage key (400 naming the field)', async () => {
  assertError(await strategy.post(path(own.element_id), { method: 'auction', reference_price_satang: 1, stages: {} }), 400, 'invalid_input', 'method');
  assertError(await strategy.post(path(own.element_id), small({ stages: { bid_day: '15/01/2569' } })), 400, 'invalid_input', 'stages.bid_day');
  assertError(await strategy.post(path(own.element_id), small({ stages: { opened: '2026-01-01' } })), 400, 'invalid_input', 'stages.opened');
  assertError(await strategy.post(path(own.element_id), { method: 'specific', legal_ground: 'x', stages: {} }), 400, 'invalid_input', 'reference_price_satang');
});

test('rights: nobody signed in 401, another agency\'s officer 403, an executive 403; every signed-in role reads; a missing project 404, a cancelled one 422', async () => {
  assertError(await anonymous.post(path(own.element_id), small()), 401);
  assertError(await anonymous.get(path(own.element_id)), 401);
  assertError(await agency.post(path(other.element_id), small()), 403, 'not_own_agency');
  assertError(await executive.post(path(other.element_id), small()), 403);
  const made = await admin.post(path(other.element_id), small());
  assert.equal(made.status, 201, made.text);
  assertError(await agency.put(`/api/v1/procurements/${made.json.id}`, small()), 403, 'not_own_agency');
  for (const name of ['executive', 'auditor', 'health', 'community']) {
    const reader = await server.login(name);
    const r = await reader.get(path(other.element_id));
    assert.equal(r.status, 200, `${name}: ${r.text}`);
  }
  assertError(await strategy.get(path(99999999)), 404);
  assertError(await strategy.post(path(99999999), small()), 404);
  assertError(await strategy.get('/api/v1/procurements/99999999'), 404);
  assertError(await strategy.post(path(cancelled.element_id), small()), 422, 'project_cancelled', 'element_id');
});

test('PUT is versioned: the version read gives 200, the same version again 409 and changes nothing', async () => {
  const made = await strategy.post(path(own.element_id), small());
  assert.equal(made.status, 201, made.text);
  const url = `/api/v1/procurements/${made.json.id}`;
  const first = await agency.put(url, small({ version: made.json.version, egp_project_number: '68100000111' }));
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.version, made.json.version + 1);
  const stale = await strategy.put(url, small({ version: made.json.version, egp_project_number: '68100000222' }));
  assertError(stale, 409, 'stale_version');
  const now = await strategy.get(url);
  assert.equal(now.json.egp_project_number, '68100000111');
  const rule = await strategy.put(url, { version: now.json.version, method: 'selection', reference_price_satang: 1, stages: {} });
  assertError(rule, 422, 'legal_ground_required', 'legal_ground');
  assert.equal((await strategy.get(url)).json.version, now.json.version);
});

test('bidders, the winner with the reason it was chosen, the contract number and value are stored', async () => {
  const made = await strategy.post(path(own.element_id), small({
    bidders: [{ name: 'ร้าน ก', offered_satang: 8_500_000 }, { name: 'ร้าน ข', offered_satang: 8_800_000 }],
    winner: { name: 'ร้าน ก', agreed_satang: 8_500_000, reason_th: 'ราคาต่ำสุด' },
    contract_number: 'ตร 99/2569', contract_value_satang: 8_500_000,
    stages: { plan_published: '2025-10-20', winner_announced: '2025-11-01', contract_signed: '2025-11-05' },
  }));
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.bidders.length, 2);
  assert.equal(made.json.winner.reason_th, 'ราคาต่ำสุด');
  assert.equal(made.json.contract_value_satang, 8_500_000);
  assert.equal(made.json.stage, 'contracted');
  const named = await strategy.post(path(own.element_id), small({ winner: 'ร้าน ค', contract_value_satang: 7_000_000 }));
  assert.equal(named.status, 201, named.text);
  assert.equal(named.json.winner.name, 'ร้าน ค');
  assert.equal(named.json.winner.agreed_satang, 7_000_000);
});

test('a write with an Idempotency-Key replayed answers as the first time; with another body 409', async () => {
  const key = `proc-${Date.now()}`;
  const before = await count(own.element_id);
  const first = await agency.request('POST', path(own.element_id), { body: small(), headers: { 'idempotency-key': key } });
  assert.equal(first.status, 201, first.text);
  const again = await agency.request('POST', path(own.element_id), { body: small(), headers: { 'idempotency-key': key } });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, first.json.id);
  assert.equal(await count(own.element_id), before + 1);
  const other = await agency.request('POST', path(own.element_id), { body: small({ egp_project_number: '1' }), headers: { 'idempotency-key': key } });
  assertError(other, 409);
});

test('the rules are data with their sources', async () => {
  const r = await executive.get('/api/v1/procurement-rules');
  assert.equal(r.status, 200, r.text);
  const byKey = Object.fromEntries(r.json.rules.map((x) => [x.key, x]));
  assert.equal(byKey.e_procurement_above.threshold_satang, 50_000_000);
  assert.equal(byKey.tor_hearing_required_above.threshold_satang, 500_000_000);
  assert.equal(byKey.plan_published.working_days, 30);
  assert.equal(byKey.tor_hearing.working_days, 3);
  for (const rule of r.json.rules) assert.ok(rule.source.length > 10, rule.key);
  assertError(await anonymous.get('/api/v1/procurement-rules'), 401);
});
