import { tuples } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Liveness for start-up scripts and tests: answers once the database is open and migrated. */
export async function GET() {
  await tuples('select 1');
  return Response.json({ ok: true });
}
