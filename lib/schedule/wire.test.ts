import { describe, expect, it } from 'vitest';
import type { ScheduleItem, ScheduleView } from './types';
import { packSchedule, unpackSchedule } from './wire';

const item = (id: number, over: Partial<ScheduleItem> = {}): ScheduleItem => ({
  id,
  title: `Item ${id}`,
  rank: `a${id}`,
  status: 'scheduled',
  themeId: 1,
  theme: 'Growth',
  weeks: 3,
  requestorId: 10,
  requestor: 'Rosa',
  sponsorId: 11,
  sponsor: 'Liam',
  periodId: 5,
  ownerId: 12,
  owner: 'Erik',
  kickoffOn: '2027-01-04',
  entryVersion: 2,
  openFlags: 1,
  actualWeeks: 2.5,
  ...over,
});

describe('packSchedule / unpackSchedule', () => {
  it('sends names once and gives back every row, in order, with its place instead of its rank key', () => {
    const view = {
      cycle: { id: 1, name: 'Q1', capacityWeeks: 60, startsOn: '2027-01-01', endsOn: '2027-03-31' },
      periods: [],
      unassigned: { load: 0, items: 0 },
      items: [
        item(2),
        item(1, {
          themeId: null,
          theme: null,
          sponsorId: null,
          sponsor: null,
          ownerId: null,
          owner: null,
          periodId: null,
          kickoffOn: null,
          weeks: null,
          status: 'accepted',
          entryVersion: 0,
          actualWeeks: null,
        }),
      ],
      owners: [],
      flags: [],
      lastPublication: null,
      unpublishedChanges: [],
      moved: [{ itemId: 2, changeRequestId: 7, action: 'in', decidedAt: '2027-01-05T10:00:00.000Z' }],
      viewer: { id: 1, canEdit: false, canPublish: false, canSeeChanges: false },
    } satisfies ScheduleView;
    const wire = packSchedule(view);
    expect(wire.people).toEqual({ 10: 'Rosa', 11: 'Liam', 12: 'Erik' });
    expect(wire.themes).toEqual({ 1: 'Growth' });
    const { items, ...rest } = unpackSchedule(JSON.parse(JSON.stringify(wire)));
    expect(items).toEqual(view.items.map(({ rank: _rank, ...i }, index) => ({ ...i, position: index + 1 })));
    const { items: _sent, ...meta } = view;
    expect(rest).toEqual(meta);
  });
});
