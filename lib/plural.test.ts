import { describe, expect, it } from 'vitest';
import { belowCutText, formatWeeks, personWeeks, plural } from './plural';

describe('plural', () => {
  it.each([
    [0, '0 items'],
    [1, '1 item'],
    [2, '2 items'],
  ])('%i → %s', (n, text) => expect(plural(n, 'item')).toBe(text));

  it('takes an irregular plural', () => expect(plural(2, 'person', 'people')).toBe('2 people'));
});

describe('personWeeks', () => {
  it.each([
    [1, '1 person-week'],
    [0.5, '0.5 person-weeks'],
    [2, '2 person-weeks'],
    [0, '0 person-weeks'],
    // What reads as exactly 1 is singular: the rounding decides, not the raw number.
    [1.04, '1 person-week'],
    [1.1, '1.1 person-weeks'],
    [12000, '12000 person-weeks'],
  ])('%d → %s', (weeks, text) => expect(personWeeks(weeks)).toBe(text));

  it('formats weeks with one decimal at most and no separators', () => {
    expect(formatWeeks(2.25)).toBe('2.3');
    expect(formatWeeks(12000)).toBe('12000');
  });
});

describe('belowCutText', () => {
  it.each([
    [1, '1 falls below the cut line'],
    [2, '2 fall below the cut line'],
  ])('%i → %s', (n, text) => expect(belowCutText(n)).toBe(text));
});
