'use client';
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import type { RaiseFormOptions } from '@/lib/changes/form-options.server';
import { SelectField, TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { EffectPreview } from './effect-preview';
import { URGENCY_OPTIONS } from './labels';
import { DisplacedFields, NewItemFields, type NewItemOptions } from './raise-fields';
import { flatValues } from '@/lib/changes/raise-input';
import { usePreview } from './use-preview';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;
type Choice = 'none' | 'out' | 'later';

const str = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? String(v[0] ?? '') : String(v));
// min-w-0: a fieldset is otherwise as wide as its widest content (a select's longest option, a long title).
const section =
  'min-w-0 space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

/**
 * Raising a change request (issue step 3): what comes in, where, what moves out or later, why now
 * and how urgent — with its effect on the schedule shown beside the form as it changes, conflicts
 * with other open requests included, before anything is submitted. A refused submit re-mounts the
 * form (key) with what was typed, since React resets a form after its action; the choices that
 * show or hide fields are uncontrolled too (state only mirrors them), so a reset cannot split them.
 */
export function RaiseForm({
  action,
  ...props
}: {
  action: Action;
  cycleId: number;
  options: RaiseFormOptions;
  itemOptions: NewItemOptions;
  defaultDepartmentId: number;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return <RaiseFormBody key={JSON.stringify(state?.values ?? null)} {...props} state={state} formAction={formAction} />;
}

function RaiseFormBody({
  state,
  formAction,
  cycleId,
  options,
  itemOptions,
  defaultDepartmentId,
}: {
  state: FormState | undefined;
  formAction: (form: FormData) => void;
  cycleId: number;
  options: RaiseFormOptions;
  itemOptions: NewItemOptions;
  defaultDepartmentId: number;
}) {
  const errors = state?.fieldErrors ?? {};
  const values = state?.values;
  const v = useCallback((key: string, fallback = '') => (values ? str(values[key]) : fallback), [values]);
  const [mode, setMode] = useState(v('incoming', 'new') === 'deferred' ? 'deferred' : 'new');
  const [changes, setChanges] = useState<Record<number, Choice>>(() =>
    Object.fromEntries(
      options.schedule.map((item) => [
        item.id,
        (['out', 'later'].includes(v(`change-${item.id}`)) ? v(`change-${item.id}`) : 'none') as Choice,
      ]),
    ),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const read = useCallback(() => (formRef.current ? flatValues(new FormData(formRef.current)) : null), []);
  const preview = usePreview(cycleId, read);
  const { schedule } = preview;
  // Choices that show or hide fields re-render first; the debounced read then sees the new form.
  useEffect(() => schedule(), [mode, changes, schedule]);

  const titles = useMemo(
    () => Object.fromEntries([...options.schedule, ...options.deferred].map((i) => [i.id, i.title])),
    [options],
  );
  const positions = [
    ...options.schedule.map((item, i) => ({ value: i, label: `Before ${item.title}` })),
    { value: options.schedule.length, label: 'At the end' },
  ];
  const periods = options.periods.map((p) => ({ value: p.id, label: p.name }));

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form ref={formRef} action={formAction} onChange={schedule} noValidate className="space-y-6">
        <input type="hidden" name="cycleId" value={cycleId} />
        <FormMessage state={state} />

        <fieldset className={section}>
          <legend id="incoming-legend" className="float-left mb-2 text-lg font-semibold">
            What comes in
          </legend>
          <div role="radiogroup" aria-labelledby="incoming-legend" className="clear-left flex flex-wrap gap-4 text-sm">
            {(
              [
                ['new', 'A new item'],
                ['deferred', 'A deferred item'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="incoming"
                  value={value}
                  defaultChecked={mode === value}
                  onChange={() => setMode(value)}
                />{' '}
                {label}
              </label>
            ))}
          </div>
          {/* Disabled (not unmounted) while hidden: out of the submission, but nothing typed is lost. */}
          <fieldset disabled={mode !== 'new'} hidden={mode !== 'new'}>
            <NewItemFields
              options={itemOptions}
              v={(key, fallback) => v(key, key === 'departmentId' ? String(defaultDepartmentId) : fallback)}
              errors={errors}
            />
          </fieldset>
          {mode === 'deferred' &&
            (options.deferred.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                No item is deferred at the moment: raise the change with a new item instead.
              </p>
            ) : (
              <SelectField
                label="Which item comes in"
                name="incomingItemId"
                placeholder="Choose a deferred item"
                defaultValue={v('incomingItemId')}
                errors={errors.incomingItemId}
                options={options.deferred.map((d) => ({
                  value: d.id,
                  label: d.cycleName ? `${d.title} (${d.cycleName})` : d.title,
                }))}
              />
            ))}
          {mode === 'new' && errors.incomingItemId && (
            <p className="text-sm text-red-700 dark:text-red-400">{errors.incomingItemId.join(' ')}</p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Position"
              name="incomingPosition"
              options={positions}
              defaultValue={v('incomingPosition', String(options.schedule.length))}
              errors={errors.incomingPosition}
              hint="Where it goes in the schedule's order."
            />
            <SelectField
              label="Target period"
              name="incomingPeriodId"
              options={periods}
              placeholder="No period yet"
              defaultValue={v('incomingPeriodId', periods[0] ? String(periods[0].value) : '')}
              errors={errors.incomingPeriodId}
            />
          </div>
        </fieldset>

        <fieldset className={section}>
          <legend className="float-left mb-2 text-lg font-semibold">What moves out or later</legend>
          <p className="clear-left text-sm text-zinc-600 dark:text-zinc-400">
            Moving out sends an item back to deferred; moving later keeps its place in the order and gives it a later
            period.
          </p>
          <DisplacedFields
            options={options}
            changes={changes}
            setChange={(id, choice) => setChanges((prev) => ({ ...prev, [id]: choice }))}
            v={v}
            errors={errors}
          />
        </fieldset>

        <fieldset className={section}>
          <legend className="float-left mb-2 text-lg font-semibold">The case for it</legend>
          <div className="clear-left space-y-4">
            <TextArea
              label="Why now"
              name="whyNow"
              required
              defaultValue={v('whyNow')}
              errors={errors.whyNow}
              hint="What happens if this waits for the next cycle?"
            />
            <SelectField
              label="Urgency"
              name="urgency"
              options={URGENCY_OPTIONS}
              defaultValue={v('urgency', 'high')}
              errors={errors.urgency}
            />
          </div>
        </fieldset>

        <div className="flex items-center gap-3">
          <SubmitButton pendingText="Raising…">Raise change request</SubmitButton>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The product manager then convenes an emergency session to decide it.
          </p>
        </div>
      </form>

      <div className="xl:sticky xl:top-4 xl:self-start">
        {preview.data?.effect ? (
          <EffectPreview
            preview={preview.data.effect}
            conflicts={preview.data.conflicts}
            periods={options.periods}
            titles={titles}
            capacityWeeks={options.cycle.capacityWeeks}
            pending={preview.pending}
          />
        ) : (
          <section aria-labelledby="effect-heading" aria-busy={preview.pending || undefined} className={section}>
            <h2 id="effect-heading" className="text-lg font-semibold">
              Effect of this change
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {preview.note ??
                (preview.pending
                  ? 'Working out the effect…'
                  : 'Choose the position, the period and what moves to see the effect.')}
            </p>
          </section>
        )}
        {preview.data?.effect && preview.note && (
          <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
            {preview.note}
          </p>
        )}
      </div>
    </div>
  );
}
