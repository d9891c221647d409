import { apiHandler, routeParamId } from '@/lib/api.server';
import { ConflictError } from '@/lib/errors';
import { fileResponse } from '@/lib/export/file';
import { cycleOutcome } from '@/lib/outcome/report.server';
import { exportOutcome, parseExportFormat } from '@/lib/outcome/export';

/**
 * GET /cycles/:id/outcome/export?format=csv|xlsx|md — the outcome page as a download, under the
 * page's read rule (lib/outcome/report.server.ts): 401 without a session, 400 for a bad id or format
 * (naming `format`), 403 for someone who may not read it (yet), 404 for an unknown cycle, 409 when no
 * meeting has ended.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
    const outcome = await cycleOutcome(user, cycleId);
    if (outcome.state === 'none')
      throw new ConflictError('No meeting of this cycle has ended yet: there is no outcome to export.');
    return fileResponse(await exportOutcome(outcome, format));
  });
}
