type State = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * The summary line above a form: an error summary or a success note, announced politely.
 * `besideFields` names the fields the form shows errors beside: a refusal that one of them already
 * says is not shown a second time up here, only announced (the field's own error is not a live region).
 */
export function FormMessage({ state, besideFields = [] }: { state: State | undefined; besideFields?: string[] }) {
  if (!state?.message) return null;
  if (!state.ok && besideFields.some((f) => state.fieldErrors?.[f]?.includes(state.message!)))
    return (
      <p role="status" aria-label="Error" className="sr-only">
        {state.message}
      </p>
    );
  return (
    <p
      role="status"
      aria-label={state.ok ? 'Success' : 'Error'}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200'}`}
    >
      {state.message}
    </p>
  );
}
