import { describe, expect, it } from 'vitest';
import { nextPlanStep, parsePlanStep, planStepStatuses, type PlanFacts } from './plan-steps';

const empty: PlanFacts = {
  location: 'Board room',
  attendees: 0,
  voters: 0,
  agendaItems: 0,
  preread: null,
  reads: { read: 0, of: 0 },
};

const statusOf = (facts: PlanFacts) => Object.fromEntries(planStepStatuses(facts).map((s) => [s.step, s.status]));

describe('planning steps', () => {
  it('says what each step holds, in order', () => {
    expect(planStepStatuses(empty).map((s) => [s.label, s.status, s.done])).toEqual([
      ['Details', 'Complete', true],
      ['Attendees', 'No attendees yet', false],
      ['Agenda', 'No items yet', false],
      ['Pre-read', 'Not distributed', false],
    ]);
  });

  it('counts attendees, observers and agenda items with the right plural', () => {
    expect(statusOf({ ...empty, attendees: 1, voters: 1, agendaItems: 1 })).toMatchObject({
      attendees: '1 attendee',
      agenda: '1 item',
    });
    expect(statusOf({ ...empty, attendees: 3, voters: 2, agendaItems: 4 })).toMatchObject({
      attendees: '3 attendees (1 observer)',
      agenda: '4 items',
    });
  });

  it('is not done with attendees while nobody can vote', () => {
    const attendees = planStepStatuses({ ...empty, attendees: 2, voters: 0 }).find((s) => s.step === 'attendees');
    expect(attendees).toMatchObject({ status: '2 attendees (2 observers)', done: false });
  });

  it('shows a sent pre-read with its read receipts, and a late one as late', () => {
    expect(statusOf({ ...empty, preread: { late: false }, reads: { read: 1, of: 3 } }).preread).toBe(
      'Sent · 1 of 3 read',
    );
    expect(statusOf({ ...empty, preread: { late: true }, reads: { read: 0, of: 2 } }).preread).toBe(
      'Sent late · 0 of 2 read',
    );
  });

  it('flags a meeting without a location', () => {
    expect(planStepStatuses({ ...empty, location: '  ' })[0]).toMatchObject({ status: 'No location yet', done: false });
  });

  it('starts at the first step left to do', () => {
    expect(nextPlanStep(planStepStatuses({ ...empty, location: '' }))).toBe('attendees');
    expect(nextPlanStep(planStepStatuses({ ...empty, attendees: 2, voters: 2 }))).toBe('agenda');
    expect(nextPlanStep(planStepStatuses({ ...empty, attendees: 2, voters: 2, agendaItems: 1 }))).toBe('preread');
    const all = { ...empty, attendees: 2, voters: 2, agendaItems: 1, preread: { late: false } };
    expect(nextPlanStep(planStepStatuses(all))).toBe('preread');
  });

  it('reads only known steps from the address', () => {
    expect(parsePlanStep('agenda')).toBe('agenda');
    expect(parsePlanStep('Agenda')).toBeNull();
    expect(parsePlanStep(['agenda'])).toBeNull();
    expect(parsePlanStep(undefined)).toBeNull();
  });
});
