import { CONFIRM_OVER_CAPACITY_LABEL, overrunsText, type CapacityOverrun } from '@/lib/changes/capacity';

/**
 * Going over capacity is a choice the raiser makes in so many words: while the effect shows a
 * period pushed over its capacity, the form carries a checkbox naming by how much, and the server
 * refuses the request without it. The checkbox is keyed by the excess, so a different excess
 * (the form changed) must be confirmed again.
 */
export function OverCapacityConfirm({
  overruns,
  defaultChecked,
  errors,
}: {
  overruns: readonly CapacityOverrun[];
  defaultChecked: boolean;
  errors?: string[];
}) {
  if (overruns.length === 0 && !errors?.length) return null;
  const text = overrunsText(overruns);
  return (
    <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      {overruns.length > 0 && (
        <>
          <p id="over-capacity-text">
            <strong className="font-semibold">Over capacity:</strong> {text}.
          </p>
          <label className="flex items-start gap-2 font-medium">
            <input
              key={text}
              type="checkbox"
              name="confirmOverCapacity"
              defaultChecked={defaultChecked}
              className="mt-0.5"
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? 'over-capacity-text confirmOverCapacity-error' : 'over-capacity-text'}
            />
            <span>
              {CONFIRM_OVER_CAPACITY_LABEL}: {text}
            </span>
          </label>
        </>
      )}
      {errors?.length ? (
        <p id="confirmOverCapacity-error" className="font-medium text-red-800 dark:text-red-200">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
