import { apiHandler } from '@/lib/api.server';
import { getAuditExport } from '@/lib/audit/audit-log.server';

export const dynamic = 'force-dynamic';

/**
 * GET /admin/audit/export — the event log as JSON Lines with both hashes, for an offline audit
 * (admin only): 401 without a session, 403 for anyone else.
 */
export async function GET() {
  return apiHandler(async (user) => {
    const file = await getAuditExport(user);
    return new Response(file.body, {
      headers: {
        'Content-Type': 'application/jsonl; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
