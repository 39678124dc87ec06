// Reads the documents the server writes the way people see them: an XLSX's cells
// with their number formats applied (Debian's openpyxl reads the values and
// formats; shown() applies the formats as Excel does for the ones the product
// writes), a PDF's text (poppler's pdftotext). Both tools come from scripts/deps.sh
// (python3-openpyxl, poppler-utils).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile(buffer, name, use) {
  const dir = mkdtempSync(join(tmpdir(), 'changwat-doc-'));
  const path = join(dir, name);
  try {
    writeFileSync(path, buffer);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readXlsx = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = []
for sheet in book.worksheets:
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]] if rows else []
    for row in rows[1:]:
        for cell in row:
            v = cell.value
            if v is None or isinstance(v, bool):
                continue
            if isinstance(v, (datetime.date, datetime.datetime)):
                v = v.strftime("%Y-%m-%d")
            header = headers[cell.column - 1] if cell.column - 1 < len(headers) else None
            out.append({"sheet": sheet.title, "cell": cell.coordinate, "header": header,
                        "value": v, "format": cell.number_format})
print(json.dumps(out, ensure_ascii=False))
`;

// Every non-blank body cell of every sheet: {sheet, cell, header, value, format}.
export function xlsxCells(buffer) {
  return withFile(buffer, 'book.xlsx', (path) => {
    const r = spawnSync('/usr/bin/python3', ['-c', readXlsx, path], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openpyxl could not read the workbook: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
}

// A number as Excel shows it under `format` (General, 0, #,##0, #,##0.00, 0.00%,
// #,##0.00 "บาท"); null for date formats and text.
export function shown(value, format) {
  if (typeof value !== 'number') return null;
  const section = format.split(';')[0];
  if (/[dmyhs]/i.test(section.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) return null; // a date
  if (section === 'General') return String(value);
  const percent = section.includes('%');
  const number = section.match(/[#0,]*0(\.0+)?/);
  const decimals = number && number[1] ? number[1].length - 1 : 0;
  const grouped = /#,##0|0,0/.test(section);
  const scaled = percent ? value * 100 : value;
  let text = Math.abs(scaled).toFixed(decimals);
  if (grouped) {
    const [whole, fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  }
  if (scaled < 0 && Number(text.replace(/,/g, '')) !== 0) text = `-${text}`;
  const literal = section.match(/"([^"]*)"/);
  return text + (percent ? '%' : '') + (literal ? ` ${literal[1]}` : '');
}

// The text of a PDF, pages in order (pdftotext).
export function pdfText(buffer) {
  return withFile(buffer, 'document.pdf', (path) => {
    const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout;
  });
}

// Checks shared by every document test (the outside checks of issue 14):
// Buddhist-era years show as whole numbers without separators; a fraction shows
// with its decimals. Returns the problems found.
export function xlsxNumberProblems(cells) {
  const problems = [];
  for (const c of cells) {
    const text = shown(c.value, c.format);
    if (text === null) continue;
    const where = `${c.sheet}!${c.cell} (${c.header}) ${c.value} shown as "${text}" [${c.format}]`;
    const isYear = Number.isInteger(c.value) && c.value >= 2400 && c.value <= 2700 && /ปี/.test(c.header ?? '');
    if (isYear && text !== String(c.value)) problems.push(`year: ${where}`);
    if (!c.format.includes('%') && !Number.isInteger(c.value)) {
      const back = Number(text.replace(/,/g, '').replace(/[^\d.-]/g, ''));
      if (!text.includes('.') || Math.abs(back - c.value) > 1e-9 * Math.max(1, Math.abs(c.value)))
        problems.push(`fraction: ${where}`);
    }
  }
  return problems;
}

// In a PDF's text: ISO dates, "command-line", and numbers of 10,000 or more
// written without thousands separators.
export function pdfProblems(text) {
  const problems = [];
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) problems.push(`ISO date ${m[0]}`);
  if (/command-line/.test(text)) problems.push('"command-line"');
  for (const m of text.matchAll(/(?<![\d,.])\d{5,}(?:\.\d+)?(?![\d,])/g)) problems.push(`no separators: ${m[0]}`);
  return problems;
}
