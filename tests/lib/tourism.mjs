// Helpers for the tourism tests: the receipt hash recipe of issue 12, written here
// independently of the server (node:crypto), and a manager for a new community.
import { createHash } from 'node:crypto';

export const ZERO_HASH = '0'.repeat(64);
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// `lines`: [{product_id | experience_id, quantity, unit_price_satang}] as sent.
export function linesText(lines) {
  return lines.map((l) => `${l.product_id !== undefined ? 'product' : 'experience'}:${l.product_id ?? l.experience_id}:${l.quantity}:${l.unit_price_satang}`).join(';');
}

export function totalSatang(lines) {
  return lines.reduce((sum, l) => sum + l.quantity * l.unit_price_satang, 0);
}

export function receiptHash(previousHash, deviceId, sequence, soldAt, lines) {
  return sha256(`${previousHash}|${deviceId}|${sequence}|${soldAt}|${totalSatang(lines)}|${sha256(linesText(lines))}`);
}

// A sale body chained to `previousHash`.
export function saleBody(deviceId, sequence, soldAt, lines, previousHash = ZERO_HASH) {
  return { device_id: deviceId, sequence, sold_at: soldAt, lines, previous_hash: previousHash, receipt_hash: receiptHash(previousHash, deviceId, sequence, soldAt, lines) };
}

let made = 0;
// A new community (by the strategy office), optionally with products, and a signed-in manager for it.
export async function communityWithManager(server, strategy, admin, overrides = {}) {
  made += 1;
  const tag = `${process.pid}-${made}-${Date.now() % 100000}`;
  const community = await strategy.post('/api/v1/tourism/communities', {
    area_code: '230502', name_th: `ชุมชนทดสอบ ${tag}`, name_en: `Test community ${tag}`,
    payee_name: 'วิสาหกิจชุมชนทดสอบ', payee_kind: 'community_enterprise', promptpay_id: '0812345678',
    cbt_scores: { management: 3, economy: 3, culture: 4, environment: 3, service: 2 },
    carrying_capacity_per_day: 50, offered_capacity_per_day: 20, ...overrides,
  });
  if (community.status !== 201) throw new Error(`community: ${community.status} ${community.text}`);
  const username = `mgr${tag.replace(/[^0-9]/g, '')}`.slice(0, 60);
  const password = 'tourism-manager-pass-1';
  const user = await admin.post('/api/v1/users', { username, role: 'community_manager', password, community_id: community.json.id });
  if (user.status !== 201) throw new Error(`user: ${user.status} ${user.text}`);
  const manager = await server.login(username, password);
  return { community: community.json, manager };
}
