/**
 * Import benchmark (`npm run bench:import`, also part of `npm run bench`), on a fresh temporary
 * SQLite database of its own:
 *   1. preview: a 5,000-row XLSX (written here with exceljs, with a cycle of 500 items to compare
 *      titles with) read, mapped, normalised, checked for duplicates and sealed — startImport;
 *   2. import: the same 5,000 rows created in one transaction with their events — commitImport;
 *   and a baseline: the same XLSX parsed with exceljs alone, and the same rows inserted with plain
 *   SQL (one prepared INSERT per row) in one transaction, no validation, no events.
 * Targets (printed PASS/MISS, never fail the run): each step < 5 s. Figures go to bench-results/import.json.
 * Then the REST API read benchmark (./api-read.ts) reads 5,000 items back out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { passMiss, root, table } from './lib';
import { benchApiRead } from './api-read';

const ROWS = 5000;
const EXISTING = 500;
const TARGET_MS = 5000;

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-import-'));
process.on('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
const dbFile = path.join(tmpDir, 'bench.sqlite');
process.env.DATABASE_URL = dbFile;
process.env.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-0123';

// Imported after DATABASE_URL is set: db/client opens the database when it is first imported.
const { databaseReady, db } = await import('../../db/client');
const { makeCycle, makeDepartment, makeItem, makeModule, makeTheme, makeUser } = await import('../../db/factories');
const { startImport } = await import('../../lib/import/preview.server');
const { commitImport } = await import('../../lib/import/commit.server');
await databaseReady;

const department = await makeDepartment(db, 'Operations');
const pm = await makeUser(db, { role: 'pm', name: 'Priya Patel', departmentId: department.id });
const sponsors = [];
for (let i = 0; i < 20; i++)
  sponsors.push(await makeUser(db, { role: 'leader', name: `Leader ${i}`, departmentId: department.id }));
const modules = [];
for (let i = 0; i < 10; i++) modules.push(await makeModule(db, `module-${i}`));
const cycle = await makeCycle(db);
const themes = [];
for (let i = 0; i < 5; i++) themes.push(await makeTheme(db, cycle.id, { name: `Theme ${i}` }));
for (let i = 0; i < EXISTING; i++)
  await makeItem(db, {
    cycleId: cycle.id,
    title: `Existing item number ${i}`,
    requestorId: pm.id,
    departmentId: department.id,
  });

const HEADERS = ['Title', 'Description', 'Estimate', 'Kind', 'Theme', 'Department', 'Modules', 'Sponsor', 'SME'];
const ESTIMATES = ['M', '3 weeks', '3-5 weeks', 'TBD', 'S', '2.5', 'XL', '10 days'];
const KINDS = ['Feature', 'Bug', 'Tech debt', 'NFR'];
const rows = Array.from({ length: ROWS }, (_, i) => [
  `Imported backlog item ${i} about area ${i % 97}`,
  `Why row ${i} matters, in a sentence or two.`,
  ESTIMATES[i % ESTIMATES.length],
  KINDS[i % KINDS.length],
  `theme ${i % 5}`,
  'Operations',
  `module-${i % 10}; module-${(i + 3) % 10}`,
  i % 3 === 0 ? `VP – Leader ${i % 20}` : 'Somebody Else',
  `Leader ${(i + 1) % 20}`,
]);
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('Backlog');
ws.addRow(HEADERS);
for (const r of rows) ws.addRow(r);
const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await fn();
  return [result, Math.round(performance.now() - started)];
};

const [preview, previewMs] = await timed(() => startImport(pm, cycle.id, { file: bytes, fileName: 'bench.xlsx' }));
if (preview.counts.withErrors)
  throw new Error(`The benchmark sheet has ${preview.counts.withErrors} rows with errors.`);
const [result, importMs] = await timed(() => commitImport(pm, cycle.id, { draft: preview.draft }));

// Baseline: exceljs alone, then plain SQL in one transaction.
const [parsed, parseMs] = await timed(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  book.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out.slice(1);
});
const sqlite = new Database(dbFile);
const [, insertMs] = await timed(async () => {
  const insert = sqlite.prepare(
    'insert into items (cycle_id, title, description, department_id, requestor_id, kind, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (const r of parsed) insert.run(cycle.id, r[0], r[1], department.id, pm.id, 'feature', 'curated', at, at);
  })();
});
sqlite.close();

const baselinePreview = parseMs;
const figures = {
  rows: ROWS,
  fileBytes: bytes.length,
  imported: result.itemCount,
  previewMs,
  importMs,
  baseline: { parseMs, insertMs },
  ratios: {
    preview: +(previewMs / Math.max(1, baselinePreview)).toFixed(1),
    import: +(importMs / Math.max(1, insertMs)).toFixed(1),
  },
};
console.log(`\nImport of ${ROWS.toLocaleString('en')} rows (XLSX of ${Math.round(bytes.length / 1024)} KB), SQLite\n`);
console.log(
  table(
    ['step', 'Quorum ms', 'baseline ms', 'ratio', `target < ${TARGET_MS} ms`],
    [
      [
        'preview (parse, normalise, duplicates)',
        previewMs,
        parseMs,
        figures.ratios.preview,
        passMiss(previewMs < TARGET_MS),
      ],
      [
        'import (one transaction, with events)',
        importMs,
        insertMs,
        figures.ratios.import,
        passMiss(importMs < TARGET_MS),
      ],
    ],
  ),
);
console.log('\nBaseline: exceljs parse alone; plain INSERTs in one transaction, no validation, no events.');
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'import.json'), JSON.stringify(figures, null, 2));

// The same 5,000 items read back out: through /api/v1 cursor pages, next to the session JSON route.
await benchApiRead();
