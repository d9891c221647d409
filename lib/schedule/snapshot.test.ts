import { describe, expect, it } from 'vitest';
import type { ScheduleSnapshotItem } from '@/db/schema';
import { changesSince } from './snapshot';

const item = (itemId: number, over: Partial<ScheduleSnapshotItem> = {}): ScheduleSnapshotItem => ({
  itemId,
  title: `Item ${itemId}`,
  rank: `a${itemId}`,
  status: 'scheduled',
  period: 'Sprint 1',
  owner: 'Erik',
  kickoffOn: '2027-01-04',
  ...over,
});

describe('changesSince', () => {
  it('sums up a first publication, and has nothing to say about an empty one', () => {
    expect(changesSince(null, [item(1), item(2, { period: 'Sprint 2' }), item(3)])).toEqual([
      'First publication: 3 items in 2 periods',
    ]);
    expect(changesSince(null, [item(1)])).toEqual(['First publication: 1 item in 1 period']);
    expect(changesSince(null, [])).toEqual([]);
    expect(changesSince([item(1)], [item(1)])).toEqual([]);
  });

  it('names only the item that was re-ranked, not those it passed', () => {
    const before = [item(1), item(2), item(3)];
    const after = [item(3, { rank: 'a0V' }), item(1), item(2)];
    expect(changesSince(before, after)).toEqual(['“Item 3”: re-ranked to #1 (was #3)']);
  });

  it('words renames, cleared fields and moves back and forth through delivery', () => {
    const before = [item(1, { status: 'in_delivery' }), item(2), item(3, { status: 'in_delivery' })];
    const after = [
      item(1, { status: 'scheduled', owner: null, kickoffOn: null }),
      item(2, { title: 'Two', owner: 'Nora', status: 'in_delivery' }),
      item(3, { status: 'delivered' }),
    ];
    expect(changesSince(before, after)).toEqual([
      '“Item 1”: no owner now (was Erik); no kickoff now (was 4 Jan 2027); back to scheduled',
      '“Two”: renamed from “Item 2”; owner now Nora (was Erik); delivery started',
      '“Item 3”: delivered',
    ]);
  });
});
