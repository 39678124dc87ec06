// Needs recorded by officers: rights, areas inside the province, status with
// reasons, one vote per user, merging, links to the plan, stale versions (409),
// lists with filters, Thai order and counts by district. Every refused change
// leaves the stored data as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let anonymous;
let strategy;
let executive;
let planId;
const elements = new Map();

before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  executive = await server.login('executive');
  // The plans the public may send needs to: the approved Trat demo plan.
  planId = (await anonymous.get('/api/v1/needs/public/form')).json.plans[0].id;
  const tree = await anonymous.get(`/api/v1/plans/${planId}/tree`);
  const walk = (nodes) => { for (const n of nodes) { if (n.code) elements.set(n.code, n); walk(n.children || []); } };
  walk(tree.json.children);
});
after(async () => { await server?.stop(); });

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code);
  if (field) assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field} in ${r.text}`);
}

async function create(client, extra = {}) {
  return client.post('/api/v1/needs', {
    plan_id: planId,
    title: 'ซ่อมถนนเข้าสวนผลไม้',
    description: 'ถนนลูกรังเป็นหลุมบ่อ ขนผลไม้ออกสู่ตลาดลำบาก',
    dimension: 'economy',
    sector: 'people',
    area_code: '23030201',
    ...extra,
  });
}

const stored = (id) => runSql(server.db.url, `SELECT title, status, version, vote_count FROM need WHERE id = ${id}`);
const needCount = () => Number(runSql(server.db.url, 'SELECT count(*) FROM need'));

test('the strategy office records a need for a village; it rolls up to its district', async () => {
  const r = await create(strategy);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'new');
  assert.equal(r.json.district_code, '2303');
  assert.equal(r.json.subdistrict_code, '230302');
  assert.equal(r.json.area.level, 'village');
  assert.equal(r.json.district.name_th, 'เขาสมิง');
  assert.equal(r.json.version, 1);
  const audit = runSql(server.db.url, `SELECT username FROM audit_log WHERE entity = 'need' AND entity_id = '${r.json.id}' AND action = 'create'`);
  assert.equal(audit, 'strategy');
});

test('areas outside the province, the province itself or unknown codes are refused', async () => {
  const before = needCount();
  for (const area_code of ['10010101', '1001', '23', '2399']) {
    assertError(await create(strategy, { area_code }), 400, null, 'area_code');
  }
  assertError(await create(strategy, { plan_id: 987654 }), 400, null, 'plan_id');
  assertError(await create(strategy, { title: 'ก'.repeat(201), sector: 'aliens' }), 400, null, 'title');
  assert.equal(needCount(), before);
});

test('who may record: not the public, not an executive; an agency officer only in their area', async () => {
  const before = needCount();
  assertError(await create(anonymous), 401);
  assertError(await create(executive), 403);
  server.addUser('kokut_officer', 'agency_officer', 'officer-password-1', { agency: 'TRAT-PAO', area: '2306' });
  const officer = await server.login('kokut_officer', 'officer-password-1');
  assertError(await create(officer, { area_code: '230701' }), 400, null, 'area_code');
  assert.equal(needCount(), before);
  const inside = await create(officer, { area_code: '230601', title: 'เรือรับส่งนักเรียนเกาะหมาก' });
  assert.equal(inside.status, 201, inside.text);
});

test('status: accept, decline with a reason, stale versions are 409', async () => {
  const need = (await create(strategy, { title: 'ขอสนามกีฬาประจำตำบล' })).json;
  const url = `/api/v1/needs/${need.id}/status`;
  assertError(await strategy.post(url, { status: 'declined', version: need.version }), 400, null, 'reason');
  assertError(await strategy.post(url, { status: 'linked', version: need.version }), 400, null, 'status');
  assertError(await executive.post(url, { status: 'accepted', version: need.version }), 403);
  const accepted = await strategy.post(url, { status: 'accepted', version: need.version });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.status, 'accepted');
  const snapshot = stored(need.id);
  assertError(await strategy.post(url, { status: 'declined', reason: 'ซ้ำซ้อน', version: need.version }), 409, 'stale_version');
  assert.equal(stored(need.id), snapshot, 'nothing changed');
  const declined = await strategy.post(url, { status: 'declined', reason: 'อยู่ในแผนของกรมทางหลวงชนบทแล้ว', version: accepted.json.version });
  assert.equal(declined.json.status, 'declined');
  assert.equal(declined.json.decline_reason, 'อยู่ในแผนของกรมทางหลวงชนบทแล้ว');
  const publicView = await anonymous.get(`/api/v1/needs/${need.id}`);
  assert.equal(publicView.json.decline_reason, 'อยู่ในแผนของกรมทางหลวงชนบทแล้ว', 'the public reads why');
});

test('edits carry the version; stale edits are 409 and change nothing', async () => {
  const need = (await create(strategy, { title: 'ขุดลอกคลอง' })).json;
  const edited = await strategy.patch(`/api/v1/needs/${need.id}`, { version: need.version, title: 'ขุดลอกคลองและสร้างฝาย', area_code: '230306' });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.title, 'ขุดลอกคลองและสร้างฝาย');
  assert.equal(edited.json.subdistrict_code, '230306');
  const snapshot = stored(need.id);
  assertError(await strategy.patch(`/api/v1/needs/${need.id}`, { version: need.version, title: 'เก่า' }), 409, 'stale_version');
  assertError(await strategy.patch(`/api/v1/needs/${need.id}`, { version: edited.json.version, area_code: '1001' }), 400, null, 'area_code');
  assertError(await strategy.patch(`/api/v1/needs/${need.id}`, { version: edited.json.version, colour: 'red' }), 400, null, 'colour');
  assert.equal(stored(need.id), snapshot);
  assertError(await strategy.patch('/api/v1/needs/999999', { version: 1, title: 'x' }), 404);
  assertError(await anonymous.get('/api/v1/needs/not-a-number'), 404);
});

test('one vote per signed-in user; the public cannot vote', async () => {
  const need = (await create(strategy, { title: 'ขอรถพยาบาลประจำตำบล' })).json;
  const url = `/api/v1/needs/${need.id}/votes`;
  const first = await executive.post(url);
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(first.json, { need_id: need.id, vote_count: 1, voted: true });
  assertError(await executive.post(url), 409, 'already_voted');
  assertError(await anonymous.post(url), 401);
  const second = await strategy.post(url);
  assert.equal(second.json.vote_count, 2);
  const mine = await executive.get(`/api/v1/needs/${need.id}`);
  assert.equal(mine.json.voted, true);
  const withdrawn = await executive.del(url);
  assert.equal(withdrawn.status, 200);
  assert.equal(withdrawn.json.vote_count, 1);
  assertError(await executive.del(url), 404);
  const byVotes = await anonymous.get('/api/v1/needs?sort=votes&limit=1');
  assert.ok(byVotes.json.items[0].vote_count >= 1);
});

test('links to guidelines and projects of the plan; a linked need is "linked"', async () => {
  const need = (await create(strategy, { title: 'ท่าเทียบเรือเกาะกูดคับแคบ', area_code: '230602' })).json;
  const project = elements.get('P02');
  const guideline = elements.get('G1.1');
  const kpi = elements.get('K1.1');
  assert.ok(project && guideline && kpi, 'demo plan elements');
  const url = `/api/v1/needs/${need.id}/links`;
  assertError(await strategy.post(url, { element_id: kpi.id, version: need.version }), 400, null, 'element_id');
  assertError(await executive.post(url, { element_id: project.id, version: need.version }), 403);
  const linked = await strategy.post(url, { element_id: project.id, version: need.version });
  assert.equal(linked.status, 201, linked.text);
  assert.equal(linked.json.status, 'linked');
  assert.equal(linked.json.links[0].code, 'P02');
  assertError(await strategy.post(url, { element_id: project.id, version: linked.json.version }), 409, 'already_linked');
  const both = await strategy.post(url, { element_id: guideline.id, version: linked.json.version });
  assert.equal(both.json.links.length, 2);
  assertError(await strategy.post(`/api/v1/needs/${need.id}/status`, { status: 'declined', reason: 'x', version: both.json.version }), 422, 'need_linked');
  assertError(await strategy.del(`/api/v1/needs/${need.id}/links/${project.id}`), 400, null, 'version');
  const one = await strategy.del(`/api/v1/needs/${need.id}/links/${project.id}?version=${both.json.version}`);
  assert.equal(one.status, 200, one.text);
  assert.equal(one.json.status, 'linked');
  const none = await strategy.del(`/api/v1/needs/${need.id}/links/${guideline.id}?version=${one.json.version}`);
  assert.equal(none.json.status, 'accepted');
  assert.deepEqual(none.json.links, []);
});

test('merging a duplicate moves its votes and links to the need kept', async () => {
  const kept = (await create(strategy, { title: 'ขยะล้นบนเกาะช้าง', area_code: '230701' })).json;
  const duplicate = (await create(strategy, { title: 'ขยะบนเกาะช้างเพิ่มทุกปี', area_code: '230702' })).json;
  await executive.post(`/api/v1/needs/${duplicate.id}/votes`);
  const linked = await strategy.post(`/api/v1/needs/${duplicate.id}/links`, { element_id: elements.get('P49').id, version: duplicate.version });
  const merged = await strategy.post(`/api/v1/needs/${duplicate.id}/merge`, { into_id: kept.id, version: linked.json.version });
  assert.equal(merged.status, 200, merged.text);
  assert.equal(merged.json.status, 'merged');
  assert.equal(merged.json.merged_into_id, kept.id);
  const target = await strategy.get(`/api/v1/needs/${kept.id}`);
  assert.equal(target.json.vote_count, 1);
  assert.equal(target.json.status, 'linked');
  assert.deepEqual(target.json.links.map((l) => l.code), ['P49']);
  assertError(await executive.post(`/api/v1/needs/${duplicate.id}/votes`), 422, 'need_merged');
  assertError(await strategy.post(`/api/v1/needs/${kept.id}/merge`, { into_id: kept.id, version: target.json.version }), 400, null, 'into_id');
});

test('lists filter by district, subdistrict, dimension, sector and status; Thai order; counts by district', async () => {
  const all = await anonymous.get(`/api/v1/needs?plan_id=${planId}&limit=500`);
  assert.equal(all.status, 200, all.text);
  assert.ok(all.json.total >= 50, 'demo needs');
  assert.ok(all.json.items.every((n) => !['pending_moderation', 'rejected'].includes(n.status)));
  assert.ok(all.json.items.every((n) => n.submitter === undefined));

  const island = await anonymous.get('/api/v1/needs?district=2306&dimension=society&limit=500');
  assert.ok(island.json.total > 0);
  assert.ok(island.json.items.every((n) => n.district_code === '2306' && n.dimension === 'society'));
  const sub = await anonymous.get('/api/v1/needs?subdistrict=230601&sector=people');
  assert.ok(sub.json.items.every((n) => n.subdistrict_code === '230601' && n.sector === 'people'));
  const declined = await anonymous.get('/api/v1/needs?status=declined');
  assert.ok(declined.json.total >= 1);
  assert.ok(declined.json.items.every((n) => n.status === 'declined' && n.decline_reason));

  const sorted = await anonymous.get(`/api/v1/needs?plan_id=${planId}&sort=title&limit=500`);
  const titles = sorted.json.items.map((n) => n.title);
  const collator = new Intl.Collator('th');
  assert.deepEqual(titles, [...titles].sort(collator.compare), 'Thai dictionary order');
  const page = await anonymous.get(`/api/v1/needs?plan_id=${planId}&sort=title&limit=5&offset=5`);
  assert.deepEqual(page.json.items.map((n) => n.title), titles.slice(5, 10));

  const counts = await anonymous.get(`/api/v1/needs/districts?plan_id=${planId}`);
  assert.equal(counts.status, 200);
  assert.equal(counts.json.districts.length, 7);
  const total = counts.json.districts.reduce((s, d) => s + d.total, 0);
  assert.equal(total, all.json.total);
  assert.ok(counts.json.districts.every((d) => d.total > 0), 'needs in every district');
  assert.equal(counts.json.districts.find((d) => d.code === '2307').name_th, 'เกาะช้าง');

  assertError(await anonymous.get('/api/v1/needs?dimension=weather'), 400, null, 'dimension');
  assertError(await anonymous.get('/api/v1/needs?limit=0'), 400, null, 'limit');
  assertError(await anonymous.get('/api/v1/needs?sort=random'), 400, null, 'sort');
});
