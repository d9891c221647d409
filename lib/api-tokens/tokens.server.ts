import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { apiTokens, type ApiToken } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { hashToken, newToken } from '@/lib/security/secrets.server';
import { formList, parseOrThrow, singleLine } from '@/lib/validation';
import { SCOPE_NAMES, scopesFor, type ApiScope } from './scopes';

/** Every token starts so: a secret scanner (or a person) can tell a Quorum token in a leaked text. */
export const TOKEN_PREFIX = 'qrm_';
/** How much of the secret is kept in the clear, to tell tokens apart in the list. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;
const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_CHOICES = ['7', '30', '90', '365'] as const;
export const MAX_LIFETIME_DAYS = 365;

export const TokenInputSchema = z
  .object({
    name: singleLine('Name', 100, { required: 'Give the token a name.' }),
    scopes: formList(z.enum(SCOPE_NAMES, { error: 'Choose scopes from the list.' })).pipe(
      z.array(z.enum(SCOPE_NAMES)).min(1, 'Choose at least one scope.'),
    ),
    expiresIn: z.enum([...EXPIRY_CHOICES, 'date'], { error: 'Choose when the token expires.' }),
    expiresOn: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.iso.date({ error: 'Expiry date must be a date (YYYY-MM-DD).' }).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.expiresIn === 'date' && !v.expiresOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Choose an expiry date.' });
    }
  });

/** When a token made now expires: a number of days, or the end (UTC) of the chosen date; at most a year. */
export function expiryOf(input: { expiresIn: string; expiresOn?: string }, now: number): number {
  if (input.expiresIn !== 'date') return now + Number(input.expiresIn) * DAY_MS;
  const end = Date.parse(`${input.expiresOn}T23:59:59.999Z`);
  if (!(end > now)) throw new ValidationError({ expiresOn: ['The expiry date must be in the future.'] });
  if (end > now + (MAX_LIFETIME_DAYS + 1) * DAY_MS) {
    throw new ValidationError({ expiresOn: ['A token may live at most one year.'] });
  }
  return end;
}

export type TokenListEntry = Pick<
  ApiToken,
  'id' | 'name' | 'prefix' | 'scopes' | 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'
> & { status: 'active' | 'expired' | 'revoked' };

/**
 * A new token for the actor. The secret is returned here once and never again: only its hash is kept.
 * Scopes beyond the actor's role are refused (they could never be used).
 */
export async function createApiToken(
  actor: ActingUser,
  input: unknown,
  now = Date.now(),
): Promise<{ id: number; secret: string }> {
  const data = parseOrThrow(TokenInputSchema, input);
  const allowed = scopesFor(actor);
  const beyond = data.scopes.filter((s) => !allowed.includes(s));
  if (beyond.length) {
    throw new ValidationError({ scopes: [`Your role cannot use ${beyond.join(', ')}.`] });
  }
  const expiresAt = expiryOf(data, now);
  const secret = newToken(TOKEN_PREFIX);
  const scopes = [...new Set(data.scopes)];
  return transaction(async (tx) => {
    const row = (
      await tx
        .insert(apiTokens)
        .values({
          userId: actor.id,
          name: data.name,
          tokenHash: hashToken(secret),
          prefix: secret.slice(0, SHOWN_CHARS),
          scopes,
          expiresAt,
          createdAt: now,
        })
        .returning({ id: apiTokens.id })
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      data: { name: data.name, scopes, expiresAt: new Date(expiresAt).toISOString() },
    });
    return { id: row.id, secret };
  });
}

/** The actor's own tokens, newest first; never anyone else's, never a hash. */
export async function listApiTokens(actor: ActingUser, now = Date.now()): Promise<TokenListEntry[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.id));
  return rows.map((r) => ({
    ...r,
    status: r.revokedAt !== null ? 'revoked' : r.expiresAt <= now ? 'expired' : 'active',
  }));
}

/** Revokes one of the actor's own tokens at once; another person's token is refused as unknown. */
export async function revokeApiToken(actor: ActingUser, tokenId: number, now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    const token = first(await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)));
    if (!token) throw new NotFoundError('This token');
    if (token.userId !== actor.id) throw new ForbiddenError('You can revoke only your own tokens.');
    if (token.revokedAt !== null) return;
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: tokenId,
      data: { name: token.name },
    });
  });
}

export type { ApiScope };
