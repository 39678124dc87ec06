// Helpers of the health module's API and browser tests: valid Thai IDs (mod-11 check
// digit), invented people, the demo checkpoints, today in Thailand.
import assert from 'node:assert/strict';

// The 13th digit of a Thai ID from its first 12.
export function thaiIdCheckDigit(first12) {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

let counter = 0;
// A valid Thai ID starting with `lead` (0, 6, 7, 8 are non-Thai registrants), unique per
// call in this process.
export function thaiId(lead = '1') {
  counter += 1;
  const body = `${lead}${String(Date.now() % 1e6).padStart(6, '0')}${String(counter).padStart(5, '0')}`.slice(0, 12);
  return body + thaiIdCheckDigit(body);
}

export function person(name = 'ทดสอบ สมมติ', lead = '1') {
  return { id_type: 'thai_id', id_number: thaiId(lead), name, phone: '0812345678' };
}

export function thaiToday() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function checkpointOf(client, kind) {
  const r = await client.get('/api/v1/health/checkpoints');
  assert.equal(r.status, 200, r.text);
  const found = r.json.items.find((c) => c.kind === kind);
  assert.ok(found, `no ${kind} checkpoint in ${r.text}`);
  return found;
}

export function newCase(extra = {}) {
  return {
    person: person(), classification: 'suspect', onset_on: addDays(thaiToday(), -2),
    reported_on: thaiToday(), infected_in: 'local', ...extra,
  };
}
