import type { OutcomeDecision, OutcomeReport, RankedOutcomeItem } from './types';
import { cutLineSummary } from './text';
import { cutLine } from '@/lib/ranking/order';
import { tally, type Choice } from '@/lib/live-meeting/tally';

/** An outcome report as lib/outcome/report.server.ts builds it, for the tests of what shows and exports it. */

export const sales = { departmentId: 1, departmentName: 'Sales' };
export const finance = { departmentId: 2, departmentName: 'Finance' };
export const votes = (...choices: [typeof sales, Choice][]) =>
  tally(choices.map(([d, choice], i) => ({ userId: i + 1, ...d, choice })));

export function decision(
  over: Partial<OutcomeDecision> & Pick<OutcomeDecision, 'itemId' | 'title' | 'outcome'>,
): OutcomeDecision {
  return {
    theme: 'Growth',
    themeId: 1,
    requestor: 'Rosa',
    department: 'Sales',
    sponsor: 'Søren Ølstad',
    weeks: 3,
    reason: '',
    decisionNote: '',
    notes: '',
    suggested: over.outcome,
    tally: votes(),
    position: null,
    aboveCut: null,
    decidedBy: 'Priya',
    decidedAt: '2027-01-14T15:30:00.000Z',
    ...over,
  };
}

/** A report as lib/outcome/report.server.ts builds it, with the awkward text an export must survive. */
export function report(): OutcomeReport {
  const ranked: RankedOutcomeItem[] = [
    { itemId: 2, position: 1, title: 'SSO | partners', theme: 'Growth', weeks: 3, aboveCut: true },
    { itemId: 1, position: 2, title: '=HYPERLINK("http://evil")', theme: null, weeks: null, aboveCut: true },
    { itemId: 3, position: 3, title: 'Exports', theme: 'Growth', weeks: 6, aboveCut: false },
  ];
  const cut = cutLine(ranked, 5);
  const decisions = [
    decision({
      itemId: 2,
      title: 'SSO | partners',
      outcome: 'accepted',
      position: 1,
      aboveCut: true,
      tally: votes([sales, 'accept'], [finance, 'accept']),
      notes: 'Line one\nLine, "two"',
    }),
    decision({
      itemId: 4,
      title: 'Dark mode',
      outcome: 'rejected',
      reason: '-Not now, maybe later',
      tally: votes([sales, 'reject'], [finance, 'reject'], [finance, 'accept']),
    }),
    decision({
      itemId: 5,
      title: 'Audit log',
      outcome: 'deferred',
      suggested: null,
      decisionNote: '@Finance to size it',
    }),
  ];
  return {
    cycle: { id: 7, name: '2027-Q1', capacityWeeks: 5 },
    meeting: {
      id: 3,
      title: 'Q1 prioritisation',
      scheduledAt: '2027-01-14T15:00:00.000Z',
      facilitator: 'Priya Patel',
      startedAt: '2027-01-14T15:02:00.000Z',
      endedAt: '2027-01-14T16:30:00.000Z',
      weighted: false,
    },
    ranking: { items: ranked, cut, summary: cutLineSummary(cut, 5) },
    themes: [
      {
        id: 1,
        name: 'Growth',
        keyOutcome: 'Win *enterprise* deals',
        accepted: [ranked[0], ranked[2]],
        rejected: [decisions[1]],
        deferred: [decisions[2]],
      },
    ],
    decisions,
    undecided: [
      {
        itemId: 9,
        title: 'Offline mode',
        theme: null,
        weeks: null,
        requestor: 'Zoë',
        department: 'Finance',
        sponsor: 'a suggestion, "quoted"',
      },
    ],
    attendance: [
      {
        departmentName: 'Sales',
        voted: 1,
        attendees: [
          { name: 'Liam', role: 'voter', voted: true },
          { name: 'Sam', role: 'observer', voted: false },
        ],
      },
    ],
    published: { at: '2027-01-15T09:00:00.000Z', by: 'Priya Patel' },
  };
}
