import { describe, expect, it } from 'vitest';
import { describeItemEvent, NO_NAMES } from '@/lib/history/item-history';

const say = (data: Record<string, unknown>) => describeItemEvent({ type: 'item.score_input_set', data }, NO_NAMES);

describe('a score input in the item history', () => {
  it('says which model and input, the new value and the old one', () => {
    expect(say({ model: 'rice', input: 'reach', from: null, to: 40 }).summary).toBe('set the RICE reach to 40.');
    expect(say({ model: 'wsjf', input: 'job_size', from: 3, to: 5 }).summary).toBe(
      'set the WSJF job size to 5 (it was 3).',
    );
    expect(say({ model: 'value_effort', input: 'effort', from: 2.5, to: null }).summary).toBe(
      'cleared the Value / effort effort (it was 2.5).',
    );
  });
});
