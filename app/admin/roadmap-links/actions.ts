'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { appUrl } from '@/lib/app-url.server';
import { formId } from '@/lib/validation';
import { createRoadmapLink, revokeRoadmapLink, setCycleShared } from '@/lib/roadmap/links.server';

// Each lib function checks that the actor is an admin itself: the page's check does not cover its actions.
const PAGE = '/admin/roadmap-links';

/** The address ends the message (its last word): the form shows it apart, with a copy button. */
export const createRoadmapLinkAction = formAction(z.looseObject({}), (input, user) => createRoadmapLink(user, input), {
  message: (r) => `Link created. Its address, shown only now: ${appUrl(`/share/${r.token}`)}`,
  revalidate: () => PAGE,
});

export const revokeRoadmapLinkAction = formAction(
  z.object({ linkId: formId, confirm: z.literal('yes') }),
  (input, user) => revokeRoadmapLink(user, input.linkId),
  { message: 'Revoked: the link now answers “not found”.', revalidate: () => PAGE },
);

export const setCycleSharedAction = formAction(
  z.object({ cycleId: formId, shared: z.enum(['true', 'false']) }),
  (input, user) => setCycleShared(user, input.cycleId, input.shared === 'true'),
  {
    message: (_, input) => (input.shared === 'true' ? 'Shared on links.' : 'No longer shared on links.'),
    revalidate: () => PAGE,
  },
);
