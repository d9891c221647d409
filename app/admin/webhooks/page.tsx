import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { listWebhooks } from '@/lib/webhooks/admin.server';
import { EmptyState } from '@/components/ui/empty-state';
import { NewWebhookForm } from './_components/webhook-forms';
import { VerifyHelp } from './_components/verify-help';

export const metadata: Metadata = { title: 'Webhooks · Quorum' };

export default async function WebhooksPage() {
  const user = await requirePermission('webhook.manage');
  const hooks = await listWebhooks(user);
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Quorum posts the events you choose to another service — your own, or a Slack channel — signed with a secret
          only that service knows.
        </p>
      </div>
      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Registered webhooks
        </h2>
        {hooks.length === 0 ? (
          <EmptyState title="No webhook yet">Add one below.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {hooks.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="min-w-0">
                  <Link
                    href={`/admin/webhooks/${h.id}`}
                    className="font-medium wrap-anywhere text-indigo-700 underline dark:text-indigo-300"
                  >
                    {h.name}
                  </Link>
                  <p className="text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
                    {h.url} · {h.format === 'slack' ? 'Slack' : 'JSON'} · {h.eventTypes.join(', ')}
                  </p>
                </div>
                <p className="text-sm">{h.active ? 'On' : 'Off'}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-webhook-heading" className="space-y-3">
        <h2 id="new-webhook-heading" className="text-lg font-semibold">
          Add a webhook
        </h2>
        <NewWebhookForm />
      </section>
      <VerifyHelp />
    </div>
  );
}
