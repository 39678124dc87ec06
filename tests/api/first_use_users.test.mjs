// Issue 14 (first use): the admin manages users over the API — list, add, change
// role and scope, disable (sessions end at once), enable, reset the password — with
// the audit trail; others get 403; rules refuse bad values with the field named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let admin;
before(async () => {
  server = await startServer({ demo: true });
  admin = await server.login('admin');
});
after(async () => { await server?.stop(); });

async function addUser(body) {
  return admin.post('/api/v1/users', { password: 'first-use-2568', ...body });
}

test('the admin adds a user who can then sign in; the list shows names for codes', async () => {
  const r = await addUser({ username: 'fu-officer', display_name: 'สมหญิง ใจดี', role: 'agency_officer',
    agency_code: 'TRAT-PO', area_code: '2301' });
  assert.equal(r.status, 201);
  assert.ok(Number.isInteger(r.json.id) && r.json.id > 0);
  const list = await admin.get('/api/v1/users');
  assert.equal(list.status, 200);
  const listed = list.json.users.find((u) => u.id === r.json.id);
  assert.equal(listed.username, 'fu-officer');
  assert.equal(listed.display_name, 'สมหญิง ใจดี');
  assert.equal(listed.role, 'agency_officer');
  assert.equal(listed.agency_name_th, 'สำนักงานจังหวัดตราด');
  assert.match(listed.area_name_th, /เมืองตราด/);
  assert.equal(listed.disabled, false);
  const one = await admin.get(`/api/v1/users/${r.json.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.version, listed.version);
  const signedIn = await server.login('fu-officer', 'first-use-2568');
  assert.equal((await signedIn.get('/api/v1/auth/me')).json.user.display_name, 'สมหญิง ใจดี');
});

test('bad values are refused with each field named in Thai and English', async () => {
  const r = await addUser({ username: 'Bad Name', display_name: 'x', role: 'agency_officer',
    area_code: '9999', password: 'short' });
  assert.equal(r.status, 422);
  assert.equal(r.json.error.code, 'invalid_user');
  for (const field of ['username', 'agency_code', 'area_code', 'password']) {
    assert.ok(r.json.error.fields[field]?.th, `${field} named in Thai`);
    assert.ok(r.json.error.fields[field]?.en, `${field} named in English`);
  }
  const role = await addUser({ username: 'fu-role', role: 'emperor' });
  assert.equal(role.status, 400);
  assert.ok(role.json.error.fields.role);
  const duplicate = await addUser({ username: 'strategy', role: 'executive' });
  assert.equal(duplicate.status, 409);
});

test('only the admin manages users', async () => {
  const officer = await server.login('strategy');
  assert.equal((await officer.get('/api/v1/users')).status, 403);
  assert.equal((await officer.post('/api/v1/users', { username: 'fu-x', role: 'executive',
    password: 'first-use-2568' })).status, 403);
  const id = (await admin.get('/api/v1/users')).json.users.find((u) => u.username === 'auditor').id;
  assert.equal((await officer.patch(`/api/v1/users/${id}`, { role: 'admin' })).status, 403);
  assert.equal((await officer.post(`/api/v1/users/${id}/password`, { password: 'first-use-2568' })).status, 403);
  assert.equal((await server.client().get('/api/v1/users')).status, 401);
  assert.equal((await admin.get('/api/v1/users/999999')).status, 404);
  assert.equal((await admin.patch('/api/v1/users/999999', { disabled: true })).status, 404);
});

test('role and scope change with the version; a stale version is 409; the audit log has it', async () => {
  const created = await addUser({ username: 'fu-scope', display_name: 'ผู้ทดสอบ', role: 'executive' });
  const id = created.json.id;
  const current = (await admin.get(`/api/v1/users/${id}`)).json;
  const r = await admin.patch(`/api/v1/users/${id}`, { role: 'agency_officer', agency_code: 'TRAT-PO',
    version: current.version });
  assert.equal(r.status, 200);
  assert.equal(r.json.role, 'agency_officer');
  assert.equal(r.json.agency_code, 'TRAT-PO');
  assert.equal(r.json.version, current.version + 1);
  const stale = await admin.patch(`/api/v1/users/${id}`, { display_name: 'อื่น', version: current.version });
  assert.equal(stale.status, 409);
  assert.equal((await admin.get(`/api/v1/users/${id}`)).json.display_name, 'ผู้ทดสอบ');
  // An agency officer without an agency: 422 naming agency_code.
  const cleared = await admin.patch(`/api/v1/users/${id}`, { agency_code: null });
  assert.equal(cleared.status, 422);
  assert.ok(cleared.json.error.fields.agency_code.th);
  const audit = await admin.get(`/api/v1/audit?entity=user`);
  const entry = audit.json.entries.find((e) => e.entity_id === String(id) && e.action === 'update');
  assert.ok(entry, 'the change is audited');
  assert.equal(entry.user, 'admin');
  assert.equal(entry.user_name, (await admin.get('/api/v1/auth/me')).json.user.display_name);
  const role = entry.changes.find((c) => c.field === 'role');
  assert.equal(role.label_th, 'บทบาท');
  assert.equal(role.before_th, 'ผู้บริหาร');
  assert.equal(role.after_th, 'เจ้าหน้าที่หน่วยงาน');
});

test('a disabled user cannot sign in and their session ends at once; enabling restores it', async () => {
  const created = await addUser({ username: 'fu-disabled', role: 'executive' });
  const id = created.json.id;
  const user = await server.login('fu-disabled', 'first-use-2568');
  assert.equal((await user.get('/api/v1/auth/me')).status, 200);
  const r = await admin.patch(`/api/v1/users/${id}`, { disabled: true });
  assert.equal(r.status, 200);
  assert.equal(r.json.disabled, true);
  assert.equal((await user.get('/api/v1/auth/me')).status, 401, 'the open session ended');
  const again = await server.client().post('/api/v1/auth/login', { username: 'fu-disabled', password: 'first-use-2568' });
  assert.equal(again.status, 401);
  const audit = await admin.get('/api/v1/audit?entity=user');
  assert.ok(audit.json.entries.some((e) => e.entity_id === String(id) && e.action === 'disable'));
  assert.equal((await admin.patch(`/api/v1/users/${id}`, { disabled: false })).status, 200);
  await server.login('fu-disabled', 'first-use-2568');
});

test('the admin cannot disable themselves or change their own role', async () => {
  const me = (await admin.get('/api/v1/auth/me')).json.user;
  const r = await admin.patch(`/api/v1/users/${me.id}`, { disabled: true, role: 'executive' });
  assert.equal(r.status, 422);
  assert.ok(r.json.error.fields.disabled);
  assert.ok(r.json.error.fields.role);
  assert.equal((await admin.get('/api/v1/auth/me')).status, 200);
});

test('a password reset ends the sessions; only the new password works', async () => {
  const created = await addUser({ username: 'fu-reset', role: 'executive' });
  const id = created.json.id;
  const user = await server.login('fu-reset', 'first-use-2568');
  const short = await admin.post(`/api/v1/users/${id}/password`, { password: 'short' });
  assert.equal(short.status, 422);
  assert.ok(short.json.error.fields.password.th);
  const r = await admin.post(`/api/v1/users/${id}/password`, { password: 'a-new-password-2568' });
  assert.equal(r.status, 204);
  assert.equal((await user.get('/api/v1/auth/me')).status, 401);
  const old = await server.client().post('/api/v1/auth/login', { username: 'fu-reset', password: 'first-use-2568' });
  assert.equal(old.status, 401);
  await server.login('fu-reset', 'a-new-password-2568');
});

test('a tourism community is the scope of a community manager only: on another role, or not an id, 422 naming community_id, and no user is added', async () => {
  const before = (await admin.get('/api/v1/users')).json.users.length;
  const onOfficer = await addUser({ username: 'fu-community-officer', role: 'agency_officer',
    agency_code: 'TRAT-PO', community_id: 1 });
  assert.equal(onOfficer.status, 422);
  assert.ok(onOfficer.json.error.fields.community_id, JSON.stringify(onOfficer.json));
  const notAnId = await addUser({ username: 'fu-community-zero', role: 'community_manager', community_id: 0 });
  assert.equal(notAnId.status, 422);
  assert.ok(notAnId.json.error.fields.community_id, JSON.stringify(notAnId.json));
  assert.equal((await admin.get('/api/v1/users')).json.users.length, before);
});
