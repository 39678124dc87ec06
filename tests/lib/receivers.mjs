// Local receivers the notification tests start: an SMTP server that keeps every
// message (and can refuse the next ones with a temporary 451) and a LINE Messaging
// API stand-in that checks each push (Authorization: Bearer, JSON {to, messages:
// [{type: "text", text}]}) and keeps it. Both are real servers on 127.0.0.1.
import net from 'node:net';
import http from 'node:http';

export async function startSmtpReceiver() {
  const receiver = { messages: [], refuseNext: 0, port: 0 };
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail = null;
    socket.write('220 test-smtp ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (receiver.refuseNext > 0) {
              receiver.refuseNext -= 1;
              socket.write('451 try again later\r\n');
            } else {
              receiver.messages.push(decode(mail));
              socket.write('250 queued\r\n');
            }
          } else {
            mail.data.push(line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test-smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') { mail = { from: line.slice(10).replace(/[<>]/g, ''), to: [], data: [] }; socket.write('250 ok\r\n'); }
        else if (verb === 'RCPT') { mail.to.push(line.slice(8).replace(/[<>]/g, '')); socket.write('250 ok\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 go on\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); }
        else socket.write('500 unknown\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  receiver.port = server.address().port;
  receiver.url = `smtp://127.0.0.1:${receiver.port}`;
  receiver.close = () => new Promise((r) => server.close(r));
  return receiver;
}

// Headers and the base64 text/plain body of one message, decoded.
function decode(mail) {
  const blank = mail.data.indexOf('');
  const headers = {};
  for (const line of mail.data.slice(0, blank)) {
    const c = line.indexOf(':');
    headers[line.slice(0, c).toLowerCase()] = line.slice(c + 1).trim();
  }
  const subject = (headers.subject || '').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
  const text = Buffer.from(mail.data.slice(blank + 1).join(''), 'base64').toString('utf8');
  return { from: mail.from, to: mail.to, headers, subject, text };
}

export async function startLineReceiver(token) {
  const receiver = { pushes: [], problems: [], port: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const problem = check(req, body, token);
      if (problem) {
        receiver.problems.push(problem);
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: problem }));
        return;
      }
      receiver.pushes.push({ ...JSON.parse(body), retryKey: req.headers['x-line-retry-key'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  receiver.port = server.address().port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  receiver.close = () => new Promise((r) => server.close(r));
  return receiver;
}

function check(req, body, token) {
  if (req.method !== 'POST' || req.url !== '/v2/bot/message/push') return `unexpected ${req.method} ${req.url}`;
  if (req.headers.authorization !== `Bearer ${token}`) return `bad Authorization: ${req.headers.authorization}`;
  if (!(req.headers['content-type'] || '').startsWith('application/json')) return 'not JSON';
  let json;
  try { json = JSON.parse(body); } catch { return 'body is not JSON'; }
  if (typeof json.to !== 'string' || !json.to) return 'no "to"';
  if (!Array.isArray(json.messages) || json.messages.length < 1 || json.messages.length > 5) return 'messages must be 1..5';
  for (const m of json.messages) {
    if (m.type !== 'text' || typeof m.text !== 'string' || !m.text || m.text.length > 5000) return 'bad text message';
  }
  if (!req.headers['x-line-retry-key']) return 'no X-Line-Retry-Key';
  return null;
}

export async function waitFor(what, predicate, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await predicate();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
