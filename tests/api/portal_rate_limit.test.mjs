// Flooding feedback from one address: the first five posts of an hour are accepted,
// the sixth is 429 with Thai and English text, and nothing more is stored. A server of
// its own, so no other test spends this address's budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';

let server;
let anonymous;
before(async () => {
  server = await startServer({ demo: true });
  anonymous = server.client();
});
after(async () => { await server?.stop(); });

test('five posts an hour from one address are accepted, then 429', async () => {
  const project = (await anonymous.get('/api/v1/public/projects')).json.items[0];
  const forms = [];
  for (let i = 0; i < 7; i += 1) {
    const r = await anonymous.get(`/api/v1/public/projects/${project.element_id}/feedback/form`);
    assert.equal(r.status, 200, r.text);
    forms.push(r.json);
  }
  await sleep(forms[0].min_fill_seconds * 1000 + 200);
  const count = () => Number(runSql(server.db.url, 'SELECT count(*) FROM portal_feedback WHERE demo = 0'));
  for (let i = 0; i < 5; i += 1) {
    const r = await anonymous.post(`/api/v1/public/projects/${project.element_id}/feedback`, { rating: 4, comment_th: `ครั้งที่ ${i + 1}`, form_token: forms[i].form_token });
    assert.equal(r.status, 202, `post ${i + 1}: ${r.text}`);
  }
  assert.equal(count(), 5);
  const r = await anonymous.post(`/api/v1/public/projects/${project.element_id}/feedback`, { rating: 4, comment_th: 'ครั้งที่ 6', form_token: forms[5].form_token });
  assert.equal(r.status, 429, r.text);
  assert.equal(r.json.error.code, 'too_many_submissions');
  assert.match(r.json.error.message_th, /ไม่เกิน 5/);
  assert.match(r.json.error.message_en, /At most 5/);
  assert.equal(count(), 5, 'nothing stored');
});
