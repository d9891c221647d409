import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { DEFAULT_SIZE_WEEKS } from '@/lib/estimates/estimates';
import { CycleForm } from '@/components/cycles/cycle-form';
import { listCycles } from '@/lib/cycles/cycles.server';
import { createCycleAction } from '@/app/cycles/actions';

export const metadata: Metadata = { title: 'New cycle · Quorum' };

/** The next calendar quarter, as a sensible default. */
function nextQuarter(today = new Date()) {
  const q = Math.floor(today.getUTCMonth() / 3) + 1;
  const year = q === 4 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
  const nextQ = q === 4 ? 1 : q + 1;
  const start = new Date(Date.UTC(year, (nextQ - 1) * 3, 1));
  const end = new Date(Date.UTC(year, nextQ * 3, 0));
  return {
    name: `${year}-Q${nextQ}`,
    startsOn: start.toISOString().slice(0, 10),
    endsOn: end.toISOString().slice(0, 10),
  };
}

export default async function NewCyclePage() {
  const user = await requirePermission('cycle.manage');
  // Default to the quarter after the latest cycle, so the suggested name is free.
  const latest = (await listCycles(user)).reduce<string | undefined>(
    (max, c) => (!max || c.endsOn > max ? c.endsOn : max),
    undefined,
  );
  const q = nextQuarter(latest ? new Date(`${latest}T00:00:00Z`) : new Date());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New cycle</h1>
      <CycleForm
        action={createCycleAction}
        submitLabel="Create cycle"
        initial={{ ...q, cadence: 'quarter', capacityWeeks: 60, sizeWeeks: DEFAULT_SIZE_WEEKS }}
      />
    </div>
  );
}
