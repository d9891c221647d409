'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { formId } from '@/lib/validation';
import {
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  setWebhookActive,
  updateWebhook,
} from '@/lib/webhooks/admin.server';
import { redeliver, sendTestEvent } from '@/lib/webhooks/deliveries.server';

// Each lib function checks webhook.manage itself: the page's check does not cover its actions.
const withWebhook = z.looseObject({ webhookId: formId });
const page = (input: { webhookId: number }) => `/admin/webhooks/${input.webhookId}`;

/** The secret ends the message (its last word): the form shows it apart, with a copy button. */
export const createWebhookAction = formAction(z.looseObject({}), (input, user) => createWebhook(user, input), {
  message: (r) => `Webhook added. Its signing secret, shown only now: ${r.secret}`,
  revalidate: () => '/admin/webhooks',
});

export const updateWebhookAction = formAction(
  withWebhook,
  (input, user) => updateWebhook(user, input.webhookId, input),
  { message: 'Saved.', revalidate: (input) => [page(input), '/admin/webhooks'] },
);

export const setWebhookActiveAction = formAction(
  z.object({ webhookId: formId, active: z.enum(['true', 'false']) }),
  (input, user) => setWebhookActive(user, input.webhookId, input.active === 'true'),
  {
    message: (_, input) => (input.active === 'true' ? 'Switched on.' : 'Switched off: events are not queued for it.'),
    revalidate: (input) => [page(input), '/admin/webhooks'],
  },
);

export const deleteWebhookAction = formAction(
  z.object({ webhookId: formId, confirm: z.literal('yes') }),
  (input, user) => deleteWebhook(user, input.webhookId),
  { revalidate: () => '/admin/webhooks', redirect: () => '/admin/webhooks' },
);

export const rotateWebhookSecretAction = formAction(
  z.object({ webhookId: formId }),
  (input, user) => rotateWebhookSecret(user, input.webhookId),
  { message: (secret) => `New signing secret, shown only now: ${secret}`, revalidate: page },
);

export const sendTestEventAction = formAction(
  z.object({ webhookId: formId }),
  (input, user) => sendTestEvent(user, input.webhookId),
  { message: 'Test event queued: see it in the delivery log below.', revalidate: page },
);

export const redeliverAction = formAction(
  z.object({ webhookId: formId, deliveryId: formId }),
  (input, user) => redeliver(user, input.webhookId, input.deliveryId),
  { message: 'Queued again.', revalidate: page },
);
