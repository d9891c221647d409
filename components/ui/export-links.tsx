import { buttonClass } from './button';

/**
 * "Export CSV" and "Export XLSX" as plain download links, grouped and named for what they export.
 * Plain anchors, not next/link: a download must not be prefetched or routed client-side.
 */
export function ExportLinks({ label, href }: { label: string; href: (format: 'csv' | 'xlsx') => string }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2 print:hidden">
      <a href={href('csv')} download className={buttonClass('secondary')}>
        Export CSV
      </a>
      <a href={href('xlsx')} download className={buttonClass('secondary')}>
        Export XLSX
      </a>
    </div>
  );
}
