import type { ActingUser } from '@/lib/auth/acting-user';
import { can, type Action } from '@/lib/auth/permissions';

/**
 * What a personal access token may be used for. Each scope names the permission (lib/auth/permissions.ts)
 * without which it would be useless: a scope a role can never use is neither offered nor accepted, and
 * lib/ still checks the owner's role on every call, so a token never grants more than its owner has.
 */
export const API_SCOPES = [
  { scope: 'cycles:read', label: 'Read cycles and themes', needs: 'backlog.view' },
  { scope: 'items:read', label: 'Read backlog items', needs: 'backlog.view' },
  { scope: 'items:write', label: 'Create and edit backlog items', needs: 'item.create' },
  { scope: 'requests:read', label: 'Read requests', needs: 'request.create' },
  { scope: 'requests:write', label: 'Submit requests', needs: 'request.create' },
  { scope: 'meetings:read', label: 'Read meetings, decisions and outcomes', needs: 'backlog.view' },
  { scope: 'schedule:read', label: 'Read delivery schedules', needs: 'request.create' },
] as const satisfies readonly { scope: string; label: string; needs: Action }[];

export type ApiScope = (typeof API_SCOPES)[number]['scope'];
export const SCOPE_NAMES = API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]];

/** The scopes this person's role can make use of: the only ones their tokens may carry. */
export function scopesFor(user: Pick<ActingUser, 'role'>): ApiScope[] {
  return API_SCOPES.filter((s) => can(user, s.needs)).map((s) => s.scope);
}

export const scopeLabel = (scope: string) => API_SCOPES.find((s) => s.scope === scope)?.label ?? scope;

/** What the settings page says above a new token's secret (the secret follows it in the action's message). */
export const NEW_TOKEN_MESSAGE = 'Your new token (copy it now: it is not shown again):';
