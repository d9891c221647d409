import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { cyclesForSharing, listRoadmapLinks } from '@/lib/roadmap/links.server';
import { EmptyState } from '@/components/ui/empty-state';
import { NewLinkForm, RevokeLinkForm, ShareCycleForm } from './_components/link-forms';

export const metadata: Metadata = { title: 'Roadmap links · Quorum' };

const when = (iso: string | null) => (iso === null ? 'never' : `${iso.slice(0, 16).replace('T', ' ')} UTC`);

export default async function RoadmapLinksPage() {
  const user = await requirePermission('user.manage');
  const [links, cycles] = await Promise.all([listRoadmapLinks(user), cyclesForSharing(user)]);
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Roadmap links</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A read-only link shows people without an account the published roadmap of the cycles you share: titles,
          themes, periods and delivery dates — never reasons, votes, estimates or people.
        </p>
      </div>
      <section aria-labelledby="cycles-heading" className="space-y-3">
        <h2 id="cycles-heading" className="text-lg font-semibold">
          Cycles shown on links
        </h2>
        {cycles.length === 0 ? (
          <EmptyState title="No cycle yet" />
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {cycles.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <p className="min-w-0 wrap-anywhere">
                  <span className="font-medium">{c.name}</span>{' '}
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">
                    · {c.shared ? 'Shared' : 'Not shared'}
                  </span>
                </p>
                <ShareCycleForm cycleId={c.id} name={c.name} shared={c.shared} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="links-heading" className="space-y-3">
        <h2 id="links-heading" className="text-lg font-semibold">
          Links
        </h2>
        {links.length === 0 ? (
          <EmptyState title="No link yet">Create one below.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="min-w-0">
                  <p className="font-medium wrap-anywhere">{l.label}</p>
                  <p className="text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
                    Created by {l.createdByName} {when(l.createdAt)} · last used {when(l.lastUsedAt)}
                    {l.revokedAt && ` · revoked ${when(l.revokedAt)}`}
                  </p>
                </div>
                {l.revokedAt === null ? (
                  <RevokeLinkForm linkId={l.id} label={l.label} />
                ) : (
                  <p className="text-sm">Revoked</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-link-heading" className="space-y-3">
        <h2 id="new-link-heading" className="text-lg font-semibold">
          Create a link
        </h2>
        <NewLinkForm />
      </section>
    </div>
  );
}
