import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  NOTE_REQUIRED,
  NOTE_TOO_LONG,
  REASON_REQUIRED,
  REASON_TOO_LONG,
  suggestedDecision,
  tally,
  type Choice,
  type Decision,
  type TallyResult,
  type Vote,
  type Voter,
} from './tally';

const DEPTS: Record<string, number> = { Engineering: 1, Sales: 2, Finance: 3, Marketing: 4, Support: 5 };
let nextUser = 1;

/** `votesOf('Engineering', 'accept', 'accept', 'reject')` → three votes by new users of that department. */
function votesOf(departmentName: string, ...choices: Choice[]): Vote[] {
  return choices.map((choice) => ({ userId: nextUser++, departmentId: DEPTS[departmentName], departmentName, choice }));
}

function votersOf(departmentName: string, userIds: number[]): Voter[] {
  return userIds.map((userId) => ({ userId, departmentId: DEPTS[departmentName], departmentName }));
}

const repeat = (choice: Choice, n: number): Choice[] => Array.from({ length: n }, () => choice);
const shareSum = (shares: Record<Choice, number>) => shares.accept + shares.reject + shares.defer;

describe('tally: plain result', () => {
  it.each<[string, Vote[], TallyResult, Record<Choice, number>]>([
    [
      'clear majority',
      [...votesOf('Engineering', 'accept', 'accept'), ...votesOf('Sales', 'reject')],
      'accept',
      { accept: 2, reject: 1, defer: 0 },
    ],
    [
      'plurality wins without a majority',
      [...votesOf('Sales', 'defer', 'defer', 'accept', 'reject')],
      'defer',
      { accept: 1, reject: 1, defer: 2 },
    ],
    ['a single vote', votesOf('Finance', 'reject'), 'reject', { accept: 0, reject: 1, defer: 0 }],
    [
      'two-way tie',
      [...votesOf('Engineering', 'accept'), ...votesOf('Sales', 'reject')],
      'tie',
      { accept: 1, reject: 1, defer: 0 },
    ],
    [
      'tie at the top with a lower third',
      votesOf('Sales', 'accept', 'accept', 'defer', 'defer', 'reject'),
      'tie',
      { accept: 2, reject: 1, defer: 2 },
    ],
    ['three-way tie', votesOf('Sales', 'accept', 'reject', 'defer'), 'tie', { accept: 1, reject: 1, defer: 1 }],
    ['no votes', [], 'none', { accept: 0, reject: 0, defer: 0 }],
  ])('%s', (_name, votes, result, counts) => {
    const t = tally(votes);
    expect(t.plainResult).toBe(result);
    expect(t.counts).toEqual(counts);
    expect(t.total).toBe(votes.length);
  });

  it('a user who appears twice counts once, with the last vote', () => {
    const [first] = votesOf('Sales', 'accept');
    const t = tally([first, { ...first, choice: 'reject' }]);
    expect(t.total).toBe(1);
    expect(t.counts).toEqual({ accept: 0, reject: 1, defer: 0 });
    expect(t.byDepartment[0].voted).toBe(1);
  });
});

describe('tally: department-weighted result', () => {
  it.each<[string, Vote[], TallyResult, TallyResult, Record<Choice, number>]>([
    [
      'a large department outvotes the others in plain but not in weighted',
      [
        ...votesOf('Engineering', 'accept', 'accept', 'accept', 'accept'),
        ...votesOf('Sales', 'reject'),
        ...votesOf('Finance', 'reject'),
      ],
      'accept',
      'reject',
      { accept: 1, reject: 2, defer: 0 },
    ],
    [
      'a split department contributes fractions',
      [...votesOf('Engineering', 'accept', 'accept', 'accept', 'reject'), ...votesOf('Sales', 'reject')],
      'accept',
      'reject',
      { accept: 0.75, reject: 1.25, defer: 0 },
    ],
    [
      'thirds that add up to exactly one tie with a whole department',
      [
        ...votesOf('Engineering', 'accept', 'reject', 'defer'),
        ...votesOf('Sales', 'accept', 'reject', 'defer'),
        ...votesOf('Finance', 'accept', 'reject', 'defer'),
      ],
      'tie',
      'tie',
      { accept: 1, reject: 1, defer: 1 },
    ],
    [
      'fractions from different departments add up to a tie with a whole department',
      [
        ...votesOf('Engineering', 'accept', 'reject', 'reject'),
        ...votesOf('Sales', 'accept', 'accept', 'reject'),
        ...votesOf('Finance', 'defer'),
      ],
      'tie',
      'tie',
      { accept: 1, reject: 1, defer: 1 },
    ],
    [
      // reject 3/16 + 7/12 and defer 7/16 + 4/12 are both 37/48, but as floats reject comes out larger.
      'exact fractions: a tie that float sums would break',
      [
        ...votesOf('Engineering', ...repeat('accept', 6), ...repeat('reject', 3), ...repeat('defer', 7)),
        ...votesOf('Sales', 'accept', ...repeat('reject', 7), ...repeat('defer', 4)),
      ],
      'defer',
      'tie',
      { accept: 22 / 48, reject: 37 / 48, defer: 37 / 48 },
    ],
    [
      'exact fractions: sevenths against tenths',
      [
        ...votesOf('Engineering', 'accept', 'accept', 'accept', 'reject', 'reject', 'reject', 'reject'),
        ...votesOf(
          'Sales',
          'accept',
          'accept',
          'accept',
          'accept',
          'accept',
          'accept',
          'accept',
          'reject',
          'reject',
          'reject',
        ),
      ],
      'accept',
      // accept 3/7 + 7/10 = 79/70; reject 4/7 + 3/10 = 61/70
      'accept',
      { accept: 79 / 70, reject: 61 / 70, defer: 0 },
    ],
    [
      'one department alone: weighted follows its majority',
      votesOf('Sales', 'defer', 'defer', 'accept'),
      'defer',
      'defer',
      { accept: 1 / 3, reject: 0, defer: 2 / 3 },
    ],
    ['no votes', [], 'none', 'none', { accept: 0, reject: 0, defer: 0 }],
  ])('%s', (_name, votes, plain, weighted, shares) => {
    const t = tally(votes);
    expect(t.plainResult).toBe(plain);
    expect(t.weighted.result).toBe(weighted);
    for (const choice of ['accept', 'reject', 'defer'] as const)
      expect(t.weighted.shares[choice]).toBeCloseTo(shares[choice], 12);
    expect(shareSum(t.weighted.shares)).toBeCloseTo(t.byDepartment.filter((d) => d.voted > 0).length, 12);
  });

  it.each<[string, Vote[], Voter[], TallyResult, number]>([
    [
      'eligible departments with no votes do not count',
      [...votesOf('Engineering', 'accept'), ...votesOf('Sales', 'reject', 'reject')],
      [...votersOf('Finance', [901, 902]), ...votersOf('Marketing', [903])],
      'tie',
      2,
    ],
    [
      'one department votes while two stay silent: it decides alone',
      votesOf('Engineering', 'accept', 'accept'),
      [...votersOf('Sales', [911]), ...votersOf('Finance', [912])],
      'accept',
      1,
    ],
  ])('%s', (_name, votes, silent, weighted, departmentsThatVoted) => {
    const voters: Voter[] = [
      ...votes.map(({ userId, departmentId, departmentName }) => ({ userId, departmentId, departmentName })),
      ...silent,
    ];
    const t = tally(votes, { voters });
    expect(t.weighted.result).toBe(weighted);
    expect(shareSum(t.weighted.shares)).toBeCloseTo(departmentsThatVoted, 12);
    // The silent departments are still listed, with zero votes.
    for (const v of silent) expect(t.byDepartment.find((d) => d.departmentId === v.departmentId)?.voted).toBe(0);
  });
});

describe('tally: by department and turnout', () => {
  it('lists every department sorted by name with counts, eligible voters and votes', () => {
    const eng = votesOf('Engineering', 'accept', 'accept', 'reject');
    const sales = votesOf('Sales', 'defer');
    const voters: Voter[] = [
      ...votersOf('Sales', [sales[0].userId, 801, 802]),
      ...votersOf(
        'Engineering',
        eng.map((v) => v.userId),
      ),
      ...votersOf('Finance', [803]),
    ];
    const t = tally([...sales, ...eng], { voters });
    expect(t.byDepartment).toEqual([
      {
        departmentId: DEPTS.Engineering,
        departmentName: 'Engineering',
        counts: { accept: 2, reject: 1, defer: 0 },
        voters: 3,
        voted: 3,
      },
      {
        departmentId: DEPTS.Finance,
        departmentName: 'Finance',
        counts: { accept: 0, reject: 0, defer: 0 },
        voters: 1,
        voted: 0,
      },
      {
        departmentId: DEPTS.Sales,
        departmentName: 'Sales',
        counts: { accept: 0, reject: 0, defer: 1 },
        voters: 3,
        voted: 1,
      },
    ]);
  });

  it.each<[string, () => { votes: Vote[]; voters?: Voter[] }, { voted: number; eligible: number }]>([
    [
      'no voter list: everyone who voted is eligible',
      () => ({ votes: votesOf('Sales', 'accept', 'reject') }),
      { voted: 2, eligible: 2 },
    ],
    [
      'some eligible voters did not vote',
      () => {
        const votes = votesOf('Sales', 'accept', 'reject');
        return {
          votes,
          voters: [
            ...votersOf(
              'Sales',
              votes.map((v) => v.userId),
            ),
            ...votersOf('Finance', [701, 702, 703]),
          ],
        };
      },
      { voted: 2, eligible: 5 },
    ],
    ['nobody voted yet', () => ({ votes: [], voters: votersOf('Finance', [704, 705]) }), { voted: 0, eligible: 2 }],
    ['no votes and no voters', () => ({ votes: [] }), { voted: 0, eligible: 0 }],
    [
      'a voter missing from the list still counts as eligible',
      () => ({ votes: votesOf('Sales', 'accept', 'accept'), voters: votersOf('Sales', [706]) }),
      { voted: 2, eligible: 3 },
    ],
    [
      'a voter listed twice counts once',
      () => ({ votes: [], voters: votersOf('Sales', [707, 707]) }),
      { voted: 0, eligible: 1 },
    ],
  ])('%s', (_name, make, turnout) => {
    const { votes, voters } = make();
    const t = tally(votes, { voters });
    expect(t.turnout).toEqual(turnout);
    expect(t.byDepartment.reduce((n, d) => n + d.voters, 0)).toBe(turnout.eligible);
    expect(t.byDepartment.reduce((n, d) => n + d.voted, 0)).toBe(turnout.voted);
  });
});

describe('suggestedDecision', () => {
  const bigEngineering = () => [
    ...votesOf('Engineering', 'accept', 'accept', 'accept', 'accept'),
    ...votesOf('Sales', 'reject'),
    ...votesOf('Finance', 'reject'),
  ];
  it.each<[string, () => Vote[], 'plain' | 'weighted', Decision | null]>([
    ['accept → accepted', () => votesOf('Sales', 'accept'), 'plain', 'accepted'],
    ['reject → rejected', () => votesOf('Sales', 'reject'), 'plain', 'rejected'],
    ['defer → deferred', () => votesOf('Sales', 'defer'), 'weighted', 'deferred'],
    ['plain follows heads', bigEngineering, 'plain', 'accepted'],
    ['weighted follows departments', bigEngineering, 'weighted', 'rejected'],
    ['tie → no suggestion', () => votesOf('Sales', 'accept', 'reject'), 'plain', null],
    ['no votes → no suggestion', () => [], 'weighted', null],
  ])('%s (%s)', (_name, make, mode, decision) => {
    expect(suggestedDecision(tally(make()), mode)).toBe(decision);
  });
});

describe('checkDecision', () => {
  const long = 'x'.repeat(2001);
  const max = 'x'.repeat(2000);
  it.each<[string, Parameters<typeof checkDecision>[0], Awaited<ReturnType<typeof checkDecision>>]>([
    ['accepted as suggested', { outcome: 'accepted', suggested: 'accepted' }, null],
    ['deferred as suggested', { outcome: 'deferred', reason: null, note: null, suggested: 'deferred' }, null],
    [
      'rejected with a reason, as suggested',
      { outcome: 'rejected', reason: 'Out of scope this quarter.', suggested: 'rejected' },
      null,
    ],
    [
      'rejected without a reason',
      { outcome: 'rejected', suggested: 'rejected' },
      { field: 'reason', message: REASON_REQUIRED },
    ],
    [
      'rejected with a blank reason',
      { outcome: 'rejected', reason: '   \n ', suggested: 'rejected' },
      { field: 'reason', message: REASON_REQUIRED },
    ],
    [
      'against the suggestion without a note',
      { outcome: 'accepted', suggested: 'rejected' },
      { field: 'note', message: NOTE_REQUIRED },
    ],
    [
      'against the suggestion with a blank note',
      { outcome: 'deferred', note: '  ', suggested: 'accepted' },
      { field: 'note', message: NOTE_REQUIRED },
    ],
    [
      'against the suggestion with a note',
      { outcome: 'deferred', note: 'Waiting on legal.', suggested: 'accepted' },
      null,
    ],
    [
      'rejection against the suggestion needs the reason first',
      { outcome: 'rejected', suggested: 'accepted' },
      { field: 'reason', message: REASON_REQUIRED },
    ],
    [
      'rejection against the suggestion with reason but no note',
      { outcome: 'rejected', reason: 'Too costly.', suggested: 'accepted' },
      { field: 'note', message: NOTE_REQUIRED },
    ],
    [
      'rejection against the suggestion with both',
      { outcome: 'rejected', reason: 'Too costly.', note: 'CFO veto.', suggested: 'accepted' },
      null,
    ],
    ['no suggestion (tie): no note needed', { outcome: 'accepted', suggested: null }, null],
    [
      'no suggestion: a rejection still needs a reason',
      { outcome: 'rejected', suggested: null },
      { field: 'reason', message: REASON_REQUIRED },
    ],
    ['reason of exactly 2,000 characters', { outcome: 'rejected', reason: max, suggested: 'rejected' }, null],
    [
      'reason over 2,000 characters',
      { outcome: 'rejected', reason: long, suggested: 'rejected' },
      { field: 'reason', message: REASON_TOO_LONG },
    ],
    [
      'reason length is measured after trimming',
      { outcome: 'rejected', reason: `  ${max}  `, suggested: 'rejected' },
      null,
    ],
    ['note of exactly 2,000 characters', { outcome: 'accepted', note: max, suggested: 'rejected' }, null],
    [
      'note over 2,000 characters',
      { outcome: 'accepted', note: long, suggested: 'accepted' },
      { field: 'note', message: NOTE_TOO_LONG },
    ],
    [
      'optional reason on an acceptance is still limited',
      { outcome: 'accepted', reason: long, suggested: 'accepted' },
      { field: 'reason', message: REASON_TOO_LONG },
    ],
  ])('%s', (_name, input, expected) => {
    expect(checkDecision(input)).toEqual(expected);
  });
});
