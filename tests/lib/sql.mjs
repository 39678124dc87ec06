// Runs SQL directly against a test database (to age a session, break a file, …):
// sqlite3 for SQLite URLs, psql for PostgreSQL URLs.
import { spawnSync } from 'node:child_process';

export function runSql(dbUrl, sql) {
  const r = dbUrl.startsWith('sqlite:')
    ? spawnSync('sqlite3', [dbUrl.slice('sqlite:'.length), sql], { encoding: 'utf8' })
    : spawnSync('psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`SQL failed: ${r.stderr}`);
  return r.stdout.trim();
}
