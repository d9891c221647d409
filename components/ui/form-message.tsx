type State = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * The summary line above a form: an error summary or a success note, announced politely.
 * `besideFields` names the fields the form shows errors beside: a refusal that one of them already
 * says is not shown a second time up here, only announced (the field's own error is not a live region).
 * `neutral`: a success that is not good news in itself (an item rejected) is not shown in green.
 */
export function FormMessage({
  state,
  besideFields = [],
  neutral = false,
}: {
  state: State | undefined;
  besideFields?: string[];
  neutral?: boolean;
}) {
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
      className={`rounded-md px-3 py-2 text-sm ${!state.ok ? 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200' : neutral ? 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'}`}
    >
      {state.message}
    </p>
  );
}
