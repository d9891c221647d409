import { describe, expect, it } from 'vitest';
import { checkProposal, previewProposal, type PreviewPeriod, type Proposal, type ScheduleItem } from './preview';

// Four items of 2 weeks in two sprints; a cycle capacity of 8 fits all four today.
const periods: PreviewPeriod[] = [
  { id: 10, name: 'Sprint 1', capacityWeeks: 4, position: 0 },
  { id: 11, name: 'Sprint 2', capacityWeeks: 4, position: 1 },
  { id: 12, name: 'Sprint 3', capacityWeeks: 4, position: 2 },
];
const schedule: ScheduleItem[] = [
  { id: 1, title: 'One', weeks: 2, periodId: 10, status: 'in_delivery' },
  { id: 2, title: 'Two', weeks: 2, periodId: 10, status: 'scheduled' },
  { id: 3, title: 'Three', weeks: 2, periodId: 11, status: 'scheduled' },
  { id: 4, title: 'Four', weeks: 2, periodId: 11, status: 'scheduled' },
];
const proposal = (over: Partial<Proposal> = {}): Proposal => ({
  incoming: { id: null, title: 'Urgent', weeks: 3 },
  incomingPosition: 1,
  incomingPeriodId: 10,
  displaced: [],
  ...over,
});

describe('previewProposal', () => {
  it('inserts the incoming item before the item now at its position, and shows load and cut line before and after', () => {
    const p = previewProposal(
      schedule,
      periods,
      8,
      proposal({ displaced: [{ itemId: 2, action: 'later', toPeriodId: 12 }] }),
    );
    expect(p.errors).toEqual({});
    expect(p.order.map((r) => [r.id, r.title, r.periodId, r.change, r.belowCut])).toEqual([
      [1, 'One', 10, null, false],
      [null, 'Urgent', 10, 'in', false],
      [2, 'Two', 12, 'later', false],
      [3, 'Three', 11, null, true],
      [4, 'Four', 11, null, true],
    ]);
    expect(p.removed).toEqual([]);
    expect(p.loadByPeriod).toEqual([
      { periodId: 10, name: 'Sprint 1', before: 4, after: 5, capacityWeeks: 4, over: true },
      { periodId: 11, name: 'Sprint 2', before: 4, after: 4, capacityWeeks: 4, over: false },
      { periodId: 12, name: 'Sprint 3', before: 0, after: 2, capacityWeeks: 4, over: false },
    ]);
    expect(p.cut.before).toMatchObject({ fitCount: 4, totalWeeks: 8 });
    expect(p.cut.after).toMatchObject({ fitCount: 3, totalWeeks: 11 });
    expect(p.newlyBelowCut).toEqual([3, 4]);
  });

  it("takes 'out' items out of the order, and keeps everyone above the line when the room is made", () => {
    const p = previewProposal(
      schedule,
      periods,
      8,
      proposal({
        incoming: { id: 99, title: 'Urgent', weeks: 2 },
        incomingPosition: 0,
        displaced: [{ itemId: 3, action: 'out' }],
      }),
    );
    expect(p.order.map((r) => r.id)).toEqual([99, 1, 2, 4]);
    expect(p.removed).toEqual([3]);
    expect(p.newlyBelowCut).toEqual([]);
    expect(p.loadByPeriod.map((l) => [l.before, l.after])).toEqual([
      [4, 6],
      [4, 2],
      [0, 0],
    ]);
  });

  it('puts the incoming item last at position = length, and into an empty schedule', () => {
    expect(previewProposal(schedule, periods, 8, proposal({ incomingPosition: 4 })).order.at(-1)).toMatchObject({
      title: 'Urgent',
      change: 'in',
      belowCut: true,
    });
    const empty = previewProposal([], periods, 8, proposal({ incomingPosition: 0 }));
    expect(empty.order.map((r) => r.title)).toEqual(['Urgent']);
    expect(empty.errors).toEqual({});
  });

  it('an unestimated incoming item counts 0 weeks and an incoming item without a period loads no period', () => {
    const p = previewProposal(
      schedule,
      periods,
      8,
      proposal({ incoming: { id: null, title: 'Urgent', weeks: null }, incomingPeriodId: null }),
    );
    expect(p.cut.after.fitCount).toBe(5);
    expect(p.loadByPeriod.map((l) => l.after)).toEqual([4, 4, 0]);
  });
});

describe('checkProposal', () => {
  it('accepts a valid proposal', () => {
    expect(
      checkProposal(
        schedule,
        periods,
        proposal({
          displaced: [
            { itemId: 3, action: 'out' },
            { itemId: 4, action: 'later', toPeriodId: 12 },
          ],
        }),
      ),
    ).toEqual({});
  });

  it.each([
    ['a position past the end', { incomingPosition: 5 }, 'incomingPosition', 'Choose a position from 1 to 5.'],
    ['a negative position', { incomingPosition: -1 }, 'incomingPosition', 'Choose a position from 1 to 5.'],
    ['a period of another cycle', { incomingPeriodId: 77 }, 'incomingPeriodId', 'Choose a period of this cycle.'],
    [
      'an incoming item already in the schedule',
      { incoming: { id: 2, title: 'Two', weeks: 2 } },
      'incomingItemId',
      'This item is already in the schedule.',
    ],
    [
      'an item not in the schedule',
      { displaced: [{ itemId: 42, action: 'out' }] },
      'displaced',
      'Item #42 is not in the schedule (any more).',
    ],
    [
      'an item listed twice',
      {
        displaced: [
          { itemId: 3, action: 'out' },
          { itemId: 3, action: 'out' },
        ],
      },
      'displaced',
      '"Three" is listed twice.',
    ],
    [
      'an item in delivery moved out',
      { displaced: [{ itemId: 1, action: 'out' }] },
      'displaced',
      '"One" is already in delivery; it can move to a later period but not out.',
    ],
    [
      'later without a period',
      { displaced: [{ itemId: 3, action: 'later' }] },
      'displaced',
      'Choose the period "Three" moves to.',
    ],
    [
      'later to the same period',
      { displaced: [{ itemId: 3, action: 'later', toPeriodId: 11 }] },
      'displaced',
      '"Three" is in Sprint 2: choose a period after it.',
    ],
    [
      'later to an earlier period',
      { displaced: [{ itemId: 3, action: 'later', toPeriodId: 10 }] },
      'displaced',
      '"Three" is in Sprint 2: choose a period after it.',
    ],
  ] as const)('refuses %s', (_name, over, field, message) => {
    expect(checkProposal(schedule, periods, proposal(over as Partial<Proposal>))).toEqual({ [field]: [message] });
  });

  it('refuses moving a delivered item out or later, naming it', () => {
    const delivered: ScheduleItem[] = [
      ...schedule,
      { id: 5, title: 'Shipped', weeks: 1, periodId: 10, status: 'delivered' },
    ];
    const message = '"Shipped" is already delivered; it cannot be moved out or later.';
    expect(checkProposal(delivered, periods, proposal({ displaced: [{ itemId: 5, action: 'out' }] }))).toEqual({
      displaced: [message],
    });
    expect(
      checkProposal(delivered, periods, proposal({ displaced: [{ itemId: 5, action: 'later', toPeriodId: 12 }] })),
    ).toEqual({ displaced: [message] });
    // The preview still shows the rest, leaving the delivered item where it is.
    const p = previewProposal(delivered, periods, 20, proposal({ displaced: [{ itemId: 5, action: 'out' }] }));
    expect(p.removed).toEqual([]);
    expect(p.order.map((r) => r.id)).toContain(5);
  });
});
