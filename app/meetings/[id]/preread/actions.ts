'use server';
import { revalidatePath } from 'next/cache';
import { formAction, type FormState } from '@/lib/actions';
import { requireUser } from '@/lib/auth/session';
import { answerQuestion, askQuestion, resolveQuestion } from '@/lib/questions/questions';
import { idParam } from '@/lib/validation';

// Each action checks the user itself (lib/ authorizes): the page's check does not cover actions.

const ids = (form: FormData, ...keys: string[]) => {
  const parsed = keys.map((k) => idParam.safeParse(form.get(k)));
  return parsed.every((p) => p.success) ? parsed.map((p) => p.data as number) : null;
};

const refresh = (meetingId: number) => revalidatePath(`/meetings/${meetingId}/preread`);

export async function askQuestionAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = ids(form, 'meetingId', 'itemId');
  if (!parsed) return { ok: false, message: 'This item is not on the pre-read.' };
  const [meetingId, itemId] = parsed;
  const state = await formAction(form, () => askQuestion(user, meetingId, itemId, form.get('body') ?? ''), 'Your question was posted; the people who answer for this item have been told.');
  if (state.ok) refresh(meetingId);
  return state;
}

export async function answerQuestionAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = ids(form, 'meetingId', 'questionId');
  if (!parsed) return { ok: false, message: 'This question does not exist.' };
  const [meetingId, questionId] = parsed;
  const state = await formAction(form, () => answerQuestion(user, questionId, form.get('body') ?? ''), 'Your answer was posted.');
  if (state.ok) refresh(meetingId);
  return state;
}

export async function resolveQuestionAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = ids(form, 'meetingId', 'questionId');
  if (!parsed) return { ok: false, message: 'This question does not exist.' };
  const [meetingId, questionId] = parsed;
  const state = await formAction(form, () => resolveQuestion(user, questionId), 'Marked resolved.');
  if (state.ok) refresh(meetingId);
  return state;
}
