import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { mergeOptions, previewMerge, type MergePreview } from '@/lib/curation/merge-preview.server';
import { MERGEABLE } from '@/lib/curation/merge-rules.server';
import { MERGE_FIELDS } from '@/lib/curation/merge-schema';
import { asAppError, ValidationError } from '@/lib/errors';
import { pageError, readForPage, routeId } from '@/lib/pages.server';
import { idParam } from '@/lib/validation';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FieldChoices } from './field-choices';
import { MergeConfirmForm } from './merge-confirm-form';
import { MergeReview } from './merge-review';

export const metadata: Metadata = { title: 'Merge a duplicate · Quorum' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The review, or the refusal the merge itself would give (shown here, before anything is written). */
async function tryPreview(user: Awaited<ReturnType<typeof requirePermission>>, input: Record<string, unknown>) {
  try {
    return { preview: await previewMerge(user, input), error: null };
  } catch (error) {
    const known = asAppError(error);
    if (!known || known.status === 403 || known.status === 404) throw pageError(error);
    const fields = error instanceof ValidationError ? Object.values(error.fieldErrors).flat() : [];
    return { preview: null, error: fields.length ? fields.join(' ') : known.message };
  }
}

export default async function MergePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const user = await requirePermission('request.triage');
  const id = await routeId(params);
  const search = await searchParams;
  const { item, candidates } = await readForPage(() => mergeOptions(user, id));
  const other = idParam.safeParse(one(search.other));
  let result: { preview: MergePreview | null; error: string | null } = { preview: null, error: null };
  if (other.success) {
    const chosen = one(search.survivor);
    const survivorId = chosen === 'other' || chosen === String(other.data) ? other.data : id;
    const input: Record<string, unknown> = { survivorId, mergedId: survivorId === id ? other.data : id };
    for (const f of MERGE_FIELDS) input[f] = one(search[f]);
    result = await tryPreview(user, input);
  } else if (search.other !== undefined) {
    result.error = 'Choose the duplicate from the list.';
  }
  const { preview, error } = result;

  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={`/items/${id}`}>← {item.title}</Link>
      </p>
      <h1 className="text-xl font-semibold wrap-anywhere">Merge a duplicate of “{item.title}”</h1>
      {error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {!MERGEABLE.includes(item.status) ? (
        <p className="text-sm">
          This item is {STATUS_LABEL[item.status].toLowerCase()}: only submitted or curated items can be merged.
        </p>
      ) : !preview ? (
        <PickPair itemId={id} candidates={candidates} />
      ) : one(search.review) === '1' ? (
        <>
          <MergeReview preview={preview} />
          <MergeConfirmForm
            values={{
              survivorId: preview.survivor.id,
              mergedId: preview.merged.id,
              survivorVersion: preview.survivor.version,
              mergedVersion: preview.merged.version,
              ...Object.fromEntries(preview.fields.map((f) => [f.field, f.keep])),
            }}
          />
          <p className="text-sm">
            <Link
              href={`/items/${id}/merge?other=${preview.survivor.id === id ? preview.merged.id : preview.survivor.id}&survivor=${preview.survivor.id}&${preview.fields.map((f) => `${f.field}=${f.keep}`).join('&')}`}
            >
              Change the choices
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="text-sm">
            “{preview.merged.title}” will be merged into “{preview.survivor.title}”. For each field, choose whose
            version the surviving item keeps.
          </p>
          <FieldChoices itemId={id} preview={preview} />
        </>
      )}
    </div>
  );
}

/** Step one: the duplicate, and which of the two survives. */
function PickPair({ itemId, candidates }: { itemId: number; candidates: { id: number; title: string }[] }) {
  if (candidates.length === 0)
    return <p className="text-sm">No other item of the same cycle (or new request) can be merged with this one.</p>;
  return (
    <form method="get" className="space-y-4">
      <SelectField
        label="The duplicate"
        name="other"
        options={candidates.map((c) => ({ value: c.id, label: `#${c.id} ${c.title}` }))}
        placeholder="Choose an item"
        required
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Which item survives?</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="survivor" value={itemId} defaultChecked /> This item
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="survivor" value="other" /> The duplicate
        </label>
      </fieldset>
      <button type="submit" className={buttonClass('primary')}>
        Next: choose the fields
      </button>
    </form>
  );
}
