import 'server-only';
import { verifyChain, type ChainReport, type RawEventRow } from '@/db/event-chain';
import { eventPage, lastEventId } from '@/db/event-pages';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';

export type { ChainReport };

/** Checks the whole event log's hash chain (admin only): the row count, or the first row that does not match. */
export async function getAuditCheck(actor: ActingUser): Promise<ChainReport> {
  assertCan(actor, 'audit.view');
  return verifyChain(await lastEventId(), eventPage);
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
export async function getAuditExport(
  actor: ActingUser,
  now = new Date(),
): Promise<{ filename: string; body: ReadableStream }> {
  assertCan(actor, 'audit.view');
  const lastId = await lastEventId();
  let after = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await eventPage(after, lastId, BATCH);
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
