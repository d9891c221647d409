import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { listTriage } from '@/lib/requests/requests.server';
import { resubmittedIds } from '@/lib/curation/triage.server';
import { ResubmittedMark } from './[id]/curation-forms';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { LocalTime } from '@/components/items/item-history';
import { ScrollBox } from '@/components/ui/scroll-box';

export const metadata: Metadata = { title: 'Triage · Quorum' };

const th =
  'border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';
const td = 'border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/70';

function missing(r: { businessBenefit: string; sponsorSuggestion: string }) {
  const out: string[] = [];
  if (!r.businessBenefit.trim()) out.push('Business benefit');
  if (!r.sponsorSuggestion.trim()) out.push('Sponsor');
  return out;
}

const NOTES: Record<string, string> = {
  declined: 'The request was declined; its requestor has been told why.',
  asked: 'Your question was sent; the request comes back here when its requestor resubmits it.',
};

export default async function TriagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('request.triage');
  const params = await searchParams;
  const note = params.declined ? NOTES.declined : params.asked ? NOTES.asked : null;
  const requests = await listTriage(user);
  const resubmitted = await resubmittedIds(requests.map((r) => r.id));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Triage</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          New requests, oldest first. Complete each one and move it into a cycle.
        </p>
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
        <EmptyState title="No new requests. Everything has been triaged.">
          <p>
            New requests appear here as soon as someone submits one. <Link href="/cycles">Go to the cycles</Link>
          </p>
        </EmptyState>
      ) : (
        <ScrollBox label="New requests" className="rounded-md border border-zinc-200 dark:border-zinc-800">
          <table className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">New requests waiting for triage</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Title
                </th>
                <th scope="col" className={th}>
                  Requestor
                </th>
                <th scope="col" className={th}>
                  Department
                </th>
                <th scope="col" className={th}>
                  Submitted
                </th>
                <th scope="col" className={th}>
                  Missing
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => {
                const gaps = missing(r);
                return (
                  <tr key={r.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
                    <td className={`${td} font-medium wrap-anywhere`}>
                      <Link href={`/requests/${r.id}`}>{r.title}</Link>
                      {resubmitted.has(r.id) && <ResubmittedMark />}
                    </td>
                    <td className={td}>{r.requestorName}</td>
                    <td className={td}>{r.departmentName}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <LocalTime iso={r.createdAt} dateOnly />
                    </td>
                    <td className={td}>
                      {gaps.length ? (
                        <span className="text-amber-800 dark:text-amber-300">{gaps.join(', ')}</span>
                      ) : (
                        <span className="text-zinc-500 dark:text-zinc-400">Nothing</span>
                      )}
                    </td>
                    <td className={`${td} text-right`}>
                      <Link href={`/triage/${r.id}`} className={buttonClass('secondary')}>
                        Triage<span className="sr-only"> {r.title}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
