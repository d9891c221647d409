'use client';
import { useActionState, useMemo, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { departmentWarnings } from '@/lib/meetings/balance';
import type { AttendeePlan } from '@/lib/meetings/attendees.server';
import { EmptyState } from '@/components/ui/empty-state';
import { controlClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { setAttendeesAction } from '@/app/meetings/[id]/actions';
import { DepartmentWarnings } from './department-warnings';
import { plural } from '@/lib/plural';

type Role = 'voter' | 'observer';

// As the form controls, but only as wide as its words, beside the name.
const roleSelectClass = `${controlClass.replace('w-full', 'w-auto')} shrink-0 py-1 text-xs`;

/** The choice as the form last sent it (after a refusal), else as saved. */
function initialChoice(plan: AttendeePlan, typed: FormState['values']): Map<number, Role> {
  if (typed) {
    const ids = ([] as string[]).concat(typed.attendee ?? []).map(Number);
    return new Map(ids.map((id) => [id, typed[`role_${id}`] === 'observer' ? 'observer' : 'voter']));
  }
  // Deactivated people cannot attend: they start unticked, and saving takes them off the meeting.
  const active = new Set(plan.people.filter((p) => p.active).map((p) => p.userId));
  return new Map(plan.current.filter((a) => active.has(a.userId)).map((a) => [a.userId, a.role]));
}

/**
 * Picks attendees by department, each a voter or an observer. The department warnings follow the
 * ticks live (the same pure rule the server uses), so the pm sees the balance before saving.
 */
export function AttendeesForm({ plan }: { plan: AttendeePlan }) {
  const [state, action] = useActionState(setAttendeesAction, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <AttendeesFields key={JSON.stringify(typed ?? null)} plan={plan} state={state} action={action} typed={typed} />
  );
}

function AttendeesFields({
  plan,
  state,
  action,
  typed,
}: {
  plan: AttendeePlan;
  state: FormState | undefined;
  action: (form: FormData) => void;
  typed: FormState['values'];
}) {
  const [choice, setChoice] = useState(() => initialChoice(plan, typed));
  const groups = useMemo(() => {
    const map = new Map<number, { name: string; people: AttendeePlan['people'] }>();
    for (const p of plan.people)
      (
        map.get(p.departmentId) ?? map.set(p.departmentId, { name: p.departmentName, people: [] }).get(p.departmentId)!
      ).people.push(p);
    return [...map.entries()];
  }, [plan.people]);
  const chosen = plan.people.filter((p) => choice.has(p.userId)).map((p) => ({ ...p, role: choice.get(p.userId)! }));
  const warnings = departmentWarnings({
    attendees: chosen,
    agendaDepartments: plan.agendaDepartments,
    maxShare: plan.maxShare,
  });
  const voters = chosen.filter((p) => p.role === 'voter').length;
  const set = (id: number, role: Role | null) =>
    setChoice((prev) => {
      const next = new Map(prev);
      if (role) next.set(id, role);
      else next.delete(id);
      return next;
    });

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="meetingId" value={plan.meetingId} />
      <FormMessage state={state} />
      {state?.fieldErrors?.attendees && (
        <ul className="text-sm text-red-700 dark:text-red-400">
          {state.fieldErrors.attendees.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <DepartmentWarnings warnings={warnings} attendees={chosen} maxShare={plan.maxShare} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {chosen.length} selected: {plural(voters, 'voter')}, {plural(chosen.length - voters, 'observer')}.
      </p>
      {groups.length === 0 && (
        <EmptyState title="Nobody to invite yet">
          Attendees are active leaders, pms and admins. An admin can add or reactivate people.
        </EmptyState>
      )}
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2 lg:grid-cols-3">
        {groups.map(([deptId, g]) => (
          // min-w-0: a fieldset is otherwise as wide as its longest name, and a long one would widen the page.
          <fieldset
            key={deptId}
            className="min-w-0 space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <legend className="px-1 text-sm font-semibold">{g.name}</legend>
            {g.people.map((p) => {
              const role = choice.get(p.userId);
              const boxId = `attendee-${p.userId}`;
              return (
                <div key={p.userId} className="flex items-start justify-between gap-2">
                  {/* The whole name wraps rather than being cut off. */}
                  <label htmlFor={boxId} className="flex min-w-0 items-start gap-2 py-1 text-sm">
                    <input
                      className="mt-0.5 shrink-0"
                      id={boxId}
                      type="checkbox"
                      name="attendee"
                      value={p.userId}
                      checked={role !== undefined}
                      onChange={(e) => set(p.userId, e.target.checked ? 'voter' : null)}
                    />
                    <span className="min-w-0">
                      {p.name}
                      {!p.active && (
                        <span className="block text-xs text-amber-700 dark:text-amber-400">
                          (deactivated: saving removes them)
                        </span>
                      )}
                    </span>
                  </label>
                  <select
                    aria-label={`Role of ${p.name}`}
                    name={`role_${p.userId}`}
                    value={role ?? 'voter'}
                    disabled={role === undefined}
                    onChange={(e) => set(p.userId, e.target.value as Role)}
                    className={roleSelectClass}
                  >
                    <option value="voter">Voter</option>
                    <option value="observer">Observer</option>
                  </select>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      {!plan.closed && <SubmitButton>Save attendees</SubmitButton>}
    </form>
  );
}
