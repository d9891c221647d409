'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ThemeMetric } from '@/lib/cycles/theme-metric';
import { ThemeMetricFields } from './theme-metric-fields';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

/** Add (no theme) or edit (with theme) one theme; field ids are prefixed so several forms can share a page. */
export function ThemeForm({
  action,
  cycleId,
  theme,
}: {
  action: Action;
  cycleId: number;
  theme?: { id: number; name: string; keyOutcome: string } & Partial<ThemeMetric>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  const prefix = theme ? `theme-${theme.id}` : 'new-theme';
  const label = theme ? ` of ${theme.name}` : '';
  return (
    <form
      action={formAction}
      key={JSON.stringify(typed ?? null)}
      className="grid items-start gap-3 grid-cols-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto]"
      noValidate
    >
      <input type="hidden" name="cycleId" value={cycleId} />
      {theme && <input type="hidden" name="themeId" value={theme.id} />}
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <TextField
        label={`Theme name${label}`}
        name="name"
        id={`${prefix}-name`}
        defaultValue={String(typed?.name ?? theme?.name ?? '')}
        errors={e.name}
      />
      <TextField
        label={`Key outcome${label}`}
        name="keyOutcome"
        id={`${prefix}-outcome`}
        defaultValue={String(typed?.keyOutcome ?? theme?.keyOutcome ?? '')}
        errors={e.keyOutcome}
      />
      <ThemeMetricFields prefix={prefix} label={label} initial={theme} typed={typed} errors={e} />
      <div className="pt-6">
        <SubmitButton variant={theme ? 'secondary' : 'primary'}>{theme ? 'Save theme' : 'Add theme'}</SubmitButton>
      </div>
    </form>
  );
}
