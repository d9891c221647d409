import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { listConnections } from '@/lib/sso/connections.server';
import { getBreakGlass } from '@/lib/sso/sign-in-settings.server';
import { EmptyState } from '@/components/ui/empty-state';
import { BreakGlassForm, NewConnectionForm } from './_components/connection-list-forms';
import { PROTOCOL_NAMES } from './_components/protocol-names';

export const metadata: Metadata = { title: 'Sign-in · Quorum' };

export default async function SignInSettingsPage() {
  const user = await requirePermission('sso.manage');
  const [connections, breakGlass] = await Promise.all([listConnections(user), getBreakGlass(user)]);
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Sign-in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Connect your identity provider. Each connection signs in the people of its e-mail domains; password sign-in
          stays for everyone else.
        </p>
      </div>
      <section aria-labelledby="connections-heading" className="space-y-3">
        <h2 id="connections-heading" className="text-lg font-semibold">
          Connections
        </h2>
        {connections.length === 0 ? (
          <EmptyState title="No identity provider connected yet">
            Everyone signs in with an e-mail and password. Add a connection below.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {connections.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="min-w-0">
                  <Link
                    href={`/admin/sign-in/${c.id}`}
                    className="font-medium wrap-anywhere text-indigo-700 underline dark:text-indigo-300"
                  >
                    {c.name}
                  </Link>
                  <p className="text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
                    {PROTOCOL_NAMES[c.protocol]} · {c.domains.length ? c.domains.join(', ') : 'no domain yet'}
                  </p>
                </div>
                <p className="text-sm">
                  {c.enabled ? 'On' : 'Off'}
                  {c.enforced ? ' · enforced' : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-heading" className="space-y-3">
        <h2 id="new-heading" className="text-lg font-semibold">
          Add a connection
        </h2>
        <NewConnectionForm />
      </section>
      <section aria-labelledby="break-glass-heading" className="space-y-3">
        <h2 id="break-glass-heading" className="text-lg font-semibold">
          Break-glass
        </h2>
        <BreakGlassForm on={breakGlass} />
      </section>
    </div>
  );
}
