'use client';
import { useActionState, useState } from 'react';
import { disposeUndeliveredAction } from '@/app/cycles/[id]/review/actions';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { choiceField, DISPOSAL_LABEL, DISPOSALS, reasonField, type Disposal } from '@/lib/review/disposals';

export type UndeliveredRow = { id: number; title: string; requestor: string; state: string };

const HINT: Record<Disposal, string> = {
  carry_over: 'moves into the chosen cycle as curated, with its history',
  drop: 'withdrawn; its requestor is told the reason',
  re_request: 'a new request in triage, in its requestor’s name',
};

/**
 * Each undelivered item with its choice (carry over by default), the cycle carried-over items go
 * to, and one confirmation: everything is applied at once or, on any refusal, nothing.
 */
export function UndeliveredForm({
  cycleId,
  items,
  targets,
}: {
  cycleId: number;
  items: UndeliveredRow[];
  targets: { id: number; name: string }[];
}) {
  const [state, action] = useActionState(disposeUndeliveredAction, undefined);
  // Controlled, so the choices survive a refusal (a finished form action resets uncontrolled fields).
  const [choices, setChoices] = useState<Record<number, Disposal>>(() =>
    Object.fromEntries(items.map((i) => [i.id, 'carry_over' as Disposal])),
  );
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [target, setTarget] = useState(targets.length === 1 ? String(targets[0].id) : '');
  const errors = state?.fieldErrors ?? {};
  const carrying = items.some((i) => (choices[i.id] ?? 'carry_over') === 'carry_over');
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <ul className="space-y-3">
        {items.map((item) => {
          const choice = choices[item.id] ?? 'carry_over';
          return (
            <li key={item.id} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
              <input type="hidden" name="itemIds" value={item.id} />
              <fieldset aria-describedby={errors[choiceField(item.id)] ? `${choiceField(item.id)}-error` : undefined}>
                <legend className="font-medium wrap-anywhere">{item.title}</legend>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {item.state} · asked for by {item.requestor}
                </p>
                <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                  {DISPOSALS.map((d) => (
                    <label key={d} className="flex items-center gap-1.5 text-sm">
                      <input
                        type="radio"
                        name={choiceField(item.id)}
                        value={d}
                        checked={choice === d}
                        onChange={() => setChoices((c) => ({ ...c, [item.id]: d }))}
                      />
                      {DISPOSAL_LABEL[d]}
                    </label>
                  ))}
                </div>
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{HINT[choice]}</p>
                {errors[choiceField(item.id)] && (
                  <p id={`${choiceField(item.id)}-error`} className="text-sm text-red-700 dark:text-red-400">
                    {errors[choiceField(item.id)]!.join(' ')}
                  </p>
                )}
              </fieldset>
              {choice === 'drop' && (
                <div className="mt-2">
                  <TextField
                    label={`Reason for dropping “${item.title}”`}
                    name={reasonField(item.id)}
                    value={reasons[item.id] ?? ''}
                    onChange={(e) => setReasons((r) => ({ ...r, [item.id]: e.target.value }))}
                    maxLength={1000}
                    errors={errors[reasonField(item.id)]}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {carrying && (
        <div className="max-w-sm">
          <SelectField
            label="Carry over into"
            name="targetCycleId"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="Choose a cycle in planning"
            options={targets.map((t) => ({ value: t.id, label: t.name }))}
            errors={errors.targetCycleId}
            hint={targets.length === 0 ? 'No cycle is in planning: create the next cycle first.' : undefined}
          />
        </div>
      )}
      <ConfirmStep
        open="Apply these choices…"
        question={`Apply the choices for ${items.length === 1 ? 'this item' : `these ${items.length} items`}? This cannot be undone.`}
        confirm="Yes, apply them"
        pendingText="Applying…"
      />
    </form>
  );
}
