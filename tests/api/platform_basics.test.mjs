// Platform basics against the real server: health, metrics, areas, routing errors,
// static files, compression, and the OpenAPI description matching the router.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { gunzipSync } from 'node:zlib';
import { startServer, runCli } from '../lib/server.mjs';
import { spec } from '../lib/openapi.mjs';

let server;
let anon;
before(async () => { server = await startServer({ demo: true }); anon = server.client(); });
after(async () => { await server?.stop(); });

// A raw HTTP/1.1 exchange, for requests fetch() would normalise.
function rawRequest(url, text) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    let data = '';
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    setTimeout(() => { socket.destroy(); resolve(data); }, 3000);
  });
}

test('the first stdout line announces the address', () => {
  assert.match(server.stdout.split('\n')[0], /^changwat listening on http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(server.stdout, /trat-demo-2568/);
});

test('GET /healthz checks the database', async () => {
  const r = await anon.get('/healthz');
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'ok');
  assert.equal(r.json.database, 'ok');
});

test('GET /metrics is Prometheus text with route labels', async () => {
  await anon.get('/api/v1/areas/23');
  const r = await anon.get('/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/plain/);
  assert.match(r.text, /changwat_http_requests_total\{[^}]*route="\/api\/v1\/areas\/\{code\}"[^}]*\} \d+/);
  assert.match(r.text, /changwat_http_request_duration_seconds_bucket/);
  assert.match(r.text, /changwat_db_connections\{kind="reader",state="total"\} \d+/);
});

test('GET /api/v1/areas/23 is Trat with its 7 districts', async () => {
  const r = await anon.get('/api/v1/areas/23');
  assert.equal(r.status, 200);
  assert.equal(r.json.code, '23');
  assert.equal(r.json.name_th, 'ตราด');
  assert.equal(r.json.name_en, 'Trat');
  assert.equal(r.json.children.length, 7);
  const names = r.json.children.map((d) => d.name_en);
  for (const n of ['Mueang Trat', 'Khlong Yai', 'Khao Saming', 'Bo Rai', 'Laem Ngop', 'Ko Kut', 'Ko Chang']) {
    assert.ok(names.includes(n), n);
  }
  for (const d of r.json.children) {
    assert.match(d.code, /^23\d\d$/);
    assert.ok(d.name_th.length > 0 && d.name_en.length > 0);
  }
});

test('districts, subdistricts and demo villages resolve; Trat has 38 subdistricts', async () => {
  let subdistricts = 0;
  const districts = (await anon.get('/api/v1/areas/23')).json.children;
  for (const d of districts) {
    const r = await anon.get(`/api/v1/areas/${d.code}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.level, 'district');
    assert.equal(r.json.path[0].code, '23');
    subdistricts += r.json.children.length;
  }
  assert.equal(subdistricts, 38);
  const sub = await anon.get('/api/v1/areas/230101');
  assert.equal(sub.json.name_en, 'Bang Phra');
  assert.ok(sub.json.children.length > 0, 'demo villages loaded with --demo');
  assert.ok(sub.json.children.every((v) => v.demo === true && v.level === 'village'));
  const village = await anon.get(`/api/v1/areas/${sub.json.children[0].code}`);
  assert.equal(village.status, 200);
  assert.deepEqual(village.json.path.map((a) => a.code), ['23', '2301', '230101']);
});

test('bad and unknown area codes', async () => {
  const bad = await anon.get('/api/v1/areas/23x');
  assert.equal(bad.status, 400);
  assert.ok(bad.json.error.fields.code.th && bad.json.error.fields.code.en);
  const missing = await anon.get('/api/v1/areas/2399');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, 'not_found');
  assert.ok(missing.json.error.request_id);
});

test('unknown routes are 404 and wrong methods 405 with Allow', async () => {
  const r404 = await anon.get('/api/v1/no-such-thing');
  assert.equal(r404.status, 404);
  assert.ok(r404.json.error.message_th && r404.json.error.message_en);
  const r405 = await anon.request('DELETE', '/api/v1/areas/23');
  assert.equal(r405.status, 405);
  assert.match(r405.headers.get('allow'), /GET/);
});

test('the audit log has no route that edits or deletes it', async () => {
  const admin = await server.login('admin');
  for (const method of ['DELETE', 'PUT', 'PATCH']) {
    const r = await admin.request(method, '/api/v1/audit', { body: {} });
    assert.equal(r.status, 405, method);
  }
});

test('static files: no path traversal, SPA fallback, caching headers', async () => {
  const raw = await rawRequest(server.url, 'GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.doesNotMatch(raw, /root:x:0:0/);
  assert.match(raw, /^HTTP\/1\.1 (400|404)/);
  const encoded = await rawRequest(server.url, 'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.doesNotMatch(encoded, /root:x:0:0/);
  const index = await anon.get('/');
  assert.equal(index.status, 200);
  assert.match(index.text, /<div id="root">/);
  assert.match(index.headers.get('cache-control'), /no-cache/);
  const spa = await anon.get('/areas/23');
  assert.equal(spa.status, 200);
  assert.match(spa.text, /<div id="root">/);
  const asset = /\/assets\/[^"]+\.js/.exec(index.text)[0];
  const js = await anon.get(asset);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('cache-control'), /immutable/);
});

test('responses are gzip-compressed when the client accepts it', async () => {
  const raw = await new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(
      'GET /api/v1/areas/10 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n'));
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split).toString();
  assert.match(head, /content-encoding: gzip/i);
  let body = raw.subarray(split + 4);
  if (/transfer-encoding: chunked/i.test(head)) {
    const parts = [];
    let i = 0;
    while (i < body.length) {
      const eol = body.indexOf('\r\n', i);
      const size = parseInt(body.subarray(i, eol).toString(), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      i = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  const json = JSON.parse(gunzipSync(body).toString());
  assert.equal(json.name_en, 'Bangkok');
  assert.ok(json.children.length > 40);
});

test('every route the router serves is in api/openapi.yaml and vice versa', () => {
  const r = runCli(['routes']);
  assert.equal(r.status, 0, r.stderr);
  const served = new Set(r.stdout.trim().split('\n').filter((l) => !l.startsWith('HEAD ')));
  const documented = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) documented.add(`${method.toUpperCase()} ${path}`);
    }
  }
  const undocumented = [...served].filter((x) => !documented.has(x));
  const unserved = [...documented].filter((x) => !served.has(x));
  assert.deepEqual(undocumented, [], 'served but not documented');
  assert.deepEqual(unserved, [], 'documented but not served');
});

test('--version and --help', () => {
  const v = runCli(['--version']);
  assert.equal(v.status, 0);
  assert.match(v.stdout, /changwat \d+\.\d+\.\d+/);
  const h = runCli(['--help']);
  assert.equal(h.status, 0);
  for (const word of ['serve', 'migrate', 'user']) assert.match(h.stdout, new RegExp(word));
});
