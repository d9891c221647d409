import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { listMyRequests } from '@/lib/requests/requests.server';
import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/items/item-history';
import { ScrollBox } from '@/components/ui/scroll-box';

export const metadata: Metadata = { title: 'My requests · Quorum' };

const NOTES: Record<string, string> = {
  created: 'Your request has been submitted. A product manager will review it and put it on a cycle’s agenda.',
  withdrawn: 'Your request has been withdrawn.',
  resubmitted: 'Your request has been resubmitted. A product manager will look at it again.',
};

const th =
  'border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';
const td = 'border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/70';

export default async function MyRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const note = params.created
    ? NOTES.created
    : params.withdrawn
      ? NOTES.withdrawn
      : params.resubmitted
        ? NOTES.resubmitted
        : null;
  const requests = await listMyRequests(user);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">My requests</h1>
        <LinkButton href="/requests/new">New request</LinkButton>
      </div>
      {note && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {note}
        </p>
      )}
      {requests.length === 0 ? (
        <EmptyState title="You have not asked for anything yet">
          <p>
            Need something from engineering? <Link href="/requests/new">Make your first request</Link> and follow its
            status here.
          </p>
        </EmptyState>
      ) : (
        <ScrollBox label="Your requests" className="rounded-md border border-zinc-200 dark:border-zinc-800">
          <table className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">Your requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Title
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
                <th scope="col" className={th}>
                  Cycle
                </th>
                <th scope="col" className={th}>
                  Last update
                </th>
                <th scope="col" className={th}>
                  Decision
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
                  <td className={`${td} font-medium`}>
                    <Link href={`/requests/${r.id}`}>{r.title}</Link>
                  </td>
                  <td className={td}>
                    <StatusBadge status={r.status} belowCut={r.belowCut} />
                  </td>
                  <td className={td}>
                    {r.cycleName ?? <span className="text-zinc-500 dark:text-zinc-400">Not yet in a cycle</span>}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    <LocalTime iso={r.updatedAt} />
                  </td>
                  <td className={`${td} max-w-md`}>
                    {r.decisionReason || (!r.decidedIn && <span className="text-zinc-500 dark:text-zinc-400">—</span>)}
                    {r.decidedIn && (
                      <p className="text-zinc-600 dark:text-zinc-400">
                        Decided in {r.decidedIn.meetingTitle}
                        {r.decidedIn.outcomePath && (
                          <>
                            {' '}
                            ·{' '}
                            <Link href={r.decidedIn.outcomePath}>
                              See the published outcome<span className="sr-only"> for {r.title}</span>
                            </Link>
                          </>
                        )}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
