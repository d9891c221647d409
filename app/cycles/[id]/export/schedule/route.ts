import { apiHandler, routeParamId } from '@/lib/api.server';
import { fileResponse, parseFormat, TABLE_FORMATS } from '@/lib/export/file';
import { renderTable } from '@/lib/export/render';
import { scheduleExport } from '@/lib/export/schedule.server';

/**
 * GET /cycles/:id/export/schedule?format=csv|xlsx — the delivery schedule as a download, under the
 * schedule page's read rule: 401 without a session, 400 for a bad id or format, 403 for someone who
 * may not read it (yet), 404 for an unknown cycle.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const cycleId = await routeParamId(params);
    const format = parseFormat(new URL(request.url).searchParams.get('format'), TABLE_FORMATS);
    const { cycleName, table } = await scheduleExport(user, cycleId);
    return fileResponse(await renderTable(table, format, { cycleName, what: 'schedule', sheetName: 'Schedule' }));
  });
}
