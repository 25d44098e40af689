// Runs the DuckDB recipe of docs/export.md, verbatim, on the exports in
// ./exports/ (the working directory), and prints what DuckDB read as JSON:
//
//   node read-export.mjs DOCS_EXPORT_MD
//
// For each ```sql block of the recipe (marked by its first line, "-- CSV"
// or "-- JSONL"), in a fresh in-memory database: the block is run (it
// creates the view `cases`), then {"types": {column: DuckDB type},
// "by_category": {category: count}, "rows": [every row, values as JSON]}.
// Output: {"csv": {...}, "jsonl": {...}}. Used by
// tests/e2e/test_export_duckdb.py; the packages come from `npm ci` here
// (scripts/setup).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

function recipes(markdown) {
  const out = {};
  const fence = /```sql\n([\s\S]*?)```/g;
  for (const m of markdown.matchAll(fence)) {
    const first = m[1].split('\n', 1)[0].trim();
    if (first === '-- CSV') out.csv = m[1];
    if (first === '-- JSONL') out.jsonl = m[1];
  }
  return out;
}

async function read(sql) {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(sql);
  const types = {};
  const described = await db.runAndReadAll('DESCRIBE cases');
  for (const r of described.getRowObjectsJson()) types[r.column_name] = r.column_type;
  const by_category = {};
  const counted = await db.runAndReadAll(
    'SELECT category, count(*) AS cases FROM cases GROUP BY category ORDER BY category');
  for (const r of counted.getRowObjectsJson()) by_category[r.category ?? ''] = Number(r.cases);
  const all = await db.runAndReadAll('SELECT * FROM cases ORDER BY id');
  const rows = all.getRowObjectsJson();
  db.closeSync();
  instance.closeSync();
  return { types, by_category, rows };
}

const path = process.argv[2];
if (!path) {
  console.error('usage: node read-export.mjs DOCS_EXPORT_MD');
  process.exit(2);
}
const found = recipes(readFileSync(path, 'utf8'));
if (!found.csv || !found.jsonl) {
  console.error(`${path}: no \`\`\`sql block starting "-- CSV" and "-- JSONL"`);
  process.exit(2);
}
const result = { csv: await read(found.csv), jsonl: await read(found.jsonl) };
process.stdout.write(JSON.stringify(result) + '\n');
