'use client';
import { useActionState, useEffect, useMemo, useRef, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import type { AgendaEditorData } from '@/lib/meetings/agenda.server';
import { defaultAgendaOrder, summariseAgenda } from '@/lib/meetings/agenda-order';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { setAgendaAction } from '@/app/meetings/[id]/actions';
import { AgendaSummaryView } from '@/components/meetings/agenda-summary';
import { timeBoxes } from '@/lib/meetings/time-boxes';
import { contest, contestedFirst } from '@/lib/meetings/contested';
import { AgendaPlanTools, useAgendaPlan } from './use-agenda-plan';
import { AgendaRowView } from './agenda-row';
import { AgendaRowPlan } from './agenda-row-plan';
import { AgendaNfrShare, KeepModulesTogether } from './agenda-nfr-tools';
import { SortByScoreButton } from './sort-by-score';
import { thisCycleFirst } from '@/lib/meetings/map-slice-order';

const NO_STANCES = { leanAccept: 0, leanReject: 0, unsure: 0 };

/**
 * Chooses which curated items go to the meeting and in what order. Totals follow the choice live;
 * nothing is saved until "Save agenda", which sends the ids in order.
 */
export function AgendaEditor({ data }: { data: AgendaEditorData }) {
  const [state, action] = useActionState(setAgendaAction, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  if (data.candidates.length === 0) {
    return (
      <EmptyState title="No curated items in this cycle yet">
        Curate items in the backlog (set their status to Curated) to put them on the agenda.
      </EmptyState>
    );
  }
  return <AgendaFields key={JSON.stringify(typed ?? null)} data={data} state={state} action={action} typed={typed} />;
}

function AgendaFields({
  data,
  state,
  action,
  typed,
}: {
  data: AgendaEditorData;
  state: FormState | undefined;
  action: (form: FormData) => void;
  typed: FormState['values'];
}) {
  const byId = useMemo(() => new Map(data.candidates.map((c) => [c.id, c])), [data.candidates]);
  const [order, setOrder] = useState<number[]>(() =>
    (typed ? ([] as string[]).concat(typed.itemId ?? []).map(Number) : data.included).filter((id) => byId.has(id)),
  );
  // Moving an item re-orders the DOM; keep keyboard focus on the button that moved it.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    const button = document.getElementById(focusAfter.current) as HTMLButtonElement | null;
    focusAfter.current = null;
    if (button && !button.disabled) button.focus();
    else (button?.parentElement?.querySelector('button:not([disabled])') as HTMLButtonElement | null)?.focus();
  }, [order]);

  const included = order.map((id) => byId.get(id)!);
  const others = thisCycleFirst(
    defaultAgendaOrder(
      data.candidates.filter((c) => !order.includes(c.id)),
      data.themes,
    ),
    data.onMapThisCycle,
  );
  const summary = summariseAgenda(included, data.themes, data.capacityWeeks);

  const plan = useAgendaPlan(data, typed);
  const time = timeBoxes(
    order.map((id) => ({ itemId: id, timeBoxMinutes: plan.minutesOf(id) })),
    data.durationMinutes,
  );
  const toggle = (id: number, on: boolean) => setOrder((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));
  const move = (id: number, by: -1 | 1) => {
    focusAfter.current = `agenda-${id}-${by < 0 ? 'up' : 'down'}`;
    setOrder((prev) => {
      const at = prev.indexOf(id);
      const to = at + by;
      if (at < 0 || to < 0 || to >= prev.length) return prev;
      const next = [...prev];
      [next[at], next[to]] = [next[to], next[at]];
      return next;
    });
  };
  const byTheme = () =>
    setOrder((prev) =>
      defaultAgendaOrder(
        prev.map((id) => byId.get(id)!),
        data.themes,
      ).map((c) => c.id),
    );

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="meetingId" value={data.meetingId} />
      <FormMessage state={state} />
      {state?.fieldErrors?.agenda && state.fieldErrors.agenda.length > 1 && (
        <ul className="text-sm text-red-700 dark:text-red-400">
          {state.fieldErrors.agenda.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <AgendaSummaryView summary={summary} />
      <AgendaNfrShare data={data} included={included} />
      <AgendaPlanTools
        data={data}
        plan={plan}
        time={time}
        disabled={order.length === 0}
        onOrder={() => {
          const suggested = contestedFirst(order, plan.counts);
          setOrder(suggested.map((c) => c.itemId));
          return suggested.map((c) => ({ title: byId.get(c.itemId)!.title, contest: c }));
        }}
        order={order}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">On the agenda</h3>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={byTheme} disabled={order.length < 2}>
            Order by theme
          </Button>
          <KeepModulesTogether data={data} order={order} onOrder={setOrder} />
          <SortByScoreButton scoring={data.scoring} order={order} onOrder={setOrder} />
        </div>
      </div>
      {included.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          Nothing on the agenda yet: tick the items below to include them.
        </p>
      ) : (
        <ol
          aria-label="Agenda"
          className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {included.map((item, n) => (
            <AgendaRowView
              key={item.id}
              item={item}
              position={n + 1}
              included
              onToggle={toggle}
              onMove={move}
              first={n === 0}
              last={n === included.length - 1}
              plan={
                <AgendaRowPlan
                  itemId={item.id}
                  title={item.title}
                  minutes={plan.boxes[item.id] ?? ''}
                  share={time.items[n].minutes}
                  minutesErrors={state?.fieldErrors?.[`timeBox_${item.id}`]}
                  onMinutes={(v) => plan.setBox(item.id, v)}
                  consent={plan.consent.has(item.id)}
                  consentEditable={data.consentEditable}
                  pulled={data.pulled.includes(item.id)}
                  onConsent={(on) => plan.setConsent(item.id, on)}
                  contest={contest(item.id, plan.counts.get(item.id) ?? NO_STANCES)}
                />
              }
            />
          ))}
        </ol>
      )}
      {others.length > 0 && (
        <>
          <h3 className="font-medium">Other curated items</h3>
          <ul
            aria-label="Other curated items"
            className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {others.map((item) => (
              <AgendaRowView
                key={item.id}
                item={item}
                included={false}
                onToggle={toggle}
                onMap={data.onMapThisCycle.includes(item.id)}
              />
            ))}
          </ul>
        </>
      )}
      {!data.closed && <SubmitButton>Save agenda</SubmitButton>}
    </form>
  );
}
