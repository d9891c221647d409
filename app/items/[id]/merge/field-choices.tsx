import Link from '@/components/ui/link';
import type { MergePreview } from '@/lib/curation/merge-preview.server';
import { buttonClass } from '@/components/ui/button';

/**
 * Step two: per field, whose version the survivor keeps. A plain GET form: the page re-renders
 * with the choice as the review (step three), so nothing is written until the pm confirms.
 */
export function FieldChoices({ itemId, preview }: { itemId: number; preview: MergePreview }) {
  return (
    <form method="get" className="space-y-4">
      <input
        type="hidden"
        name="other"
        value={preview.survivor.id === itemId ? preview.merged.id : preview.survivor.id}
      />
      <input type="hidden" name="survivor" value={preview.survivor.id} />
      <input type="hidden" name="review" value="1" />
      {preview.fields.map((f) => (
        <fieldset key={f.field} className="space-y-1 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">{f.label}</legend>
          {(['survivor', 'merged'] as const).map((side) => (
            <label key={side} className="flex items-start gap-2 text-sm wrap-anywhere">
              <input type="radio" name={f.field} value={side} defaultChecked={f.keep === side} className="mt-1" />
              <span>
                <span className="sr-only">{f.label}: </span>
                {side === 'survivor' ? 'Keep the surviving item’s' : 'Take the duplicate’s'}:{' '}
                <span className="whitespace-pre-line text-zinc-700 dark:text-zinc-300">{f[side]}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Review the merge
        </button>
        <Link href={`/items/${itemId}/merge`} className={buttonClass('secondary')}>
          Choose other items
        </Link>
      </div>
    </form>
  );
}
