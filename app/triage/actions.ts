'use server';
import { redirect } from 'next/navigation';
import { formAction, type FormState } from '@/lib/actions';
import { requirePermission } from '@/lib/auth/session';
import { triageRequest } from '@/lib/requests/requests';
import { formToObject, idParam } from '@/lib/validation';

/** Bound to the request's id on the page: `triageRequestAction.bind(null, itemId)`. */
export async function triageRequestAction(itemId: number, _prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requirePermission('request.triage');
  const id = idParam.safeParse(itemId);
  const version = idParam.safeParse(form.get('version'));
  if (!id.success || !version.success) return { ok: false, message: 'This form is out of date. Reload the page and try again.' };
  let cycleId: number | null = null;
  const state = await formAction(form, () => {
    cycleId = triageRequest(user, id.data, formToObject(form, ['moduleIds']), version.data).cycleId;
  });
  if (state.ok) redirect(`/cycles/${cycleId}?triaged=${id.data}`);
  return state;
}
