'use client';
import { DECISION_COLOUR } from '@/components/ui/status-colours';
import type { LiveItemDetail } from '@/lib/live-meeting/details.server';
import type { LiveItem, LiveState } from '@/lib/live-meeting/state.server';
import { ItemControls, ItemNotes } from './item-controls';
import { OUTCOME_LABEL } from './labels';
import { TallyView } from './tally-view';
import type { Send } from './use-live-meeting';
import { VotePanel } from './vote-panel';

/** The item under discussion: its fields, changes since the pre-read, Q&A, notes, votes and decision. */
export function CurrentItem({
  state,
  item,
  detail,
  send,
  large = false,
}: {
  state: LiveState;
  item: LiveItem;
  detail: LiveItemDetail | undefined;
  send: Send;
  large?: boolean;
}) {
  const position = state.agenda.indexOf(item) + 1;
  const live = state.meeting.status === 'live';
  const { viewer } = state;
  return (
    <article aria-labelledby="current-item-title" className="space-y-4">
      <header>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Item {position} of {state.agenda.length}
          {detail?.theme && ` · ${detail.theme}`}
        </p>
        <h2 id="current-item-title" className={large ? 'text-4xl font-bold' : 'text-2xl font-semibold'}>
          {item.title}
        </h2>
      </header>
      {item.decision && (
        <p
          role="status"
          data-testid="decision"
          className={`rounded-md px-3 py-2 text-sm ${DECISION_COLOUR[item.decision.outcome]}`}
        >
          Decision: <strong>{OUTCOME_LABEL[item.decision.outcome]}</strong>
          {item.decision.reason && <> — Reason: {item.decision.reason}</>}
          {item.decision.notes && <> — Note: {item.decision.notes}</>}
        </p>
      )}
      {!large && viewer.role === 'voter' && <VotePanel key={item.itemId} item={item} send={send} live={live} />}
      {!large && viewer.role === 'observer' && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You attend as an observer: you follow the votes but do not vote.
        </p>
      )}
      <TallyView tally={item.tally} weighted={state.settings.weighted} large={large} />
      {!large && viewer.isFacilitator && <ItemControls key={item.itemId} item={item} state={state} send={send} />}
      <ItemNotes item={item} canWrite={!large && viewer.isFacilitator} send={send} live={live} />
      {detail && <ItemDetail detail={detail} />}
    </article>
  );
}

export function ItemDetail({ detail }: { detail: LiveItemDetail }) {
  return (
    <div className="space-y-3">
      {detail.changes.length > 0 ? (
        <div
          role="note"
          aria-label="Changed since the pre-read"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <p className="font-semibold text-amber-900 dark:text-amber-200">Changed since the pre-read</p>
          <ul className="mt-1 space-y-0.5">
            {detail.changes.map((c) => (
              <li key={c.field} className="whitespace-pre-line wrap-anywhere">
                <span className="font-medium">{c.label}:</span> {c.before} → {c.after}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {detail.sentInPreread ? 'Unchanged since the pre-read.' : 'This item was not in the pre-read.'}
        </p>
      )}
      {/* Escaped markup (lib/prereads/fields-html.ts escapes every value). */}
      <dl
        className="grid gap-x-6 gap-y-2 text-sm grid-cols-1 sm:grid-cols-2 [&_.pr-wide]:sm:col-span-2 [&_dd]:whitespace-pre-wrap [&_dt]:font-medium [&_dt]:text-zinc-600 dark:[&_dt]:text-zinc-400"
        dangerouslySetInnerHTML={{ __html: detail.fieldsHtml }}
      />
      <section aria-label="Questions from the pre-read" className="space-y-2">
        <h3 className="text-sm font-semibold">Questions and answers</h3>
        {detail.questions.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No questions were asked.</p>
        ) : (
          <ul className="space-y-2">
            {detail.questions.map((q) => (
              <li key={q.id} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
                <p>
                  <span className="font-medium">{q.authorName}</span>
                  {q.resolved && ' (resolved)'}: <span className="whitespace-pre-wrap wrap-anywhere">{q.body}</span>
                </p>
                {q.answers.map((a) => (
                  <p key={a.id} className="mt-1 border-l-2 border-zinc-200 pl-2 dark:border-zinc-700">
                    <span className="font-medium">{a.authorName}</span>:{' '}
                    <span className="whitespace-pre-wrap wrap-anywhere">{a.body}</span>
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
