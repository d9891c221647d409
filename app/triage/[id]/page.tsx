import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import type { Item } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session.server';
import { getItemForViewer } from '@/lib/backlog/items.server';
import { listCyclesWithThemes } from '@/lib/cycles/cycles.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ItemForm } from '@/components/items/item-form';
import { LocalTime } from '@/components/items/item-history';
import { StatusBadge } from '@/components/ui/status-badge';
import { triageRequestAction } from '@/app/triage/actions';
import { TriageAnswers } from './curation-forms';
import type { ActingUser } from '@/lib/auth/acting-user';

export const metadata: Metadata = { title: 'Triage a request · Quorum' };

export default async function TriageRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('request.triage');
  const id = await routeId(params);
  const item = await readForPage(() => getItemForViewer(user, id));
  const options = await pickerOptions({ departmentIds: [item.departmentId] });
  const requestor = options.people.find((p) => p.id === item.requestorId)?.name ?? 'a former user';
  const untriaged = item.status === 'submitted' && item.cycleId === null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/triage">← Triage</Link>
        </p>
        <h1 className="text-xl font-semibold">Triage: {item.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Requested by {requestor} on <LocalTime iso={item.createdAt} dateOnly />.
        </p>
      </div>
      {untriaged ? (
        <>
          <TriageForm item={item} options={options} user={user} />
          <TriageAnswers itemId={item.id} version={item.version} />
        </>
      ) : (
        <AlreadyTriaged item={item} />
      )}
    </div>
  );
}

function AlreadyTriaged({ item }: { item: Item }) {
  return (
    <div className="max-w-2xl space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <p className="flex items-center gap-2">
        <span>This request is no longer waiting for triage. Its status is</span> <StatusBadge status={item.status} />
      </p>
      <p>
        {item.cycleId !== null && (
          <>
            <Link href={`/items/${item.id}`}>Open the item</Link> ·{' '}
          </>
        )}
        <Link href="/triage">Back to the new requests</Link>
      </p>
    </div>
  );
}

async function TriageForm({
  item,
  options,
  user,
}: {
  item: Item;
  options: Awaited<ReturnType<typeof pickerOptions>>;
  user: ActingUser;
}) {
  const cycles = await listCyclesWithThemes(user);
  if (cycles.length === 0) {
    return (
      <p className="max-w-2xl rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
        There is no cycle to move this request into yet. <Link href="/cycles/new">Create a cycle</Link> first.
      </p>
    );
  }
  // A suggestion that names someone exactly is preselected; anything else stays a hint.
  const suggested = options.people.find((p) => p.name.toLowerCase() === item.sponsorSuggestion.trim().toLowerCase());
  return (
    <>
      <p className="max-w-3xl rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100">
        {item.sponsorSuggestion ? (
          <>
            Suggested sponsor: <strong>{item.sponsorSuggestion}</strong>.{' '}
            {suggested
              ? 'They are preselected as Sponsor below.'
              : 'Choose them as Sponsor below if they agree to back it.'}
          </>
        ) : (
          <>The requestor did not suggest a sponsor.</>
        )}
      </p>
      <ItemForm
        action={triageRequestAction}
        hidden={{ itemId: item.id }}
        initial={{
          title: item.title,
          description: item.description,
          businessBenefit: item.businessBenefit,
          sme: '',
          departmentId: item.departmentId,
          requestorId: item.requestorId,
          kind: item.kind,
          sponsorId: suggested?.id ?? null,
          themeId: null,
          cycleId: null,
          moduleIds: [],
          version: item.version,
        }}
        options={{
          ...options,
          cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
          themeGroups: cycles.map((c) => ({
            label: c.name,
            themes: c.themes.map((t) => ({ id: t.id, name: t.name })),
          })),
        }}
        submitLabel="Move into cycle"
      />
    </>
  );
}
