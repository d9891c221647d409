import { describe, expect, it } from 'vitest';
import { findConflicts, type PendingRequest } from './conflicts.server';

const request = (
  id: number,
  displaced: number[],
  incomingItemId = 100 + id,
  status: PendingRequest['status'] = 'open',
): PendingRequest => ({
  id,
  title: `Request ${id}`,
  status,
  incomingItemId,
  displaced: displaced.map((itemId) => ({ itemId, action: 'out' as const })),
});

describe('findConflicts', () => {
  const others = [
    request(1, [10, 11]),
    request(2, [12], 100, 'in_session'),
    request(3, [], 50, 'needs_review'),
    request(4, [11, 13, 10]),
  ];

  it.each([
    ['no shared item', { incomingItemId: null, displaced: [20] }, []],
    [
      'one shared displaced item',
      { incomingItemId: null, displaced: [12, 20] },
      [{ changeRequestId: 2, title: 'Request 2', status: 'in_session', itemIds: [12] }],
    ],
    [
      'several requests and items',
      { incomingItemId: null, displaced: [10, 11] },
      [
        { changeRequestId: 1, title: 'Request 1', status: 'open', itemIds: [10, 11] },
        { changeRequestId: 4, title: 'Request 4', status: 'open', itemIds: [10, 11] },
      ],
    ],
    [
      'the same incoming item',
      { incomingItemId: 50, displaced: [] },
      [{ changeRequestId: 3, title: 'Request 3', status: 'needs_review', itemIds: [50] }],
    ],
  ] as const)('%s', (_name, proposal, expected) => {
    expect(
      findConflicts(
        { incomingItemId: proposal.incomingItemId, displaced: proposal.displaced.map((itemId) => ({ itemId })) },
        others,
      ),
    ).toEqual(expected);
  });

  it('leaves out the request itself', () => {
    expect(
      findConflicts({ incomingItemId: 101, displaced: [{ itemId: 10 }] }, others, 1).map((c) => c.changeRequestId),
    ).toEqual([4]);
  });
});
