import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import {
  OUTBOX_STATUSES,
  OUTBOX_STATUS_LABEL,
  OutboxFilterSchema,
  listOutbox,
  smtpConfigured,
  type OutboxStatus,
} from '@/lib/notifications/outbox-admin.server';
import { EmptyState } from '@/components/ui/empty-state';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { LocalTime } from '@/components/items/item-history';
import { RetryButton } from '@/app/admin/outbox/_components/retry-button';
import { ScrollBox } from '@/components/ui/scroll-box';

export const metadata: Metadata = { title: 'Outbox · Quorum' };

const th =
  'border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';
const td = 'border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/70';

// Text plus colour, never colour alone.
const STATUS_STYLE: Record<OutboxStatus, string> = {
  pending: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  sending: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  sent: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
};

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('outbox.view');
  const { status } = OutboxFilterSchema.parse(await searchParams); // an unknown status shows everything
  const rows = await listOutbox(user, { status });
  const configured = smtpConfigured();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Outbox</h1>
      {!configured && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          No SMTP server is configured (SMTP_URL): e-mail is not sent. This list shows what would have been sent.
        </p>
      )}
      <form method="get" className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ''} className={`${controlClass} w-40`}>
            <option value="">All</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {OUTBOX_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={status ? `No ${OUTBOX_STATUS_LABEL[status].toLowerCase()} e-mail` : 'No e-mail yet'}>
          <p>E-mail appears here when Quorum notifies someone, for example when a pre-read is distributed.</p>
        </EmptyState>
      ) : (
        <ScrollBox label="E-mail in the outbox" className="rounded-md border border-zinc-200 dark:border-zinc-800">
          <table className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">E-mail in the outbox, newest first</caption>
            <thead>
              <tr>
                {['To', 'Subject', 'Status', 'Attempts', 'Next attempt', 'Last error', 'Sent at'].map((h) => (
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
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={td}>{r.toAddress}</td>
                  <td className={`${td} max-w-xs`}>{r.subject}</td>
                  <td className={td}>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status]}`}>
                      {OUTBOX_STATUS_LABEL[r.status]}
                    </span>
                  </td>
                  <td className={`${td} tabular-nums`}>{r.attempts}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    {r.status === 'pending' ? (
                      <LocalTime iso={new Date(r.nextAttemptAt).toISOString()} />
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">—</span>
                    )}
                  </td>
                  <td className={`${td} max-w-sm wrap-anywhere`}>
                    {r.lastError ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {r.sentAt ? (
                      <LocalTime iso={r.sentAt} />
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">—</span>
                    )}
                  </td>
                  <td className={td}>{r.status === 'failed' && <RetryButton id={r.id} to={r.toAddress} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
