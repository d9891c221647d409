import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import type { Item } from '@/db/schema';
import { can, canWithdraw } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session.server';
import { listCycles, listCyclesWithThemes } from '@/lib/cycles/cycles.server';
import { getRequest, listMyRequests } from '@/lib/requests/requests.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ItemHistory, LocalTime } from '@/components/items/item-history';
import { describeHistory } from '@/lib/history/names.server';
import { StatusBadge } from '@/components/ui/status-badge';
import { WithdrawForm } from './withdraw-form';
import { InfoRequest } from './info-request';
import { MergedNotice } from '@/components/items/merged-notice';
import { mergedInto } from '@/lib/curation/merged-into.server';
import { RequestProgress } from './_components/request-progress';
import { requestProgress } from '@/lib/delivery/read.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export const metadata: Metadata = { title: 'Request · Quorum' };

const byId = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));

type Names = Partial<Record<'people' | 'departments' | 'modules' | 'themes' | 'cycles', Record<number, string>>>;

/** Names for the ids on this page, limited to what the viewer may list. */
async function namesFor(user: ActingUser, item: Pick<Item, 'id' | 'cycleId'>): Promise<Names> {
  const { people, departments, modules } = await pickerOptions('with-archived');
  const names: Names = { people: byId(people), departments: byId(departments), modules: byId(modules) };
  if (can(user, 'request.triage')) {
    const cycles = await listCyclesWithThemes(user);
    names.cycles = byId(cycles);
    names.themes = byId(cycles.flatMap((c) => c.themes));
  } else if (can(user, 'backlog.view')) {
    names.cycles = byId(await listCycles(user));
  } else if (item.cycleId !== null) {
    const own = (await listMyRequests(user)).find((r) => r.id === item.id);
    if (own?.cycleName) names.cycles = { [item.cycleId]: own.cycleName };
  }
  return names;
}

/** One term of the request's list; `wide` spans both columns (a definition list allows only this div between dl and dt). */
function Field({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

function Value({ value, empty }: { value: string | null; empty: string }) {
  return value ? (
    <span className="whitespace-pre-line">{value}</span>
  ) : (
    <span className="text-zinc-500 dark:text-zinc-400">{empty}</span>
  );
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = await routeId(params);
  const { item, history } = await readForPage(() => getRequest(user, id));
  const names = await namesFor(user, item);
  const name = (map: Record<number, string> | undefined, key: number | null) =>
    key === null ? null : (map?.[key] ?? `#${key}`);

  return (
    <article className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/requests">← My requests</Link>
        </p>
        <h1 className="text-xl font-semibold">{item.title}</h1>
        <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <StatusBadge status={item.status} belowCut={item.belowCut} />
          <span>
            Submitted <LocalTime iso={item.createdAt} /> · last updated <LocalTime iso={item.updatedAt} />
          </span>
        </p>
      </div>

      <MergedNotice survivor={await mergedInto(item)} basePath="/requests" />
      {item.status === 'needs_info' && (
        <InfoRequest item={item} canAnswer={item.requestorId === user.id || can(user, 'request.triage')} />
      )}

      {item.decisionReason && (
        <section
          aria-labelledby="decision"
          className="rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id="decision" className="text-sm font-semibold">
            Decision reason
          </h2>
          <p className="mt-1 whitespace-pre-line text-sm">{item.decisionReason}</p>
        </section>
      )}

      <dl className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        <Field label="Cycle">
          <Value value={name(names.cycles, item.cycleId)} empty="Not yet in a cycle" />
        </Field>
        <Field label="Department">
          <Value value={name(names.departments, item.departmentId)} empty="—" />
        </Field>
        <Field label="Requestor">
          <Value value={name(names.people, item.requestorId)} empty="—" />
        </Field>
        <Field label="Sponsor suggestion">
          <Value value={item.sponsorSuggestion} empty="None given" />
        </Field>
        <Field label="Description" wide>
          <Value value={item.description} empty="No description" />
        </Field>
        <Field label="Business benefit" wide>
          <Value value={item.businessBenefit} empty="Not given yet" />
        </Field>
      </dl>

      <RequestProgress title={item.title} {...await readForPage(() => requestProgress(user, id))} />

      {item.status !== 'under_review' && canWithdraw(user, { ...item, status: item.status }) && (
        <WithdrawForm itemId={item.id} />
      )}

      {history && (
        <section aria-labelledby="history" className="space-y-2">
          <h2 id="history" className="text-base font-semibold">
            History
          </h2>
          <ItemHistory entries={await describeHistory(history)} />
        </section>
      )}
    </article>
  );
}
