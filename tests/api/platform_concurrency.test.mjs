// A stale update is a 409, never a lost update — on SQLite and on PostgreSQL
// (CHANGWAT_TEST_ENGINE=postgres), where transactions really run side by side.
// For every versioned route, 8 clients send a change holding the same version at
// the same moment, several rounds in a row: exactly one succeeds, the others get
// 409 (an approval that finds no draft left may get 422), the stored value is the
// winner's, and the audit log credits exactly one change. Votes sent at once all
// count: vote_count always equals the votes accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

const CLIENTS = 8;
const ROUNDS = 5;

let server;
let strategy;
let admin;
let plan;        // a plan made for these tests (draft version 1)
let demoPlanId;  // the approved demo plan, for needs
const ids = {};  // code -> element as created

before(async () => {
  server = await startServer({ demo: true, workers: 8 });
  strategy = await server.login('strategy');
  admin = await server.login('admin');
  demoPlanId = (await server.client().get('/api/v1/needs/public/form')).json.plans[0].id;
  const r = await strategy.post('/api/v1/plans', {
    name_th: 'แผนทดสอบการแก้ไขพร้อมกัน', name_en: 'Concurrent edits',
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
  await add({ kind: 'vision', code: 'V', text_th: 'ตราดเมืองมั่งคั่ง' });
  const s1 = await add({ kind: 'strategy', code: 'S1', text_th: 'ยุทธศาสตร์เศรษฐกิจ', dimensions: ['economy'] });
  const g1 = await add({ kind: 'guideline', code: 'G1', parent_id: s1.id, text_th: 'ท่องเที่ยวชุมชน' });
  await add({ kind: 'guideline', code: 'G2', parent_id: s1.id, text_th: 'เกษตรมูลค่าสูง' });
  await add({
    kind: 'kpi', code: 'K1', parent_id: g1.id, text_th: 'รายได้จากการท่องเที่ยว', unit_th: 'ล้านบาท',
    direction: 'higher_is_better', targets: { 2566: 100, 2567: 200 },
  });
  for (let i = 1; i <= ROUNDS; i += 1) {
    await add({
      kind: 'project', code: `P${i}`, parent_id: g1.id, text_th: `โครงการทดสอบ ${i}`,
      project_kind: 'main', agency: 'TRAT-MOTS', areas: ['2307'], budget_satang: 100000,
    });
  }
});
after(async () => { await server?.stop(); });

// Sends CLIENTS requests at once; `send(i)` makes the i-th.
function race(send) {
  return Promise.all(Array.from({ length: CLIENTS }, (_, i) => send(i)));
}

// Exactly one answer in `ok`, every other one in `lost` with the JSON error in
// Thai and English; returns the winner's index.
function oneWinner(answers, { ok = [200], lost = [409] } = {}) {
  const statuses = answers.map((a) => a.status);
  const winners = answers.filter((a) => ok.includes(a.status));
  assert.equal(winners.length, 1, `exactly one of ${ok} expected, got ${statuses}: ${answers.map((a) => a.text).join('\n')}`);
  for (const answer of answers) {
    if (ok.includes(answer.status)) continue;
    assert.ok(lost.includes(answer.status), `a losing writer got ${answer.status}: ${answer.text}`);
    assert.ok(answer.json?.error?.message_th && answer.json.error.message_en, answer.text);
  }
  return answers.indexOf(winners[0]);
}

const audits = (entity, entityId, action) => Number(runSql(server.db.url,
  `SELECT count(*) FROM audit_log WHERE entity = '${entity}' AND entity_id = '${entityId}' AND action = '${action}'`));

const element = async (id) => {
  const r = await strategy.get(`/api/v1/plans/${plan.id}/elements/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};

test('KPI targets: one of 8 same-version writes wins, its value is stored and audited once', async () => {
  const kpi = ids.K1;
  const url = `/api/v1/plans/${plan.id}/elements/${kpi.id}/targets/2567`;
  const entityId = `${kpi.id}/2567`;
  let version = 1;
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = audits('plan_kpi_target', entityId, 'update');
    const values = Array.from({ length: CLIENTS }, (_, i) => 1000 * (round + 1) + i);
    const answers = await race((i) => strategy.put(url, { value: values[i], version }));
    const winner = oneWinner(answers);
    assert.equal(answers[winner].json.value, values[winner]);
    assert.equal(answers[winner].json.version, version + 1);
    const stored = await element(kpi.id);
    assert.equal(stored.targets['2567'], values[winner], 'the stored value is the winner\'s');
    assert.equal(audits('plan_kpi_target', entityId, 'update'), before + 1, 'one audit row per change');
    version += 1;
  }
  // A target that does not exist yet: created once, the others are stale.
  const created = await race((i) => strategy.put(`/api/v1/plans/${plan.id}/elements/${kpi.id}/targets/2569`, { value: i }));
  const winner = oneWinner(created);
  assert.equal((await element(kpi.id)).targets['2569'], winner);
  assert.equal(audits('plan_kpi_target', `${kpi.id}/2569`, 'create'), 1);
});

test('alignments: one of 8 same-version writes wins and the stored codes are the winner\'s', async () => {
  const codes = ['NS-1', 'NS-2', 'NS-3', 'NS-4', 'NS-5', 'NS-6', 'SDG-01', 'SDG-02'];
  let current = await element(ids.S1.id);
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = audits('plan_element', current.id, 'align');
    const wanted = (i) => [codes[i], codes[(i + round + 1) % codes.length]].sort();
    const answers = await race((i) => strategy.put(
      `/api/v1/plans/${plan.id}/elements/${current.id}/alignments`, { codes: wanted(i), version: current.version }));
    const winner = oneWinner(answers);
    const stored = await element(current.id);
    assert.deepEqual(stored.alignments, [...new Set(wanted(winner))].sort());
    assert.equal(stored.version, current.version + 1);
    assert.equal(audits('plan_element', current.id, 'align'), before + 1);
    current = stored;
  }
});

test('element edits and moves: one of 8 same-version writes wins', async () => {
  let current = await element(ids.G2.id);
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = audits('plan_element', current.id, 'update');
    const answers = await race((i) => strategy.patch(`/api/v1/plans/${plan.id}/elements/${current.id}`,
      { version: current.version, text_th: `เกษตรมูลค่าสูง รอบ ${round} ผู้เขียน ${i}` }));
    const winner = oneWinner(answers);
    const stored = await element(current.id);
    assert.equal(stored.text_th, `เกษตรมูลค่าสูง รอบ ${round} ผู้เขียน ${winner}`);
    assert.equal(audits('plan_element', current.id, 'update'), before + 1);
    current = stored;
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = audits('plan_element', current.id, 'move');
    const answers = await race((i) => strategy.post(`/api/v1/plans/${plan.id}/elements/${current.id}/move`,
      { version: current.version, parent_id: ids.S1.id, position: i % 2 }));
    const winner = oneWinner(answers);
    const stored = await element(current.id);
    assert.equal(stored.position, winner % 2);
    assert.equal(audits('plan_element', current.id, 'move'), before + 1);
    current = stored;
  }
});

test('deleting an element: one of 8 same-version deletions goes through', async () => {
  for (let round = 1; round <= ROUNDS; round += 1) {
    const project = await element(ids[`P${round}`].id);
    const answers = await race(() => strategy.del(
      `/api/v1/plans/${plan.id}/elements/${project.id}?version=${project.version}`));
    // A deletion that starts after the winner committed finds nothing to delete.
    oneWinner(answers, { ok: [204], lost: [409, 404] });
    assert.equal(audits('plan_element', project.id, 'delete'), 1);
    assert.equal((await strategy.get(`/api/v1/plans/${plan.id}/elements/${project.id}`)).status, 404);
  }
});

test('plan fields: one of 8 same-version changes wins', async () => {
  let current = (await strategy.get(`/api/v1/plans/${plan.id}`)).json;
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = audits('plan', plan.id, 'update');
    const answers = await race((i) => strategy.patch(`/api/v1/plans/${plan.id}`,
      { row_version: current.row_version, name_th: `แผนทดสอบ รอบ ${round} ผู้เขียน ${i}` }));
    const winner = oneWinner(answers);
    current = (await strategy.get(`/api/v1/plans/${plan.id}`)).json;
    assert.equal(current.name_th, `แผนทดสอบ รอบ ${round} ผู้เขียน ${winner}`);
    assert.equal(audits('plan', plan.id, 'update'), before + 1);
  }
});

test('approval: a draft is approved exactly once however many approve it at once', async () => {
  for (let round = 0; round < ROUNDS; round += 1) {
    let current = (await strategy.get(`/api/v1/plans/${plan.id}`)).json;
    if (!current.draft_version) {
      const revision = await strategy.post(`/api/v1/plans/${plan.id}/revisions`, { note: `รอบ ${round}` });
      assert.equal(revision.status, 201, revision.text);
      current = (await strategy.get(`/api/v1/plans/${plan.id}`)).json;
    }
    const number = current.draft_version;
    const answers = await race(() => strategy.post(`/api/v1/plans/${plan.id}/approve`, { version: number }));
    oneWinner(answers, { ok: [200], lost: [409, 422] });
    assert.equal(audits('plan_version', `${plan.id}/${number}`, 'approve'), 1, 'one approval, one audit row');
    const versions = (await strategy.get(`/api/v1/plans/${plan.id}/versions`)).json.versions;
    assert.equal(versions.filter((v) => v.status === 'approved').length, 1, JSON.stringify(versions));
    assert.equal(versions.find((v) => v.number === number).status, 'approved');
  }
});

// ---- Needs, forums, SWOT, agencies ----

async function newNeed(extra = {}) {
  const r = await strategy.post('/api/v1/needs', {
    plan_id: demoPlanId, title: 'ถนนเข้าหมู่บ้านชำรุด', description: 'เป็นหลุมบ่อ', dimension: 'economy',
    sector: 'people', area_code: '23030201', ...extra,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

const needRow = async (id) => (await strategy.get(`/api/v1/needs/${id}`)).json;

test('need edits, status changes, links and merges: one of 8 same-version writes wins', async () => {
  let need = await newNeed();
  for (let round = 0; round < ROUNDS; round += 1) {
    const answers = await race((i) => strategy.patch(`/api/v1/needs/${need.id}`,
      { version: need.version, title: `ถนนชำรุด รอบ ${round} ผู้เขียน ${i}` }));
    const winner = oneWinner(answers);
    need = await needRow(need.id);
    assert.equal(need.title, `ถนนชำรุด รอบ ${round} ผู้เขียน ${winner}`);
  }
  assert.equal(audits('need', need.id, 'update'), ROUNDS);

  for (let round = 0; round < ROUNDS; round += 1) {
    const status = round % 2 === 0 ? 'accepted' : 'new';
    const answers = await race(() => strategy.post(`/api/v1/needs/${need.id}/status`, { status, version: need.version }));
    oneWinner(answers);
    need = await needRow(need.id);
    assert.equal(need.status, status);
  }
  assert.equal(audits('need', need.id, 'status'), ROUNDS);

  // Links: each client links another project of the demo plan with the same version.
  const tree = (await strategy.get(`/api/v1/plans/${demoPlanId}/tree`)).json;
  const projects = [];
  const walk = (nodes) => { for (const n of nodes) { if (n.kind === 'project') projects.push(n); walk(n.children || []); } };
  walk(tree.children);
  assert.ok(projects.length >= CLIENTS, 'demo projects');
  for (let round = 0; round < 2; round += 1) {
    const before = audits('need', need.id, 'link');
    const offered = projects.slice(round * CLIENTS, (round + 1) * CLIENTS);
    const answers = await race((i) => strategy.post(`/api/v1/needs/${need.id}/links`,
      { element_id: offered[i].id, version: need.version }));
    const winner = oneWinner(answers, { ok: [201] });
    need = await needRow(need.id);
    assert.equal(need.links.length, round + 1);
    assert.ok(need.links.some((l) => l.element_id === offered[winner].id));
    assert.equal(audits('need', need.id, 'link'), before + 1);
  }
  for (const link of [...need.links]) {
    const answers = await race(() => strategy.del(`/api/v1/needs/${need.id}/links/${link.element_id}?version=${need.version}`));
    oneWinner(answers, { ok: [200], lost: [409, 404] });
    need = await needRow(need.id);
  }
  assert.equal(need.links.length, 0);
  assert.equal(audits('need', need.id, 'unlink'), 2);

  for (let round = 0; round < 3; round += 1) {
    const duplicate = await newNeed({ title: `เรื่องซ้ำ ${round}` });
    const answers = await race(() => strategy.post(`/api/v1/needs/${duplicate.id}/merge`,
      { into_id: need.id, version: duplicate.version }));
    oneWinner(answers);
    assert.equal(audits('need', duplicate.id, 'merge'), 1);
    assert.equal((await needRow(duplicate.id)).status, 'merged');
  }
});

test('moderation of a public need: one of 8 same-version decisions wins', async () => {
  const anonymous = server.client();
  const tokens = [];
  for (let round = 0; round < 3; round += 1) tokens.push((await anonymous.get('/api/v1/needs/public/form')).json.form_token);
  await sleep(3200); // the form refuses answers filled faster than a person can
  for (const token of tokens) {
    const sent = await anonymous.post('/api/v1/needs/public', {
      form_token: token, website: '', title: 'ขอไฟส่องสว่างในซอย', description: 'ซอยมืดมาก',
      dimension: 'society', sector: 'people', area_code: '230101',
    });
    assert.equal(sent.status, 202, sent.text);  // accepted for moderation
    const id = runSql(server.db.url, `SELECT id FROM need WHERE receipt = '${sent.json.receipt}'`);
    const version = Number(runSql(server.db.url, `SELECT version FROM need WHERE id = ${id}`));
    const answers = await race((i) => strategy.post(`/api/v1/needs/${id}/moderation`,
      i % 2 === 0 ? { decision: 'approve', version } : { decision: 'reject', reason: 'ซ้ำ', version }));
    const winner = oneWinner(answers);
    const status = runSql(server.db.url, `SELECT status FROM need WHERE id = ${id}`);
    assert.equal(status, winner % 2 === 0 ? 'new' : 'rejected');
    assert.equal(Number(runSql(server.db.url,
      `SELECT count(*) FROM audit_log WHERE entity = 'need' AND entity_id = '${id}' AND action LIKE 'moderation_%'`)), 1);
  }
});

test('forums and SWOT items: one of 8 same-version edits and deletions wins', async () => {
  const forum = await strategy.post('/api/v1/forums', {
    plan_id: demoPlanId, title_th: 'เวทีทดสอบพร้อมกัน', held_on: '12 ม.ค. 2568', area_code: '230112',
    attendance: { people: 10 },
  });
  assert.equal(forum.status, 201, forum.text);
  let version = forum.json.version;
  for (let round = 0; round < ROUNDS; round += 1) {
    const answers = await race((i) => strategy.patch(`/api/v1/forums/${forum.json.id}`, { version, notes: `บันทึก ${round}/${i}` }));
    const winner = oneWinner(answers);
    const stored = (await strategy.get(`/api/v1/forums/${forum.json.id}`)).json;
    assert.equal(stored.notes, `บันทึก ${round}/${winner}`);
    version = stored.version;
  }
  oneWinner(await race(() => strategy.del(`/api/v1/forums/${forum.json.id}?version=${version}`)), { ok: [204], lost: [409, 404] });

  const item = await strategy.post(`/api/v1/plans/${demoPlanId}/swot`, { kind: 'threat', text_th: 'ภัยแล้ง', evidence: 'รายงานน้ำ' });
  assert.equal(item.status, 201, item.text);
  version = item.json.version;
  for (let round = 0; round < ROUNDS; round += 1) {
    const answers = await race((i) => strategy.patch(`/api/v1/swot/${item.json.id}`, { version, text_th: `ภัยแล้ง ${round}/${i}` }));
    const winner = oneWinner(answers);
    assert.equal(answers[winner].json.text_th, `ภัยแล้ง ${round}/${winner}`);
    version = answers[winner].json.version;
  }
  oneWinner(await race(() => strategy.del(`/api/v1/swot/${item.json.id}?version=${version}`)), { ok: [204], lost: [409, 404] });
  assert.equal(Number(runSql(server.db.url,
    `SELECT count(*) FROM audit_log WHERE entity = 'swot_item' AND entity_id = '${item.json.id}'`)), ROUNDS + 2);
});

test('agencies: one of 8 same-version edits wins', async () => {
  let agency = (await admin.get('/api/v1/agencies/TRAT-MOTS')).json;
  for (let round = 0; round < ROUNDS; round += 1) {
    const answers = await race((i) => admin.patch('/api/v1/agencies/TRAT-MOTS',
      { version: agency.version, name_en: `Tourism and Sports ${round}/${i}` }));
    const winner = oneWinner(answers);
    agency = (await admin.get('/api/v1/agencies/TRAT-MOTS')).json;
    assert.equal(agency.name_en, `Tourism and Sports ${round}/${winner}`);
  }
});

test('votes sent at once all count: vote_count equals the votes accepted', async () => {
  const voters = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    server.addUser(`voter${i}`, 'public', 'รหัสผ่านทดสอบ-2568');
    voters.push(await server.login(`voter${i}`, 'รหัสผ่านทดสอบ-2568'));
  }
  const votes = (id) => Number(runSql(server.db.url, `SELECT count(*) FROM need_vote WHERE need_id = ${id}`));
  for (let round = 0; round < ROUNDS; round += 1) {
    const need = await newNeed({ title: `ความต้องการรอบโหวต ${round}` });
    const cast = await Promise.all(voters.map((v) => v.post(`/api/v1/needs/${need.id}/votes`)));
    assert.deepEqual(cast.map((r) => r.status), voters.map(() => 201), cast.map((r) => r.text).join('\n'));
    assert.equal((await needRow(need.id)).vote_count, CLIENTS);
    assert.equal(votes(need.id), CLIENTS);
    // The same voter twice at once: one vote counts, the other is already_voted.
    await voters[0].del(`/api/v1/needs/${need.id}/votes`);
    const twice = await Promise.all([0, 1, 2].map(() => voters[0].post(`/api/v1/needs/${need.id}/votes`)));
    oneWinner(twice, { ok: [201] });
    // Half withdraw while the other half vote again (already voted: 409).
    const mixed = await Promise.all(voters.map((v, i) => (i % 2 === 0
      ? v.del(`/api/v1/needs/${need.id}/votes`) : v.post(`/api/v1/needs/${need.id}/votes`))));
    assert.deepEqual(mixed.map((r) => r.status), voters.map((_, i) => (i % 2 === 0 ? 200 : 409)));
    const shown = (await needRow(need.id)).vote_count;
    assert.equal(shown, CLIENTS / 2);
    assert.equal(shown, votes(need.id), 'vote_count equals the need_vote rows');
  }
});
