// Helpers of the action plan API tests (tests/api/action_plan_*.test.mjs): the demo
// action plan and its projects, error assertions, and files to import (CSV, TIS-620,
// a minimal XLSX written here so the tests need no spreadsheet library).
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';

// The FY 2569 demo action plan of the Trat demo plan (serve --demo).
export async function demoActionPlan(client) {
  const r = await client.get('/api/v1/action-plans');
  assert.equal(r.status, 200, r.text);
  const found = r.json.items.find((p) => p.fiscal_year === 2569);
  assert.ok(found, `no FY 2569 action plan in ${r.text}`);
  return found;
}

export async function detail(client, id) {
  const r = await client.get(`/api/v1/action-plans/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// One project of the action plan by its plan code (P11, R03, …).
export async function projectByCode(client, id, code) {
  const project = (await detail(client, id)).projects.find((p) => p.code === code);
  assert.ok(project, `no project ${code} in action plan ${id}`);
  return project;
}

export async function positionsOf(client, id, elementId) {
  const r = await client.get(`/api/v1/action-plans/${id}/projects/${elementId}/positions`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

export async function spending(client, id, by) {
  const r = await client.get(`/api/v1/action-plans/${id}/spending?by=${by}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// A Changwat error: status, Thai and English messages, the code and the field named.
export function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json?.error?.message_th && r.json.error.message_en, `Thai and English messages in ${r.text}`);
  if (code) assert.equal(r.json.error.code, code, r.text);
  if (field) {
    assert.ok(r.json.error.fields[field]?.th && r.json.error.fields[field]?.en, `field ${field} in ${r.text}`);
  }
}

// POST …/positions/import with a raw body.
export function importFile(client, id, body, contentType = 'text/csv; charset=utf-8') {
  return client.request('POST', `/api/v1/action-plans/${id}/positions/import`, {
    body, raw: true, headers: { 'content-type': contentType },
  });
}

// Thai text in TIS-620 (Thai letters U+0E01–U+0E5B are bytes 0xA1–0xFB; ASCII as is).
export function tis620(text) {
  const bytes = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) bytes.push(cp);
    else if (cp >= 0x0e01 && cp <= 0x0e5b) bytes.push(cp - 0x0e00 + 0xa0);
    else throw new Error(`not in TIS-620: ${ch}`);
  }
  return Buffer.from(bytes);
}

// A zip archive with stored (uncompressed) entries: enough for an XLSX reader.
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// An XLSX workbook of one sheet: numbers as numeric cells, the rest inline strings.
export function xlsx(rows) {
  const sheetRows = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((value, c) => {
    const ref = `${columnName(c)}${r + 1}`;
    return typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  }).join('')}</row>`).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="positions" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
