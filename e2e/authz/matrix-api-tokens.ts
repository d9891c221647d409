/**
 * The matrix rows of personal access tokens (Settings › API tokens) and the REST API reference page.
 * The REST API itself (/api/v1) takes tokens, not sessions: targets.ts leaves it out, and
 * lib/api-v1/every-route.test.ts calls every one of its routes without a token and without the scope.
 */
import crypto from 'node:crypto';
import { apiTokens } from '../../db/schema';
import { allow, SIGNED_IN, str, type Row } from './rows';
import { meOr, other, type Scene } from './scene';
import type { Person } from '../fixtures/world';

/** A live token of `owner`, inserted directly: its secret is never needed here. */
async function tokenOf(s: Scene, owner: Person) {
  const [row] = await s.world.db
    .insert(apiTokens)
    .values({
      userId: owner.id,
      name: 'Matrix token',
      tokenHash: crypto.randomBytes(32).toString('hex'),
      prefix: 'qrm_matrix',
      scopes: ['requests:read'],
      expiresAt: Date.now() + 86_400_000,
      createdAt: Date.now(),
    })
    .returning();
  return row;
}

export const API_TOKEN_ROWS: Row[] = [
  {
    target: 'page /developers/api',
    case: 'the reference',
    call: () => ({ page: '/developers/api' }),
    expect: allow(SIGNED_IN, 'ok'),
  },
  {
    target: 'action createApiTokenAction',
    case: 'a token to read requests',
    call: () => ({
      action: 'createApiTokenAction',
      fields: { name: 'Matrix', scopes: ['requests:read'], expiresIn: '30' },
      from: '/settings',
    }),
    expect: allow(SIGNED_IN, 'ok'),
  },
  {
    // A scope beyond the role is refused with a message beside the scopes.
    target: 'action createApiTokenAction',
    case: 'a token to write items',
    call: () => ({
      action: 'createApiTokenAction',
      fields: { name: 'Matrix', scopes: ['items:write'], expiresIn: '30' },
      from: '/settings',
    }),
    expect: allow(['admin', 'pm', 'engineer'], 'refused'),
  },
  {
    target: 'action revokeApiTokenAction',
    case: 'their own token',
    call: async (s) => ({
      action: 'revokeApiTokenAction',
      fields: { tokenId: str((await tokenOf(s, await meOr(s, 'leader'))).id) },
      from: '/settings',
    }),
    expect: allow(SIGNED_IN, 'ok'),
  },
  {
    target: 'action revokeApiTokenAction',
    case: 'someone else’s token',
    call: async (s) => ({
      action: 'revokeApiTokenAction',
      fields: { tokenId: str((await tokenOf(s, await other(s, 'pm'))).id) },
      from: '/settings',
    }),
    expect: allow([], 'forbidden'),
  },
];
