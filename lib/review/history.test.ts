import { describe, expect, it } from 'vitest';
import { describeItemEvent, NO_NAMES, type HistoryNames } from '@/lib/history/item-history';

const names: HistoryNames = { ...NO_NAMES, cycles: { 9: '2027-Q1', 10: '2027-Q2' } };
const say = (type: string, data: Record<string, unknown>) => describeItemEvent({ type, data }, names);

describe('the review’s events in an item’s history', () => {
  it('says where a carried-over item went and which cycle it left undelivered', () => {
    const data = {
      cycleId: 9,
      changes: { status: { from: 'scheduled', to: 'curated' }, cycleId: { from: 9, to: 10 } },
    };
    expect(say('item.carried_over', data)).toEqual({
      summary: 'carried it over into the 2027-Q2 backlog, not delivered when 2027-Q1 closed.',
      details: [],
    });
  });

  it('gives a dropped item’s reason and a re-requested item’s new number', () => {
    const status = { status: { from: 'accepted', to: 'withdrawn' } };
    expect(say('item.dropped', { cycleId: 9, reason: 'The market moved on', changes: status })).toEqual({
      summary: 'dropped it, not delivered when 2027-Q1 closed.',
      details: ['Reason: “The market moved on”.'],
    });
    expect(say('item.re_requested', { cycleId: 4, newItemId: 31, changes: status }).summary).toBe(
      'withdrew it and re-requested it as #31, not delivered when its cycle closed.',
    );
  });
});
