import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { backlogMeta } from '@/lib/backlog/list.server';
import { MAX_IMPORT_ROWS } from '@/lib/import/limits';
import { listImports } from '@/lib/import/undo.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { LocalTime } from '@/components/items/item-history';
import { ImportWizard } from './_components/import-wizard';
import { UndoImportForm } from './_components/undo-import-form';
import { ScrollBox } from '@/components/ui/scroll-box';

export const metadata: Metadata = { title: 'Import · Quorum' };

const when = (ms: number) => <LocalTime iso={new Date(ms).toISOString()} />;

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ imported?: string }>;
}) {
  const user = await requirePermission('item.create');
  const cycleId = await routeId(params);
  const meta = await readForPage(() => backlogMeta(user, cycleId));
  const history = await readForPage(() => listImports(user, cycleId));
  const importedId = Number((await searchParams).imported);
  const imported = history.find((h) => h.id === importedId && h.undoneAt === null);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Import into {meta.cycleName}</h1>
        <Link href={`/cycles/${cycleId}`}>Back to the backlog</Link>
      </div>
      {imported && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Imported {imported.itemCount} items{imported.skippedCount ? `, skipped ${imported.skippedCount}` : ''}.{' '}
          <Link href={`/cycles/${cycleId}`}>See them in the backlog</Link>
        </p>
      )}
      {/* A finished import starts the next one afresh: its preview is not offered a second time. */}
      <ImportWizard
        key={importedId || 'new'}
        cycleId={cycleId}
        limits={`CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or XLSX, up to 1 MB and ${MAX_IMPORT_ROWS.toLocaleString('en')} rows.`}
      />
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          Imports into this cycle
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">Nothing has been imported into this cycle yet.</p>
        ) : (
          <ScrollBox label="Earlier imports">
            <table className="w-full text-sm">
              <thead className="text-left text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-2">Date</th>
                  <th>By</th>
                  <th>Source</th>
                  <th>Items</th>
                  <th>Skipped</th>
                  <th>
                    <span className="sr-only">Undo</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => {
                  const label = h.fileName || (h.source === 'paste' ? 'pasted rows' : 'a file');
                  return (
                    <tr key={h.id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                      <td className="py-2 whitespace-nowrap">{when(h.createdAt)}</td>
                      <td className="wrap-anywhere">{h.actorName}</td>
                      <td className="wrap-anywhere">{label}</td>
                      <td>{h.itemCount}</td>
                      <td>{h.skippedCount}</td>
                      <td className="py-2">
                        <UndoImportForm
                          cycleId={cycleId}
                          importId={h.id}
                          label={label}
                          itemCount={h.itemCount}
                          undone={h.undoneAt === null ? null : when(h.undoneAt)}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>
    </div>
  );
}
