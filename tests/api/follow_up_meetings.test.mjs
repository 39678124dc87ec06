// Committees, meetings, resolutions and frozen meeting packs through the API: the
// demo's committees and past meetings, who may set up meetings and issue packs, a
// pack's PDF and workbook, and that an issued pack never changes (issuing again is
// refused; the files stay byte for byte the same after new data is entered). Runs on
// SQLite and on PostgreSQL (CHANGWAT_TEST_ENGINE=postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer } from '../lib/server.mjs';
import { assertError } from '../lib/action_plan.mjs';

let server;
let anonymous;
let strategy;
let agency;
let admin;
let executive;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
  admin = await server.login('admin');
  executive = await server.login('executive');
});
after(async () => { await server?.stop(); });

const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

async function committees(client = executive) {
  const r = await client.get('/api/v1/committees');
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

test('the province committees are data: every one the issue names, with members by agency', async () => {
  assertError(await anonymous.get('/api/v1/committees'), 401);
  const items = await committees();
  const shorts = items.map((c) => c.short_th);
  for (const short of ['ก.บ.จ.', 'กจ.', 'ก.บ.ก.', 'กรอ.จ.']) assert.ok(shorts.includes(short), short);
  const names = items.map((c) => c.name_th).join('\n');
  assert.match(names, /คณะกรมการจังหวัด/);
  assert.match(names, /คณะทำงานเร่งรัดการใช้จ่ายงบประมาณ/);
  assert.match(names, /คณะกรรมการธรรมาภิบาลจังหวัด/);
  for (const c of items) {
    assert.equal(typeof c.id, 'number');
    assert.ok(c.name_th && c.short_th);
    assert.ok(c.members.length > 0 && c.members.every((m) => /^TRAT-/.test(m.agency)));
  }
});

test('an admin adds a committee; others may not; a repeated short name or unknown member agency is refused', async () => {
  const body = { short_th: 'คกก.ทดสอบ', name_th: 'คณะกรรมการทดสอบ', members: [{ agency: 'TRAT-PO', seat_th: 'เลขานุการ' }] };
  assertError(await strategy.post('/api/v1/committees', body), 403);
  assertError(await admin.post('/api/v1/committees', { ...body, members: [{ agency: 'NOPE', seat_th: 'x' }] }), 400, null, 'members[0].agency');
  const before = (await committees()).length;
  const r = await admin.post('/api/v1/committees', body);
  assert.equal(r.status, 201, r.text);
  assert.equal((await committees()).length, before + 1);
  assertError(await admin.post('/api/v1/committees', body), 409, 'committee_exists');
  const members = await admin.put(`/api/v1/committees/${r.json.id}/members`,
    { members: [{ agency: 'TRAT-PO', seat_th: 'ประธาน' }, { agency: 'TRAT-CGD', seat_th: 'กรรมการ' }], version: r.json.version });
  assert.equal(members.status, 200, members.text);
  assert.equal(members.json.members.length, 2);
  assertError(await admin.put(`/api/v1/committees/${r.json.id}/members`, { members: [], version: r.json.version }), 409);
});

test('the demo has two past meetings with issued packs and resolutions, all marked demo', async () => {
  const r = await executive.get('/api/v1/meetings');
  assert.equal(r.status, 200, r.text);
  const demo = r.json.items.filter((m) => m.demo);
  assert.ok(demo.length >= 2);
  for (const m of demo) {
    assert.ok(m.held_on < new Date().toISOString().slice(0, 10), 'in the past');
    assert.ok(m.pack && m.pack.demo, 'pack issued');
    const detail = await executive.get(`/api/v1/meetings/${m.id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.ok(detail.json.resolutions.length >= 1);
    assert.equal(detail.json.agenda.length, 6);
    assert.equal(detail.json.agenda[1].title_th, 'รับรองรายงานการประชุมครั้งที่แล้ว');
  }
  // The monthly acceleration meeting is a meeting of the spending working group.
  const group = (await committees()).find((c) => /เร่งรัดการใช้จ่าย/.test(c.name_th));
  assert.ok(demo.some((m) => m.committee_id === group.id));
});

test('only the strategy office and admins set up meetings; bad input names the field and stores nothing', async () => {
  const kbj = (await committees()).find((c) => c.short_th === 'ก.บ.จ.');
  const body = { committee_id: kbj.id, held_on: '2026-12-20', title_th: 'การประชุม ก.บ.จ. ครั้งที่ 1/2570 (ทดสอบ)' };
  assertError(await anonymous.post('/api/v1/meetings', body), 401);
  assertError(await agency.post('/api/v1/meetings', body), 403);
  assertError(await executive.post('/api/v1/meetings', body), 403);
  const count = (await executive.get('/api/v1/meetings')).json.items.length;
  assertError(await strategy.post('/api/v1/meetings', { ...body, held_on: '2026-13-40' }), 400, null, 'held_on');
  assertError(await strategy.post('/api/v1/meetings', { ...body, title_th: '' }), 400, null, 'title_th');
  assertError(await strategy.post('/api/v1/meetings', { ...body, committee_id: 999999 }), 400, null, 'committee_id');
  assert.equal((await executive.get('/api/v1/meetings')).json.items.length, count);
});

test('a meeting has the six-item agenda, approves the previous minutes, records resolutions others cite', async () => {
  const kbj = (await committees()).find((c) => c.short_th === 'ก.บ.จ.');
  const created = await strategy.post('/api/v1/meetings', {
    committee_id: kbj.id, held_on: '2026-12-21', title_th: 'การประชุม ก.บ.จ. ครั้งที่ 2/2570 (ทดสอบ)',
    attendees: [{ agency: 'TRAT-PO', name_th: 'ผู้ว่าราชการจังหวัด', position_th: 'ประธาน' }],
    agenda: [{ item: 4, details_th: 'พิจารณาโครงการสำรอง' }],
  });
  assert.equal(created.status, 201, created.text);
  const m = created.json;
  assert.deepEqual(m.agenda.map((a) => a.item), [1, 2, 3, 4, 5, 6]);
  assert.equal(m.agenda[0].title_th, 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ');
  assert.equal(m.agenda[3].details_th, 'พิจารณาโครงการสำรอง');
  assert.ok(m.previous_meeting_id, 'the demo ก.บ.จ. meeting came before');
  const approved = await strategy.patch(`/api/v1/meetings/${m.id}`, { version: m.version, previous_minutes_approved: true });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.json.previous_minutes_approved, true);
  assertError(await strategy.patch(`/api/v1/meetings/${m.id}`, { version: m.version, previous_minutes_approved: false }), 409);

  assertError(await strategy.post(`/api/v1/meetings/${m.id}/resolutions`, { agenda_item: 7, text_th: 'x' }), 400, null, 'agenda_item');
  const r1 = await strategy.post(`/api/v1/meetings/${m.id}/resolutions`, { agenda_item: 4, text_th: 'เห็นชอบเลื่อนโครงการสำรองลำดับ 1' });
  assert.equal(r1.status, 201, r1.text);
  const r2 = await strategy.post(`/api/v1/meetings/${m.id}/resolutions`, { agenda_item: 5, text_th: 'รับทราบ' });
  assert.deepEqual([r1.json.number, r2.json.number], [1, 2]);
  const cited = await executive.get(`/api/v1/resolutions/${r1.json.id}`);
  assert.equal(cited.status, 200, cited.text);
  assert.match(cited.json.citation_th, /^มติก\.บ\.จ\. .*ข้อ 1$/);
});

test('a pack is issued from live data as a Thai PDF and a workbook, and never changes afterwards', async () => {
  const group = (await committees()).find((c) => /เร่งรัดการใช้จ่าย/.test(c.name_th));
  const created = await strategy.post('/api/v1/meetings', { committee_id: group.id, held_on: '2026-09-28', title_th: 'ประชุมเร่งรัดการเบิกจ่าย ครั้งที่ 12/2569 (ทดสอบ)' });
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  assertError(await executive.get(`/api/v1/meetings/${id}/pack/pack.pdf`), 404);
  assertError(await agency.post(`/api/v1/meetings/${id}/pack`), 403);

  const issued = await strategy.post(`/api/v1/meetings/${id}/pack`);
  assert.equal(issued.status, 201, issued.text);
  const pack = issued.json;
  assert.equal(pack.fiscal_year, 2569);
  assert.ok(pack.summary.projects > 0, 'spending of the demo action plan');
  assert.ok(pack.summary.agencies > 0);
  assert.ok(pack.summary.open_directives >= 1, 'the demo directives still open');
  assert.ok(pack.summary.overdue_directives >= 1);
  assert.ok(pack.summary.kpis > 0);

  const pdf = await executive.get(pack.pdf_url);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-type'), /application\/pdf/);
  assert.equal(pdf.buffer.subarray(0, 5).toString(), '%PDF-');
  assert.equal(sha256(pdf.buffer), pack.pdf_sha256);
  const xlsx = await executive.get(pack.xlsx_url);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(xlsx.buffer.subarray(0, 2).toString(), 'PK');
  assert.equal(sha256(xlsx.buffer), pack.xlsx_sha256);

  // Issuing again is refused and changes nothing.
  assertError(await strategy.post(`/api/v1/meetings/${id}/pack`), 409, 'pack_issued');
  // Later data (a new directive for an agency) never reaches the issued files.
  const directive = await strategy.post('/api/v1/directives', { meeting_id: id, text_th: 'ข้อสั่งการหลังออกเอกสาร', agency: 'TRAT-CGD', due_on: '2027-06-30', element_ids: [] });
  assert.equal(directive.status, 201, directive.text);
  const again = await executive.get(pack.pdf_url);
  assert.equal(sha256(again.buffer), pack.pdf_sha256);
  assert.equal(sha256((await executive.get(pack.xlsx_url)).buffer), pack.xlsx_sha256);
  const listed = (await executive.get('/api/v1/meetings')).json.items.find((m) => m.id === id);
  assert.deepEqual(listed.pack.summary, pack.summary);
  // A pack of another meeting issued now does see it.
  const next = await strategy.post('/api/v1/meetings', { committee_id: group.id, held_on: '2026-09-29', title_th: 'ประชุมถัดไป (ทดสอบ)' });
  const nextPack = await strategy.post(`/api/v1/meetings/${next.json.id}/pack`);
  assert.equal(nextPack.status, 201, nextPack.text);
  assert.equal(nextPack.json.summary.open_directives, pack.summary.open_directives + 1);
});
