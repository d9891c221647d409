import { describe, expect, it } from 'vitest';
import { normaliseEstimate, normaliseKind, oneLine, personCandidates, splitValues } from './cells';
import { findDuplicates } from './duplicates';

describe('normaliseEstimate', () => {
  it.each([
    ['M', 'M', null, false],
    ['m', 'M', null, true],
    ['Medium', 'M', null, true],
    ['xl', 'XL', null, true],
    ['Extra small', 'XS', null, true],
    ['3', null, 3, false],
    ['2.5', null, 2.5, false],
    ['3 weeks', null, 3, true],
    ['3w', null, 3, true],
    ['2.5 wks', null, 2.5, true],
    ['2,5 weeks', null, 2.5, true],
    ['10 days', null, 2, true],
  ])('reads %j', (raw, size, weeks, noted) => {
    const e = normaliseEstimate(raw);
    expect([e.estimateSize, e.estimateWeeks]).toEqual([size, weeks]);
    expect(e.note !== undefined).toBe(noted);
  });

  it('takes the upper end of a range and says so', () => {
    expect(normaliseEstimate('3-5 weeks')).toEqual({
      estimateSize: null,
      estimateWeeks: 5,
      note: 'Estimate “3-5 weeks” → 5 weeks (upper end of the range)',
    });
    expect(normaliseEstimate('3–5')).toMatchObject({ estimateWeeks: 5 });
    expect(normaliseEstimate('S-M')).toMatchObject({ estimateSize: 'M', note: expect.stringContaining('upper end') });
  });

  it.each(['TBD', '?', 'n/a', 'N/A', '', 'tbc'])('gives no estimate for %j, with a note', (raw) => {
    const e = normaliseEstimate(raw);
    expect([e.estimateSize, e.estimateWeeks]).toEqual([null, null]);
    expect(e.note).toBeTruthy();
  });

  it('gives no estimate, with a note, for text it cannot read or an amount out of range', () => {
    expect(normaliseEstimate('a while')).toMatchObject({
      estimateWeeks: null,
      note: expect.stringContaining('not a size'),
    });
    expect(normaliseEstimate('5000 weeks')).toMatchObject({
      estimateWeeks: null,
      note: expect.stringContaining('between'),
    });
    expect(normaliseEstimate('TBD').note).toBe('Estimate “TBD” → no estimate');
  });
});

describe('normaliseKind', () => {
  it.each([
    ['Tech debt', 'tech_debt', false],
    ['Non-functional', 'non_functional', false],
    ['NFR', 'non_functional', true],
    ['Fix', 'fix', false],
    ['Bug', 'fix', true],
    ['Defect', 'fix', true],
    ['Feature', 'feature', false],
    ['Enhancement', 'feature', true],
    ['', 'feature', false],
    ['Moonshot', 'feature', true],
  ])('reads %j as %s', (raw, kind, noted) => {
    const k = normaliseKind(raw);
    expect(k.kind).toBe(kind);
    expect(k.note !== undefined).toBe(noted);
  });
});

describe('cells with people and lists', () => {
  it('finds the name in a cell that also holds a title', () => {
    expect(personCandidates('VP Ops – Jane Doe')).toContain('Jane Doe');
    expect(personCandidates('Jane Doe (Ops)')).toContain('Jane Doe');
    expect(personCandidates('Jane Doe, VP Ops')).toContain('Jane Doe');
    expect(personCandidates('Jane <jane@example.test>')).toContain('jane@example.test');
    expect(personCandidates('  ')).toEqual([]);
  });

  it('splits multi-value cells on semicolons, commas and line breaks', () => {
    expect(splitValues('payments; reporting-api')).toEqual(['payments', 'reporting-api']);
    expect(splitValues('a,b\nc')).toEqual(['a', 'b', 'c']);
    expect(splitValues('')).toEqual([]);
  });

  it('makes one line of a title', () => {
    expect(oneLine(' Two\nlines\u200b  here ')).toBe('Two lines here');
  });
});

describe('findDuplicates', () => {
  it('flags exact (folded) and similar titles, in the file and against the cycle', () => {
    const found = findDuplicates(
      [
        { row: 1, title: 'Export the backlog to CSV' },
        { row: 2, title: 'export the BACKLOG to csv!' },
        { row: 3, title: 'Single sign-on for the portal app' },
        { row: 4, title: 'Payments retry' },
        { row: 5, title: 'Totally different thing' },
      ],
      [{ id: 9, title: 'Single sign on for portal app' }],
    );
    expect(found[0]).toBeNull();
    expect(found[1]).toMatchObject({ kind: 'exact', of: { row: 1 } });
    expect(found[2]).toMatchObject({ kind: 'similar', of: { itemId: 9 } });
    expect(found[3]).toBeNull();
    expect(found[4]).toBeNull();
  });
});

describe('findDuplicates over many titles sharing common words', () => {
  it('still finds the similar pair, and only it', () => {
    const titles = Array.from({ length: 3000 }, (_, i) => ({
      row: i + 1,
      title: `Improve the backlog screen number ${i}`,
    }));
    titles.push({ row: 3001, title: 'Improve backlog screen number 1234' });
    const found = findDuplicates(titles, []);
    expect(found.filter(Boolean)).toHaveLength(1);
    expect(found[3000]).toMatchObject({ kind: 'similar', of: { row: 1235 } });
  });
});
