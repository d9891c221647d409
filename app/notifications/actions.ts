'use server';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { mapFatal } from '@/lib/actions';
import { markAllRead, markRead } from '@/lib/notifications/inbox';
import { idParam } from '@/lib/validation';

// The header's unread badge lives in the root layout: revalidate the whole layout, not only this page.
const refresh = () => revalidatePath('/', 'layout');

export async function markReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const id = idParam.safeParse(form.get('id'));
  if (!id.success) notFound();
  try {
    markRead(user, id.data);
  } catch (error) {
    throw mapFatal(error);
  }
  refresh();
}

export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  markAllRead(user);
  refresh();
}
