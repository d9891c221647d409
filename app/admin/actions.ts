'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { endSessionsByAdmin, setUserActive } from '@/lib/users/admin.server';
import { formId } from '@/lib/validation';
import { plural } from '@/lib/plural';

export const setActiveAction = formAction(
  z.object({ userId: formId, active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  (input, user) => setUserActive(user, input.userId, input.active),
  {
    message: (_r, input) => (input.active ? 'Reactivated.' : 'Deactivated: their session ends on their next request.'),
    revalidate: () => '/admin',
  },
);

export const endSessionsAction = formAction(
  z.object({ userId: formId }),
  (input, user) => endSessionsByAdmin(user, input.userId),
  {
    message: (ended) => (ended === 0 ? 'They had no open session.' : `Signed out: ${plural(ended, 'session')} ended.`),
    revalidate: () => '/admin',
  },
);
