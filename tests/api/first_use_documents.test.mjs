// Issue 14 (first use): the plan's documents as people read them. XLSX: years are
// whole numbers without a thousands separator and fractions keep their decimals,
// read with the number formats applied. PDF: no ISO date, no "command-line", names
// instead of codes, every amount of 10,000 or more with separators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { xlsxCells, shown, xlsxNumberProblems, pdfText, pdfProblems } from '../lib/documents.mjs';

let server;
let planId;
before(async () => {
  server = await startServer({ demo: true });
  const plans = await server.client().get('/api/v1/plans');
  planId = plans.json.plans[0].id;
});
after(async () => { await server?.stop(); });

test('the formats applied: 98.5 stays 98.5, 2567 stays 2567, 168,500 is grouped', () => {
  assert.equal(shown(98.5, '#,##0'), '99', 'the checker applies the format as Excel does');
  assert.equal(shown(98.5, '#,##0.0'), '98.5');
  assert.equal(shown(2567, '#,##0'), '2,567');
  assert.equal(shown(2567, '0'), '2567');
  assert.equal(shown(0.455, '0.00%'), '45.50%');
  assert.equal(shown(1500000.5, '#,##0.00 "บาท"'), '1,500,000.50 บาท');
  assert.equal(shown(45000, '[$-107041E]d mmm yyyy'), null);
  assert.deepEqual(xlsxNumberProblems([{ sheet: 's', cell: 'A2', header: 'ปีงบประมาณเริ่ม', value: 2567, format: '#,##0' }]).length, 1);
  assert.deepEqual(pdfProblems('อนุมัติโดย command-line เมื่อ 2026-12-01 2566: 172000').length, 3);
});

test('plan XLSX: years without separators, fractions with their decimals', async () => {
  const r = await server.client().get(`/api/v1/plans/${planId}/export.xlsx`);
  assert.equal(r.status, 200);
  const cells = xlsxCells(r.buffer);
  const years = cells.filter((c) => /ปี/.test(c.header ?? '') && typeof c.value === 'number');
  assert.ok(years.length > 0, 'the workbook has year cells');
  const fractions = cells.filter((c) => typeof c.value === 'number' && !Number.isInteger(c.value));
  assert.ok(fractions.length > 0, 'the demo plan has fractional KPI values');
  assert.deepEqual(xlsxNumberProblems(cells), []);
});

test('plan PDF: Buddhist-era dates, names not codes, separators on every amount', async () => {
  const r = await server.client().get(`/api/v1/plans/${planId}/export.pdf`);
  assert.equal(r.status, 200);
  const text = pdfText(r.buffer);
  assert.match(text, /อนุมัติโดย/, 'the approval line is there to check');
  assert.match(text, /ผู้ดูแลระบบ \(คำสั่ง\)|อนุมัติโดย \S+/);
  assert.match(text, /เมื่อ \d{1,2} [ก-๙.]+ 25\d\d/, 'approved on a Buddhist-era date');
  assert.deepEqual(pdfProblems(text), []);
  assert.doesNotMatch(text, /TRAT-[A-Z]+/, 'agency names, not codes');
  assert.match(text, /\d{1,3}(,\d{3})+/, 'grouped amounts are there');
});
