import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { getItemDetail } from '@/lib/backlog/detail.server';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { personWeeks } from '@/lib/plural';
import { readForPage, routeId } from '@/lib/pages.server';
import { StatusBadge } from '@/components/ui/status-badge';
import { LinkButton } from '@/components/ui/button';
import { ItemHistory } from '@/components/items/item-history';
import { describeHistory } from '@/lib/history/names.server';
import { StatusForm } from '@/app/items/[id]/_components/status-form';
import { can } from '@/lib/auth/permissions';
import { itemScheduleTimeline } from '@/lib/changes/history.server';
import { ScheduleHistory } from '@/components/changes/schedule-history';
import { MERGEABLE } from '@/lib/curation/merge-rules.server';
import type { ItemStatus } from '@/db/schema';
import { MergedNotice } from '@/components/items/merged-notice';
import { mergedInto } from '@/lib/curation/merged-into.server';
import { coPeopleNames } from '@/lib/backlog/co-people.server';
import { DeliverySection } from './_components/delivery/delivery-section';
import { deliveryPanel } from '@/lib/delivery/read.server';

export const metadata: Metadata = { title: 'Item · Quorum' };

const SAVED: Record<string, string> = {
  created: 'Item added.',
  updated: 'Changes saved.',
  merged: 'Merged: the duplicate now points to this item.',
};

export default async function ItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const id = await routeId(params);
  const d = await readForPage(() => getItemDetail(user, id));
  const saved = SAVED[(await searchParams).saved ?? ''];
  const estimate = d.item.estimateSize
    ? d.effectiveWeeks === null
      ? d.item.estimateSize
      : `${d.item.estimateSize} (${personWeeks(d.effectiveWeeks)})`
    : d.item.estimateWeeks !== null
      ? personWeeks(d.item.estimateWeeks)
      : 'Not estimated';
  const fields: [string, React.ReactNode][] = [
    ['Cycle', d.cycle ? <Link href={`/cycles/${d.cycle.id}`}>{d.cycle.name}</Link> : 'Not in a cycle yet'],
    ['Theme', d.themeName ?? 'No theme'],
    ['Kind', KIND_LABEL[d.item.kind]],
    ['Estimate', d.item.actualWeeks === null ? estimate : `${estimate} · actual ${personWeeks(d.item.actualWeeks)}`],
    ['Department', d.departmentName],
    ['Requestor', d.requestorName],
    ['Sponsor', d.sponsorName ?? 'No sponsor yet'],
    ['SME', d.smeName || '—'],
    ['Modules', d.modules.map((m) => m.name).join(', ') || '—'],
  ];
  // People this item gained from merged duplicates.
  const co = await coPeopleNames(id);
  if (co.requestors.length) fields.push(['Also requested by', co.requestors.join(', ')]);
  if (co.sponsors.length) fields.push(['Also sponsored by', co.sponsors.join(', ')]);
  return (
    <article className="max-w-4xl space-y-6">
      {saved && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {saved}
        </p>
      )}
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Item #{d.item.id}</p>
          <h1 className="text-2xl font-semibold wrap-anywhere">{d.item.title}</h1>
          <p className="mt-1">
            <StatusBadge status={d.item.status} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {d.canEdit && (
            <LinkButton variant="secondary" href={`/items/${d.item.id}/edit`}>
              Edit item
            </LinkButton>
          )}
          {can(user, 'request.triage') && MERGEABLE.includes(d.item.status as ItemStatus) && (
            <LinkButton variant="secondary" href={`/items/${d.item.id}/merge`}>
              Merge a duplicate…
            </LinkButton>
          )}
        </div>
      </header>
      <MergedNotice survivor={await mergedInto(d.item)} basePath="/items" />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm wrap-anywhere sm:grid-cols-[10rem_minmax(0,1fr)]">
        {fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="desc">
        <h2 id="desc" className="font-semibold">
          Description
        </h2>
        <p className="whitespace-pre-wrap text-sm">{d.item.description || '—'}</p>
      </section>
      <section aria-labelledby="benefit">
        <h2 id="benefit" className="font-semibold">
          Business benefit
        </h2>
        <p className="whitespace-pre-wrap text-sm">{d.item.businessBenefit || '—'}</p>
      </section>
      {d.item.decisionReason && (
        <section aria-labelledby="reason">
          <h2 id="reason" className="font-semibold">
            Decision reason
          </h2>
          <p className="text-sm">{d.item.decisionReason}</p>
        </section>
      )}
      {d.nextStatuses.length > 0 && (
        <StatusForm itemId={d.item.id} version={d.item.version} options={[...d.nextStatuses]} />
      )}
      {can(user, 'backlog.view') && <DeliverySection panel={await readForPage(() => deliveryPanel(user, id))} />}
      <ScheduleHistory
        entries={await readForPage(() => itemScheduleTimeline(user, id))}
        linkRequests={can(user, 'backlog.view')}
      />
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="font-semibold">
          History
        </h2>
        <ItemHistory entries={await describeHistory(d.history)} />
      </section>
    </article>
  );
}
