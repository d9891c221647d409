import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cycles, events, roadmapLinks } from '@/db/schema';
import { first } from '@/db/rows';
import type { TestUser } from '@/db/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { hashToken } from '@/lib/security/secrets.server';
import { countRows, db, eventsOf, userWithRole } from '@/lib/testing/db';
import { createRoadmapLink, linkForToken, listRoadmapLinks, revokeRoadmapLink, setCycleShared } from './links.server';
import { sharedChangelog, sharedRoadmap } from './shared.server';
import { FIXTURE_TODAY, roadmapFixture, SECRET_REASON } from './test-fixture';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});

const linkEvents = async (id: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'roadmap_link'), eq(events.subjectId, id)))
    .orderBy(asc(events.id));
const linkRow = async (id: number) => first(await db.select().from(roadmapLinks).where(eq(roadmapLinks.id, id)))!;

describe('read-only links', () => {
  it('keeps only a hash of the token, opens with the token and logs its creation without it', async () => {
    const { id, token } = await createRoadmapLink(admin, { label: 'Board members' });
    expect(token).toMatch(/^qrl_[A-Za-z0-9_-]{43}$/);
    const row = await linkRow(id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await linkForToken(token)).toEqual({ id });
    expect((await linkRow(id)).lastUsedAt).not.toBeNull();
    expect(await linkEvents(id)).toMatchObject([{ type: 'roadmap_link.created', data: { label: 'Board members' } }]);
    expect(JSON.stringify(await linkEvents(id))).not.toContain(token);
    const list = await listRoadmapLinks(admin);
    expect(list.find((l) => l.id === id)).toMatchObject({ label: 'Board members', revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(row.tokenHash);
  });

  it('answers a guessed, malformed or revoked token with nothing', async () => {
    const { id, token } = await createRoadmapLink(admin, { label: 'Customers' });
    const guessed = `qrl_${'A'.repeat(43)}`;
    for (const t of [guessed, token.slice(0, -1), `${token}x`, '', undefined, 42, token.toUpperCase()]) {
      expect(await linkForToken(t)).toBeNull();
    }
    await revokeRoadmapLink(admin, id);
    expect((await linkRow(id)).revokedAt).not.toBeNull();
    expect(await linkForToken(token)).toBeNull();
    expect(await sharedRoadmap(token)).toBeNull();
    expect(await sharedChangelog(token)).toBeNull();
    // Revoking twice changes nothing and logs once.
    await revokeRoadmapLink(admin, id);
    expect((await linkEvents(id)).map((e) => e.type)).toEqual(['roadmap_link.created', 'roadmap_link.revoked']);
  });

  it('refuses a non-admin, a bad label and an unknown link, and writes nothing', async () => {
    const pm = await userWithRole('pm');
    const before = await countRows('roadmap_links');
    await expect(createRoadmapLink(pm, { label: 'Mine' })).rejects.toThrow(ForbiddenError);
    await expect(createRoadmapLink(admin, { label: '' })).rejects.toMatchObject({
      fieldErrors: { label: ['Give the link a label.'] },
    });
    await expect(createRoadmapLink(admin, { label: 'two\nlines' })).rejects.toThrow(ValidationError);
    await expect(listRoadmapLinks(pm)).rejects.toThrow(ForbiddenError);
    await expect(revokeRoadmapLink(admin, 999_999)).rejects.toThrow(NotFoundError);
    expect(await countRows('roadmap_links')).toBe(before);
    const { id } = await createRoadmapLink(admin, { label: 'Kept' });
    await expect(revokeRoadmapLink(pm, id)).rejects.toThrow(ForbiddenError);
    expect((await linkRow(id)).revokedAt).toBeNull();
  });
});

describe('the shared roadmap', () => {
  it('shows only shared cycles, and only titles, themes, periods and delivery days', async () => {
    const f = await roadmapFixture();
    const { token } = await createRoadmapLink(admin, { label: 'Investors' });
    const empty = (await sharedRoadmap(token, FIXTURE_TODAY))!;
    expect(JSON.stringify(empty)).not.toContain(f.current.name);
    await setCycleShared(admin, f.current.id, true);
    expect(first(await db.select().from(cycles).where(eq(cycles.id, f.current.id)))!.sharedOnRoadmap).toBe(true);
    expect(await eventsOf('cycle', f.current.id)).toMatchObject([
      { type: 'cycle.roadmap_sharing_changed', data: { changes: { sharedOnRoadmap: { from: false, to: true } } } },
    ]);
    const shared = (await sharedRoadmap(token, FIXTURE_TODAY))!;
    const text = JSON.stringify(shared);
    expect(text).toContain('Building search');
    expect(text).toContain('Growth');
    expect(text).toContain('2026-11-03');
    // The next cycle is not shared; the unpublished and rejected decisions never show.
    for (const hidden of [
      'Upcoming SSO',
      'Secret acquisition',
      'Refused fax',
      SECRET_REASON,
      f.requestor.name,
      f.pm.name,
    ]) {
      expect(text).not.toContain(hidden);
    }
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    walk(shared);
    // Every field the shared view holds, so a new one (a reason, a vote, a person) has to be added here knowingly.
    expect([...keys].sort()).toEqual(
      [
        'cycle',
        'deliveredOn',
        'endsOn',
        'entries',
        'lane',
        'lanes',
        'later',
        'name',
        'next',
        'now',
        'period',
        'periods',
        'shipped',
        'startsOn',
        'status',
        'theme',
        'timeline',
        'title',
        'today',
      ].sort(),
    );
    const changelog = (await sharedChangelog(token, FIXTURE_TODAY))!;
    expect(changelog.map((g) => g.entries.map((e) => e.title))).toEqual([['Shipped export']]);
    await setCycleShared(admin, f.current.id, false);
    expect(JSON.stringify(await sharedRoadmap(token, FIXTURE_TODAY))).not.toContain('Building search');
  });

  it('refuses sharing to a non-admin and for an unknown cycle', async () => {
    const f = await roadmapFixture();
    await expect(setCycleShared(await userWithRole('pm'), f.current.id, true)).rejects.toThrow(ForbiddenError);
    await expect(setCycleShared(admin, 999_999, true)).rejects.toThrow(NotFoundError);
    expect(first(await db.select().from(cycles).where(eq(cycles.id, f.current.id)))!.sharedOnRoadmap).toBe(false);
  });
});
