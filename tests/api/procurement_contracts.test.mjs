// Contract administration, holidays, deadlines and documents through the API:
// instalments (a signed contract, in order, within its value), inspection (before
// the delivery -> 422), extensions, penalties, waivers and termination; the
// Cabinet's holidays per year (strategy office and admins load, everyone signed in
// reads; a year not loaded is said so in the deadlines); the demo's stages and
// overdue instalment; the สขร.1 and monthly ITA summaries as CSV and XLSX. Runs on
// SQLite and PostgreSQL (CHANGWAT_TEST_ENGINE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertError, demoActionPlan, projectByCode } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency; // TRAT-DOAE
let executive;
let plan;
let own; // P11 (TRAT-DOAE)
let other; // P06 (TRAT-PO)
let projectIds = [];
const detail_projects = () => projectIds;

const SUMMARY_HEADER = ['ลำดับ', 'งานที่จัดซื้อจัดจ้าง', 'วงเงินที่จัดซื้อจัดจ้าง', 'ราคากลาง', 'วิธีซื้อ/จ้าง',
  'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลง', 'เหตุผลที่คัดเลือก', 'เลขที่และวันที่ของสัญญา'];

const signed = (extra = {}) => ({
  method: 'specific', legal_ground: '56(2)(ข)', reference_price_satang: 9_000_000,
  contract_number: 'ตร 77/2569', contract_value_satang: 8_000_000,
  stages: { plan_published: '2025-10-20', contract_signed: '2025-11-01', contract_end: '2026-03-31' }, ...extra,
});

// Parses CSV (RFC 4180, quoted fields may hold commas and line breaks).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r') { /* CRLF */ } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  executive = await server.login('executive');
  plan = await demoActionPlan(strategy);
  own = await projectByCode(strategy, plan.id, 'P11');
  other = await projectByCode(strategy, plan.id, 'P06');
  projectIds = (await strategy.get(`/api/v1/action-plans/${plan.id}`)).json.projects.map((p) => p.element_id);
});
after(async () => { await server?.stop(); });

async function newContract(client = strategy, elementId = own.element_id, body = signed()) {
  const r = await client.post(`/api/v1/projects/${elementId}/procurements`, body);
  assert.equal(r.status, 201, r.text);
  return r.json;
}

test('instalments need a signed contract, run 1..n in due order and stay within the contract value', async () => {
  const unsigned = await newContract(strategy, own.element_id, { method: 'specific', legal_ground: '56(2)(ข)', reference_price_satang: 1_000_000, stages: {} });
  const url = (id) => `/api/v1/procurements/${id}/contract/instalments`;
  assertError(await strategy.put(url(unsigned.id), { version: unsigned.version, instalments: [{ number: 1, due_on: '2026-01-31', amount_satang: 100 }] }),
    422, 'contract_not_signed', 'stages.contract_signed');
  const p = await newContract();
  assertError(await strategy.put(url(p.id), { version: p.version, instalments: [{ number: 1, due_on: '2026-01-31', amount_satang: 9_000_000 }] }),
    422, 'instalments_above_contract', 'instalments');
  assertError(await strategy.put(url(p.id), { version: p.version, instalments: [
    { number: 1, due_on: '2026-02-28', amount_satang: 100 }, { number: 2, due_on: '2026-01-31', amount_satang: 100 }] }),
  422, 'instalments_out_of_order', 'instalments[1].due_on');
  assertError(await strategy.put(url(p.id), { version: p.version, instalments: [{ number: 1, due_on: '2025-10-01', amount_satang: 100 }] }),
    422, 'instalment_before_contract', 'instalments[0].due_on');
  assertError(await strategy.put(url(p.id), { version: p.version, instalments: [{ number: 2, due_on: '2026-01-31', amount_satang: 100 }] }),
    400, 'invalid_input', 'instalments[0].number');
  const ok = await agency.put(url(p.id), { version: p.version, instalments: [
    { number: 1, due_on: '2026-01-31', amount_satang: 4_000_000, delivered_on: '2026-01-20' },
    { number: 2, due_on: '2026-03-31', amount_satang: 4_000_000 }] });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.contract.instalments.length, 2);
  assertError(await strategy.put(url(p.id), { version: p.version, instalments: [] }), 409, 'stale_version');
  assertError(await anonymous.put(url(p.id), { instalments: [] }), 401);
  assertError(await executive.put(url(p.id), { instalments: [] }), 403);
});

test('an instalment inspected before its delivery is refused (422 inspected_before_delivery), nothing stored; then inspected and accepted', async () => {
  let p = await newContract();
  p = (await strategy.put(`/api/v1/procurements/${p.id}/contract/instalments`, { version: p.version, instalments: [
    { number: 1, due_on: '2026-01-31', amount_satang: 8_000_000, delivered_on: '2026-01-20' }] })).json;
  const url = `/api/v1/procurements/${p.id}/contract/instalments/1/inspection`;
  const early = await strategy.post(url, { version: p.version, inspected_on: '2026-01-15', committee_th: 'คณะกรรมการตรวจรับ', accepted: true });
  assertError(early, 422, 'inspected_before_delivery', 'inspected_on');
  const unchanged = await executive.get(`/api/v1/procurements/${p.id}/contract`);
  assert.equal(unchanged.status, 200, unchanged.text);
  assert.equal(unchanged.json.instalments[0].inspected_on, null);
  assert.equal(unchanged.json.version, p.version);
  assertError(await strategy.post(`/api/v1/procurements/${p.id}/contract/instalments/9/inspection`,
    { inspected_on: '2026-01-25', committee_th: 'x', accepted: true }), 404);
  const ok = await strategy.post(url, { version: p.version, inspected_on: '2026-01-25', committee_th: 'คณะกรรมการตรวจรับ', accepted: true });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.contract.instalments[0].accepted, true);
  assert.equal(ok.json.stage, 'completed');
  assertError(await strategy.post(url, { version: p.version, inspected_on: '2026-01-26', committee_th: 'x', accepted: true }), 409, 'stale_version');
});

test('an instalment without a recorded delivery cannot be inspected until the delivery is given', async () => {
  let p = await newContract();
  p = (await strategy.put(`/api/v1/procurements/${p.id}/contract/instalments`, { version: p.version, instalments: [
    { number: 1, due_on: '2026-01-31', amount_satang: 8_000_000 }] })).json;
  const url = `/api/v1/procurements/${p.id}/contract/instalments/1/inspection`;
  assertError(await strategy.post(url, { inspected_on: '2026-01-25', committee_th: 'x', accepted: false }), 422, 'not_delivered', 'delivered_on');
  const ok = await strategy.post(url, { inspected_on: '2026-01-25', delivered_on: '2026-01-24', committee_th: 'x', accepted: false, note_th: 'งานไม่ครบ' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.contract.instalments[0].accepted, false);
  assert.equal(ok.json.stage, 'contracted');
});

test('extensions, penalties and waivers with their reasons; a termination ends the contract', async () => {
  const p = await newContract();
  const url = `/api/v1/procurements/${p.id}/contract/events`;
  assertError(await strategy.post(url, { kind: 'extension', on: '2026-02-01', reason_th: 'ฝนตก' }), 400, 'invalid_input', 'days');
  assertError(await strategy.post(url, { kind: 'penalty', on: '2026-02-01', reason_th: 'ล่าช้า' }), 400, 'invalid_input', 'amount_satang');
  assertError(await strategy.post(url, { kind: 'extension', on: '2026-02-01', days: 10 }), 400, 'invalid_input', 'reason_th');
  assertError(await strategy.post(url, { kind: 'extension', on: '2025-10-01', days: 10, reason_th: 'x' }), 422, 'event_before_contract', 'on');
  assertError(await strategy.post(url, { kind: 'extension', on: '2026-02-01', new_end: '2026-03-01', reason_th: 'x' }), 422, 'extension_not_later', 'new_end');
  const extended = await strategy.post(url, { kind: 'extension', on: '2026-02-01', days: 30, reason_th: 'ฝนตกหนัก (เหตุสุดวิสัย)' });
  assert.equal(extended.status, 201, extended.text);
  assert.equal(extended.json.contract.end, '2026-04-30');
  const penalty = await strategy.post(url, { kind: 'penalty', on: '2026-05-10', amount_satang: 80_000, days: 10, reason_th: 'ส่งมอบล่าช้า 10 วัน' });
  assert.equal(penalty.status, 201, penalty.text);
  const waiver = await strategy.post(url, { version: penalty.json.version, kind: 'penalty_waiver', on: '2026-05-12', amount_satang: 40_000, reason_th: 'น้ำท่วมเส้นทาง' });
  assert.equal(waiver.status, 201, waiver.text);
  assert.equal(waiver.json.contract.penalties_satang, 80_000);
  assert.equal(waiver.json.contract.penalties_waived_satang, 40_000);
  assertError(await strategy.post(url, { version: penalty.json.version, kind: 'penalty', on: '2026-05-13', amount_satang: 1, reason_th: 'x' }), 409, 'stale_version');
  const ended = await strategy.post(url, { kind: 'termination', on: '2026-06-01', reason_th: 'ผู้รับจ้างทิ้งงาน' });
  assert.equal(ended.status, 201, ended.text);
  assert.equal(ended.json.stage, 'terminated');
  assert.equal(ended.json.contract.terminated_on, '2026-06-01');
  assertError(await strategy.post(url, { kind: 'penalty', on: '2026-06-02', amount_satang: 1, reason_th: 'x' }), 422, 'contract_terminated');
  const other2 = await newContract(strategy, other.element_id);
  assertError(await agency.post(`/api/v1/procurements/${other2.id}/contract/events`, { kind: 'penalty', on: '2026-02-01', amount_satang: 1, reason_th: 'x' }), 403, 'not_own_agency');
});

test('holidays: the strategy office loads a year, everyone signed in reads it; a year not loaded says so and the deadline skips weekends only', async () => {
  const missing = await executive.get('/api/v1/holidays/2031');
  assert.equal(missing.status, 200, missing.text);
  assert.equal(missing.json.loaded, false);
  assert.deepEqual(missing.json.holidays, []);
  const p = await newContract(strategy, own.element_id, {
    method: 'specific', legal_ground: '56(2)(ข)', reference_price_satang: 1_000_000, allocated_on: '2031-01-15', stages: {},
  });
  const before = p.deadlines.find((d) => d.rule === 'plan_published');
  assert.equal(before.holidays_loaded, false);
  assert.ok(before.note_en.length > 0 && before.note_th.length > 0);
  assert.equal(before.due_on, '2031-02-26'); // Wed 15 Jan 2031 + 30 weekdays
  assertError(await agency.put('/api/v1/holidays/2031', { source: 'x', holidays: [] }), 403);
  assertError(await anonymous.put('/api/v1/holidays/2031', { source: 'x', holidays: [] }), 401);
  assertError(await strategy.put('/api/v1/holidays/2574', { source: 'x', holidays: [] }), 400, 'invalid_input', 'year');
  assertError(await strategy.put('/api/v1/holidays/2031', { source: 'x', holidays: [{ date: '2030-12-31', name_th: 'x' }] }), 400, 'invalid_input', 'holidays[0].date');
  assertError(await strategy.put('/api/v1/holidays/2031', { holidays: [] }), 400, 'invalid_input', 'source');
  const loaded = await strategy.put('/api/v1/holidays/2031', {
    source: 'มติคณะรัฐมนตรี (ทดสอบ)', holidays: [{ date: '2031-02-07', name_th: 'วันหยุดทดสอบ', name_en: 'Test holiday' }],
  });
  assert.equal(loaded.status, 200, loaded.text);
  assert.equal(loaded.json.loaded, true);
  assert.equal(loaded.json.be_year, 2574);
  const after = (await executive.get(`/api/v1/procurements/${p.id}`)).json.deadlines.find((d) => d.rule === 'plan_published');
  assert.equal(after.holidays_loaded, true);
  assert.equal(after.due_on, '2031-02-27'); // one holiday more
  assertError(await strategy.put('/api/v1/holidays/2031', { source: 'x', holidays: [] }), 400, 'invalid_input', 'version');
  assertError(await strategy.put('/api/v1/holidays/2031', { version: 99, source: 'x', holidays: [] }), 409, 'stale_version');
});

test('the demo: every stage, a late commitment, an overdue instalment; demo holiday years say they are demo', async () => {
  const stages = new Set();
  const detail = (await strategy.get(`/api/v1/action-plans/${plan.id}`)).json;
  let lateCommitment = 0;
  let overdue = 0;
  const today = new Date().toISOString().slice(0, 10);
  for (const project of detail.projects) {
    const r = await executive.get(`/api/v1/projects/${project.element_id}/procurements`);
    assert.equal(r.status, 200, r.text);
    for (const item of r.json.items.filter((i) => i.demo)) {
      stages.add(item.stage);
      if (item.deadlines.some((d) => d.rule === 'commitment' && d.met === false)) lateCommitment += 1;
      if (item.stage === 'contracted') {
        overdue += item.contract.instalments.filter((i) => i.due_on < today && i.accepted !== true).length;
      }
    }
  }
  for (const stage of ['preparing', 'plan_published', 'tor_hearing', 'invited', 'bids_opened', 'winner_announced', 'contracted', 'completed', 'terminated']) {
    assert.ok(stages.has(stage), `no demo procurement at ${stage}`);
  }
  assert.ok(lateCommitment > 0);
  assert.ok(overdue >= 1);
  const year = await executive.get('/api/v1/holidays/2026');
  assert.equal(year.json.loaded, true);
  assert.equal(year.json.demo, true);
  assert.match(year.json.source, /DEMO/);
});

test('สขร.1 as CSV: the header row first, one row per procurement, Buddhist-era dates and baht with separators; XLSX too', async () => {
  const csv = await executive.get(`/api/v1/action-plans/${plan.id}/procurement-summary.csv`);
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.deepEqual(rows[0], SUMMARY_HEADER);
  const count = (await Promise.all(detail_projects().map(async (id) => (await executive.get(`/api/v1/projects/${id}/procurements`)).json.items
    .filter((i) => i.action_plan_id === plan.id).length))).reduce((a, b) => a + b, 0);
  assert.equal(rows.length - 1, count);
  const p07 = rows.find((r) => r[1].includes('ลานกิจกรรมริมคลอง'));
  assert.ok(p07, csv.text.slice(0, 500));
  assert.equal(p07[2], '9,500,000.00');
  assert.match(p07[5], /8,500,000\.00 บาท/);
  assert.match(p07[8], /ตร 12\/2569.*15 ธ\.ค\. 2568/);
  const xlsx = await executive.request('GET', `/api/v1/action-plans/${plan.id}/procurement-summary.xlsx`, { raw: true });
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.buffer.subarray(0, 2).toString(), 'PK');
  assertError(await anonymous.get(`/api/v1/action-plans/${plan.id}/procurement-summary.csv`), 401);
  assertError(await executive.get('/api/v1/action-plans/999999/procurement-summary.csv'), 404);
});

test('the monthly ITA summary lists the month\'s procurements or says there was none', async () => {
  const none = await executive.get(`/api/v1/action-plans/${plan.id}/ita-procurement-summary.csv?month=2026-08`);
  assert.equal(none.status, 200, none.text);
  const noneRows = parseCsv(none.text.replace(/^\uFEFF/, ''));
  assert.equal(noneRows[0].length, 16);
  assert.equal(noneRows[0][15], 'เลขที่โครงการในระบบ e-GP');
  assert.equal(noneRows.length, 2);
  assert.match(noneRows[1].join(''), /ไม่มีการจัดซื้อจัดจ้างในเดือนสิงหาคม 2569/);
  const march = await executive.get(`/api/v1/action-plans/${plan.id}/ita-procurement-summary.csv?month=2026-03`);
  const rows = parseCsv(march.text.replace(/^\uFEFF/, ''));
  const p09 = rows.find((r) => r[15] === '68109000002');
  assert.ok(p09, march.text);
  assert.equal(p09[1], '2569');
  assert.equal(p09[10], 'ลงนามสัญญาแล้ว');
  const xlsx = await executive.request('GET', `/api/v1/action-plans/${plan.id}/ita-procurement-summary.xlsx?month=2026-03`, { raw: true });
  assert.equal(xlsx.status, 200);
  assertError(await executive.get(`/api/v1/action-plans/${plan.id}/ita-procurement-summary.csv`), 400, 'invalid_input', 'month');
  assertError(await executive.get(`/api/v1/action-plans/${plan.id}/ita-procurement-summary.csv?month=2026-13`), 400, 'invalid_input', 'month');
});
