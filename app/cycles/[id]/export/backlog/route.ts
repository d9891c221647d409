import { apiHandler, routeParamId } from '@/lib/api.server';
import { backlogExport } from '@/lib/export/backlog.server';
import { fileResponse, parseFormat, TABLE_FORMATS } from '@/lib/export/file';
import { renderTable } from '@/lib/export/render';

/**
 * GET /cycles/:id/export/backlog?format=csv|xlsx&<the table's view> — the backlog as the table shows
 * it, as a download. 401 without a session, 400 for a bad id, format or view parameter (naming it),
 * 403 without `backlog.view`, 404 for an unknown cycle.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get('format'), TABLE_FORMATS);
    const { cycleName, table } = await backlogExport(user, cycleId, query);
    return fileResponse(await renderTable(table, format, { cycleName, what: 'backlog', sheetName: 'Backlog' }));
  });
}
