'use client';
import { useActionState } from 'react';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ALL_INPUTS, INPUT_LABEL, MODELS, MODEL_KEYS } from '@/lib/scoring/models';
import { INPUT_OWNER_ROLES } from '@/lib/scoring/models';
import type { ScoringSettings } from '@/lib/scoring/settings.server';
import { updateScoringSettingsAction } from '@/app/cycles/[id]/scores/actions';

const MODEL_OPTIONS = [
  { value: 'none', label: 'None: no scores' },
  ...MODEL_KEYS.map((k) => ({ value: k, label: `${MODELS[k].name}: ${MODELS[k].formula}` })),
];
const ROLE_OPTIONS = INPUT_OWNER_ROLES.map((r) => ({
  value: r,
  label: r === 'pm' ? 'PM' : r[0].toUpperCase() + r.slice(1),
}));
const usedBy = (key: string) =>
  `Used by ${MODEL_KEYS.filter((m) => MODELS[m].inputs.some((i) => i.key === key))
    .map((m) => MODELS[m].name)
    .join(' and ')}.`;

/**
 * The cycle's scoring model and who fills each input. Owners are kept for every model, so switching
 * back and forth keeps them, as it keeps the inputs already given.
 */
export function ScoringSettingsForm({ settings }: { settings: ScoringSettings }) {
  const [state, action] = useActionState(updateScoringSettingsAction, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} key={JSON.stringify(typed ?? null)} noValidate className="space-y-4">
      <input type="hidden" name="cycleId" value={settings.cycleId} />
      <FormMessage state={state} />
      <SelectField
        label="Scoring model"
        name="model"
        id="scoring-model"
        options={MODEL_OPTIONS}
        defaultValue={String(typed?.model ?? settings.model)}
        errors={e.model}
        hint="A score is information for the meeting, never a decision: it changes no status or rank."
      />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Who fills each input (a pm may fill any)</legend>
        {ALL_INPUTS.map((key) => (
          <SelectField
            key={key}
            label={`Who fills ${INPUT_LABEL[key]}`}
            name={`owner_${key}`}
            id={`owner-${key}`}
            options={ROLE_OPTIONS}
            defaultValue={String(typed?.[`owner_${key}`] ?? settings.owners[key])}
            errors={e[`owner_${key}`]}
            hint={usedBy(key)}
          />
        ))}
      </fieldset>
      <SubmitButton>Save scoring</SubmitButton>
    </form>
  );
}
