import type { MergePreview } from '@/lib/curation/merge-preview.server';

/** Step three: the surviving item as it will be, and what else the merge does. */
export function MergeReview({ preview }: { preview: MergePreview }) {
  return (
    <section aria-labelledby="review" className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="review" className="font-semibold">
        Review: “{preview.survivor.title}” after the merge
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm wrap-anywhere sm:grid-cols-[10rem_minmax(0,1fr)]">
        {preview.fields.map((f) => (
          <div key={f.field} className="contents">
            <dt className="font-medium text-zinc-500 dark:text-zinc-400">{f.label}</dt>
            <dd className="whitespace-pre-line">
              {f[f.keep]}
              {f.keep === 'merged' && <span className="text-zinc-500 dark:text-zinc-400"> (from the duplicate)</span>}
            </dd>
          </div>
        ))}
        <div className="contents">
          <dt className="font-medium text-zinc-500 dark:text-zinc-400">Modules</dt>
          <dd>{preview.modules.join(', ') || '—'}</dd>
        </div>
        <div className="contents">
          <dt className="font-medium text-zinc-500 dark:text-zinc-400">Also requested by</dt>
          <dd>{preview.coRequestors.join(', ') || '—'}</dd>
        </div>
      </dl>
      <p className="text-sm">
        “{preview.merged.title}” becomes <strong>merged</strong> and points here; its requestors are told where their
        request went and follow this item from now on. This cannot be undone.
      </p>
    </section>
  );
}
