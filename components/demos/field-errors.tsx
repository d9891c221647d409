/** A field's errors under it, with the id its control's aria-describedby points at. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="text-sm text-red-700 dark:text-red-400">
      {errors.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
