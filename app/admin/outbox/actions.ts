'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { retryOutbox } from '@/lib/notifications/outbox-admin.server';
import { formId } from '@/lib/validation';

/** retryOutbox checks its own permission in lib/: the page's check does not cover this action. */
export const retryOutboxAction = formAction(z.object({ id: formId }), (input, user) => retryOutbox(user, input.id), {
  message: 'Queued again.',
  revalidate: () => '/admin/outbox',
});
