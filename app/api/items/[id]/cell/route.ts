import { z } from 'zod';
import { apiHandler, readJson, routeParamId } from '@/lib/api.server';
import { editItemInline } from '@/lib/backlog/inline-edit.server';
import { findBacklogRow } from '@/lib/backlog/list.server';
import { ConflictError, errorBody, ValidationError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';

const Body = z.looseObject({ version: z.number({ error: 'version must be a number.' }).int().positive() });

/**
 * PATCH /api/items/:id/cell — one cell of the backlog table (`{ version, field, value }`). Answers
 * `{ row }`; a refused or stale edit also sends the row as it now is, so the table shows the truth.
 */
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async (user) => {
    const id = await routeParamId(ctx.params);
    const { version, ...edit } = parseOrThrow(Body, await readJson(request));
    try {
      return { row: await editItemInline(user, id, version, edit) };
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      return Response.json({ ...errorBody(error), row: await findBacklogRow(user, id) }, { status: error.status });
    }
  });
}
