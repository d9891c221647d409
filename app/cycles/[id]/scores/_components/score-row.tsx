'use client';
import Link from '@/components/ui/link';
import { useActionState } from 'react';
import { LocalTime } from '@/components/items/item-history';
import { controlClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatScore } from '@/lib/scoring/formulas';
import type { InputKey, InputSpec, ModelSpec } from '@/lib/scoring/models';
import type { ScoreSheetRow } from '@/lib/scoring/inputs.server';
import { setScoreRowAction } from '../actions';

const valueText = (spec: InputSpec, value: number) => {
  const choice = spec.choices?.find((c) => c.value === value);
  const text = value.toLocaleString('en', { maximumFractionDigits: 2 });
  return choice ? `${text} (${choice.label})` : spec.key === 'confidence' ? `${text} %` : text;
};

/**
 * One item's row: a field for each input the viewer owns, the others read-only. The row is its own
 * form (its fields point at it with `form=`), so saving one row leaves what was typed in others.
 */
export function ScoreRowForm({
  cycleId,
  model,
  row,
  editable,
}: {
  cycleId: number;
  model: ModelSpec;
  row: ScoreSheetRow;
  editable: InputKey[];
}) {
  const [state, action] = useActionState(setScoreRowAction, undefined);
  const formId = `score-row-${row.id}`;
  const typed = state && !state.ok ? state.values : undefined;
  const canEdit = editable.length > 0;
  return (
    <tr>
      <th scope="row" className="py-2 pr-3 text-left font-medium wrap-anywhere">
        <Link href={`/items/${row.id}`}>{row.title}</Link>
      </th>
      {model.inputs.map((spec) => {
        const given = row.given[spec.key];
        const errors = state?.fieldErrors?.[`input_${spec.key}`];
        const id = `${formId}-${spec.key}`;
        const label = `${spec.label} for ${row.title}`;
        const initial = String(typed?.[`input_${spec.key}`] ?? given?.value ?? '');
        const fromEstimate = !given && spec.defaultsToEstimate && row.effectiveWeeks !== null && row.effectiveWeeks > 0;
        // A new saved value or a refused one re-creates the field with it.
        const fieldKey = `${given?.value ?? ''}|${initial}`;
        const props = {
          id,
          name: `input_${spec.key}`,
          form: formId,
          'aria-label': label,
          'aria-invalid': errors?.length ? true : undefined,
          'aria-describedby': errors?.length ? `${id}-error` : undefined,
          defaultValue: initial,
          className: `${controlClass} min-w-20`,
        };
        return (
          <td key={spec.key} className="py-2 pr-3">
            {editable.includes(spec.key) ? (
              spec.choices ? (
                <select key={fieldKey} {...props}>
                  <option value="">—</option>
                  {spec.choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.value} ({c.label})
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  key={fieldKey}
                  {...props}
                  type="number"
                  inputMode="decimal"
                  min={spec.min}
                  max={spec.max}
                  step={spec.step}
                  placeholder={fromEstimate ? String(row.effectiveWeeks) : undefined}
                />
              )
            ) : (
              <span>{given ? valueText(spec, given.value) : fromEstimate ? '' : '—'}</span>
            )}
            {errors?.length ? (
              <ul id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
            {given ? (
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                by {given.setByName}, <LocalTime iso={given.setAt} dateOnly />
              </span>
            ) : fromEstimate ? (
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                {row.effectiveWeeks} from the estimate
              </span>
            ) : null}
          </td>
        );
      })}
      <td className="py-2 pr-3 tabular-nums">
        {formatScore(row.score)}
        {!row.score.complete && (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">missing {row.score.missing.join(', ')}</span>
        )}
      </td>
      <td className="py-2">
        {canEdit && (
          <form id={formId} action={action} noValidate className="space-y-1">
            <input type="hidden" name="cycleId" value={cycleId} />
            <input type="hidden" name="itemId" value={row.id} />
            <SubmitButton variant="secondary">
              Save<span className="sr-only"> {row.title}</span>
            </SubmitButton>
            {state?.message && (
              <p role="status" className={`text-xs ${state.ok ? 'text-emerald-700' : 'text-red-700'}`}>
                {state.message}
              </p>
            )}
          </form>
        )}
      </td>
    </tr>
  );
}
