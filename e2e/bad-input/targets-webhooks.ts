import type { BadInputTarget } from './targets';

/** Bad input for Admin › Webhooks (the URL's own rules are tested in lib/webhooks/input.test.ts). */
const webhookForm = { name: 'line', url: 'line', format: 'enum', events: 'enum' } as const;

export const WEBHOOK_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'action createWebhookAction', from: 'a new webhook', as: 'admin', kinds: webhookForm },
  { target: 'action updateWebhookAction', from: 'renamed', as: 'admin', kinds: { webhookId: 'id', ...webhookForm } },
  {
    target: 'action setWebhookActiveAction',
    from: 'switched on',
    as: 'admin',
    kinds: { webhookId: 'id', active: 'enum' },
  },
  { target: 'action rotateWebhookSecretAction', from: 'a new secret', as: 'admin', kinds: { webhookId: 'id' } },
  {
    target: 'action sendTestEventAction',
    from: 'a ping to a switched-off webhook',
    as: 'admin',
    kinds: { webhookId: 'id' },
  },
  {
    target: 'action redeliverAction',
    from: 'a failed delivery',
    as: 'admin',
    kinds: { webhookId: 'id', deliveryId: 'id' },
  },
  {
    target: 'action deleteWebhookAction',
    from: 'confirmed',
    as: 'admin',
    kinds: { webhookId: 'id', confirm: 'enum' },
  },
];
