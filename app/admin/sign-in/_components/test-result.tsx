import { LocalTime } from '@/components/items/item-history';

/** What the last "Test this connection" received: the claims, or why the provider's answer was refused. */
export function TestResult({
  result,
  at,
  stale,
}: {
  result: Record<string, unknown> | null;
  at: number | null;
  stale: boolean;
}) {
  if (!result || at === null) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Not tested yet.</p>;
  const when = <LocalTime iso={new Date(at).toISOString()} />;
  if (result.ok !== true)
    return (
      <div role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
        <p className="font-medium">The last test failed ({when}).</p>
        <p>{String(result.message ?? '')}</p>
        {typeof result.detail === 'string' && <p className="wrap-anywhere">Detail: {result.detail}</p>}
      </div>
    );
  const rows: [string, string][] = [
    ['Subject', String(result.subject ?? '')],
    ['E-mail', String(result.email ?? '')],
    ['E-mail verified', result.emailVerified ? 'Yes' : 'No'],
    ['Name', String(result.name ?? '')],
    ['Groups', Array.isArray(result.groups) && result.groups.length ? result.groups.join(', ') : 'none'],
  ];
  return (
    <div
      role="status"
      className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <p className="font-medium">
        The last test passed ({when}).{stale ? ' The settings have changed since: test again before switching on.' : ''}
      </p>
      <dl className="grid gap-1 grid-cols-1 sm:grid-cols-[10rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary className="cursor-pointer">Every claim or attribute received</summary>
        <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap break-all">
          {JSON.stringify(result.raw ?? {}, null, 2)}
        </pre>
      </details>
    </div>
  );
}
