import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { getAuditCheck } from '@/lib/audit/audit-log.server';
import { plural } from '@/lib/plural';

export const metadata: Metadata = { title: 'Audit · Quorum' };
export const dynamic = 'force-dynamic';

export default async function AuditPage() {
  const user = await requirePermission('audit.view');
  const check = await getAuditCheck(user);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Audit</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Every decision, vote, ranking and status change is written to the event log. Each entry carries the hash of the
        entry before it, so changing, removing or reordering an entry breaks the chain from that entry on.
      </p>
      <section aria-labelledby="chain-heading" className="space-y-2">
        <h2 id="chain-heading" className="text-lg font-medium">
          Hash chain
        </h2>
        {check.ok ? (
          <p
            role="status"
            className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
          >
            Verified: {plural(check.count, 'event')}, every one matching its hash and linked to the one before.
          </p>
        ) : (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
          >
            The chain is broken at event {check.badId} ({check.problem === 'content' ? 'its content' : 'its link'}):{' '}
            {check.message} The {plural(check.count, 'event')} before it verify.
          </p>
        )}
      </section>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-lg font-medium">
          Export
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Download the log as JSON Lines, every column with both hashes, and keep it outside Quorum: whoever can write
          the database file could rewrite the whole chain, but not the copies kept elsewhere. Check a download with{' '}
          <code>node scripts/verify-audit-export.mjs &lt;file&gt;</code>.
        </p>
        <a
          href="/admin/audit/export"
          download
          className="inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Download the event log (JSON Lines)
        </a>
      </section>
    </div>
  );
}
