import { formatWeeks } from '@/lib/meetings/format';
import type { OutcomeDecision } from './types';
import type { CutLine } from '@/lib/ranking/order';
import type { Tally } from '@/lib/live-meeting/tally';
import { personWeeks, plural } from '@/lib/plural';

/**
 * The outcome's words, shared by the page, the CSV and the Markdown export, and the two
 * formatters. Pure (no database: type-only imports from ./types), so they are unit-tested on
 * their own and components may use the wording too.
 */

export const OUTCOME_WORD: Record<OutcomeDecision['outcome'], string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

/** "3 fit, 5 accepted — 18 of 20 person-weeks": the same words as the live ranking board. */
export function cutLineSummary(cut: CutLine, capacityWeeks: number): string {
  return `${cut.fitCount} fit, ${cut.acceptedCount} accepted — ${formatWeeks(cut.fittingWeeks)} of ${personWeeks(capacityWeeks)}`;
}

/** The row drawn at the cut line, in words, so it is announced and printed and not only drawn. */
export function cutLineText(cut: CutLine, capacityWeeks: number): string {
  const below = cut.acceptedCount - cut.fitCount;
  const above = `the ${plural(cut.fitCount, 'item')} above ${cut.fitCount === 1 ? 'fits' : 'fit'}`;
  return (
    `Cut line: ${above} the capacity of ${personWeeks(capacityWeeks)}` +
    (below > 0 ? `; the ${plural(below, 'item')} below ${below === 1 ? 'does' : 'do'} not.` : '.')
  );
}

export function votesText(t: Tally): string {
  return `${t.counts.accept} accept, ${t.counts.reject} reject, ${t.counts.defer} defer`;
}

/** "Finance: 1 accept · Sales: 2 reject" — only the choices a department made. */
export function departmentVotesText(t: Tally): string {
  return t.byDepartment
    .filter((d) => d.voted > 0)
    .map((d) => {
      const parts = (['accept', 'reject', 'defer'] as const)
        .filter((c) => d.counts[c] > 0)
        .map((c) => `${d.counts[c]} ${c}`);
      return `${d.departmentName}: ${parts.join(', ')}`;
    })
    .join(' · ');
}

export function suggestedText(d: OutcomeDecision): string {
  if (d.suggested === null) return d.tally.total === 0 ? 'No votes' : 'A tie';
  return OUTCOME_WORD[d.suggested];
}

export function weeksText(weeks: number | null): string {
  return weeks === null ? 'Not estimated' : formatWeeks(weeks);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)
