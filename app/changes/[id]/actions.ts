'use server';
import { revalidatePath } from 'next/cache';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { approveChangeRequest, declineChangeRequest } from '@/lib/changes/decide';
import { withdrawChangeRequest } from '@/lib/changes/requests';
import { closeSession, conveneSession, respond } from '@/lib/changes/sessions';
import { formToObject, idParam } from '@/lib/validation';

/**
 * The change request page's actions. Each authenticates itself (the page's check does not cover
 * its actions) and lib/ authorizes and validates; on success the page re-renders (and every other
 * open copy of it follows through the request's event stream).
 */
async function run(form: FormData, fn: (user: SessionUser, changeRequestId: number) => string | void, success?: string): Promise<FormState> {
  const user = await requireUser();
  const changeRequestId = idParam.parse(form.get('changeRequestId'));
  let message = success;
  const state = await formAction(form, () => {
    const result = fn(user, changeRequestId);
    if (typeof result === 'string') message = result;
  });
  if (!state.ok) return state;
  revalidatePath(`/changes/${changeRequestId}`);
  return { ...state, message };
}

const sessionId = (form: FormData) => idParam.parse(form.get('sessionId'));

export async function conveneSessionAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const session = conveneSession(user, id, formToObject(form, ['inviteeIds']));
    return session.mode === 'live' ? 'Session convened: it is live now, and the invited leaders have been told.' : 'Session convened: the invited leaders have been told.';
  });
}

export async function respondAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user) => {
    const { replaced } = respond(user, sessionId(form), { response: form.get('response') ?? undefined, comment: form.get('comment') ?? '' });
    return replaced ? 'Response sent. It replaces your earlier response.' : 'Response sent.';
  });
}

export async function closeSessionAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user) => `Session closed. ${closeSession(user, sessionId(form)).explanation}`);
}

export async function approveAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const result = approveChangeRequest(user, id, { justification: form.get('justification') ?? '' });
    return `Approved and applied to the schedule${result.ruleMet ? '' : ', against the rule'}.`;
  });
}

export async function declineAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => { declineChangeRequest(user, id, { reason: form.get('reason') ?? '' }); }, 'Declined.');
}

export async function withdrawAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => { withdrawChangeRequest(user, id, { reason: form.get('withdrawNote') ?? '' }); }, 'Withdrawn.');
}
