// Sign-in, sessions, CSRF, rate limits and the command line's user management.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, demoPassword } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
before(async () => { server = await startServer({ demo: true }); });
after(async () => { await server?.stop(); });

test('sign-in sets an HttpOnly session cookie and returns a CSRF token', async () => {
  const c = server.client();
  const r = await c.post('/api/v1/auth/login', { username: 'strategy', password: demoPassword });
  assert.equal(r.status, 200);
  assert.equal(r.json.user.username, 'strategy');
  assert.equal(r.json.user.role, 'strategy_officer');
  assert.ok(r.json.csrf_token.length >= 20);
  const cookie = r.headers.getSetCookie().find((x) => x.startsWith('changwat_session='));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=(Lax|Strict)/);
  assert.doesNotMatch(cookie, /Secure/, 'not behind TLS here');
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.username, 'strategy');
  assert.equal(me.json.csrf_token, r.json.csrf_token);
  // Only a hash of the token is stored.
  const token = cookie.split(';')[0].split('=')[1];
  assert.equal(runSql(server.db.url, `SELECT COUNT(*) FROM user_session WHERE token_hash = '${token}'`), '0');
});

test('unknown user and wrong password get the same answer', async () => {
  const a = await server.client().post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever-123' });
  const b = await server.client().post('/api/v1/auth/login', { username: 'executive', password: 'wrong-password' });
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.equal(a.json.error.code, b.json.error.code);
  assert.equal(a.json.error.message_th, b.json.error.message_th);
  assert.equal(a.json.error.message_en, b.json.error.message_en);
});

test('unsafe requests need the CSRF token once signed in', async () => {
  const admin = await server.login('admin');
  const agencies = (await admin.get('/api/v1/agencies')).json.agencies;
  const agency = agencies.find((a) => a.code === 'TRAT-NSO');
  const without = await admin.patch(`/api/v1/agencies/${agency.code}`, { version: agency.version, name_en: 'Changed' },
    { headers: { 'x-csrf-token': 'forged' } });
  assert.equal(without.status, 403);
  assert.equal(without.json.error.code, 'csrf');
  const crossSite = await admin.patch(`/api/v1/agencies/${agency.code}`, { version: agency.version, name_en: 'Changed' },
    { headers: { origin: 'https://evil.example' } });
  assert.equal(crossSite.status, 403);
  const unchanged = await admin.get(`/api/v1/agencies/${agency.code}`);
  assert.equal(unchanged.json.name_en, agency.name_en);
  assert.equal(unchanged.json.version, agency.version);
});

test('a forged or expired session is not signed in', async () => {
  const forged = server.client();
  forged.cookies.set('changwat_session', 'forged-token-value');
  assert.equal((await forged.get('/api/v1/auth/me')).status, 401);

  const c = await server.login('auditor');
  assert.equal((await c.get('/api/v1/auth/me')).status, 200);
  runSql(server.db.url, "UPDATE user_session SET expires_at = '2000-01-01T00:00:00Z'");
  const r = await c.get('/api/v1/auth/me');
  assert.equal(r.status, 401);
  assert.ok(r.json.error.message_th && r.json.error.message_en);
});

test('sign-out ends the session', async () => {
  const c = await server.login('executive');
  const r = await c.post('/api/v1/auth/logout');
  assert.equal(r.status, 204);
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('sign-in attempts are rate-limited per account', async () => {
  server.addUser('ratelimited', 'executive', 'correct-horse-1');
  for (let i = 0; i < 5; i++) {
    const r = await server.client().post('/api/v1/auth/login', { username: 'ratelimited', password: `wrong-${i}-xx` });
    assert.equal(r.status, 401);
  }
  const blocked = await server.client().post('/api/v1/auth/login', { username: 'ratelimited', password: 'correct-horse-1' });
  assert.equal(blocked.status, 429);
  assert.ok(blocked.json.error.message_th.length > 0);
});

test('audit log: admin and auditor only, newest first, with before and after', async () => {
  const admin = await server.login('admin');
  const agency = (await admin.get('/api/v1/agencies/TRAT-PRD')).json;
  const r = await admin.patch('/api/v1/agencies/TRAT-PRD', { version: agency.version, name_en: 'Trat Public Relations Office (PR)' });
  assert.equal(r.status, 200);
  assert.equal(r.json.version, agency.version + 1);
  const auditor = await server.login('auditor');
  const log = await auditor.get('/api/v1/audit?entity=agency');
  assert.equal(log.status, 200);
  const entry = log.json.entries[0];
  assert.equal(entry.user, 'admin');
  assert.equal(entry.entity_id, 'TRAT-PRD');
  assert.equal(entry.before.name_en, agency.name_en);
  assert.equal(entry.after.name_en, 'Trat Public Relations Office (PR)');
  assert.match(entry.at, /^\d{4}-\d\d-\d\dT/);
  const all = (await auditor.get('/api/v1/audit')).json.entries;
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].id > all[i].id, 'newest first');
  const byUser = (await auditor.get('/api/v1/audit?user=admin')).json.entries;
  assert.ok(byUser.length > 0 && byUser.every((e) => e.user === 'admin'));
  const strategy = await server.login('strategy');
  assert.equal((await strategy.get('/api/v1/audit')).status, 403);
  assert.equal((await server.client().get('/api/v1/audit')).status, 401);
  const badDate = await auditor.get('/api/v1/audit?from=25-01-2568');
  assert.equal(badDate.status, 400);
  assert.ok(badDate.json.error.fields.from);
});

test('the audit log cannot be changed even directly in the database', () => {
  assert.throws(() => runSql(server.db.url, 'DELETE FROM audit_log'), /append-only/);
});

test('command line: user add reads the password from stdin; passwd; disable', async () => {
  const db = ['--db', server.db.url];
  const add = runCli(['user', 'add', 'somchai', '--role', 'agency_officer', '--agency', 'TRAT-FISH', ...db], { input: 'ปลาทูแม่กลอง-2568\n' });
  assert.equal(add.status, 0, add.stderr);
  const c = await server.login('somchai', 'ปลาทูแม่กลอง-2568');
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.json.user.agency_code, 'TRAT-FISH');

  const dup = runCli(['user', 'add', 'somchai', '--role', 'executive', ...db], { input: 'another-pass-1\n' });
  assert.notEqual(dup.status, 0);
  assert.match(dup.stderr, /already taken/);

  const badRole = runCli(['user', 'add', 'x-user', '--role', 'king', ...db], { input: 'another-pass-1\n' });
  assert.notEqual(badRole.status, 0);
  assert.match(badRole.stderr, /unknown role/);

  const short = runCli(['user', 'add', 'shorty', '--role', 'executive', ...db], { input: 'abc\n' });
  assert.notEqual(short.status, 0);
  assert.match(short.stderr, /8–256/);

  const passwd = runCli(['user', 'passwd', 'somchai', ...db], { input: 'new-password-2569\n' });
  assert.equal(passwd.status, 0, passwd.stderr);
  assert.equal((await c.get('/api/v1/auth/me')).status, 401, 'old sessions end with a new password');
  await server.login('somchai', 'new-password-2569');

  const disable = runCli(['user', 'disable', 'somchai', ...db]);
  assert.equal(disable.status, 0, disable.stderr);
  const r = await server.client().post('/api/v1/auth/login', { username: 'somchai', password: 'new-password-2569' });
  assert.equal(r.status, 401);
});
