'use server';
import { assertSessionOf } from '@/lib/changes/scope.server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { approveChangeRequest, declineChangeRequest } from '@/lib/changes/decide.server';
import { withdrawChangeRequest } from '@/lib/changes/withdraw.server';
import { closeSession, conveneSession, respond } from '@/lib/changes/sessions.server';
import { formId, formList, formText } from '@/lib/validation';

// On success the page re-renders, and every other open copy of it follows through the request's event stream.
const ChangeRequestRef = z.looseObject({ changeRequestId: formId });
const SessionRef = ChangeRequestRef.extend({ sessionId: formId });
const changeRequestPage = (input: { changeRequestId: number }) => `/changes/${input.changeRequestId}`;

export const conveneSessionAction = formAction(
  ChangeRequestRef.extend({ inviteeIds: formList(z.string()) }),
  (input, user) => conveneSession(user, input.changeRequestId, input),
  {
    message: (session) =>
      session.mode === 'live'
        ? 'Session convened: it is live now, and the invited leaders have been told.'
        : 'Session convened: the invited leaders have been told.',
    revalidate: changeRequestPage,
  },
);

export const respondAction = formAction(
  SessionRef.extend({ response: z.string().optional(), comment: formText }),
  async (input, user) => {
    await assertSessionOf(input.changeRequestId, input.sessionId);
    return respond(user, input.sessionId, { response: input.response, comment: input.comment });
  },
  {
    message: ({ replaced }) => (replaced ? 'Response sent. It replaces your earlier response.' : 'Response sent.'),
    revalidate: changeRequestPage,
  },
);

export const closeSessionAction = formAction(
  SessionRef,
  async (input, user) => {
    await assertSessionOf(input.changeRequestId, input.sessionId);
    return closeSession(user, input.sessionId);
  },
  {
    message: (closed) => `Session closed. ${closed.explanation}`,
    revalidate: changeRequestPage,
  },
);

export const approveAction = formAction(
  ChangeRequestRef.extend({ justification: formText }),
  (input, user) => approveChangeRequest(user, input.changeRequestId, { justification: input.justification }),
  {
    message: (result) => `Approved and applied to the schedule${result.ruleMet ? '' : ', against the rule'}.`,
    revalidate: changeRequestPage,
  },
);

export const declineAction = formAction(
  ChangeRequestRef.extend({ reason: formText }),
  (input, user) => declineChangeRequest(user, input.changeRequestId, { reason: input.reason }),
  { message: 'Declined.', revalidate: changeRequestPage },
);

export const withdrawAction = formAction(
  ChangeRequestRef.extend({ withdrawNote: formText }),
  (input, user) => withdrawChangeRequest(user, input.changeRequestId, { reason: input.withdrawNote }),
  { message: 'Withdrawn.', revalidate: changeRequestPage },
);
