import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, userSessions } from '@/db/schema';
import type { TestUser } from '@/db/factories';
import { db, userWithRole } from '@/lib/testing/db';
import { endSessionsByAdmin, setUserActive, signOutEverywhere } from '@/lib/users/admin.server';
import { env } from '@/lib/env.server';
import { checkSession, endSession, openSessionCount, startSession } from './user-sessions.server';
import { first } from '@/db/rows';

const MINUTE = 60_000;
let admin: TestUser;

beforeAll(async () => {
  admin = await userWithRole('admin');
});

const row = async (id: string) => first(await db.select().from(userSessions).where(eq(userSessions.id, id)))!;

describe('a session', () => {
  it('holds after sign-in and names its person', async () => {
    const person = await userWithRole('leader');
    const id = await startSession(person.id);
    expect(await checkSession(id)).toEqual({ ok: true, userId: person.id });
  });

  it('is unknown when the cookie names no session', async () => {
    expect(await checkSession('made-up')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('ends when its person signs out, and stays ended', async () => {
    const person = await userWithRole('leader');
    const id = await startSession(person.id);
    await endSession(id, 'signed_out');
    expect(await checkSession(id)).toEqual({ ok: false, reason: 'ended' });
    expect((await row(id)).endedReason).toBe('signed_out');
  });

  it('ends after the idle limit without a request, and is kept alive by requests', async () => {
    const person = await userWithRole('leader');
    const t0 = Date.UTC(2030, 0, 1);
    const idle = env().SESSION_IDLE_MINUTES * MINUTE;
    const id = await startSession(person.id, t0);
    expect((await checkSession(id, t0 + idle - MINUTE)).ok).toBe(true); // seen: the idle clock restarts here
    expect((await checkSession(id, t0 + 2 * idle - 2 * MINUTE)).ok).toBe(true);
    const other = await startSession(person.id, t0);
    expect(await checkSession(other, t0 + idle + MINUTE)).toEqual({ ok: false, reason: 'idle' });
  });

  it('writes last-seen at most once a minute', async () => {
    const person = await userWithRole('leader');
    const t0 = Date.UTC(2030, 0, 2);
    const id = await startSession(person.id, t0);
    await checkSession(id, t0 + 30_000);
    expect((await row(id)).lastSeenAt).toBe(t0);
    await checkSession(id, t0 + 61_000);
    expect((await row(id)).lastSeenAt).toBe(t0 + 61_000);
  });

  it('ends at its absolute lifetime even when in use', async () => {
    const person = await userWithRole('leader');
    const t0 = Date.UTC(2030, 0, 3);
    const id = await startSession(person.id, t0);
    const max = env().SESSION_MAX_HOURS * 60 * MINUTE;
    for (let t = t0; t < t0 + max; t += 60 * MINUTE) expect((await checkSession(id, t)).ok).toBe(true);
    expect(await checkSession(id, t0 + max + MINUTE)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('ending all of a person’s sessions', () => {
  it('deactivating a person ends every session they have', async () => {
    const person = await userWithRole('leader');
    const a = await startSession(person.id);
    const b = await startSession(person.id);
    await setUserActive(admin, person.id, false);
    expect((await checkSession(a)).ok).toBe(false);
    expect((await checkSession(b)).ok).toBe(false);
    expect((await row(a)).endedReason).toBe('deactivated');
  });

  it('an admin ends a person’s sessions, and the log says so', async () => {
    const person = await userWithRole('engineer');
    const a = await startSession(person.id);
    await startSession(person.id);
    expect(await endSessionsByAdmin(admin, person.id)).toBe(2);
    expect(await checkSession(a)).toEqual({ ok: false, reason: 'ended' });
    const logged = await db.select().from(events).where(eq(events.type, 'user.sessions_ended'));
    expect(logged.some((e) => e.subjectId === person.id && e.actorId === admin.id)).toBe(true);
  });

  it('only an admin may end someone else’s sessions', async () => {
    const pm = await userWithRole('pm');
    const person = await userWithRole('leader');
    const id = await startSession(person.id);
    await expect(endSessionsByAdmin(pm, person.id)).rejects.toThrow('permission');
    expect((await checkSession(id)).ok).toBe(true);
  });

  it('a person signs out everywhere, and only their own sessions end', async () => {
    const person = await userWithRole('requestor');
    const someoneElse = await userWithRole('requestor');
    await startSession(person.id);
    await startSession(person.id);
    const theirs = await startSession(someoneElse.id);
    expect(await openSessionCount(person.id)).toBe(2);
    expect(await signOutEverywhere(person)).toBe(2);
    expect(await openSessionCount(person.id)).toBe(0);
    expect((await checkSession(theirs)).ok).toBe(true);
  });
});
