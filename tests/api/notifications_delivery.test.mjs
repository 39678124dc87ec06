// Notifications end to end against local receivers the test starts: a user chooses
// topics and channels, gives an e-mail address and links LINE through the webhook
// (signature checked); an answer to their portal comment reaches the in-app list,
// the SMTP receiver and the LINE receiver (which checks Bearer token and body shape).
// A refusing mail server never blocks the answer: the delivery is retried. LINE
// pushes stop at the configured monthly quota and say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../lib/server.mjs';
import { runSql } from '../lib/sql.mjs';
import { startSmtpReceiver, startLineReceiver, waitFor } from '../lib/receivers.mjs';

const token = 'test-channel-token';
const secret = 'test-channel-secret';
let server;
let smtp;
let line;
let agency;
let strategy;
let admin;
let feedback; // the agency user's comment (moderated below)

before(async () => {
  smtp = await startSmtpReceiver();
  line = await startLineReceiver(token);
  server = await startServer({
    demo: true,
    env: {
      CHANGWAT_SMTP_URL: smtp.url,
      CHANGWAT_MAIL_FROM: 'changwat@trat.example',
      CHANGWAT_LINE_API_BASE: line.url,
      CHANGWAT_LINE_CHANNEL_TOKEN: token,
      CHANGWAT_LINE_CHANNEL_SECRET: secret,
      CHANGWAT_LINE_MONTHLY_QUOTA: '2',
      CHANGWAT_NOTIFY_RETRY_SECONDS: '1',
      CHANGWAT_NOTIFY_POLL_MS: '100',
      CHANGWAT_PUBLIC_URL: 'https://changwat.example',
    },
  });
  agency = await server.login('agency');
  strategy = await server.login('strategy');
  admin = await server.login('admin');
});
after(async () => {
  await server?.stop();
  await smtp?.close();
  await line?.close();
});

function webhook(body, signature) {
  const text = JSON.stringify(body);
  const sig = signature ?? crypto.createHmac('sha256', secret).update(text).digest('base64');
  return fetch(`${server.url}/api/v1/line/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sig }, body: text,
  });
}

test('preferences need a sign-in; a bad e-mail is a 400 naming the field and changes nothing', async () => {
  assert.equal((await server.client().get('/api/v1/notifications/preferences')).status, 401);
  const r = await agency.put('/api/v1/notifications/preferences', { email: 'not an address' });
  assert.equal(r.status, 400, r.text);
  assert.ok(r.json.error.fields.email.th);
  const p = await agency.get('/api/v1/notifications/preferences');
  assert.equal(p.json.email, null);
  assert.equal(p.json.email_available, true);
  assert.equal(p.json.line_available, true);
  assert.equal(p.json.topics.length, 4);
});

test('a user chooses e-mail and LINE for answers to their comments', async () => {
  const r = await agency.put('/api/v1/notifications/preferences', {
    email: 'officer@trat.example',
    topics: [{ topic: 'comment_answered', in_app: true, email: true, line: true }],
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.email, 'officer@trat.example');
  const chosen = r.json.topics.find((t) => t.topic === 'comment_answered');
  assert.deepEqual([chosen.in_app, chosen.email, chosen.line], [true, true, true]);
});

test('LINE linking: a wrong signature is refused; the code sent in a 1:1 chat links the user', async () => {
  const code = await agency.post('/api/v1/notifications/line-link', {});
  assert.equal(code.status, 201, code.text);
  assert.match(code.json.code, /^\d{8}$/);
  const event = { destination: 'Ubot', events: [{ type: 'message', source: { type: 'user', userId: 'U0123456789abcdef' }, message: { type: 'text', text: code.json.code } }] };
  assert.equal((await webhook(event, 'AAAA')).status, 403);
  assert.equal((await agency.get('/api/v1/notifications/preferences')).json.line_linked, false);
  assert.equal((await webhook({ destination: 'Ubot', events: [{ type: 'follow', source: { type: 'user', userId: 'U0123456789abcdef' } }] })).status, 200);
  assert.equal((await webhook(event)).status, 200);
  assert.equal((await agency.get('/api/v1/notifications/preferences')).json.line_linked, true);
});

test('an answer to the user comment reaches the app, the mail server (after a refusal) and LINE', async () => {
  const project = (await agency.get('/api/v1/public/projects')).json.items[0];
  const form = (await agency.get(`/api/v1/public/projects/${project.element_id}/feedback/form`)).json;
  await sleep(form.min_fill_seconds * 1000 + 200);
  const posted = await agency.post(`/api/v1/public/projects/${project.element_id}/feedback`, { rating: 5, comment_th: 'ดีมาก', form_token: form.form_token });
  assert.equal(posted.status, 202, posted.text);
  feedback = (await strategy.get('/api/v1/portal/feedback')).json.items.find((i) => i.comment_th === 'ดีมาก');
  smtp.refuseNext = 1; // the first try meets a temporary refusal (451)
  const started = Date.now();
  const m = await strategy.post(`/api/v1/portal/feedback/${feedback.id}/moderation`, { decision: 'approve', answer_th: 'ขอบคุณที่ติดตามโครงการ', version: feedback.version });
  assert.equal(m.status, 200, m.text);
  assert.ok(Date.now() - started < 2000, 'the change does not wait for delivery');
  feedback = m.json;

  const inbox = await agency.get('/api/v1/notifications');
  assert.equal(inbox.status, 200, inbox.text);
  const item = inbox.json.items.find((i) => i.topic === 'comment_answered');
  assert.ok(item, 'in the app at once');
  assert.equal(item.body_th, 'ขอบคุณที่ติดตามโครงการ');
  assert.equal(item.read, false);
  assert.ok(inbox.json.unread >= 1);

  const mail = await waitFor('the e-mail', () => smtp.messages.find((x) => x.to.includes('officer@trat.example')));
  assert.equal(smtp.refuseNext, 0, 'the first try was refused, the retry delivered');
  assert.equal(mail.from, 'changwat@trat.example');
  assert.equal(mail.subject, 'ความคิดเห็นของคุณได้รับคำตอบแล้ว');
  assert.match(mail.text, /ขอบคุณที่ติดตามโครงการ/);
  assert.match(mail.text, /https:\/\/changwat\.example\/portal\/projects\//);

  const push = await waitFor('the LINE push', () => line.pushes.find((p) => p.to === 'U0123456789abcdef'));
  assert.deepEqual(line.problems, []);
  assert.equal(push.messages[0].type, 'text');
  assert.match(push.messages[0].text, /ขอบคุณที่ติดตามโครงการ/);

  const read = await agency.post(`/api/v1/notifications/${item.id}/read`, {});
  assert.equal(read.status, 200, read.text);
  assert.equal((await agency.get('/api/v1/notifications?unread=true')).json.items.some((i) => i.id === item.id), false);
  assert.equal((await strategy.post(`/api/v1/notifications/${item.id}/read`, {})).status, 404, 'another user cannot touch it');
});

test('LINE pushes stop at the monthly quota and the counts say so', async () => {
  assert.equal((await agency.get('/api/v1/notifications/deliveries')).status, 403);
  for (const text of ['คำตอบที่สอง', 'คำตอบที่สาม']) {
    const r = await strategy.post(`/api/v1/portal/feedback/${feedback.id}/answer`, { answer_th: text, version: feedback.version });
    assert.equal(r.status, 200, r.text);
    feedback = r.json;
  }
  const counts = await waitFor('the deliveries', async () => {
    const r = await admin.get('/api/v1/notifications/deliveries');
    return r.json.over_quota >= 1 && r.json.pending === 0 ? r.json : null;
  });
  assert.equal(counts.line.quota, 2);
  assert.equal(counts.line.pushes, 2);
  assert.equal(counts.line.quota_reached, true);
  assert.equal(line.pushes.length, 2, 'no push beyond the quota');
  await waitFor('three e-mails', () => smtp.messages.length >= 3);
});

test('a raised warning tells its owner agency (topic warning), in the app by default', async () => {
  // The demo's warnings are raised by the evaluation a read triggers.
  const warnings = await strategy.get('/api/v1/warnings?fiscal_year=2569');
  assert.equal(warnings.status, 200, warnings.text);
  const owned = warnings.json.items.filter((w) => w.agency);
  assert.ok(owned.length >= 1, 'the demo raises warnings with an owner agency');
  const messages = Number(runSql(server.db.url, "SELECT count(*) FROM notification_message WHERE topic = 'warning' AND target_agency IS NOT NULL"));
  assert.ok(messages >= owned.filter((w) => w.status === 'open').length, `${messages} warning messages`);
  const agencyCode = runSql(server.db.url, "SELECT agency_code FROM app_user WHERE username = 'agency'");
  if (owned.some((w) => w.agency === agencyCode)) {
    const inbox = await agency.get('/api/v1/notifications');
    assert.ok(inbox.json.items.some((i) => i.topic === 'warning' && i.subject_th.startsWith('คำเตือน')), 'the agency officer sees it');
  }
});
