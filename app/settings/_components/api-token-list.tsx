import { revokeApiTokenAction } from '@/app/settings/actions';
import { LocalTime } from '@/components/items/item-history';
import { ConfirmStep } from '@/components/ui/confirm-step';
import type { TokenListEntry } from '@/lib/api-tokens/tokens.server';

const iso = (ms: number) => new Date(ms).toISOString();
const STATUS = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

/** The person's tokens as a list of cards (a table would scroll sideways on a phone). */
export function ApiTokenList({ tokens }: { tokens: TokenListEntry[] }) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">You have no API tokens.</p>;
  return (
    <ul aria-label="Your API tokens" className="space-y-3">
      {tokens.map((t) => (
        <li
          key={t.id}
          aria-label={t.name}
          className="space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium wrap-anywhere">{t.name}</span>
            <span>{STATUS[t.status]}</span>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-zinc-700 dark:text-zinc-300">
            <dt>Starts with</dt>
            <dd className="font-mono text-xs wrap-anywhere">{t.prefix}…</dd>
            <dt>Scopes</dt>
            <dd className="wrap-anywhere">{t.scopes.join(', ')}</dd>
            <dt>Created</dt>
            <dd>
              <LocalTime iso={iso(t.createdAt)} dateOnly />
            </dd>
            <dt>Expires</dt>
            <dd>
              <LocalTime iso={iso(t.expiresAt)} />
            </dd>
            <dt>Last used</dt>
            <dd>{t.lastUsedAt === null ? 'never' : <LocalTime iso={iso(t.lastUsedAt)} />}</dd>
          </dl>
          {t.status === 'active' && (
            <form action={revokeApiTokenAction}>
              <input type="hidden" name="tokenId" value={t.id} />
              <ConfirmStep
                open={`Revoke ${t.name}`}
                question={`Revoke the token “${t.name}”? Scripts using it stop working at once.`}
                confirm="Yes, revoke"
                pendingText="Revoking…"
              />
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
