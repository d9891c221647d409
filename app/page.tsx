import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { getDashboard, type Dashboard } from '@/lib/home/dashboard.server';
import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { listUpcomingMeetings } from '@/lib/home/upcoming-meetings.server';
import { UpcomingMeetings } from './_components/upcoming-meetings';
import { NeedsNow } from '@/components/home/needs-now';

const card = 'space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export default async function HomePage() {
  const user = await requireUser();
  const dashboard = await getDashboard(user);
  const upcoming = await listUpcomingMeetings(user);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Hello, {user.name.split(' ')[0]}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Here is what needs your attention.</p>
      </div>
      <NeedsNow needs={dashboard.needs} className={card} />
      <UpcomingMeetings meetings={upcoming} className={card} />
      {dashboard.curation && <Curation curation={dashboard.curation} />}
      {!dashboard.curation && dashboard.canViewCycles && (
        <section aria-labelledby="cycles-heading" className={card}>
          <h2 id="cycles-heading" className="text-base font-semibold">
            Cycles
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Read the backlog, give estimates and prepare for the next prioritisation meeting.
          </p>
          <LinkButton href="/cycles" variant="secondary">
            Go to the cycles
          </LinkButton>
        </section>
      )}
      <MyRequests requests={dashboard.requests} />
    </div>
  );
}

function MyRequests({ requests }: { requests: Dashboard['requests'] }) {
  return (
    <section aria-labelledby="requests-heading" className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="requests-heading" className="text-base font-semibold">
          Your requests
        </h2>
        <LinkButton href="/requests/new" variant="secondary">
          New request
        </LinkButton>
      </div>
      {requests.total === 0 ? (
        <EmptyState title="You have not asked for anything yet">
          <p>
            Need something from engineering? <Link href="/requests/new">Make a request</Link> and follow its status
            here.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {requests.latest.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`/requests/${r.id}`} className="truncate">
                  {r.title}
                </Link>
                <StatusBadge status={r.status} belowCut={r.belowCut} />
              </li>
            ))}
          </ul>
          <p className="text-sm">
            <Link href="/requests">All your requests ({requests.total})</Link>
          </p>
        </>
      )}
    </section>
  );
}

async function Curation({ curation }: { curation: NonNullable<Dashboard['curation']> }) {
  const { incomplete, triageCount } = curation;
  return (
    <>
      <section aria-labelledby="triage-heading" className={card}>
        <h2 id="triage-heading" className="text-base font-semibold">
          New requests
        </h2>
        {triageCount === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No new requests. Everything has been triaged.</p>
        ) : (
          <p className="text-sm">
            <Link href="/triage">New requests to triage: {triageCount}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="incomplete-heading" className={card}>
        <h2 id="incomplete-heading" className="text-base font-semibold">
          Items missing fields
        </h2>
        {incomplete.total === 0 ? (
          <EmptyState title="Every item on a cycle's agenda is complete">
            <p>Curated items all have an estimate, a sponsor and a business benefit.</p>
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Complete these before the pre-read goes out
              {incomplete.total > incomplete.rows.length
                ? ` (showing ${incomplete.rows.length} of ${incomplete.total})`
                : ''}
              .
            </p>
            <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {incomplete.rows.map((r) => (
                <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                  <span className="min-w-0">
                    <Link href={`/items/${r.id}`}>{r.title}</Link>{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">· {r.cycleName}</span>
                  </span>
                  <span className="text-amber-800 dark:text-amber-300">Missing: {r.missing.join(', ')}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
