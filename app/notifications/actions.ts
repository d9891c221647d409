'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { markAllRead, markRead } from '@/lib/notifications/inbox.server';
import { formId } from '@/lib/validation';

// The header's unread badge lives in the root layout: revalidate the whole layout, not only this page.
const everyPage = () => '/layout';

export const markReadAction = formAction(z.object({ id: formId }), (input, user) => markRead(user, input.id), {
  revalidate: everyPage,
});

export const markAllReadAction = formAction(z.object({}), (_input, user) => markAllRead(user), {
  revalidate: everyPage,
});
