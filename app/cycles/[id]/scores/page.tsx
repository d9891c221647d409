import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { getCycle } from '@/lib/cycles/cycles.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { getScoreSheet } from '@/lib/scoring/inputs.server';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollBox } from '@/components/ui/scroll-box';
import { ScoreRowForm } from './_components/score-row';

export const metadata: Metadata = { title: 'Scores · Quorum' };

const ROLE_NAME = {
  admin: 'an admin',
  pm: 'the pm',
  leader: 'a leader',
  engineer: 'an engineer',
  requestor: 'a requestor',
};

export default async function ScoresPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const cycle = await readForPage(() => getCycle(user, cycleId));
  const sheet = await getScoreSheet(user, cycleId);
  const model = sheet.model;
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/cycles/${cycle.id}`}>← Back to the {cycle.name} backlog</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.name} scores</h1>
      </div>
      {!model ? (
        <EmptyState title="This cycle has no scoring model">
          {can(user, 'cycle.manage') ? (
            <>
              Choose one in the <Link href={`/cycles/${cycle.id}/settings`}>cycle settings</Link>.
            </>
          ) : (
            'A pm chooses one in the cycle settings.'
          )}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="model-heading" className="space-y-2 text-sm">
            <h2 id="model-heading" className="text-lg font-semibold">
              {model.name}: {model.formula}
            </h2>
            <p>
              Scores are information for the meeting, not a decision. A missing input leaves a score incomplete, never
              0.
            </p>
            <ul className="list-disc pl-5 text-zinc-600 dark:text-zinc-400">
              {model.inputs.map((i) => (
                <li key={i.key}>
                  <strong>{i.label}</strong> ({ROLE_NAME[sheet.owners[i.key]]} fills it): {i.help}
                </li>
              ))}
            </ul>
            {sheet.editable.length === 0 && (
              <p role="note">Your role owns none of these inputs: you can read the scores but not change them.</p>
            )}
          </section>
          {sheet.rows.length === 0 ? (
            <EmptyState title="No items to score">This cycle has no items yet.</EmptyState>
          ) : (
            <ScrollBox label="Scores">
              <table className="w-full text-sm">
                <thead className="text-left text-zinc-500 dark:text-zinc-400">
                  <tr>
                    <th className="py-2 pr-3">Item</th>
                    {model.inputs.map((i) => (
                      <th key={i.key} className="pr-3">
                        {i.label}
                      </th>
                    ))}
                    <th className="pr-3">Score</th>
                    <th>
                      <span className="sr-only">Save</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
                  {sheet.rows.map((row) => (
                    <ScoreRowForm key={row.id} cycleId={cycle.id} model={model} row={row} editable={sheet.editable} />
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </div>
  );
}
