import type { Choice, TallyResult } from '@/lib/live-meeting/tally';

export const CHOICE_LABEL: Record<Choice, string> = { accept: 'Accept', reject: 'Reject', defer: 'Defer' };
export const OUTCOME_LABEL = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred to a later cycle',
} as const;
export const OUTCOMES = ['accepted', 'rejected', 'deferred'] as const;
export const STATUS_LABEL = { scheduled: 'Not started', live: 'Live', paused: 'Paused', closed: 'Ended' } as const;

export function resultLabel(result: TallyResult): string {
  if (result === 'none') return 'no votes yet';
  if (result === 'tie') return 'a tie';
  return CHOICE_LABEL[result].toLowerCase();
}

const share = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
export const formatShare = (n: number) => share.format(n);
