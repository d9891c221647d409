import { describe, expect, it } from 'vitest';
import { contest, contestedFirst, type StanceCounts } from './contested';

const c = (leanAccept: number, leanReject: number, unsure: number): StanceCounts => ({
  leanAccept,
  leanReject,
  unsure,
});

describe('contest', () => {
  it('calls an even split contested, and says why', () => {
    const r = contest(1, c(2, 2, 0));
    expect(r).toMatchObject({ contested: true, consentCandidate: false, score: 1 });
    expect(r.explanation).toBe('2 lean accept, 2 lean reject, 0 unsure. Contested: evenly split.');
  });

  it('calls many unsure contested, even when nobody leans against', () => {
    const r = contest(1, c(2, 0, 1));
    expect(r.contested).toBe(true);
    expect(r.explanation).toContain('1 leader of 3 unsure');
  });

  it('treats a lone dissenter among many as not split', () => {
    expect(contest(1, c(4, 1, 0)).contested).toBe(false);
    expect(contest(1, c(3, 1, 0)).contested).toBe(true);
  });

  it('suggests for consent only items everyone leaning accept, with few unsure', () => {
    expect(contest(1, c(3, 0, 0))).toMatchObject({ contested: false, consentCandidate: true, score: 0 });
    expect(contest(1, c(3, 0, 1)).consentCandidate).toBe(true);
    expect(contest(1, c(3, 1, 0)).consentCandidate).toBe(false);
    expect(contest(1, c(0, 3, 0))).toMatchObject({ consentCandidate: false, contested: false });
    expect(contest(1, c(0, 0, 0))).toMatchObject({ consentCandidate: false, explanation: 'No stances yet.' });
  });
});

describe('contestedFirst', () => {
  it('puts contested items first, most contested first, and keeps the rest in the order given', () => {
    const counts = new Map([
      [10, c(3, 0, 0)],
      [11, c(2, 1, 0)], // split (score 0.67)
      [12, c(1, 1, 2)], // evenly split and half unsure: the most contested
      [14, c(0, 0, 0)],
    ]);
    const order = contestedFirst([10, 11, 12, 13, 14], counts);
    expect(order.map((o) => o.itemId)).toEqual([12, 11, 10, 13, 14]);
    expect(order[0].score).toBeGreaterThan(order[1].score);
    expect(order[3].explanation).toBe('No stances yet.');
  });
});
