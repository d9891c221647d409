'use client';
import { useActionState } from 'react';
import { KINDS, SIZES } from '@/lib/backlog/constants';
import { KIND_LABEL } from '@/lib/backlog/labels';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { SmeComboBox } from './sme-combobox';

type Opt = { id: number; name: string };
export type ItemFormValues = {
  title?: string;
  description?: string;
  businessBenefit?: string;
  estimate?: string;
  sme?: string;
  smeUserId?: number | null;
  sponsorId?: number | null;
  requestorId?: number;
  departmentId?: number;
  kind?: string;
  themeId?: number | null;
  moduleIds?: number[];
  cycleId?: number | null;
  version?: number;
};
export type ItemFormOptions = {
  people: Opt[];
  departments: Opt[];
  modules: Opt[];
  /** Themes grouped by cycle; a single group when the cycle is fixed. */
  themeGroups: { label: string; themes: Opt[] }[];
  /** When given, the form asks which cycle the item goes into (triage). */
  cycles?: Opt[];
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Every field of a backlog item; used to create, edit and triage. */
export function ItemForm({
  action,
  hidden = {},
  initial,
  options,
  submitLabel,
  canSetRequestor = true,
}: {
  action: (prev: FormState | undefined, form: FormData) => Promise<FormState>;
  /** Ids the action needs that the user does not edit (the item, or the cycle it goes into). */
  hidden?: Record<string, number>;
  initial: ItemFormValues;
  options: ItemFormOptions;
  submitLabel: string;
  /** Only a pm or admin adds an item in someone else's name; anyone else is its requestor. */
  canSetRequestor?: boolean;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  // After a refused submit, show what the user typed rather than the original values.
  const v = (key: keyof ItemFormValues) => (state?.values ? str(state.values[key]) : str(initial[key]));
  const selectedModules = state?.values
    ? [state.values.moduleIds ?? []].flat().map(String)
    : (initial.moduleIds ?? []).map(String);
  // A remount (key) applies new defaults after a refused submit; React resets forms after actions.
  const key = JSON.stringify(state?.values ?? null);
  return (
    <form action={formAction} key={key} className="max-w-3xl space-y-4" noValidate>
      <FormMessage state={state} />
      {errors._form && <p className="text-sm text-red-700">{errors._form.join(' ')}</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <TextField
        label="Title"
        name="title"
        required
        maxLength={10_000}
        defaultValue={v('title')}
        errors={errors.title}
      />
      <TextArea
        label="Description"
        name="description"
        defaultValue={v('description')}
        errors={errors.description}
        hint="A high-level description of the change, not a design."
      />
      <TextArea
        label="Business benefit"
        name="businessBenefit"
        defaultValue={v('businessBenefit')}
        errors={errors.businessBenefit}
      />
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        {options.cycles && (
          <SelectField
            label="Cycle"
            name="cycleId"
            options={options.cycles.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="Choose a cycle"
            defaultValue={v('cycleId')}
            errors={errors.cycleId}
          />
        )}
        <div className="space-y-1">
          <label htmlFor="themeId" className="block text-sm font-medium">
            Theme
          </label>
          <select
            id="themeId"
            name="themeId"
            defaultValue={v('themeId')}
            aria-invalid={errors.themeId ? true : undefined}
            aria-describedby={errors.themeId ? 'themeId-error' : undefined}
            className="block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900"
          >
            <option value="">No theme</option>
            {options.themeGroups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {errors.themeId && (
            <p id="themeId-error" className="text-sm text-red-700 dark:text-red-400">
              {errors.themeId.join(' ')}
            </p>
          )}
        </div>
        <TextField
          label="Estimate"
          name="estimate"
          list="estimate-sizes"
          defaultValue={v('estimate')}
          errors={errors.estimate}
          hint="A size (XS, S, M, L, XL) or a number of person-weeks, e.g. 2.5. Leave empty if unknown."
        />
        <datalist id="estimate-sizes">
          {SIZES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <SelectField
          label="Kind"
          name="kind"
          options={KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          defaultValue={v('kind') || 'feature'}
          errors={errors.kind}
        />
        <SmeComboBox
          people={options.people}
          defaultText={v('sme')}
          defaultUserId={v('smeUserId') ? Number(v('smeUserId')) : null}
          errors={[...(errors.sme ?? []), ...(errors.smeUserId ?? [])]}
        />
        <SelectField
          label="Sponsor"
          name="sponsorId"
          options={options.people.map((p) => ({ value: p.id, label: p.name }))}
          placeholder="No sponsor yet"
          defaultValue={v('sponsorId')}
          errors={errors.sponsorId}
        />
        {canSetRequestor && (
          <SelectField
            label="Requestor"
            name="requestorId"
            options={options.people.map((p) => ({ value: p.id, label: p.name }))}
            placeholder="Choose a requestor"
            defaultValue={v('requestorId')}
            errors={errors.requestorId}
          />
        )}
        <SelectField
          label="Department"
          name="departmentId"
          options={options.departments.map((d) => ({ value: d.id, label: d.name }))}
          placeholder="Choose a department"
          defaultValue={v('departmentId')}
          errors={errors.departmentId}
        />
      </div>
      <fieldset className="space-y-1" aria-describedby={errors.moduleIds ? 'moduleIds-error' : undefined}>
        <legend className="text-sm font-medium">Modules</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.modules.map((m) => (
            <label key={m.id} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="moduleIds"
                value={m.id}
                defaultChecked={selectedModules.includes(String(m.id))}
              />{' '}
              {m.name}
            </label>
          ))}
        </div>
        {errors.moduleIds && (
          <p id="moduleIds-error" className="text-sm text-red-700">
            {errors.moduleIds.join(' ')}
          </p>
        )}
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
