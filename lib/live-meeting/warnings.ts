import { timeUntilText } from '@/lib/meetings/format';

/**
 * What the facilitator is warned about before acting, and must confirm: starting a meeting whose
 * pre-read was never distributed, or well before its scheduled time; recording a decision while
 * the votes on the item are still hidden. The page shows these words and a confirmation; the
 * server refuses the command without it, with the same words. Pure (client-safe).
 */

/** Starting more than this before the scheduled time is "early". */
export const EARLY_START_MS = 60 * 60_000;

export const START_WARNINGS = ['no_preread', 'early'] as const;
export type StartWarningCode = (typeof START_WARNINGS)[number];
export type StartWarning = { code: StartWarningCode; message: string };

export const START_CONFIRM_LABEL = 'Start anyway';

/** Why starting now needs a confirmation; empty when it does not (or the meeting started before). */
export function startWarnings(meeting: {
  prereadSent: boolean;
  scheduledAt: string;
  /** A meeting that was started before (and paused) is not warned about again. */
  startedAt: string | null;
  now: Date;
}): StartWarning[] {
  if (meeting.startedAt !== null) return [];
  const warnings: StartWarning[] = [];
  if (!meeting.prereadSent)
    warnings.push({
      code: 'no_preread',
      message: 'No pre-read has been distributed: the attendees have not had the agenda to read.',
    });
  const ahead = Date.parse(meeting.scheduledAt) - meeting.now.getTime();
  if (ahead > EARLY_START_MS)
    warnings.push({
      code: 'early',
      message: `The meeting is scheduled ${timeUntilText(ahead)} from now.`,
    });
  return warnings;
}

/** The warnings the facilitator did not confirm. */
export const unconfirmed = (warnings: readonly StartWarning[], confirmed: readonly string[]) =>
  warnings.filter((w) => !confirmed.includes(w.code));

export const startRefusal = (missing: readonly StartWarning[]) =>
  `${missing.map((w) => w.message).join(' ')} Tick "${START_CONFIRM_LABEL}" to start it all the same.`;

export const DECIDE_CONFIRM_LABEL = 'Record the decision without revealing the votes first';

/** Why recording a decision on this item needs a confirmation, or null. */
export function hiddenVotesWarning(item: { hidden: boolean; voted: number; eligible: number }): string | null {
  if (!item.hidden) return null;
  const who = `${item.voted} of ${item.eligible} voter${item.eligible === 1 ? ' has' : 's have'} voted`;
  return `The votes on this item are still hidden (${who}): nobody has seen the tally. Recording the decision reveals them.`;
}

export const decideRefusal = (warning: string) => `${warning} Tick "${DECIDE_CONFIRM_LABEL}" to record it anyway.`;
