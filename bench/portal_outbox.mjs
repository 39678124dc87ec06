// Benchmark of the notification outbox (issue 11): 1,000 messages, each to be sent by
// e-mail and by LINE (2,000 deliveries), drained by the server's worker against the
// local SMTP and LINE receivers of tests/lib/receivers.mjs, while a client keeps asking
// for the portal's project list; prints the drain time, messages a minute, and the
// list's latency before and during the drain (the requests must not be delayed).
// Target: at least 1,000 messages a minute. Results: docs/performance.md, "Portal".
//
//   CHANGWAT_BIN=build/changwat node bench/portal_outbox.mjs [--messages N]
//   (CHANGWAT_TEST_ENGINE=postgres CHANGWAT_TEST_POSTGRES_URL=… for PostgreSQL)
import { startServer, engine } from '../tests/lib/server.mjs';
import { runSql } from '../tests/lib/sql.mjs';
import { startSmtpReceiver, startLineReceiver, waitFor } from '../tests/lib/receivers.mjs';

process.env.CHANGWAT_SCHEMA_CHECK = '0';
const at = process.argv.indexOf('--messages');
const messages = at > 0 ? Number(process.argv[at + 1]) : 1000;
const token = 'bench-token';
const smtp = await startSmtpReceiver();
const line = await startLineReceiver(token);
const server = await startServer({
  demo: true,
  env: {
    CHANGWAT_SMTP_URL: smtp.url,
    CHANGWAT_LINE_API_BASE: line.url,
    CHANGWAT_LINE_CHANNEL_TOKEN: token,
    CHANGWAT_LINE_CHANNEL_SECRET: 'bench-secret',
    CHANGWAT_LINE_MONTHLY_QUOTA: String(messages * 10),
    CHANGWAT_NOTIFY_POLL_MS: '200',
  },
});

function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `p50 ${at(0.5).toFixed(2)} ms  p99 ${at(0.99).toFixed(2)} ms  max ${s[s.length - 1].toFixed(2)} ms (${s.length} requests)`;
}

async function sample(client, until) {
  const ms = [];
  while (!until()) {
    const t = performance.now();
    const r = await client.get('/api/v1/public/projects');
    if (r.status !== 200) throw new Error(r.text);
    ms.push(performance.now() - t);
  }
  return ms;
}

try {
  const client = server.client();
  let stop = false;
  setTimeout(() => { stop = true; }, 3000);
  const before = await sample(client, () => stop);

  // One user reachable by e-mail and LINE; the messages written as enqueue() writes
  // them (message + one delivery per channel), in one statement each.
  const province = runSql(server.db.url, "SELECT province_code FROM app_user WHERE username = 'agency'");
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const values = [];
  for (let i = 1; i <= messages; i += 1) values.push(`('${province}', 'warning', 'TRAT-DOAE', NULL, 'คำเตือนทดสอบ ${i}', 'เบิกจ่ายล่าช้ากว่าเป้าหมาย', '/monitoring', '${now}')`);
  // In batches: one command line holds at most 128 KB.
  for (let i = 0; i < values.length; i += 200) {
    runSql(server.db.url, `INSERT INTO notification_message (province_code, topic, target_agency, target_user_id, subject_th, body_th, link, created_at) VALUES ${values.slice(i, i + 200).join(',')}`);
  }
  const started = performance.now();
  runSql(server.db.url, `INSERT INTO notification_delivery (province_code, message_id, channel, address, status, attempts, next_attempt_at, created_at)
    SELECT province_code, id, 'email', 'officer@trat.example', 'pending', 0, created_at, created_at FROM notification_message
    UNION ALL SELECT province_code, id, 'line', 'Ubench', 'pending', 0, created_at, created_at FROM notification_message`);

  let drained = false;
  const during = sample(client, () => drained);
  await waitFor('the drain', () => smtp.messages.length >= messages && line.pushes.length >= messages, 600000);
  const seconds = (performance.now() - started) / 1000;
  drained = true;
  const duringMs = await during;
  const pending = runSql(server.db.url, "SELECT count(*) FROM notification_delivery WHERE status <> 'sent'");
  console.log(`engine ${engine()}: ${messages} messages (${messages * 2} deliveries: e-mail + LINE) drained in ${seconds.toFixed(2)} s = ${Math.round((messages / seconds) * 60)} messages a minute; not sent: ${pending}; LINE receiver problems: ${line.problems.length}`);
  console.log(`GET /api/v1/public/projects before the drain: ${percentiles(before)}`);
  console.log(`GET /api/v1/public/projects during the drain: ${percentiles(duringMs)}`);
} finally {
  await server.stop();
  await smtp.close();
  await line.close();
}
