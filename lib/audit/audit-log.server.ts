import 'server-only';
import { sqlite } from '@/db/client';
import { verifyChain, type ChainReport, type RawEventRow } from '@/db/event-chain';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';

export type { ChainReport };

/** Checks the whole event log's hash chain (admin only): the row count, or the first row that does not match. */
export function getAuditCheck(actor: ActingUser): ChainReport {
  assertCan(actor, 'audit.view');
  return verifyChain(sqlite);
}

const BATCH = 1000;

/** One JSON Lines record: every column, `data` as the JSON value it holds (its text if it is not JSON). */
export function exportLine(row: RawEventRow): string {
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    data = row.data;
  }
  return `${JSON.stringify({ ...row, data })}\n`;
}

/**
 * The event log as JSON Lines (admin only), for an offline check with scripts/verify-audit-export.mjs.
 * It covers the rows up to the last one present when the download starts and is read in batches, so
 * a long log neither sits in memory nor holds the connection between reads (rows are only ever
 * appended, so later batches see the same rows the first would have).
 */
export function getAuditExport(actor: ActingUser, now = new Date()): { filename: string; body: ReadableStream } {
  assertCan(actor, 'audit.view');
  const lastId = (sqlite.prepare('select coalesce(max(id), 0) as id from events').get() as { id: number }).id;
  const page = sqlite.prepare(
    'select id, at, actor_id, type, subject_type, subject_id, data, prev_hash, hash from events where id > ? and id <= ? order by id limit ?',
  );
  let after = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const rows = page.all(after, lastId, BATCH) as RawEventRow[];
      if (rows.length === 0) return controller.close();
      after = rows[rows.length - 1].id;
      controller.enqueue(encoder.encode(rows.map(exportLine).join('')));
    },
  });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return { filename: `quorum-audit-${stamp}.jsonl`, body };
}
