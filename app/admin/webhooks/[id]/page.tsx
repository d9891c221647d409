import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { getWebhook } from '@/lib/webhooks/admin.server';
import { DELIVERY_LOG_LIMIT, listDeliveries } from '@/lib/webhooks/deliveries.server';
import { DeliveryLog } from '../_components/delivery-log';
import { VerifyHelp } from '../_components/verify-help';
import {
  ActiveForm,
  DeleteWebhookForm,
  EditWebhookForm,
  RotateSecretForm,
  TestEventForm,
} from '../_components/webhook-forms';

export const metadata: Metadata = { title: 'Webhook · Quorum' };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('webhook.manage');
  const id = await routeId(params);
  const hook = await readForPage(() => getWebhook(user, id));
  const deliveries = await listDeliveries(user, id);
  return (
    <div className="max-w-5xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/webhooks" className="underline">
          Webhooks
        </Link>{' '}
        › <span className="wrap-anywhere">{hook.name}</span>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold wrap-anywhere">{hook.name}</h1>
          <p className="text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
            {hook.active ? 'On' : 'Off: events are not queued for it'} · {hook.url}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {hook.active && <TestEventForm webhookId={hook.id} />}
          <ActiveForm webhookId={hook.id} active={hook.active} />
        </div>
      </div>
      <Section id="deliveries-heading" title="Deliveries">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The latest {DELIVERY_LOG_LIMIT}, newest first. Reload to see new ones.
        </p>
        <DeliveryLog webhookId={hook.id} deliveries={deliveries} />
      </Section>
      <Section id="settings-heading" title="Settings">
        <EditWebhookForm
          webhookId={hook.id}
          initial={{ name: hook.name, url: hook.url, format: hook.format, eventTypes: hook.eventTypes }}
        />
      </Section>
      <Section id="secret-heading" title="Signing secret">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Kept encrypted and never shown again after it is created. If it may have leaked, rotate it.
        </p>
        <RotateSecretForm webhookId={hook.id} />
        <VerifyHelp />
      </Section>
      <Section id="delete-heading" title="Delete">
        <DeleteWebhookForm webhookId={hook.id} name={hook.name} />
      </Section>
    </div>
  );
}
