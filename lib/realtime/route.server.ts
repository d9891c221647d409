import 'server-only';
import { z } from 'zod';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadActiveUser } from '@/lib/auth/active-user.server';
import { currentSession } from '@/lib/auth/session.server';
import { checkSession } from '@/lib/auth/user-sessions.server';
import { env } from '@/lib/env.server';
import { errorResponse, UnauthenticatedError } from '@/lib/errors';
import { routeParamId } from '@/lib/api.server';
import { parseOrThrow } from '@/lib/validation';
import { presenceTracker } from '@/lib/realtime/presence.server';
import type { Subject } from './replay.server';
import { subjectEventStream } from './sse.server';

const LastEventId = z.coerce
  .number({ error: 'Last-Event-ID must be a non-negative whole number.' })
  .int({ error: 'Last-Event-ID must be a non-negative whole number.' })
  .min(0, { error: 'Last-Event-ID must be a non-negative whole number.' });

/**
 * The GET handler of a live event stream route: sign-in, the id in the path, the
 * `Last-Event-ID` header (or `?lastEventId=`) to resume from, and `follow` — lib's check that the
 * user may follow this subject — with JSON errors (401, 400, 403, 404) before the stream opens.
 */
export async function eventStreamResponse(
  request: Request,
  params: Promise<{ id: string }>,
  subjectType: Subject['type'],
  follow: (user: ActingUser, id: number) => unknown,
): Promise<Response> {
  let id: number;
  let lastEventId: number;
  let stillAllowed: () => Promise<boolean>;
  let userId: number;
  try {
    const session = await currentSession();
    if (!session) throw new UnauthenticatedError();
    const { user, sessionId } = session;
    userId = user.id;
    // A signed-out or deactivated viewer's open stream closes at the next heartbeat.
    stillAllowed = async () => (await checkSession(sessionId)).ok && (await loadActiveUser(user.id)) !== null;
    id = await routeParamId(params);
    const rawLast = request.headers.get('last-event-id') || new URL(request.url).searchParams.get('lastEventId') || '0';
    lastEventId = parseOrThrow(LastEventId, rawLast.trim());
    await follow(user, id);
  } catch (error) {
    return errorResponse(error);
  }

  return new Response(
    subjectEventStream({
      subject: { type: subjectType, id },
      lastEventId,
      heartbeatMs: env().LIVE_HEARTBEAT_SECONDS * 1000,
      stillAllowed,
      presence: subjectType === 'meeting' ? presenceTracker(id, userId) : undefined,
      signal: request.signal,
    }),
    {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    },
  );
}
