// Sign-in, sessions, CSRF, sign-in throttling and the command line's user management.
import http from 'node:http';
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

// Sign-in from a chosen source address: every 127.x address is this machine, so the
// server sees distinct peers without trusting any X-Forwarded-For header.
function loginFrom(address, username, password) {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const body = JSON.stringify({ username, password });
    const request = http.request({
      host: url.hostname, port: url.port, path: '/api/v1/auth/login', method: 'POST', localAddress: address,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, json: text ? JSON.parse(text) : null }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
const waitSeconds = (r) => Number(/wait (\d+) seconds/.exec(r.json.error.message_en)?.[1]);
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

test('failed sign-ins from one address back that address off; the account stays open elsewhere', async () => {
  server.addUser('throttled', 'executive', 'correct-horse-1');
  const attacker = '127.0.0.3';
  const owner = '127.0.0.4';
  // Two failures are free, then the address waits; attempts meanwhile are refused
  // before any password check, the right password included.
  for (let i = 0; i < 2; i++) assert.equal((await loginFrom(attacker, 'throttled', `wrong-${i}-xx`)).status, 401);
  for (let i = 2; i < 6; i++) {
    const r = await loginFrom(attacker, 'throttled', `wrong-${i}-xx`);
    assert.equal(r.status, 429);
    assert.ok(r.json.error.message_th.length > 0);
    assert.ok(waitSeconds(r) >= 1 && waitSeconds(r) <= 2, r.json.error.message_en);
  }
  assert.equal((await loginFrom(attacker, 'throttled', 'correct-horse-1')).status, 429);

  // The rightful user, from an address without failures, signs in.
  const mine = await loginFrom(owner, 'throttled', 'correct-horse-1');
  assert.equal(mine.status, 200, JSON.stringify(mine.json));
  assert.equal(mine.json.user.username, 'throttled');

  // After the wait, one more failure doubles it (2 s -> 4 s).
  await sleep(2100);
  assert.equal((await loginFrom(attacker, 'throttled', 'wrong-again-xx')).status, 401);
  const longer = await loginFrom(attacker, 'throttled', 'correct-horse-1');
  assert.equal(longer.status, 429);
  assert.ok(waitSeconds(longer) >= 3 && waitSeconds(longer) <= 4, longer.json.error.message_en);

  // The operator's way to lift it at once.
  const unlock = runCli(['user', 'unlock', 'throttled', '--db', server.db.url]);
  assert.equal(unlock.status, 0, unlock.stderr);
  assert.match(unlock.stdout, /forgotten: 3/);
  assert.equal((await loginFrom(attacker, 'throttled', 'correct-horse-1')).status, 200);
});

test('an address that fails on many accounts is refused for all of them, other addresses are not', async () => {
  const spray = '127.0.0.5';
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 2; j++) assert.equal((await loginFrom(spray, `guess-${i}`, `wrong-${j}-xx`)).status, 401);
  }
  const refused = await loginFrom(spray, 'executive', demoPassword);
  assert.equal(refused.status, 429);
  assert.equal((await loginFrom('127.0.0.6', 'executive', demoPassword)).status, 200);
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
