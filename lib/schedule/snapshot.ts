import type { ScheduleSnapshotItem } from '@/db/schema/schedule';
import { formatDay } from './dates';
import type { ScheduleItem } from './types';
import { plural } from '@/lib/plural';

/**
 * What a publication of the schedule shows, and what changed between two of them. Pure: publishing
 * and the page's "changes not published yet" use the same functions, so the pm sees beforehand
 * exactly the lines people will be sent.
 *
 * The published schedule is the items that have a period (scheduled, in delivery, delivered), in
 * rank order; accepted items without a period are not on it yet.
 */

export function snapshotOf(
  items: readonly ScheduleItem[],
  periodNames: ReadonlyMap<number, string>,
): ScheduleSnapshotItem[] {
  return items
    .filter((i) => i.periodId !== null)
    .map((i) => ({
      itemId: i.id,
      title: i.title,
      rank: i.rank,
      status: i.status,
      period: periodNames.get(i.periodId!) ?? null,
      owner: i.owner,
      kickoffOn: i.kickoffOn,
    }));
}

const quoted = (title: string) => `“${title}”`;
const day = (d: string | null) => (d === null ? 'not set' : formatDay(d));

const STATUS_NEWS: Record<string, string> = {
  scheduled: 'back to scheduled',
  in_delivery: 'delivery started',
  delivered: 'delivered',
};

/** "January 2027, owner Erik Engineer, kickoff 4 Jan 2027": where an item stands, in one phrase. */
export function placeText(s: Pick<ScheduleSnapshotItem, 'period' | 'owner' | 'kickoffOn'>): string {
  return `${s.period ?? 'no period'}, owner ${s.owner ?? 'not set'}, kickoff ${day(s.kickoffOn)}`;
}

function changesOfItem(
  before: ScheduleSnapshotItem,
  after: ScheduleSnapshotItem,
  positions: { before: number; after: number },
): string[] {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push(`renamed from ${quoted(before.title)}`);
  if (before.period !== after.period)
    parts.push(`moved from ${before.period ?? 'no period'} to ${after.period ?? 'no period'}`);
  if (before.owner !== after.owner)
    parts.push(
      after.owner === null
        ? `no owner now (was ${before.owner})`
        : `owner now ${after.owner}${before.owner ? ` (was ${before.owner})` : ''}`,
    );
  if (before.kickoffOn !== after.kickoffOn) {
    parts.push(
      after.kickoffOn === null
        ? `no kickoff now (was ${day(before.kickoffOn)})`
        : `kickoff now ${day(after.kickoffOn)}${before.kickoffOn ? ` (was ${day(before.kickoffOn)})` : ''}`,
    );
  }
  if (before.status !== after.status) parts.push(STATUS_NEWS[after.status] ?? `now ${after.status}`);
  // Fractional ranks change only when the item itself was moved, so shifts caused by others stay quiet.
  if (before.rank !== after.rank) parts.push(`re-ranked to #${positions.after} (was #${positions.before})`);
  return parts;
}

/**
 * The lines a publication announces: for the first, one line of totals; afterwards, one line per
 * item added, changed or taken off, in the current rank order (taken-off items last). Empty when
 * nothing changed, or when there is nothing to publish the first time.
 */
export function changesSince(
  previous: readonly ScheduleSnapshotItem[] | null,
  current: readonly ScheduleSnapshotItem[],
): string[] {
  if (previous === null) {
    if (current.length === 0) return [];
    const periods = new Set(current.map((s) => s.period)).size;
    return [`First publication: ${plural(current.length, 'item')} in ${plural(periods, 'period')}`];
  }
  const before = new Map(previous.map((s, i) => [s.itemId, { s, position: i + 1 }]));
  const lines: string[] = [];
  current.forEach((s, i) => {
    const old = before.get(s.itemId);
    if (!old) {
      lines.push(`Added ${quoted(s.title)}: ${placeText(s)}`);
      return;
    }
    const parts = changesOfItem(old.s, s, { before: old.position, after: i + 1 });
    if (parts.length) lines.push(`${quoted(s.title)}: ${parts.join('; ')}`);
  });
  const now = new Set(current.map((s) => s.itemId));
  for (const s of previous) if (!now.has(s.itemId)) lines.push(`${quoted(s.title)} is no longer on the schedule`);
  return lines;
}
