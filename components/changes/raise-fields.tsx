'use client';
import { KINDS, SIZES } from '@/lib/backlog/constants';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';
import type { RaiseFormOptions } from '@/lib/changes/form-options.server';
import { formatWeeks } from '@/lib/meetings/format';
import { SelectField, TextArea, TextField, controlClass } from '@/components/ui/field';

/**
 * The raise form's two larger parts: the new item's usual fields (the backlog's item fields, with
 * the same labels and hints as the item form) and the schedule with a choice per item of what
 * happens to it.
 */

type Opt = { id: number; name: string };
type Errors = Record<string, string[]>;

export type NewItemOptions = { people: Opt[]; departments: Opt[]; themes: Opt[] };

export function NewItemFields({
  options,
  v,
  errors,
}: {
  options: NewItemOptions;
  v: (key: string, fallback?: string) => string;
  errors: Errors;
}) {
  return (
    <div className="space-y-4">
      <TextField label="Title" name="title" required maxLength={200} defaultValue={v('title')} errors={errors.title} />
      <TextArea
        label="Description"
        name="description"
        rows={3}
        defaultValue={v('description')}
        errors={errors.description}
        hint="A high-level description of the change, not a design."
      />
      <TextArea
        label="Business benefit"
        name="businessBenefit"
        rows={2}
        defaultValue={v('businessBenefit')}
        errors={errors.businessBenefit}
      />
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        <TextField
          label="Estimate"
          name="estimate"
          list="change-estimate-sizes"
          defaultValue={v('estimate')}
          errors={errors.estimate}
          hint="A size (XS, S, M, L, XL) or a number of person-weeks, e.g. 2.5. Leave empty if unknown."
        />
        <datalist id="change-estimate-sizes">
          {SIZES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <SelectField
          label="Kind"
          name="kind"
          options={KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          defaultValue={v('kind', 'feature')}
          errors={errors.kind}
        />
        <TextField
          label="SME"
          name="sme"
          defaultValue={v('sme')}
          errors={errors.sme}
          hint="The business expert who knows the detail."
        />
        <SelectField
          label="Sponsor"
          name="sponsorId"
          options={options.people.map((p) => ({ value: p.id, label: p.name }))}
          placeholder="No sponsor yet"
          defaultValue={v('sponsorId')}
          errors={errors.sponsorId}
        />
        <SelectField
          label="Department"
          name="departmentId"
          options={options.departments.map((d) => ({ value: d.id, label: d.name }))}
          placeholder="Choose a department"
          defaultValue={v('departmentId')}
          errors={errors.departmentId}
        />
        <SelectField
          label="Theme"
          name="themeId"
          options={options.themes.map((t) => ({ value: t.id, label: t.name }))}
          placeholder="No theme"
          defaultValue={v('themeId')}
          errors={errors.themeId}
        />
      </div>
    </div>
  );
}

type Choice = 'none' | 'out' | 'later';

/**
 * One row per item of the schedule: "Change for <title>" (no change / move out / move later) and,
 * for "Move later", the period it moves to (only periods after its own). Delivered work cannot
 * move, work in delivery cannot move out: the choices say so rather than let the server refuse.
 */
export function DisplacedFields({
  options,
  changes,
  setChange,
  v,
  errors,
}: {
  options: RaiseFormOptions;
  changes: Record<number, Choice>;
  setChange: (itemId: number, choice: Choice) => void;
  v: (key: string, fallback?: string) => string;
  errors: Errors;
}) {
  const position = new Map(options.periods.map((p) => [p.id, p]));
  const errorId = 'displaced-error';
  if (options.schedule.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The schedule has no items yet: nothing needs to move.</p>
    );
  }
  return (
    <div className="space-y-2">
      {errors.displaced?.length ? (
        <ul id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {errors.displaced.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div className="relative max-h-[32rem] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">The schedule, in order</caption>
          <thead className="sticky top-0 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                #
              </th>
              <th scope="col" className="px-2 py-1.5">
                Item
              </th>
              <th scope="col" className="px-2 py-1.5">
                Period
              </th>
              <th scope="col" className="px-2 py-1.5">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {options.schedule.map((item, index) => {
              const choice = changes[item.id] ?? 'none';
              const from = item.periodId === null ? undefined : position.get(item.periodId);
              const later = options.periods.filter((p) => !from || p.position > from.position);
              // Offered first: the earliest later period that has not ended.
              const laterDefault = later.find((p) => !p.ended) ?? later[0];
              const changeId = `change-${item.id}`;
              const laterId = `later-${item.id}`;
              return (
                <tr key={item.id} className="border-t border-zinc-100 align-top dark:border-zinc-800/70">
                  <td className="px-2 py-1.5 tabular-nums text-zinc-500 dark:text-zinc-400">{index + 1}</td>
                  <td className="px-2 py-1.5">
                    <span className="font-medium wrap-anywhere">{item.title}</span>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {STATUS_LABEL[item.status]} ·{' '}
                      {item.weeks === null ? 'not estimated' : `${formatWeeks(item.weeks)} pw`}
                    </span>
                  </td>
                  <td className="px-2 py-1.5">{from?.name ?? 'No period'}</td>
                  <td className="space-y-1 px-2 py-1.5">
                    <label htmlFor={changeId} className="sr-only">
                      Change for {item.title}
                    </label>
                    <select
                      id={changeId}
                      name={changeId}
                      defaultValue={choice}
                      disabled={item.status === 'delivered'}
                      className={controlClass}
                      aria-describedby={errors.displaced?.length ? errorId : undefined}
                      onChange={(e) => setChange(item.id, e.target.value as Choice)}
                    >
                      <option value="none">No change</option>
                      <option value="out" disabled={item.status === 'in_delivery'}>
                        Move out
                      </option>
                      <option value="later" disabled={later.length === 0}>
                        Move later
                      </option>
                    </select>
                    {choice === 'later' && (
                      <>
                        <label htmlFor={laterId} className="sr-only">
                          Later period for {item.title}
                        </label>
                        <select
                          id={laterId}
                          name={laterId}
                          defaultValue={v(laterId, laterDefault ? String(laterDefault.id) : '')}
                          className={controlClass}
                        >
                          <option value="">Choose a period</option>
                          {later.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.ended ? `${p.name} (ended)` : p.name}
                            </option>
                          ))}
                        </select>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
