import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { getAmendmentForm } from '@/lib/changes/amend.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { AmendForm } from '@/components/changes/amend-form';
import { amendChangeRequestAction } from './actions';

export const metadata: Metadata = { title: 'Amend a change request · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * The raiser amends their change request after a leader dissented: the proposal as it stands, to
 * change, with its effect shown as it changes. Anyone else gets the 403 page; a request that cannot
 * be amended (nobody dissented, or it is decided) says why instead of a form.
 */
export default async function AmendChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = await routeId(params);
  const { options, ...amendment } = await readForPage(() => getAmendmentForm(user, id));
  const cr = amendment.changeRequest;
  return (
    <div className="max-w-7xl space-y-4">
      <div>
        <p className="text-sm">
          <Link href={`/changes/${cr.id}`}>← Change request #{cr.id}</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Amend “{cr.title}”</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Answer the dissent by changing where the item goes, what makes room for it or the case for it. The leaders are
          asked again; what they said in round {cr.round} stays on the request’s record.
        </p>
      </div>
      {amendment.refusal || !options ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {amendment.refusal}
        </p>
      ) : (
        <AmendForm action={amendChangeRequestAction} amendment={amendment} options={options} />
      )}
    </div>
  );
}
