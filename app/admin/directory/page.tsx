import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { listDirectory } from '@/lib/directory/directory.server';
import { KIND_LABEL, type DirectoryKind } from '@/lib/directory/schema';
import type { DirectoryEntry } from '@/lib/directory/directory.server';
import { plural } from '@/lib/plural';
import { CreateEntryForm } from './_components/create-entry-form';
import { EntryCommands } from './_components/entry-commands';
import { Choices } from '@/components/ui/choices';

export const metadata: Metadata = { title: 'Departments and modules · Quorum' };

export default async function DirectoryPage() {
  const user = await requirePermission('user.manage');
  const lists = await listDirectory(user);
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Departments and modules</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          An archived department or module is no longer offered for new people, items or requests, but stays on the ones
          that have it. Merging moves everything to the other one, then archives it.
        </p>
      </div>
      <EntryList kind="department" entries={lists.departments} />
      <EntryList kind="module" entries={lists.modules} />
    </div>
  );
}

function EntryList({ kind, entries }: { kind: DirectoryKind; entries: DirectoryEntry[] }) {
  const label = KIND_LABEL[kind];
  const headingId = `${kind}-heading`;
  const active = entries.filter((e) => !e.archived).map(({ id, name }) => ({ id, name }));
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        {label.heading}
      </h2>
      <CreateEntryForm kind={kind} />
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No {label.many} yet.</p>
      ) : (
        <Choices value={active}>
          <ul aria-label={`${label.capital} list`} className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {entries.map((e) => (
              <li key={e.id} aria-label={e.name} className="space-y-2 py-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium wrap-anywhere">{e.name}</span>
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">
                    {kind === 'department' ? `${plural(e.people, 'person', 'people')} · ` : ''}
                    {plural(e.items, 'item')}
                  </span>
                  {e.archived && (
                    <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
                      {e.mergedIntoName ? `Archived, merged into ${e.mergedIntoName}` : 'Archived'}
                    </span>
                  )}
                </div>
                <EntryCommands kind={kind} entry={e} />
              </li>
            ))}
          </ul>
        </Choices>
      )}
    </section>
  );
}
