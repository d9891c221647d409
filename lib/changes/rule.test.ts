import { describe, expect, it } from 'vitest';
import { approvalGate, defaultQuorum, evaluateRule, ruleText, type RuleInput } from './rule';

const A = 'assent' as const;
const D = 'dissent' as const;
const invited = [1, 2, 3, 4, 5];

describe('defaultQuorum', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 4],
  ])('%i invited → %i', (n, q) => expect(defaultQuorum(n)).toBe(q));
});

describe('evaluateRule', () => {
  type Case = [
    name: string,
    input: Partial<RuleInput>,
    expected: { responded: number; quorumMet: boolean; majorityMet: boolean; vetoedBy: number[]; met: boolean },
  ];
  const cases: Case[] = [
    [
      'nobody responded',
      { responses: [] },
      { responded: 0, quorumMet: false, majorityMet: false, vetoedBy: [], met: false },
    ],
    [
      'quorum and majority',
      {
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: A },
          { userId: 3, response: D },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
    [
      'majority but no quorum',
      {
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: A },
        ],
      },
      { responded: 2, quorumMet: false, majorityMet: true, vetoedBy: [], met: false },
    ],
    [
      'quorum but a tie is no majority',
      {
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: D },
          { userId: 3, response: A },
          { userId: 4, response: D },
        ],
      },
      { responded: 4, quorumMet: true, majorityMet: false, vetoedBy: [], met: false },
    ],
    [
      'quorum but more dissent',
      {
        responses: [
          { userId: 1, response: D },
          { userId: 2, response: D },
          { userId: 3, response: A },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: false, vetoedBy: [], met: false },
    ],
    [
      'responses of people not invited are ignored',
      {
        responses: [
          { userId: 1, response: A },
          { userId: 8, response: A },
          { userId: 9, response: A },
        ],
      },
      { responded: 1, quorumMet: false, majorityMet: true, vetoedBy: [], met: false },
    ],
    [
      'a custom quorum of 1',
      { quorum: 1, responses: [{ userId: 5, response: A }] },
      { responded: 1, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
    [
      'a displaced sponsor dissents with a veto',
      {
        sponsorVeto: true,
        displacedSponsorIds: [3],
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: A },
          { userId: 3, response: D },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [3], met: false },
    ],
    [
      'the same dissent without a veto',
      {
        sponsorVeto: false,
        displacedSponsorIds: [3],
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: A },
          { userId: 3, response: D },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
    [
      'a sponsor who assents does not veto',
      {
        sponsorVeto: true,
        displacedSponsorIds: [3],
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: D },
          { userId: 3, response: A },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
    [
      'a sponsor who is not invited has no veto',
      {
        sponsorVeto: true,
        displacedSponsorIds: [9],
        responses: [
          { userId: 1, response: A },
          { userId: 2, response: A },
          { userId: 3, response: A },
          { userId: 9, response: D },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
    [
      'the last of two responses by one person counts',
      {
        responses: [
          { userId: 1, response: D },
          { userId: 1, response: A },
          { userId: 2, response: A },
          { userId: 3, response: A },
        ],
      },
      { responded: 3, quorumMet: true, majorityMet: true, vetoedBy: [], met: true },
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    const result = evaluateRule({
      invitedIds: invited,
      responses: [],
      quorum: defaultQuorum(invited.length),
      sponsorVeto: false,
      displacedSponsorIds: [],
      ...over,
    });
    expect(result).toMatchObject({ invited: 5, ...expected });
    expect(result.assent + result.dissent).toBe(result.responded);
    expect(result.explanation).toMatch(expected.met ? /^Rule met\./ : /^Rule not met: /);
  });

  it('explains why the rule is not met', () => {
    const r = evaluateRule({
      invitedIds: invited,
      responses: [{ userId: 3, response: D }],
      quorum: 3,
      sponsorVeto: true,
      displacedSponsorIds: [3],
    });
    expect(r.explanation).toBe(
      'Rule not met: 2 more responses are needed for the quorum; more dissent than assent; vetoed by the sponsor of a displaced item. 1 of 5 leaders responded (quorum 3): 0 assent, 1 dissent.',
    );
    // The panel's sentence says "not met" once, and the counts after it.
    expect(r.verdict).toEqual({
      headline:
        'The rule is not met: 2 more responses are needed for the quorum; more dissent than assent; vetoed by the sponsor of a displaced item.',
      counts: '1 of 5 leaders responded (quorum 3): 0 assent, 1 dissent.',
    });
    expect(`${r.verdict.headline} ${r.verdict.counts}`.match(/not met/gi)).toHaveLength(1);
  });
});

describe('ruleText', () => {
  it('states the quorum, the majority and the veto up front', () => {
    expect(ruleText({ quorum: 3, invited: 5, sponsorVeto: false })).toBe(
      'Approved if at least 3 of the 5 leaders invited respond and more of those who respond assent than dissent.',
    );
    expect(ruleText({ quorum: 1, invited: 1, sponsorVeto: true })).toMatch(
      /1 of the 1 leader invited .* can veto it by dissenting\.$/,
    );
  });
});

describe('approvalGate', () => {
  const met = evaluateRule({
    invitedIds: [1],
    responses: [{ userId: 1, response: A }],
    quorum: 1,
    sponsorVeto: false,
    displacedSponsorIds: [],
  });
  const notMet = evaluateRule({
    invitedIds: [1, 2, 3],
    responses: [],
    quorum: 2,
    sponsorVeto: false,
    displacedSponsorIds: [],
  });
  const now = new Date('2027-02-01T12:00:00Z');
  it.each([
    [
      'rule met, session open',
      { status: 'open', deadline: '2027-02-02T00:00:00Z' },
      met,
      { allowed: true, againstRule: false },
    ],
    [
      'not met, deadline ahead',
      { status: 'open', deadline: '2027-02-02T00:00:00Z' },
      notMet,
      { allowed: false, againstRule: true },
    ],
    [
      'not met, deadline passed',
      { status: 'open', deadline: '2027-02-01T11:59:59Z' },
      notMet,
      { allowed: true, againstRule: true },
    ],
    ['not met, live and open', { status: 'open', deadline: null }, notMet, { allowed: false, againstRule: true }],
    ['not met, live and closed', { status: 'closed', deadline: null }, notMet, { allowed: true, againstRule: true }],
  ] as const)('%s', (_name, session, evaluation, expected) => {
    expect(approvalGate(session, evaluation, now)).toMatchObject(expected);
  });
});
