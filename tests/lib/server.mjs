// Starts the real `changwat serve` on port 0 against a fresh database and speaks
// HTTP to it. Engine: CHANGWAT_TEST_ENGINE=sqlite (default) or postgres (needs
// CHANGWAT_TEST_POSTGRES_URL, set by scripts/test.sh). Binary: CHANGWAT_BIN or build/changwat.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = process.env.CHANGWAT_BIN || join(repoRoot, 'build', 'changwat');
export const demoPassword = 'trat-demo-2568';

export function engine() {
  return process.env.CHANGWAT_TEST_ENGINE || 'sqlite';
}

// A fresh, empty database URL for the chosen engine.
export function freshDatabase(kind = engine()) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'changwat-test-'));
    return { url: `sqlite:${join(dir, 'changwat.db')}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.CHANGWAT_TEST_POSTGRES_URL;
  if (!base) throw new Error('CHANGWAT_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const made = spawnSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`cannot create database: ${made.stderr}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), dir: null,
    cleanup: () => spawnSync('psql', [base, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

// Runs a changwat subcommand synchronously; returns {status, stdout, stderr}.
export function runCli(args, { input = '', env = {} } = {}) {
  const r = spawnSync(binary, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// `workers`: worker threads (--workers); more than the 4 database connections
// exercises requests that wait for a connection.
export async function startServer({ demo = true, database = null, args = [], env = {}, workers = null } = {}) {
  const db = database || freshDatabase();
  const extra = workers ? ['--workers', String(workers)] : [];
  const child = spawn(binary, ['serve', '--db', db.url, '--port', '0', ...(demo ? ['--demo'] : []), ...extra, ...args], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stdout}\n${stderr}`)), 60000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const first = stdout.split('\n')[0];
      const m = /^changwat listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      if (m && stdout.includes('\n')) { clearTimeout(timer); resolveUrl(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}\n${stdout}\n${stderr}`)); });
  });
  const server = {
    url, db, process: child,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    client: () => new Client(url),
    async login(username, password = demoPassword) {
      const c = new Client(url);
      const r = await c.post('/api/v1/auth/login', { username, password });
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
      return c;
    },
    addUser(username, role, password, { agency, area } = {}) {
      const extra = [];
      if (agency) extra.push('--agency', agency);
      if (area) extra.push('--area', area);
      const r = runCli(['user', 'add', username, '--role', role, ...extra, '--db', db.url], { input: `${password}\n` });
      if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
      return r;
    },
    async stop({ keepDatabase = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepDatabase) db.cleanup();
    },
  };
  return server;
}

// A tiny HTTP client with one cookie jar and the CSRF token from sign-in.
export class Client {
  constructor(url) { this.url = url; this.cookies = new Map(); this.csrf = null; }

  async request(method, path, { body, headers = {}, raw = false } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload = body;
    if (body !== undefined && !raw) { payload = JSON.stringify(body); h['content-type'] ??= 'application/json'; }
    const res = await fetch(this.url + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = buffer.toString('utf8');
    if (process.env.CHANGWAT_SCHEMA_CHECK !== '0') {
      const { checkResponse } = await import('./openapi.mjs');
      const problem = checkResponse(method, path, res.status, res.headers.get('content-type'), text);
      if (problem) throw new Error(`OpenAPI: ${problem}`);
    }
    let json = null;
    if ((res.headers.get('content-type') || '').includes('json') && text) json = JSON.parse(text);
    if (json && typeof json.csrf_token === 'string') this.csrf = json.csrf_token;
    return { status: res.status, headers: res.headers, text, json, buffer };
  }
  get(p, o) { return this.request('GET', p, o); }
  post(p, body, o = {}) { return this.request('POST', p, { ...o, body }); }
  put(p, body, o = {}) { return this.request('PUT', p, { ...o, body }); }
  patch(p, body, o = {}) { return this.request('PATCH', p, { ...o, body }); }
  del(p, o) { return this.request('DELETE', p, o); }
}
