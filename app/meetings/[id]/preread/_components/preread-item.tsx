'use client';
import type { PrereadItemView } from '@/lib/prereads/read.server';
import { itemFieldsHtml } from '@/lib/prereads/fields-html';
import type { PrereadStanceView } from '@/lib/meetings/stances.server';
import { StanceCountsLine, StanceMarker } from './stance-marker';
import { QuestionThread, type AskState } from './thread';
import type { PrereadScores } from '@/lib/prereads/preread-scores.server';
import { ScoreNote } from './score-note';

/** Marked in words, not colour alone: what changed after the pre-read went out, before → after. */
function ChangedMarker({ changes }: { changes: PrereadItemView['changes'] }) {
  return (
    <div
      role="note"
      aria-label="Changed since the pre-read"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <p className="font-semibold text-amber-900 dark:text-amber-200">Changed since the pre-read</p>
      <ul className="mt-1 space-y-0.5">
        {changes.map((c) => (
          <li key={c.field} className="whitespace-pre-line wrap-anywhere">
            <span className="font-medium">{c.label}:</span> {c.before} → {c.after}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One item of the pre-read as frozen when it was sent, with its changes since and its questions (styled by preread.css). */
export function PrereadItem({
  item,
  meetingId,
  ask,
  snapshotKey,
  stances,
  scoring,
}: {
  item: PrereadItemView;
  meetingId: number;
  ask: AskState;
  snapshotKey: string;
  stances?: PrereadStanceView;
  scoring?: PrereadScores;
}) {
  const titleId = `item-${item.id}-title`;
  return (
    <article id={`item-${item.id}`} aria-labelledby={titleId} className="preread-item pr-item">
      <h3 id={titleId} className="pr-title">
        {item.title}
      </h3>
      {item.changes.length > 0 && <ChangedMarker changes={item.changes} />}
      {/* Escaped markup, built once per snapshot (lib/prereads/fields-html.ts): 200 items × 27 elements otherwise. */}
      <dl className="pr-fields" dangerouslySetInnerHTML={{ __html: itemFieldsHtml(snapshotKey, item) }} />
      {scoring && <ScoreNote modelName={scoring.modelName} score={scoring.scores[item.id]} />}
      {stances?.counts && <StanceCountsLine counts={stances.counts[item.id]} />}
      {stances?.canMark && (
        <StanceMarker meetingId={meetingId} itemId={item.id} title={item.title} saved={stances.mine[item.id] ?? null} />
      )}
      <QuestionThread meetingId={meetingId} itemId={item.id} title={item.title} questions={item.questions} ask={ask} />
    </article>
  );
}
