import type { PrereadSnapshot, SnapshotItem } from '@/db/schema/meetings';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { formatDuration, formatMeetingTime, personWeeks } from './format';

/**
 * What changed between two pre-read snapshots. Pure: used for the update e-mail's summary here,
 * and by the pre-read page to mark items "changed since the pre-read" (field by field).
 */

/** The item fields a reader cares about, with the words used in summaries. */
export const SNAPSHOT_ITEM_FIELDS = {
  title: 'title',
  description: 'description',
  businessBenefit: 'business benefit',
  estimate: 'estimate',
  sme: 'SME',
  sponsor: 'sponsor',
  requestor: 'requestor',
  department: 'department',
  kind: 'kind',
  modules: 'modules',
  theme: 'theme',
} as const satisfies Partial<Record<keyof SnapshotItem, string>>;
export type SnapshotField = keyof typeof SNAPSHOT_ITEM_FIELDS;

/** Long free text is reported as changed, without quoting before and after in a one-line summary. */
const LONG_TEXT: ReadonlySet<SnapshotField> = new Set(['description', 'businessBenefit']);

export type FieldChange = { field: SnapshotField; label: string; before: string; after: string };
/** `title` is the item's title before the change, as the reader knows it from the pre-read. */
export type ItemChange = { id: number; title: string; changes: FieldChange[] };
export type MeetingChange = {
  field: 'title' | 'scheduledAt' | 'durationMinutes' | 'location' | 'facilitator' | 'capacity';
  label: string;
  before: string;
  after: string;
};

export type SnapshotDiff = {
  added: SnapshotItem[];
  removed: SnapshotItem[];
  changed: ItemChange[];
  /** The items on both sides are in a different order. */
  reordered: boolean;
  meeting: MeetingChange[];
};

/** A field as the reader sees it: kinds by their label, modules in name order (order means nothing). */
function fieldText(item: SnapshotItem, field: SnapshotField): string {
  const value = item[field];
  if (Array.isArray(value)) return [...value].sort((a, b) => a.localeCompare(b)).join(', ');
  if (field === 'kind') return (KIND_LABEL as Record<string, string>)[String(value)] ?? String(value);
  return value === null || value === undefined ? '' : String(value);
}

const withWeeks = (i: SnapshotItem) =>
  i.effectiveWeeks === null ? i.estimate : `${i.estimate} (${i.effectiveWeeks} pw)`;

/** Per item, per field: before and after. Items are matched by id. */
export function diffItem(before: SnapshotItem, after: SnapshotItem): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(SNAPSHOT_ITEM_FIELDS) as SnapshotField[]) {
    let a = fieldText(before, field);
    let b = fieldText(after, field);
    // The same size can mean other weeks once the cycle's size table changes: that is a change too.
    if (field === 'estimate' && a === b && before.effectiveWeeks !== after.effectiveWeeks) {
      a = withWeeks(before);
      b = withWeeks(after);
    }
    if (a !== b) changes.push({ field, label: SNAPSHOT_ITEM_FIELDS[field], before: a, after: b });
  }
  return changes;
}

function meetingChanges(before: PrereadSnapshot, after: PrereadSnapshot): MeetingChange[] {
  const out: MeetingChange[] = [];
  const push = (field: MeetingChange['field'], label: string, a: string, b: string) => {
    if (a !== b) out.push({ field, label, before: a, after: b });
  };
  const m0 = before.meeting;
  const m1 = after.meeting;
  push('title', 'title', m0.title, m1.title);
  push('scheduledAt', 'date', formatMeetingTime(m0.scheduledAt), formatMeetingTime(m1.scheduledAt));
  push('durationMinutes', 'duration', formatDuration(m0.durationMinutes), formatDuration(m1.durationMinutes));
  push('location', 'location', m0.location, m1.location);
  push('facilitator', 'facilitator', m0.facilitator, m1.facilitator);
  push('capacity', 'capacity', personWeeks(before.cycle.capacityWeeks), personWeeks(after.cycle.capacityWeeks));
  return out;
}

export function diffSnapshots(before: PrereadSnapshot, after: PrereadSnapshot): SnapshotDiff {
  const beforeById = new Map(before.items.map((i) => [i.id, i]));
  const afterById = new Map(after.items.map((i) => [i.id, i]));
  const added = after.items.filter((i) => !beforeById.has(i.id));
  const removed = before.items.filter((i) => !afterById.has(i.id));
  const changed: ItemChange[] = [];
  for (const item of after.items) {
    const old = beforeById.get(item.id);
    if (!old) continue;
    const changes = diffItem(old, item);
    if (changes.length) changed.push({ id: item.id, title: old.title, changes });
  }
  const keptBefore = before.items.filter((i) => afterById.has(i.id)).map((i) => i.id);
  const keptAfter = after.items.filter((i) => beforeById.has(i.id)).map((i) => i.id);
  const reordered = keptBefore.some((id, n) => keptAfter[n] !== id);
  return { added, removed, changed, reordered, meeting: meetingChanges(before, after) };
}

export function isEmptyDiff(d: SnapshotDiff): boolean {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.reordered && !d.meeting.length;
}

const show = (s: string) => (s === '' ? '(none)' : s);

/** One human line per change: "Added: X", "Changed estimate of Z: M → L", … */
export function summariseDiff(d: SnapshotDiff): string[] {
  const lines: string[] = [];
  for (const m of d.meeting) lines.push(`Changed the meeting's ${m.label}: ${show(m.before)} → ${show(m.after)}`);
  for (const i of d.added) lines.push(`Added: ${i.title}`);
  for (const i of d.removed) lines.push(`Removed: ${i.title}`);
  for (const c of d.changed) {
    for (const f of c.changes) {
      lines.push(
        LONG_TEXT.has(f.field)
          ? `Changed ${f.label} of ${c.title}`
          : `Changed ${f.label} of ${c.title}: ${show(f.before)} → ${show(f.after)}`,
      );
    }
  }
  if (d.reordered) lines.push('Changed the order of the agenda');
  return lines;
}
