import 'server-only';
import { env } from '@/lib/env.server';
import { openDraftWith, sealDraftWith, type Draft } from './draft-seal';

export type { Draft } from './draft-seal';

export function sealDraft(draft: Omit<Draft, 'v' | 'expiresAt'>): string {
  return sealDraftWith(env().AUTH_SECRET, draft);
}

/** The draft a token holds, when this server made it for this person and cycle and it has not expired. */
export function openDraft(token: string, actorId: number, cycleId: number): Draft {
  return openDraftWith(env().AUTH_SECRET, token, actorId, cycleId);
}
