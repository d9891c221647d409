import 'server-only';
import { dialect, rows } from './client';
import { eventPageSql, LAST_EVENT_ID_SQL, type RawEventRow } from './event-chain';

const PAGE_SQL = eventPageSql(dialect);

/** The id of the last event now: a check or an export covers the rows up to it. */
export async function lastEventId(): Promise<number> {
  return Number((await rows<{ id: number | string }>(LAST_EVENT_ID_SQL))[0].id);
}

/** Events with `after < id <= upTo` in id order, as stored (data as its JSON text). */
export function eventPage(after: number, upTo: number, limit: number): Promise<RawEventRow[]> {
  return rows<RawEventRow>(PAGE_SQL, [after, upTo, limit]);
}
