// Forums (เวทีประชาคม), SWOT with evidence, coverage of the plan cycle, and the
// Thai search over needs and projects — on the Trat demo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let anonymous;
let strategy;
let executive;
let planId;

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  executive = await server.login('executive');
  // The plans the public may send needs to: the approved Trat demo plan.
  planId = (await anonymous.get('/api/v1/needs/public/form')).json.plans[0].id;
});
after(async () => { await server?.stop(); });

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code);
  if (field) assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field} in ${r.text}`);
}

const q = (text) => encodeURIComponent(text);

test('demo forums cover every district with attendance by sector and the needs raised', async () => {
  const r = await anonymous.get(`/api/v1/forums?plan_id=${planId}`);
  assert.equal(r.status, 200, r.text);
  const districts = new Set(r.json.items.map((f) => f.district_code));
  assert.equal(districts.size, 7);
  const kokut = r.json.items.find((f) => f.area_code === '230601');
  assert.ok(kokut.attendance.total === kokut.attendance.people + kokut.attendance.private + kokut.attendance.civil_society + kokut.attendance.state);
  assert.ok(kokut.needs_raised > 0);
  const detail = await anonymous.get(`/api/v1/forums/${kokut.id}`);
  assert.equal(detail.json.needs.length, kokut.needs_raised);
  assert.ok(detail.json.needs.every((n) => n.forum_id === kokut.id && n.submitter === undefined));
  const filtered = await anonymous.get(`/api/v1/forums?district=2302`);
  assert.ok(filtered.json.items.length >= 1 && filtered.json.items.every((f) => f.district_code === '2302'));
});

test('a forum is recorded with a Thai date; bad input is named; stale edits are 409', async () => {
  const before = Number(runSql(server.db.url, 'SELECT count(*) FROM forum'));
  const bad = await strategy.post('/api/v1/forums', {
    plan_id: planId, title_th: 'เวทีทดสอบ', held_on: '31 ก.พ. 2568', area_code: '1001',
    attendance: { people: -3 },
  });
  assertError(bad, 400);
  assert.ok(bad.json.error.fields.held_on && bad.json.error.fields.area_code);
  assertError(await strategy.post('/api/v1/forums', { plan_id: planId, title_th: 'x', held_on: '1 ม.ค. 2568', area_code: '2301', attendance: { people: 1, robots: 2 } }), 400, null, 'attendance');
  assertError(await executive.post('/api/v1/forums', { plan_id: planId, title_th: 'x', held_on: '1 ม.ค. 2568', area_code: '2301', attendance: {} }), 403);
  assert.equal(Number(runSql(server.db.url, 'SELECT count(*) FROM forum')), before);

  const created = await strategy.post('/api/v1/forums', {
    plan_id: planId, title_th: 'เวทีประชาคมตำบลตะกาง', title_en: 'Takang forum', held_on: '12 ม.ค. 2568',
    area_code: '230112', attendance: { people: 40, private: 5, civil_society: 6, state: 9 }, notes: 'ทดสอบ',
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.held_on, '2025-01-12');
  assert.equal(created.json.attendance.total, 60);
  const patched = await strategy.patch(`/api/v1/forums/${created.json.id}`, { version: created.json.version, attendance: { people: 45, private: 5, civil_society: 6, state: 9 } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.attendance.total, 65);
  assertError(await strategy.patch(`/api/v1/forums/${created.json.id}`, { version: created.json.version, notes: 'เก่า' }), 409, 'stale_version');

  const need = await strategy.post('/api/v1/needs', {
    plan_id: planId, title: 'ตลาดผลไม้ตำบลตะกาง', description: 'ยกมาจากเวที', dimension: 'economy',
    sector: 'private', area_code: '230112', forum_id: created.json.id,
  });
  assert.equal(need.status, 201, need.text);
  assert.equal(need.json.source, 'forum');
  assertError(await strategy.del(`/api/v1/forums/${created.json.id}?version=${patched.json.version}`), 422, 'forum_has_needs');
  await strategy.patch(`/api/v1/needs/${need.json.id}`, { version: need.json.version, forum_id: null });
  const deleted = await strategy.del(`/api/v1/forums/${created.json.id}?version=${patched.json.version}`);
  assert.equal(deleted.status, 204);
  assertError(await anonymous.get(`/api/v1/forums/${created.json.id}`), 404);
});

test('SWOT items with evidence, in the order strengths, weaknesses, opportunities, threats', async () => {
  const r = await anonymous.get(`/api/v1/plans/${planId}/swot`);
  assert.equal(r.status, 200, r.text);
  const kinds = r.json.items.map((i) => i.kind);
  const order = ['strength', 'weakness', 'opportunity', 'threat'];
  assert.deepEqual(kinds, [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  assert.ok(order.every((k) => kinds.includes(k)));
  assert.ok(r.json.items.every((i) => i.evidence.length > 0));

  assertError(await strategy.post(`/api/v1/plans/${planId}/swot`, { kind: 'threat', text_th: 'ภัยแล้ง' }), 400, null, 'evidence');
  assertError(await strategy.post(`/api/v1/plans/${planId}/swot`, { kind: 'luck', text_th: 'x', evidence: 'y' }), 400, null, 'kind');
  assertError(await executive.post(`/api/v1/plans/${planId}/swot`, { kind: 'threat', text_th: 'x', evidence: 'y' }), 403);
  assertError(await strategy.post('/api/v1/plans/987654/swot', { kind: 'threat', text_th: 'x', evidence: 'y' }), 400, null, 'plan_id');
  const created = await strategy.post(`/api/v1/plans/${planId}/swot`, {
    kind: 'threat', text_th: 'ภัยแล้งยาวนานขึ้น', evidence: 'เกษตรกรเขาสมิงรายงานน้ำไม่พอ 3 ปีติด', dimension: 'environment',
  });
  assert.equal(created.status, 201, created.text);
  const moved = await strategy.patch(`/api/v1/swot/${created.json.id}`, { version: created.json.version, kind: 'weakness', position: 0 });
  assert.equal(moved.json.kind, 'weakness');
  assertError(await strategy.patch(`/api/v1/swot/${created.json.id}`, { version: created.json.version, text_th: 'เก่า' }), 409, 'stale_version');
  assertError(await strategy.del(`/api/v1/swot/${created.json.id}?version=${created.json.version}`), 409, 'stale_version');
  assert.equal((await strategy.del(`/api/v1/swot/${created.json.id}?version=${moved.json.version}`)).status, 204);
  const audit = runSql(server.db.url, `SELECT count(*) FROM audit_log WHERE entity = 'swot_item' AND entity_id = '${created.json.id}'`);
  assert.equal(Number(audit), 3);
});

test('coverage: areas down to village with no needs, needs no project answers, projects answering nothing', async () => {
  assertError(await anonymous.get(`/api/v1/plans/${planId}/coverage/areas`), 401);
  const areas = await executive.get(`/api/v1/plans/${planId}/coverage/areas`);
  assert.equal(areas.status, 200, areas.text);
  const levels = Object.fromEntries(areas.json.levels.map((l) => [l.level, l]));
  assert.equal(levels.district.total, 7);
  assert.equal(levels.district.with_needs, 7);
  assert.equal(levels.subdistrict.total, 38);
  assert.ok(levels.village.total > 200);
  assert.ok(levels.village.without_needs > 0);
  const villages = await executive.get(`/api/v1/plans/${planId}/coverage/areas?level=village`);
  assert.equal(villages.json.areas_without_needs.length, levels.village.without_needs);
  assert.ok(villages.json.areas_without_needs.every((a) => a.level === 'village'));
  // A subdistrict whose only submission still waits for moderation has no needs yet.
  const subdistricts = await executive.get(`/api/v1/plans/${planId}/coverage/areas?level=subdistrict`);
  assert.ok(subdistricts.json.areas_without_needs.some((a) => a.code === '230104'));
  assertError(await executive.get(`/api/v1/plans/${planId}/coverage/areas?level=planet`), 400, null, 'level');

  const unanswered = await executive.get(`/api/v1/plans/${planId}/coverage/needs`);
  assert.equal(unanswered.status, 200, unanswered.text);
  assert.ok(unanswered.json.total > 0);
  for (const n of unanswered.json.needs_without_projects) {
    assert.ok(['new', 'accepted', 'linked'].includes(n.status));
    assert.ok(n.links.every((l) => l.element_kind !== 'project'), `${n.title} has a project`);
  }
  const projects = await executive.get(`/api/v1/plans/${planId}/coverage/projects`);
  assert.equal(projects.status, 200, projects.text);
  assert.ok(projects.json.projects_without_needs_or_targets.every((p) => p.has_alignment === false));
});

test('search finds Thai words inside run-on text in needs and projects', async () => {
  const r = await anonymous.get(`/api/v1/search?q=${q('ท่องเที่ยว')}`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.terms.includes('ท่องเที่ยว'));
  assert.ok(r.json.needs.total > 0);
  assert.ok(r.json.needs.items.every((n) => `${n.title} ${n.description}`.includes('ท่องเที่ยว')));
  assert.ok(r.json.needs.items.some((n) => !n.title.startsWith('ท่องเที่ยว') && n.title.includes('ท่องเที่ยว')), 'found inside a word run, not only as a prefix');
  assert.ok(r.json.projects.items.length > 0);
  assert.ok(r.json.projects.items.every((p) => `${p.text_th}`.includes('ท่องเที่ยว') || p.score > 0));
  assert.ok(r.json.needs.items.every((n) => n.status !== 'pending_moderation' && n.submitter === undefined));

  const two = await anonymous.get(`/api/v1/search?q=${q('ขยะ เกาะช้าง')}`);
  assert.ok(two.json.needs.items.every((n) => `${n.title} ${n.description}`.includes('ขยะ') && `${n.title} ${n.description}`.includes('เกาะช้าง')));
  assert.ok(two.json.needs.total >= 1);

  const nothing = await anonymous.get(`/api/v1/search?q=${q('ยานอวกาศ')}`);
  assert.equal(nothing.json.needs.total, 0);
  assertError(await anonymous.get('/api/v1/search?q='), 400, null, 'q');
  assertError(await anonymous.get(`/api/v1/search?q=${q('!!!')}`), 400, null, 'q');
  assertError(await anonymous.get(`/api/v1/search?q=x&limit=1000`), 400, null, 'limit');
  const limited = await anonymous.get(`/api/v1/search?q=${q('น้ำ')}&limit=2`);
  assert.ok(limited.json.needs.items.length <= 2);
  assert.ok(limited.json.needs.total >= limited.json.needs.items.length);
});
