// Month-end positions imported from a file: the satang CSV always accepted, the
// GFMIS-style report in baht (thousands separators, Thai digits, TIS-620, XLSX), and
// every bad row named with its row and column while nothing is stored. Runs on SQLite
// and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  demoActionPlan, projectByCode, positionsOf, spending, assertError, importFile, tis620, xlsx, XLSX_TYPE,
} from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency; // agency_officer of TRAT-DOAE
let plan;
const p = {}; // code -> project

const SATANG_HEADER = 'element_id,month,po_outstanding_satang,disbursed_to_date_satang';
const GFMIS_HEADER = 'รหัสงบประมาณ,เดือน,PO คงค้าง,เบิกจ่ายสะสม';

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  plan = await demoActionPlan(anonymous);
  // Single-line main projects without positions in the demo.
  for (const code of ['P11', 'P29', 'P45']) p[code] = await projectByCode(anonymous, plan.id, code);
});
after(async () => { await server?.stop(); });

const stored = async (code) => (await positionsOf(strategy, plan.id, p[code].element_id)).lines[0].positions;
const monthOf = async (code, month) => (await stored(code)).find((x) => x.month === month);

// The refusal of a file: 422, import_invalid, each expected row with its column, nothing stored.
async function assertRejected(r, expected) {
  assertError(r, 422, 'import_invalid');
  const rows = r.json.error.rows;
  assert.ok(Array.isArray(rows), `rows in ${r.text}`);
  for (const want of expected) {
    const found = rows.find((row) => row.row === want.row && row.column === want.column);
    assert.ok(found, `row ${want.row} column ${want.column} in ${JSON.stringify(rows)}`);
    assert.ok(found.message_th && found.message_en, 'Thai and English reasons');
  }
  assert.equal(rows.length, expected.length, `only the bad rows: ${JSON.stringify(rows)}`);
}

test('the satang CSV header is always accepted for single-line projects: every row stored, spending moves', async () => {
  const csv = [
    SATANG_HEADER,
    `${p.P29.element_id},2025-10,1000,2000`,
    `${p.P29.element_id},2025-11,1000,5000`,
    `${p.P45.element_id},2025-10,0,100`,
  ].join('\n');
  const r = await importFile(strategy, plan.id, csv);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { imported: 3, layout: 'satang_csv' });
  const months = await stored('P29');
  assert.deepEqual(months.map((m) => [m.month, m.po_outstanding_satang, m.disbursed_to_date_satang, m.source]),
    [['2025-10', 1000, 2000, 'import'], ['2025-11', 1000, 5000, 'import']]);
  const group = (await spending(anonymous, plan.id, 'project')).groups.find((g) => g.key === p.P29.element_id);
  assert.equal(group.disbursed_satang, 5000);
  assert.equal(group.months[1].disbursed_cumulative_satang, 5000);
});

test('the same file again stores the same figures; a changed figure replaces its month', async () => {
  const rows = [`${p.P29.element_id},2025-10,1000,2000`, `${p.P29.element_id},2025-11,1000,5000`];
  const again = await importFile(strategy, plan.id, [SATANG_HEADER, ...rows].join('\n'));
  assert.equal(again.status, 200, again.text);
  assert.equal(again.json.imported, 2, 'every row of the file counts');
  const changed = await importFile(strategy, plan.id, [SATANG_HEADER, rows[0], `${p.P29.element_id},2025-11,500,6000`].join('\n'));
  assert.equal(changed.status, 200, changed.text);
  const months = await stored('P29');
  assert.deepEqual(months.map((m) => [m.month, m.po_outstanding_satang, m.disbursed_to_date_satang]),
    [['2025-10', 1000, 2000], ['2025-11', 500, 6000]]);
  const group = (await spending(anonymous, plan.id, 'project')).groups.find((g) => g.key === p.P29.element_id);
  assert.equal(group.disbursed_satang, 6000, 'the rollup reflects the import at once');
});

test('any bad row: 422 with rows [{row, column, message_th, message_en}] (header = row 1) and nothing stored', async () => {
  const before = await stored('P45');
  const csv = [
    SATANG_HEADER,
    `${p.P45.element_id},2025-11,0,200`, // fine
    '999999,2025-11,0,1', // no such project
    `${p.P45.element_id},2025-12,0,abc`, // not an amount
    `${p.P45.element_id},2026-01,${p.P45.allocated_satang},1`, // above the allocation
    `${p.P45.element_id},2026-02,-5,300`, // negative
  ].join('\n');
  const r = await importFile(strategy, plan.id, csv);
  await assertRejected(r, [
    { row: 3, column: 'element_id' },
    { row: 4, column: 'disbursed_to_date_satang' },
    { row: 5, column: 'disbursed_to_date_satang' },
    { row: 6, column: 'po_outstanding_satang' },
  ]);
  assert.equal(r.json.error.row_count, 4);
  assert.deepEqual(await stored('P45'), before, 'the good row was not stored either');
});

test('the GFMIS layout in baht accepts 1,234.50 and Thai digits', async () => {
  const csv = `${GFMIS_HEADER}\n2569P2901,2025-12,"1,234.50","๒,๐๐๐.๒๕"\n`;
  const r = await importFile(strategy, plan.id, csv);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { imported: 1, layout: 'gfmis' });
  const dec = await monthOf('P29', '2025-12');
  assert.equal(dec.po_outstanding_satang, 123450);
  assert.equal(dec.disbursed_to_date_satang, 200025);
});

test('12O0 (a letter O) is refused with its cell: row 2, column PO คงค้าง', async () => {
  const r = await importFile(strategy, plan.id, `${GFMIS_HEADER}\n2569P2901,2026-01,12O0,3000\n`);
  await assertRejected(r, [{ row: 2, column: 'PO คงค้าง' }]);
  assert.equal(await monthOf('P29', '2026-01'), undefined);
});

test('an unknown budget code is refused naming the row and the code column', async () => {
  const r = await importFile(strategy, plan.id, `${GFMIS_HEADER}\n2569P2901,2026-01,0,3000\n9999ZZ,2026-01,0,1\n`);
  await assertRejected(r, [{ row: 3, column: 'รหัสงบประมาณ' }]);
  assert.match(r.json.error.rows[0].message_en, /9999ZZ/);
  assert.equal(await monthOf('P29', '2026-01'), undefined, 'the good row was not stored');
});

test('a duplicated project-month is refused at its second row', async () => {
  const csv = [SATANG_HEADER, `${p.P29.element_id},2026-02,0,400000`, `${p.P29.element_id},2026-02,0,400001`].join('\n');
  const r = await importFile(strategy, plan.id, csv);
  await assertRejected(r, [{ row: 3, column: 'month' }]);
  assert.match(r.json.error.rows[0].message_en, /row 2/);
});

test('disbursement to date may not fall below a stored month', async () => {
  // P29 has 2,000.25 baht to date at 2025-12.
  const r = await importFile(strategy, plan.id, `${SATANG_HEADER}\n${p.P29.element_id},2026-01,0,100\n`);
  await assertRejected(r, [{ row: 2, column: 'disbursed_to_date_satang' }]);
});

test('an empty file is refused at row 1; so is one with only blank lines', async () => {
  for (const body of ['', '\n\n']) {
    const r = await importFile(strategy, plan.id, body);
    assertError(r, 422, 'import_invalid');
    assert.equal(r.json.error.rows[0].row, 1, r.text);
  }
});

test('a 50 MB file is refused with 413 and nothing is stored', async () => {
  const row = `${p.P45.element_id},2025-11,0,200\n`;
  const body = Buffer.alloc(50 * 1000 * 1000, ' ');
  body.write(`${SATANG_HEADER}\n${row}`);
  const r = await importFile(strategy, plan.id, body);
  assertError(r, 413, 'import_too_large');
  assert.equal(await monthOf('P45', '2025-11'), undefined);
});

test('a file over the server\'s usual 1 MiB body limit imports (a real GFMIS export of a province is a few MB)', async () => {
  // Extra columns are ignored: a long remark makes the file 1.5 MB.
  const remark = 'หมายเหตุ '.repeat(60000);
  const csv = `${SATANG_HEADER},remark\n${p.P45.element_id},2025-11,0,150,"${remark}"\n`;
  assert.ok(Buffer.byteLength(csv) > 1024 * 1024);
  const r = await importFile(strategy, plan.id, csv);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal((await monthOf('P45', '2025-11')).disbursed_to_date_satang, 150);
});

test('a CSV in TIS-620 and an XLSX workbook import like the UTF-8 CSV', async () => {
  const legacy = tis620(`${GFMIS_HEADER}\r\n2569P4501,2025-11,0,10.00\r\n`);
  const r = await importFile(strategy, plan.id, legacy, 'text/csv');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.imported, 1);
  assert.equal((await monthOf('P45', '2025-11')).disbursed_to_date_satang, 1000);

  const satangBook = xlsx([SATANG_HEADER.split(','), [p.P45.element_id, '2025-12', 0, 2500]]);
  const x = await importFile(strategy, plan.id, satangBook, XLSX_TYPE);
  assert.equal(x.status, 200, x.text);
  assert.deepEqual(x.json, { imported: 1, layout: 'satang_csv' });
  const gfmisBook = xlsx([GFMIS_HEADER.split(','), ['2569P4501', 'ม.ค. 2569', 10.5, 30]]);
  const g = await importFile(strategy, plan.id, gfmisBook, XLSX_TYPE);
  assert.equal(g.status, 200, g.text);
  const jan = await monthOf('P45', '2026-01');
  assert.equal(jan.po_outstanding_satang, 1050);
  assert.equal(jan.disbursed_to_date_satang, 3000);
  const bad = xlsx([GFMIS_HEADER.split(','), ['2569P4501', '2026-02', '12O0', 30]]);
  await assertRejected(await importFile(strategy, plan.id, bad, XLSX_TYPE), [{ row: 2, column: 'PO คงค้าง' }]);
});

test('an agency officer imports rows of their own agency\'s projects only', async () => {
  const other = [SATANG_HEADER, `${p.P11.element_id},2025-10,0,100`, `${p.P29.element_id},2026-03,0,300000`].join('\n');
  const r = await importFile(agency, plan.id, other);
  await assertRejected(r, [{ row: 3, column: 'element_id' }]);
  assert.equal(await monthOf('P11', '2025-10'), undefined);
  const own = await importFile(agency, plan.id, [SATANG_HEADER, `${p.P11.element_id},2025-10,0,100`].join('\n'));
  assert.equal(own.status, 200, own.text);
  assert.equal((await monthOf('P11', '2025-10')).disbursed_to_date_satang, 100);
});

test('signed out 401, a JSON body 415', async () => {
  assertError(await importFile(anonymous, plan.id, `${SATANG_HEADER}\n`), 401);
  assertError(await importFile(strategy, plan.id, '{}', 'application/json'), 415);
});

test('positions for a closed fiscal year: a clear error and nothing stored', async () => {
  const made = await strategy.post('/api/v1/action-plans', { plan_id: plan.plan_id, fiscal_year: 2570 });
  assert.equal(made.status, 201, made.text);
  const id = made.json.id;
  const project = (await (await anonymous.get(`/api/v1/action-plans/${id}`)).json).projects.find((x) => x.kind === 'main');
  const alloc = await strategy.put(`/api/v1/action-plans/${id}/projects/${project.element_id}/allocation`, {
    lines: [{ gfmis_code: '2570-1', expense_type: 'operating', is_capital: false, allocated_satang: 1000000 }],
    decision_ref: 'มติ ก.บ.จ. (ทดสอบ)', version: project.version,
  });
  assert.equal(alloc.status, 200, alloc.text);
  const closed = await strategy.post(`/api/v1/action-plans/${id}/close`, {});
  assert.equal(closed.status, 200, closed.text);
  const r = await importFile(strategy, id, `${SATANG_HEADER}\n${project.element_id},2026-10,0,100\n`);
  assertError(r, 422, 'fiscal_year_closed');
  const positions = await positionsOf(strategy, id, project.element_id);
  assert.equal(positions.lines[0].positions.length, 0, 'nothing stored');
});
