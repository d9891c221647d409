import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES, type ItemStatus } from '@/db/schema';
import { STATUS_LABEL } from './labels';
import { TRANSITIONS, canTransition, transitionError } from './status-machine';

const pairs = ITEM_STATUSES.flatMap((from) =>
  ITEM_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
);

describe('the TRANSITIONS table', () => {
  it('has an entry for every status and only names known statuses, never itself', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ITEM_STATUSES].sort());
    for (const from of ITEM_STATUSES) {
      for (const to of TRANSITIONS[from]) {
        expect(ITEM_STATUSES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });

  it('reaches every status, delivered included, from draft', () => {
    const seen = new Set<ItemStatus>(['draft']);
    const queue: ItemStatus[] = ['draft'];
    while (queue.length) {
      for (const next of TRANSITIONS[queue.shift()!])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    }
    expect([...seen].sort()).toEqual([...ITEM_STATUSES].sort());
  });
});

describe.each(pairs)('%s → %s', (from, to) => {
  const allowed = TRANSITIONS[from].includes(to);

  it(`is ${allowed ? 'allowed' : 'refused with a message'}`, () => {
    expect(canTransition(from, to)).toBe(allowed);
    const error = transitionError(from, to);
    if (allowed) {
      expect(error).toBeNull();
    } else {
      expect(error).toEqual(expect.any(String));
      expect(error).toContain(STATUS_LABEL[from].toLowerCase());
    }
  });
});

describe('specific transitions', () => {
  it('refuses rejected → scheduled', () => {
    expect(canTransition('rejected', 'scheduled')).toBe(false);
    expect(transitionError('rejected', 'scheduled')).toBe('A rejected item cannot change status.');
  });

  it('allows curated → accepted', () => {
    expect(canTransition('curated', 'accepted')).toBe(true);
    expect(transitionError('curated', 'accepted')).toBeNull();
  });

  it('names the allowed next statuses when refusing from a non-terminal status', () => {
    expect(transitionError('draft', 'accepted')).toBe(
      'A draft item cannot become accepted; it can become submitted, withdrawn.',
    );
  });

  it('treats withdrawn as terminal', () => {
    expect(TRANSITIONS.withdrawn).toEqual([]);
    for (const to of ITEM_STATUSES.filter((s) => s !== 'withdrawn')) {
      expect(canTransition('withdrawn', to)).toBe(false);
      expect(transitionError('withdrawn', to)).toBe('A withdrawn item cannot change status.');
    }
  });

  it('treats staying in the same status as a no-op, not an error', () => {
    for (const s of ITEM_STATUSES) expect(transitionError(s, s)).toBeNull();
  });
});
