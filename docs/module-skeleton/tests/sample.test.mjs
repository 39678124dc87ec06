// tests/api/sample.test.mjs — the real server on SQLite and PostgreSQL
// (CHANGWAT_TEST_ENGINE). Every assertion can fail; errors carry Thai and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let server;
let strategy;
let planId;
before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  planId = (await server.client().get('/api/v1/needs/public/form')).json.plans[0].id;
});
after(async () => { await server?.stop(); });

test('the strategy office adds an item; the public may not', async () => {
  const made = await strategy.post('/api/v1/sample/items', { plan_id: planId, title: 'รายการใหม่' });
  assert.equal(made.status, 201, made.text);
  const refused = await server.client().post('/api/v1/sample/items', { plan_id: planId, title: 'x' });
  assert.equal(refused.status, 401);
  assert.ok(refused.json.error.message_th && refused.json.error.message_en);
});
