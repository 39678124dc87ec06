#!/usr/bin/env node
// Generates the checked-in reference data files under data/ from their sources:
//  - data/th-areas.csv: all Thai provinces, districts and subdistricts with official DOPA
//    codes, from ../shared/data/th-areas.json (thai-province-data by Kongvut Sangkla, MIT).
//  - data/trat-villages-demo.csv: DEMO villages for Trat (no official village list is
//    reachable; every row is flagged demo=1 and named "หมู่ที่ N" only).
// Usage: node scripts/gen-reference-data.mjs [path/to/th-areas.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] || resolve(root, '..', 'shared', 'data', 'th-areas.json');
const areas = JSON.parse(readFileSync(source, 'utf8'));

const csv = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const lines = ['code,level,parent_code,name_th,name_en'];
for (const a of areas) {
  lines.push([a.code, a.level, a.parent ?? '', a.name_th, a.name_en].map((v) => csv(String(v))).join(','));
}
writeFileSync(join(root, 'data', 'th-areas.csv'), lines.join('\n') + '\n');

// Seven demo villages per Trat subdistrict (Trat has about 260 villages in reality).
const villages = ['code,parent_code,name_th,name_en,demo'];
for (const a of areas.filter((x) => x.level === 'subdistrict' && x.code.startsWith('23'))) {
  for (let moo = 1; moo <= 7; moo++) {
    const code = `${a.code}${String(moo).padStart(2, '0')}`;
    villages.push([code, a.code, `หมู่ที่ ${moo} ตำบล${a.name_th} (ตัวอย่าง)`, `Moo ${moo}, ${a.name_en} (demo)`, '1'].map(csv).join(','));
  }
}
writeFileSync(join(root, 'data', 'trat-villages-demo.csv'), villages.join('\n') + '\n');
console.log(`areas: ${areas.length}, demo villages: ${villages.length - 1}`);
