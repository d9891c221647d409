import { sqlite } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Liveness for start-up scripts and tests: answers once the database is open and migrated. */
export function GET() {
  sqlite.prepare('select 1').get();
  return Response.json({ ok: true });
}
