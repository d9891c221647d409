'use client';
import type { ItemContest } from '@/lib/meetings/contested';
import { controlClass } from '@/components/ui/field';

/**
 * The planning controls of one item on the agenda: its time box (empty: an even share), whether it
 * goes on the consent agenda, and what the leaders' stances say about it.
 */
export function AgendaRowPlan({
  itemId,
  title,
  minutes,
  share,
  minutesErrors,
  onMinutes,
  consent,
  consentEditable,
  pulled,
  onConsent,
  contest,
}: {
  itemId: number;
  title: string;
  minutes: string;
  /** The even share an empty box gets, as a placeholder. */
  share: number;
  minutesErrors?: string[];
  onMinutes: (value: string) => void;
  consent: boolean;
  consentEditable: boolean;
  pulled: boolean;
  onConsent: (on: boolean) => void;
  contest: ItemContest;
}) {
  const minutesId = `timeBox-${itemId}`;
  const consentId = `consent-${itemId}`;
  return (
    <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-1 pl-9 text-sm">
      <span className="inline-flex items-center gap-1.5">
        <label htmlFor={minutesId}>
          Minutes<span className="sr-only"> for {title}</span>
        </label>
        <input
          id={minutesId}
          name={`timeBox_${itemId}`}
          inputMode="numeric"
          value={minutes}
          placeholder={String(share)}
          onChange={(e) => onMinutes(e.target.value)}
          aria-invalid={minutesErrors?.length ? true : undefined}
          aria-describedby={minutesErrors?.length ? `${minutesId}-error` : undefined}
          className={`${controlClass} w-16!`}
        />
      </span>
      <span className="inline-flex items-center gap-1.5">
        <input
          id={consentId}
          type="checkbox"
          name={consentEditable ? 'consent' : undefined}
          value={itemId}
          checked={consent}
          disabled={!consentEditable}
          onChange={(e) => onConsent(e.target.checked)}
        />
        <label htmlFor={consentId}>
          Consent agenda<span className="sr-only"> for {title}</span>
          {pulled && ' (pulled out in the meeting)'}
        </label>
      </span>
      <span className="min-w-0 grow text-zinc-600 dark:text-zinc-400" data-testid={`contest-${itemId}`}>
        {contest.explanation}
      </span>
      {minutesErrors?.length ? (
        <span id={`${minutesId}-error`} className="w-full text-red-700 dark:text-red-400">
          {minutesErrors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
