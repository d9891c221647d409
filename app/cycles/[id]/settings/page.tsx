import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { getCycle } from '@/lib/cycles/cycles.server';
import { listThemes } from '@/lib/cycles/themes.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { CycleForm } from '@/components/cycles/cycle-form';
import { ThemeForm } from '@/components/cycles/theme-forms';
import { ThemeCommands } from '@/app/cycles/[id]/settings/_components/theme-commands';
import { EmptyState } from '@/components/ui/empty-state';
import { plural } from '@/lib/plural';
import { addThemeAction, updateCycleAction, updateThemeAction } from '@/app/cycles/actions';
import { NfrTargetForm } from '@/components/cycles/nfr-target-form';
import { setNfrTargetAction } from '@/app/cycles/nfr-actions';
import { ScoringSettingsForm } from '@/app/cycles/[id]/settings/_components/scoring-settings-form';
import { getScoringSettings } from '@/lib/scoring/settings.server';

export const metadata: Metadata = { title: 'Cycle settings · Quorum' };

export default async function CycleSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await requirePermission('cycle.manage');
  const cycleId = await routeId(params);
  const cycle = await readForPage(() => getCycle(user, cycleId));
  const themes = await listThemes(user, cycleId);
  const scoring = await getScoringSettings(user, cycleId);
  const created = (await searchParams).created === '1';
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <p className="text-sm">
          <Link href={`/cycles/${cycle.id}`}>← Back to the {cycle.name} backlog</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.name} settings</h1>
        {created && (
          <p
            role="status"
            className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          >
            Cycle created. Add its themes below.
          </p>
        )}
      </div>
      <section aria-labelledby="themes-heading" className="space-y-4">
        <h2 id="themes-heading" className="text-lg font-semibold">
          Themes
        </h2>
        {themes.length === 0 ? (
          <EmptyState title="No themes yet">
            Themes are the cycle&apos;s focus areas. Add 3–4, each with a key outcome.
          </EmptyState>
        ) : (
          <ol className="space-y-4">
            {themes.map((t, i) => (
              <li
                key={t.id}
                aria-label={`Theme ${t.name}`}
                className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
              >
                <div className="mb-2 flex items-center justify-between text-sm text-zinc-500 dark:text-zinc-400">
                  <span>
                    #{i + 1} · {plural(t.itemCount, 'item')}
                  </span>
                  <ThemeCommands cycleId={cycle.id} theme={t} first={i === 0} last={i === themes.length - 1} />
                </div>
                <ThemeForm action={updateThemeAction} cycleId={cycle.id} theme={t} />
              </li>
            ))}
          </ol>
        )}
        <div className="rounded-lg border border-dashed border-zinc-300 p-4 dark:border-zinc-700">
          <h3 className="mb-2 font-medium">Add a theme</h3>
          <ThemeForm action={addThemeAction} cycleId={cycle.id} />
        </div>
      </section>
      <section aria-labelledby="scoring-heading" className="space-y-4">
        <h2 id="scoring-heading" className="text-lg font-semibold">
          Scoring
        </h2>
        <ScoringSettingsForm settings={scoring} />
      </section>
      <section aria-labelledby="cycle-heading" className="space-y-4">
        <h2 id="cycle-heading" className="text-lg font-semibold">
          Cycle
        </h2>
        <CycleForm action={updateCycleAction} submitLabel="Save cycle" initial={cycle} />
      </section>
      <section aria-labelledby="nfr-heading" className="space-y-4">
        <h2 id="nfr-heading" className="text-lg font-semibold">
          Non-functional work
        </h2>
        <NfrTargetForm action={setNfrTargetAction} cycleId={cycle.id} current={cycle.nfrTargetPercent} />
      </section>
    </div>
  );
}
