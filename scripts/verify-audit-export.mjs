#!/usr/bin/env node
/**
 * Checks an event-log export (GET /admin/audit/export, JSON Lines) offline, with plain Node and
 * no dependencies:  node scripts/verify-audit-export.mjs quorum-audit-….jsonl
 * It recomputes the hash chain exactly as db/event-chain.ts writes it and prints OK with the
 * count and the last hash, or the first line that does not match (exit 1). Compare that last hash
 * with the one of an earlier export kept elsewhere: a later export must contain the earlier one's
 * rows unchanged, i.e. the same hash at the same id.
 *
 * hash = sha256_hex(prev_hash + canonical_json({id, at, actor_id, type, subject_type, subject_id, data}))
 * canonical JSON: keys sorted at every depth, no whitespace, values as JSON.stringify writes them.
 * The first row's prev_hash is 64 zeros.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const GENESIS_HASH = '0'.repeat(64);

function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function rowHash(prevHash, r) {
  const content = canonicalJson({
    id: r.id,
    at: r.at,
    actor_id: r.actor_id,
    type: r.type,
    subject_type: r.subject_type,
    subject_id: r.subject_id,
    data: r.data,
  });
  return createHash('sha256')
    .update(prevHash + content, 'utf8')
    .digest('hex');
}

const file = process.argv[2];
if (!file) {
  console.error('Usage: node scripts/verify-audit-export.mjs <export.jsonl>');
  process.exit(2);
}

let expectedPrev = GENESIS_HASH;
let count = 0;
let lineNo = 0;
const fail = (id, what) => {
  console.error(`FAILED at line ${lineNo}, event ${id}: ${what}`);
  console.error(`${count} events before it verify.`);
  process.exit(1);
};
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  lineNo++;
  if (line.trim() === '') continue;
  let row;
  try {
    row = JSON.parse(line);
  } catch {
    fail('?', 'the line is not JSON.');
  }
  if (row.prev_hash !== expectedPrev)
    fail(row.id, 'link wrong: its prev_hash is not the previous row’s hash (a row was removed, inserted or moved).');
  if (rowHash(row.prev_hash, row) !== row.hash) fail(row.id, 'content wrong: the row does not match its hash.');
  expectedPrev = row.hash;
  count++;
}
console.log(`OK: ${count} events, the hash chain verifies. Last hash: ${expectedPrev}`);
