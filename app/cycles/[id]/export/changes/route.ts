import { apiHandler, routeParamId } from '@/lib/api.server';
import { changesExport } from '@/lib/export/changes.server';
import { fileResponse, parseFormat, TABLE_FORMATS } from '@/lib/export/file';
import { renderTable } from '@/lib/export/render';

/**
 * GET /cycles/:id/export/changes?format=csv|xlsx — the cycle's change requests as a download, under
 * the change list's read rule: 401 without a session, 400 for a bad id or format, 403 for a
 * requestor, 404 for an unknown cycle.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    const format = parseFormat(new URL(request.url).searchParams.get('format'), TABLE_FORMATS);
    const { cycleName, table } = await changesExport(user, cycleId);
    return fileResponse(
      await renderTable(table, format, { cycleName, what: 'change-requests', sheetName: 'Change requests' }),
    );
  });
}
