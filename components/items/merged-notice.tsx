import Link from '@/components/ui/link';

/** "Merged into <survivor>" on a merged duplicate's page, linking to where its request went. */
export function MergedNotice({
  survivor,
  basePath,
}: {
  /** The item it was merged into (lib/curation/merged-into.server.ts), or null when it was not merged. */
  survivor: { id: number; title: string } | null;
  /** '/items' for the backlog page, '/requests' for a requestor's page. */
  basePath: '/items' | '/requests';
}) {
  if (!survivor) return null;
  return (
    <p
      role="note"
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 wrap-anywhere dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
    >
      Merged into <Link href={`${basePath}/${survivor.id}`}>{survivor.title}</Link>, which asks for the same thing. Its
      requestors follow that item now.
    </p>
  );
}
