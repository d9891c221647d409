import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { statementCount, transaction } from '@/db/client';
import { cycles, items, outcomePublications, schedulePublications } from '@/db/schema';
import { db, userWithRole } from '@/lib/testing/db';
import { changelogFor, publishedEntries, roadmapFor } from './read.server';
import { FIXTURE_TODAY, roadmapFixture, SECRET_REASON } from './test-fixture';

const titlesIn = (groups: { entries: { title: string }[] }[]) => groups.flatMap((g) => g.entries.map((e) => e.title));

describe('the roadmap', () => {
  it('shows only published decisions, in their lanes by theme, with the timeline and what shipped', async () => {
    const f = await roadmapFixture();
    const roadmap = await roadmapFor(f.requestor, FIXTURE_TODAY);
    expect(roadmap.lanes.now).toEqual([
      {
        theme: 'Growth',
        entries: [
          expect.objectContaining({ title: 'Building search', status: 'in_delivery' }),
          expect.objectContaining({ title: 'Started reports' }),
        ],
      },
    ]);
    expect(titlesIn(roadmap.lanes.next)).toEqual(['Planned invoices', 'Upcoming SSO']);
    expect(roadmap.lanes.next.map((g) => g.theme)).toEqual(['Growth', 'Platform']);
    expect(titlesIn(roadmap.lanes.later)).toEqual(['Parked mobile app']);
    expect(roadmap.shipped).toEqual([
      {
        cycle: f.current.name,
        entries: [expect.objectContaining({ title: 'Shipped export', deliveredOn: '2026-11-03' })],
      },
    ]);
    expect(roadmap.timeline).toEqual([
      {
        cycle: f.current.name,
        periods: [
          {
            period: { name: 'November', startsOn: '2026-11-01', endsOn: '2026-11-30' },
            entries: [
              expect.objectContaining({ title: 'Shipped export' }),
              expect.objectContaining({ title: 'Building search' }),
            ],
          },
          {
            period: { name: 'December', startsOn: '2026-12-01', endsOn: '2026-12-31' },
            entries: [expect.objectContaining({ title: 'Planned invoices' })],
          },
        ],
      },
    ]);
    const text = JSON.stringify(roadmap);
    // The unpublished meeting's decision and the rejection never show; nor do reasons or people.
    expect(text).not.toContain('Secret acquisition');
    expect(text).not.toContain('Refused fax');
    expect(text).not.toContain(SECRET_REASON);
    expect(text).not.toContain(f.requestor.name);
    expect(text).not.toContain(f.pm.name);
  });

  it('is the same for a requestor, a pm and an admin', async () => {
    await roadmapFixture();
    const [requestor, pm, admin] = [
      await userWithRole('requestor'),
      await userWithRole('pm'),
      await userWithRole('admin'),
    ];
    const seen = await roadmapFor(requestor, FIXTURE_TODAY);
    expect(await roadmapFor(pm, FIXTURE_TODAY)).toEqual(seen);
    expect(await roadmapFor(admin, FIXTURE_TODAY)).toEqual(seen);
  });

  it('hides periods and deliveries until the schedule is published, and a decision until its outcome is', async () => {
    const f = await roadmapFixture();
    await db.delete(schedulePublications).where(eq(schedulePublications.cycleId, f.current.id));
    await db
      .insert(outcomePublications)
      .values({ meetingId: f.hiddenMeeting.id, publishedAt: new Date().toISOString(), publishedBy: f.pm.id });
    const mine = (await publishedEntries({ sharedOnly: false }, FIXTURE_TODAY)).filter(
      (e) => e.cycle.name === f.current.name,
    );
    expect(mine.map((e) => [e.title, e.status, e.lane, e.period, e.deliveredOn])).toEqual([
      ['Shipped export', 'accepted', 'now', null, null],
      ['Building search', 'accepted', 'now', null, null],
      ['Planned invoices', 'accepted', 'now', null, null],
      ['Started reports', 'accepted', 'now', null, null],
      ['Parked mobile app', 'deferred', 'later', null, null],
      ['Secret acquisition', 'accepted', 'now', null, null],
    ]);
  });

  it('leaves deliveries of cycles that ended long ago to the changelog', async () => {
    const f = await roadmapFixture();
    await db.update(cycles).set({ startsOn: '2026-01-01', endsOn: '2026-03-31' }).where(eq(cycles.id, f.current.id));
    const mine = (groups: { cycle: string }[]) => groups.filter((g) => g.cycle === f.current.name);
    const roadmap = await roadmapFor(f.requestor, FIXTURE_TODAY);
    expect(mine(roadmap.shipped)).toEqual([]);
    expect(mine(roadmap.timeline)).toEqual([]);
    // What is still under way in it stays on the roadmap.
    expect(JSON.stringify(roadmap.lanes.now)).toContain('Building search');
    const changelog = await changelogFor(f.requestor, FIXTURE_TODAY);
    expect(
      changelog
        .flatMap((g) => g.entries)
        .filter((e) => e.cycle.name === f.current.name)
        .map((e) => e.title),
    ).toEqual(['Shipped export']);
  });

  it('is read once for every reader until a change is committed, and never kept across one', async () => {
    const f = await roadmapFixture();
    const first = await publishedEntries({ sharedOnly: false }, FIXTURE_TODAY);
    const before = statementCount();
    expect(await publishedEntries({ sharedOnly: false }, FIXTURE_TODAY)).toBe(first);
    expect(statementCount() - before).toBe(0);
    await db.update(items).set({ title: 'Renamed export' }).where(eq(items.id, f.items.shipped.id));
    const titles = (await publishedEntries({ sharedOnly: false }, FIXTURE_TODAY))
      .filter((e) => e.cycle.name === f.current.name)
      .map((e) => e.title);
    expect(titles).toContain('Renamed export');
    expect(titles).not.toContain('Shipped export');
    // Another day is another read; inside a transaction the read sees the transaction's own writes.
    expect(await publishedEntries({ sharedOnly: false }, '2026-11-16')).not.toBe(first);
    await transaction(async () => {
      await db.update(items).set({ title: 'Uncommitted title' }).where(eq(items.id, f.items.shipped.id));
      const inside = await publishedEntries({ sharedOnly: false }, FIXTURE_TODAY);
      expect(inside.map((e) => e.title)).toContain('Uncommitted title');
    });
  });
});
