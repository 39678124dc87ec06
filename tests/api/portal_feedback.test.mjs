// The public portal: projects by district with progress and money, a project's page,
// and public feedback - form token, rating 1-5, masking of phone and ID numbers before
// storing, moderation (approve with an answer, reject, refer to ศูนย์ดำรงธรรม), the
// receipt that follows the answer. Tests run in order on one server with demo data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let anonymous;
let strategy;
let agency;
let project; // a demo project on the portal
before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
  strategy = await server.login('strategy');
  agency = await server.login('agency');
});
after(async () => { await server?.stop(); });

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th && r.json.error.message_en, 'Thai and English messages');
  if (code) assert.equal(r.json.error.code, code);
  if (field) assert.ok(r.json.error.fields?.[field]?.th, `field ${field}: ${r.text}`);
}

async function form(elementId = project.element_id) {
  const r = await anonymous.get(`/api/v1/public/projects/${elementId}/feedback/form`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

async function post(body, client = anonymous, elementId = project.element_id) {
  return client.post(`/api/v1/public/projects/${elementId}/feedback`, body);
}

const count = (where) => Number(runSql(server.db.url, `SELECT count(*) FROM portal_feedback WHERE ${where}`));

test('the project list answers without sign-in: progress, money and ratings', async () => {
  const r = await anonymous.get('/api/v1/public/projects');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.length >= 10, 'the demo action plan has projects');
  for (const item of r.json.items) {
    assert.equal(typeof item.element_id, 'number');
    assert.ok(item.name_th);
    assert.ok(Number.isInteger(item.allocated_satang) && Number.isInteger(item.disbursed_satang));
    assert.ok(item.physical_percent === null || typeof item.physical_percent === 'number');
    assert.equal(typeof item.rating.average, 'number');
    assert.equal(typeof item.rating.count, 'number');
  }
  assert.ok(r.json.items.some((i) => i.allocated_satang > 0), 'money allocated is shown');
  assert.ok(r.json.items.some((i) => i.physical_percent !== null), 'progress is shown');
  const rated = r.json.items.find((i) => i.rating.count > 0);
  assert.ok(rated, 'the demo feedback rates a project');
  assert.ok(rated.rating.average >= 1 && rated.rating.average <= 5);
  project = r.json.items.find((i) => i.districts.length > 0) ?? r.json.items[0];
});

test('a district lists only its projects; an unknown district is a 400 naming the field', async () => {
  const district = project.districts[0];
  assert.ok(district, 'a demo project has a district');
  const r = await anonymous.get(`/api/v1/public/projects?district=${district}`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.length >= 1);
  for (const item of r.json.items) assert.ok(item.districts.includes(district), JSON.stringify(item));
  const all = await anonymous.get('/api/v1/public/projects');
  assert.ok(r.json.items.length <= all.json.items.length);
  assertError(await anonymous.get('/api/v1/public/projects?district=9999'), 400, null, 'district');
});

test('a project page shows procurement and approved comments only, and the complaint centre', async () => {
  const r = await anonymous.get(`/api/v1/public/projects/${project.element_id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.element_id, project.element_id);
  assert.ok(Array.isArray(r.json.procurements));
  assert.match(r.json.complaint_notice_th, /ศูนย์ดำรงธรรม/);
  assert.equal((await anonymous.get('/api/v1/public/projects/999999999')).status, 404);
  const overview = await anonymous.get('/api/v1/public/overview');
  assert.equal(overview.status, 200, overview.text);
  assert.ok(overview.json.projects >= 1);
});

test('the demo feedback is approved, marked demo, and its phone number is masked', async () => {
  const rated = (await anonymous.get('/api/v1/public/projects')).json.items.filter((i) => i.rating.count > 0);
  let comments = [];
  for (const item of rated) comments = comments.concat((await anonymous.get(`/api/v1/public/projects/${item.element_id}`)).json.comments);
  assert.ok(comments.length >= 3);
  for (const c of comments) {
    assert.equal(c.demo, true);
    assert.doesNotMatch(c.comment_th, /081-234-5678/);
  }
  assert.ok(comments.some((c) => c.comment_th.includes('xxx-xxx-xxxx')));
});

test('no form token is refused (400, field form_token) and nothing is stored', async () => {
  const before = count('1 = 1');
  assertError(await post({ rating: 4, comment_th: 'ดี' }), 400, null, 'form_token');
  assertError(await post({ rating: 4, comment_th: 'ดี', form_token: 'forged.token.x' }), 400, 'invalid_form_token', 'form_token');
  assert.equal(count('1 = 1'), before);
});

test('a rating outside 1-5 is a 422 naming the field; nothing is stored', async () => {
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const before = count('1 = 1');
  for (const rating of [0, 6, -1]) assertError(await post({ rating, comment_th: 'x', form_token: f.form_token }), 422, 'rating_out_of_range', 'rating');
  assert.equal(count('1 = 1'), before);
});

test('a form sent faster than a person can fill it is refused', async () => {
  const f = await form();
  assertError(await post({ rating: 3, form_token: f.form_token }), 422, 'form_filled_too_fast');
});

let receipt;
let feedbackId;
test('feedback is held with a receipt; phone and ID numbers are masked before storing', async () => {
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const comment = 'ถนนเสร็จช้า โทรหาผมที่ 081 234 5678 หรือ ๐๘๑-๒๓๔-๕๖๗๘ บัตร 1-2345-67890-12-3 ปี 2568';
  const r = await post({ rating: 2, comment_th: comment, form_token: f.form_token });
  assert.equal(r.status, 202, r.text);
  assert.ok(r.json.receipt && r.json.receipt.length >= 12);
  assert.equal(r.json.status, 'held');
  assert.doesNotMatch(r.json.comment_th, /081 234 5678|๐๘๑|12345|67890/);
  assert.match(r.json.comment_th, /2568/, 'a year is not a phone number');
  receipt = r.json.receipt;
  const stored = runSql(server.db.url, "SELECT comment_th FROM portal_feedback WHERE status = 'held' ORDER BY id DESC LIMIT 1");
  assert.doesNotMatch(stored, /5678|๕๖๗๘|67890/, 'the database never holds the numbers');
  // The same form cannot be sent twice.
  assertError(await post({ rating: 2, form_token: f.form_token }), 409, 'form_already_submitted');
  const follow = await anonymous.get(`/api/v1/public/feedback/${receipt}`);
  assert.equal(follow.status, 200, follow.text);
  assert.equal(follow.json.status, 'held');
  assert.equal(follow.json.answer_th, null);
  assert.equal((await anonymous.get('/api/v1/public/feedback/nosuchreceipt')).status, 404);
  const page = await anonymous.get(`/api/v1/public/projects/${project.element_id}`);
  assert.ok(!page.json.comments.some((c) => c.comment_th.includes('ถนนเสร็จช้า')), 'held feedback is not shown');
});

test('only the strategy office and admins moderate', async () => {
  assertError(await anonymous.get('/api/v1/portal/feedback'), 401);
  assertError(await agency.get('/api/v1/portal/feedback'), 403);
  const r = await strategy.get('/api/v1/portal/feedback');
  assert.equal(r.status, 200, r.text);
  const held = r.json.items.find((i) => i.comment_th.includes('ถนนเสร็จช้า'));
  assert.ok(held);
  feedbackId = held.id;
  assertError(await agency.post(`/api/v1/portal/feedback/${feedbackId}/moderation`, { decision: 'approve', version: held.version }), 403);
});

test('approval with an answer: shown publicly, the receipt shows the answer without the phone number', async () => {
  const held = (await strategy.get('/api/v1/portal/feedback')).json.items.find((i) => i.id === feedbackId);
  assertError(await strategy.post(`/api/v1/portal/feedback/${feedbackId}/moderation`, { decision: 'approve', version: held.version + 5 }), 409, 'stale_version');
  assertError(await strategy.post(`/api/v1/portal/feedback/${feedbackId}/moderation`, { decision: 'maybe', version: held.version }), 400, null, 'decision');
  const listed = async () => (await anonymous.get('/api/v1/public/projects')).json.items.find((i) => i.element_id === project.element_id).rating.count;
  const countBefore = await listed();
  const answer = 'ขอบคุณครับ ผู้รับเหมาเร่งงานแล้ว เราจะโทรกลับที่ 0812345678';
  const r = await strategy.post(`/api/v1/portal/feedback/${feedbackId}/moderation`, { decision: 'approve', answer_th: answer, version: held.version });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'approved');
  assert.doesNotMatch(r.json.answer_th, /0812345678/);
  const follow = await anonymous.get(`/api/v1/public/feedback/${receipt}`);
  assert.equal(follow.json.status, 'approved');
  assert.match(follow.json.answer_th, /ผู้รับเหมาเร่งงานแล้ว/);
  assert.doesNotMatch(follow.text, /5678|๕๖๗๘/);
  const page = await anonymous.get(`/api/v1/public/projects/${project.element_id}`);
  const shown = page.json.comments.find((c) => c.comment_th.includes('ถนนเสร็จช้า'));
  assert.ok(shown);
  assert.deepEqual(Object.keys(shown).sort(), ['answer_th', 'comment_th', 'created_at', 'demo', 'rating']);
  assert.ok(page.json.rating.count >= 1);
  assert.equal(await listed(), countBefore + 1, 'the list counts the newly approved rating at once');
  assert.equal(await listed(), page.json.rating.count);
  // Moderated once only.
  assertError(await strategy.post(`/api/v1/portal/feedback/${feedbackId}/moderation`, { decision: 'reject', version: r.json.version }), 422, 'not_held');
});

test('a complaint is referred to ศูนย์ดำรงธรรม: not shown, the receipt points there', async () => {
  const f = await form();
  await sleep(f.min_fill_seconds * 1000 + 200);
  const r = await post({ rating: 1, comment_th: 'เจ้าหน้าที่เรียกเงินใต้โต๊ะ', form_token: f.form_token });
  assert.equal(r.status, 202, r.text);
  const held = (await strategy.get('/api/v1/portal/feedback')).json.items.find((i) => i.comment_th.includes('ใต้โต๊ะ'));
  const m = await strategy.post(`/api/v1/portal/feedback/${held.id}/moderation`, { decision: 'refer', version: held.version });
  assert.equal(m.status, 200, m.text);
  assert.equal(m.json.status, 'referred');
  const follow = await anonymous.get(`/api/v1/public/feedback/${r.json.receipt}`);
  assert.match(follow.json.answer_th, /ศูนย์ดำรงธรรม/);
  assert.match(follow.json.answer_th, /1567/);
  const page = await anonymous.get(`/api/v1/public/projects/${project.element_id}`);
  assert.ok(!page.json.comments.some((c) => c.comment_th.includes('ใต้โต๊ะ')));
});
