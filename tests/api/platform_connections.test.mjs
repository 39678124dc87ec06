// Too many connections: with the open-file limit at 512 (hard and soft, so the
// server cannot raise it), 600 idle connections once made accept fail with "Too many
// open files" and /healthz stopped answering. The server now keeps its connections
// under caps derived from the limit (448 in total, 224 per address) and closes the
// longest idle one to make room, so /healthz answers from another connection.
// A low --max-connections shows the same with a cap chosen by the operator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { binary, freshDatabase } from '../lib/server.mjs';

// Starts `changwat serve` through bash so that `ulimit -n` applies to it.
async function serveWithLimit(openFiles, args = []) {
  const db = freshDatabase('sqlite');
  const child = spawn('bash', ['-c', `ulimit -n ${openFiles} && exec "$0" "$@"`, binary, 'serve',
    '--db', db.url, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start\n${stderr}`)), 60000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /^changwat listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}\n${stderr}`)); });
  });
  return {
    url,
    port: Number(new URL(url).port),
    get stderr() { return stderr; },
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      db.cleanup();
    },
  };
}

// Opens `count` TCP connections that never send a byte; resolves once all are
// connected. Connections the server closes stay in the list (Node's socket.closed
// turns true).
async function idleConnections(port, count) {
  const sockets = [];
  await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', resolve);
    // A connection the server closed or reset is what the test expects for some.
    socket.on('error', () => resolve());
    sockets.push(socket);
  })));
  return sockets;
}

async function health(url) {
  const answer = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10000) });
  return { status: answer.status, body: await answer.json() };
}

async function openConnections(url) {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10000) })).text();
  return Number(/^changwat_http_connections_open (\d+)$/m.exec(text)[1]);
}

test('ulimit -n 512 and 600 idle connections: /healthz keeps answering', async () => {
  const server = await serveWithLimit(512);
  let sockets = [];
  try {
    sockets = await idleConnections(server.port, 600);
    const first = await health(server.url);
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'ok');
    // Still within the caps derived from 512 (224 from one address, plus the
    // /healthz and /metrics connections and evictions on their way).
    assert.ok(await openConnections(server.url) <= 230);
    // The longest idle connections were closed to make room.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(sockets[0].closed, 'the first idle connection was closed');
    // And the server goes on accepting.
    const more = await idleConnections(server.port, 100);
    sockets.push(...more);
    assert.equal((await health(server.url)).status, 200);
    assert.doesNotMatch(server.stderr, /Too many open files/);
  } finally {
    for (const s of sockets) s.destroy();
    await server.stop();
  }
});

test('--max-connections 50: 80 idle connections, /healthz answers, one address keeps at most 25', async () => {
  const server = await serveWithLimit(4096, ['--max-connections', '50']);
  let sockets = [];
  try {
    sockets = await idleConnections(server.port, 80);
    assert.equal((await health(server.url)).status, 200);
    // One address may hold half of the total: 25, plus the /healthz and /metrics
    // connections.
    assert.ok(await openConnections(server.url) <= 27);
    assert.match(server.stderr, /connections: at most 50 open, 25 per address/);
  } finally {
    for (const s of sockets) s.destroy();
    await server.stop();
  }
});
