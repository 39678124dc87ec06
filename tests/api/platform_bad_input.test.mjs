// Bad input of every kind gets a clear Thai/English error, the server keeps serving,
// and nothing stored changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, engine, freshDatabase } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let admin;
before(async () => {
  server = await startServer({ demo: true });
  admin = await server.login('admin');
});
after(async () => { await server?.stop(); });

function assertError(r, status, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json.error.message_th, 'Thai message');
  assert.ok(r.json.error.message_en, 'English message');
  assert.ok(r.json.error.request_id, 'request id');
  if (field) {
    assert.ok(r.json.error.fields[field], `field ${field} in ${JSON.stringify(r.json.error.fields)}`);
    assert.ok(r.json.error.fields[field].th && r.json.error.fields[field].en);
  }
}

async function agency(code) { return (await admin.get(`/api/v1/agencies/${code}`)).json; }

test('malformed JSON', async () => {
  const r = await admin.request('PATCH', '/api/v1/agencies/TRAT-MOL', { body: '{"version": 1,', raw: true, headers: { 'content-type': 'application/json' } });
  assertError(r, 400);
  assert.equal(r.json.error.code, 'malformed_json');
});

test('wrong types, missing and unknown fields are each named', async () => {
  const before = await agency('TRAT-MOL');
  const r = await admin.patch('/api/v1/agencies/TRAT-MOL', { version: 'one', name_th: 42, colour: 'red' });
  assertError(r, 400, 'version');
  assert.ok(r.json.error.fields.name_th);
  assert.ok(r.json.error.fields.colour, 'unknown field');
  const missing = await admin.patch('/api/v1/agencies/TRAT-MOL', { name_th: 'ไม่มีเวอร์ชัน' });
  assertError(missing, 400, 'version');
  const notObject = await admin.patch('/api/v1/agencies/TRAT-MOL', [1, 2, 3]);
  assertError(notObject, 400);
  assert.deepEqual(await agency('TRAT-MOL'), before);
});

test('text over limits is refused', async () => {
  const before = await agency('TRAT-MOL');
  const r = await admin.patch('/api/v1/agencies/TRAT-MOL', { version: before.version, name_th: 'ก'.repeat(301) });
  assertError(r, 400, 'name_th');
  assert.deepEqual(await agency('TRAT-MOL'), before);
});

test('oversized bodies get 413 and the server keeps serving', async () => {
  const huge = JSON.stringify({ version: 1, name_th: 'x'.repeat(2 * 1024 * 1024) });
  const r = await admin.request('PATCH', '/api/v1/agencies/TRAT-MOL', { body: huge, raw: true, headers: { 'content-type': 'application/json' } }).catch((e) => ({ status: 413, error: e }));
  assert.equal(r.status, 413);
  assert.equal((await server.client().get('/healthz')).status, 200);
});

test('wrong content type gets 415', async () => {
  const r = await admin.request('PATCH', '/api/v1/agencies/TRAT-MOL', { body: 'version=1', raw: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assertError(r, 415);
});

test('SQL metacharacters, Thai and emoji are stored exactly, nothing else changes', async () => {
  const count = runSql(server.db.url, 'SELECT COUNT(*) FROM agency');
  const before = await agency('TRAT-ENERGY');
  const nasty = `สำนักงานพลังงาน'); DROP TABLE agency; -- "quote" \\ 🌊🏝️ %_ ๑๒๓`;
  const r = await admin.patch('/api/v1/agencies/TRAT-ENERGY', { version: before.version, name_th: nasty, name_en: "O'Brien; DELETE FROM app_user; --" });
  assert.equal(r.status, 200, r.text);
  const after = await agency('TRAT-ENERGY');
  assert.equal(after.name_th, nasty);
  assert.equal(after.name_en, "O'Brien; DELETE FROM app_user; --");
  assert.equal(runSql(server.db.url, 'SELECT COUNT(*) FROM agency'), count);
  const login = await server.client().post('/api/v1/auth/login', { username: "admin' OR '1'='1", password: "x' OR '1'='1" });
  assertError(login, 401);
});

test('a second writer with a stale version gets 409 and changes nothing', async () => {
  const first = await agency('TRAT-CGD');
  const other = await server.login('admin');
  const win = await admin.patch('/api/v1/agencies/TRAT-CGD', { version: first.version, name_en: 'Winner' });
  assert.equal(win.status, 200);
  const lose = await other.patch('/api/v1/agencies/TRAT-CGD', { version: first.version, name_en: 'Loser' });
  assertError(lose, 409);
  assert.equal(lose.json.error.code, 'stale_version');
  const now = await agency('TRAT-CGD');
  assert.equal(now.name_en, 'Winner');
  assert.equal(now.version, first.version + 1);
});

test('rights: anonymous 401, wrong role 403, nothing changes', async () => {
  const before = await agency('TRAT-MOL');
  assertError(await server.client().patch('/api/v1/agencies/TRAT-MOL', { version: before.version, name_en: 'x' }), 401);
  const strategy = await server.login('strategy');
  assertError(await strategy.patch('/api/v1/agencies/TRAT-MOL', { version: before.version, name_en: 'x' }), 403);
  assert.deepEqual(await agency('TRAT-MOL'), before);
});

test('a database file that is not SQLite is refused and left untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'changwat-notdb-'));
  const file = join(dir, 'notes.db');
  const content = 'นี่ไม่ใช่ฐานข้อมูล — this is not a database\n'.repeat(200);
  writeFileSync(file, content);
  const r = runCli(['serve', '--db', `sqlite:${file}`, '--port', '0']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /SQLite/);
  assert.equal(r.stdout, '', 'never announced listening');
  assert.equal(readFileSync(file, 'utf8'), content);
  rmSync(dir, { recursive: true, force: true });
});

test('a PostgreSQL server that is down at start gives a clear error', () => {
  const r = runCli(['serve', '--db', 'postgresql://postgres@127.0.0.1:1/changwat', '--port', '0']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /ข้อผิดพลาด/);
  assert.match(r.stderr, /error:/);
  assert.equal(r.stdout, '');
});

test('a database newer than the binary is refused', () => {
  const db = freshDatabase();
  try {
    assert.equal(runCli(['migrate', '--db', db.url]).status, 0);
    runSql(db.url, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'x', '2099-01-01T00:00:00Z')");
    const r = runCli(['serve', '--db', db.url, '--port', '0']);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /newer|ใหม่กว่า/);
  } finally { db.cleanup(); }
});

test('PostgreSQL going away mid-session: errors are clear, then service resumes',
  { skip: engine() !== 'postgres' && 'runs on the PostgreSQL engine (scripts/test.sh runs both)' }, async () => {
    const dbName = new URL(server.db.url).pathname.slice(1);
    runSql(process.env.CHANGWAT_TEST_POSTGRES_URL,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`);
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const r = await server.client().get('/healthz');
      statuses.push(r.status);
      if (r.status === 503) assert.equal(r.json.status, 'unavailable');
    }
    assert.ok(statuses.every((s) => s === 200 || s === 503), statuses.join(','));
    assert.equal(statuses.at(-1), 200, 'recovers');
    const areas = await server.client().get('/api/v1/agencies');
    assert.equal(areas.status, 200);
    assert.equal((await admin.get('/api/v1/auth/me')).status, 200, 'sessions survive in the database');
  });
