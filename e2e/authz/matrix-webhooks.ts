/**
 * The matrix rows of Admin › Webhooks: its pages and every action are admin-only. The webhooks are
 * switched off (e2e/fixtures/webhooks.ts), so a test event is refused even to an admin: sending one
 * is e2e/webhooks.spec.ts's.
 */
import { makeE2eDelivery, makeE2eWebhook } from '../fixtures/webhooks';
import { allow, str, type Row } from './rows';
import type { Scene } from './scene';

const ADMIN_ONLY = allow(['admin'], 'forbidden');
const form = {
  name: 'Matrix hook',
  url: 'http://127.0.0.1:9/matrix',
  format: 'json',
  events: 'schedule.published',
};

const onWebhook = (
  name: string,
  kase: string,
  fields: (id: number, s: Scene) => Record<string, string> | Promise<Record<string, string>> = () => ({}),
  expect: Row['expect'] = ADMIN_ONLY,
): Row => ({
  target: `action ${name}`,
  case: kase,
  call: async (s) => {
    const hook = await makeE2eWebhook(s.world.db);
    return {
      action: name,
      fields: { webhookId: str(hook.id), ...(await fields(hook.id, s)) },
      from: `/admin/webhooks/${hook.id}`,
    };
  },
  expect,
});

export const WEBHOOK_ROWS: Row[] = [
  { target: 'page /admin/webhooks', case: 'the list', call: () => ({ page: '/admin/webhooks' }), expect: ADMIN_ONLY },
  {
    target: 'page /admin/webhooks/[id]',
    case: 'a webhook with a delivery',
    call: async (s) => {
      const hook = await makeE2eWebhook(s.world.db);
      await makeE2eDelivery(s.world.db, hook.id);
      return { page: `/admin/webhooks/${hook.id}` };
    },
    expect: ADMIN_ONLY,
  },
  {
    target: 'action createWebhookAction',
    case: 'a new webhook',
    call: () => ({ action: 'createWebhookAction', fields: form, from: '/admin/webhooks' }),
    expect: ADMIN_ONLY,
  },
  onWebhook('updateWebhookAction', 'renamed', () => ({ ...form, name: 'Matrix hook renamed' })),
  onWebhook('setWebhookActiveAction', 'switched on', () => ({ active: 'true' })),
  onWebhook('rotateWebhookSecretAction', 'a new secret'),
  onWebhook(
    'sendTestEventAction',
    'a ping to a switched-off webhook',
    () => ({}),
    allow([], 'forbidden', { admin: 'refused' }),
  ),
  onWebhook('redeliverAction', 'a failed delivery', async (id, s) => ({
    deliveryId: str((await makeE2eDelivery(s.world.db, id)).id),
  })),
  onWebhook('deleteWebhookAction', 'confirmed', () => ({ confirm: 'yes' })),
];
