import { describe, expect, it } from 'vitest';
import { describeItemEvent } from './item-history';

describe('curation events in an item’s history', () => {
  it('says on the survivor what was merged into it and what it took', () => {
    expect(
      describeItemEvent({
        type: 'item.merged',
        data: { mergedId: 7, mergedTitle: 'Partner SSO', fieldsTaken: ['sponsor', 'description'] },
      }),
    ).toEqual({
      summary: 'merged the duplicate “Partner SSO” into it.',
      details: ['Took its description and sponsor.'],
    });
  });

  it('says on the duplicate where it went', () => {
    expect(describeItemEvent({ type: 'item.merged_into', data: { survivorId: 3, survivorTitle: 'SSO' } }).summary).toBe(
      'merged it into “SSO” as a duplicate.',
    );
  });

  it('gives triage’s reason and question', () => {
    const changes = (key: string, to: string) => ({ changes: { [key]: { from: null, to } } });
    expect(describeItemEvent({ type: 'request.declined', data: changes('decisionReason', 'Out of scope') })).toEqual({
      summary: 'declined the request.',
      details: ['Reason: Out of scope'],
    });
    expect(
      describeItemEvent({ type: 'request.info_requested', data: changes('infoRequest', 'Which export?') }),
    ).toEqual({ summary: 'asked for more information.', details: ['Question: Which export?'] });
    expect(describeItemEvent({ type: 'request.resubmitted', data: {} }).summary).toBe(
      'answered and resubmitted the request.',
    );
  });
});
