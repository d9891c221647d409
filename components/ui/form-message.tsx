/** The summary line above a form: an error summary or a success note, announced politely. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | undefined }) {
  if (!state?.message) return null;
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
