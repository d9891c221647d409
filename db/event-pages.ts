import 'server-only';
import { dialect, rows } from './client';
import { sqlPieces } from './dialect';
import type { RawEventRow } from './event-chain';

const q = sqlPieces(dialect);
const LAST_ID_SQL = 'select coalesce(max(id), 0) as id from events';
const PAGE_SQL = `select id, at, actor_id, type, subject_type, subject_id, ${q.jsonText('data')} as data, prev_hash, hash
from events where id > ? and id <= ? order by id limit ?`;

/** The id of the last event now: a check or an export covers the rows up to it. */
export async function lastEventId(): Promise<number> {
  return Number((await rows<{ id: number | string }>(LAST_ID_SQL))[0].id);
}

/** Events with `after < id <= upTo` in id order, as stored (data as its JSON text). */
export function eventPage(after: number, upTo: number, limit: number): Promise<RawEventRow[]> {
  return rows<RawEventRow>(PAGE_SQL, [after, upTo, limit]);
}
