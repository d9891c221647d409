'use client';
import { useActionState, useState } from 'react';
import { conveneSessionAction } from '@/app/changes/[id]/actions';
import type { LeaderOption } from '@/lib/changes/form-options.server';
import { defaultQuorum } from '@/lib/changes/rule';
import { LocalDateTimeField } from '@/components/meetings/local-datetime-field';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { MODE_LABEL } from '@/components/changes/labels';

type Mode = 'live' | 'async';

/**
 * The pm convenes the emergency session: live, or asynchronous with a deadline
 * (48 hours from now unless changed), the quorum (empty = more than half of the invited leaders,
 * with the number it comes to shown as the invitations change), an optional sponsor veto, and the
 * leaders to invite — all active leaders unless unticked. The rule in words is then shown up front.
 * The inputs are uncontrolled (state only mirrors them for the hints), so React's reset of the form
 * after a refused submit cannot leave them out of step with what is shown.
 */
export function ConveneForm({
  changeRequestId,
  leaders,
  defaultDeadlineIso,
  reconvene,
}: {
  changeRequestId: number;
  leaders: LeaderOption[];
  defaultDeadlineIso: string;
  reconvene: boolean;
}) {
  const [state, action] = useActionState(conveneSessionAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const echoed = state?.values;
  const [mode, setMode] = useState<Mode>(echoed?.mode === 'live' ? 'live' : 'async');
  const [invited, setInvited] = useState<Set<number>>(
    () => new Set(echoed ? [echoed.inviteeIds ?? []].flat().map(Number) : leaders.map((l) => l.id)),
  );
  const toggle = (id: number, on: boolean) =>
    setInvited((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const count = invited.size;
  const quorumHint =
    count === 0
      ? 'Leave empty for more than half of the invited leaders.'
      : `Leave empty for the default: more than half of the invited leaders, i.e. ${defaultQuorum(count)} of ${count}.`;

  return (
    <section
      aria-labelledby="convene-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="convene-heading" className="text-lg font-semibold">
        {reconvene ? 'Convene the session again' : 'Convene an emergency session'}
      </h2>
      {reconvene && (
        <p className="text-sm">
          The responses given before were on a schedule that has changed since; a new round starts afresh (they stay in
          the history).
        </p>
      )}
      <form key={JSON.stringify(echoed ?? null)} action={action} noValidate className="space-y-4">
        <input type="hidden" name="changeRequestId" value={changeRequestId} />
        <FormMessage state={state} />
        <fieldset role="radiogroup" aria-labelledby="mode-legend">
          <legend id="mode-legend" className="text-sm font-medium">
            Session
          </legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {(['live', 'async'] as const).map((value) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="mode"
                  value={value}
                  defaultChecked={mode === value}
                  onChange={() => setMode(value)}
                />{' '}
                {MODE_LABEL[value]}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {mode === 'live'
              ? 'Live: the leaders respond together now, on this page; you close the session when everyone has spoken.'
              : 'Asynchronous: the leaders respond by the deadline, each in their own time.'}
          </p>
          {errors.mode && <p className="text-sm text-red-700 dark:text-red-400">{errors.mode.join(' ')}</p>}
        </fieldset>
        {mode === 'async' && (
          <LocalDateTimeField
            label="Deadline"
            name="deadline"
            defaultIso={echoed ? String(echoed.deadline ?? '') || undefined : defaultDeadlineIso}
            errors={errors.deadline}
            hint="48 hours from now unless you change it."
          />
        )}
        <div className="max-w-xs">
          <TextField
            label="Quorum"
            name="quorum"
            type="number"
            min={1}
            max={Math.max(count, 1)}
            inputMode="numeric"
            defaultValue={echoed ? String(echoed.quorum ?? '') : ''}
            placeholder={count ? String(defaultQuorum(count)) : ''}
            errors={errors.quorum}
            hint={quorumHint}
          />
        </div>
        <div className="space-y-1">
          <label className="flex items-center gap-1.5 text-sm font-medium">
            <input
              type="checkbox"
              name="sponsorVeto"
              defaultChecked={echoed ? Boolean(echoed.sponsorVeto) : false}
              aria-describedby="veto-hint"
            />{' '}
            Sponsor veto
          </label>
          <p id="veto-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
            The sponsor of an item being moved out or later can veto the change by dissenting (if invited).
          </p>
        </div>
        <fieldset
          className="min-w-0 space-y-1"
          aria-describedby={errors.inviteeIds ? 'invitees-error' : 'invitees-hint'}
        >
          <legend className="text-sm font-medium">Invite leaders</legend>
          <p id="invitees-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
            {count} of {leaders.length} active leaders invited. They are notified at once.
          </p>
          {leaders.length === 0 && <p className="text-sm">There are no active leaders to invite.</p>}
          <ul className="grid gap-x-4 gap-y-1 grid-cols-1 sm:grid-cols-2">
            {leaders.map((leader) => (
              <li key={leader.id} className="flex flex-wrap items-center gap-x-1.5 text-sm">
                <input
                  type="checkbox"
                  id={`invitee-${leader.id}`}
                  name="inviteeIds"
                  value={leader.id}
                  defaultChecked={invited.has(leader.id)}
                  onChange={(e) => toggle(leader.id, e.target.checked)}
                />
                <label htmlFor={`invitee-${leader.id}`}>{leader.name}</label>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">· {leader.departmentName}</span>
              </li>
            ))}
          </ul>
          {errors.inviteeIds && (
            <p id="invitees-error" className="text-sm text-red-700 dark:text-red-400">
              {errors.inviteeIds.join(' ')}
            </p>
          )}
        </fieldset>
        <SubmitButton pendingText="Convening…">Convene session</SubmitButton>
      </form>
    </section>
  );
}
