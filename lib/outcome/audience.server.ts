import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { items, undecidedItems, users, type UndecidedDisposition } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { coPeopleOf, type CoPerson } from '@/lib/backlog/co-people.server';
import { fateOf, type Fate } from './fate';
import type { OutcomeReport } from './types';

/**
 * Who an outcome publication tells, and about what: every item on the meeting's agenda, decided or
 * not, goes to its requestor and its sponsor. The same function counts them for the pm's
 * confirmation, renders the preview and sends the digests, so the number announced is the number sent.
 */

export type DigestEntry = {
  itemId: number;
  title: string;
  as: 'requestor' | 'sponsor';
  fate: Fate;
  /** decisions.reason, '' when none was given. */
  reason: string;
  /** Accepted items still ranked: their place in the ranking at publish time. */
  position: number | null;
  /** For an item the meeting did not decide: what the facilitator chose for it (null: simply not reached). */
  disposition: UndecidedDisposition | null;
};

export type Audience = {
  /** Each person told, with their items in agenda order; only active people. */
  recipients: Map<number, DigestEntry[]>;
  /** People with at least one item they requested. */
  requestors: number;
  /** People who only sponsor (a requestor who also sponsors counts once, as a requestor). */
  sponsors: number;
};

export async function outcomeAudience(tx: Executor, report: OutcomeReport): Promise<Audience> {
  const ids = [...report.decisions.map((d) => d.itemId), ...report.undecided.map((u) => u.itemId)];
  const recipients = new Map<number, DigestEntry[]>();
  if (ids.length === 0) return { recipients, requestors: 0, sponsors: 0 };

  const people = new Map(
    (
      await tx
        .select({ id: items.id, requestorId: items.requestorId, sponsorId: items.sponsorId })
        .from(items)
        .where(inArray(items.id, ids))
    ).map((r) => [r.id, r]),
  );
  // Co-requestors and co-sponsors (from merged duplicates) are told as the requestor and sponsor are.
  const co = await coPeopleOf(tx, ids);
  const candidates = [
    ...new Set([
      ...[...people.values()].flatMap((p) => [p.requestorId, p.sponsorId ?? p.requestorId]),
      ...co.map((c) => c.userId),
    ]),
  ];
  // Deactivated people are not told (notify skips them too), so they are not counted either.
  const active = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, candidates), eq(users.active, true)))
    ).map((u) => u.id),
  );
  const dispositions = new Map(
    (
      await tx
        .select({ itemId: undecidedItems.itemId, disposition: undecidedItems.disposition })
        .from(undecidedItems)
        .where(eq(undecidedItems.meetingId, report.meeting.id))
    ).map((r) => [r.itemId, r.disposition]),
  );

  const entries = [
    ...report.decisions.map((d) => ({
      itemId: d.itemId,
      title: d.title,
      fate: fateOf(d),
      reason: d.reason,
      position: d.position,
    })),
    ...report.undecided.map((u) => ({
      itemId: u.itemId,
      title: u.title,
      fate: 'not_decided' as const,
      reason: '',
      position: null,
    })),
  ];
  const requestorIds = new Set<number>();
  const add = (userId: number, entry: DigestEntry) => {
    if (!active.has(userId)) return;
    const list = recipients.get(userId) ?? [];
    list.push(entry);
    recipients.set(userId, list);
  };
  for (const e of entries) {
    const p = people.get(e.itemId);
    if (!p) continue;
    const disposition = dispositions.get(e.itemId) ?? null;
    add(p.requestorId, { ...e, as: 'requestor', disposition });
    if (active.has(p.requestorId)) requestorIds.add(p.requestorId);
    // A requestor who also sponsors the item hears of it once, as its requestor.
    if (p.sponsorId !== null && p.sponsorId !== p.requestorId) add(p.sponsorId, { ...e, as: 'sponsor', disposition });
    addCoPeople(co, e.itemId, p, (userId, as) => {
      add(userId, { ...e, as, disposition });
      if (as === 'requestor' && active.has(userId)) requestorIds.add(userId);
    });
  }
  return { recipients, requestors: requestorIds.size, sponsors: recipients.size - requestorIds.size };
}

/**
 * An item's co-requestors, then its co-sponsors, each heard of once per item: someone who already
 * hears of it as its requestor, its sponsor or a co-requestor is skipped.
 */
function addCoPeople(
  co: CoPerson[],
  itemId: number,
  item: { requestorId: number; sponsorId: number | null },
  add: (userId: number, as: 'requestor' | 'sponsor') => void,
) {
  const told = new Set([item.requestorId, item.sponsorId]);
  const mine = co.filter((c) => c.itemId === itemId);
  for (const role of ['requestor', 'sponsor'] as const)
    for (const c of mine.filter((m) => m.role === role && !told.has(m.userId))) {
      told.add(c.userId);
      add(c.userId, role);
    }
}

/** "Publishing notifies 14 people: 9 requestors, 5 sponsors." */
export function audienceText(a: Pick<Audience, 'requestors' | 'sponsors'>): string {
  const people = a.requestors + a.sponsors;
  if (people === 0) return 'Publishing notifies nobody: no item on the agenda has an active requestor or sponsor.';
  const parts = [
    a.requestors ? `${a.requestors} ${a.requestors === 1 ? 'requestor' : 'requestors'}` : null,
    a.sponsors ? `${a.sponsors} ${a.sponsors === 1 ? 'sponsor' : 'sponsors'}` : null,
  ].filter(Boolean);
  return `Publishing notifies ${people} ${people === 1 ? 'person' : 'people'}: ${parts.join(', ')}.`;
}
