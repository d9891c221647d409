import { describe, expect, it } from 'vitest';
import { describeItemEvent, NO_NAMES, type HistoryNames } from './item-history';

const names: HistoryNames = {
  ...NO_NAMES,
  people: { 1: 'Liam Sales', 2: 'Fatima Finance', 3: 'Nora Nakamura' },
  departments: { 4: 'Sales' },
  modules: { 5: 'Billing', 6: 'Checkout' },
  themes: { 2: 'Platform reliability', 7: 'Customer insight' },
  cycles: { 9: '2027-Q1' },
  periods: { 2: 'October', 3: 'November' },
  meetings: { 11: '2027-Q1 prioritisation' },
  smes: { 'engineer@quorum.test': 'Erik Engineer' },
};
const say = (type: string, data: Record<string, unknown>) => describeItemEvent({ type, data }, names);
const changed = (changes: Record<string, { from: unknown; to: unknown }>, type = 'item.updated') =>
  say(type, { changes });

/** Every word a person reads: the summary and the details. */
const words = (s: { summary: string; details: string[] }) => [s.summary, ...s.details].join(' ');

describe('describeItemEvent', () => {
  it('names the theme instead of its id', () => {
    expect(changed({ themeId: { from: null, to: 2 } })).toEqual({
      summary: 'set the theme to “Platform reliability”.',
      details: [],
    });
    expect(changed({ themeId: { from: 2, to: 7 } }).summary).toBe(
      'changed the theme from “Platform reliability” to “Customer insight”.',
    );
  });

  it('never shows a rank key: a move that only re-ranks says nothing of it', () => {
    const accepted = changed(
      { status: { from: 'curated', to: 'accepted' }, rank: { from: null, to: 'a2' } },
      'item.status_changed',
    );
    expect(accepted).toEqual({ summary: 'accepted it.', details: [] });
    expect(words(changed({ rank: { from: 'a1', to: 'a2' } }))).not.toMatch(/a1|a2|rank/i);
  });

  it('gives a decision with its reason, in words', () => {
    expect(
      changed(
        { status: { from: 'curated', to: 'rejected' }, decisionReason: { from: null, to: 'Out of scope' } },
        'item.status_changed',
      ),
    ).toEqual({ summary: 'rejected it.', details: ['Reason: “Out of scope”.'] });
    expect(changed({ status: { from: 'in_delivery', to: 'scheduled' } }, 'item.status_changed').summary).toBe(
      'changed the status from In delivery to Scheduled.',
    );
  });

  it('turns a change request’s schedule change into a sentence with the period by name', () => {
    const data = { changeRequestId: 4, changeRequestTitle: 'Card payments fail', action: 'out' };
    expect(
      say('item.schedule_changed', {
        ...data,
        changes: {
          status: { from: 'scheduled', to: 'deferred' },
          periodId: { from: 2, to: null },
          decisionReason: { from: null, to: 'Moved out by change request' },
          rank: { from: 'a3', to: 'a3' },
        },
      }),
    ).toEqual({
      summary: 'moved it out of the schedule (it was in October) with the change request “Card payments fail”.',
      details: ['Reason: “Moved out by change request”.'],
    });
    expect(
      say('item.schedule_changed', { ...data, action: 'in', changes: { periodId: { from: null, to: 3 } } }).summary,
    ).toBe('brought it into the schedule in November with the change request “Card payments fail”.');
  });

  it('reads the schedule editor’s before and after', () => {
    const s = say('item.schedule_changed', {
      before: { periodId: 2, ownerId: null, kickoffOn: null, period: 'October' },
      after: { periodId: 3, ownerId: 3, kickoffOn: '2026-11-02', period: 'November' },
    });
    expect(s).toEqual({
      summary: 'changed its place in the schedule.',
      details: [
        'Changed the period from October to November.',
        'Set the owner to Nora Nakamura.',
        'Set the kickoff to 2 Nov 2026.',
      ],
    });
  });

  it('puts an item on the schedule when it had no period', () => {
    const s = say('item.schedule_changed', {
      before: { periodId: null, ownerId: null, kickoffOn: null, period: null },
      after: { periodId: 2, ownerId: 3, kickoffOn: null, period: 'October' },
    });
    expect(s).toEqual({
      summary: 'put it on the schedule.',
      details: ['Set the period to October.', 'Set the owner to Nora Nakamura.'],
    });
  });

  it('says what questions and flags were about, never their event type', () => {
    expect(say('question.asked', { meetingId: 11, questionId: 3 }).summary).toBe(
      'asked a question about it in the pre-read of “2027-Q1 prioritisation”.',
    );
    expect(say('question.answered', { meetingId: 11 }).summary).toBe(
      'answered a question about it in the pre-read of “2027-Q1 prioritisation”.',
    );
    expect(say('schedule.flag_raised', { flagId: 1, kind: 'flag' }).summary).toBe(
      'flagged a problem with its schedule.',
    );
    expect(say('some.new_event', { flagId: 1 })).toEqual({ summary: 'changed the item.', details: [] });
  });

  it('lists several changes of one edit as sentences, people and modules by name', () => {
    const s = changed({
      sponsorId: { from: 1, to: 2 },
      moduleIds: { from: [5], to: [5, 6] },
      estimateSize: { from: 'M', to: null },
      estimateWeeks: { from: null, to: 1 },
      sme: { from: '', to: 'engineer@quorum.test' },
      description: { from: 'old', to: 'new' },
      version: { from: 1, to: 2 },
    });
    expect(s).toEqual({
      summary: 'edited the item.',
      details: [
        'Changed the description.',
        'Changed the estimate from M to 1 person-week.',
        'Set the SME to Erik Engineer.',
        'Changed the sponsor from Liam Sales to Fatima Finance.',
        'Changed the modules from Billing to Billing, Checkout.',
      ],
    });
  });

  it('tells a request taken into a cycle, and a theme removed with its cycle', () => {
    expect(
      say('request.curated', {
        changes: {
          cycleId: { from: null, to: 9 },
          status: { from: 'submitted', to: 'curated' },
          themeId: { from: null, to: 7 },
        },
      }),
    ).toEqual({
      summary: 'took the request into the 2027-Q1 backlog.',
      details: ['Set the theme to “Customer insight”.'],
    });
    expect(
      say('item.updated', { changes: { themeId: { from: 99, to: null } }, reason: 'Theme "Growth" removed' }).summary,
    ).toBe('removed the theme “Growth” from the cycle, so the item has none.');
    expect(say('item.created', { after: { cycleId: 9, status: 'curated' } }).summary).toBe(
      'added the item to the 2027-Q1 backlog.',
    );
  });

  it('keeps ids and internal names out of every sentence', () => {
    const samples = [
      changed({ themeId: { from: null, to: 404 } }),
      changed({ periodId: { from: 2, to: null }, departmentId: { from: 4, to: 404 } }),
      say('question.resolved', { meetingId: 404 }),
    ];
    for (const s of samples) expect(words(s)).not.toMatch(/#\d|\bId\b|\d{3}|question\.|[a-z][A-Z]/);
  });
});
