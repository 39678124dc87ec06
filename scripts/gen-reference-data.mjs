#!/usr/bin/env node
// Generates the checked-in reference data files under data/ from their sources:
//  - data/th-areas.json: all Thai provinces, districts and subdistricts with official DOPA
//    codes, from ../shared/data/th-areas.json (thai-province-data by Kongvut Sangkla, MIT),
//    reduced to code, level, parent, name_th, name_en.
//  - data/trat-villages-demo.json: DEMO villages for Trat (no official village list is
//    reachable; every row is flagged demo and named "หมู่ที่ N" only).
// Usage: node scripts/gen-reference-data.mjs [path/to/th-areas.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] || resolve(root, '..', 'shared', 'data', 'th-areas.json');
const areas = JSON.parse(readFileSync(source, 'utf8'));

const jsonLines = (rows) => `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
const reduced = areas.map((a) => ({
  code: a.code, level: a.level, parent: a.parent ?? '', name_th: a.name_th, name_en: a.name_en,
}));
writeFileSync(join(root, 'data', 'th-areas.json'), jsonLines(reduced));

// Seven demo villages per Trat subdistrict (Trat has about 260 villages in reality).
const villages = [];
for (const a of areas.filter((x) => x.level === 'subdistrict' && x.code.startsWith('23'))) {
  for (let moo = 1; moo <= 7; moo++) {
    villages.push({
      code: `${a.code}${String(moo).padStart(2, '0')}`, parent: a.code,
      name_th: `หมู่ที่ ${moo} ตำบล${a.name_th} (ตัวอย่าง)`, name_en: `Moo ${moo}, ${a.name_en} (demo)`,
    });
  }
}
writeFileSync(join(root, 'data', 'trat-villages-demo.json'), jsonLines(villages));
console.log(`areas: ${reduced.length}, demo villages: ${villages.length}`);
