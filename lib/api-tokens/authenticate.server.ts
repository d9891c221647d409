import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens, type ApiToken } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadActiveUser } from '@/lib/auth/active-user.server';
import { hashToken } from '@/lib/security/secrets.server';
import { TOKEN_PREFIX } from './tokens.server';

/** Why a bearer token was refused; every reason answers the same 401 (the detail says which). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{20,100}$`);
/** lastUsedAt is written at most this often per token: reads should not each cost a write. */
const LAST_USED_EVERY_MS = 60_000;

export type Authenticated = { token: Pick<ApiToken, 'id' | 'scopes' | 'userId'>; user: ActingUser };

/**
 * The token in an Authorization header and its owner, re-read on every request: a revoked or expired
 * token, or an owner who was deactivated, is refused at once; a changed role applies at once.
 */
export async function authenticateBearer(header: string | null, now = Date.now()): Promise<Authenticated> {
  if (!header) throw new InvalidTokenError('Send a personal access token: Authorization: Bearer <token>.');
  const secret = BEARER.exec(header)?.[1];
  if (!secret || !TOKEN_SHAPE.test(secret)) {
    throw new InvalidTokenError('The Authorization header must be "Bearer" followed by a Quorum token.');
  }
  const token = first(
    await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(secret))),
  );
  if (!token) throw new InvalidTokenError('This token is not known.');
  if (token.revokedAt !== null) throw new InvalidTokenError('This token has been revoked.');
  if (token.expiresAt <= now) throw new InvalidTokenError('This token has expired.');
  const user = await loadActiveUser(token.userId);
  if (!user) throw new InvalidTokenError('The owner of this token can no longer sign in.');
  if (token.lastUsedAt === null || token.lastUsedAt <= now - LAST_USED_EVERY_MS) {
    // Conditional, so two processes racing write once; a lost race costs nothing.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, token.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - LAST_USED_EVERY_MS + 1)),
        ),
      );
  }
  return { token: { id: token.id, scopes: token.scopes, userId: token.userId }, user };
}
