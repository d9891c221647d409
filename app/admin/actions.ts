'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { changeRole, endSessionsByAdmin, resetPassword, setUserActive } from '@/lib/users/admin.server';
import { formId } from '@/lib/validation';
import { plural } from '@/lib/plural';
import { changeDepartment } from '@/lib/users/department.server';
import { createInvitation, resendInvitation, revokeInvitation } from '@/lib/invitations/invite.server';

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

export const changeRoleAction = formAction(
  z.looseObject({ userId: formId }),
  (input, user) => changeRole(user, input.userId, input),
  { message: 'Role changed: their session ends on their next request.', revalidate: () => '/admin' },
);

export const resetPasswordAction = formAction(
  z.looseObject({ userId: formId }),
  (input, user) => resetPassword(user, input.userId, input),
  {
    message: (ended) =>
      `Password reset: tell them the new one in person. ${ended === 0 ? 'They had no open session.' : `${plural(ended, 'session')} ended.`}`,
    revalidate: () => '/admin',
  },
);

export const changeDepartmentAction = formAction(
  z.looseObject({ userId: formId }),
  (input, user) => changeDepartment(user, input.userId, input),
  { message: 'Department changed.', revalidate: () => '/admin' },
);

export const inviteAction = formAction(z.looseObject({}), (input, user) => createInvitation(user, input), {
  message: (_id, input) => `Invitation sent to ${String(input.email).trim().toLowerCase()}.`,
  revalidate: () => '/admin',
});

export const resendInvitationAction = formAction(
  z.object({ invitationId: formId }),
  (input, user) => resendInvitation(user, input.invitationId),
  { message: 'Sent again with a new link; the old link no longer works.', revalidate: () => '/admin' },
);

export const revokeInvitationAction = formAction(
  z.object({ invitationId: formId }),
  (input, user) => revokeInvitation(user, input.invitationId),
  { message: 'Revoked: the link no longer works.', revalidate: () => '/admin' },
);
