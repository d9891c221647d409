import Link from '@/components/ui/link';
import { API_SCOPES, scopesFor } from '@/lib/api-tokens/scopes';
import type { TokenListEntry } from '@/lib/api-tokens/tokens.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ApiTokenForm } from './api-token-form';
import { ApiTokenList } from './api-token-list';

/** Personal access tokens for the REST API: create one (shown once), see when each was last used, revoke. */
export function ApiTokensSection({ user, tokens }: { user: ActingUser; tokens: TokenListEntry[] }) {
  const allowed = scopesFor(user);
  const scopes = API_SCOPES.filter((s) => allowed.includes(s.scope)).map(({ scope, label }) => ({ scope, label }));
  return (
    <section
      aria-labelledby="api-tokens-heading"
      className="space-y-4 rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="space-y-1">
        <h2 id="api-tokens-heading" className="font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A token lets a script use the{' '}
          <Link href="/developers/api" className="underline">
            REST API
          </Link>{' '}
          as you: it can never do more than you can.
        </p>
      </div>
      <ApiTokenList tokens={tokens} />
      <ApiTokenForm scopes={scopes} />
    </section>
  );
}
