'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { setUserActive } from '@/lib/users/admin.server';
import { formId } from '@/lib/validation';

export const setActiveAction = formAction(
  z.object({ userId: formId, active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  (input, user) => setUserActive(user, input.userId, input.active),
  {
    message: (_r, input) => (input.active ? 'Reactivated.' : 'Deactivated: their session ends on their next request.'),
    revalidate: () => '/admin',
  },
);
