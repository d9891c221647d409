'use client';
import { setEntryAction } from '@/app/cycles/[id]/schedule/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatDay } from '@/lib/schedule/dates';
import type { ScheduleRow } from '@/lib/schedule/wire';
import { compactControl, useSchedule } from './context';
import { typed, useCountedAction } from './use-counted-action';

/** Period, owner and kickoff of one item as text, for those who may not edit them. */
export function EntryText({ row }: { row: ScheduleRow }) {
  const { periodName } = useSchedule();
  return (
    <span className="whitespace-normal">
      {row.periodId === null ? (
        <span className="text-zinc-500 dark:text-zinc-400">No period yet</span>
      ) : (
        periodName.get(row.periodId)
      )}
      {' · '}
      {row.owner ?? <span className="text-zinc-500 dark:text-zinc-400">no owner</span>}
      {' · '}
      {row.kickoffOn ? (
        `kickoff ${formatDay(row.kickoffOn)}`
      ) : (
        <span className="text-zinc-500 dark:text-zinc-400">no kickoff</span>
      )}
    </span>
  );
}

/**
 * One row's period, owner and kickoff, saved together with the entry version the editor saw (a
 * change by someone else meanwhile is refused, not overwritten). The row remounts this editor when
 * the saved entry comes back (its version is the key), so the controls always start from the truth.
 */
export function EntryEditor({ row }: { row: ScheduleRow }) {
  const { view } = useSchedule();
  const [state, action] = useCountedAction(setEntryAction);
  const errors = state?.fieldErrors ?? {};
  const id = (field: string) => `${field}-${row.id}`;
  const invalid = (field: string) => (errors[field]?.length ? true : undefined);
  const described = (field: string) => (errors[field]?.length ? `${id('entry')}-errors` : undefined);
  // Someone who has since left still shows as the owner until the row is given another.
  const owners =
    row.ownerId === null || view.owners.some((o) => o.id === row.ownerId)
      ? view.owners
      : [{ id: row.ownerId, name: `${row.owner ?? 'Unknown'} (inactive)` }, ...view.owners];
  const messages = Object.values(errors).flat();
  return (
    <form action={action} aria-label={`Schedule of ${row.title}`} noValidate className="space-y-1">
      <input type="hidden" name="cycleId" value={view.cycle.id} />
      <input type="hidden" name="itemId" value={row.id} />
      <input type="hidden" name="version" value={row.entryVersion} />
      <div
        key={state?.n ?? 0}
        className="grid grid-cols-[minmax(0,1.2fr)_minmax(0,1.2fr)_8.5rem_auto] items-center gap-1.5"
      >
        <label htmlFor={id('period')} className="sr-only">
          Period for {row.title}
        </label>
        <select
          id={id('period')}
          name="periodId"
          defaultValue={typed(state, 'periodId', row.periodId === null ? '' : String(row.periodId))}
          aria-invalid={invalid('periodId')}
          aria-describedby={described('periodId')}
          className={compactControl}
        >
          <option value="">No period</option>
          {view.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('owner')} className="sr-only">
          Owner for {row.title}
        </label>
        <select
          id={id('owner')}
          name="ownerId"
          defaultValue={typed(state, 'ownerId', row.ownerId === null ? '' : String(row.ownerId))}
          aria-invalid={invalid('ownerId')}
          aria-describedby={described('ownerId')}
          className={compactControl}
        >
          <option value="">No owner</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('kickoff')} className="sr-only">
          Kickoff for {row.title}
        </label>
        <input
          id={id('kickoff')}
          type="date"
          name="kickoffOn"
          min={view.cycle.startsOn}
          max={view.cycle.endsOn}
          defaultValue={typed(state, 'kickoffOn', row.kickoffOn ?? '')}
          aria-invalid={invalid('kickoffOn')}
          aria-describedby={described('kickoffOn')}
          className={compactControl}
        />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save<span className="sr-only"> the schedule of {row.title}</span>
        </SubmitButton>
      </div>
      {state && !state.ok && (
        <ul
          id={`${id('entry')}-errors`}
          role="alert"
          className="text-xs whitespace-normal text-red-700 dark:text-red-400"
        >
          {(messages.length ? messages : [state.message]).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
