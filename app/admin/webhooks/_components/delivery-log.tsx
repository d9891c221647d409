import type { DeliveryRow } from '@/lib/webhooks/deliveries.server';
import { LocalTime } from '@/components/items/item-history';
import { EmptyState } from '@/components/ui/empty-state';
import { RedeliverButton } from './webhook-forms';
import { ScrollBox } from '@/components/ui/scroll-box';

const th =
  'border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';
const td = 'border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/70';
const none = <span className="text-zinc-500 dark:text-zinc-400">—</span>;
const iso = (ms: number) => new Date(ms).toISOString();

// Text plus colour, never colour alone; a pending row that has failed before says it is retrying.
function statusOf(d: DeliveryRow): { label: string; style: string } {
  if (d.status === 'delivered')
    return {
      label: 'Delivered',
      style: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
    };
  if (d.status === 'failed')
    return { label: 'Failed', style: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100' };
  if (d.status === 'sending')
    return { label: 'Sending', style: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100' };
  return d.attempts > 0
    ? { label: 'Retrying', style: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' }
    : { label: 'Queued', style: 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100' };
}

export function DeliveryLog({ webhookId, deliveries }: { webhookId: number; deliveries: DeliveryRow[] }) {
  if (deliveries.length === 0)
    return (
      <EmptyState title="No delivery yet">
        Deliveries appear here when a subscribed event happens, or when you send a test event.
      </EmptyState>
    );
  return (
    <ScrollBox label="Deliveries" className="rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">Deliveries, newest first</caption>
        <thead>
          <tr>
            {['Event', 'Created', 'Status', 'Attempts', 'Last answer', 'Next attempt'].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const status = statusOf(d);
            return (
              <tr key={d.id} aria-label={`Delivery ${d.id}`}>
                <td className={td}>
                  <code>{d.eventType}</code>
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <LocalTime iso={iso(d.createdAt)} />
                </td>
                <td className={td}>
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${status.style}`}>{status.label}</span>
                </td>
                <td className={`${td} tabular-nums`}>{d.attempts}</td>
                <td className={`${td} max-w-sm wrap-anywhere`}>
                  {d.lastStatusCode !== null && <span className="tabular-nums">HTTP {d.lastStatusCode}</span>}
                  {d.lastStatusCode !== null && d.lastError ? ' · ' : ''}
                  {d.lastError}
                  {d.lastStatusCode === null && !d.lastError && none}
                  {d.tries.length > 0 && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs">Attempts ({d.tries.length})</summary>
                      <ol className="mt-1 space-y-0.5 text-xs">
                        {d.tries.map((t) => (
                          <li key={t.id}>
                            <LocalTime iso={iso(t.at)} /> ·{' '}
                            {t.statusCode === null ? 'no answer' : `HTTP ${t.statusCode}`} · {t.durationMs} ms
                            {t.error ? ` · ${t.error}` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {d.status === 'pending' ? <LocalTime iso={iso(d.nextAttemptAt)} /> : none}
                </td>
                <td className={td}>
                  {(d.status === 'delivered' || d.status === 'failed') && (
                    <RedeliverButton webhookId={webhookId} deliveryId={d.id} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
