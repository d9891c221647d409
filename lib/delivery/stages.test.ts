import { describe, expect, it } from 'vitest';
import { requestorStage, stageSteps } from './stages';

describe('requestorStage', () => {
  it('is nothing before a decision, or when the item left the path', () => {
    for (const status of ['under_review', 'submitted', 'curated', 'needs_info', 'withdrawn', 'merged'] as const)
      expect(requestorStage({ status, milestones: 0, feedback: false })).toBeNull();
  });

  it('is decided once accepted (or declined, or deferred), even with feedback on it', () => {
    for (const status of ['accepted', 'rejected', 'deferred'] as const)
      expect(requestorStage({ status, milestones: 0, feedback: true })).toBe('decided');
  });

  it('follows the status through scheduled, in delivery and delivered', () => {
    expect(requestorStage({ status: 'scheduled', milestones: 0, feedback: false })).toBe('scheduled');
    expect(requestorStage({ status: 'in_delivery', milestones: 0, feedback: false })).toBe('in_delivery');
    expect(requestorStage({ status: 'delivered', milestones: 0, feedback: false })).toBe('delivered');
  });

  it('counts a milestone as in delivery, and reaches feedback once a delivered item has demo feedback', () => {
    expect(requestorStage({ status: 'scheduled', milestones: 1, feedback: false })).toBe('in_delivery');
    expect(requestorStage({ status: 'delivered', milestones: 2, feedback: false })).toBe('delivered');
    expect(requestorStage({ status: 'delivered', milestones: 0, feedback: true })).toBe('feedback');
    // Feedback on work in progress does not mark it delivered.
    expect(requestorStage({ status: 'in_delivery', milestones: 0, feedback: true })).toBe('in_delivery');
    expect(requestorStage({ status: 'scheduled', milestones: 1, feedback: true })).toBe('in_delivery');
  });
});

describe('stageSteps', () => {
  it('marks the stages before the current one done and the rest upcoming', () => {
    expect(stageSteps('in_delivery').map((s) => `${s.label}:${s.state}`)).toEqual([
      'Decided:done',
      'Scheduled:done',
      'In delivery:current',
      'Delivered:upcoming',
      'Feedback:upcoming',
    ]);
    expect(stageSteps(null).every((s) => s.state === 'upcoming')).toBe(true);
    expect(stageSteps('feedback').at(-1)?.state).toBe('current');
  });
});
