// Start-up errors say what is wrong: libpq's own message for PostgreSQL (server
// unreachable, database or role missing), the path, its permissions and the user
// changwat runs as for a database file or folder it may not write. The command
// exits non-zero and never says "internal error" or "try again later" alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { binary, runCli } from '../lib/server.mjs';

// Permission bits do not bind root, so as root the command runs as `nobody`.
function runAsUnprivileged(args) {
  const command = process.getuid() === 0
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', binary, ...args]]
    : [binary, args];
  const r = spawnSync(command[0], command[1], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertExplained(result, ...causes) {
  assert.notEqual(result.status, 0, `must exit non-zero: ${result.stdout}${result.stderr}`);
  assert.match(result.stderr, /ข้อผิดพลาด: .+\nerror: .+/, 'Thai and English');
  assert.doesNotMatch(result.stderr, /An internal error occurred/);
  for (const cause of causes) assert.match(result.stderr, cause, result.stderr);
}

test('an unreachable PostgreSQL server: libpq says where and why', () => {
  const r = runCli(['migrate', '--db', 'postgresql://nobody@127.0.0.1:1/x']);
  assertExplained(r, /error: Cannot connect to the PostgreSQL database server/, /cause: .*127\.0\.0\.1/,
    /port 1 failed: Connection refused/);
});

const postgres = process.env.CHANGWAT_TEST_POSTGRES_URL;
const withPostgres = { skip: postgres ? false : 'CHANGWAT_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)' };

test('a missing PostgreSQL database and a missing role are named', withPostgres, () => {
  const noDatabase = new URL(postgres);
  noDatabase.pathname = '/changwat_no_such_database';
  assertExplained(runCli(['migrate', '--db', noDatabase.toString()]),
    /error: Cannot connect/, /database "changwat_no_such_database" does not exist/);
  const noRole = new URL(postgres);
  noRole.username = 'changwat_no_such_role';
  assertExplained(runCli(['migrate', '--db', noRole.toString()]),
    /error: Cannot connect/, /role "changwat_no_such_role" does not exist/);
});

test('a read-only database file: the path, its permissions and who changwat runs as', () => {
  const dir = mkdtempSync(join(tmpdir(), 'changwat-readonly-'));
  try {
    chmodSync(dir, 0o755);
    const file = join(dir, 'changwat.db');
    const made = runCli(['migrate', '--db', `sqlite:${file}`]);
    assert.equal(made.status, 0, made.stderr);
    chmodSync(file, 0o444);
    const r = runAsUnprivileged(['migrate', '--db', `sqlite:${file}`]);
    assertExplained(r, new RegExp(`${file.replaceAll('.', '\\.')} is read-only`), /-r--r--r--/, /changwat runs as uid \d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database in a folder that cannot be written: the folder and its permissions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'changwat-readonly-'));
  try {
    chmodSync(dir, 0o555);
    const r = runAsUnprivileged(['migrate', '--db', `sqlite:${join(dir, 'new.db')}`]);
    assertExplained(r, new RegExp(`folder ${dir.replaceAll('.', '\\.')} cannot be written`), /dr-xr-xr-x/);
  } finally {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});
